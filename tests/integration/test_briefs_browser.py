"""The HTML brief in a real browser: Debian's chromium, headless, driven over the DevTools protocol.

The protocol runs over ``--remote-debugging-pipe`` (file descriptors 3 and 4, one JSON message
per NUL-terminated chunk), so the test needs nothing beyond the standard library and opens no
port.  It checks that a brief renders without console errors and without any network request,
that canvas text such as ``<script>`` and ``{{ 7*7 }}`` shows as text, that the samples
print on at most two A4 pages, and, from the computed styles of the rendered page, that Chinese briefs
are set in a Chinese font and never in (fake) italics and that no printed text is below 8 pt.

Without chromium the tests are skipped, except under CI (``CI=true``), where ``.ci/run``
installs it and a missing browser is a failure.  Set ``VPLINT_SCREENSHOTS=DIR`` to keep a
screenshot and the printed PDF of each page for a look.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from vplint.cli.main import main

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.path.exists("/usr/bin/chromium"):
        return "/usr/bin/chromium"
    if os.environ.get("CI") == "true":
        pytest.fail("chromium is missing: .ci/run installs Debian's chromium before the tests")
    pytest.skip("chromium is not installed (apt-get install chromium); CI installs it and runs these tests")


class Browser:
    """A headless chromium and a DevTools-protocol session over its debugging pipe."""

    def __init__(self, exe: str, profile: str) -> None:
        to_child_r, self._out = os.pipe()
        self._in, from_child_w = os.pipe()

        def wire_fds() -> None:  # in the child: the pipe ends become fds 3 (commands) and 4 (replies)
            commands = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
            replies = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        self.proc = subprocess.Popen(
            [exe, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire_fds,
            close_fds=False,  # keep fds 3 and 4; Python's own descriptors are not inheritable anyway (PEP 446)
        )
        os.close(to_child_r)
        os.close(from_child_w)
        self._buffer = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._in], [], [], left)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._in, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the debugging pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        parsed: dict[str, Any] = json.loads(message)
        return parsed

    def call(self, method: str, session: str | None = None, timeout: float = 30, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._read(deadline))

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close", timeout=10)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)
        os.close(self._in)
        os.close(self._out)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    exe = _chromium()
    with tempfile.TemporaryDirectory(prefix="vplint-chromium-") as profile:
        b = Browser(exe, profile)
        try:
            b.call("Target.getTargets", timeout=60)  # the browser is up
            yield b
        finally:
            b.close()


def _open(browser: Browser, page: Path) -> tuple[str, str, str]:
    """Load ``page`` in a fresh tab: (its target, its session, its URL)."""
    target = browser.call("Target.createTarget", url="about:blank")["targetId"]
    session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.call(f"{domain}.enable", session)
    browser.events.clear()
    url = page.resolve().as_uri()
    browser.call("Page.navigate", session, url=url)
    browser.wait_for("Page.loadEventFired")
    return target, session, url


def visit(browser: Browser, page: Path, keep: str | None = None) -> dict[str, Any]:
    """Open ``page`` in a fresh tab; what it showed, what it logged, what it requested, its PDF page count."""
    target, session, url = _open(browser, page)
    state = browser.call(
        "Runtime.evaluate",
        session,
        expression="JSON.stringify({text: document.body.innerText, scripts: document.scripts.length, "
        "svgs: document.querySelectorAll('svg').length, title: document.title})",
        returnByValue=True,
    )
    shown = json.loads(state["result"]["value"])
    pdf = base64.b64decode(browser.call("Page.printToPDF", session, preferCSSPageSize=True, timeout=60)["data"])
    if keep and os.environ.get("VPLINT_SCREENSHOTS"):
        folder = Path(os.environ["VPLINT_SCREENSHOTS"])
        folder.mkdir(parents=True, exist_ok=True)
        browser.call(
            "Emulation.setDeviceMetricsOverride", session, width=1000, height=1400, deviceScaleFactor=1, mobile=False
        )
        shot = browser.call("Page.captureScreenshot", session, captureBeyondViewport=True, format="png")
        (folder / f"{keep}.png").write_bytes(base64.b64decode(shot["data"]))
        (folder / f"{keep}.pdf").write_bytes(pdf)
    events = [e for e in browser.events if e.get("sessionId") == session]
    browser.call("Target.closeTarget", targetId=target)
    requests = [
        e["params"]["request"]["url"]
        for e in events
        if e.get("method") == "Network.requestWillBeSent" and e["params"]["request"]["url"] != url
    ]
    problems = [
        e["params"]
        for e in events
        if (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] in ("error", "warning", "assert"))
        or e.get("method") == "Runtime.exceptionThrown"
        or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] in ("error", "warning"))
    ]
    dialogs = [e for e in events if e.get("method") == "Page.javascriptDialogOpening"]
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    return {"shown": shown, "requests": requests, "problems": problems, "dialogs": dialogs, "pages": pages}


STYLES = r"""(() => {
  const cjk = /[\u2e80-\u2fdf\u3000-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;
  const name = (el) => el.tagName.toLowerCase() + [...el.classList].map((c) => "." + c).join("");
  const texts = [];
  for (const el of document.querySelectorAll("body *")) {
    if (["STYLE", "SCRIPT", "TEMPLATE"].includes(el.tagName) || el.getClientRects().length === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility !== "visible" || style.opacity === "0") continue;
    const own = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data).join("").trim();
    const size = parseFloat(style.fontSize);
    if (own) texts.push({el: name(el), text: own.slice(0, 40), size, style: style.fontStyle});
    for (const part of ["::before", "::after"]) {
      const ps = getComputedStyle(el, part);
      const content = ps.content.replace(/^(none|normal|"")$/, "");
      if (content) texts.push({el: name(el) + part, text: content, size: parseFloat(ps.fontSize), style: ps.fontStyle});
    }
  }
  const family = (el) => getComputedStyle(el).fontFamily;
  const svg = document.querySelector("svg text");
  return JSON.stringify({
    lang: document.documentElement.lang,
    body: family(document.body),
    svg: svg ? family(svg) : null,
    texts: texts.map((t) => ({...t, cjk: cjk.test(t.text)})),
  });
})()"""
"""Every visible element with text of its own (or a ``::before``/``::after`` with content): its text, computed
font size (px) and style, and whether the text is Chinese; the computed font families of body and the map."""

CJK_FONTS = {"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"}
MIN_PRINT_PX = 10.66
"""8 pt is 10.67 CSS px (96 px to the inch, 72 pt); a hair less, for rounding."""


def computed_styles(browser: Browser, page: Path, media: str = "screen") -> dict[str, Any]:
    """The computed styles of ``page`` (see :data:`STYLES`), for ``media`` (``screen`` or ``print``)."""
    target, session, _ = _open(browser, page)
    try:
        browser.call("Emulation.setEmulatedMedia", session, media=media)
        state = browser.call("Runtime.evaluate", session, expression=STYLES, returnByValue=True)
        styles: dict[str, Any] = json.loads(state["result"]["value"])
        return styles
    finally:
        browser.call("Target.closeTarget", targetId=target)


def _first_family(families: str) -> str:
    return families.split(",")[0].strip().strip("\"'")


@pytest.fixture(scope="module")
def sample_briefs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("briefs")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        assert main(["brief", "canvases", "-o", str(out), "--format", "html"]) == 0
    finally:
        os.chdir(cwd)
    return out


@pytest.mark.parametrize(
    ("name", "heading"),
    [("acme-cfo", "What they worry about, and what to ask"), ("huaxin-cio", "他们担心什么，要问什么")],
)
def test_sample_briefs_render_cleanly_offline_on_two_pages(
    browser: Browser, sample_briefs: Path, name: str, heading: str
) -> None:
    seen = visit(browser, sample_briefs / f"{name}.html", keep=name)
    assert seen["problems"] == []
    assert seen["requests"] == []
    assert seen["shown"]["scripts"] == 0
    assert seen["shown"]["svgs"] == 1
    assert heading in seen["shown"]["text"]
    assert 1 <= seen["pages"] <= 2


def test_canvas_text_shows_as_text(browser: Browser, tmp_path: Path, en_text: str) -> None:
    hostile = "<script>alert(1)</script> {{ 7*7 }} <img src=x onerror=alert(2)>"
    canvas = tmp_path / "hostile.en.md"
    canvas.write_text(
        en_text.replace("P1 Quote-to-cash slowed since the 2024 reorganisation", f"P1 {hostile}").replace(
            "- Sponsor: COO", f"- Sponsor: {hostile}"
        ),
        encoding="utf-8",
    )
    assert main(["brief", str(canvas), "-o", str(tmp_path / "out"), "--isolated", "--format", "html"]) == 0
    seen = visit(browser, tmp_path / "out" / "acme-cfo.html", keep="hostile")
    assert hostile in seen["shown"]["text"]
    assert "49" not in seen["shown"]["text"].replace("2024", "")
    assert seen["dialogs"] == []
    assert seen["problems"] == []
    assert seen["requests"] == []
    assert seen["shown"]["scripts"] == 0


def test_the_harness_does_see_requests_and_errors(browser: Browser, tmp_path: Path) -> None:
    """A control: a page that logs an error and fetches something is caught (on loopback only)."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!DOCTYPE html><title>c</title><img src='http://127.0.0.1:9/x.png'><script>console.error('boom')</script>",
        encoding="utf-8",
    )
    seen = visit(browser, page)
    assert "http://127.0.0.1:9/x.png" in seen["requests"]
    assert any("boom" in json.dumps(p) for p in seen["problems"])


