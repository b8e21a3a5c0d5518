"""No network access at run time, ever: every command runs with sockets disabled.

pre-commit.ci and air-gapped CI have no network, and a linter has no business with one.  Each
command runs as ``python -m vplint ...`` in a child process whose ``sitecustomize`` (found
first on ``PYTHONPATH``) replaces ``socket.socket``, ``socket.create_connection``,
``socket.getaddrinfo`` and the other name lookups with functions that log the attempt and
raise.  A command passes when it gives its normal output and exit code and the log is empty;
the worker-pool path of ``vplint check`` (64 files and more) is run too, since its child
processes inherit the guard.  A control test shows that the guard is loaded and works.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

EN = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
ZH = (ROOT / "canvases" / "huaxin-cio.zh.md").read_text(encoding="utf-8")

SITECUSTOMIZE = '''
"""Installed by tests/integration/test_hardening_network.py: any use of the network is logged and fails."""
import os
import socket

_LOG = os.environ["VPLINT_TEST_NETWORK_LOG"]


def _refuse(what):
    with open(_LOG, "a", encoding="utf-8") as fh:
        fh.write(what + "\\n")
    raise OSError(101, "network access is disabled in this test: " + what)


class _NoSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            _refuse(f"socket.socket(family={family}, type={type})")
        super().__init__(family, type, proto, fileno)


def _no(name):
    def refuse(*args, **kwargs):
        _refuse(f"socket.{name}{args!r}")

    return refuse


socket.socket = _NoSocket
socket.SocketType = _NoSocket
for _name in (
    "create_connection",
    "create_server",
    "getaddrinfo",
    "gethostbyname",
    "gethostbyname_ex",
    "gethostbyaddr",
    "getnameinfo",
    "getfqdn",
    "socketpair",
    "fromfd",
):
    setattr(socket, _name, _no(_name))
os.environ["VPLINT_TEST_NETWORK_GUARD"] = "on"
'''


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding the guard (``sitecustomize.py``); the log goes next to it."""
    folder = tmp_path_factory.mktemp("offline")
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return folder


def run_offline(
    offline: Path, cwd: Path, *args: str, module: str = "vplint"
) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    log = cwd / ".network.log"
    log.unlink(missing_ok=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(offline), str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(VPLINT_TEST_NETWORK_LOG=str(log), VPLINT_TODAY="2026-11-27", VPLINT_LANG="en")
    for proxy in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY"):
        env.pop(proxy, None)
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,  # a hang guard only
        check=False,
    )
    attempts = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return proc, attempts


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("work")
    (folder / "canvases").mkdir()
    (folder / "canvases" / "acme-cfo.en.md").write_text(EN, encoding="utf-8")
    (folder / "canvases" / "huaxin-cio.zh.md").write_text(ZH, encoding="utf-8")
    (folder / "fixable.md").write_text(EN.replace("- Type: problem-solving", "- Type: Problem Solving"), "utf-8")
    many = folder / "many"
    many.mkdir()
    for i in range(70):  # enough for the worker pool
        text = EN.replace("id: acme-cfo", f"id: acme-cfo-{i}").replace("Chief Financial Officer", f"CFO {i}")
        (many / f"c{i:02d}.md").write_text(text, encoding="utf-8")
    return folder


def test_the_guard_is_loaded_and_refuses_the_network(offline: Path, tmp_path: Path) -> None:
    code = (
        "import os, socket, urllib.request\n"
        "assert os.environ['VPLINT_TEST_NETWORK_GUARD'] == 'on'\n"
        "for attempt in (lambda: socket.create_connection(('127.0.0.1', 9), timeout=1),\n"
        "                lambda: socket.getaddrinfo('example.com', 443),\n"
        "                lambda: socket.socket(socket.AF_INET6),\n"
        "                lambda: urllib.request.urlopen('http://127.0.0.1:9/', timeout=1)):\n"
        "    try:\n"
        "        attempt()\n"
        "    except OSError:\n"
        "        continue\n"
        "    raise SystemExit('the network was reachable')\n"
    )
    (tmp_path / "netprobe.py").write_text(code, encoding="utf-8")
    proc, attempts = run_offline(offline, tmp_path, module="netprobe")
    assert proc.returncode == 0, proc.stderr
    assert len(attempts) >= 4, attempts


COMMANDS: list[tuple[str, tuple[str, ...], int, str]] = [
    ("check", ("check", "canvases"), 0, "All clean: 2 files checked"),
    ("check-sarif", ("check", "--no-cache", "--output-format", "sarif", "canvases"), 0, '"version": "2.1.0"'),
    ("check-worker-pool", ("check", "--no-cache", "--jobs", "2", "many"), 0, "All clean: 70 files checked"),
    ("check-diff", ("check", "--no-cache", "--diff", "fixable.md"), 1, "+- Type: problem-solving"),
    ("check-fix", ("check", "--no-cache", "--fix", "fixable.md"), 0, "Fixed 4 findings in 1 file"),
    ("rules", ("rules",), 0, "C001"),
    ("rules-json", ("rules", "--json"), 0, '"code": "C001"'),
    ("explain", ("explain", "C001"), 0, "C001"),
    ("export", ("export", "canvases/acme-cfo.en.md"), 0, '"id": "acme-cfo"'),
    ("schema", ("schema",), 0, '"$schema"'),
    ("schema-front-matter", ("schema", "--front-matter"), 0, '"$schema"'),
    ("schema-config", ("schema", "--config"), 0, '"$schema"'),
    ("brief", ("brief", "canvases", "-o", "briefs"), 0, "Wrote 4 briefs to briefs"),
    ("brief-check", ("brief", "canvases", "-o", "briefs", "--check"), 0, "are up to date"),
    ("brief-by-account", ("brief", "canvases", "-o", "accounts", "--by-account"), 0, "Wrote 4 briefs"),
    ("init", ("init", "team"), 0, "created      team/vplint.toml"),
    (
        "new",
        ("new", "team/canvases/n.en.md", "--account", "ACME", "--title", "CFO", "--function", "finance"),
        0,
        "created team/canvases/n.en.md",
    ),
    ("check-new", ("check", "team/canvases"), 1, "H002"),
    ("version", ("--version",), 0, "vplint "),
]
"""(name, arguments, exit code, a piece of the normal output) — in order: later ones use what earlier ones wrote."""


def test_every_command_works_without_network(offline: Path, workdir: Path) -> None:
    for name, args, exit_code, expected in COMMANDS:
        proc, attempts = run_offline(offline, workdir, *args)
        assert attempts == [], f"vplint {' '.join(args)} tried to use the network: {attempts}"
        assert "Traceback" not in proc.stderr, proc.stderr
        assert proc.returncode == exit_code, (name, proc.stdout, proc.stderr)
        assert expected in proc.stdout + proc.stderr, (name, proc.stdout[-2000:], proc.stderr[-2000:])
    sarif = run_offline(offline, workdir, "check", "--no-cache", "--output-format", "sarif", "canvases")[0]
    assert json.loads(sarif.stdout)["runs"]
