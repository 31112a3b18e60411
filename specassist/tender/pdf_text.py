"""Table cell lines written as PDF text operators, without a reportlab call per line.

A 10,000-camera schedule has about 180,000 cell lines. Through reportlab's
text object each costs a font subset look-up character by character, a few
f-strings and a state object; here a line is one string: its position, the
text, and a font or scale change only when they change.

The embedded fonts are subset by reportlab, which maps every printable ASCII
character to itself in subset 0 (``rl_config.ttfAsciiReadable``, on by
default, checked below). An ASCII line is therefore written as it is; any
other line goes through the font's own ``splitString``, which assigns its
characters to subsets exactly as reportlab's text object would.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

PRINTABLE_ASCII = frozenset(range(32, 127))

_ENCODED: WeakKeyDictionary[object, dict[str, dict[str, list[tuple[int, str]]]]]
_ENCODED = WeakKeyDictionary()
"""Per document and font, the operators of each non-ASCII line already written: the
subsets its characters were given stay the same for the whole document."""


_NUMBERS: dict[float, str] = {}
"""Coordinates as PDF writes them: a schedule's baselines and column edges recur on every
page, so each distinct value is formatted once (about 600,000 look-ups at 10,000 cameras)."""
_NUMBERS_MAX = 50_000


def _number(value: float) -> str:
    text = _NUMBERS.get(value)
    if text is None:
        text = fp_str(value)
        if len(_NUMBERS) < _NUMBERS_MAX:
            _NUMBERS[value] = text
    return text


def _ascii_as_is(font: object) -> bool:
    """Whether reportlab gives this font's printable ASCII characters their own codes."""
    glyphs = getattr(getattr(font, "face", None), "charToGlyph", {})
    return bool(rl_config.ttfAsciiReadable) and glyphs.keys() >= PRINTABLE_ASCII


class CellText:
    """One ``BT … ET`` block of lines, added to the canvas by ``finish``."""

    def __init__(self, canvas: Canvas) -> None:
        self.canvas = canvas
        self.doc = canvas._doc
        self.ops: list[str] = ["BT"]
        self.font: object = None
        self.font_name = ""
        self.size = 0.0
        self.subset = -1
        self.scale = 100.0
        self.ascii_as_is = False

    def set_font(self, name: str, size: float) -> None:
        if (name, size) != (self.font_name, self.size):
            self.font, self.font_name, self.size = pdfmetrics.getFont(name), name, size
            self.subset = -1
            self.ascii_as_is = _ascii_as_is(self.font)

    def line(self, x: float, y: float, text: str, scale: float = 100.0) -> None:
        """``text`` with its baseline starting at (x, y), squeezed to ``scale`` % if asked."""
        ops = self.ops
        if scale != self.scale:
            ops.append(f"{fp_str(scale)} Tz")
            self.scale = scale
        ops.append(f"1 0 0 1 {_number(x)} {_number(y)} Tm")
        if self.ascii_as_is and text.isascii() and text.isprintable():
            self._use_subset(0)
            ops.append(f"({escapePDF(text)}) Tj")
            return
        known = _ENCODED.setdefault(self.doc, {}).setdefault(self.font_name, {})
        runs = known.get(text)
        if runs is None:
            split = self.font.splitString(text, self.doc)  # type: ignore[attr-defined]
            runs = known[text] = [(subset, f"({escapePDF(part)}) Tj") for subset, part in split]
        for subset, shown in runs:
            self._use_subset(subset)
            ops.append(shown)

    def _use_subset(self, subset: int) -> None:
        if subset != self.subset:
            name = self.font.getSubsetInternalName(subset, self.doc)  # type: ignore[attr-defined]
            self.ops.append(f"{name} {fp_str(self.size)} Tf")
            self.subset = subset

    def finish(self) -> None:
        """Add the block to the page; font and scale are restored with the graphics state."""
        if len(self.ops) == 1:
            return
        self.ops.append("ET")
        self.canvas.saveState()
        self.canvas.addLiteral("\n".join(self.ops))
        self.canvas.restoreState()
