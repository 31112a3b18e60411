"""Write the matching corpus: surveyed cameras as a surveyor records them, with the criteria
a specialist would accept, worked out from what the camera really was.

Usage: python tests/eval/make_corpus.py   (rewrites corpus.csv; deterministic)

Each row starts from a real catalog entry of an excluded maker (the *truth*)
and a scene: a target distance, a purpose or none, indoors or out, a mount.
The survey columns then say only what a degraded survey would (``DEGRADE``):
megapixels only, distances in feet, no lens, a lens and resolution with no
model number, a lens alone, a varifocal range, a PTZ's zoom factor instead of
its lens, no environment. The criteria columns are computed from the truth,
never from the survey text, by the rules in ``README.md``.

The first rows are the hand-written estate of the earlier corpus
(``HAND``), judged by the same rules. Rows are spread over rule profiles and
currencies, and about a third are held out (``Split``): decisions about the
matcher are made on the development rows, and both figures are reported.
"""

from __future__ import annotations

import csv
import hashlib
import math
import random
from pathlib import Path

from specassist.domain import optics
from specassist.domain.catalog import CameraModel, Catalog, LensType
from specassist.domain.optics import lens_range, model_sensor_width
from specassist.domain.requirements import FAMILY_OF, PANORAMIC, FormFamily
from specassist.domain.survey import DoriLevel
from specassist.services.catalog_service import check_catalog

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus.csv"
PRICES = HERE / "prices.csv"
EXCLUDED = ("hikvision", "dahua", "hilook", "hiwatch", "lorex", "amcrest")
LABELS = {"hikvision": ["Hikvision", "HIKVISION", "Hikvision Digital Technology"],
          "dahua": ["Dahua", "DAHUA", "Dahua Technology"], "hilook": ["HiLook"],
          "hiwatch": ["HiWatch"], "lorex": ["Lorex"], "amcrest": ["Amcrest"]}  # fmt: skip
PROFILES = ("all", "us-ndaa-889", "uk-sensitive-sites-2022", "us-ndaa-889;us-fcc-covered-list")
CURRENCIES = ("GBP", "USD", "EUR")
DEGRADE = ("full", "full", "megapixels only", "feet", "no lens", "lens and resolution only",
           "lens only", "unknown environment", "full", "megapixels only")  # fmt: skip
SURVEY = [
    "Cam Ref",
    "Site",
    "Location",
    "Manufacturer",
    "Model No.",
    "Camera Type",
    "Resolution",
    "Lens",
    "Mounting",
    "Distance to target",
    "Purpose",
    "Indoor/Outdoor",
]
CRITERIA = ["Profile", "Currency", "Split", "Degraded", "Truth", "Need family", "Need view (deg)",
            "Need distance (m)", "Need detail (px/m)", "Need pixels", "Outdoor",
            "Need IR (m)", "Expect", "Estimated"]  # fmt: skip
MOUNTS = {
    FormFamily.FIXED_DOME: ["Ceiling", "Wall", "Pendant", "Junction box DS-1280ZJ-S",
                            "Single gang box", "Corner"],
    FormFamily.BULLET: ["Wall", "Pole", "Junction box DS-1280ZJ-XS", "Wall bracket"],
    FormFamily.PTZ: ["Wall", "Pole", "Parapet", "Pendant"],
    FormFamily.FISHEYE: ["Ceiling", "Pendant"],
    FormFamily.MULTISENSOR: ["Wall", "Pole"],
    FormFamily.OTHER: ["Wall"],
}  # fmt: skip
DISTANCES = {FormFamily.FIXED_DOME: (3, 20), FormFamily.BULLET: (4, 40), FormFamily.PTZ: (30, 150),
             FormFamily.FISHEYE: (3, 10), FormFamily.MULTISENSOR: (6, 30),
             FormFamily.OTHER: (3, 15)}  # fmt: skip
PURPOSES = [None, None, DoriLevel.DETECT, DoriLevel.OBSERVE, DoriLevel.RECOGNISE,
            DoriLevel.IDENTIFY]  # fmt: skip


