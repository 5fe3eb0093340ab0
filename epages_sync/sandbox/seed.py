"""The deterministic world both simulators start from: catalogue, locations, channels, stock, customers.

Everything derives from one integer seed, so the same seed gives the same world on both sides.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

CURRENCY = "EUR"


def new_id(rng: random.Random) -> str:
    """A UUID4 drawn from the seeded generator (ePages and Afosto ids are UUIDs)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


@dataclass(frozen=True)
class ParentProduct:
    """An ePages variation product: no SKU of its own, stock managed for all its variations."""

    product_id: str
    name: str


@dataclass
class CatalogItem:
    """One sellable SKU as both systems know it.

    ``epages_variation_id`` is set for a variation of ``epages_parent_id``; a simple product has neither.
    ``in_epages`` / ``in_afosto`` say on which side the SKU exists (a few exist on one side only).
    ``afosto_stock`` is available stock per Afosto location id.
    """

    sku: str
    name: str
    price: Decimal
    epages_product_id: str
    epages_parent_id: str | None = None
    epages_variation_id: str | None = None
    stock_managed: bool = True
    epages_stock: int | None = 0
    stock_threshold: int | None = 2
    in_epages: bool = True
    in_afosto: bool = True
    afosto_stock: dict[str, int] = field(default_factory=dict)
    attributes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ShopLocation:
    """An ePages shop location (a store or pickup point)."""

    location_id: str
    store_code: str
    company_name: str
    street: str
    house_number: str
    postal_code: str
    city: str
    country: str


@dataclass(frozen=True)
class PickupOption:
    pickup_option_id: str
    name: str
    location_id: str
    fixed_price: Decimal


@dataclass(frozen=True)
class ShippingMethod:
    method_id: str
    name: str
    price: Decimal


@dataclass(frozen=True)
class PaymentMethod:
    method_id: str
    name: str
    online: bool
    refund: str  # NO_REFUND | FULL_REFUND_ONLY | PARTIAL_REFUND
    fee: Decimal


@dataclass(frozen=True)
class AfostoChannel:
    channel_id: str
    name: str
    currency: str


@dataclass(frozen=True)
class AfostoLocation:
    location_id: str
    name: str
    type: str  # WAREHOUSE | STORE
    city: str
    country_code: str


@dataclass(frozen=True)
class Customer:
    first_name: str
    last_name: str
    email: str
    street: str
    house_number: str
    postal_code: str
    city: str
    country: str
    company: str | None = None
    phone: str | None = None


@dataclass
class SeedWorld:
    seed: int
    items: list[CatalogItem]
    parents: list[ParentProduct]
    shop_locations: list[ShopLocation]
    pickup_options: list[PickupOption]
    shipping_methods: list[ShippingMethod]
    payment_methods: list[PaymentMethod]
    channels: list[AfostoChannel]
    afosto_locations: list[AfostoLocation]
    # Afosto locations that feed the online shop's stock by default (the demo's configuration).
    feeding_location_ids: list[str]
    # ePages location id -> Afosto location id, the demo's default mapping.
    default_location_map: dict[str, str]

    @property
    def default_channel(self) -> AfostoChannel:
        return self.channels[0]

    def item_by_sku(self, sku: str) -> CatalogItem | None:
        return next((i for i in self.items if i.sku == sku), None)

    def epages_items(self) -> list[CatalogItem]:
        return [i for i in self.items if i.in_epages]

    def afosto_items(self) -> list[CatalogItem]:
        return [i for i in self.items if i.in_afosto]


_SIMPLE = [
    ("Espresso Beans 1 kg", "19.90"), ("Filter Coffee 500 g", "8.49"), ("Ceramic Mug", "12.00"),
    ("Milk Frother", "34.95"), ("Hand Grinder", "59.00"), ("Pour-over Kettle", "44.50"),
    ("Paper Filters (100)", "3.99"), ("Tea Sampler", "15.75"), ("Travel Cup", "18.20"),
    ("Cleaning Tablets", "6.66"), ("Barista Apron", "27.00"), ("Tamper 58 mm", "22.95"),
]
_VARIATION_PARENTS = [
    ("Shop T-Shirt", "24.90", [("size", ["S", "M", "L"]), ("colour", ["black", "white"])]),
    ("Knitted Beanie", "17.50", [("colour", ["red", "grey", "navy"])]),
]
_FIRST = ["Anna", "Jan", "Sophie", "Lukas", "Emma", "Daan", "Mia", "Noah", "Lotte", "Felix", "Sanne", "Jonas"]
_LAST = ["Müller", "de Vries", "Schmidt", "Jansen", "Bakker", "Schneider", "Visser", "Weber", "Smit", "Fischer"]
_STREETS = ["Hauptstraße", "Kerkstraat", "Bahnhofstraße", "Dorpsstraat", "Lindenweg", "Molenweg"]
_CITIES = {
    "DE": [("20095", "Hamburg"), ("10115", "Berlin"), ("80331", "München")],
    "NL": [("1012 AB", "Amsterdam"), ("3511 AA", "Utrecht"), ("9711 AA", "Groningen")],
    "AT": [("1010", "Wien")],
    "BE": [("2000", "Antwerpen")],
}


