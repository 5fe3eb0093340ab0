"""Shared test setup: Qt offscreen, an in-memory keyring, a fresh data directory per test."""

from __future__ import annotations

import os
import pathlib

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

REFERENCE_DIR = pathlib.Path(__file__).resolve().parents[2] / "shared" / "reference"
OPENAPI_PATH = REFERENCE_DIR / "beyond-openapi-2023-09-26.yaml"


@pytest.fixture
def data_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    d = tmp_path / "data"
    d.mkdir()
    return d
