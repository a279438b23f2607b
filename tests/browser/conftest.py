"""Browser tests: the real portal, served on 127.0.0.1, driven by Debian's headless Chromium.

- Skipped as a whole (with a reason) where /usr/bin/chromium is absent. Playwright never
  downloads a browser here: it starts Debian's binary through `executable_path`.
- `live_server`: one app per session on a temp SQLite file, loaded with the real seed
  files, served by werkzeug in a daemon thread. Its `url` is the base of every page.
- `page`: a new browser context (clean cookies) per test.
- Helpers handed out as fixtures (so test modules import nothing from here):
  `assert_accessible(page, label)`: axe-core WCAG 2.0/2.1 A+AA, zero violations;
  `screenshot(page, name)`: a full-page PNG in test-artifacts/ for a person to look at;
  `login(page)`: log in as the seeded demo resident through the form;
  `first_href(page, path, prefix)`: the first link in <main> on `path` starting with `prefix`.
"""

import socket
import threading
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SKIP_REASON = "Chromium not found at /usr/bin/chromium: install Debian's chromium to run the browser tests"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Demo accounts from seed/users.yaml.
RESIDENT_EMAIL = "inwoner@leerwijzer.example"
RESIDENT_PASSWORD = "Inwoner-demo-2026"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


class LiveServer:
    def __init__(self, app, host: str, port: int):
        self.app = app
        self.url = f"http://{host}:{port}"

    def __call__(self, path: str = "/") -> str:
        return self.url + path


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    from werkzeug.serving import WSGIRequestHandler, make_server

    from portal.extensions import db
    from portal.search import engine
    from portal.seeding.loader import load_seed
    from tests.conftest import SEED_DIR, make_app

    tmp_path = tmp_path_factory.mktemp("browser")
    app = make_app(f"sqlite:///{tmp_path / 'browser.db'}", tmp_path, SERVER_NAME=None)
    with app.app_context():
        db.create_all()
        load_seed(SEED_DIR)
        db.session.commit()
        engine.reindex()  # as `flask seed` does: the search page needs its index

    class QuietHandler(WSGIRequestHandler):
        """Log only failed requests (4xx/5xx), so a failing test's output stays readable."""

        def log_request(self, code="-", size="-"):
            try:
                failed = int(code) >= 400
            except (TypeError, ValueError):
                failed = True
            if failed:
                super().log_request(code, size)

    server = make_server(
        "127.0.0.1", _free_port(), app, threaded=True, request_handler=QuietHandler
    )
    thread = threading.Thread(
        target=server.serve_forever, name="live-server", daemon=True
    )
    thread.start()
    try:
        yield LiveServer(app, "127.0.0.1", server.server_port)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
        with app.app_context():
            db.engine.dispose()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(SKIP_REASON)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Factory for pages in fresh contexts: new_page(viewport={...}) → Page."""
    contexts = []

    def _make(**context_options):
        options = {"base_url": live_server.url, "locale": "nl-NL"}
        options.update(context_options)
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield _make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def format_violations(violations: list[dict], label: str) -> str:
    lines = [f"{len(violations)} axe violation(s) on {label}:"]
    for v in violations:
        lines.append(
            f"- {v['id']} [{v.get('impact')}] {v.get('help')} ({v.get('helpUrl', '')})"
        )
        for node in v.get("nodes", [])[:5]:
            target = " ".join(str(t) for t in node.get("target", []))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    at {target}: {summary[:300]}")
        if len(v.get("nodes", [])) > 5:
            lines.append(f"    … and {len(v['nodes']) - 5} more element(s)")
    return "\n".join(lines)


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    # Axe.run json-encodes `options` into `axe.run(options)`; passing options replaces the
    # package default ({"resultTypes": ["violations"]}), so it is repeated here.
    options = {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "resultTypes": ["violations"],
    }
    results = Axe().run(page, options=options)
    return results.response["violations"]


def assert_no_axe_violations(page, label: str | None = None) -> None:
    label = label or page.url
    violations = axe_violations(page)
    assert not violations, format_violations(violations, label)


def save_screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def login(page, email: str = RESIDENT_EMAIL, password: str = RESIDENT_PASSWORD) -> None:
    page.goto("/inloggen")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_url("**/account")


def first_href(page, path: str, prefix: str) -> str:
    """Open `path` and return the first link whose href starts with `prefix`."""
    response = page.goto(path)
    assert response is not None and response.ok, (
        f"{path} gave {response and response.status}"
    )
    href = page.locator(f"main a[href^='{prefix}']").first.get_attribute("href")
    assert href, f"no link to {prefix}… on {path}"
    return href


@pytest.fixture
def assert_accessible():
    return assert_no_axe_violations


@pytest.fixture
def screenshot():
    return save_screenshot


@pytest.fixture(name="login")
def login_fixture():
    return login


@pytest.fixture(name="first_href")
def first_href_fixture():
    return first_href
