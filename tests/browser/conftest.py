"""Real-browser harness: a real Streamlit server, Debian's Chromium, and a log of every request."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

if os.environ.get("CI", "").lower() == "true":
    # The modules below skip without Playwright (pytest.importorskip); in CI that must be an
    # error instead: loading this file fails there, and with it the run.
    import playwright.sync_api  # noqa: F401

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Frame, Locator, Page, Request, Response

REPO_ROOT = Path(__file__).resolve().parents[2]
APPS_DIR = Path(__file__).resolve().parent / "apps"
ARTIFACTS_DIR = REPO_ROOT / "artifacts"
DOCS_DIR = REPO_ROOT / "docs"
UPDATE_SCREENSHOTS = "UPDATE_SCREENSHOTS"  # =1: retake the README's screenshots in docs/
DEFAULT_APP = REPO_ROOT / "dashboard" / "app.py"
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
NETWORK_SCHEMES = {"http", "https", "ws", "wss"}
FOLIUM_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
SERVER_START_TIMEOUT = 60.0
DRAWN_IN_VIEW = """() => Array.from(document.querySelectorAll(
    'path.leaflet-interactive, .leaflet-marker-icon')).some(e => {
  const box = e.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight;
})"""


def require(condition: bool, reason: str) -> None:
    """Skip the test when condition is false, or fail it when the CI variable is "true"."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: browser tests must run in CI)", pytrace=False)
    pytest.skip(reason)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test under tests/browser with the "browser" marker."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


# ---------------------------------------------------------------- the Streamlit server


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class StreamlitServer:
    """A running `streamlit run` process and the URL of its page."""

    app: Path
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log_tail(self, lines: int = 40) -> str:
        """Return the end of the server's output."""
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        """Stop the server and everything it started (its process group)."""
        if self.process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue


def _wait_healthy(server: StreamlitServer, timeout: float) -> None:
    """Wait until /_stcore/health answers "ok", or fail with the server's log."""
    health = f"{server.url}_stcore/health"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(
                f"Streamlit exited with code {server.process.returncode} before it was healthy:"
                f"\n{server.log_tail()}",
                pytrace=False,
            )
        try:
            with urllib.request.urlopen(health, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    server.stop()
    pytest.fail(f"Streamlit not healthy at {health} after {timeout:.0f}s:\n{server.log_tail()}")


def start_streamlit(app: Path, *extra_args: str, base_url_path: str = "",
                    port: int | None = None,
                    env: dict[str, str] | None = None) -> StreamlitServer:
    """Start `streamlit run app` from the repo root on a free port (or port) and wait until it
    is healthy."""
    app = Path(app) if Path(app).is_absolute() else REPO_ROOT / app
    if not app.is_file():
        pytest.fail(f"No Streamlit app at {app}", pytrace=False)
    port = port or free_port()
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    prefix = "/" + base_url_path.strip("/") if base_url_path.strip("/") else ""
    log_path = ARTIFACTS_DIR / f"streamlit-{app.stem}{prefix.replace('/', '-')}-{port}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.baseUrlPath", prefix,
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        *extra_args,
    ]  # fmt: skip
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
        **(env or {}),
    }
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    server = StreamlitServer(app, f"http://127.0.0.1:{port}{prefix}/", process, log_path)
    _wait_healthy(server, SERVER_START_TIMEOUT)
    return server


@pytest.fixture(scope="session")
def streamlit_server_factory() -> Iterator[Callable[..., StreamlitServer]]:
    """Start Streamlit servers on demand (one per app and options), all stopped at session end."""
    servers: dict[tuple[Any, ...], StreamlitServer] = {}

    def factory(
        app: Path | str = DEFAULT_APP, *extra_args: str, base_url_path: str = "",
        env: dict[str, str] | None = None,
    ) -> StreamlitServer:
        key = (str(app), extra_args, base_url_path, tuple(sorted((env or {}).items())))
        if key not in servers or servers[key].process.poll() is not None:
            servers[key] = start_streamlit(Path(app), *extra_args, base_url_path=base_url_path,
                                           env=env)
        return servers[key]

    try:
        yield factory
    finally:
        for server in servers.values():
            server.stop()


@pytest.fixture(scope="session")
def streamlit_app() -> Path:
    """The app the `streamlit_server` fixture runs; override it in a test module to run another."""
    return DEFAULT_APP


@pytest.fixture(scope="session")
def streamlit_server(
    streamlit_server_factory: Callable[..., StreamlitServer], streamlit_app: Path
) -> StreamlitServer:
    """The real Streamlit server running `streamlit_app`."""
    return streamlit_server_factory(streamlit_app)


@pytest.fixture(scope="session")
def base_url(streamlit_server: StreamlitServer) -> str:
    """Base URL (ending in "/") of the page the `streamlit_server` fixture serves."""
    return streamlit_server.url


