"""Office files (DOCX, XLSX) that are byte-for-byte the same for the same inputs.

python-docx and openpyxl stamp each zip member with the current time and the
core properties with the time of saving, so two runs never match and a
reviewer cannot tell a changed tender from a re-run. This rewrites the zip
with members in the writer's order, a fixed member time and the document's
issue date as its created and modified time.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry (MS-DOS date); SOURCE_DATE_EPOCH tools use it too."""

_STAMPS = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def normalise(data: bytes, issued: date) -> bytes:
    stamp = f"{issued.isoformat()}T00:00:00Z".encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = _STAMPS.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            info = zipfile.ZipInfo(item.filename, ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 3
            target.writestr(info, content, compresslevel=6)
    return out.getvalue()


def save(data: bytes, path: Path, issued: date) -> None:
    """Write via a temporary file, so a failure leaves no half-written file behind."""
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(normalise(data, issued))
    temporary.replace(path)
