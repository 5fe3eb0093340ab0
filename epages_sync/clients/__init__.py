"""The only code that speaks HTTP: one module per external API, plus the shared HTTP policy."""
