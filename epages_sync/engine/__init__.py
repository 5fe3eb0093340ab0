"""The sync engine: poller, pushers, stock and mapping rules. Imports no Qt."""
