"""``graphmap serve`` as a user starts it: a real process on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

BIN = Path(sys.executable).with_name("graphmap")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc, timeout: float = 120) -> httpx.Response:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read()
        try:
            return httpx.get(url, timeout=5)
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("graphmap serve did not answer")


def test_serve_command_listens_and_warns_off_loopback():
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [str(BIN), "serve", "--host", "0.0.0.0", "--port", str(port), "--lang", "en", "--sparql-workers", "1"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    try:
        page = wait_up(f"http://127.0.0.1:{port}/", proc)
        assert page.status_code == 200 and "What the data holds" in page.text  # --lang en is the default
        ask = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert ask.json()["boolean"] is True
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=30)
    assert "WARNING: the server listens on 0.0.0.0" in err
    assert f"http://127.0.0.1:{port}/" in err


def test_serve_rejects_bad_data_with_a_clear_message(tmp_path):
    proc = subprocess.run([str(BIN), "serve", str(tmp_path / "missing")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stderr.strip()
