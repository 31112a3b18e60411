"""Run the hostile corpus through an importer and print the outcome counts.

Usage: python -m tests.hostile.run_corpus [--code DIR] [--timeout S]

``--code DIR`` puts another checkout's ``specassist`` first on the path, so
the same corpus measures an older importer. Each case runs in its own forked
process with a time and memory limit, so a crash, an abort or a hang is
counted rather than stopping the run. Outcomes: crash, hang, silent loss
(fewer or other rows than the file holds, or invented ones, with no error or
warning), clear error, clean with cell issues reported, clean.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import tempfile
from collections import Counter
from pathlib import Path


def _classify(case_index: int, code: str | None, conn: object) -> None:
    if code:
        sys.path.insert(0, code)
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))
    from tests.hostile.corpus import all_cases

    case = all_cases()[case_index]
    from specassist.survey.importer import import_survey
    from specassist.survey.readers import SurveyReadError

    with tempfile.TemporaryDirectory() as folder:
        path = case.build(Path(folder))
        try:
            if case.encoding:
                result = import_survey(path, encoding=case.encoding)
            else:
                result = import_survey(path)
        except SurveyReadError:
            conn.send("clear error")  # type: ignore[attr-defined]
            return
        except BaseException as exc:
            conn.send(f"crash: {type(exc).__name__}")  # type: ignore[attr-defined]
            return
        finally:
            if path.is_file() and not path.is_symlink():
                path.chmod(0o644)
    severities = {str(i.severity) for i in result.issues}
    reported = "error" in severities or "warning" in severities
    stored = len(result.cameras)
    if case.cameras is None:
        outcome = "clear error" if stored == 0 and "error" in severities else "silent loss"
    elif stored != case.cameras:
        outcome = "clear error" if "error" in severities else "silent loss"
    else:
        texts_kept = all(any(t in c.raw.values() for c in result.cameras) for t in case.texts)
        site_kept = case.site is None or all(c.site == case.site for c in result.cameras)
        if not (texts_kept and site_kept):
            outcome = "clear error" if reported else "silent loss"
        else:
            outcome = "clean, issues reported" if "error" in severities else "clean"
    conn.send(outcome)  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--code", help="checkout whose specassist package to measure")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    from tests.hostile.corpus import all_cases

    cases = all_cases()
    counts: Counter[str] = Counter()
    bad: dict[str, list[str]] = {}
    context = multiprocessing.get_context("fork")
    for index, case in enumerate(cases):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_classify, args=(index, args.code, send))
        child.start()
        child.join(args.timeout)
        if child.is_alive():
            child.kill()
            child.join()
            outcome = "hang"
        elif receive.poll():
            outcome = receive.recv()
        else:
            outcome = f"crash: exit {child.exitcode}"
        kind = outcome.split(":")[0]
        counts[kind] += 1
        if kind not in ("clean", "clean, issues reported", "clear error"):
            bad.setdefault(kind, []).append(f"{case.name} ({outcome})")
    print(f"{len(cases)} cases")
    for kind in ("crash", "hang", "silent loss", "clear error", "clean, issues reported", "clean"):
        print(f"  {kind:24} {counts[kind]:4}")
    for kind, names in bad.items():
        print(f"{kind}:")
        for name in names:
            print(f"  {name}")


if __name__ == "__main__":
    main()
