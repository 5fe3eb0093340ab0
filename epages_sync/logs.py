"""File logging with rotation; every record passes the redaction filter before any handler sees it."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from .paths import LOG_FILE_NAME
from .redaction import redactor

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class RedactionFilter(logging.Filter):
    """Rewrites the record's message (with its arguments merged) and exception text, redacted."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 (a broken format string must not hide the record)
            message = str(record.msg)
        record.msg = redactor.text(message)
        record.args = None
        if record.exc_info:
            record.exc_text = redactor.text(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = redactor.text(record.stack_info)
        return True


def setup_logging(
    log_dir: Path | None,
    *,
    level: int = logging.INFO,
    console: bool = False,
    max_bytes: int = 2_000_000,
    backups: int = 5,
    file_name: str = LOG_FILE_NAME,
) -> logging.Logger:
    """Configure the ``epages_sync`` logger: a rotating file in ``log_dir`` and optionally stderr.

    Called again, it replaces the handlers (and closes the file) it set up before."""
    logger = logging.getLogger("epages_sync")
    logger.setLevel(level)
    for h in list(logger.handlers):
        logger.removeHandler(h)
        h.close()
    handlers: list[logging.Handler] = []
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                log_dir / file_name, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
            )
        )
    if console:
        handlers.append(logging.StreamHandler())
    for h in handlers:
        h.setFormatter(logging.Formatter(_FORMAT))
        h.addFilter(RedactionFilter())
        logger.addHandler(h)
    logger.propagate = False
    # httpx logs request URLs at INFO; they carry no secrets, but keep its chatter out of the shop's log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    return logger
