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

Neither timer resets a connection a request has reached. Closing a socket with unread bytes makes the
kernel send a reset instead of a close, and a client that sent a valid request on an open keep-alive
connection got "connection reset" (``httpx.ReadError``: 1 in 600 pages in ``benchmarks/load_serve.py
--sparql 50``; 37 of 41 requests sent as the keep-alive time ran out with 20 users on the start page).
When the event loop is busy (pages rendering), a timer due in one turn of the loop runs after callbacks
that may take a while, and a request that reached the socket meanwhile is not read yet: with bytes
waiting (``FIONREAD``) the timer waits :data:`GRACE` seconds for the loop to read them, a bounded number
of times. And ``transport.close()`` closes the socket only when the busy loop gets to it: a request
arriving in between was unread at the close too. A timer now half-closes at once (the client sees the
end before it sends), reads and discards what still comes for :data:`LINGER` seconds, then closes
(the "lingering close" of RFC 9112, section 9.6).

>>> config = uvicorn_config(object(), read_timeout=3, send_timeout=7)
>>> config.http.read_timeout, config.http.send_timeout, config.timeout_keep_alive, config.h11_max_incomplete_event_size
(3.0, 7.0, 5, 16384)
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

READ_TIMEOUT = 15.0  # seconds to send a request (head and body)
SEND_TIMEOUT = 30.0  # seconds a client may leave the answer's socket buffer full
KEEP_ALIVE = 5  # seconds an idle keep-alive connection stays open (uvicorn's default)
MAX_HEAD = 16 * 1024  # bytes of a request head
GRACE = 1.0  # seconds a timer waits for the loop to read a request that has arrived
MAX_GRACES = 3  # times, then it closes anyway
LINGER = 2.0  # seconds a closing connection is still read (and what comes discarded) after its end


def unread_bytes(transport) -> int:
    """Bytes a client has sent that the server has not read yet (0 where the platform cannot say)."""
    try:
        import fcntl
        import struct
        import termios

        sock = transport.get_extra_info("socket")
        return struct.unpack("i", fcntl.ioctl(sock.fileno(), termios.FIONREAD, b"\0\0\0\0"))[0]
    except (ImportError, AttributeError, OSError, ValueError):
        return 0


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for reading each request."""

    read_timeout = READ_TIMEOUT
    send_timeout = SEND_TIMEOUT
    _write_deadline = None
    _graces = 0  # times a timer has waited for a request that had arrived, since the last answer
    _lingering = False  # half-closed by a timer: what still comes is discarded

    def _request_waiting(self) -> bool:
        """A request has reached the socket and the loop has not read it yet: wait, a bounded number of times."""
        if self.transport.is_closing() or self._graces >= MAX_GRACES or not unread_bytes(self.transport):
            return False
        self._graces += 1
        return True

    def _close_gracefully(self) -> None:
        """The end of the connection now (``write_eof``), what still comes read and discarded for
        :data:`LINGER` seconds (or until the client closes), then the close: never a reset."""
        self._lingering = True
        self._disarm()
        self._unset_keepalive_if_required()
        try:
            self.transport.write_eof()
        except (OSError, RuntimeError):
            self.transport.close()
            return
        self.loop.call_later(LINGER, self.transport.close)

    def data_received(self, data: bytes) -> None:
        if not self._lingering:
            super().data_received(data)

    def timeout_keep_alive_handler(self) -> None:
        """uvicorn's keep-alive close, unless a request is waiting to be read (``data_received`` cancels the wait)."""
        if self.transport.is_closing() or self._lingering:
            return
        if self._request_waiting():
            self.timeout_keep_alive_task = self.loop.call_later(GRACE, self.timeout_keep_alive_handler)
            return
        self.conn.send(h11.ConnectionClosed())
        self._close_gracefully()

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
        self._graces = 0
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
        if (
            self.conn.their_state in (h11.IDLE, h11.SEND_BODY)
            and not self.transport.is_closing()
            and not self._lingering
        ):
            if self._request_waiting():
                self._read_deadline = self.loop.call_later(GRACE, self._too_slow)
                return
            self._close_gracefully()


def guarded(read_timeout: float = READ_TIMEOUT, send_timeout: float = SEND_TIMEOUT) -> type[GuardedH11Protocol]:
    """The protocol class with ``read_timeout`` seconds to read each request and ``send_timeout``
    seconds for a client to make room for more of an answer."""
    return type(
        "GuardedH11Protocol",
        (GuardedH11Protocol,),
        {"read_timeout": float(read_timeout), "send_timeout": float(send_timeout)},
    )


def uvicorn_config(
    app,
    host: str = "127.0.0.1",
    port: int = 8765,
    read_timeout: float | None = None,
    send_timeout: float | None = None,
    **options,
):
    """The uvicorn configuration of ``graphmap serve`` (quiet, one process, the guarded protocol; no
    ``X-Forwarded-*`` header trusted: every URL is built from the server's own address)."""
    import uvicorn

    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        lifespan="on",
        http=guarded(read_timeout or READ_TIMEOUT, send_timeout or SEND_TIMEOUT),
        timeout_keep_alive=KEEP_ALIVE,
        h11_max_incomplete_event_size=MAX_HEAD,
        proxy_headers=False,
        **options,
    )


__all__ = ["GuardedH11Protocol", "guarded", "uvicorn_config", "unread_bytes", "READ_TIMEOUT", "SEND_TIMEOUT"]
