"""Checks by tools that are not ours, on the same demo pages as axe (demo_pages.py):

- pa11y with HTML_CodeSniffer (WCAG 2 AA) on every page type, fi and sv: no errors;
- the Nu HTML Checker (vnu-jar, Debian's Java) on every page type: no errors;
- Lighthouse on the home page, a network, a folder and a search: every accessibility, SEO and
  best-practice audit that applies passes (the scores are printed; the performance score is
  not asked for: it measures this machine more than the site).

Each starts its tool once for all its pages and prints what it found."""

import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from .conftest import CHROMIUM, ROOT
from .demo_pages import KINDS, LANGUAGES

pytestmark = pytest.mark.browser

NODE_BIN = ROOT / "node_modules" / ".bin"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE_KINDS = ["home", "network", "folder", "search"]
LIGHTHOUSE_CATEGORIES = ["accessibility", "seo", "best-practices"]
TOOL_ENV = {**os.environ, "CHROME_PATH": CHROMIUM, "PUPPETEER_SKIP_DOWNLOAD": "1"}


def every_page(demo_pages, login_state):
    """(kind, lang, path, cookie header or None) of every page type in both languages."""
    cookies = {}
    for kind in KINDS:
        for lang in LANGUAGES:
            path, user = demo_pages.resolve(kind, lang)
            if user and user not in cookies:
                state = login_state(user)["cookies"]
                cookies[user] = "; ".join(f"{c['name']}={c['value']}" for c in state)
            yield kind, lang, path, cookies.get(user)


def test_pa11y_htmlcs_finds_no_errors(site_url, demo_pages, login_state):
    pages = [
        {"url": site_url + path, "cookie": cookie}
        for _kind, _lang, path, cookie in every_page(demo_pages, login_state)
    ]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as listing:
        json.dump(pages, listing)
    result = subprocess.run(
        ["node", str(ROOT / "tests" / "browser" / "pa11y_pages.js"), listing.name],
        capture_output=True,
        text=True,
        env=TOOL_ENV,
        timeout=600,
        cwd=ROOT,
    )
    Path(listing.name).unlink()
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    print(f"\npa11y (HTML_CodeSniffer, WCAG2AA) on {len(found)} pages:")
    errors = []
    for url, issues in found.items():
        print(f"  {len(issues)} errors  {url}")
        errors += [f"{url}: {i['code']}: {i['message']} ({i['selector']})" for i in issues]
    assert len(found) == len(pages)
    assert not errors, "\n".join(errors)


def test_nu_html_checker_finds_no_errors(site_url, demo_pages, login_state, browser):
    folder = Path(tempfile.mkdtemp(prefix="kt-vnu-"))
    names = {}
    for kind, lang, path, cookie in every_page(demo_pages, login_state):
        context = browser.new_context()
        try:
            headers = {"Cookie": cookie} if cookie else {}
            response = context.request.get(site_url + path, headers=headers)
            name = folder / f"{kind}-{lang}.html"
            name.write_bytes(response.body())
            names[name.name] = path
        finally:
            context.close()
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(folder.iterdir())),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    print(f"\nNu HTML Checker on {len(names)} pages: {len(messages)} errors")
    errors = [
        f"{names[Path(m['url']).name]} line {m.get('lastLine')}: {m['message']}"
        f" [{m.get('extract', '').strip()}]"
        for m in messages
    ]
    for error in errors:
        print("  " + error)
    assert len(names) == len(KINDS) * len(LANGUAGES)
    assert not errors, "\n".join(errors)


def lighthouse(url):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run(
            [
                str(NODE_BIN / "lighthouse"),
                url,
                f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                "--output=json",
                f"--output-path={report.name}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
                "--quiet",
            ],
            check=True,
            env=TOOL_ENV,
            timeout=180,
        )
        return json.loads(Path(report.name).read_text())


def failed_audits(report):
    """Audits of the asked categories that count (weighted, scored) and did not pass."""
    failed = []
    for category in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) and audit["score"] is not None and audit["score"] < 1:
                items = (audit.get("details") or {}).get("items", [])
                where = [i.get("sourceLocation", {}).get("url") or i.get("url") for i in items]
                failed.append(f"{category}/{audit['id']}: {audit['title']} {where[:5]}")
    return failed


@pytest.mark.parametrize("kind", LIGHTHOUSE_KINDS)
def test_lighthouse_audits_pass(site_url, demo_pages, kind):
    path, _user = demo_pages.resolve(kind, "fi")
    report = lighthouse(site_url + path)
    scores = {c: report["categories"][c]["score"] for c in LIGHTHOUSE_CATEGORIES}
    print(f"\nLighthouse {path}: " + ", ".join(f"{c} {s * 100:.0f}" for c, s in scores.items()))
    failed = failed_audits(report)
    assert not failed, "\n".join(failed)
