"""Free loopback ports for throwaway servers, so parallel test workers never collide on a fixed number."""

from __future__ import annotations

import socket

HOST = "127.0.0.1"


def free_port() -> int:
    """A port nobody listens on right now; the caller binds it soon after (a small race other workers rarely win)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]
