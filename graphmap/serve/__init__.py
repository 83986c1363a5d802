"""``graphmap serve``: the support landscape as a local web app, with a read-only SPARQL endpoint.

``create_app(kg, lang="sv", include_personal=False, ...)`` returns the Starlette app
(:mod:`graphmap.serve.app`); ``run(kg, host, port, ...)`` serves it with uvicorn.
"""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach.

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def create_app(*args, **kwargs):
    from graphmap.serve.app import create_app as _create

    return _create(*args, **kwargs)


def run(
    kg,
    host: str = "127.0.0.1",
    port: int = 8765,
    read_timeout: float | None = None,
    send_timeout: float | None = None,
    **options,
) -> None:
    """Serve ``kg`` until interrupted (uvicorn, one process; a client gets ``read_timeout``
    seconds to send each request, by default :data:`graphmap.serve.server.READ_TIMEOUT`)."""
    import uvicorn

    from graphmap.serve.server import uvicorn_config

    app = create_app(kg, **options)
    if host not in ("0.0.0.0", "::", ""):  # a named address: the one every URL is built from
        app.state.origin = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    uvicorn.Server(
        uvicorn_config(app, host=host, port=port, read_timeout=read_timeout, send_timeout=send_timeout)
    ).run()


__all__ = ["create_app", "run", "is_loopback"]
