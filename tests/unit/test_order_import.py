"""What becomes an Afosto order, and the plain messages for orders that cannot be imported as they are."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from epages_sync.clients.epages_models import Order
from epages_sync.engine.order_import import OrderProblem, plan_import


def money(amount: str) -> dict[str, Any]:
    return {"currency": "EUR", "amount": Decimal(amount)}


def order(**overrides: Any) -> Order:
    data: dict[str, Any] = {
        "_id": "o-1", "orderNumber": "10001", "currency": "EUR", "customerEmail": "anna@example.com",
        "createdAt": "2026-11-01T10:00:00.000", "updatedAt": "2026-11-01T10:00:00.000",
        "productLineItems": [
            {"_id": "l-1", "product": {"_id": "p-1", "sku": "CF-1001", "name": "Espresso Beans"},
             "quantity": 2, "initialQuantity": 2, "unitPrice": money("19.90"), "lineItemPrice": money("39.80")},
            {"_id": "l-2", "product": {"_id": "p-2", "sku": "CF-1002", "name": "Filter Coffee"},
             "quantity": 1, "initialQuantity": 1, "unitPrice": money("8.49"), "lineItemPrice": money("8.49")}],
        "shippingLineItem": {"lineItemPrice": money("4.95")},
        "paymentLineItem": {"lineItemPrice": money("1.50")},
        "billingAddress": {"firstName": "Anna", "lastName": "Müller", "street": "Hauptstraße", "houseNumber": "5",
                           "postalCode": "20095", "city": "Hamburg", "country": "DE"},
        "grandTotal": money("54.74"),
    }
    data.update(overrides)
    return Order.model_validate(data)


KNOWN = {"CF-1001", "CF-1002"}


def plan(o: Order, **kw: Any):
    args = {"channel_id": "ch-1", "channel_currency": "EUR", "afosto_skus": KNOWN, "location_map": {}}
    args.update(kw)
    return plan_import(o, **args)


def test_lines_prices_fees_and_reference_are_exact() -> None:
    p = plan(order())
    assert [(li.sku, li.quantity, li.unit_price) for li in p.lines] == [
        ("CF-1001", 2, Decimal("19.90")), ("CF-1002", 1, Decimal("8.49"))]
    assert p.lines[0].meta_data == {"epages_line_id": "l-1"}
    assert p.order.shipping_fee == Decimal("4.95") and p.order.payment_fee == Decimal("1.50")
    assert p.order.meta_data["epages_order_id"] == "o-1"
    assert p.order.meta_data["epages_order_number"] == "10001"
    assert p.order.customer is not None and p.order.customer.reference == "10001"
    # No separate shipping address: the billing address is the delivery address.
    assert p.order.delivery_address is not None and p.order.delivery_address.locality == "Hamburg"


def test_the_unit_price_is_what_the_customer_paid_after_the_line_discount() -> None:
    o = order()
    lines = o.model_dump(by_alias=True)["productLineItems"]
    p = plan(order(productLineItems=[
        {**lines[0], "unitDiscount": money("-2.997")}, lines[1]]))
    assert p.lines[0].unit_price == Decimal("16.90")  # 19.90 - 2.997, in whole cents
    assert p.lines[0].meta_data == {"epages_line_id": "l-1", "epages_unit_price_exact": "16.903"}
    assert p.lines[1].unit_price == Decimal("8.49") and "epages_unit_price_exact" not in p.lines[1].meta_data


def test_an_unknown_sku_names_the_sku_and_what_to_do() -> None:
    with pytest.raises(OrderProblem) as exc:
        plan(order(), afosto_skus={"CF-1001"})
    assert "CF-1002" in exc.value.message and "unknown in Afosto" in exc.value.message
    assert "Retry" in exc.value.message


def test_another_currency_than_the_channels_is_refused_with_both_currencies() -> None:
    with pytest.raises(OrderProblem) as exc:
        plan(order(currency="CHF"))
    assert "CHF" in exc.value.message and "EUR" in exc.value.message


def test_a_missing_address_field_is_named() -> None:
    with pytest.raises(OrderProblem) as exc:
        plan(order(billingAddress={"firstName": "Anna", "lastName": "Müller", "city": "Hamburg"}))
    assert "country" in exc.value.message


def test_a_pickup_at_an_unmapped_location_says_where_to_map_it() -> None:
    pickup = {"pickupOption": {"id": "po-1", "name": "Abholung", "_embedded": {"location": {"_id": "loc-9"}}},
              "lineItemPrice": money("0")}
    with pytest.raises(OrderProblem) as exc:
        plan(order(shippingLineItem=None, pickupLineItem=pickup))
    assert "loc-9" in exc.value.message and "Settings > Locations" in exc.value.message
    mapped = plan(order(shippingLineItem=None, pickupLineItem=pickup), location_map={"loc-9": "af-store"})
    assert mapped.order.pickup_location_id == "af-store" and mapped.order.delivery_address is None
