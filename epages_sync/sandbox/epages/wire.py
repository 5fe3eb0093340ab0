"""How the simulated shop answers on the wire: Beyond's HAL+JSON shapes, field names and links.

Amounts are written as JSON numbers with their exact decimal digits (never through float), the way
Beyond's BigDecimal fields arrive.
"""

from __future__ import annotations

import contextvars
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from ..json_parts import dumps_in_parts
from ..seed import CURRENCY, Customer, PickupOption, ShopLocation
from .catalogue import ShopProduct
from .orders import (
    TAX_RATE,
    CancelProcess,
    LineCounts,
    OrderLine,
    PickupProcess,
    ReturnProcess,
    ShippingProcess,
    ShopOrder,
    tax_in,
)
from .world import ms_to_iso

HAL = "application/hal+json;charset=UTF-8"

# A Decimal travels through json.dumps as a string between two control characters, and the quotes and
# marks are taken off afterwards: the standard encoder cannot write a number from text, and float would
# lose digits. Control characters never occur unescaped in shop data, so the marks cannot collide.
_OPEN, _CLOSE = "\x1e", "\x1f"
_OPEN_ESCAPED, _CLOSE_ESCAPED = '"\\u001e', '\\u001f"'


def number(value: Decimal) -> str:
    text = format(value.normalize(), "f") if value else "0"
    return _OPEN + text + _CLOSE


def _stray(value: Any) -> str:
    if isinstance(value, Decimal):  # e.g. an invalid value echoed back in a validation error
        return number(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_stray)


def encode(body: Any) -> bytes:
    text = dumps_in_parts(body, _dumps)  # a page of orders: in parts, see json_parts.py
    return text.replace(_OPEN_ESCAPED, "").replace(_CLOSE_ESCAPED, "").encode("utf-8")


# The currency of the order being written (a shop sells in one currency; a foreign-currency order is rare).
_currency: contextvars.ContextVar[str] = contextvars.ContextVar("currency", default=CURRENCY)


def money(amount: Decimal) -> dict[str, Any]:
    return {"currency": _currency.get(), "amount": number(amount)}


def gross(amount: Decimal) -> dict[str, Any]:
    return {"taxModel": "GROSS", "currency": _currency.get(), "amount": number(amount)}


def taxed(amount: Decimal) -> dict[str, Any]:
    return {"taxClass": "REGULAR", "taxRate": number(TAX_RATE), "currency": _currency.get(),
            "amount": number(tax_in(amount))}


def link(href: str) -> dict[str, str]:
    return {"href": href}


def links(**rels: str) -> dict[str, dict[str, str]]:
    return {rel.replace("_", "-"): link(href) for rel, href in rels.items()}


# -- paging ---------------------------------------------------------------------------------------------
def page(key: str, items: list[dict[str, Any]], url: str, query: Sequence[tuple[str, str]], number_: int,
         size: int, total: int, extra_links: dict[str, dict[str, str]] | None = None) -> dict[str, Any]:
    """A Spring Data HAL page: first/prev/next/last appear only when there is somewhere to go."""
    pages = (total + size - 1) // size if size else 0

    def at(n: int) -> dict[str, str]:
        return link(url + "?" + urlencode([*query, ("page", str(n)), ("size", str(size))]))

    navigable = number_ > 0 or number_ + 1 < pages
    out_links: dict[str, dict[str, str]] = {}
    if navigable:
        out_links["first"] = at(0)
    if number_ > 0:
        out_links["prev"] = at(number_ - 1)
    out_links["self"] = at(number_)
    if number_ + 1 < pages:
        out_links["next"] = at(number_ + 1)
    if navigable:
        out_links["last"] = at(max(0, pages - 1))
    out_links.update(extra_links or {})
    return {"_embedded": {key: items}, "_links": out_links,
            "page": {"size": size, "totalElements": total, "totalPages": pages, "number": number_}}


# -- orders ---------------------------------------------------------------------------------------------
_COUNTRY_NAMES = {"DE": "GERMANY", "NL": "NETHERLANDS", "AT": "AUSTRIA", "BE": "BELGIUM",
                  "GB": "UNITED KINGDOM"}
