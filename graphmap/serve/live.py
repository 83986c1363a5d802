"""Run the app in a background thread on a free loopback port (tests, benchmarks, notebooks).

>>> import graphmap
>>> with LiveServer(create_app(graphmap.build())) as server:   # doctest: +SKIP
...     print(server.url)
http://127.0.0.1:54321
"""

from __future__ import annotations

import socket
import threading
import time

from graphmap.serve.server import uvicorn_config


class LiveServer:
    """uvicorn serving ``app`` on 127.0.0.1 (port chosen by the OS) until :meth:`stop`, configured
    as ``graphmap serve`` runs it (:func:`graphmap.serve.server.uvicorn_config`)."""

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0, read_timeout: float | None = None):
        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.host, self.port = self.sock.getsockname()[:2]
        self.url = f"http://{self.host}:{self.port}"
        self.server = uvicorn.Server(uvicorn_config(app, host=self.host, port=self.port, read_timeout=read_timeout))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self, timeout: float = 120.0) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()

    def __enter__(self) -> "LiveServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def create_app(*args, **kwargs):
    from graphmap.serve.app import create_app as _create

    return _create(*args, **kwargs)
