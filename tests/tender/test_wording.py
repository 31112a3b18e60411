"""A US package reads in American English and the FAR's words; surveyed text stays as written."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from specassist.services import tender_service
from tests.tender.conftest import package

BRITISH = re.compile(r"\b(recognise|licences?|labour|colour|organisation|tenderers?)\b", re.I)


def test_the_us_package_is_in_american_english_and_keeps_surveyed_names(tmp_path: Path) -> None:
    survey = tmp_path / "survey.csv"
    survey.write_text(
        "Tag,Site,Location,Make,Model,Purpose,Distance to target,Lens,Resolution\n"
        "C1,Colour Works,Tenderer's gate,Hikvision,DS-2CD2143G2-I,Recognise,8 m,2.8 mm,"
        "2688x1520\n",
        encoding="utf-8",
    )
    tender = package("us-federal", survey)
    pdf = tmp_path / "us.pdf"
    tender_service.write(tender, pdf)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    surveyed = ("Colour Works", "Tenderer's gate")
    assert all(name in text for name in surveyed)
    leftover = BRITISH.findall(text.replace("Colour Works", "").replace("Tenderer's gate", ""))
    assert leftover == []
    assert "recognize" in text and "offeror" in text
    lines = [line.description for group in tender.document.pricing for line in group.lines]
    assert not any(BRITISH.search(d) for d in lines)


def test_the_uk_package_keeps_british_english() -> None:
    tender = package("uk-public")
    words = " ".join(getattr(b, "text", "") for s in tender.document.sections for b in s.blocks)
    assert "tenderer" in words and "offeror" not in words
