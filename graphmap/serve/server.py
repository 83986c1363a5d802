"""How ``graphmap serve`` runs uvicorn: one configuration for :func:`graphmap.serve.run` and
:class:`graphmap.serve.live.LiveServer`, with a guard against slow and half-open clients.

uvicorn's h11 protocol arms no timer while it waits for a request: a client that connects and
sends nothing, or sends the head a byte at a time (each byte stops the keep-alive timer), or
promises a body it never sends, holds its connection for ever. :func:`guarded` gives every
request ``read_timeout`` seconds, from the connection (or the end of the previous answer) until
the request has been read in full; a connection still sending then is closed. The answer itself
may take as long as it takes (the SPARQL time limit bounds the queries), but a client that stops
reading it is dropped: when the socket's buffer stays full for ``send_timeout`` seconds the
connection is aborted, and what was buffered for it freed (50 clients that never read their SPARQL
answers held 55 MB each). A request head is at most 16 KiB (h11's bound; uvicorn answers 400 above it).

>>> config = uvicorn_config(object(), read_timeout=3, send_timeout=7)
>>> config.http.read_timeout, config.http.send_timeout, config.timeout_keep_alive, config.h11_max_incomplete_event_size
(3.0, 7.0, 5, 16384)
"""
from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

READ_TIMEOUT = 15.0   # seconds to send a request (head and body)
SEND_TIMEOUT = 30.0   # seconds a client may leave the answer's socket buffer full
KEEP_ALIVE = 5        # seconds an idle keep-alive connection stays open (uvicorn's default)
MAX_HEAD = 16 * 1024  # bytes of a request head


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for reading each request."""

    read_timeout = READ_TIMEOUT
    send_timeout = SEND_TIMEOUT
    _write_deadline = None

    def pause_writing(self) -> None:
        """The socket's buffer is full (the client does not read): abort after ``send_timeout``."""
        super().pause_writing()
        if self._write_deadline is None:
            self._write_deadline = self.loop.call_later(self.send_timeout, self.transport.abort)

    def resume_writing(self) -> None:
        if self._write_deadline is not None:
            self._write_deadline.cancel()
            self._write_deadline = None
        super().resume_writing()

    def connection_made(self, transport) -> None:
        super().connection_made(transport)
        self._arm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._arm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        if self._write_deadline is not None:
            self._write_deadline.cancel()
            self._write_deadline = None
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        if not self.transport.is_closing():
            self._read_deadline = self.loop.call_later(self.read_timeout, self._too_slow)

    def _disarm(self) -> None:
        handle = getattr(self, "_read_deadline", None)
        if handle is not None:
            handle.cancel()
            self._read_deadline = None

    def _too_slow(self) -> None:
        """The deadline passed: close the connection if the request is still being sent."""
        self._read_deadline = None
        if self.conn.their_state in (h11.IDLE, h11.SEND_BODY) and not self.transport.is_closing():
            self.transport.close()


def guarded(read_timeout: float = READ_TIMEOUT, send_timeout: float = SEND_TIMEOUT) -> type[GuardedH11Protocol]:
    """The protocol class with ``read_timeout`` seconds to read each request and ``send_timeout``
    seconds for a client to make room for more of an answer."""
    return type("GuardedH11Protocol", (GuardedH11Protocol,), {"read_timeout": float(read_timeout),
                                                              "send_timeout": float(send_timeout)})


def uvicorn_config(app, host: str = "127.0.0.1", port: int = 8765, read_timeout: float | None = None,
                   send_timeout: float | None = None, **options):
    """The uvicorn configuration of ``graphmap serve`` (quiet, one process, the guarded protocol; no
    ``X-Forwarded-*`` header trusted: every URL is built from the server's own address)."""
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="on",
                          http=guarded(read_timeout or READ_TIMEOUT, send_timeout or SEND_TIMEOUT),
                          timeout_keep_alive=KEEP_ALIVE, h11_max_incomplete_event_size=MAX_HEAD, proxy_headers=False,
                          **options)


__all__ = ["GuardedH11Protocol", "guarded", "uvicorn_config", "READ_TIMEOUT", "SEND_TIMEOUT"]
