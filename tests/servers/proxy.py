"""A TCP proxy on loopback that can go silent: it stops forwarding in both directions and closes nothing, as a NAT
box does when it drops a connection's entry (no byte, no FIN, no RST reaches either side)."""

from __future__ import annotations

import select
import socket
import threading
import time

from tests.servers.ports import free_port

HOST = "127.0.0.1"


class SilentProxy:
    """Forwards connections on ``port`` to ``target_port``; ``silent_after`` bytes from the server, or
    ``go_silent()``, make every connection (and every new one) silent until ``speak()``."""

    def __init__(self, target_port: int, silent_after: int | None = None) -> None:
        self.port = free_port()
        self._target = (HOST, target_port)
        self._silent_after = silent_after
        self._from_server = 0
        self._silent = threading.Event()
        self.silenced_at: float | None = None  # time.monotonic() when it went silent
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._listener = socket.create_server((HOST, self.port))
        self._thread = threading.Thread(target=self._accept, name="silent-proxy", daemon=True)

    def __enter__(self) -> SilentProxy:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._closed.set()
        self._listener.close()
        with self._lock:
            for sock in self._sockets:
                sock.close()
        self._thread.join(timeout=5)

    @property
    def silent(self) -> bool:
        return self._silent.is_set()

    def go_silent(self) -> None:
        self.silenced_at = time.monotonic()
        self._silent.set()

    def speak(self, silent_after: int | None = None) -> None:
        """Forward again (new connections; the silent ones stay dead as their peers gave up on them)."""
        with self._lock:
            self._silent_after, self._from_server = silent_after, 0
        self._silent.clear()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self._target)
            with self._lock:
                self._sockets += [client, server]
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        peers = {client: server, server: client}
        while not self._closed.is_set():
            if self._silent.is_set():
                self._closed.wait(0.1)  # read nothing, so nothing reaches the other side, not even a close
                continue
            try:
                readable, _, _ = select.select(list(peers), [], [], 0.1)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        peers[sock].shutdown(socket.SHUT_WR)
                        return
                    peers[sock].sendall(data)
                    if sock is server:
                        self._count(len(data))
            except OSError:
                return

    def _count(self, size: int) -> None:
        with self._lock:
            self._from_server += size
            if self._silent_after is not None and self._from_server >= self._silent_after and not self.silent:
                self.go_silent()