def main() -> None:
    catalog = check_catalog().catalog
    models = {m.key.lower(): m for m in catalog.models}
    truths = [m for m in catalog.models if m.vendor_id in EXCLUDED and _lens(m) and m.resolution]
    rows = [_hand_row(row, models) for row in HAND]
    rng = random.Random(15)
    for n in range(150):
        old = truths[n % len(truths)] if n < len(truths) else rng.choice(truths)
        rows.append(_generated(n + 1, old, rng))
    with CORPUS.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [*SURVEY, *CRITERIA], lineterminator="\n")
        writer.writeheader()
        writer.writerows(r for r in rows if r)
    print(f"{CORPUS}: {sum(1 for r in rows if r)} cameras")
    print(f"{PRICES}: {write_prices(catalog)} prices")


COMPLIANT = ("axis", "hanwha", "bosch", "ipro", "avigilon", "vivotek", "mobotix", "pelco")
BASE_PRICE = {"dome": 380, "turret": 340, "bullet": 360, "box": 420, "ptz": 1900, "fisheye": 900,
              "multisensor": 2600, "cube": 250, "other": 400}  # fmt: skip
"""Synthetic list prices by form, for a 1920-px camera, to exercise currencies and the price
book; scaled by resolution^0.6. Not market prices: the file says so on every use."""


def write_prices(catalog: Catalog) -> int:
    """A synthetic price list in three currencies for about two thirds of the compliant models
    and of the Axis and Bosch accessories (the rest unpriced, as real price lists leave gaps)."""
    rng = random.Random(7)
    rows = []
    for m in catalog.models:
        if m.vendor_id not in COMPLIANT or rng.random() < 0.3:
            continue
        width = m.resolution.width if m.resolution else 1920
        amount = BASE_PRICE[m.form_factor.value] * (width / 1920) ** 0.6 * rng.uniform(0.8, 1.3)
        rows.append((m.key, rng.choice(CURRENCIES), amount))
    for a in catalog.accessories:
        if a.vendor_id in ("axis", "bosch") and rng.random() < 0.6:
            amount = rng.uniform(250, 700) if a.ir_range_m else rng.uniform(25, 160)
            rows.append((a.key, rng.choice(CURRENCIES), amount))
    with PRICES.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["item", "supplier", "currency", "amount"])
        writer.writerows((key, "evaluation", cur, f"{amount:.2f}") for key, cur, amount in rows)
    return len(rows)


def _lens(model: CameraModel) -> optics.LensRange | None:
    return lens_range(model.hfov_max_deg, model.hfov_min_deg, model.focal_min_mm,
                      model.focal_max_mm, model_sensor_width(model))  # fmt: skip


def _generated(n: int, old: CameraModel, rng: random.Random) -> dict[str, str]:
    family = FAMILY_OF[old.form_factor]
    degrade = rng.choice(DEGRADE)
    if family is FormFamily.PTZ and rng.random() < 0.4:
        degrade = "PTZ zoom factor only"
    if (old.lens_type and old.lens_type is not LensType.FIXED and family is not FormFamily.PTZ
            and degrade == "full"):  # fmt: skip
        degrade = "varifocal range"
    if degrade in ("lens and resolution only", "lens only") and old.focal_min_mm is None:
        degrade = "full"
    low, high = DISTANCES[family]
    distance = round(rng.uniform(low, high) * 2) / 2
    purpose = rng.choice(PURPOSES[:4] if family is FormFamily.PTZ else PURPOSES)
    outdoor = bool(old.outdoor) and rng.random() < 0.75
    mount = rng.choice(MOUNTS[family])
    profile = rng.choice(PROFILES)
    currency = rng.choice(CURRENCIES)
    tag = f"G{n:03d}"
    return _row(tag, old, degrade, distance, purpose, outdoor, mount, profile, currency,
                rng.choice(LABELS[old.vendor_id]))  # fmt: skip


