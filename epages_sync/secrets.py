"""The one class that touches keyring: the ePages client secret and the Afosto API key live only there.

Each data folder's installation keeps its own entries (``epages-sync:<store>:<installation>``), so removing
or setting up one folder never touches another folder's passwords, even for the same store. Earlier versions
saved them under the store name alone (``epages-sync:<store>``); the first folder that starts moves them to
its own entries and leaves a note there, from which a second folder of that store copies them in turn.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

import keyring
import keyring.backend
import keyring.errors
from jaraco.classes import properties

from .errors import SecretStoreUnavailable
from .installation import Installation
from .paths import AppPaths
from .redaction import redactor
from .texts import Text

log = logging.getLogger(__name__)

CLIENT_SECRET_ENTRY = "epages-client-secret"  # names of the keyring entries, not values
AFOSTO_KEY_ENTRY = "afosto-api-key"
SECRET_ENTRIES = (CLIENT_SECRET_ENTRY, AFOSTO_KEY_ENTRY)
# Under the earlier name, once its entries were moved: the installation that has them now (not a secret).
MOVED_TO_ENTRY = "moved-to-installation"
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


def secure_store_available(backend: keyring.backend.KeyringBackend | None = None) -> bool:
    """True when ``backend`` (the process's keyring by default) keeps secrets safely."""
    return _backend_is_secure(backend if backend is not None else keyring.get_keyring())


def no_secure_store(backend: keyring.backend.KeyringBackend | None = None) -> SecretStoreUnavailable:
    """The error that says this computer has no secure password store, naming the keyring backend it has."""
    found = backend if backend is not None else keyring.get_keyring()
    return SecretStoreUnavailable(
        Text("No secure password store was found on this computer (keyring backend: {backend}). The "
             "secrets were not saved.", backend=describe_backend(found)))


def service_name(store_name: str, installation: str | None) -> str:
    """The keyring service of a store's entries: per installation, or as earlier versions named it."""
    return f"epages-sync:{store_name}" + (f":{installation}" if installation else "")


class Secrets:
    """Secrets of one store for one data folder's installation, under ``epages-sync:<store>:<installation>``.

    ``installation`` None stands for a folder set up by an earlier version that has not started since: its
    entries are still under the store name alone. Use ``of_folder`` to get the right one for a data folder.

    Refuses to work (SecretStoreUnavailable) when the machine has no secure keyring: a secret is never
    written to a plain file. For service mode on a machine without a keyring the two environment variables
    may supply the secrets at run time; they are read, never written anywhere.
    """

    def __init__(self, store_name: str, backend: keyring.backend.KeyringBackend | None = None, *,
                 installation: str | None = None) -> None:
        self.store_name = store_name
        self.installation = installation
        self.service = service_name(store_name, installation)
        self._backend = backend

    @classmethod
    def of_folder(cls, paths: AppPaths, store_name: str,
                  backend: keyring.backend.KeyringBackend | None = None) -> Secrets:
        """The secrets of ``store_name`` for the data folder of ``paths``.

        The first time a folder set up by an earlier version is used (see ``Installation``), the entries it
        saved under the store name alone are moved to its installation's own; until the password store lets
        that happen, the next use tries again. Creates no file: a folder without an installation gets the
        entries of an earlier version.
        """
        installation = Installation.find(paths)
        secrets = cls(store_name, backend, installation=installation.id if installation else None)
        if installation is not None and installation.earlier_entries_of == store_name \
                and secrets.move_earlier_entries():
            try:
                Installation(installation.id).save(paths)
            except OSError as exc:  # moving again next time finds nothing left to move
                log.warning("could not note that the saved passwords were moved: %s", exc)
        return secrets

    def move_earlier_entries(self) -> bool:
        """Give this installation the entries an earlier version saved under the store name alone.

        Only when it has none of its own. They are copied first, then a note of this installation is left
        under the earlier name, and only then are the earlier entries deleted, so nothing is lost however
        the move is cut off. When another folder moved them already, they are copied from that folder's
        installation (found through its note) and left there. True when done (also when there was nothing
        to move); False when the password store could not be used (try again later).
        """
        if self.installation is None:
            return True
        backend = self.backend
        if not _backend_is_secure(backend):
            return False
        earlier = service_name(self.store_name, None)
        try:
            if any(backend.get_password(self.service, name) for name in SECRET_ENTRIES):
                return True
            found = {name: backend.get_password(earlier, name) for name in SECRET_ENTRIES}
            source = earlier
            if not any(found.values()):
                moved_to = backend.get_password(earlier, MOVED_TO_ENTRY)
                if not moved_to or moved_to == self.installation:
                    return True
                source = service_name(self.store_name, moved_to)
                found = {name: backend.get_password(source, name) for name in SECRET_ENTRIES}
            kept = {name: value for name, value in found.items() if value}
            for name, value in kept.items():
                backend.set_password(self.service, name, value)
            if kept and source == earlier:
                backend.set_password(earlier, MOVED_TO_ENTRY, self.installation)
                for name in kept:
                    backend.delete_password(earlier, name)
        except keyring.errors.KeyringError as exc:
            log.warning("the saved passwords of %s could not be moved yet: %s", self.store_name, exc)
            return False
        if kept:
            log.info("saved passwords of store %s moved from '%s' to '%s'", self.store_name, source, self.service)
        return True

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend if self._backend is not None else keyring.get_keyring()

    @property
    def available(self) -> bool:
        return _backend_is_secure(self.backend)

    def _require(self) -> keyring.backend.KeyringBackend:
        backend = self.backend
        if not _backend_is_secure(backend):
            raise no_secure_store(backend)
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

    def snapshot(self) -> dict[str, str | None]:
        """This installation's entries as they are in the password store (not the environment), for
        ``put_back``; empty without a secure password store."""
        backend = self.backend
        if not _backend_is_secure(backend):
            return {}
        try:
            return {name: backend.get_password(self.service, name) for name in SECRET_ENTRIES}
        except keyring.errors.KeyringError:
            return {}

    def put_back(self, snapshot: dict[str, str | None]) -> None:
        """Return the entries to a ``snapshot`` after a change that did not complete (best effort)."""
        backend = self.backend
        for name, value in snapshot.items():
            try:
                if value is None:
                    backend.delete_password(self.service, name)
                else:
                    backend.set_password(self.service, name, value)
            except keyring.errors.KeyringError:
                log.warning("could not put back the saved %s of %s", name, self.service)

    def saved_entries(self) -> list[str]:
        """The names of this installation's entries that hold a value (raises KeyringError)."""
        backend = self.backend
        return [name for name in SECRET_ENTRIES if backend.get_password(self.service, name) is not None]

    def delete_all(self) -> None:
        """Delete this installation's entries (and the note that points other folders to them); never those
        of another folder."""
        backend = self.backend
        if not _backend_is_secure(backend):
            return
        for name in SECRET_ENTRIES:
            try:
                backend.delete_password(self.service, name)
            except keyring.errors.PasswordDeleteError:
                pass
        if self.installation is None:
            return
        earlier = service_name(self.store_name, None)
        if backend.get_password(earlier, MOVED_TO_ENTRY) == self.installation:
            try:
                backend.delete_password(earlier, MOVED_TO_ENTRY)
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
