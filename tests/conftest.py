"""Shared test setup: Qt offscreen for every test, a fresh data directory per test, and the app's logger
given back as each test found it (the app's own start-up turns off propagation to root)."""

from __future__ import annotations

import logging
import os
import pathlib
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture
def data_dir(tmp_path: pathlib.Path) -> pathlib.Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture(autouse=True)
def _app_logger_restored() -> Iterator[None]:
    logger = logging.getLogger("epages_sync")
    handlers, propagate, level = list(logger.handlers), logger.propagate, logger.level
    yield
    for h in list(logger.handlers):
        if h not in handlers:
            logger.removeHandler(h)
            h.close()
    logger.propagate, logger.level = propagate, level
