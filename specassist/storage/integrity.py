"""Tell a sound project file from a damaged one before anything is read from it or saved over it.

SQLite keeps no checksums, and a flipped bit in a camera's model number reads
back as a different, valid-looking model. So every save stamps a CRC-32 of
the whole file into two header fields SQLite sets aside for applications
(https://www.sqlite.org/fileformat.html, "The Database Header"):

- application id (offset 68): ``0x5341`` ("SA") in the high half marks a
  stamped file; the low half keeps the low 16 bits of SQLite's file change
  counter (offset 24) at stamping time;
- user version (offset 60): the CRC-32 of the file with these four bytes as zero.

Opening recomputes the CRC while copying the file. A mismatch is damage,
unless the change counter moved: then another program wrote the file through
SQLite, and SQLite's own ``PRAGMA quick_check``, which runs on every open,
is the judge. Files saved before stamping are judged by the header and
``quick_check`` alone.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from dataclasses import dataclass
from pathlib import Path

from specassist.storage.project_errors import ProjectCorruptError, ProjectFileError

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
CHANGE_COUNTER = 24
PAGE_COUNT = 28
USER_VERSION = 60
APPLICATION_ID = 68
VERSION_VALID_FOR = 92
STAMP_MARK = 0x5341
CHUNK = 1 << 20
QUICK_CHECK_LINES = 3
"""quick_check lists up to this many problems; the first few say enough to the user."""


@dataclass(frozen=True, slots=True)
class Copied:
    header: bytes
    crc: int
    size: int


def copy_counting(source: Path, destination: Path) -> Copied:
    """Copy ``source`` in one pass, computing the CRC the stamp is checked against."""
    crc, size, header = 0, 0, b""
    buffer = bytearray(CHUNK)
    view = memoryview(buffer)
    with source.open("rb") as reader, destination.open("wb") as writer:
        while count := reader.readinto(buffer):
            chunk = view[:count]
            if not header:
                header = bytes(chunk[:HEADER_SIZE])
                crc = zlib.crc32(_masked(bytes(chunk)))
            else:
                crc = zlib.crc32(chunk, crc)
            writer.write(chunk)
            size += count
    return Copied(header, crc, size)


def check_copy(path: Path, copied: Copied) -> None:
    """Raise for a file that is not SQLite, whose header is damaged or whose stamp is wrong."""
    check_header(path, copied.header, copied.size)
    stamp = int.from_bytes(copied.header[APPLICATION_ID : APPLICATION_ID + 4])
    if stamp >> 16 != STAMP_MARK:
        return  # saved before stamping, or by another program: quick_check decides
    counter = int.from_bytes(copied.header[CHANGE_COUNTER : CHANGE_COUNTER + 4])
    if stamp & 0xFFFF != counter & 0xFFFF:
        return  # written through SQLite since SpecAssist saved it
    stored = int.from_bytes(copied.header[USER_VERSION : USER_VERSION + 4])
    if stored != copied.crc:
        raise ProjectCorruptError(
            path, f"its checksum does not match: saved as {stored:08x}, reads as {copied.crc:08x}"
        )


def check_header(path: Path, header: bytes, size: int) -> None:
    if len(header) < HEADER_SIZE or not header.startswith(MAGIC):
        raise ProjectFileError(f"{path.name}: not a SpecAssist project (not an SQLite file)")
    page = int.from_bytes(header[16:18])
    page = 65536 if page == 1 else page
    if page < 512 or page & (page - 1):
        raise ProjectCorruptError(path, f"the header gives an impossible page size, {page}")
    if header[18] not in (1, 2) or header[19] not in (1, 2) or header[21:24] != b"\x40\x20\x20":
        raise ProjectCorruptError(path, "the header's format fields are not SQLite's")
    pages = int.from_bytes(header[PAGE_COUNT : PAGE_COUNT + 4])
    valid = header[CHANGE_COUNTER : CHANGE_COUNTER + 4] == header[VERSION_VALID_FOR:96]
    if valid and pages and pages * page > size:
        raise ProjectCorruptError(
            path, f"the file is cut short: {size} of its {pages * page} bytes are there"
        )
    if size % page:
        raise ProjectCorruptError(path, f"{size} bytes is not a whole number of {page}-byte pages")


def quick_check(connection: sqlite3.Connection) -> str | None:
    """SQLite's structural check; None when sound, else the first problems it found."""
    rows = [str(r[0]) for r in connection.execute(f"PRAGMA quick_check({QUICK_CHECK_LINES})")]
    return None if rows == ["ok"] else "; ".join(rows)


def check_database(path: Path, working: Path) -> None:
    """Run quick_check on the working copy of ``path``; damage becomes ProjectCorruptError."""
    try:
        connection = sqlite3.connect(working)
        try:
            problems = quick_check(connection)
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise ProjectCorruptError(path, f"SQLite cannot read it: {exc}") from exc
    if problems is not None:
        raise ProjectCorruptError(path, f"SQLite's integrity check found: {problems}")


def stamp(path: Path) -> None:
    """Write the mark and the CRC into a freshly written file and flush it to disk."""
    with path.open("r+b") as handle:
        header = bytearray(handle.read(HEADER_SIZE))
        counter = int.from_bytes(header[CHANGE_COUNTER : CHANGE_COUNTER + 4])
        mark = (STAMP_MARK << 16) | (counter & 0xFFFF)
        header[APPLICATION_ID : APPLICATION_ID + 4] = mark.to_bytes(4)
        handle.seek(APPLICATION_ID)
        handle.write(header[APPLICATION_ID : APPLICATION_ID + 4])
        handle.seek(0)
        crc = zlib.crc32(_masked(handle.read(CHUNK)))
        while chunk := handle.read(CHUNK):
            crc = zlib.crc32(chunk, crc)
        handle.seek(USER_VERSION)
        handle.write(crc.to_bytes(4))
        handle.flush()
        os.fsync(handle.fileno())


def _masked(first_chunk: bytes) -> bytes:
    """The file's first chunk with the CRC's own four bytes read as zero."""
    return first_chunk[:USER_VERSION] + bytes(4) + first_chunk[USER_VERSION + 4 :]
