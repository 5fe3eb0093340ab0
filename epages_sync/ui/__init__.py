"""The desktop window: the only place Qt appears."""
