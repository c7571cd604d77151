"""Which Prefect home and which Prefect server a ``vanban`` command uses.

Nothing here imports Prefect: Prefect reads its settings once, when it is
first imported, so ``prepare_environment`` runs before that (``cli.main``).

* **One home.**  ``PREFECT_HOME`` (Prefect's database of flow runs, its
  profiles and logs) defaults to ``$XDG_DATA_HOME/vanban/prefect``, that is
  ``~/.local/share/vanban/prefect``, however ``vanban`` is started (the venv's
  script, ``make run``, ``python -m cli.main``).  A ``PREFECT_HOME`` set by
  the user wins.  Analytics are off.
* **A running server when there is one.**  ``vanban ingest`` and ``vanban
  serve`` use ``PREFECT_API_URL`` when it is set; otherwise a Prefect server
  answering at the local address (``PREFECT_SERVER_API_HOST``:
  ``PREFECT_SERVER_API_PORT``, by default 127.0.0.1:4200 — where ``vanban
  server`` and ``vanban serve`` listen) is used.  Only when none answers does
  ``vanban ingest`` start Prefect's temporary server (about 5 s; it is given
  up to 120 s on a busy machine instead of Prefect's 20).
* ``vanban serve`` needs a real server (the temporary one runs no scheduler,
  so nothing would ever fire): without one it starts ``prefect server start``
  itself, as a child process stopped when serving stops.
* ``vanban server``: that Prefect server (API and UI) on vanban's home, in the
  foreground.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200
EPHEMERAL_STARTUP_TIMEOUT = 120  # seconds
# commands that talk to a Prefect server
PREFECT_COMMANDS = ("ingest", "serve")


def default_home(environ: MutableMapping[str, str] = os.environ) -> Path:
    """vanban's Prefect home: ``$XDG_DATA_HOME/vanban/prefect`` (XDG's
    default for that variable is ``~/.local/share``)."""
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "vanban" / "prefect"


def local_api_url(environ: MutableMapping[str, str] = os.environ) -> str:
    """The API address ``prefect server start`` listens on by default."""
    host = environ.get("PREFECT_SERVER_API_HOST") or DEFAULT_HOST
    if host in ("0.0.0.0", "::", ""):
        host = DEFAULT_HOST
    port = environ.get("PREFECT_SERVER_API_PORT") or str(DEFAULT_PORT)
    return f"http://{host}:{port}/api"


def server_answers(api_url: str, timeout: float = 5.0) -> bool:
    """A Prefect server answers its health check at ``api_url``."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return resp.status == 200 and resp.read(16).strip() == b"true"
    except (OSError, ValueError, urllib.error.URLError):
        return False


def prepare_environment(command: str | None, environ: MutableMapping[str, str] = os.environ) -> None:
    """Set the Prefect defaults of a ``vanban`` process (before Prefect is
    imported): one home, no analytics, quiet logs, and for the commands that
    run flows a running local server when one answers."""
    if not environ.get("PREFECT_HOME"):
        home = default_home(environ)
        try:  # Prefect makes its home but not the folders above it
            home.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # Prefect says so itself
        environ["PREFECT_HOME"] = str(home)
    environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    # the temporary server gets 20 s to start by default: a busy machine needs more
    environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", str(EPHEMERAL_STARTUP_TIMEOUT))
    if command in PREFECT_COMMANDS and not environ.get("PREFECT_API_URL"):
        url = local_api_url(environ)
        if server_answers(url, timeout=0.5):
            environ["PREFECT_API_URL"] = url


def _port_free(host: str, port: int) -> bool:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def free_port(host: str = DEFAULT_HOST) -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def _prefect_command() -> list[str]:
    script = Path(sys.executable).with_name("prefect")
    return [str(script)] if script.exists() else [sys.executable, "-m", "prefect"]


@contextlib.contextmanager
def prefect_server(port: int | None = None, host: str = DEFAULT_HOST, *, timeout: float = 180.0,
                   log: Path | None = None) -> Iterator[str]:
    """``prefect server start`` (API, UI and scheduler) as a child process in
    its own process group on ``port`` (default ``PREFECT_SERVER_API_PORT`` or
    4200, or a free port when that is taken); yields its API URL; stops the
    whole group on exit."""
    import subprocess
    import time

    if port is None:
        wanted = int(os.environ.get("PREFECT_SERVER_API_PORT") or DEFAULT_PORT)
        port = wanted if _port_free(host, wanted) else free_port(host)
    url = f"http://{host}:{port}/api"
    log = log or Path(os.environ.get("PREFECT_HOME") or default_home()) / "server.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    with log.open("ab") as out:
        proc = subprocess.Popen(_prefect_command() + ["server", "start", "--host", host, "--port", str(port)],
                                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
                                start_new_session=True, preexec_fn=_die_with_parent)
    try:
        deadline = time.monotonic() + timeout
        while not server_answers(url):
            if proc.poll() is not None:
                raise RuntimeError(f"the Prefect server stopped at start (exit status {proc.returncode}; see {log})")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Prefect server did not answer within {timeout:.0f} s (see {log})")
            time.sleep(0.5)
        yield url
    finally:
        stop_group(proc)


def _die_with_parent() -> None:
    """In the child, before exec: Linux sends it SIGTERM when its parent dies,
    however the parent died (SIGKILL included), so no server is left behind."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - not Linux: the parent's own cleanup still stops it
        pass


def stop_group(proc: subprocess.Popen, grace: float = 15.0) -> None:
    """SIGTERM to ``proc``'s process group (it leads one), SIGKILL after ``grace`` s."""
    import signal
    import subprocess

    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    with contextlib.suppress(ProcessLookupError):  # children left in the group
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


# --------------------------------------------------------------------------
# CLI: vanban server
# --------------------------------------------------------------------------


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, default=None, metavar="N",
                   help=f"port of the API and UI (default {DEFAULT_PORT}, or PREFECT_SERVER_API_PORT)")


def run(args: argparse.Namespace) -> int:
    port = args.port or int(os.environ.get("PREFECT_SERVER_API_PORT") or DEFAULT_PORT)
    url = f"http://{DEFAULT_HOST}:{port}"
    if server_answers(f"{url}/api", timeout=0.5):
        print(f"vanban: a Prefect server already answers at {url}", file=sys.stderr)
        return 0
    print(f"vanban: Prefect server (home {os.environ.get('PREFECT_HOME')}) at {url}; "
          "vanban ingest and vanban serve use it while it runs; Ctrl-C stops it", file=sys.stderr)
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    cmd = _prefect_command() + ["server", "start", "--host", DEFAULT_HOST, "--port", str(port)]
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(cmd[0], cmd, env)  # the server takes this process's place (Ctrl-C stops it)
