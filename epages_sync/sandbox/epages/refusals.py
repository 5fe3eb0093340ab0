"""The shop's refusals: every rule of the simulated ePages shop ends in one of these, in Beyond's form."""

from __future__ import annotations

from typing import Any


class BeyondError(Exception):
    """A refusal the way Beyond answers it: HTTP status plus ``{errorId, message, details, traceId}``."""

    def __init__(self, status: int, error_id: str, message: str, details: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.error_id = error_id
        self.message = message
        self.details = details if details is not None else {}
        self.headers = headers or {}

    def body(self, trace_id: str | None) -> dict[str, Any]:
        return {"errorId": self.error_id, "details": self.details, "message": self.message,
                "traceId": trace_id}


def not_found(path: str) -> BeyondError:
    return BeyondError(404, "resource-not-found", "Resource not found!", {"path": path})


def validation_failed(entity: str, prop: str, invalid: Any, message: str) -> BeyondError:
    """Beyond's 400 for a body that breaks a field rule; ``details.validationErrors`` names the field."""
    return BeyondError(400, "input-validation-failed", "Input validation failed", {"validationErrors": [
        {"entity": entity, "property": prop, "invalidValue": invalid, "message": message,
         "constraintName": "Valid"}]})


def unreadable(message: str) -> BeyondError:
    return BeyondError(400, "http-message-not-readable", message)


def conversion_failed(name: str, value: str, wanted: str) -> BeyondError:
    return BeyondError(400, "conversion-failed",
                       f"Failed to convert value '{value}' of parameter '{name}' to {wanted}.",
                       {"parameter": name, "value": value})
