"""How long ``vplint lsp`` takes from an edit to its diagnostics: the latency a rep feels while typing.

Starts the server as an editor does (``python -m vplint lsp``, JSON-RPC over stdio), opens a canvas,
then sends edits one at a time, each after the diagnostics of the one before arrived (a rep pausing
between words), and times each ``textDocument/didChange`` to the ``textDocument/publishDiagnostics``
that answers it.  Each edit changes one character in the body (a letter of a problem's title, then
back), so every change gives a fresh check of the whole canvas.

    python benchmarks/lsp.py                      # the two samples and a 2,000-line canvas, 60 edits each
    python benchmarks/lsp.py --edits 200 --json lsp.json

Targets (issue #15): median ≤ 30 ms on the sample canvases, ≤ 150 ms on a 2,000-line canvas.
The results are written into docs/performance.md by hand, with the machine they ran on.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGETS_MS = {"sample": 30.0, "2,000 lines": 150.0}


class Client:
    """A minimal LSP client over a child's stdio: enough to open, edit and wait for diagnostics."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd)
        self.next_id = 0

    def send(self, method: str, params: Any, request: bool = False) -> int | None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params}
        ident = None
        if request:
            self.next_id += 1
            ident = message["id"] = self.next_id
        body = json.dumps(message).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return ident

    def receive(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        length = 0
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("the server closed its output")
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode().partition(":")
            if name.lower() == "content-length":
                length = int(value)
        return dict(json.loads(self.proc.stdout.read(length)))

    def wait(self, pred: Any) -> dict[str, Any]:
        while True:
            message = self.receive()
            if message.get("method") in ("window/workDoneProgress/create", "client/registerCapability"):
                self.send_response(message["id"])
                continue
            if pred(message):
                return message

    def send_response(self, ident: Any) -> None:
        body = json.dumps({"jsonrpc": "2.0", "id": ident, "result": None}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def close(self) -> None:
        ident = self.send("shutdown", None, request=True)
        self.wait(lambda m: m.get("id") == ident)
        self.send("exit", None)
        self.proc.wait(timeout=10)


@dataclass
class Row:
    case: str
    lines: int
    edits: int
    median_ms: float
    p90_ms: float
    min_ms: float
    max_ms: float
    open_ms: float
    target_ms: float

    @property
    def met(self) -> bool:
        return self.median_ms <= self.target_ms


def _diagnostics_for(uri: str, version: int | None = None) -> Any:
    def pred(m: dict[str, Any]) -> bool:
        if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
            return False
        return version is None or m["params"].get("version") in (version, None)

    return pred


def measure(path: Path, case: str, edits: int, python: str) -> Row:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    target = next(i for i, line in enumerate(lines) if line.startswith(("### P1", "### P")))
    column = len(lines[target])  # the end of the first problem's title
    client = Client([python, "-m", "vplint", "lsp"], path.parent)
    try:
        ident = client.send(
            "initialize",
            {"processId": os.getpid(), "rootUri": path.parent.as_uri(), "capabilities": {}},
            request=True,
        )
        answer = client.wait(lambda m: m.get("id") == ident)
        sync = answer["result"]["capabilities"].get("textDocumentSync", 1)
        incremental = (sync.get("change") if isinstance(sync, dict) else sync) == 2  # else the whole text
        client.send("initialized", {})
        uri = path.resolve().as_uri()
        start = time.perf_counter()
        client.send(
            "textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}
        )
        client.wait(_diagnostics_for(uri))
        open_ms = (time.perf_counter() - start) * 1000
        times = []
        for version in range(2, edits + 2):
            added = version % 2 == 0  # type a letter, then delete it
            change: dict[str, Any] = {
                "range": {
                    "start": {"line": target, "character": column},
                    "end": {"line": target, "character": column + (0 if added else 1)},
                },
                "text": "x" if added else "",
            }
            if not incremental:
                edited = [*lines[:target], lines[target] + ("x" if added else ""), *lines[target + 1 :]]
                change = {"text": "\n".join(edited) + "\n"}
            start = time.perf_counter()
            client.send(
                "textDocument/didChange",
                {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
            )
            client.wait(_diagnostics_for(uri, version))
            times.append((time.perf_counter() - start) * 1000)
    finally:
        client.close()
    times.sort()
    return Row(
        case=f"{case}: {path.name}",
        lines=len(lines),
        edits=edits,
        median_ms=round(statistics.median(times), 1),
        p90_ms=round(times[int(len(times) * 0.9) - 1], 1),
        min_ms=round(times[0], 1),
        max_ms=round(times[-1], 1),
        open_ms=round(open_ms, 1),
        target_ms=TARGETS_MS[case],
    )


def long_canvas(folder: Path, lines: int = 2000) -> Path:
    """The English sample grown to about ``lines`` lines: more problems, needs and motivators, renumbered."""
    sys.path.insert(0, str(ROOT))
    from tests.integration.brief_set import _build

    sample = (ROOT / "canvases" / "acme-cfo.en.md").read_text(encoding="utf-8")
    count = 1
    while True:
        text = _build(sample, "en", count, count, count, True, 1)
        if len(text.splitlines()) >= lines:
            break
        count += max(1, count // 4)
    path = folder / "long.en.md"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=60, help="timed edits per canvas (default 60)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    parser.add_argument("--python", default=sys.executable, help="the Python that runs vplint")
    options = parser.parse_args(argv)
    scratch = ROOT / "benchmarks" / "corpus" / "lsp"
    cases = [
        (ROOT / "canvases" / "acme-cfo.en.md", "sample"),
        (ROOT / "canvases" / "huaxin-cio.zh.md", "sample"),
        (long_canvas(scratch), "2,000 lines"),
    ]
    rows = []
    for path, case in cases:
        print(f"lsp: {case}: {path.name}, {options.edits} edits", file=sys.stderr)
        rows.append(measure(path, case, options.edits, options.python))
    print(f"Machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    print("| canvas | lines | edits | median | p90 | min – max | didOpen | target (median) |")
    print("|---|--:|--:|--:|--:|--:|--:|---|")
    for r in rows:
        verdict = "met" if r.met else "missed"
        print(
            f"| {r.case} | {r.lines:,} | {r.edits} | {r.median_ms} ms | {r.p90_ms} ms | {r.min_ms} – {r.max_ms} ms "
            f"| {r.open_ms} ms | ≤ {r.target_ms:g} ms: {verdict} |"
        )
    if options.json:
        options.json.write_text(json.dumps([asdict(r) for r in rows], indent=2), encoding="utf-8")
    return 0 if all(r.met for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
