"""The project's own errors: every one a person may see has a title, what to do, and what it concerns."""

from __future__ import annotations

from .texts import Text


class SyncError(Exception):
    """Base of every error this project raises on purpose.

    ``title`` is a short headline, ``action`` says what a person should do, ``concerns`` names the order,
    product, field or scope it is about. ``str()`` gives a one-line message fit for the log.
    """

    title: str = Text("Something went wrong")
    action: str = Text("Try again. If it keeps happening, send the log to support.")
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

    def as_text(self) -> Text:
        """The one-line message of ``str()``, in a form the window can show in the person's language."""
        if self.message != self.title:
            if self.concerns:
                return Text("{title} ({concerns}): {message}", title=self.title, concerns=self.concerns,
                            message=self.message)
            return Text("{title}: {message}", title=self.title, message=self.message)
        if self.concerns:
            return Text("{title} ({concerns})", title=self.title, concerns=self.concerns)
        return Text("{title}", title=self.title)

    def with_action(self) -> Text:
        """The message and what to do, as the log shows it."""
        problem = self.as_text()
        if problem.rstrip().endswith((".", "!", "?")):
            return Text("{problem} {action}", problem=problem, action=self.action)
        return Text("{problem}. {action}", problem=problem, action=self.action)

    def __str__(self) -> str:
        return str(self.as_text())


class ConfigError(SyncError):
    """A setting is missing or out of range; names the field and the allowed values."""

    title = Text("Invalid setting")
    action = Text("Correct the value and save again.")


class SecretStoreUnavailable(SyncError):
    title = Text("No secure password store")
    action = Text(
        "This computer has no secure password store (keyring). Install or unlock one "
        "(Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet), then start again. "
        "Secrets are never written to a plain file."
    )


class AlreadyRunning(SyncError):
    title = Text("Already running")
    action = Text(
        "Another copy of epages-sync is already using this data folder. Use that window, or close it first."
    )


class AuthenticationError(SyncError):
    title = Text("Credentials refused")
    action = Text("Check the client id and secret (or API key) and enter them again.")


class RevokedError(AuthenticationError):
    title = Text("App revoked")
    action = Text(
        "The app was removed or revoked in the ePages cockpit. Create it again and enter the new credentials."
    )


class StoreNotFound(SyncError):
    title = Text("Store not found")
    action = Text("Check the store name: it is the part before .beyondshop.cloud in your cockpit address.")


class NetworkError(SyncError):
    title = Text("No connection")
    action = Text("Check the internet connection of this computer. The sync retries on its own.")
    transient = True


class CertificateError(SyncError):
    title = Text("Certificate problem")
    action = Text(
        "The secure connection could not be verified. Check the computer's date and time, "
        "and any proxy or antivirus that inspects HTTPS traffic."
    )


class MissingScope(SyncError):
    title = Text("Permission missing")
    action = Text(
        "Tick the named permission in the ePages cockpit (Apps > Eigene Apps > your app), save, then reconnect."
    )

    def __init__(self, message: str = "", *, scope: str = "", label: str = "", **kw: object) -> None:
        self.scope = scope
        self.label = label
        kw.setdefault("concerns", f"{scope} - {label}" if label else scope)
        super().__init__(message, **kw)  # type: ignore[arg-type]


class NotFound(SyncError):
    title = Text("Not found")
    action = Text("The item no longer exists on the other side. Check it there, then retry or dismiss.")


class ValidationFailed(SyncError):
    title = Text("Rejected as invalid")
    action = Text("Correct the named field at the source, then retry.")

    def __init__(self, message: str = "", *, field: str | None = None, **kw: object) -> None:
        self.field = field
        if field and "concerns" not in kw:
            kw["concerns"] = field
        super().__init__(message, **kw)  # type: ignore[arg-type]


class RateLimited(SyncError):
    title = Text("Too many requests")
    action = Text("The service asked us to slow down. The sync waits and continues on its own.")
    transient = True

    def __init__(self, message: str = "", *, retry_after: float | None = None, **kw: object) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kw)  # type: ignore[arg-type]


class Unavailable(SyncError):
    title = Text("Service unavailable")
    action = Text("The service does not answer properly right now. The sync retries on its own later.")
    transient = True


class Conflict(SyncError):
    title = Text("Changed at the same time")
    action = Text("The item was changed elsewhere at the same moment. The sync reads it again and retries.")
    transient = True


class DomainRejected(SyncError):
    """The API understood the request but its business rules refuse it (e.g. quantity too high)."""

    title = Text("Refused by the shop")
    action = Text("Look at the order in both systems; retry after correcting it, or dismiss.")

    def __init__(self, message: str = "", *, error_id: str = "", **kw: object) -> None:
        self.error_id = error_id
        super().__init__(message, **kw)  # type: ignore[arg-type]
