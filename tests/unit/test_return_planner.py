"""The planner of returns made in ePages, on plain data: the units a return gives back, the same units again
after a crash (never another unit of the line), and our own return found again instead of sent twice."""

from __future__ import annotations

from typing import Any

from test_parcel_planner import NOW, warehouse_order

from epages_sync.clients.afosto_models import AfostoOrder, ReturnOutcome
from epages_sync.clients.epages_models import OrderProcesses, ReturnProcess
from epages_sync.engine.context import contra_id
from epages_sync.engine.returns import LinkReturnEcho, ReturnUnits, plan_epages_return, units_data
from epages_sync.store.models import Link, LinkKind


def shipped_order(rma: list[dict[str, Any]] | None = None, contra: list[dict[str, Any]] | None = None) -> AfostoOrder:
    parcel = {"id": "p-1", "status": "DELIVERED", "items": [{"item_id": f"u{n}"} for n in range(3)]}
    order = warehouse_order(parcels=[parcel], packed={f"u{n}": "p-1" for n in range(3)})
    return order.model_copy(update={"rma_items": AfostoOrder.model_validate(
        {"id": "a-1", "rma_items": rma or [], "contra_items": contra or []}).rma_items,
        "contra_items": AfostoOrder.model_validate({"id": "a-1", "contra_items": contra or []}).contra_items})


def return_process(returned: int = 1, broken: int = 0) -> ReturnProcess:
    lines = [{"productLineItemId": "l-1", "quantity": returned, "status": "RETURNED"}] if returned else []
    lines += [{"productLineItemId": "l-1", "quantity": broken, "status": "BROKEN"}] if broken else []
    return OrderProcesses.model_validate({"return-processes": [{"_id": "r-1", "lineItems": lines}]}).returns[0]


def return_link(status: str = "pending", **data: Any) -> Link:
    return Link(id=1, kind=LinkKind.RETURN, epages_id="r-1", afosto_id=None if status == "pending" else "x",
                status=status, parent="o-1", origin="epages", data=data, created_at=NOW, updated_at=NOW)


def test_a_return_gives_back_the_first_returnable_units_with_their_outcome_and_is_claimed() -> None:
    [step] = plan_epages_return(return_process(returned=1, broken=1), shipped_order(), None, set())
    assert isinstance(step, ReturnUnits) and step.claim == "new" and not step.older_claim
    assert [(u.item_id, u.outcome, u.contra_item_id) for u in step.units] == [
        ("u0", ReturnOutcome.ACCEPTED, contra_id("return", "u0")),
        ("u1", ReturnOutcome.REJECTED, contra_id("return", "u1"))]


def test_after_a_crash_the_units_chosen_before_are_sent_again_never_another_of_the_line() -> None:
    chosen = [["u2", "ACCEPTED"]]
    [step] = plan_epages_return(return_process(), shipped_order(), return_link(units=chosen), set())
    assert isinstance(step, ReturnUnits) and step.claim == "keep"
    assert units_data(step.units) == chosen


def test_a_return_carried_over_already_needs_nothing() -> None:
    assert plan_epages_return(return_process(), shipped_order(), return_link(status="linked"), set()) == []


def test_our_own_return_whose_link_was_lost_is_linked_not_returned_again() -> None:
    """An Afosto return of the same units and outcome, made by a person in Afosto (not by the app) at the
    same moment, or ours from before the link: linked, nothing sent."""
    decided = shipped_order(rma=[{"id": "rma-1", "item_id": "u0", "status": "AUTHORIZED"}])
    assert plan_epages_return(return_process(), decided, None, set()) == [LinkReturnEcho("r-1", ("rma-1",))]
    # Claimed by another link already: not this return's.
    [step] = plan_epages_return(return_process(), decided, None, {"rma-1"})
    assert isinstance(step, ReturnUnits)
