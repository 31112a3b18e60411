"""Entry point for the bundled app: the same ``main`` the ``specassist`` command runs."""

import sys

from specassist.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