@pytest.mark.parametrize("media", ["screen", "print"])
def test_chinese_brief_is_set_in_a_chinese_font_without_italics(
    browser: Browser, sample_briefs: Path, media: str
) -> None:
    """Latin fonts first give Chinese quotation marks narrow Latin glyphs; italics are a fake slant on CJK."""
    styles = computed_styles(browser, sample_briefs / "huaxin-cio.html", media)
    assert styles["lang"].split("-")[0] == "zh"
    assert _first_family(styles["body"]) in CJK_FONTS, styles["body"]
    assert _first_family(styles["svg"]) in CJK_FONTS, styles["svg"]  # the mind map's labels too
    chinese = [t for t in styles["texts"] if t["cjk"]]
    assert len(chinese) > 50  # the probe does see the brief's text
    assert [t for t in chinese if t["style"] != "normal"] == []
    assert any(t["el"].startswith("span.none") for t in chinese)  # what the English brief sets in italics


def test_english_brief_keeps_its_latin_fonts_and_italics(browser: Browser, sample_briefs: Path) -> None:
    """A control: the Chinese rules are scoped to Chinese text."""
    styles = computed_styles(browser, sample_briefs / "acme-cfo.html")
    assert styles["lang"] == "en"
    assert _first_family(styles["body"]) == "system-ui"
    assert _first_family(styles["svg"]) == "system-ui"
    assert not any(t["cjk"] for t in styles["texts"])
    assert any(t["style"] == "italic" for t in styles["texts"])


@pytest.mark.parametrize("name", ["acme-cfo", "huaxin-cio"])
def test_no_printed_text_is_below_8pt(browser: Browser, sample_briefs: Path, name: str) -> None:
    styles = computed_styles(browser, sample_briefs / f"{name}.html", "print")
    assert len(styles["texts"]) > 50
    assert [t for t in styles["texts"] if t["size"] < MIN_PRINT_PX] == []
    assert min(t["size"] for t in styles["texts"]) < 12  # sizes are px: the probe measures what it should
