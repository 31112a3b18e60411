"""Reading typed values from the words people write in spreadsheets.

Each parser takes a non-empty, stripped string and returns the value or raises
:class:`ValueParseError` whose message says what was expected, in the user's
terms. Blank cells never reach these functions: callers treat blank as unknown.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum

from specassist.domain.catalog import FormFactor, Resolution
from specassist.domain.survey import DoriLevel, SurveyStatus


class ValueParseError(ValueError):
    """A cell that could not be read; the message says what was expected."""


_TRUE = {"yes", "y", "true", "t", "1", "x", "✓", "✔", "ja", "oui", "si", "sí"}
_FALSE = {"no", "n", "false", "f", "0", "-", "none", "nein", "non"}


def parse_bool(text: str) -> bool:
    key = text.strip().lower()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueParseError("expected yes or no")


# Named video formats whose pixel counts are defined by standards, not by vendors.
_NAMED_RESOLUTIONS = {
    "720p": Resolution(1280, 720),
    "hd": Resolution(1280, 720),
    "1080p": Resolution(1920, 1080),
    "1080": Resolution(1920, 1080),
    "fullhd": Resolution(1920, 1080),
    "fhd": Resolution(1920, 1080),
    "1440p": Resolution(2560, 1440),
    "qhd": Resolution(2560, 1440),
    "4k": Resolution(3840, 2160),
    "uhd": Resolution(3840, 2160),
    "4kuhd": Resolution(3840, 2160),
    "2160p": Resolution(3840, 2160),
}
_WXH_RE = re.compile(r"^\s*(\d{3,5})\s*[x×*X]\s*(\d{3,5})\s*(?:px|pixels)?\s*$")
_MP_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:mp|mpx|megapixels?|m)\s*$", re.IGNORECASE)


def parse_resolution(text: str) -> Resolution:
    """Read "1920x1080", "2688 × 1520", "1080p" or "4K". Megapixels alone are not enough.

    "4MP" is sold as both 2560×1440 and 2688×1520, so it is rejected here;
    :func:`parse_megapixels` reads it as a number instead.
    """
    match = _WXH_RE.match(text)
    if match:
        return Resolution(int(match.group(1)), int(match.group(2)))
    key = re.sub(r"[\s\-_]", "", text.lower())
    if key in _NAMED_RESOLUTIONS:
        return _NAMED_RESOLUTIONS[key]
    raise ValueParseError("expected a resolution such as '1920x1080', '1080p' or '4K'")


def parse_megapixels(text: str) -> float:
    match = _MP_RE.match(text)
    if not match:
        raise ValueParseError("expected megapixels such as '4 MP'")
    return float(match.group(1).replace(",", "."))


def _normal_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


_FORM_SYNONYMS: dict[str, FormFactor] = {
    "bullet": FormFactor.BULLET,
    "bulletcamera": FormFactor.BULLET,
    "tube": FormFactor.BULLET,
    "dome": FormFactor.DOME,
    "minidome": FormFactor.DOME,
    "vandaldome": FormFactor.DOME,
    "fixeddome": FormFactor.DOME,
    "turret": FormFactor.TURRET,
    "eyeball": FormFactor.TURRET,
    "turretdome": FormFactor.TURRET,
    "box": FormFactor.BOX,
    "boxcamera": FormFactor.BOX,
    "fisheye": FormFactor.FISHEYE,
    "360": FormFactor.FISHEYE,
    "panoramic360": FormFactor.FISHEYE,
    "ptz": FormFactor.PTZ,
    "speeddome": FormFactor.PTZ,
    "pantiltzoom": FormFactor.PTZ,
    "multisensor": FormFactor.MULTISENSOR,
    "multisensorcamera": FormFactor.MULTISENSOR,
    "multidirectional": FormFactor.MULTISENSOR,
    "panoramic": FormFactor.MULTISENSOR,
    "cube": FormFactor.CUBE,
    "bodycam": FormFactor.BODYCAM,
    "bodyworn": FormFactor.BODYCAM,
    "other": FormFactor.OTHER,
}


_FORMS_LONGEST_FIRST = sorted(_FORM_SYNONYMS.items(), key=lambda item: -len(item[0]))


def is_form_word(text: str) -> bool:
    """True when the whole cell names a camera form ("Dome", "Speed dome", "Bullet camera")."""
    return _normal_key(text) in _FORM_SYNONYMS


def parse_form_factor(text: str) -> FormFactor:
    key = _normal_key(text)
    if key in _FORM_SYNONYMS:
        return _FORM_SYNONYMS[key]
    # "Speed dome PTZ": the longest synonym inside the text decides, so PTZ beats dome.
    for word, form in _FORMS_LONGEST_FIRST:
        if len(word) >= 3 and word in key:
            return form
    names = ", ".join(f.value for f in FormFactor)
    raise ValueParseError(f"expected a camera form: {names}")


_DORI_SYNONYMS: dict[str, DoriLevel] = {
    "monitor": DoriLevel.MONITOR,
    "monitoring": DoriLevel.MONITOR,
    "m": DoriLevel.MONITOR,
    "detect": DoriLevel.DETECT,
    "detection": DoriLevel.DETECT,
    "d": DoriLevel.DETECT,
    "observe": DoriLevel.OBSERVE,
    "observation": DoriLevel.OBSERVE,
    "o": DoriLevel.OBSERVE,
    "recognise": DoriLevel.RECOGNISE,
    "recognize": DoriLevel.RECOGNISE,
    "recognition": DoriLevel.RECOGNISE,
    "r": DoriLevel.RECOGNISE,
    "identify": DoriLevel.IDENTIFY,
    "identification": DoriLevel.IDENTIFY,
    "i": DoriLevel.IDENTIFY,
    "inspect": DoriLevel.INSPECT,
    "inspection": DoriLevel.INSPECT,
}


def parse_dori(text: str) -> DoriLevel:
    key = _normal_key(text)
    if key in _DORI_SYNONYMS:
        return _DORI_SYNONYMS[key]
    raise ValueParseError(
        "expected a detail level: monitor, detect, observe, recognise, identify or inspect"
    )


_STATUS_SYNONYMS: dict[str, SurveyStatus] = {
    "notvisited": SurveyStatus.NOT_VISITED,
    "todo": SurveyStatus.NOT_VISITED,
    "pending": SurveyStatus.NOT_VISITED,
    "visited": SurveyStatus.VISITED,
    "done": SurveyStatus.VISITED,
    "surveyed": SurveyStatus.VISITED,
    "ok": SurveyStatus.VISITED,
    "noaccess": SurveyStatus.NO_ACCESS,
    "inaccessible": SurveyStatus.NO_ACCESS,
    "needsladder": SurveyStatus.NEEDS_LADDER,
    "ladder": SurveyStatus.NEEDS_LADDER,
    "needsaccessequipment": SurveyStatus.NEEDS_LADDER,
}


def is_survey_status(text: str) -> bool:
    return _normal_key(text) in _STATUS_SYNONYMS


def parse_status(text: str) -> SurveyStatus:
    key = _normal_key(text)
    if key in _STATUS_SYNONYMS:
        return _STATUS_SYNONYMS[key]
    raise ValueParseError("expected a survey status: visited, no access, needs ladder, not visited")


def parse_environment(text: str) -> bool:
    """Return True for outdoor, False for indoor."""
    key = _normal_key(text)
    if key in {"outdoor", "outdoors", "external", "ext", "outside", "out", "yes", "y"}:
        return True
    if key in {"indoor", "indoors", "internal", "int", "inside", "in", "no", "n"}:
        return False
    raise ValueParseError("expected indoor or outdoor")


_MAC_RE = re.compile(r"^[0-9a-f]{12}$")


def parse_mac(text: str) -> str:
    """Normalise a MAC address to ``AA:BB:CC:DD:EE:FF`` whatever the separators."""
    digits = re.sub(r"[\s:.\-]", "", text).lower()
    if not _MAC_RE.match(digits):
        raise ValueParseError("expected a MAC address such as 'AA:BB:CC:DD:EE:FF' (12 hex digits)")
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2)).upper()


def normalise_mac(text: str | None) -> str | None:
    """``parse_mac`` for text that may be missing or unreadable: None then."""
    if not text:
        return None
    try:
        return parse_mac(text)
    except ValueParseError:
        return None


_URL_HOST = re.compile(
    r"^\s*(?:[a-z][a-z0-9+.-]*://)?\[?([0-9a-f.:]+?)\]?(?::\d{1,5})?/?\s*$", re.I
)


def parse_ip(text: str) -> str:
    """An IP address, also from the URL or host:port device lists write ("http://10.0.0.5:80/")."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        found = _URL_HOST.match(text)
    try:
        if found:
            return str(ipaddress.ip_address(found.group(1)))
    except ValueError:
        pass
    raise ValueParseError("expected an IP address such as '192.168.1.64'")


