"""What the bundled executables run: the app's own command line (``epages_sync.__main__.main``).

PyInstaller needs a script, and ``epages_sync/__main__.py`` uses relative imports, so it cannot be that
script itself.
"""

from __future__ import annotations

import os
import sys


def _give_windowed_launcher_streams() -> None:
    # The windowed launcher on Windows starts without a console: sys.stdout and sys.stderr are None there,
    # and libraries that ask them a question (uvicorn's log formatter asks isatty()) would crash the demo.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - open for good


if __name__ == "__main__":
    _give_windowed_launcher_streams()
    from epages_sync.__main__ import main

    sys.exit(main())