# ---------------------------------------------------------------- Chromium


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright (skipped, or failed under CI=true, if missing)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "Playwright for Python is missing: pip install -r requirements-dev.txt")
    found = Path(CHROMIUM_PATH).is_file()
    require(
        found, f"Chromium not found at {CHROMIUM_PATH}: apt install chromium, or set CHROMIUM_PATH"
    )
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS, headless=True
            )
        except Exception as error:
            require(False, f"Chromium at {CHROMIUM_PATH} did not start: {error}")
        yield browser
        browser.close()


def is_local(url: str) -> bool:
    """Tell whether a URL stays on this machine (or is not a network URL at all)."""
    parts = urlsplit(url)
    return parts.scheme not in NETWORK_SCHEMES or parts.hostname in LOCAL_HOSTS


@dataclass
class PageLog:
    """What went wrong, or left localhost, while a page was open."""

    failed_requests: list[str] = field(default_factory=list)
    error_responses: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def problems(self) -> dict[str, list[str]]:
        """Return every non-empty list of problems, by name."""
        return {name: items for name, items in vars(self).items() if items}

    def assert_clean(self) -> None:
        """Fail with every recorded problem if there is any."""
        problems = self.problems()
        assert not problems, "Browser problems:\n" + "\n".join(
            f"  {name}: {item}" for name, items in problems.items() for item in items
        )


def record(page: Page, log: PageLog) -> None:
    """Record failed requests, HTTP errors, external requests and console errors of the page."""

    def on_response(response: Response) -> None:
        if response.status >= 400:
            log.error_responses.append(
                f"{response.status} {response.request.method} {response.url}"
            )

    def on_request(request: Request) -> None:
        if not is_local(request.url):
            log.external_requests.append(f"{request.method} {request.url}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            log.console_errors.append(f"{message.text} @ {message.location.get('url')}")

    page.on(
        "requestfailed", lambda r: log.failed_requests.append(f"{r.method} {r.url} {r.failure}")
    )
    page.on("response", on_response)
    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda error: log.console_errors.append(f"uncaught: {error}"))


@pytest.fixture
def page_log() -> PageLog:
    """The problems recorded while the `page` fixture was open."""
    return PageLog()


@pytest.fixture
def page(chromium: Browser, page_log: PageLog) -> Iterator[Page]:
    """A fresh page whose problems go to `page_log`; requests that leave localhost are aborted."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.route(lambda url: not is_local(url), lambda route: route.abort("blockedbyclient"))
    new_page = context.new_page()
    record(new_page, page_log)
    yield new_page
    context.close()


# ---------------------------------------------------------------- helpers


def wait_for_map(page: Page, index: int = 0, timeout: float = 30_000) -> Frame:
    """Wait until the index-th st_folium map has drawn, and return its iframe's Frame."""
    iframe = page.locator(FOLIUM_IFRAME).nth(index)
    deadline = time.monotonic() + timeout / 1000
    while True:  # a map being replaced: its iframe may be in the page before its frame is
        iframe.wait_for(state="attached", timeout=timeout)
        frame = iframe.element_handle(timeout=timeout).content_frame()
        if frame is not None or time.monotonic() > deadline:
            break
        page.wait_for_timeout(100)
    assert frame is not None, "the st_folium iframe has no content frame"
    frame.wait_for_selector(".leaflet-container", state="visible", timeout=timeout)
    # Some shape or pin drawn in view (zoomed in, the first ones may lie outside it).
    frame.wait_for_function(DRAWN_IN_VIEW, timeout=timeout)
    return frame


def open_popover(page: Page, label: str) -> Locator:
    """Open the sidebar popover with this label, as a user would; return its open body."""
    page.get_by_test_id("stSidebar").get_by_role("button", name=label).click()
    body = page.get_by_test_id("stPopoverBody").last
    body.wait_for(state="visible", timeout=10_000)
    return body


def save_screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as artifacts/<name>.png and return its path."""
    ARTIFACTS_DIR.mkdir(exist_ok=True)
    path = ARTIFACTS_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def publish_screenshot(path: Path, name: str) -> bool:
    """Copy a screenshot into docs/ as name, only when asked (UPDATE_SCREENSHOTS=1): a plain
    test run leaves every tracked file as it was. Return whether it was copied."""
    if os.environ.get(UPDATE_SCREENSHOTS) != "1":
        return False
    DOCS_DIR.mkdir(exist_ok=True)
    shutil.copyfile(path, DOCS_DIR / name)
    return True


def click_map_at(frame: Frame, lat: float, lon: float) -> None:
    """Click the st_folium map in frame at a latitude and longitude, as a user would."""
    point = frame.evaluate(
        "([lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);"
        " return {x: p.x, y: p.y}; }",
        [lat, lon],
    )
    frame.locator(".leaflet-container").click(position=point)
