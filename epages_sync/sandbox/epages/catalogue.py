"""The shop's catalogue as ePages keeps it: simple products, variation products and their variations.

Each sellable product or variation has one stock figure (no per-location stock in Beyond), changed only by
relative amounts. A variation product switches stock management on or off for all its variations at once,
while stock itself is adjusted per variation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..seed import SeedWorld
from .refusals import BeyondError, validation_failed


@dataclass
class ShopProduct:
    """A simple product, a variation product (``variations`` set, no SKU) or a variation (``parent`` set)."""

    product_id: str
    name: str
    price: Decimal
    sku: str | None
    modified_ms: int
    parent: ShopProduct | None = None
    variations: list[ShopProduct] = field(default_factory=list)
    attributes: tuple[tuple[str, str], ...] = ()
    # For a variation these three are kept on the variation product (``parent``); see ``stock_managed``.
    managed: bool = True
    threshold: int | None = 2
    purchasable: bool = True
    stock: int | None = 0
    is_variation_product: bool = False

    @property
    def is_variation(self) -> bool:
        return self.parent is not None

    @property
    def stock_managed(self) -> bool:
        return self.parent.managed if self.parent is not None else self.managed

    @property
    def stock_threshold(self) -> int | None:
        if not self.stock_managed:
            return None
        return self.parent.threshold if self.parent is not None else self.threshold

    @property
    def available_stock(self) -> int | None:
        if not self.stock_managed:
            return None
        if self.is_variation_product:
            return sum(v.stock or 0 for v in self.variations)
        return self.stock

    @property
    def availability_state(self) -> str:
        if not self.purchasable:
            return "NOT_AVAILABLE"
        stock = self.available_stock
        if stock is None:
            return "IN_STOCK"
        if stock <= 0:
            return "OUT_OF_STOCK"
        threshold = self.stock_threshold
        if threshold is not None and stock <= threshold:
            return "LOW_STOCK"
        return "IN_STOCK"


def _invalid_state(product: ShopProduct, message: str) -> BeyondError:
    return BeyondError(409, "product.availability.invalid-availability-state", message,
                       {"productId": product.product_id})


class Catalogue:
    """Products by id and SKU, and the stock rules."""

    def __init__(self, world: SeedWorld, created_ms: int) -> None:
        self.products: list[ShopProduct] = []  # simple products and variation products, in seed order
        self.by_id: dict[str, ShopProduct] = {}
        self.variation_by_id: dict[str, ShopProduct] = {}
        self.by_sku: dict[str, ShopProduct] = {}  # simple products and variations
        parents = {p.product_id: p for p in world.parents}
        for item in world.epages_items():
            if item.epages_parent_id is None:
                product = ShopProduct(
                    product_id=item.epages_product_id, name=item.name, price=item.price, sku=item.sku,
                    modified_ms=created_ms, managed=item.stock_managed,
                    threshold=item.stock_threshold if item.stock_managed else None,
                    stock=item.epages_stock if item.stock_managed else None)
                self._add_product(product)
                self.by_sku[item.sku] = product
                continue
            parent = self.by_id.get(item.epages_parent_id)
            if parent is None:
                seed_parent = parents[item.epages_parent_id]
                parent = ShopProduct(product_id=seed_parent.product_id, name=seed_parent.name,
                                     price=item.price, sku=None, modified_ms=created_ms,
                                     managed=item.stock_managed,
                                     threshold=item.stock_threshold, stock=None, is_variation_product=True)
                self._add_product(parent)
            assert item.epages_variation_id is not None
            variation = ShopProduct(product_id=item.epages_variation_id, name=item.name, price=item.price,
                                    sku=item.sku, modified_ms=created_ms, parent=parent,
                                    attributes=item.attributes, stock=item.epages_stock)
            parent.variations.append(variation)
            self.variation_by_id[variation.product_id] = variation
            self.by_sku[item.sku] = variation

    def _add_product(self, product: ShopProduct) -> None:
        self.products.append(product)
        self.by_id[product.product_id] = product

    # -- stock rules -------------------------------------------------------------------------------------
    def adjust(self, product: ShopProduct, relative_amount: object, now_ms: int) -> None:
        """Change stock by a relative amount as ``adjust-available-stock`` does (never to an absolute one)."""
        if product.is_variation_product:
            raise BeyondError(400, "operation-not-available",
                              "The request (adjust-available-stock) cannot be performed for variation "
                              f"products (affected ID: {product.product_id}).")
        if isinstance(relative_amount, bool) or not isinstance(relative_amount, int):
            raise validation_failed("adjustAvailableStock", "relativeAmount", relative_amount,
                                    "must be a whole number")
        if not product.stock_managed:
            what = "variation" if product.is_variation else "product"
            raise _invalid_state(product, f"The stock management for this {what} is disabled. "
                                          "Thus, the available stock cannot be adjusted.")
        product.stock = (product.stock or 0) + relative_amount
        product.modified_ms = now_ms

    def enable_stock_management(self, product: ShopProduct, initial: object, threshold: object,
                                now_ms: int) -> None:
        if product.is_variation:
            raise BeyondError(400, "operation-not-available",
                              "The request (enable-stock-management) cannot be performed for variations "
                              f"(affected ID: {product.product_id}).")
        if product.managed:
            raise _invalid_state(product,
                                 f"The stock management for {_describe(product)} is already enabled.")
        for name, value in (("initialAvailableStock", initial), ("stockThreshold", threshold)):
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise validation_failed("enableStockManagement", name, value, "must be a whole number >= 0")
        product.managed = True
        product.threshold = threshold if isinstance(threshold, int) else None
        start = initial if isinstance(initial, int) else 0
        if product.is_variation_product:
            for v in product.variations:
                v.stock = start
        else:
            product.stock = start
        product.modified_ms = now_ms

    def disable_stock_management(self, product: ShopProduct, now_ms: int) -> None:
        if product.is_variation:
            raise BeyondError(400, "operation-not-available",
                              "The request (disable-stock-management) cannot be performed for variations "
                              f"(affected ID: {product.product_id}).")
        if not product.managed:
            raise _invalid_state(product,
                                 f"The stock management for {_describe(product)} is already disabled.")
        product.managed = False
        product.threshold = None
        if product.is_variation_product:
            for v in product.variations:
                v.stock = None
        else:
            product.stock = None
        product.modified_ms = now_ms

    def take_for_order(self, wanted: list[tuple[ShopProduct, int]]) -> None:
        """Lower stock for a new order, all lines or none; refuses what is not in stock."""
        needed: dict[str, int] = {}
        for product, quantity in wanted:
            if not product.purchasable:
                raise BeyondError(409, "product-not-purchasable",
                                  f"The product {product.sku} cannot be bought.",
                                  {"productId": product.product_id})
            if product.stock_managed:
                needed[product.product_id] = needed.get(product.product_id, 0) + quantity
        for product, _ in wanted:
            if product.stock_managed and needed[product.product_id] > (product.stock or 0):
                raise BeyondError(409, "insufficient-stock",
                                  f"Only {max(0, product.stock or 0)} of {product.sku} are in stock.",
                                  {"productId": product.product_id, "sku": product.sku})
        for product, quantity in wanted:
            if product.stock_managed:
                product.stock = (product.stock or 0) - quantity

    def put_back(self, product: ShopProduct, quantity: int) -> None:
        """Canceled items go back on the shelf, if the product still counts its stock."""
        if product.stock_managed and quantity > 0:
            product.stock = (product.stock or 0) + quantity

    def in_stock(self, product: ShopProduct) -> int | None:
        """How many can still be ordered; None when stock is not counted."""
        if not product.purchasable:
            return 0
        return product.available_stock


def _describe(product: ShopProduct) -> str:
    return f"Product{{id={product.product_id}, sku={product.sku}, name={product.name}}}"
