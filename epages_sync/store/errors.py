"""Errors of the local database, each with a title and what a person should do."""

from __future__ import annotations

from ..errors import SyncError


class StoreError(SyncError):
    title = "Local database problem"
    action = ("The sync's own database on this computer could not be used. Close the app, make sure the "
              "disk is not full, and start again. If it keeps happening, send the log to support.")


class DatabaseTooNew(StoreError):
    title = "Data from a newer version"
    action = ("This data folder was last used by a newer version of epages-sync. Install that version (or a "
              "later one) again; nothing in the folder was changed.")


class NotOurDatabase(StoreError):
    title = "Not an epages-sync database"
    action = "The database file belongs to another program. Choose another data folder; the file was not changed."


class LinkConflict(StoreError):
    """A link would pair an ePages or Afosto thing a second time; refusing it prevents double syncs."""

    title = "Already linked differently"
    action = ("The item is already linked to another one. Look at both in ePages and Afosto; "
              "send the log to support if they really belong together.")
