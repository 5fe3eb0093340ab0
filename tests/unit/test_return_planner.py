"""The planner of returns made in ePages, on plain data: the units a return gives back, the same units again
after a crash (never another unit of the line), and our own return found again instead of sent twice."""

from __future__ import annotations

from typing import Any

from test_parcel_planner import NOW, shop_order, warehouse_order

from epages_sync.clients.afosto_models import AfostoOrder, ReturnOutcome
from epages_sync.clients.epages_models import OrderProcesses, ReturnLine, ReturnLineStatus, ReturnProcess
from epages_sync.engine.context import contra_id
from epages_sync.engine.returns import (
    LinkReturnEcho,
    ReturnUnits,
    counted_apart_key,
    plan_afosto_return,
    plan_epages_return,
    units_data,
)
from epages_sync.engine.steps import CreateReturn, LinkReturn, ReturnBookedInEpages, ReturnCountedApart
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


# --- returns decided in Afosto, as an ePages return process (the return pusher) -------------------------------

def decided(*statuses: str) -> AfostoOrder:
    """The shipped order with a decided return of units u0, u1 ... in these statuses (rma-0, rma-1 ...)."""
    return shipped_order(rma=[{"id": f"rma-{n}", "item_id": f"u{n}", "status": s} for n, s in enumerate(statuses)])


def return_push(epages_counts: dict[str, int], afosto: AfostoOrder, rma_ids: list[str], *,
                booked: list[ReturnProcess] | None = None, linked: dict[str, list[str]] | None = None,
                linked_rmas: set[str] | None = None) -> list[Any]:
    return plan_afosto_return(shop_order(delivered=3, **epages_counts), afosto, rma_ids, booked=booked or [],
                              linked=linked or {}, linked_rmas=linked_rmas or set())


def test_accepted_returns_become_returned_units_and_rejected_ones_defect_units_in_epages() -> None:
    steps = return_push({}, decided("AUTHORIZED", "REJECTED", "AUTHORIZED"), ["rma-0", "rma-1", "rma-2"])
    assert steps == [
        CreateReturn((ReturnLine(product_line_item_id="l-1", quantity=2, status=ReturnLineStatus.RETURNED),
                      ReturnLine(product_line_item_id="l-1", quantity=1, status=ReturnLineStatus.BROKEN))),
        LinkReturn(None, ("rma-0", "rma-1", "rma-2"), ("rma-0", "rma-1", "rma-2"))]
    create = steps[0]
    assert (create.units(ReturnLineStatus.RETURNED), create.units(ReturnLineStatus.BROKEN)) == (2, 1)


def test_units_epages_counts_already_are_left_out_and_return_items_linked_before_are_not_linked_again() -> None:
    steps = return_push({"returned": 1}, decided("AUTHORIZED", "AUTHORIZED"), ["rma-1"], linked_rmas={"rma-1"})
    assert steps == [
        CreateReturn((ReturnLine(product_line_item_id="l-1", quantity=1, status=ReturnLineStatus.RETURNED),)),
        LinkReturn(None, ("rma-1",), ())]


def test_a_return_booked_in_epages_at_the_same_moment_is_linked_and_nothing_is_sent() -> None:
    both = decided("AUTHORIZED", "REJECTED")
    booked = return_process(returned=1, broken=1)
    assert return_push({"returned": 1, "broken": 1}, both, ["rma-0", "rma-1"], booked=[booked]) == [
        ReturnBookedInEpages("r-1"), LinkReturn("r-1", ("rma-0", "rma-1"), ("rma-0", "rma-1"))]


def test_units_counted_in_epages_without_a_return_holding_them_are_a_conflict_for_a_person() -> None:
    """The ePages return holds other units (or outcomes), or is linked to another return already: the two
    systems disagree on what came back."""
    both = decided("AUTHORIZED", "REJECTED")
    conflict = [ReturnCountedApart(("rma-0", "rma-1")),
                LinkReturn(counted_apart_key(["rma-1", "rma-0"]), ("rma-1", "rma-0"), ("rma-1", "rma-0"))]
    counts = {"returned": 1, "broken": 1}
    assert return_push(counts, both, ["rma-1", "rma-0"], booked=[return_process(returned=2)]) == conflict
    assert return_push(counts, both, ["rma-1", "rma-0"], booked=[return_process(returned=1, broken=1)],
                       linked={"r-1": ["rma-7"]}) == conflict
    assert return_push(counts, both, ["rma-1", "rma-0"]) == conflict


def test_a_push_retried_after_an_earlier_try_linked_its_return_sends_nothing_and_asks_nobody() -> None:
    """The app stopped after the return was made and linked in ePages, before the push was done: the next try
    finds that return by its link (not a conflict), finishes the links and sends nothing."""
    both = decided("AUTHORIZED", "REJECTED")
    ours = return_process(returned=1, broken=1)
    assert return_push({"returned": 1, "broken": 1}, both, ["rma-0", "rma-1"], booked=[ours],
                       linked={"r-1": ["rma-1", "rma-0"]}, linked_rmas={"rma-0"}) == [
        LinkReturn("r-1", ("rma-0", "rma-1"), ("rma-1",))]