_FEMALE = {"Anna", "Sophie", "Emma", "Mia", "Lotte", "Sanne"}


def address(c: Customer, *, billing: bool) -> dict[str, Any]:
    female = c.first_name in _FEMALE
    lines = [x for x in (c.company, f"{c.first_name} {c.last_name}", f"{c.street} {c.house_number}",
                         f"{c.postal_code} {c.city}", _COUNTRY_NAMES.get(c.country, c.country)) if x]
    out: dict[str, Any] = {
        "salutation": "Mrs" if female else "Mr", "gender": "FEMALE" if female else "MALE",
        "company": c.company,
        "title": None, "firstName": c.first_name, "middleName": None, "lastName": c.last_name,
        "street": c.street, "houseNumber": c.house_number, "street2": None, "addressExtension": None,
        "postalCode": c.postal_code, "dependentLocality": None, "city": c.city, "country": c.country,
        "state": None, "email": c.email, "phone": c.phone, "mobile": None,
    }
    if billing:
        out.update({"vatId": None, "taxNumber": None, "birthDate": None})
    else:
        out["doorCode"] = None
    out["displayAddressLines"] = lines
    return out


def _counter(line: OrderLine, quantity: int) -> dict[str, Any]:
    return {"quantity": quantity, "amount": money(line.unit_price * quantity)}


def order_line(line: OrderLine, c: LineCounts, base: str) -> dict[str, Any]:
    quantity = c.quantity
    product: dict[str, Any] = {
        "_id": line.product_id, "sku": line.sku, "name": line.name, "essentialFeatures": None,
        "shippingWeight": 250, "defaultImageDataUri": None,
        "variationAttributeValues": [{"displayName": k, "value": v} for k, v in line.attributes],
        "_links": {},
    }
    if line.parent_id:
        product["_links"]["variation-product"] = link(f"{base}/products/{line.parent_id}")
    price = line.unit_price * quantity
    shipping_status = {"unshipped": _counter(line, c.unshipped), "shipped": _counter(line, c.shipped),
                       "delivered": _counter(line, c.delivered), "pending": _counter(line, c.pending)}
    return {
        "_id": line.line_id, "product": product, "quantity": quantity, "initialQuantity": c.initial,
        "unitPrice": gross(line.unit_price), "unitDiscount": money(line.unit_discount),
        "lineItemDiscount": money(line.discount_for(quantity)), "lineItemPrice": gross(price),
        "initialLineItemPrice": gross(line.unit_price * c.initial),
        "lineItemTax": taxed(price + line.discount_for(quantity)),
        "customText": None,
        "shippingStatus": shipping_status,
        "pickupStatus": {"notPickedUp": _counter(line, c.not_picked_up),
                         "readyForPickup": _counter(line, c.ready_for_pickup),
                         "pickedUp": _counter(line, c.picked_up)},
        "returnStatus": {"returned": _counter(line, c.returned), "broken": _counter(line, c.broken)},
        "cancelationStatus": {"canceled": _counter(line, c.canceled)},
        **shipping_status,
        "returned": _counter(line, c.returned), "broken": _counter(line, c.broken),
        "canceled": _counter(line, c.canceled),
    }


def _location_brief(loc: ShopLocation, base: str) -> dict[str, Any]:
    return {
        "_id": loc.location_id, "languageCode": "de" if loc.country == "DE" else "nl",
        "storeCode": loc.store_code, "companyName": loc.company_name, "primaryPhone": None,
        "address": _location_address(loc),
        "regularHours": _hours(),
        "_links": links(self=f"{base}/shop/locations/{loc.location_id}"),
    }


def _location_address(loc: ShopLocation) -> dict[str, Any]:
    return {"street": loc.street, "houseNumber": loc.house_number, "postalCode": loc.postal_code,
            "city": loc.city, "country": loc.country, "dependentLocality": "", "state": None,
            "displayAddressLines": [loc.company_name, f"{loc.street} {loc.house_number}",
                                    f"{loc.postal_code} {loc.city}"]}