def _row(
    tag: str, old: CameraModel, degrade: str, distance: float | None, purpose: DoriLevel | None,
    outdoor: bool, mount: str, profile: str, currency: str, label: str,
) -> dict[str, str]:  # fmt: skip
    lens = _lens(old)
    assert lens is not None and old.resolution is not None
    family = FAMILY_OF[old.form_factor]
    focal = _focal_text(old)
    survey = {
        "Cam Ref": tag, "Site": f"Estate {profile} {currency}", "Location": f"Position {tag}",
        "Manufacturer": label, "Model No.": old.model, "Camera Type": old.form_factor.value,
        "Resolution": f"{old.resolution.width}x{old.resolution.height}", "Lens": focal,
        "Mounting": mount, "Distance to target": f"{distance:g}" if distance else "",
        "Purpose": purpose.value.capitalize() if purpose else "",
        "Indoor/Outdoor": "Outdoor" if outdoor else "Indoor",
    }  # fmt: skip
    if degrade == "megapixels only":
        survey["Resolution"] = f"{old.resolution.megapixels:.0f}MP"
        survey["Lens"] = ""
    elif degrade == "feet" and distance:
        survey["Distance to target"] = f"{distance * 3.2808:.1f} ft"
    elif degrade == "no lens":
        survey["Lens"] = ""
    elif degrade == "lens and resolution only":
        survey["Model No."] = ""
    elif degrade == "lens only":
        survey["Model No."] = ""
        survey["Resolution"] = ""
    elif degrade == "PTZ zoom factor only":
        zoom = (old.focal_max_mm or 0) / (old.focal_min_mm or 1)
        survey["Lens"] = f"{zoom:.0f}x" if zoom > 1 else ""
    elif degrade == "unknown environment":
        survey["Indoor/Outdoor"] = ""
    view = _truth_view(old, lens, family, purpose, distance)
    panoramic = family in PANORAMIC
    old_px = old.resolution.width
    need_detail = need_px = None
    if purpose is not None and distance:
        need_detail = optics.DORI_PX_PER_M[purpose]
    elif distance:
        need_detail = 0.9 * old_px / optics.span_m(view, distance, panoramic)
    else:
        need_px = 0.9 * old_px
    families = {f.value for f in FormFamily} if family is FormFamily.OTHER else {family.value}
    hidden = degrade in ("lens and resolution only", "lens only")
    expect = "site check" if degrade == "lens only" else "replace"
    criteria = {
        "Profile": profile, "Currency": currency, "Split": _split(tag), "Degraded": degrade,
        "Truth": old.key, "Need family": ";".join(sorted(families)),
        "Need view (deg)": f"{view:.2f}", "Need distance (m)": f"{distance:g}" if distance else "",
        "Need detail (px/m)": f"{need_detail:.2f}" if need_detail else "",
        "Need pixels": f"{need_px:.0f}" if need_px else "",
        "Outdoor": "yes" if outdoor else "no",
        # Only the model number tells that the old camera had IR: without it, a specialist
        # cannot know the scene is watched at night.
        "Need IR (m)": f"{distance:g}" if old.ir_range_m and distance and not hidden else "",
        "Expect": expect, "Estimated": "yes" if degrade == "lens and resolution only" else "no",
    }  # fmt: skip
    return {**survey, **criteria}


def _truth_view(
    old: CameraModel, lens: optics.LensRange, family: FormFamily, purpose: DoriLevel | None,
    distance: float | None,
) -> float:  # fmt: skip
    """The view the old camera was set to: a PTZ at its longest zoom; a varifocal lens at the
    widest setting that met the stated purpose at the target (its tele end if none did); a
    fixed lens at its one angle."""
    if family is FormFamily.PTZ:
        return lens.tele_deg
    if lens.tele_deg < lens.wide_deg and purpose is not None and distance and old.resolution:
        need = optics.DORI_PX_PER_M[purpose]
        return lens.clamp(optics.hfov_for_scene_deg(old.resolution.width / need, distance))
    return lens.wide_deg


def _focal_text(old: CameraModel) -> str:
    if old.focal_min_mm is None:
        return ""
    if old.focal_max_mm and abs(old.focal_max_mm - old.focal_min_mm) > 1e-6:
        return f"{old.focal_min_mm:g}-{old.focal_max_mm:g} mm"
    return f"{old.focal_min_mm:g} mm"


