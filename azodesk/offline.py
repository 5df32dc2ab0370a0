"""Offline by construction: once :func:`forbid_network` has run, any attempt to open an
internet socket or resolve a host name raises :class:`NetworkForbidden` instead of connecting.

AzoDesk calls it first thing at start-up. Local ``AF_UNIX`` sockets stay allowed: asyncio (used
inside pyHanko) needs a socket pair to wake its event loop.
"""

from __future__ import annotations

import socket
from typing import Any

_INTERNET = {socket.AF_INET, socket.AF_INET6}
_installed = False


class NetworkForbidden(RuntimeError):
    pass


def _refuse(what: str) -> NetworkForbidden:
    return NetworkForbidden(f"AzoDesk works offline: refused to {what}")


class _OfflineSocket(socket.socket):
    def __init__(self, family: Any = -1, type: Any = -1, proto: int = -1, fileno: int | None = None) -> None:  # noqa: A002
        if fileno is None and (family == -1 or family in _INTERNET):
            raise _refuse("open an internet socket")
        super().__init__(family, type, proto, fileno)


def _no_resolve(*args: Any, **kwargs: Any) -> Any:
    raise _refuse(f"look up a host name ({args[0] if args else ''})")


def _no_connection(address: Any, *args: Any, **kwargs: Any) -> Any:
    raise _refuse(f"connect to {address}")


def forbid_network() -> None:
    global _installed
    if _installed:
        return
    socket.socket = _OfflineSocket  # type: ignore[misc]
    socket.getaddrinfo = _no_resolve  # type: ignore[assignment]
    socket.gethostbyname = _no_resolve  # type: ignore[assignment]
    socket.gethostbyname_ex = _no_resolve  # type: ignore[assignment]
    socket.create_connection = _no_connection  # type: ignore[assignment]
    _installed = True