def _hours() -> dict[str, Any]:
    days = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"]
    return {"periods": [{"openDay": d, "openTime": "09:00" if d != "SATURDAY" else "10:00", "closeDay": d,
                         "closeTime": "18:00" if d != "SATURDAY" else "16:00"} for d in days]}


def _pickup_option_core(option: PickupOption) -> dict[str, Any]:
    return {"name": option.name,
            "description": "We will send you an e-mail when your items are ready for pickup.",
            "taxClass": "REGULAR", "freePickupValue": None, "fixedPrice": gross(option.fixed_price),
            "phoneNumberRequired": False}


def order(o: ShopOrder, base: str) -> dict[str, Any]:
    token = _currency.set(o.currency)
    try:
        return _order(o, base)
    finally:
        _currency.reset(token)


def _order(o: ShopOrder, base: str) -> dict[str, Any]:
    counts = o.counts()
    href = f"{base}/orders/{o.order_id}"
    shipping_price = o.shipping_price()
    fee = o.payment_fee()
    grand = o.grand_total()
    initial_grand = o.grand_total(initial=True)
    tax = tax_in(grand)
    initial_tax = tax_in(initial_grand)
    shipping_line = None
    if o.shipping_method is not None:
        m = o.shipping_method
        shipping_line = {
            "lineItemPrice": gross(shipping_price), "initialLineItemPrice": gross(m.price),
            "taxClass": "REGULAR",
            "shippingMethod": {"id": m.method_id, "name": m.name, "description": f"{m.name} shipping.",
                               "freeShippingValue": None, "fixedPrice": gross(m.price),
                               "weightBasedPrice": None},
            "lineItemTaxes": [taxed(shipping_price)]}
    pickup_line = None
    if o.pickup_option is not None:
        opt = o.pickup_option
        option = {"id": opt.pickup_option_id, **_pickup_option_core(opt),
                  "_embedded": {"location": (_location_brief(o.pickup_location, base)
                                             if o.pickup_location else None)},
                  "_links": links(self=f"{base}/pickup-options/{opt.pickup_option_id}",
                                  pickup_option=f"{base}/pickup-options/{opt.pickup_option_id}")}
        pickup_line = {"pickupOption": option, "lineItemPrice": gross(shipping_price),
                       "initialLineItemPrice": gross(opt.fixed_price),
                       "lineItemTaxes": [taxed(shipping_price)], "taxClass": "REGULAR"}
    pm = o.payment_method
    payment_line = {
        "lineItemPrice": gross(fee), "initialLineItemPrice": gross(pm.fee), "taxClass": "REGULAR",
        "paymentMethod": {"id": pm.method_id, "name": pm.name, "description": f"Pay by {pm.name}.",
                          "discountOrFee": {"type": "ABSOLUTE", "absoluteValue": gross(pm.fee),
                                            "percentageValue": None},
                          "onlinePayment": pm.online, "refund": pm.refund},
        "lineItemTaxes": [taxed(fee)]}
    coupon_line = None
    if o.coupon is not None:
        coupon_line = {"code": o.coupon.code, "lineItemPrice": gross(o.coupon_amount()),
                       "couponCampaign": {"_id": o.coupon.campaign_id, "name": o.coupon.name,
                                          "percentageDiscountSubtotal": {
                                              "discountValue": number(o.coupon.percentage)},
                                          "absoluteDiscount": None}}
    received = o.total_received()
    out_links = links(self=href, order=href, order_note=f"{href}/order-note", processes=f"{href}/processes",
                      events=f"{href}/events", mark_as_viewed=f"{href}/mark-as-viewed")
    if o.cancelable:
        out_links["cancel"] = link(f"{href}/cancel")
    out_links.update(links(send_order_document=f"{href}/send-order-document",
                           terms_and_conditions_pdf=f"{base}/pdf-storage/attachments/terms.pdf",
                           right_of_withdrawal_pdf=f"{base}/pdf-storage/attachments/withdrawal.pdf"))
    return {
        "_id": o.order_id, "createdAt": ms_to_iso(o.created_ms), "updatedAt": ms_to_iso(o.updated_ms),
        "cartId": o.cart_id, "currency": o.currency, "taxModel": "GROSS", "taxable": True, "testOrder": False,
        "termsAndConditionsExplicitlyAccepted": False,
        "productLineItems": [order_line(li, counts[li.line_id], base) for li in o.lines],
        "couponLineItem": coupon_line, "shippingLineItem": shipping_line, "paymentLineItem": payment_line,
        "pickupLineItem": pickup_line,
        "customerId": None, "customerNumber": None, "customerEmail": o.customer.email,
        "subtotal": money(o.subtotal()), "grandTotal": money(grand), "netTotal": money(grand - tax),
        "taxTotal": money(tax), "initialSubtotal": money(o.subtotal(initial=True)),
        "initialGrandTotal": money(initial_grand), "initialNetTotal": money(initial_grand - initial_tax),
        "initialTaxTotal": money(initial_tax), "taxes": [taxed(grand)],
        "shippingAddress": address(o.customer, billing=False),
        "billingAddress": address(o.customer, billing=True),
        "paymentStatus": o.payment_status(), "shippingStatus": o.shipping_status(), "canceled": o.canceled,
        "orderNumber": o.number, "customerComment": o.customer_comment, "orderNote": None,
        "paymentNote": None,
        "externalPaymentId": None, "externalPaymentUri": None, "entryDate": ms_to_iso(o.created_ms),
        "totalReceived": money(received),
        "totalRefunded": money(sum((r.amount for r in o.refunds if r.status == "PAID"), Decimal("0"))),
        "openAmount": money(grand - received), "marketingChannel": None, "marketingSubchannel": None,
        "salesChannel": "Storefront", "viewed": o.viewed,
        "_links": out_links,
    }


