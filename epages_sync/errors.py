"""The project's own errors: every one a person may see has a title, what to do, and what it concerns."""

from __future__ import annotations


class SyncError(Exception):
    """Base of every error this project raises on purpose.

    ``title`` is a short headline, ``action`` says what a person should do, ``concerns`` names the order,
    product, field or scope it is about. ``str()`` gives a one-line message fit for the log.
    """

    title = "Something went wrong"
    action = "Try again. If it keeps happening, send the log to support."
    transient = False

    def __init__(
        self,
        message: str = "",
        *,
        title: str | None = None,
        action: str | None = None,
        concerns: str | None = None,
    ) -> None:
        self.message = message or self.title
        if title is not None:
            self.title = title
        if action is not None:
            self.action = action
        self.concerns = concerns
        super().__init__(self.message)

    def __str__(self) -> str:
        about = f" ({self.concerns})" if self.concerns else ""
        return (
            f"{self.title}{about}: {self.message}" if self.message != self.title else f"{self.title}{about}"
        )


class ConfigError(SyncError):
    """A setting is missing or out of range; names the field and the allowed values."""

    title = "Invalid setting"
    action = "Correct the value and save again."


class SecretStoreUnavailable(SyncError):
    title = "No secure password store"
    action = (
        "This computer has no secure password store (keyring). Install or unlock one "
        "(Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet), then start again. "
        "Secrets are never written to a plain file."
    )


class AlreadyRunning(SyncError):
    title = "Already running"
    action = (
        "Another copy of epages-sync is already using this data folder. Use that window, or close it first."
    )


class AuthenticationError(SyncError):
    title = "Credentials refused"
    action = "Check the client id and secret (or API key) and enter them again."


class RevokedError(AuthenticationError):
    title = "App revoked"
    action = (
        "The app was removed or revoked in the ePages cockpit. Create it again and enter the new credentials."
    )


class StoreNotFound(SyncError):
    title = "Store not found"
    action = "Check the store name: it is the part before .beyondshop.cloud in your cockpit address."


class NetworkError(SyncError):
    title = "No connection"
    action = "Check the internet connection of this computer. The sync retries on its own."
    transient = True


class CertificateError(SyncError):
    title = "Certificate problem"
    action = (
        "The secure connection could not be verified. Check the computer's date and time, "
        "and any proxy or antivirus that inspects HTTPS traffic."
    )


class MissingScope(SyncError):
    title = "Permission missing"
    action = "Tick the named permission in the ePages cockpit (Apps > Eigene Apps > your app), save, then reconnect."

    def __init__(self, message: str = "", *, scope: str = "", label: str = "", **kw: object) -> None:
        self.scope = scope
        self.label = label
        kw.setdefault("concerns", f"{scope} - {label}" if label else scope)  # type: ignore[arg-type]
        super().__init__(message, **kw)  # type: ignore[arg-type]


class NotFound(SyncError):
    title = "Not found"
    action = "The item no longer exists on the other side. Check it there, then retry or dismiss."


class ValidationFailed(SyncError):
    title = "Rejected as invalid"
    action = "Correct the named field at the source, then retry."

    def __init__(self, message: str = "", *, field: str | None = None, **kw: object) -> None:
        self.field = field
        if field and "concerns" not in kw:
            kw["concerns"] = field
        super().__init__(message, **kw)  # type: ignore[arg-type]


class RateLimited(SyncError):
    title = "Too many requests"
    action = "The service asked us to slow down. The sync waits and continues on its own."
    transient = True

    def __init__(self, message: str = "", *, retry_after: float | None = None, **kw: object) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kw)  # type: ignore[arg-type]


class Unavailable(SyncError):
    title = "Service unavailable"
    action = "The service does not answer properly right now. The sync retries on its own later."
    transient = True


class Conflict(SyncError):
    title = "Changed at the same time"
    action = "The item was changed elsewhere at the same moment. The sync reads it again and retries."
    transient = True


class DomainRejected(SyncError):
    """The API understood the request but its business rules refuse it (e.g. quantity too high)."""

    title = "Refused by the shop"
    action = "Look at the order in both systems; retry after correcting it, or dismiss."

    def __init__(self, message: str = "", *, error_id: str = "", **kw: object) -> None:
        self.error_id = error_id
        super().__init__(message, **kw)  # type: ignore[arg-type]
