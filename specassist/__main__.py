"""``python -m specassist`` and the ``specassist`` console script.

Headless commands run from ``cli``; anything else opens the desktop app, and
only then is Qt imported.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from specassist import cli, runtime


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse_args(argv)
    runtime.tune_gc()  # one policy for the command line and the app
    if args.command in cli.HEADLESS:
        try:
            return cli.run(args)
        except BrokenPipeError:
            # The reader went away (`specassist flag … | head`): stop quietly, as Unix tools do.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 0
    from specassist.app import run_app

    return run_app(args.file, demo=args.demo)


if __name__ == "__main__":
    sys.exit(main())
