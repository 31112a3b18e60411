"""Plan images: read PNG, JPEG or one page of a PDF; rotate and crop.

PDF pages are rendered with PDFium (pypdfium2) at the resolution the user
chooses and stored as PNG, so the project does not need the PDF again. Images
keep their format (JPEG photos of paper plans stay JPEG) unless they had to be
rendered. Pillow and PDFium are imported on first use: the desktop app should
not pay for them before a plan is opened.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from specassist.domain.plans import Crop, PlanError
from specassist.storage.plan_store import PlanImage

DEFAULT_PDF_DPI = 150.0
"""An A1 drawing (841 × 594 mm) at 150 dpi is 4967 × 3508 px: lines of 0.25 mm stay visible
(1.5 px) and the PNG of a typical line drawing stays under a few megabytes."""

MAX_PIXELS = 80_000_000
"""Largest image accepted (width × height): an A0 sheet at 300 dpi is 9933 × 14043 = 139 Mpx,
which needs over 500 MB as RGBA in memory; ask for a lower resolution instead."""

IMAGE_SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}


def _pillow() -> Any:
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    return Image


def read_plan_file(path: Path, page: int = 1, dpi: float = DEFAULT_PDF_DPI) -> PlanImage:
    """Read a plan file; ``page`` (1-based) and ``dpi`` apply to PDFs only."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise PlanError(f"{path}: file not found")
    if suffix == ".pdf":
        return _render_pdf_page(path, page, dpi)
    if suffix not in IMAGE_SUFFIXES:
        raise PlanError(f"{path.name}: a plan must be a PNG, JPEG or PDF file")
    data = path.read_bytes()
    return image_from_bytes(data, path.name)


def image_from_bytes(data: bytes, name: str) -> PlanImage:
    Image = _pillow()
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.verify()
        with Image.open(io.BytesIO(data)) as picture:
            kind = picture.format
            width, height = picture.size
    except Image.DecompressionBombError:
        raise PlanError(f"{name}: the image is larger than {MAX_PIXELS:,} pixels") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise PlanError(f"{name}: not a readable PNG or JPEG image ({exc})") from exc
    if kind not in {"PNG", "JPEG"}:
        raise PlanError(f"{name}: a plan must be a PNG, JPEG or PDF file (found {kind})")
    return PlanImage(data, kind, width, height)


def _render_pdf_page(path: Path, page: int, dpi: float) -> PlanImage:
    import pypdfium2

    if not 10 <= dpi <= 1200:
        raise PlanError(f"{path.name}: choose a resolution between 10 and 1200 dpi (got {dpi:g})")
    try:
        document = pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        raise PlanError(f"{path.name}: not a readable PDF ({exc})") from exc
    try:
        pages = len(document)
        if not 1 <= page <= pages:
            raise PlanError(f"{path.name}: has {pages} page(s); page {page} does not exist")
        sheet = document[page - 1]
        width_pt, height_pt = sheet.get_size()
        if width_pt * height_pt * (dpi / 72) ** 2 > MAX_PIXELS:
            raise PlanError(
                f"{path.name}: page {page} at {dpi:g} dpi would exceed {MAX_PIXELS:,} pixels; "
                "choose a lower resolution"
            )
        picture = sheet.render(scale=dpi / 72).to_pil()
    finally:
        document.close()
    return _encode(picture, "PNG")


def _encode(picture: Any, kind: str) -> PlanImage:
    buffer = io.BytesIO()
    if kind == "JPEG" and picture.mode not in {"RGB", "L"}:
        picture = picture.convert("RGB")
    picture.save(buffer, format=kind, **({"quality": 92} if kind == "JPEG" else {}))
    width, height = picture.size
    return PlanImage(buffer.getvalue(), kind, width, height)


PRINT_PX = 2400
"""Longest side of a plan picture in a document: 350 dpi across a 170 mm column."""


def for_print(image: PlanImage, longest: int = PRINT_PX) -> PlanImage:
    """The picture no larger than ``longest`` pixels on its longer side, same format."""
    if max(image.width_px, image.height_px) <= longest:
        return image
    Image = _pillow()
    with Image.open(io.BytesIO(image.data)) as picture:
        picture.load()
        ratio = longest / max(picture.size)
        size = (max(1, round(picture.width * ratio)), max(1, round(picture.height * ratio)))
        smaller = picture.resize(size, Image.Resampling.LANCZOS)
    return _encode(smaller, image.format)


def rotate(image: PlanImage, degrees: float) -> PlanImage:
    """Turn the image ``degrees`` anticlockwise, enlarging the canvas; quarter turns are exact."""
    Image = _pillow()
    quarter = {90.0: Image.Transpose.ROTATE_90, 180.0: Image.Transpose.ROTATE_180,
               270.0: Image.Transpose.ROTATE_270}  # fmt: skip
    turns = round(degrees % 360, 6)
    with Image.open(io.BytesIO(image.data)) as picture:
        picture.load()
        if turns in quarter:
            turned = picture.transpose(quarter[turns])
        else:
            fill = "white" if picture.mode in {"RGB", "RGBA", "L"} else None
            turned = picture.rotate(turns, resample=Image.Resampling.BICUBIC, expand=True,
                                    fillcolor=fill)  # fmt: skip
    return _encode(turned, image.format)


def crop(image: PlanImage, area: Crop) -> tuple[PlanImage, Crop]:
    """Cut out ``area``, trimmed to the image and to whole pixels; returns the area used."""
    left, top = max(0, round(area.left)), max(0, round(area.top))
    right = min(image.width_px, round(area.left + area.width))
    bottom = min(image.height_px, round(area.top + area.height))
    if right - left < 2 or bottom - top < 2:
        raise PlanError("the crop area must lie on the plan and be at least 2 × 2 pixels")
    Image = _pillow()
    with Image.open(io.BytesIO(image.data)) as picture:
        picture.load()
        cut = picture.crop((left, top, right, bottom))
    return _encode(cut, image.format), Crop(left, top, right - left, bottom - top)
