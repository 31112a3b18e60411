"""Read a delimited text file as numbered records, streaming, whatever it contains.

The file is never held in memory: lines are read one at a time (each capped
at ``max_line_chars``), so a 1.5-million-row file costs one row's memory and a
single 131,000-character notes cell is just a long cell. What the standard
``csv`` module would do silently is checked and reported instead:

- a quote that never closes swallows every following line into one cell; a
  record whose embedded lines look like whole rows is re-read line by line,
  with the quote kept as text and an error at the row where it starts;
- a row written with another delimiter (";" rows pasted into a "," file) is
  re-split with the delimiter that gives it the header's width;
- an over-long line is skipped with an error naming its row.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from specassist.domain.issues import Severity
from specassist.survey.decoding import EncodingChoice
from specassist.survey.limits import ReadLimits
from specassist.survey.table import RawTable, ReadCounts, ReadNote

_DELIMITERS = (",", ";", "\t", "|")
_NAMES = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}
_SAMPLE_CHARS = 64 * 1024


def _count_outside_quotes(line: str, delimiter: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count


def sniff_delimiter(sample: str) -> tuple[str, int]:
    """(delimiter, usual field count) from the first lines of ``sample``.

    ``csv.Sniffer`` guesses badly on short files and on semicolon files with
    decimal commas, and the csv module refuses fields over 128 KiB, so this
    counts each candidate outside quotes per line and prefers the one that
    appears the same number of times on most lines.
    """
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    best, best_score, best_width = ",", -1.0, 1
    for delimiter in _DELIMITERS:
        counts = [_count_outside_quotes(line[:_SAMPLE_CHARS], delimiter) for line in lines]
        if not counts or max(counts) == 0:
            continue
        usual, times = Counter(c for c in counts if c).most_common(1)[0]
        score = times / len(counts) * 10 + max(counts) / 100
        if score > best_score:
            best, best_score, best_width = delimiter, score, usual + 1
    return best, best_width


class _Until(io.RawIOBase):
    """A binary file read up to a byte offset (to leave half a character at the end unread)."""

    def __init__(self, raw: io.BufferedReader, end: int) -> None:
        self.raw, self.end = raw, end

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        room = max(0, min(len(buffer), self.end - self.raw.tell()))
        data = self.raw.read(room)
        buffer[: len(data)] = data
        return len(data)


class _Lines:
    """Physical lines with their numbers; remembers the lines of the record being read."""

    def __init__(self, stream: io.TextIOBase, limits: ReadLimits) -> None:
        self.stream = stream
        self.limit = limits.max_line_chars
        self.number = 0
        self.pending: list[tuple[int, str]] = []
        self.too_long: list[int] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        while True:
            line = self.stream.readline(self.limit + 1)
            if not line:
                raise StopIteration
            self.number += 1
            if len(line) <= self.limit or line.endswith(("\n", "\r")):
                self.pending.append((self.number, line))
                return line
            self._skip_rest()
            self.too_long.append(self.number)

    def _skip_rest(self) -> None:
        while True:
            more = self.stream.readline(self.limit)
            if not more or more.endswith(("\n", "\r")):
                return

    def take(self) -> list[tuple[int, str]]:
        taken, self.pending = self.pending, []
        return taken


def _split_line(line: str, delimiter: str) -> list[str]:
    """One physical line split with quotes taken literally (used after a stray quote)."""
    text = line.rstrip("\r\n")
    return next(csv.reader([text], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])


class CsvRecords:
    """Iterates ``(row number, cells)``; notes and skipped-row counts fill in as it goes."""

    def __init__(
        self, path: Path, choice: EncodingChoice, delimiter: str, width: int, limits: ReadLimits
    ) -> None:
        self.path, self.choice, self.delimiter, self.width = path, choice, delimiter, width
        self.limits = limits
        self.notes: list[ReadNote] = []
        self.counts = ReadCounts()
        self._other_delimiters: Counter[str] = Counter()
        self._first_other: dict[str, int] = {}

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        if csv.field_size_limit() < self.limits.max_line_chars:
            csv.field_size_limit(self.limits.max_line_chars)
        with self.path.open("rb") as raw:
            raw.seek(self.choice.skip)
            end = self.path.stat().st_size - self.choice.trim
            stream = io.TextIOWrapper(
                io.BufferedReader(_Until(raw, end)),
                encoding=self.choice.codec,
                errors=self.choice.errors,
                newline="",
            )
            lines = _Lines(stream, self.limits)
            yield from self._records(lines)
            self._report_too_long(lines)
        self._report_other_delimiters()

    def _records(self, lines: _Lines) -> Iterator[tuple[int, list[str]]]:
        while True:
            reader = csv.reader(lines, delimiter=self.delimiter, strict=False)
            try:
                for record in reader:
                    taken = lines.take()
                    if not taken:
                        continue
                    if len(taken) > 1 and self._swallowed(taken):
                        yield from self._reread(taken, "runs over the following rows")
                        continue
                    self.counts.merged_lines += len(taken) - 1
                    yield taken[0][0], self._resplit(taken[0], record)
                return
            except csv.Error as exc:
                taken = lines.take()
                if not taken:
                    self.notes.append(ReadNote(Severity.ERROR, f"unreadable text ({exc})", None))
                    return
                yield from self._reread(taken, "is never closed")

    def _swallowed(self, taken: list[tuple[int, str]]) -> bool:
        """A multi-line record whose later lines look like whole rows: a quote left open."""
        if self.width < 3:
            return False
        needed = max(2, self.width - 2)
        return any(_count_outside_quotes(text, self.delimiter) >= needed for _, text in taken[1:])

    def _reread(self, taken: list[tuple[int, str]], how: str) -> Iterator[tuple[int, list[str]]]:
        first, text = taken[0]
        cells = _split_line(text, self.delimiter)
        column = next((i for i, c in enumerate(cells) if '"' in c), None)
        last = taken[-1][0]
        self.notes.append(
            ReadNote(
                Severity.ERROR,
                f'a quote (") opened here {how} (to row {last}); the quote was kept as '
                "text and each row read on its own — check this row",
                first,
                column,
                text.strip()[:80],
            )
        )
        yield first, cells
        for number, line in taken[1:]:
            yield number, self._resplit((number, line), _split_line(line, self.delimiter))

    def _resplit(self, line: tuple[int, str], record: list[str]) -> list[str]:
        """Re-split a narrow row that another delimiter turns into a full-width row."""
        if self.width < 3 or len(record) * 2 > self.width:
            return record
        number, text = line
        for other in _DELIMITERS:
            if other == self.delimiter:
                continue
            cells = next(csv.reader([text.rstrip("\r\n")], delimiter=other), [])
            if abs(len(cells) - self.width) <= 1:
                self._other_delimiters[other] += 1
                self._first_other.setdefault(other, number)
                return cells
        return record

    def _report_too_long(self, lines: _Lines) -> None:
        for number in lines.too_long:
            self.counts.unread["longer than the line limit"] += 1
            self.notes.append(
                ReadNote(
                    Severity.ERROR,
                    f"row is longer than {self.limits.max_line_chars:,} characters; not read",
                    number,
                )
            )

    def _report_other_delimiters(self) -> None:
        ours = _NAMES[self.delimiter]
        for other, count in self._other_delimiters.items():
            self.notes.append(
                ReadNote(
                    Severity.WARNING,
                    f"{count} row(s) are {_NAMES[other]}-separated in a {ours}-separated "
                    f"file; they were split on the {_NAMES[other]} (first here)",
                    self._first_other[other],
                )
            )


def read_csv(path: Path, choice: EncodingChoice, limits: ReadLimits) -> RawTable:
    from specassist.survey.decoding import garbled_evidence

    with path.open("rb") as raw:
        raw.seek(choice.skip)
        sample = io.TextIOWrapper(raw, encoding=choice.codec, errors="replace", newline="").read(
            _SAMPLE_CHARS
        )
    delimiter, width = sniff_delimiter(sample)
    records = CsvRecords(path, choice, delimiter, width, limits)
    for severity, message, row in choice.notes:
        records.notes.append(ReadNote(severity, message, row))
    garbled = garbled_evidence(sample)
    if garbled:
        snippet, cause, line = garbled
        records.notes.append(
            ReadNote(
                Severity.WARNING,
                f"text looks garbled, as {cause} does when read as {choice.label}; choose "
                "the file's encoding (e.g. utf-8, shift_jis, gbk, euc_kr, mac_roman)",
                line,
                None,
                snippet,
            )
        )
    detail = f"CSV, {choice.label}, {_NAMES[delimiter]}-separated"
    return RawTable(path.name, records, detail, records.notes, records.counts)
