"""The notebooks a reader downloads, opened in a real JupyterLab (the version ``requirements.txt`` pins) in Chromium.

JupyterLab renders Markdown with no MyST extension, as Colab and VS Code do; what
it shows is what a reader of a served notebook sees. The test starts a
JupyterLab server on a folder holding, for each edition, the reader notebooks
of an equation-dense chapter (02), of a chapter with a "Your turn" (05) and of
the checker's chapter (14, its reports and tables), and the workbook's chapter 05 (``_ext/reader_notebooks.py``, ``_ext/workbook.py``).
It opens each in one browser tab, waits until every Markdown cell is rendered
and MathJax has typeset it, and asserts that the page shows no raw MyST and no
unrendered TeX: no ``{eq}``, no fence of a directive, no ``$$``, no TeX
command outside typeset maths, no MathJax error; equation numbers as the book
has them; and the solutions folded. Screenshots land in
``_build/screenshots/jupyterlab-*.png``.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_browser import CHROMIUM_ARGS, _launch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import workbook  # noqa: E402

playwright_api = pytest.importorskip("playwright.sync_api", reason="pip install -r requirements.txt (playwright)")
pytestmark = pytest.mark.timeout(600)

TOKEN = "cnnlib-test"
OPENED = ["02_correlation_convolution", "05_conv_backward", "workbook/05_conv_backward", "14_exercise_checker"]
SHOTS = ROOT / "_build" / "screenshots"
assert CHROMIUM_ARGS  # the same browser, started the same way as the browser test's

SETTINGS = {
    # every cell in the page (JupyterLab 4 otherwise renders only the cells near the viewport)
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    # no news or update checks: the test machine has no network
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
}


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on the served notebooks; yields its base URL."""
    home = tmp_path_factory.mktemp("lab")
    files = home / "files"
    for lang in ("en", "zh"):
        (files / lang / "workbook").mkdir(parents=True)
        for name in OPENED:
            if not name.startswith("workbook/"):
                shutil.copy(ROOT / "notebooks" / lang / f"{name}.ipynb", files / lang)
        book = workbook.write(ROOT, home / f"wb-{lang}", lang)
        shutil.copy(book / "chapters" / "05_conv_backward.ipynb", files / lang / "workbook")
    settings = home / "settings"
    for name, value in SETTINGS.items():
        (settings / Path(name).parent).mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value))
    port = _free_port()
    env = {
        **os.environ,
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "ws"),
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={TOKEN}",
            f"--ServerApp.root_dir={files}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=",
            "--ServerApp.log_level=WARN",
            "--allow-root",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{base}/api/status?token={TOKEN}", timeout=1)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("JupyterLab did not start: " + server.stderr.read().decode()[-2000:])
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = _launch(p)
        yield b
        b.close()


# What the page shows of one notebook once it is rendered and typeset. Runs in the page.
READ = """
async (path) => {
  const app = window.jupyterapp;
  await app.restored;
  const panel = await app.commands.execute('docmanager:open', {path, factory: 'Notebook'});
  await panel.context.ready;
  await panel.revealed;
  const notebook = panel.content;
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const markdown = () => notebook.widgets.filter(c => c.model.type === 'markdown');
  // every Markdown cell rendered, then MathJax done: the number of typeset formulas stops changing, and,
  // where the Markdown has formulas, is no longer 0 (on a busy machine MathJax may not have started yet)
  const hasMath = markdown().some(c => c.model.sharedModel.getSource().includes('$'));
  let last = -1, stable = 0;
  for (let k = 0; k < 600 && stable < 6; k++) {
    await sleep(100);
    const rendered = markdown().every(c => c.rendered && c.node.querySelector('.jp-RenderedMarkdown'));
    const n = panel.node.querySelectorAll('mjx-container').length;
    stable = rendered && n === last && (n > 0 || !hasMath) ? stable + 1 : 0;
    last = n;
  }
  const cells = markdown().map(c => {
    const shown = c.node.querySelector('.jp-RenderedMarkdown').cloneNode(true);
    const maths = shown.querySelectorAll('mjx-container').length;
    const errors = shown.querySelectorAll('mjx-merror, .MathJax_Error').length;
    // an equation's number, as MathJax drew it: its characters are in the class names (mjx-c28 is "(")
    const glyphs = e => [...e.querySelectorAll('mjx-c')].map(c =>
      String.fromCodePoint(parseInt((c.className.match(/mjx-c([0-9A-F]+)/) || [0, '3F'])[1], 16))).join('');
    const tags = [...shown.querySelectorAll('mjx-labels mjx-mtd')].map(glyphs);
    shown.querySelectorAll('mjx-container, pre, code').forEach(e => e.remove());
    return {text: shown.textContent, maths, errors, tags, hidden: c.isHidden,
            heading: (c.model.sharedModel.getSource().match(/^#+ .*/) || [''])[0]};
  });
  const code = notebook.widgets.filter(c => c.model.type === 'code').map(c => ({
    tags: c.model.getMetadata('tags') || [], hidden: c.isHidden}));
  return {cells, code, title: panel.title.label};
}
"""


