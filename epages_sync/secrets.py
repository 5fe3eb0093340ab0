"""The one class that touches keyring: the ePages client secret and the Afosto API key live only there."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import keyring.backend
import keyring.errors
from jaraco.classes import properties

from .errors import SecretStoreUnavailable
from .redaction import redactor
from .texts import Text

CLIENT_SECRET_ENTRY = "epages-client-secret"  # names of the keyring entries, not values
AFOSTO_KEY_ENTRY = "afosto-api-key"
ENV_CLIENT_SECRET = "EPAGES_SYNC_CLIENT_SECRET"
ENV_AFOSTO_KEY = "EPAGES_SYNC_AFOSTO_KEY"

# Backends that would keep a secret readable on disk, or keep nothing at all.
_UNSAFE_BACKENDS = (
    "keyring.backends.fail",
    "keyring.backends.null",
    "keyrings.alt.file",
    "keyrings.alt.Gnome",
    "keyrings.alt.pyfs",
)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that forgets everything when the process ends: for tests and the demo mode only."""

    @properties.classproperty
    def priority(cls) -> float:
        # Never chosen by keyring on its own: only a test or the demo hands it over explicitly. Otherwise a
        # machine without a keyring would "save" secrets that vanish at exit, and say they were stored.
        raise RuntimeError("the in-memory keyring is only used when chosen explicitly")

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.items[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


def _backend_is_secure(backend: keyring.backend.KeyringBackend) -> bool:
    children = getattr(backend, "backends", None)
    if children is not None:  # keyring's chainer: secure when it chains at least one secure backend
        return any(_backend_is_secure(b) for b in children)
    module = type(backend).__module__
    return not module.startswith(_UNSAFE_BACKENDS)


def describe_backend(backend: keyring.backend.KeyringBackend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


class Secrets:
    """Secrets of one store, under the keyring service ``epages-sync:<store>``.

    Refuses to work (SecretStoreUnavailable) when the machine has no secure keyring: a secret is never
    written to a plain file. For service mode on a machine without a keyring the two environment variables
    may supply the secrets at run time; they are read, never written anywhere.
    """

    def __init__(self, store_name: str, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self.service = f"epages-sync:{store_name}"
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def available(self) -> bool:
        return _backend_is_secure(self.backend)

    def _require(self) -> keyring.backend.KeyringBackend:
        backend = self.backend
        if not _backend_is_secure(backend):
            raise SecretStoreUnavailable(
                Text("No secure password store was found on this computer (keyring backend: {backend}). The "
                     "secrets were not saved.", backend=describe_backend(backend))
            )
        return backend

    def _set(self, name: str, value: str) -> None:
        value = value.strip()
        if not value:
            raise ValueError(f"{name} must not be empty")
        redactor.add_secret(value)
        try:
            self._require().set_password(self.service, name, value)
        except keyring.errors.KeyringError as exc:
            raise SecretStoreUnavailable(
                f"The password store refused to save the secret: {type(exc).__name__}."
            ) from None

    def _get(self, name: str, env: str) -> str | None:
        from_env = os.environ.get(env)
        if from_env:
            redactor.add_secret(from_env)
            return from_env.strip()
        backend = self.backend
        if not _backend_is_secure(backend):
            return None
        try:
            value = backend.get_password(self.service, name)
        except keyring.errors.KeyringError:
            return None
        redactor.add_secret(value)
        return value

    def set_client_secret(self, value: str) -> None:
        self._set(CLIENT_SECRET_ENTRY, value)

    def set_afosto_key(self, value: str) -> None:
        self._set(AFOSTO_KEY_ENTRY, value)

    def client_secret(self) -> str | None:
        return self._get(CLIENT_SECRET_ENTRY, ENV_CLIENT_SECRET)

    def afosto_key(self) -> str | None:
        return self._get(AFOSTO_KEY_ENTRY, ENV_AFOSTO_KEY)

    def delete_all(self) -> None:
        backend = self.backend
        if not _backend_is_secure(backend):
            return
        for name in (CLIENT_SECRET_ENTRY, AFOSTO_KEY_ENTRY):
            try:
                backend.delete_password(self.service, name)
            except keyring.errors.PasswordDeleteError:
                pass


_SECRET_WORDS = {CLIENT_SECRET_ENTRY: ("the ePages client secret", "--client-secret-stdin", ENV_CLIENT_SECRET),
                 AFOSTO_KEY_ENTRY: ("the Afosto API key", "--afosto-key-stdin", ENV_AFOSTO_KEY)}


def not_saved(entries: list[str]) -> str:
    """'The ePages client secret and the Afosto API key are not saved.' for the given entries (command line)."""
    names = " and ".join(_SECRET_WORDS[e][0] for e in entries)
    return f"{names[0].upper()}{names[1:]} {'is' if len(entries) == 1 else 'are'} not saved."


def how_to_supply(store_name: str, client_id: str, entries: list[str], *, available: bool) -> str:
    """How to give the command line the secrets of ``entries``, in a way that works on this computer.

    With a secure password store: the ``configure`` command that saves them there. Without one nothing can be
    saved, so the environment variables a command reads them from (the service's way), and the store to set up.
    """
    pronoun = "it" if len(entries) == 1 else "them"
    flags = " ".join(_SECRET_WORDS[e][1] for e in entries)
    configure = f"epages-sync configure --store {store_name} --client-id {client_id} {flags}"
    order = " (one per line of standard input, the secret first)" if len(entries) > 1 else \
        " (from standard input)"
    if available:
        return f"Save {pronoun} with: {configure}{order}."
    variables = " and ".join(_SECRET_WORDS[e][2] for e in entries)
    plural = "s" if len(entries) > 1 else ""
    return (f"This computer has no secure password store, so {pronoun} cannot be saved here. Give {pronoun} to "
            f"each command in the environment variable{plural} {variables}; or install or unlock a password store "
            f"(Windows Credential Manager, macOS Keychain, GNOME Keyring or KWallet) and save {pronoun} with: "
            f"{configure}{order}.")


@contextmanager
def keyring_backend(backend: keyring.backend.KeyringBackend) -> Iterator[keyring.backend.KeyringBackend]:
    """Use ``backend`` as the process's keyring for the duration (tests, demo)."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
