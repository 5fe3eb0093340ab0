"""Engine tests marked ``both_order_listings`` run twice: against a sandbox that honours the ``sort`` of
``GET /orders``, and against one that lists strictly as ePages documents (the parameter ignored, each page
in any order), so no test passes only because the sandbox is kinder than ePages promises to be."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from engine_rig import ORDER_LISTING

LISTINGS = ("sorted", "shuffled")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_order_listings: run against both ways the sandbox lists orders")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("both_order_listings"):
        metafunc.parametrize("order_listing", LISTINGS, indirect=True)


@pytest.fixture(autouse=True)
def order_listing(request: pytest.FixtureRequest) -> Iterator[str]:
    listing = getattr(request, "param", "sorted")
    ORDER_LISTING.value = listing
    try:
        yield listing
    finally:
        ORDER_LISTING.value = "sorted"
