"""The committed stylesheet and font are what `scripts/build_css.sh` builds from static/scss and
node_modules: an edit to the Sass that was not rebuilt (or a rebuilt file edited by hand) fails."""

import filecmp
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SASS = ROOT / "node_modules" / ".bin" / "sass"


@pytest.mark.skipif(not SASS.exists() or not shutil.which("node"), reason="make install first")
def test_committed_stylesheet_and_font_match_a_fresh_build(tmp_path):
    subprocess.run(["bash", "scripts/build_css.sh", str(tmp_path)], cwd=ROOT, check=True)
    built = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert Path("css/site.css") in built
    stale = [str(p) for p in built if not filecmp.cmp(tmp_path / p, ROOT / "static" / p, False)]
    assert not stale, f"rebuild with `make css` and commit: {stale}"


def test_the_stylesheet_uses_no_outside_address():
    """Fonts, icons and images come from our own static files: the site works offline."""
    css = (ROOT / "static" / "css" / "site.css").read_text()
    assert "http:" not in css and "https:" not in css and "//" not in css.replace("://", "")
    assert "source-sans-3-latin-400-normal.woff2" in css
