"""Where ePages' official API description lies: beside the repository, in ../shared/reference (not committed).

Tests that compare with it skip, saying why, when it is absent.
"""

from __future__ import annotations

import pathlib

REFERENCE_DIR = pathlib.Path(__file__).resolve().parents[3] / "shared" / "reference"
OPENAPI_PATH = REFERENCE_DIR / "beyond-openapi-2023-09-26.yaml"
