"""Run a command-line command in this process, as the tests of each command do."""

from __future__ import annotations

import io

from specassist import cli


def run_cli(*argv: str) -> tuple[int, str]:
    """(exit status, what the command printed)."""
    out = io.StringIO()
    status = cli.run(cli.parse_args(list(argv)), out)
    return status, out.getvalue()
