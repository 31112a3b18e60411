"""The headless front end: ``specassist import``, ``specassist tender`` and friends.

Each command lives in its own module with ``register(commands)`` to declare its
arguments and ``run(args, out)`` to carry it out. Command modules import the
services they need inside ``run``, so ``specassist --version`` and argument
errors answer without loading the catalog, SQLAlchemy or pint. With no command
(or a file name) ``__main__`` starts the desktop app; this package never
imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import TextIO

from specassist import __version__
from specassist.cli import (
    catalog_cmd,
    discover_cmd,
    flag_cmd,
    import_cmd,
    match_cmd,
    plan_cmd,
    rules_cmd,
    tender_cmd,
)

_COMMANDS: dict[str, ModuleType] = {
    "import": import_cmd,
    "flag": flag_cmd,
    "match": match_cmd,
    "tender": tender_cmd,
    "rules": rules_cmd,
    "catalog": catalog_cmd,
    "discover": discover_cmd,
    "plan": plan_cmd,
}
HEADLESS = frozenset(_COMMANDS)
COMMANDS = (*_COMMANDS, "open")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="specassist",
        description="Turn a CCTV site survey into a tender for replacing excluded cameras. "
        "Run without a command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"SpecAssist {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    opener = commands.add_parser("open", help="open the desktop app (the default)")
    opener.add_argument("file", nargs="?", help="a survey (.csv/.xlsx) or project")
    opener.add_argument("--demo", action="store_true", help="open the bundled demo survey")
    for module in _COMMANDS.values():
        module.register(commands)
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """``specassist FILE`` and ``specassist --demo`` mean ``specassist open …``."""
    if not argv:
        return ["open"]
    if argv[0] in COMMANDS or argv[0] in {"-h", "--help", "--version"}:
        return argv
    return ["open", *argv]


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(_normalise(list(sys.argv[1:] if argv is None else argv)))
    if args.command == "open" and args.file is not None:
        from pathlib import Path

        args.file = Path(args.file)
    return args


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run a headless command; returns the exit status."""
    module = _COMMANDS.get(args.command)
    if module is None:
        raise ValueError(f"not a headless command: {args.command}")
    status: int = module.run(args, out or sys.stdout)
    return status