def _split(tag: str) -> str:
    """A third held out, by a hash of the tag: stable whatever else changes."""
    return "held-out" if int(hashlib.sha256(tag.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def _hand_row(row: tuple[str, ...], models: dict[str, CameraModel]) -> dict[str, str]:
    tag, label, model, mount, distance, purpose, place, profile, currency = row
    old = next(m for key, m in models.items()
               if key.split(":", 1)[1] == model.lower() and m.vendor_id in EXCLUDED)  # fmt: skip
    dori = DoriLevel(purpose.lower()) if purpose else None
    out = _row(tag, old, "full", float(distance), dori, place == "Outdoor", mount, profile,
               currency, label)  # fmt: skip
    out["Degraded"] = "full (hand-written)"
    if math.isnan(float(distance)):
        raise ValueError(tag)
    return out


HAND: tuple[tuple[str, ...], ...] = (
    ("E01", "Hikvision", "DS-2CD2783G2-IZS", "Pendant", "4", "", "Indoor", "all", "GBP"),
    ("E02", "Hikvision", "DS-2CD1021G0-I", "Wall", "10", "", "Outdoor", "all", "GBP"),
    ("E03", "Hikvision", "DS-2CD1321G0-I", "Wall", "4", "Identify", "Indoor", "all", "GBP"),
    ("E04", "Hikvision", "DS-2CD2043G0-I", "Pole", "3", "Observe", "Outdoor", "all", "GBP"),
    (
        "E05",
        "Hikvision",
        "DS-2CD1027G2H-LIU",
        "Junction box DS-1280ZJ-XS",
        "3",
        "Detect",
        "Outdoor",
        "all",
        "GBP",
    ),
    ("E06", "Hikvision", "DS-2CD2047G2H-LIU", "Pole", "12", "Identify", "Outdoor", "all", "GBP"),
    ("E07", "Dahua", "IPC-HDBW5842R-ASE", "Ceiling", "10", "Detect", "Outdoor", "all", "GBP"),
    ("E08", "Hikvision", "DS-2DP8A440IXG1-LEF/832", "Wall", "5", "Observe", "Indoor", "all", "GBP"),
    ("E09", "Hikvision", "DS-2CD2786G2H-IPTRZS", "Wall", "12", "Detect", "Outdoor", "all", "GBP"),
    ("E10", "Hikvision", "DS-2CD1143G0-I", "Wall", "15", "Identify", "Indoor", "all", "GBP"),
    ("E11", "Hikvision", "DS-2CD2143G2-LI", "Pendant", "4", "", "Indoor", "all", "GBP"),
    ("E12", "Hikvision", "DS-2CD1743G0-IZ", "Wall", "10", "Observe", "Indoor", "all", "GBP"),
    ("E13", "Hikvision", "DS-2CD1327G2H-LIU", "Wall", "3", "Recognise", "Outdoor", "all", "GBP"),
    ("E14", "Dahua", "IPC-HDBW5442R-ASE", "Ceiling", "6", "", "Outdoor", "all", "GBP"),
    (
        "E15",
        "Hikvision",
        "DS-2CD20123G2-LIUY",
        "Junction box DS-1280ZJ-XS",
        "20",
        "Recognise",
        "Outdoor",
        "all",
        "GBP",
    ),
    ("E16", "Hikvision", "DS-2DE3404W-DE(T5)", "Wall", "80", "", "Outdoor", "all", "GBP"),
    ("E17", "Hikvision", "DS-2CD1043G0-I", "Wall", "3", "", "Outdoor", "all", "GBP"),
    (
        "E18",
        "Hikvision",
        "DS-2SE2C400MWG-E/14",
        "Parapet",
        "120",
        "Recognise",
        "Outdoor",
        "all",
        "GBP",
    ),
    ("E19", "Dahua", "IPC-HDBW4541R-ZAS", "Wall", "6", "Recognise", "Outdoor", "all", "GBP"),
    ("E20", "Hikvision", "DS-2CD2346G2-IU", "Ceiling", "4", "Identify", "Outdoor", "all", "GBP"),
    ("E21", "Dahua", "IPC-HFW5442T-ASE", "Wall", "10", "Observe", "Outdoor", "all", "GBP"),
    ("E22", "Dahua", "IPC-HDBW5442E-ZE", "Ceiling", "12", "Observe", "Indoor", "all", "GBP"),
    ("E23", "Hikvision", "DS-2CD1023G2-LIU", "Pole", "4", "Detect", "Outdoor", "all", "GBP"),
    ("E24", "Hikvision", "DS-2CD2083G2-LI", "Wall", "20", "Observe", "Outdoor", "all", "GBP"),
    ("E25", "Dahua", "IPC-EBW81242-AS-S2", "Ceiling", "10", "Observe", "Indoor", "all", "GBP"),
    ("E26", "Dahua", "IPC-HDBW4841R-ZAS", "Pendant", "12", "Observe", "Outdoor", "all", "GBP"),
    ("E27", "Hikvision", "DS-2CD1347G2H-LIU", "Pendant", "12", "Detect", "Outdoor", "all", "GBP"),
    ("E28", "Hikvision", "DS-2CD2087G2-LU", "Pole", "10", "Recognise", "Outdoor", "all", "GBP"),
    ("E29", "Dahua", "SD8A840WA-HNF", "Pole", "80", "Identify", "Outdoor", "all", "GBP"),
    ("E30", "Hikvision", "DS-2CD1643G0-IZ", "Wall", "15", "Detect", "Outdoor", "all", "GBP"),
    ("E31", "Hikvision", "DS-2CD2347G2-LU", "Pendant", "15", "", "Indoor", "all", "GBP"),
    (
        "E32",
        "Hikvision",
        "DS-2SE3C204MWG-E/12",
        "Parapet",
        "120",
        "Detect",
        "Outdoor",
        "all",
        "GBP",
    ),
    ("E33", "Hikvision", "DS-2CD1123G2-LIU", "Ceiling", "12", "", "Indoor", "all", "GBP"),
    ("E34", "Hikvision", "DS-2CD2347G2H-LIU", "Ceiling", "8", "Detect", "Indoor", "all", "GBP"),
    ("E35", "Hikvision", "DS-2SE3C204MWG-4G/12", "Wall", "60", "", "Outdoor", "all", "GBP"),
    ("E36", "Dahua", "IPC-HFW5541E-ZE", "Wall", "20", "Detect", "Outdoor", "all", "GBP"),
    ("E37", "Hikvision", "DS-2CD2955G0-ISU", "Ceiling", "10", "Detect", "Indoor", "all", "GBP"),
    ("E38", "Dahua", "SD6AL445XA-HNR", "Pole", "40", "Detect", "Outdoor", "all", "GBP"),
    ("E39", "Dahua", "SD22404DB-GNY", "Wall", "120", "", "Outdoor", "all", "GBP"),
    ("E40", "Hikvision", "DS-2CD2183G2-LI", "Ceiling", "4", "", "Outdoor", "all", "GBP"),
    ("E41", "Dahua", "IPC-HDBW4441E-AS", "Wall", "3", "Observe", "Indoor", "all", "GBP"),
    ("E42", "Dahua", "IPC-PFW5849-A180-E2-ASTE", "Wall", "8", "Detect", "Indoor", "all", "GBP"),
    ("E43", "Hikvision", "DS-2CD2143G2-I", "Wall", "20", "Detect", "Indoor", "all", "GBP"),
    ("E44", "Hikvision", "DS-2CD2386G2-IU", "Ceiling", "4", "Detect", "Indoor", "all", "GBP"),
    ("E45", "Dahua", "IPC-HFW5442E-ZE", "Wall", "40", "", "Outdoor", "all", "GBP"),
)
"""The earlier hand-written estate (tag, label, model, mount, distance m, purpose, environment,
profile, currency), plus E45: the perimeter fence camera with 60 m of IR on its datasheet and a
target at 40 m, which used to get no replacement."""


if __name__ == "__main__":
    main()
