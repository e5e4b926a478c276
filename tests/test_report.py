"""extractor report: a self-contained page that shows every extraction, checked as HTML and,
where Chromium is installed, in the real browser (scripts run, no errors, every extraction
highlighted)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from extractor.cli import main
from extractor.output import Extraction, Result
from extractor.report import render

from .conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = 'He said "</script><script>alert(1)</script>" & left.'


def _result():
    quote = Extraction("quote", 8, 46, HOSTILE[8:46], "quote.rule", {"quote": "x", "speaker": "Ana Ruiz"})
    title = Extraction("title", 0, 2, "He", "title.rule", {"title": "x", "person": "Ana Ruiz"})
    return Result("doc <1>", None, [title, quote])


def test_the_page_is_self_contained_and_escapes_the_text():
    page = render([(HOSTILE, _result())])
    assert page.count("<script") == 2                     # the data and the page's own script only
    assert "alert(1)</script>" not in page
    assert "http://" not in page and "https://" not in page.replace("https://extractor", "")
    assert "doc &lt;1&gt;" in page and "people and speakers: Ana Ruiz" in page
    assert len(re.findall(r'<mark data-x="[^"]*"', page)) == 2


def _browser_dom(page_path) -> str:
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           f"--user-data-dir={page_path.parent / 'profile'}", "--dump-dom",
                           page_path.as_uri()], capture_output=True, text=True, timeout=120)
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium (Debian package chromium) on this machine")
def test_the_page_shows_every_extraction_in_a_real_browser(tmp_path, capsys):
    page = tmp_path / "report.html"
    texts = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    assert main(["report", *texts, "-o", str(page)]) == 0
    count = int(re.search(r"(\d+) extractions", capsys.readouterr().out).group(1))
    dom = _browser_dom(page)
    body = re.search(r"<body([^>]*)>", dom).group(1)
    assert f'data-extractions="{count}"' in body and f'data-highlighted="{count}"' in body
    assert "data-script-errors" not in body