def parse_date(text: str) -> date:
    """ISO dates (``2024-05-01``), or a year and month (``2024-05``, read as the 1st)."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            return date.fromisoformat(text + "-01")
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValueParseError("expected a date as YYYY-MM-DD") from exc


class DateOrder(StrEnum):
    """How a column writes numeric dates: 01/09/2025 is 1 September day-first, 9 January not."""

    DAY_FIRST = "day_first"
    MONTH_FIRST = "month_first"


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4}|\d{2})\s*$")
_NAMED_DATE_FORMATS = ("%d %b %Y", "%d %B %Y", "%d-%b-%Y", "%d-%b-%y", "%b %d, %Y", "%B %d, %Y",
                       "%b %d %Y", "%B %d %Y", "%d %b %y")  # fmt: skip


def date_order_evidence(text: str) -> DateOrder | None:
    """The order one value proves: "25/09/2025" can only be day-first. None if it proves none."""
    found = _NUMERIC_DATE.match(text)
    if not found:
        return None
    first, second = int(found.group(1)), int(found.group(2))
    if first > 12 >= second:
        return DateOrder.DAY_FIRST
    if second > 12 >= first:
        return DateOrder.MONTH_FIRST
    return None


def infer_date_order(values: Iterable[str]) -> tuple[DateOrder | None, bool]:
    """(order, conflict) from every value of one column.

    One value such as 25/09/2025 settles a column as day-first; a column with
    both 25/09 and 09/25 is in conflict and its ambiguous values stay unread.
    """
    seen = {order for text in values if (order := date_order_evidence(text)) is not None}
    if len(seen) == 1:
        return seen.pop(), False
    return None, len(seen) > 1


def parse_sheet_date(text: str, order: DateOrder | None = None) -> date:
    """A date as spreadsheets write it: ISO, "1 Sep 2025", or 01/09/2025 in a known order.

    A numeric date whose day and month could be swapped (01/09/2025) is read
    only when ``order`` says which comes first; otherwise it is rejected as
    ambiguous rather than guessed. 25/09/2025 needs no order: it can only be
    day-first. Two-digit years are 20xx.
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}([ T].*)?", text):
        return parse_date(text[:10])
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return parse_date(text)
    found = _NUMERIC_DATE.match(text)
    if found:
        first, second, year = (int(g) for g in found.groups())
        year += 2000 if year < 100 else 0
        evidence = date_order_evidence(text)
        if evidence is not None and order is not None and evidence is not order:
            raise ValueParseError(
                f"not a {order.value.replace('_', '-')} date like the rest of the column"
            )
        chosen = evidence or order or (DateOrder.DAY_FIRST if first == second else None)
        if chosen is None:
            raise ValueParseError(
                f"ambiguous date: day {first} of month {second} or day {second} of month "
                f"{first}? Write it as YYYY-MM-DD"
            )
        day, month = (first, second) if chosen is DateOrder.DAY_FIRST else (second, first)
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise ValueParseError(f"no such date ({exc})") from exc
    for pattern in _NAMED_DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueParseError("expected a date such as 2025-09-01, 01/09/2025 or 1 Sep 2025")


def split_list(text: str) -> tuple[str, ...]:
    """Split a ``;``-separated cell into its non-blank items."""
    return tuple(item.strip() for item in text.split(";") if item.strip())