# -- processes ------------------------------------------------------------------------------------------
def _process_links(base: str, o: ShopOrder, kind: str, rel: str, process_id: str,
                   actions: Sequence[str] = ()) -> dict[str, dict[str, str]]:
    href = f"{base}/orders/{o.order_id}/processes/{kind}/{process_id}"
    out = {"self": link(href), rel: link(href)}
    for action in actions:
        out[action] = link(f"{href}/{action}")
    return out


def _line_items(lines: Sequence[tuple[str, int]]) -> list[dict[str, Any]]:
    return [{"productLineItemId": line_id, "quantity": qty} for line_id, qty in lines]


def shipping_process(o: ShopOrder, p: ShippingProcess, base: str) -> dict[str, Any]:
    actions = {"PENDING": ("mark-shipped", "mark-delivered"),
               "SHIPPED": ("mark-delivered",)}.get(p.status, ())
    return {"_id": p.process_id, "status": p.status, "trackingCode": p.tracking_code,
            "trackingLink": p.tracking_link, "packingSlipPdfUri": None, "lineItems": _line_items(p.lines),
            "_links": _process_links(base, o, "shippings", "shipping-process", p.process_id, actions)}


def pickup_process(o: ShopOrder, p: PickupProcess, base: str) -> dict[str, Any]:
    actions = ("mark-picked-up",) if p.status == "READY_FOR_PICKUP" else ()
    return {"_id": p.process_id, "status": p.status, "packingSlipPdfUri": None,
            "lineItems": _line_items(p.lines),
            "_links": _process_links(base, o, "pickups", "pickup-process", p.process_id, actions)}


def cancel_process(o: ShopOrder, p: CancelProcess, base: str) -> dict[str, Any]:
    return {"lineItems": _line_items(p.lines), "_id": p.process_id,
            "_links": _process_links(base, o, "cancelations", "cancel-process", p.process_id)}


