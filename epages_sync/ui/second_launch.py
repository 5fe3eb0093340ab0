"""One window per data folder: starting the app again brings the running copy's window to the front.

The copy that holds the data folder's lock listens on a local socket (a named pipe on Windows) whose name is
made from the user and the data folder, so two data folders, or two people on one PC, never meet. A second
start that finds the lock taken asks that socket to show the window and ends. A copy that is quitting says
so, and the second start waits for it to finish and then starts as usual. When nobody answers (the lock
belongs to a service running ``run --headless``, which has no window), the second start says so.
"""

from __future__ import annotations

import contextlib
import enum
import getpass
import hashlib
import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .. import APP_NAME

log = logging.getLogger(__name__)

SHOW = b"show"  # bring the window to the front
HELLO = b"hello"  # only make sure the running copy is there (a start at login finds it already running)
SHOWN = b"ok"
QUITTING = b"quitting"
ANSWER_SECONDS = 2.0
# The running copy takes the lock a moment before it listens: a start in that moment tries again.
STARTING_SECONDS = 2.5


def listener_name(data_dir: Path) -> str:
    """The socket's name for this user and data folder (short: Unix socket paths are limited to 108 bytes)."""
    folder = os.path.normcase(str(Path(data_dir).resolve()))
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the password database
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    digest = hashlib.sha256(f"{user}\n{folder}".encode()).hexdigest()[:24]
    return f"{APP_NAME}-{digest}"


class Answer(enum.Enum):
    SHOWN = "shown"  # the running copy shows its window (or, for a start at login, is simply there)
    QUITTING = "quitting"  # the running copy is on its way out: wait for its lock, then start
    NONE = "none"  # nobody listens: a service, or a copy that hangs


class LaunchListener(QObject):
    """Held by the running copy: emits ``show_requested`` when the app is started again on the same folder.

    ``quitting`` tells whether this copy is on its way out, so a second start waits rather than hands over.
    """

    show_requested = Signal()

    def __init__(self, data_dir: Path, *, quitting: Callable[[], bool] = lambda: False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = listener_name(data_dir)
        self._quitting = quitting
        self._server = QLocalServer(self)
        # Only this user may ask: another account on the PC has no business with this window.
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    def listen(self) -> bool:
        """Start listening; call it only while holding the data folder's lock."""
        if self._server.listen(self.name):
            return True
        # The lock is ours, so whatever holds the name is a socket file left by a copy that crashed.
        QLocalServer.removeServer(self.name)
        if self._server.listen(self.name):
            return True
        log.warning("a second start cannot reach this copy: %s", self._server.errorString())
        return False

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        self._server.close()

    def _on_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.setParent(self)
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            self._on_ready_read(socket)  # the request may have arrived with the connection

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        request = bytes(socket.readLine().data()).strip()
        if self._quitting():
            answer = QUITTING
        else:
            answer = SHOWN
            if request == SHOW:
                log.info("started again on this data folder: showing the window")
                self.show_requested.emit()
        socket.write(answer + b"\n")
        socket.flush()
        socket.disconnectFromServer()


def hand_over(data_dir: Path, *, show: bool = True, starting_seconds: float = STARTING_SECONDS) -> Answer:
    """Ask the copy running on ``data_dir`` to show its window.

    Blocking, for the moment before this copy's own loop runs; it waits at most a few seconds.
    """
    name = listener_name(data_dir)
    _let_the_running_copy_come_forward()
    deadline = time.monotonic() + starting_seconds
    while True:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(int(ANSWER_SECONDS * 1000)):
            socket.write((SHOW if show else HELLO) + b"\n")
            socket.waitForBytesWritten(int(ANSWER_SECONDS * 1000))
            reply = bytes(socket.readLine().data()).strip() \
                if socket.waitForReadyRead(int(ANSWER_SECONDS * 1000)) else b""
            with contextlib.suppress(RuntimeError):
                socket.abort()
            return {SHOWN: Answer.SHOWN, QUITTING: Answer.QUITTING}.get(reply, Answer.NONE)
        if time.monotonic() >= deadline:
            return Answer.NONE
        time.sleep(0.1)  # not listening yet, or nobody will: ask again until the deadline


def _let_the_running_copy_come_forward() -> None:
    # Windows lets only the program the person just started take the foreground; this one hands that on,
    # so the running copy's window comes to the front instead of only flashing in the taskbar.
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        asfw_any = -1
        with contextlib.suppress(OSError, AttributeError):
            ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)