@pytest.fixture(scope="module")
def shown(lab, browser):
    """{(lang, notebook): what JupyterLab shows of it}, each notebook opened once in one tab."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(lab) else route.abort())
    page.goto(f"{lab}/lab?token={TOKEN}")
    page.wait_for_function("window.jupyterapp !== undefined", timeout=120_000)
    SHOTS.mkdir(parents=True, exist_ok=True)
    result = {}
    for lang in ("en", "zh"):
        for name in OPENED:
            result[lang, name] = page.evaluate(READ, f"{lang}/{name}.ipynb")
            _screenshot(page, lang, name)
    result["errors"] = errors
    page.close()
    return result


def _screenshot(page, lang, name):
    """Chapter 02 at its first numbered equation, chapter 05 at its "Your turn", as a reader would look at them."""
    page.evaluate(
        """(yourTurn) => {
      const cells = window.jupyterapp.shell.currentWidget.content.widgets;
      const stub = cells.findIndex(c => (c.model.getMetadata('tags') || []).includes('your-turn-stub'));
      const target = yourTurn && stub > 0 ? cells[stub - 1] : cells.find(c => c.node.querySelector('mjx-labels'));
      if (target) target.node.scrollIntoView({block: 'start'});
    }""",
        "05" in name,
    )
    page.wait_for_timeout(300)
    page.screenshot(path=str(SHOTS / f"jupyterlab-{lang}-{name.replace('/', '-')}.png"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", OPENED)
def test_no_raw_myst_and_no_raw_tex(shown, lang, name):
    cells = shown[lang, name]["cells"]
    assert len(cells) > 10
    text = "\n".join(c["text"] for c in cells)
    for raw in ("{eq}", "{doc}", "{ref}", "{cite", "```{", ":::{", "$$", "$", ")=\n"):
        assert raw not in text, f"{raw!r} shows in {lang}/{name}"
    for command in ("\\frac", "\\partial", "\\sum", "\\begin", "\\delta", "\\tag", "\\mathbb"):
        assert command not in text, f"raw TeX {command} in {lang}/{name}"
    assert sum(c["errors"] for c in cells) == 0, "MathJax could not typeset a formula"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", OPENED)
def test_formulas_are_typeset(shown, lang, name):
    # no "$" is left in the text (test_no_raw_myst_and_no_raw_tex), so every formula was typeset; chapter 14
    # has a handful ($p = 0$, $10^{-9}$), the others a hundred or more
    assert sum(c["maths"] for c in shown[lang, name]["cells"]) > (5 if name == "14_exercise_checker" else 100)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_equations_carry_the_book_numbers(shown, lang):
    tags = [t for c in shown[lang, "02_correlation_convolution"]["cells"] for t in c["tags"]]
    # chapter 02's labelled equations are (2.1), (2.2), … as in the book (tests/test_browser.py checks the book)
    said = [t for t in tags if t.strip()]
    assert len(said) >= 5 and said == [f"(2.{k})" for k in range(1, len(said) + 1)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_solutions_are_folded_and_the_workbook_has_none(shown, lang):
    reader = shown[lang, "05_conv_backward"]
    solution = [c for c in reader["code"] if "your-turn-solution" in c["tags"]]
    check = [c for c in reader["code"] if "your-turn-check" in c["tags"]]
    # two Your turns: the layer, then the input gradient as a full convolution
    assert len(solution) == 2 and all(c["hidden"] for c in solution), "the Your-turn solutions should open folded"
    assert len(check) == 2 and not any(c["hidden"] for c in check), "the check cells must stay in view"
    headings = [c["heading"] for c in reader["cells"] if c["heading"]]
    for n in ("5.1", "5.2"):
        assert any((f"Solution to Exercise {n}" if lang == "en" else f"练习 {n} 的解答") in h for h in headings)
    wb = shown[lang, "workbook/05_conv_backward"]
    assert not [c for c in wb["code"] if "your-turn-solution" in c["tags"]]
    assert [c for c in wb["code"] if "your-turn-stub" in c["tags"]]


def test_no_script_errors(shown):
    assert shown["errors"] == []