def return_process(o: ShopOrder, p: ReturnProcess, base: str) -> dict[str, Any]:
    shipping = next((s for s in o.shippings if s.process_id == p.shipping_process_id), None)
    pickup = next((s for s in o.pickups if s.process_id == p.pickup_process_id), None)
    return {
        "_id": p.process_id,
        "shippingPriceRefund": (money(p.shipping_price_refund)
                                if p.shipping_price_refund is not None else None),
        "pickupPriceRefund": money(p.pickup_price_refund) if p.pickup_price_refund is not None else None,
        "_embedded": {
            "pickupProcess": {"_id": pickup.process_id, "status": pickup.status} if pickup else None,
            "shippingProcess": {"_id": shipping.process_id, "status": shipping.status} if shipping else None,
        },
        "lineItems": [{"productLineItemId": lid, "quantity": q, "status": s} for lid, q, s in p.lines],
        "_links": _process_links(base, o, "returns", "return-process", p.process_id),
    }


def processes(o: ShopOrder, base: str) -> dict[str, Any]:
    href = f"{base}/orders/{o.order_id}/processes"
    canceled_unpaid = o.canceled and not o.paid
    payments = [{"amount": money(p.amount), "status": "VOIDED" if canceled_unpaid else p.status,
                 "paymentId": None, "captureWorkflow": None,
                 "completed": p.status == "PAID" or canceled_unpaid,
                 "_id": p.process_id,
                 "_links": _process_links(base, o, "payments", "payment-process", p.process_id)}
                for p in o.payments]
    refunds = [{"_id": r.process_id, "amount": money(r.amount), "status": r.status,
                "completed": r.status == "PAID",
                "_links": _process_links(base, o, "refunds", "refund-process", r.process_id)}
               for r in o.refunds]
    return {
        "_links": links(self=href, processes=href, payment_processes=f"{href}/payments",
                        shipping_processes=f"{href}/shippings", pickup_processes=f"{href}/pickups",
                        return_processes=f"{href}/returns", cancel_processes=f"{href}/cancelations",
                        refund_processes=f"{href}/refunds"),
        "_embedded": {
            "payment-processes": payments,
            "shipping-processes": [shipping_process(o, p, base) for p in o.shippings],
            "pickup-processes": [pickup_process(o, p, base) for p in o.pickups],
            "return-processes": [return_process(o, p, base) for p in o.returns],
            "cancel-processes": [cancel_process(o, p, base) for p in o.cancelations],
            "refund-processes": refunds,
        },
    }


# -- catalogue ------------------------------------------------------------------------------------------
def _net(amount: Decimal) -> dict[str, Any]:
    return {"taxModel": "NET", "currency": CURRENCY,
            "amount": number((amount / (1 + TAX_RATE)).quantize(Decimal("0.01"))),
            "taxRate": number(TAX_RATE)}


def _price(amount: Decimal) -> dict[str, Any]:
    return {**gross(amount), "derivedPrice": _net(amount)}


def _product_href(p: ShopProduct, base: str) -> str:
    if p.parent is not None:
        return f"{base}/products/{p.parent.product_id}/variations/{p.product_id}"
    return f"{base}/products/{p.product_id}"


def availability(p: ShopProduct, base: str, *, embedded: bool = False) -> dict[str, Any]:
    href = _product_href(p, base) + "/availability"
    out: dict[str, Any] = {"availabilityState": p.availability_state, "availableStock": p.available_stock,
                           "stockThreshold": p.stock_threshold, "purchasable": p.purchasable}
    if embedded:
        out["_links"] = links(self=href)
        return out
    rels = {"product": link(_product_href(p, base)), "self": link(href)}
    rels["enable-purchasability" if not p.purchasable else "disable-purchasability"] = link(
        href + ("/enable-purchasability" if not p.purchasable else "/disable-purchasability"))
    if p.stock_managed and not p.is_variation_product:
        rels["adjust-available-stock"] = link(href + "/adjust-available-stock")
    if not p.is_variation:
        if p.stock_managed:
            rels["update-stock-threshold"] = link(href + "/update-stock-threshold")
            rels["disable-stock-management"] = link(href + "/disable-stock-management")
        else:
            rels["enable-stock-management"] = link(href + "/enable-stock-management")
    out["_links"] = rels
    return out


