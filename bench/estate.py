"""Synthetic estates and catalogs for the benches, written as files a user would hand over.

An estate is a survey CSV shaped like real ones: about 60 % Hikvision, Dahua
and their relabels under varied spellings, the rest compliant makers; heights
in feet or metres, distances in either; sites of Zipf-distributed sizes (a few
large depots, many small sites); MACs and serials on most rows. A catalog home
is a folder ``SPECASSIST_HOME`` can point at: the shipped catalog with its
models topped up to a chosen count by synthetic rows, and the shipped resources.
"""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

LABELS = {
    "hikvision": ["Hikvision", "HIKVISION", "Hik Vision", "Hangzhou Hikvision Digital Technology",
                  "HiWatch", "LTS"],
    "dahua": ["Dahua", "DAHUA", "Dahua Technology", "Lorex", "Amcrest", "EmpireTech"],
}  # fmt: skip
NAMES = {
    "axis": ["Axis", "AXIS Communications"], "hanwha": ["Hanwha", "Hanwha Vision", "Samsung"],
    "bosch": ["Bosch", "BOSCH"], "ipro": ["i-PRO", "Panasonic"], "avigilon": ["Avigilon"],
    "vivotek": ["VIVOTEK", "Vivotek"], "mobotix": ["MOBOTIX"], "pelco": ["Pelco"],
}  # fmt: skip
"""Labels compliant cameras carry in surveys, spelled as people write them."""
FORMS = ["dome", "turret", "bullet", "box", "ptz", "fisheye"]
WIDTHS = [1920, 2560, 2688, 3072, 3840]


def write_estate(path: Path, cameras: int, seed: int = 17) -> None:
    """A survey CSV of ``cameras`` rows (see the module docstring)."""
    rng = random.Random(seed)
    shipped = list(csv.DictReader((REPO / "catalog" / "models.csv").open(encoding="utf-8")))
    banned = [r for r in shipped if r["vendor_id"] in LABELS]
    allowed = [r for r in shipped if r["vendor_id"] not in LABELS]
    site_weights = [1 / (rank + 1) for rank in range(max(1, cameras // 40))]
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["Cam Ref", "Site", "Location", "Manufacturer", "Model No.", "Serial No.",
                      "MAC Address", "Mounting", "Height", "Distance to target", "Purpose",
                      "Indoor/Outdoor", "Notes"])  # fmt: skip
        for n in range(cameras):
            if rng.random() < 0.6:
                row = rng.choice(banned)
                make = rng.choice(LABELS[row["vendor_id"]])
            else:
                row = rng.choice(allowed)
                make = rng.choice(NAMES.get(row["vendor_id"], [row["vendor_id"].capitalize()]))
            site = rng.choices(range(len(site_weights)), site_weights)[0]
            feet = rng.random() < 0.3
            height = rng.choice([2.7, 3.0, 4.5, 6.0])
            distance = rng.randint(3, 40)
            out.writerow([
                f"C{n:06d}", f"Site {site:03d}", f"Area {n % 50}", make, row["model"],
                f"{row['model']}2021{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
                f"AAWR{rng.randrange(10**8):08d}" if rng.random() < 0.5 else "",
                _mac(rng) if rng.random() < 0.7 else "",
                rng.choice(["Wall", "Ceiling", "Pole", "Corner", ""]),
                f"{height * 3.28084:.0f} ft" if feet else f"{height} m",
                f"{distance * 3.28084:.0f} ft" if feet else f"{distance} m",
                rng.choice(["Detect", "Observe", "Recognise", "Identify", ""]),
                rng.choice(["Indoor", "Outdoor", ""]), "",
            ])  # fmt: skip


def write_catalog_home(folder: Path, models: int, seed: int = 11) -> Path:
    """A ``SPECASSIST_HOME`` whose catalog has ``models`` camera models; returns the folder."""
    rng = random.Random(seed)
    shutil.copytree(REPO / "catalog", folder / "catalog")
    (folder / "resources").symlink_to(REPO / "resources")
    path = folder / "catalog" / "models.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    header = list(rows[0])
    vendors = list(dict.fromkeys(r["vendor_id"] for r in rows))
    with path.open("a", newline="", encoding="utf-8") as handle:
        out = csv.DictWriter(handle, header)
        for n in range(max(0, models - len(rows))):
            form = rng.choice(FORMS)
            wide = 180.0 if form == "fisheye" else rng.uniform(30, 115)
            zoom = form == "ptz" or rng.random() < 0.4
            tele = wide / (rng.uniform(10, 32) if form == "ptz" else rng.uniform(2, 4))
            width = rng.choice(WIDTHS)
            out.writerow({
                **dict.fromkeys(header, ""),
                "vendor_id": rng.choice(vendors), "model": f"SYN-{n:05d}", "form_factor": form,
                "resolution": f"{width}x{width * 9 // 16}",
                "lens_type": "motorised" if zoom else "fixed",
                "hfov_max": f"{wide:.1f}°", "hfov_min": f"{tele if zoom else wide:.1f}°",
                "ir_range": rng.choice(["", "20 m", "30 m", "40 m", "60 m", "100 m"]),
                "ip_rating": rng.choice(["", "IP66", "IP67", "IP42"]),
                "ik_rating": rng.choice(["", "IK10", "IK08"]),
                "poe_class": rng.choice(["", "2", "3", "4"]),
                "outdoor": rng.choice(["yes", "no"]),
                "source": "synthetic bench row", "source_date": "2026-11-27", "verified": "no",
            })  # fmt: skip
    return folder


def _mac(rng: random.Random) -> str:
    """An address in a Hikvision-registered block (44:19:B6)."""
    return "44:19:B6:" + ":".join(f"{rng.randrange(256):02X}" for _ in range(3))
