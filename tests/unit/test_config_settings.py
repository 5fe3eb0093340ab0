"""Settings: store names that cannot lead anywhere but ePages, ranges named in the refusal."""

from __future__ import annotations

import pytest

from epages_sync.config import Flow, Settings, check_loopback_url, epages_base_url, parse_store_name
from epages_sync.errors import ConfigError


@pytest.mark.parametrize("bad", ["evil.com/x", "a..b", "-x", "x-", "a" * 64, "", "   ", "my_shop", "shop name",
                                 "https://evil.com/.beyondshop.cloud", "x.beyondshop.cloud.evil.com",
                                 "https://user@x.beyondshop.cloud/cockpit", "https://a.b.beyondshop.cloud/",
                                 "https://x.beyondshop.cloud:8443/"])
def test_bad_store_names_are_refused_with_a_message(bad: str) -> None:
    with pytest.raises(ConfigError) as exc:
        parse_store_name(bad)
    assert "store name" in str(exc.value)
    assert exc.value.concerns == "store name"


@pytest.mark.parametrize("good,name", [
    ("my-shop", "my-shop"),
    ("https://my-shop.beyondshop.cloud/cockpit/login", "my-shop"),
    ("my-shop.beyondshop.cloud", "my-shop"),
    ("  Shop42  ", "shop42"),
    ("a" * 63, "a" * 63),
])
def test_store_names_and_pasted_cockpit_urls_are_reduced_to_the_name(good: str, name: str) -> None:
    assert parse_store_name(good) == name


def test_the_api_base_is_always_derived_from_the_store_name() -> None:
    assert epages_base_url("https://my-shop.beyondshop.cloud/cockpit/login") == "https://my-shop.beyondshop.cloud/api"
    assert Settings(store_name="my-shop").epages_api_url == "https://my-shop.beyondshop.cloud/api"
    assert Settings(store_name="my-shop").afosto_graphql_url == "https://afosto.app/graphql"


@pytest.mark.parametrize("field,value,allowed", [
    ("poll_interval", 14, "15 to 3600"), ("poll_interval", 3601, "15 to 3600"),
    ("push_interval", 1, "2 to 60"), ("push_interval", 61, "2 to 60"),
    ("log_retention_days", 0, "1 to 3650"),
])
def test_out_of_range_values_name_the_field_and_the_range(field: str, value: int, allowed: str) -> None:
    with pytest.raises(ConfigError) as exc:
        Settings.checked(**{field: value})
    assert field in str(exc.value)
    assert allowed in str(exc.value)


def test_defaults_are_the_guides_intervals_and_every_flow() -> None:
    s = Settings()
    assert (s.poll_interval, s.push_interval, s.overlap_seconds, s.log_retention_days) == (300, 5, 120, 90)
    assert s.flows == set(Flow)
    assert not s.is_configured


def test_sandbox_urls_must_be_loopback() -> None:
    assert check_loopback_url("http://127.0.0.1:8765/") == "http://127.0.0.1:8765"
    with pytest.raises(ConfigError):
        Settings.checked(sandbox_url="http://10.0.0.5:8765")
    s = Settings(store_name="x", sandbox_url="http://localhost:9000")
    assert s.epages_api_url == "http://localhost:9000/api"
    assert s.afosto_graphql_url == "http://localhost:9000/graphql"


def test_settings_round_trip_through_json_keeps_every_value() -> None:
    s = Settings.checked(store_name="shop", client_id="cid", afosto_channel_id="ch", location_map={"a": "b"},
                         stock_locations=["w1", "w2"], flows={Flow.ORDERS, Flow.INVENTORY}, poll_interval=60)
    again = Settings.model_validate_json(s.model_dump_json())
    assert again == s
