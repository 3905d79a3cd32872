"""One window per vault: starting the app again on a vault that is open brings its window forward.

On a slow laptop an officer double-clicks the icon twice; two windows on one vault would each unlock it
(two slow key derivations), show lists that go stale as the other saves, and leave the officer unsure
which one they typed into. The first start holds a lock (``QLockFile``: a lock whose process died, as
after a power cut, is taken over) and listens on a local socket; a later start asks it to come forward
and ends.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 1000


def _name(folder: Path) -> str:
    return "fieldapp-" + hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:20]


class OneWindow(QObject):
    """``claim()`` once at start; ``forward_asked`` fires when a later start on the same vault asks."""

    forward_asked = Signal()

    def __init__(self, folder: Path, *, runtime: Path | None = None, parent: QObject | None = None) -> None:
        """``runtime``: where the lock lives (default: the user's runtime folder)."""
        super().__init__(parent)
        self._name = _name(folder)
        if runtime is None:
            runtime = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.RuntimeLocation))
        self._lock = QLockFile(str(runtime / f"{self._name}.lock"))
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, however old
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_connection)

    def claim(self) -> bool:
        """True: this start owns the vault's window. False: another start does, and was asked forward."""
        if self._lock.tryLock(0):
            QLocalServer.removeServer(self._name)  # a socket left by a start that died
            self._server.listen(self._name)
            return True
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            return True  # no lock can be made here (a read-only runtime folder): never refuse to start
        socket = QLocalSocket()
        socket.connectToServer(self._name)  # connecting is the whole request
        if socket.waitForConnected(WAIT_MS):
            socket.disconnectFromServer()
        return False

    @Slot()
    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            socket.close()
            self.forward_asked.emit()

    def release(self) -> None:
        self._server.close()
        self._lock.unlock()
