"""Read what a serial number says: the model and the date of manufacture.

Hikvision-group devices (Hikvision, EZVIZ, HiWatch and the relabels built on
them) print a long serial made of the model, an optional two-digit channel
count, the manufacture date as YYYYMMDD, a batch code of letters and a
running number:

    DS-2CD2143G2-I20220315AAWRJ12345678   → DS-2CD2143G2-I, made 2022-03-15
    CS-CV310-A0-1B2WFR0120200927CCRRE87288805
                                          → CS-CV310-A0-1B2WFR (1 channel), 2020-09-27
    DS-K1T80420231215AA001                → DS-K1T804, made 2023-12-15

The format says nothing certain about the maker (relabels keep it), so it
only supplies a model number and a date; the model then goes through the
patterns like any other. Short serials ("L12345678") and other makers'
formats carry no readable date, and give None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_DATE_THEN_BATCH = re.compile(
    r"(?=((?:20[0-3]\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))[A-Z]{2})"
)
_MODEL_LIKE = re.compile(r"^[A-Z]{1,4}-[A-Z0-9]")
"""A model prefix such as 'DS-', 'CS-', 'IDS-' or 'HWI-' must lead the serial."""
_CHANNELS = re.compile(r"(?<=[A-Z/])\d{2}$")
"""Two digits after a letter end the prefix: a channel count ('…WFR01', '…/8P08')."""
EARLIEST_YEAR = 2005
"""Hikvision's long serial format is not known before the mid-2000s; earlier 'dates' are noise."""


@dataclass(frozen=True, slots=True)
class SerialReading:
    serial: str
    model: str
    made_on: date
    channels: int | None = None

    @property
    def basis(self) -> str:
        return f"the serial number reads as model {self.model}, made {self.made_on.isoformat()}"


def read_serial(serial: str | None) -> SerialReading | None:
    """The model and manufacture date a model+date serial carries, or None."""
    if not serial:
        return None
    text = re.sub(r"\s+", "", serial.upper())
    if not _MODEL_LIKE.match(text):
        return None
    for match in reversed(list(_DATE_THEN_BATCH.finditer(text))):
        start = match.start(1)
        digits = match.group(1)
        try:
            made_on = date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        except ValueError:
            continue
        if made_on.year < EARLIEST_YEAR or start < 4:
            continue
        prefix = text[:start]
        channels = None
        if (count := _CHANNELS.search(prefix)) is not None:
            channels = int(count.group(0))
            prefix = prefix[: count.start()]
        return SerialReading(serial.strip(), prefix.rstrip("-"), made_on, channels)
    return None
