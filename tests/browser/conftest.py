"""Fixtures for end-to-end tests: one real server with its own database, Debian's Chromium
driven by Playwright (never `playwright install`), and axe-core injected from node_modules.

Fixtures: `site_url` (base URL of the demo site), `browser`, `page` (an anonymous visitor),
`login_state` (the storage state of a demo user, logged in once per run through the login form),
`new_page` (a page for a demo user or a visitor, with context options such as the viewport).
Helpers (in axe.py, re-exported here): `axe_violations(page)`, `format_violations(v)`.

KT_BROWSER_SITE_URL=http://127.0.0.1:8765 makes the tests use a server that is already running
(with the demo loaded) instead of starting one: for working on the tests only, since the
journeys change its content.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

from .axe import AXE_JS, axe_violations, format_violations  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUTPUT = ROOT / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SETUP_TIMEOUT = int(os.environ.get("KT_BROWSER_SETUP_TIMEOUT", "900"))
START_TIMEOUT = 60


# ------------------------------------------------------------------ server


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _is_postgres(url):
    return url.startswith(("postgres://", "postgresql://"))


def _pg_connect(url, dbname):
    import psycopg

    p = urlparse(url)
    return psycopg.connect(
        host=p.hostname,
        port=p.port or 5432,
        user=p.username or None,
        password=p.password or None,
        dbname=dbname,
        autocommit=True,
    )


def _pg_recreate(url, name, create=True):
    from psycopg import sql

    with _pg_connect(url, "postgres") as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _tail(path, lines=30):
    try:
        return "\n".join(Path(path).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def _manage(args, env, log, timeout):
    with open(log, "a") as out:
        out.write(f"\n$ manage.py {' '.join(args)}\n")
        out.flush()
        proc = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
        )
    if proc.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed (exit {proc.returncode}); "
            f"last lines of {log}:\n{_tail(log)}",
            pytrace=False,
        )


def _wait_for_http(url, proc, log):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"server exited with {proc.returncode}; last lines of {log}:\n{_tail(log)}",
                pytrace=False,
            )
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except urllib.error.HTTPError:
            return  # it answers, even if with an error status
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"server did not answer {url} in {START_TIMEOUT}s:\n{_tail(log)}", pytrace=False)


@pytest.fixture(scope="session")
def site_url():
    """Start ONE server for the whole run, on a free port, with its own database."""
    if os.environ.get("KT_BROWSER_SITE_URL"):
        yield os.environ["KT_BROWSER_SITE_URL"].rstrip("/")
        return
    OUTPUT.mkdir(exist_ok=True)
    log = OUTPUT / "browser-server.log"
    log.write_text("")
    tmp = Path(tempfile.mkdtemp(prefix="kt-browser-"))
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"

    outer_url = os.environ.get("DATABASE_URL", "")
    pg_name = None
    if _is_postgres(outer_url):
        parsed = urlparse(outer_url)
        pg_name = f"{parsed.path.lstrip('/') or 'kt'}_browser"
        _pg_recreate(outer_url, pg_name)
        db_url = urlunparse(parsed._replace(path="/" + pg_name))
    else:
        db_url = f"sqlite:///{tmp / 'browser.sqlite3'}"

    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        DJANGO_SETTINGS_MODULE="browser_server_settings",
        PYTHONPATH=os.pathsep.join(filter(None, [str(HERE), str(ROOT), env.get("PYTHONPATH")])),
        PYTHONUNBUFFERED="1",
        KT_BROWSER_MEDIA_ROOT=str(tmp / "media"),
        KT_BROWSER_BASE_URL=base_url,
    )
    proc = None
    try:
        t0 = time.monotonic()
        _manage(["migrate", "--noinput", "--verbosity", "0"], env, log, SETUP_TIMEOUT)
        _manage(["load_demo"], env, log, SETUP_TIMEOUT)
        with open(log, "a") as out:
            out.write(f"\n$ manage.py runserver (setup took {time.monotonic() - t0:.1f}s)\n")
            out.flush()
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "runserver",
                    f"127.0.0.1:{port}",
                    "--noreload",
                    "--insecure",
                    "--skip-checks",
                ],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        _wait_for_http(base_url + "/", proc, log)
        yield base_url
    finally:
        if proc is not None and proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        if pg_name:
            _pg_recreate(outer_url, pg_name, create=False)
        shutil.rmtree(tmp, ignore_errors=True)


# ------------------------------------------------------------------ browser


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} not found: run scripts/install.sh", pytrace=False)
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.fixture(scope="session", autouse=True)
def _fresh_screenshots():
    """test-output/screenshots/ holds this run's pictures only."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)


def _screenshot(pg, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
    try:
        pg.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    except Exception as exc:  # a failed screenshot must not hide the test's result
        print(f"screenshot failed: {exc}")


def _new_context(browser, **options):
    options = {"bypass_csp": True, "viewport": {"width": 1280, "height": 900}, **options}
    context = browser.new_context(**options)
    context.set_default_timeout(30_000)
    return context


@pytest.fixture
def page(browser, request):
    """A fresh context + page; the test's last page is saved under test-output/screenshots/."""
    context = _new_context(browser)
    pg = context.new_page()
    try:
        yield pg
    finally:
        _screenshot(pg, request.node.nodeid.split("::", 1)[-1])
        context.close()


DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "kt-demo-2026")


@pytest.fixture(scope="session")
def login_state(browser, site_url):
    """login_state(username): cookies of that demo user, logged in once per run through the
    site's own login form (the header's "Log in" link)."""
    states = {}

    def login_state(username):
        if username not in states:
            context = _new_context(browser)
            try:
                pg = context.new_page()
                pg.goto(site_url + "/")
                pg.locator("a.account").click()
                pg.locator("#id_username").fill(username)
                pg.locator("#id_password").fill(DEMO_PASSWORD)
                with pg.expect_navigation():
                    pg.locator("main form button[type=submit]").click()
                assert pg.locator("form.account").count() == 1, (
                    f"{username} could not log in: {pg.url}\n{pg.locator('main').inner_text()}"
                )
                states[username] = context.storage_state()
            finally:
                context.close()
        return states[username]

    return login_state


@pytest.fixture
def new_page(browser, login_state, request):
    """new_page(user=None, name=None, **context_options): a page in a fresh context, logged in
    as the demo user if one is given. The last page of each context is saved as a screenshot,
    named after the test and (when there are several) `name` or the user."""
    opened = []

    def new_page(user=None, name=None, **options):
        if user:
            options["storage_state"] = login_state(user)
        context = _new_context(browser, **options)
        pg = context.new_page()
        opened.append((name or user or "visitor", context, pg))
        return pg

    yield new_page
    test_name = request.node.nodeid.split("::", 1)[-1]
    for number, (user, context, pg) in enumerate(opened, 1):
        suffix = f"-{number}-{user}" if len(opened) > 1 else ""
        _screenshot(pg, test_name + suffix)
        context.close()


@pytest.fixture(scope="session")
def demo_pages(browser, site_url, login_state):
    """The demo's pages by kind and language (demo_pages.resolve(kind, lang)), found through
    the API and the site's own links; see demo_pages.py."""
    from .demo_pages import MEMBER, DemoPages

    anonymous = _new_context(browser)
    member = _new_context(browser, storage_state=login_state(MEMBER))
    try:
        yield DemoPages(site_url, anonymous.request, member.request)
    finally:
        anonymous.close()
        member.close()
