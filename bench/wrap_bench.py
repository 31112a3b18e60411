"""Long unbroken text through the tender: seconds to wrap and to render, by length.

Usage: python bench/wrap_bench.py [CHARACTERS ...]   (default: 10000 20000 50000)

Prints, per length, the time to wrap one word of that many characters into a
60 mm table column, and the time to write a one-camera tender PDF whose
location and notes are that word. Wrapping is linear: 10× the characters
should take about 10× the time.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from specassist.domain.costing import CostSettings
from specassist.resources import fonts_dir
from specassist.services import tender_service
from specassist.services.catalog_service import check_catalog
from specassist.survey.importer import import_survey
from specassist.tender import pdf
from specassist.tender.content import TenderSettings
from specassist.tender.pdf_grid import CELL_SIZE, FONT, width_of
from specassist.tender.textfit import wrap_lines

DAY = date(2026, 11, 27)


def main(lengths: list[int]) -> None:
    pdf.register_fonts(fonts_dir())
    catalog = check_catalog().catalog
    print(f"{'chars':>8} {'wrap s':>8} {'lines':>6} {'tender PDF s':>13} {'pages':>6}")
    for length in lengths:
        word = "W" * length
        start = time.perf_counter()
        lines = wrap_lines(word, 170.0, lambda t: width_of(t, FONT, CELL_SIZE))
        wrapped = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as folder:
            survey = Path(folder) / "long.csv"
            survey.write_text("Tag,Site,Location,Make,Model,Notes\n"
                              f"C1,Depot,{word},Hikvision,DS-2CD2143G2-I,{word}\n",
                              encoding="utf-8")  # fmt: skip
            cameras = import_survey(survey).cameras
            start = time.perf_counter()
            tender = tender_service.prepare(
                catalog, cameras, None, DAY, None, CostSettings(price_date=DAY),
                TenderSettings(issue_date=DAY, package=True),
            )  # fmt: skip
            pages = tender_service.write(tender, Path(folder) / "t.pdf")
            rendered = time.perf_counter() - start
        print(f"{length:>8} {wrapped:>8.4f} {len(lines):>6} {rendered:>13.2f} {pages:>6}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 20_000, 50_000])
