"""Which text encoding a CSV file is in, decided from its bytes and said out loud.

Strict UTF-8 is tried first over the whole file (streamed, so a 200 MB file
costs a fraction of a second and no memory). A file that is almost all valid
UTF-8 with a few stray bytes (one pasted from an old system) keeps its UTF-8
text and the stray bytes are read as Windows-1252 and reported; anything else
is read as Windows-1252, and the import says so. The user can always name the
encoding (Shift-JIS, GBK, EUC-KR, Mac Roman …). After decoding, a sample is
checked for the usual signs of the wrong choice ("CafÃ©", runs of accented
capitals where CJK text was), so garbled text is never stored silently.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from specassist.domain.issues import Severity


class EncodingError(ValueError):
    """The encoding the user named does not exist."""


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejected as Windows-1252 (undefined bytes become U+FFFD)."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("specassist.cp1252", _cp1252_fallback)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_CHUNK = 1024 * 1024
_STRAY = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")


@dataclass(slots=True)
class EncodingChoice:
    """How to decode the file, and what the user should be told about it."""

    codec: str
    errors: str
    label: str
    skip: int = 0
    """Bytes to skip at the start (a byte-order mark)."""
    trim: int = 0
    """Bytes to leave unread at the end (half a character where the file was cut off)."""
    notes: list[tuple[Severity, str, int | None]] = field(default_factory=list)


def _named(encoding: str) -> EncodingChoice:
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise EncodingError(
            f"unknown encoding {encoding!r}; try utf-8, cp1252, shift_jis, gbk, euc_kr or mac_roman"
        ) from None
    return EncodingChoice(info.name, "replace", f"{info.name} (chosen)")


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 that lost its BOM shows a zero byte in every other position of ASCII text."""
    sample = head[:4096]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def _utf8_scan(path: Path, skip: int) -> tuple[int, int, int | None, int]:
    """(invalid bytes, valid non-ASCII characters, line of the first invalid byte, cut bytes).

    Cut bytes are an incomplete character at the very end: a file cut off
    mid-character, not a file in another encoding.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    invalid = valid = 0
    first_line: int | None = None
    lines = 0
    with path.open("rb") as handle:
        handle.seek(skip)
        while True:
            chunk = handle.read(_CHUNK)
            if not chunk:
                tail = len(_STRAY.findall(decoder.decode(b"", final=True)))
                return invalid, valid, first_line, tail
            text = decoder.decode(chunk)
            if not text.isascii():
                strays = len(_STRAY.findall(text))
                if strays and first_line is None:
                    found = _STRAY.search(text)
                    assert found is not None
                    first_line = lines + text.count("\n", 0, found.start()) + 1
                invalid += strays
                valid += len(_NON_ASCII.findall(text))
            lines += text.count("\n")


def choose_encoding(path: Path, head: bytes, explicit: str | None) -> EncodingChoice:
    """Decide how to decode ``path``; ``head`` is its first bytes (for BOM and NUL checks)."""
    if explicit:
        choice = _named(explicit)
        for bom, codec, _label in _BOMS:
            if head.startswith(bom) and codecs.lookup(codec).name == choice.codec.split("-sig")[0]:
                choice.skip = len(bom)
        return choice
    for bom, codec, label in _BOMS:
        if head.startswith(bom):
            choice = EncodingChoice(codec, "replace", label, len(bom))
            size = path.stat().st_size - len(bom)
            width = 4 if label == "UTF-32" else 2 if label == "UTF-16" else 1
            choice.trim = size % width
            if size % width:
                choice.notes.append(
                    (
                        Severity.WARNING,
                        f"the file ends in the middle of a {label} character "
                        f"({size % width} stray byte(s)); the incomplete character was dropped",
                        None,
                    )
                )
            return choice
    guessed = _utf16_without_bom(head)
    if guessed:
        choice = EncodingChoice(guessed, "replace", f"{guessed.upper()} (assumed: no BOM)")
        choice.notes.append((Severity.INFO, f"no byte-order mark; read as {guessed.upper()}", 1))
        return choice
    invalid, valid, first_line, cut = _utf8_scan(path, 0)
    if not invalid:
        choice = EncodingChoice("utf-8", "replace", "UTF-8", trim=cut)
        if cut:
            choice.notes.append(
                (
                    Severity.WARNING,
                    f"the file ends in the middle of a character ({cut} byte(s)); the "
                    "incomplete character was dropped — was the file cut off?",
                    None,
                )
            )
        return choice
    if invalid * 4 <= valid:
        choice = EncodingChoice("utf-8", "specassist.cp1252", "UTF-8 with stray bytes")
        choice.notes.append(
            (
                Severity.WARNING,
                f"{invalid} byte(s) are not valid UTF-8 and were read as Windows-1252 "
                "characters; check the text of this row",
                first_line,
            )
        )
        return choice
    choice = EncodingChoice("cp1252", "replace", "Windows-1252")
    choice.notes.append(
        (
            Severity.INFO,
            "the file is not UTF-8; read as Windows-1252 (choose another encoding if the "
            "text looks wrong)",
            first_line,
        )
    )
    return choice


# Signs of text decoded with the wrong table, each with what it usually means.
_GARBLED = (
    (re.compile("[ÂÃÅ][\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]"), "UTF-8 read as Windows-1252"),
    (re.compile("[\u0080-\u009f]"), "control characters from a wrong code page"),
    (re.compile("[^\x00-\x7f–—‘’“”°×µ²³±½¼¾€£¥©®™•…]{3,}"), "a CJK or other multi-byte text"),
    (re.compile("[a-z][ŽŠŸˆ‰]|[ŽŠŸˆ‰][a-z]"), "Mac Roman text"),
    (re.compile("\ufffd"), "bytes that are not in this encoding"),
)


def garbled_evidence(text: str) -> tuple[str, str, int] | None:
    """(snippet, likely cause, line) for the first sign of mis-decoded text, or None."""
    for pattern, cause in _GARBLED:
        found = pattern.search(text)
        if found:
            start = max(0, found.start() - 12)
            snippet = text[start : found.end() + 12].split("\n")[-1].strip()
            return snippet, cause, text.count("\n", 0, found.start()) + 1
    return None
