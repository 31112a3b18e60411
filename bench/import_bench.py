"""Import synthetic surveys and print time and peak memory.

Usage:
  python bench/import_bench.py [ROWS ...]          CSV import + store (default 10000 50000)
  python bench/import_bench.py --xlsx 20000        XLSX read: openpyxl (before) vs calamine
  python bench/import_bench.py --stream 1500000    CSV streamed in batches into a project

The survey mixes what real ones contain: several makes, feet and metres,
ranges, decimal commas, a few bad cells, and an unknown column. Peak memory
is the maximum resident set size (ru_maxrss) of a fresh child process per
measurement, which includes the interpreter and libraries, so it is an honest
upper bound for that one job.
"""

from __future__ import annotations

import csv
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from specassist.services.projects import new_project
from specassist.storage.survey_store import ImportWriter, add_import
from specassist.survey.importer import import_survey, import_table
from specassist.survey.readers import RawTable, cell_text

MAKES = [
    ("Hikvision", "DS-2CD2143G2-I", "Dome"),
    ("Dahua", "IPC-HFW5442E-ZE", "Bullet"),
    ("HiWatch", "IPC-T020(B)", "Turret"),
    ("Axis", "P3265-LVE", "Dome"),
    ("Hanwha", "XNO-6080R", "Bullet"),
    ("Dahua", "SD49425XB-HNR", "PTZ"),
]
LENSES = ["2.8mm", "4 mm", "2.8-12mm", "2,7 – 13,5 mm", "Varifocal 3.2-10 mm", "6mm fixed"]
HEADER = ["Cam Ref", "Site", "Location", "Manufacturer", "Model No.", "Type", "Resolution",
          "Lens", "Mounting", "Height (ft)", "Distance to target", "Purpose", "Indoor/Outdoor",
          "MAC", "IP", "Cable run"]  # fmt: skip


def survey_rows(rows: int, seed: int = 7, first: int = 0) -> list[list[object]]:
    rng = random.Random(seed)
    out: list[list[object]] = []
    for n in range(first, first + rows):
        make, model, form = rng.choice(MAKES)
        mac = ":".join(f"{rng.randrange(256):02X}" for _ in range(6))
        ip = f"10.{n // 65536}.{n // 256 % 256}.{n % 256}"
        if n % 997 == 0:
            mac = "not-a-mac"
        out.append([
            f"C{n:07d}", f"Site {n // 250}", f"Area {n % 40}", make, model, form,
            rng.choice(["2688x1520", "1080p", "4MP", "3840x2160"]), rng.choice(LENSES),
            rng.choice(["Wall", "Pole", "Ceiling"]), f"{rng.uniform(8, 20):.1f}",
            rng.choice([f"{rng.uniform(3, 40):.1f} m", f"{rng.uniform(10, 120):.0f} ft"]),
            rng.choice(["Detect", "Observe", "Recognise", "Identify"]),
            rng.choice(["Indoor", "Outdoor"]), mac, ip, "Cat6",
        ])  # fmt: skip
    return out


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for start in range(0, rows, 50_000):
            writer.writerows(survey_rows(min(50_000, rows - start), seed=start, first=start))


def write_xlsx(path: Path, rows: int) -> None:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Survey")
    sheet.append(HEADER)
    for row in survey_rows(rows):
        sheet.append([float(v) if i == 9 else v for i, v in enumerate(row)])
    book.save(path)


def read_with_openpyxl(path: Path) -> RawTable:
    """The reader before calamine: openpyxl in read-only mode, every row materialised."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        rows = [
            (n, [cell_text(v) for v in values])
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()
    return RawTable(path.name, rows, f"XLSX, sheet {sheet.title!r} (openpyxl)")


def _measured(job: Callable[[], str]) -> None:
    """Run ``job`` in a fresh process and print its line with time and peak memory."""

    def child() -> None:
        start = time.perf_counter()
        line = job()
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{line:<58} {seconds:8.2f} s {peak:9.0f} MB", flush=True)

    process = multiprocessing.get_context("fork").Process(target=child)
    process.start()
    process.join()


def bench_xlsx(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"survey-{rows}.xlsx"
        write_xlsx(path, rows)
        print(f"XLSX, {rows:,} rows, {path.stat().st_size / 1e6:.1f} MB")

        def before() -> str:
            result = import_table(read_with_openpyxl(path))
            return f"  openpyxl read + import: {len(result.cameras):,} cameras"

        def after() -> str:
            result = import_survey(path)
            return f"  calamine read + import: {len(result.cameras):,} cameras"

        def read_only_before() -> str:
            return f"  openpyxl read only: {sum(1 for _ in read_with_openpyxl(path).rows):,} rows"

        def read_only_after() -> str:
            from specassist.survey.readers import read_table

            return f"  calamine read only: {sum(1 for _ in read_table(path).rows):,} rows"

        for job in (read_only_before, read_only_after, before, after):
            _measured(job)


def bench_stream(rows: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"survey-{rows}.csv"
        started = time.perf_counter()
        write_csv(path, rows)
        size = path.stat().st_size / 1e6
        print(
            f"CSV, {rows:,} rows, {size:.0f} MB (written in {time.perf_counter() - started:.0f} s)"
        )

        def parse_only() -> str:
            seen = [0]

            def count(batch: list[object]) -> None:
                seen[0] += len(batch)

            result = import_survey(path, on_cameras=count)
            assert result.accounting.balanced and seen[0] == rows
            return f"  streamed import, not stored: {seen[0]:,} cameras"

        def into_project() -> str:
            target = Path(folder) / "bench.specassist"
            with new_project("bench", target) as project, project.transaction() as session:
                writer = ImportWriter(session, project.project_id(), path.name)
                result = import_survey(path, on_cameras=writer.add)
                writer.finish(
                    result.detail,
                    result.mapping,
                    result.issues,
                    result.skipped_rows,
                    result.accounting.as_dict(),
                )
            return f"  streamed into a project: {result.accounting.stored:,} cameras"

        _measured(parse_only)
        _measured(into_project)


def bench_csv(sizes: list[int]) -> None:
    print(
        f"{'rows':>8} {'parse s':>8} {'rows/s':>9} {'store s':>8} {'issues':>7} {'peak RSS MB':>12}"
    )
    with tempfile.TemporaryDirectory() as folder:
        for rows in sizes:
            path = Path(folder) / f"survey-{rows}.csv"
            write_csv(path, rows)
            start = time.perf_counter()
            result = import_survey(path)
            seconds = time.perf_counter() - start
            with new_project("bench") as project, project.transaction() as session:
                stored = time.perf_counter()
                add_import(
                    session,
                    project.project_id(),
                    result.file,
                    result.detail,
                    result.mapping,
                    result.cameras,
                    result.issues,
                )
            store_seconds = time.perf_counter() - stored
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            assert len(result.cameras) == rows
            print(
                f"{rows:>8} {seconds:>8.2f} {rows / seconds:>9.0f} {store_seconds:>8.2f} "
                f"{len(result.issues):>7} {peak_mb:>12.0f}"
            )


if __name__ == "__main__":
    arguments = sys.argv[1:]
    if arguments[:1] == ["--xlsx"]:
        bench_xlsx(int(arguments[1]) if len(arguments) > 1 else 20_000)
    elif arguments[:1] == ["--stream"]:
        bench_stream(int(arguments[1]) if len(arguments) > 1 else 1_500_000)
    else:
        bench_csv([int(a) for a in arguments] or [10_000, 50_000])
