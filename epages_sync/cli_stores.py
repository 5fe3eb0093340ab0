"""``--store NAME`` on the command line: which store of the installation a command works on.

With one store (or none set up yet) a command needs no ``--store`` and works on the data folder as always;
with several, a command about one store says which there are and how to choose.
"""

from __future__ import annotations

import argparse

from .errors import ConfigError
from .paths import AppPaths
from .store_folders import StoreFolder, store_folders, unknown_store
from .texts import Text


def add_store_option(parser: argparse.ArgumentParser, *, what: str = "the store this command is about") -> None:
    parser.add_argument("--store", metavar="NAME", help=f"{what}; needed when the installation has several stores")


def chosen_store(args: argparse.Namespace, paths: AppPaths, *, command: str) -> StoreFolder | None:
    """The store ``--store`` names, or the only one; None before anything is set up.

    Raises ConfigError (exit code 2) for a store the installation does not have, or when it has several and
    none was named: the message lists them and says how to choose.
    """
    stores = store_folders(paths)
    name = getattr(args, "store", None)
    if name:
        found = next((s for s in stores if s.name == name.strip().lower()), None)
        if found is None:
            raise ConfigError(unknown_store(name, [s.name for s in stores]), concerns="--store",
                              action=Text("Name one of them with --store NAME, or add a store with 'epages-sync "
                                          "configure --store NEW ...'."))
        return found
    if len(stores) > 1:
        names = [s.name for s in stores]
        raise ConfigError(
            Text("This installation has several stores: {names}. '{command}' works on one of them.",
                 names=", ".join(names), command=command),
            concerns="--store",
            action=Text("Choose one with --store NAME, for example 'epages-sync {command} --store {first}'.",
                        command=command, first=names[0]))
    return stores[0] if stores else None


def store_paths(args: argparse.Namespace, paths: AppPaths, *, command: str) -> AppPaths:
    """The data folder of the store the command works on (the installation's own folder before any setup)."""
    found = chosen_store(args, paths, command=command)
    return found.paths if found is not None else paths