def random_customer(rng: random.Random) -> Customer:
    country = rng.choices(list(_CITIES), weights=[5, 4, 1, 1])[0]
    postal, city = rng.choice(_CITIES[country])
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    mail_last = last.lower().replace(" ", "").replace("ü", "ue")
    return Customer(
        first_name=first, last_name=last, email=f"{first.lower()}.{mail_last}{rng.randint(1, 999)}@example.com",
        street=rng.choice(_STREETS), house_number=str(rng.randint(1, 180)), postal_code=postal, city=city,
        country=country, company=rng.choice([None, None, None, "Kaffeehaus GmbH", "Koffiebar B.V."]),
        phone=rng.choice([None, "+49 40 1234567", "+31 20 7654321"]),
    )


def build_world(seed: int = 1) -> SeedWorld:
    rng = random.Random(seed)
    afosto_locations = [
        AfostoLocation(new_id(rng), "Central warehouse", "WAREHOUSE", "Venlo", "NL"),
        AfostoLocation(new_id(rng), "Overflow warehouse", "WAREHOUSE", "Duisburg", "DE"),
        AfostoLocation(new_id(rng), "Shop Hamburg", "STORE", "Hamburg", "DE"),
        AfostoLocation(new_id(rng), "Shop Utrecht", "STORE", "Utrecht", "NL"),
    ]
    feeding = [afosto_locations[0].location_id, afosto_locations[1].location_id]

    items: list[CatalogItem] = []
    parents: list[ParentProduct] = []

    def stock_for(item_rng: random.Random) -> dict[str, int]:
        return {loc.location_id: item_rng.randint(0, 40) if loc.type == "WAREHOUSE" else item_rng.randint(0, 6)
                for loc in afosto_locations}

    for n, (name, price) in enumerate(_SIMPLE):
        sku = f"CF-{1001 + n}"
        stock = stock_for(rng)
        managed = n != 6  # paper filters: stock management off in ePages
        online = sum(stock[i] for i in feeding)
        items.append(CatalogItem(
            sku=sku, name=name, price=Decimal(price), epages_product_id=new_id(rng), stock_managed=managed,
            epages_stock=(max(0, online + rng.randint(-3, 3)) if managed else None),
            stock_threshold=(2 if managed else None), afosto_stock=stock))
    for name, price, axes in _VARIATION_PARENTS:
        parent = ParentProduct(new_id(rng), name)
        parents.append(parent)
        combos: list[tuple[tuple[str, str], ...]] = [()]
        for axis, values in axes:
            combos = [(*c, (axis, v)) for c in combos for v in values]
        for combo in combos:
            suffix = "-".join(v[:3].upper() for _, v in combo)
            sku = f"{''.join(w[0] for w in name.split()).upper()}-{suffix}"
            stock = stock_for(rng)
            online = sum(stock[i] for i in feeding)
            items.append(CatalogItem(
                sku=sku, name=f"{name} ({', '.join(v for _, v in combo)})", price=Decimal(price),
                epages_product_id=parent.product_id, epages_parent_id=parent.product_id,
                epages_variation_id=new_id(rng), epages_stock=max(0, online + rng.randint(-2, 2)),
                afosto_stock=stock, attributes=combo))
    # A few SKUs exist on one side only: the sync must list them, never guess.
    items.append(CatalogItem(sku="EP-ONLY-1", name="Gift Card 25 EUR", price=Decimal("25.00"),
                             epages_product_id=new_id(rng), stock_managed=False, epages_stock=None,
                             stock_threshold=None, in_afosto=False))
    items.append(CatalogItem(sku="AF-ONLY-1", name="Wholesale Pallet", price=Decimal("899.00"),
                             epages_product_id=new_id(rng), in_epages=False,
                             afosto_stock={loc.location_id: 1 for loc in afosto_locations}))

    shop_locations = [
        ShopLocation(new_id(rng), "HH-01", "Kaffeerösterei Hamburg", "Lange Reihe", "12", "20099", "Hamburg", "DE"),
        ShopLocation(new_id(rng), "UT-01", "Koffiebranderij Utrecht", "Oudegracht", "150", "3511 AZ", "Utrecht", "NL"),
    ]
    pickup_options = [
        PickupOption(new_id(rng), "Abholung in Hamburg", shop_locations[0].location_id, Decimal("0.00")),
        PickupOption(new_id(rng), "Afhalen in Utrecht", shop_locations[1].location_id, Decimal("1.50")),
    ]
    shipping_methods = [
        ShippingMethod(new_id(rng), "Standard", Decimal("4.95")),
        ShippingMethod(new_id(rng), "Express", Decimal("9.90")),
    ]
    payment_methods = [
        PaymentMethod(new_id(rng), "PayPal", True, "PARTIAL_REFUND", Decimal("0.00")),
        PaymentMethod(new_id(rng), "Invoice", False, "PARTIAL_REFUND", Decimal("1.50")),
        PaymentMethod(new_id(rng), "Prepayment", False, "PARTIAL_REFUND", Decimal("0.00")),
    ]
    channels = [
        AfostoChannel(new_id(rng), "Webshop (ePages)", "EUR"),
        AfostoChannel(new_id(rng), "Marketplace", "EUR"),
    ]
    default_map = {
        shop_locations[0].location_id: afosto_locations[2].location_id,
        shop_locations[1].location_id: afosto_locations[3].location_id,
    }
    return SeedWorld(seed=seed, items=items, parents=parents, shop_locations=shop_locations,
                     pickup_options=pickup_options, shipping_methods=shipping_methods,
                     payment_methods=payment_methods, channels=channels, afosto_locations=afosto_locations,
                     feeding_location_ids=feeding, default_location_map=default_map)
