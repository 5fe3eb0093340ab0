"""The local SQLite store: the only module that writes SQL."""