def product(p: ShopProduct, base: str) -> dict[str, Any]:
    href = _product_href(p, base)
    rel_names = ["availability", "attributes", "attachments", "images", "default-image", "videos",
                 "cross-sells", "multiple-images", "external-images", "additional-descriptions"]
    rels = {"self": link(href)}
    for name in rel_names:
        rels[name] = link(f"{href}/{name}")
    if p.is_variation_product:
        for name in ("variation-properties", "variation-attributes", "variations", "variations-images"):
            rels[name] = link(f"{href}/{name.replace('variations-images', 'variations/images')}")
    axes: dict[str, list[str]] = {}
    for v in p.variations:
        for axis, value in v.attributes:
            if value not in axes.setdefault(axis, []):
                axes[axis].append(value)
    return {
        "_id": p.product_id, "lastModifiedAt": ms_to_iso(p.modified_ms), "sku": p.sku,
        "salesPrice": _price(p.price), "listPrice": None, "manufacturerPrice": None, "tags": [],
        "productIdentifiers": [], "visible": True, "taxClass": "REGULAR",
        "shippingWeight": {"value": 250.0, "displayUnit": "GRAMS"}, "maxOrderQuantity": None,
        "shippingDimension": None, "refPrice": None,
        "shippingPeriod": {"min": 2, "max": 4, "displayUnit": "DAYS"},
        "pickupPeriod": {"min": 1, "max": 2, "displayUnit": "DAYS"},
        "name": p.name, "description": None, "manufacturer": None, "essentialFeatures": None,
        "variationAttributes": [{"_id": f"{p.product_id[:24]}{i:012d}", "displayName": axis, "values": values,
                                 "variationImagesDifferentiator": False}
                                for i, (axis, values) in enumerate(axes.items())],
        "customText": None, "productLabels": [], "isVariationProduct": p.is_variation_product,
        "_embedded": {"availability": availability(p, base, embedded=True)},
        "_links": rels,
    }


def variation(v: ShopProduct, base: str) -> dict[str, Any]:
    href = _product_href(v, base)
    assert v.parent is not None
    return {
        "sku": v.sku,
        "variationAttributeValues": [{"displayName": k, "value": val} for k, val in v.attributes],
        "salesPrice": _price(v.price), "listPrice": None, "manufacturerPrice": None, "refPrice": None,
        "productIdentifiers": [], "taxClass": "REGULAR", "_id": v.product_id,
        "_embedded": {"availability": availability(v, base, embedded=True)},
        "_links": {"self": link(href), "product": link(f"{base}/products/{v.parent.product_id}"),
                   "default-image": link(f"{href}/default-image"), "images": link(f"{href}/images"),
                   "multiple-images": link(f"{href}/multiple-images")},
    }


# -- shop -----------------------------------------------------------------------------------------------
def location(loc: ShopLocation, base: str) -> dict[str, Any]:
    return {
        "_id": loc.location_id, "storeCode": loc.store_code,
        "languageCode": "de" if loc.country == "DE" else "nl", "address": _location_address(loc),
        "companyName": loc.company_name, "primaryPhone": None,
        "googleStatus": "ACTIVE",
        "googlePrimaryCategory": {"displayName": "Coffee shop", "categoryId": "gcid:coffee_shop"},
        "googleAdditionalCategories": [], "latLng": None, "regularHours": _hours(),
        "_links": links(self=f"{base}/shop/locations/{loc.location_id}"),
    }


def pickup_option(option: PickupOption, position: int, locations: dict[str, ShopLocation],
                  base: str) -> dict[str, Any]:
    loc = locations.get(option.location_id)
    core = _pickup_option_core(option)
    return {"_id": option.pickup_option_id, "name": core["name"], "description": core["description"],
            "taxClass": core["taxClass"], "position": position, "freePickupValue": core["freePickupValue"],
            "fixedPrice": core["fixedPrice"], "phoneNumberRequired": core["phoneNumberRequired"],
            "_embedded": {"location": _location_brief(loc, base) if loc else None},
            "_links": links(self=f"{base}/pickup-options/{option.pickup_option_id}",
                            pickup_option=f"{base}/pickup-options/{option.pickup_option_id}")}
