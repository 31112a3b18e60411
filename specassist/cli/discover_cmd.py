"""``specassist discover``: find cameras and recorders on the site network, within bounds.

Probes go only where the user points: multicast on ``--interface``, unicast to
``--host`` and ``--cidr``. The ONVIF password is read from the environment
variable ``SPECASSIST_ONVIF_PASSWORD`` or asked for at a prompt, never taken
from the command line (where other users and shell history would see it).
Ctrl+C stops the scan and prints what was found so far.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, TextIO

from specassist.cli.common import Subparsers, fail, issue_json, path, write_json

if TYPE_CHECKING:
    from pathlib import Path

    from specassist.services.discovery_service import Credentials, Discovery

PASSWORD_VARIABLE = "SPECASSIST_ONVIF_PASSWORD"


def register(commands: Subparsers) -> None:
    sub = commands.add_parser(
        "discover",
        help="find cameras on the network (WS-Discovery/ONVIF, SADP, DHIP)",
        description="Find cameras and recorders on the site network. Only the interface, "
        "hosts and ranges given are probed, at a fixed pace, within a time limit. "
        f"An ONVIF password is read from ${PASSWORD_VARIABLE} or asked for.",
    )
    sub.add_argument("--interface", metavar="IF", help="multicast probes on this interface "
                     "(a name such as eth0, or its IPv4 address)")  # fmt: skip
    sub.add_argument("--host", action="extend", nargs="+", default=[], metavar="H",
                     help="IPv4 address to probe (repeatable)")  # fmt: skip
    sub.add_argument("--cidr", action="append", default=[], metavar="NET",
                     help="IPv4 range to sweep, e.g. 192.168.1.0/24 (repeatable; "
                     "up to a /20)")  # fmt: skip
    sub.add_argument("--wsd-port", type=int, default=3702, metavar="N")
    sub.add_argument("--sadp-port", type=int, default=37020, metavar="N")
    sub.add_argument("--dhip-port", type=int, default=37810, metavar="N")
    sub.add_argument("--onvif-user", metavar="U", help="ONVIF user name for this scan; the "
                     f"password comes from ${PASSWORD_VARIABLE} or a prompt")  # fmt: skip
    sub.add_argument("--timeout", type=float, default=30.0, metavar="S",
                     help="stop after this many seconds (default: 30)")  # fmt: skip
    sub.add_argument("--rate", type=float, default=250.0, metavar="N",
                     help="datagrams and requests per second (default: 250)")  # fmt: skip
    sub.add_argument("--project", type=path, help="store the devices in this project file as "
                     "one import (created if missing)")  # fmt: skip
    sub.add_argument(
        "--mode", choices=["add", "update"], default="update",
        help="with --project: 'update' (the default) refreshes the devices the project "
        "already has (same MAC or serial) and adds the rest; 'add' adds every device",
    )  # fmt: skip
    sub.add_argument("--json", action="store_true", help="print the result as JSON")


def _credentials(user: str | None) -> Credentials | None:
    from getpass import getpass

    from specassist.services.discovery_service import Credentials

    if not user:
        return None
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = getpass(f"ONVIF password for {user} (this scan only): ", stream=sys.stderr)
    return Credentials(user, password)


@contextmanager
def _interruptible() -> Iterator[Callable[[], bool]]:
    """Ctrl+C asks the scan to stop (it then returns its partial result) instead of killing it."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop.is_set
        return
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        yield stop.is_set
    finally:
        signal.signal(signal.SIGINT, previous)


def run(args: argparse.Namespace, out: TextIO) -> int:
    from specassist.domain.issues import UserError
    from specassist.services import discovery_service as service

    request = service.ScanRequest(
        interface=args.interface,
        hosts=tuple(args.host),
        ranges=tuple(args.cidr),
        ports=service.Ports(args.wsd_port, args.sadp_port, args.dhip_port),
        credentials=_credentials(args.onvif_user),
        timeout_s=args.timeout,
        rate=args.rate,
    )
    progress = _progress_printer() if sys.stderr.isatty() and not args.json else None
    try:
        with _interruptible() as stop:
            found = service.discover(request, progress, stop)
    except (service.TargetError, service.InterfaceError, ValueError) as exc:
        return fail("discover", str(exc))
    try:
        saved = _save(found, args.project, args.mode) if args.project else None
    except UserError as exc:
        return fail("discover", str(exc))
    if args.json:
        write_json(_as_json(found, saved), out)
    else:
        _print_table(found, out)
        if saved:
            print(f"saved to {saved.path}: {saved.added} device(s) added, {saved.updated} "
                  "updated", file=out)  # fmt: skip
    return 0


def _progress_printer() -> Callable[[str, float], None]:
    def show(text: str, fraction: float) -> None:
        print(f"\r{fraction:4.0%} {text[:70]:<70}", end="", file=sys.stderr, flush=True)
        if fraction >= 1:
            print(file=sys.stderr)

    return show


def _save(found: Discovery, project_path: Path, mode: str) -> Saved:
    """Store the devices in a project file as one import and save it."""
    from specassist.services import discovery_service, imports, projects

    chosen = imports.ImportMode.ADD if mode == "add" else imports.ImportMode.UPDATE
    with projects.open_or_new(project_path) as project:
        stored = discovery_service.add_to_project(project, found.survey, chosen)
        return Saved(str(project.save()), stored.added, stored.updated)


@dataclass(frozen=True)
class Saved:
    path: str
    added: int
    updated: int


def _as_json(found: Discovery, saved: Saved | None) -> dict[str, object]:
    from specassist.services.discovery_service import summarise

    report = found.report
    devices = []
    for record in found.devices:
        summary = summarise(record)
        devices.append({"address": summary.address, **summary.values,
                        "protocols": summary.protocols, "found_by": summary.found_by,
                        "notes": summary.notes})  # fmt: skip
    return {
        "scan": {
            "detail": found.survey.detail,
            "targets": report.targets,
            "datagrams_sent": report.sent,
            "replies": report.replies,
            "elapsed_s": round(report.elapsed_s, 3),
            "timed_out": report.timed_out,
            "cancelled": report.cancelled,
            "notes": report.notes,
        },
        "devices": devices,
        "issues": [issue_json(i) for i in found.survey.issues],
        "project": saved and asdict(saved),
    }


def _print_table(found: Discovery, out: TextIO) -> None:
    from specassist.services.discovery_service import summarise

    print(found.survey.detail, file=out)
    columns = ("maker", "model", "serial", "firmware", "mac")
    for record in found.devices:
        summary = summarise(record)
        cells = [summary.address] + [summary.values[c] or "-" for c in columns]
        print("  " + "  ".join(cells) + f"  [{', '.join(summary.protocols)}]", file=out)
    for note in found.report.notes:
        print(f"  note: {note}", file=out)
    for issue in found.survey.issues:
        print(f"  {issue}", file=out)
