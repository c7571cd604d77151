"""One Prefect home however vanban is started, and a running Prefect server
used when there is one (flows/server.py)."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from flows.server import default_home, local_api_url, prepare_environment, server_answers

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
BIN = Path(sys.executable).parent


class _Health(http.server.BaseHTTPRequestHandler):
    answer = b"true"

    def do_GET(self):  # noqa: N802
        body = self.answer if self.path == "/api/health" else b"{}"
        self.send_response(200 if self.path == "/api/health" else 404)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def health_server():
    """A local HTTP server answering ``/api/health`` as Prefect's does."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def test_default_home_is_per_user_and_follows_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_home({}) == tmp_path / ".local" / "share" / "vanban" / "prefect"
    assert default_home({"XDG_DATA_HOME": "/srv/data"}) == Path("/srv/data/vanban/prefect")
    env: dict[str, str] = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    prepare_environment("extract", env)
    assert env["PREFECT_HOME"] == str(tmp_path / "xdg" / "vanban" / "prefect")
    assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
    env = {"PREFECT_HOME": "/mine", "PREFECT_SERVER_ANALYTICS_ENABLED": "true"}
    prepare_environment("extract", env)  # what the user set wins
    assert env["PREFECT_HOME"] == "/mine" and env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "true"


def test_a_running_local_server_is_used_by_ingest_and_serve(health_server, tmp_path):
    base = {"PREFECT_HOME": str(tmp_path), "PREFECT_SERVER_API_PORT": str(health_server)}
    url = f"http://127.0.0.1:{health_server}/api"
    assert local_api_url(base) == url and server_answers(url)
    for command in ("ingest", "serve"):
        env = dict(base)
        prepare_environment(command, env)
        assert env["PREFECT_API_URL"] == url
    env = dict(base)
    prepare_environment("extract", env)  # extract never talks to Prefect
    assert "PREFECT_API_URL" not in env
    env = dict(base, PREFECT_API_URL="http://elsewhere:4200/api")
    prepare_environment("ingest", env)  # a URL the user gave wins
    assert env["PREFECT_API_URL"] == "http://elsewhere:4200/api"


def test_no_server_answering_leaves_the_temporary_server(health_server, tmp_path):
    from flows.server import free_port

    env = {"PREFECT_HOME": str(tmp_path), "PREFECT_SERVER_API_PORT": str(free_port())}
    prepare_environment("ingest", env)
    assert "PREFECT_API_URL" not in env
    _Health.answer = b"false"  # something answers, but not a healthy Prefect server
    try:
        env = {"PREFECT_HOME": str(tmp_path), "PREFECT_SERVER_API_PORT": str(health_server)}
        prepare_environment("ingest", env)
        assert "PREFECT_API_URL" not in env
    finally:
        _Health.answer = b"true"


def test_vanban_keeps_its_flow_runs_in_its_own_home(tmp_path):
    """`vanban ingest` started with nothing set (no PREFECT_HOME, no server):
    Prefect's database is made in vanban's home, not in ~/.prefect; the same
    with `python -m cli.main` (how `make run` and scripts may start it).
    Its stderr is a pipe here: no progress is printed on it."""
    from flows.server import free_port

    home = tmp_path / "user"
    (tmp_path / "in").mkdir()
    shutil.copy(sorted(RAW.glob("*.txt"))[0], tmp_path / "in")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "XDG_"))}
    env.update(HOME=str(home), PREFECT_SERVER_API_PORT=str(free_port()))  # no server there
    r = subprocess.run([str(BIN / "vanban"), "ingest", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                        "--db", f"sqlite:///{tmp_path / 'i.db'}"], env=env, capture_output=True, text=True,
                       timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "\x1b" not in r.stderr and "✓" not in r.stderr and "Đang" not in r.stderr  # no progress: not a terminal
    assert "1 tệp: 1 đã đọc" in r.stdout
    vanban_home = home / ".local" / "share" / "vanban" / "prefect"
    assert (vanban_home / "prefect.db").is_file()
    assert not (home / ".prefect").exists()
    probe = ("import os, sys; from cli.main import main; sys.argv = ['vanban', 'ingest', '--help']\n"
             "try: main()\nexcept SystemExit: pass\nprint(os.environ['PREFECT_HOME'])")
    r = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, cwd=ROOT)
    assert r.stdout.strip().splitlines()[-1] == str(vanban_home)
