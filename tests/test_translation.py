"""The Chinese edition: complete, current and in step with the English notebooks.

- every message of every catalog translated, with its math, code, roles and links intact;
- the catalogs current: extracting the messages from the English text again gives exactly the catalogs'
  messages (an English paragraph edited without its translation fails here);
- the Chinese notebooks exactly what the catalogs make of the English ones: code, outputs and metadata
  byte for byte, and no English paragraph left;
- the glossary's terms used: no variant the glossary rules out.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale" / "zh_CN" / "LC_MESSAGES"
CATALOGS = sorted(p for p in LOCALE.rglob("*.po") if "code" not in p.relative_to(LOCALE).parts[:1])
CODE_CATALOGS = sorted((LOCALE / "code").glob("*.po"))


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_po = _load("check_po", ROOT / "docs" / "check_po.py")
sys.path.insert(0, str(ROOT / "_ext"))
translate_notebooks = _load("translate_notebooks", ROOT / "_ext" / "translate_notebooks.py")
code_catalog = _load("code_catalog", ROOT / "_ext" / "code_catalog.py")


def _messages(path):
    with open(path, encoding="utf-8") as f:
        return {m.id for m in read_po(f) if m.id}


def test_there_is_a_catalog_for_every_page():
    pages = {p.relative_to(ROOT).with_suffix("").as_posix() for p in (ROOT / "chapters").glob("*.ipynb")}
    pages |= {"intro", "glossary", "references"}
    assert {p.relative_to(LOCALE).with_suffix("").as_posix() for p in CATALOGS} == pages


@pytest.mark.parametrize("path", CATALOGS, ids=lambda p: p.stem)
def test_every_message_translated_with_math_code_and_roles_intact(path):
    problems = list(check_po.problems(path))
    assert not problems, "\n".join(problems[:10])
    if shutil.which("msgfmt"):
        result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True)
        assert result.returncode == 0 and not result.stderr, result.stderr.decode()


def test_catalogs_are_current(tmp_path):
    sys.path.insert(0, str(ROOT / "_ext"))
    editions = _load("editions", ROOT / "_ext" / "editions.py")
    editions.write_conf(ROOT)
    cmd = [sys.executable, "-m", "sphinx", "-b", "gettext", "-q", "-d", str(tmp_path / "doctrees"), str(ROOT)]
    subprocess.run([*cmd, str(tmp_path / "pot")], check=True)
    for pot in sorted((tmp_path / "pot").rglob("*.pot")):
        page = pot.relative_to(tmp_path / "pot").with_suffix("")
        po = LOCALE / page.with_suffix(".po")
        fresh, kept = _messages(pot), _messages(po)
        assert fresh == kept, (
            f"{page}: English messages without a translation: {sorted(fresh - kept)[:3]}; "
            f"translations of text no longer in the English: {sorted(kept - fresh)[:3]} "
            "(run: sphinx-build -b gettext . _build/gettext && sphinx-intl update -p _build/gettext -l zh_CN)"
        )


def test_chinese_notebooks_are_what_the_catalogs_make(tmp_path):
    written = translate_notebooks.generate(ROOT, tmp_path, run=False)
    committed = sorted((ROOT / "zh" / "chapters").glob("*.ipynb"))
    assert [p.name for p in written] == [p.name for p in committed]
    for new, old in zip(written, committed, strict=True):
        assert new.read_bytes() == old.read_bytes(), f"{old.name} is stale: run python _ext/translate_notebooks.py"


def _code_tokens(source):
    """A cell's tokens with every comment dropped and every string literal's text blanked."""
    import io
    import tokenize

    masked = re.sub(r"(?m)^([ \t]*)([%!])", r"\1#\2", source)
    out = []
    for tok in tokenize.generate_tokens(io.StringIO(masked).readline):
        if tok.type in (tokenize.COMMENT, tokenize.NL):
            continue
        out.append((tok.type, "<str>" if tok.type == tokenize.STRING else tok.string))
    return out


_NUMBER = re.compile(r"(?<![\w.])[-−]?\d{1,3}(?:,\d{3})+|(?<![\w.])[-−]?\d+(?:\.\d+)?(?:e[-+]?\d+)?")


def _numbers(text):
    """The numbers a cell prints, as values: "07" and "7", "2x2" and "2×2", "1,873" and "1873" agree;
    "1-D" (一维) is a word."""
    text = re.sub(r"(\d)\s*[x×]\s*(?=\d)", r"\1 × ", text)
    text = re.sub(r"\b\d-D\b", " ", text)
    return sorted(float(n.replace(",", "").replace("−", "-")) for n in _NUMBER.findall(text))


def _printed(cell):
    """What a code cell prints as text (streams, plain-text results, errors), one string."""
    parts = []
    for o in cell.get("outputs", []):
        parts.append("".join(o.get("text", "")))
        data = o.get("data", {})
        if "text/plain" in data and not any(k.startswith(("image/", "text/html")) for k in data):
            parts.append("".join(data["text/plain"]))
    return "\n".join(parts)


def _figure_words(cell):
    """The words of a code cell's figures: the text of their SVG, both layouts."""
    import base64
    import html

    words = []
    for o in cell.get("outputs", []):
        page = "".join(o.get("data", {}).get("text/html", ""))
        for uri in re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page):
            svg = base64.b64decode(uri).decode("utf-8")
            words += [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg)]
        words += [html.unescape(t) for t in re.findall(r"<figcaption>(.*?)</figcaption>", page, re.S)]
        words += [html.unescape(t) for t in re.findall(r'alt="([^"]*)"', page)]
    return words


def _english_words(text, allowed):
    """Runs of English in ``text``: two or more lowercase words in a row, or one word of ``allowed``'s complement
    that the English notebook printed as prose."""
    # code, maths, identifiers, quoted values ('relu'), equation labels, and an exception's message, which
    # is quoted as Python or numpy gives it (after a colon, full-width in a Chinese report, and on the
    # report's indented continuation lines)
    text = re.sub(r"\b\w+(?:Error|Exception|Warning)[:：] ?.*(?:\n {4}\S.*)*", " ", text)
    text = re.sub(r"`[^`]*`|\$[^$]*\$|'[^'\n]*'|\beq-[\w-]+|\b\w*_\w*\b|\b\w+\(\)", " ", text)
    runs = re.findall(r"\b[a-z]{2,}(?:[ ,;:'-]+[a-z]{2,})+\b", text)
    return [r for r in runs if not set(r.replace(",", " ").replace(";", " ").split()) <= allowed]


def _identifiers(nb):
    """Every name and every one-word string of a notebook's code: words the Chinese may print as they are."""
    import io
    import tokenize

    names = {"max", "avg", "mean", "sum", "valid", "same", "full", "relu", "sigmoid", "tanh", "softmax", "im2col",
             "col2im", "einsum", "numpy", "sympy", "cnnlib", "true", "false", "none", "nan", "inf", "float", "int",
             "dtype", "shape", "stride", "padding", "ok", "cs231n", "pytorch", "torch"}  # fmt: skip
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        masked = re.sub(r"(?m)^([ \t]*)([%!])", r"\1#\2", "".join(cell["source"]))
        for tok in tokenize.generate_tokens(io.StringIO(masked).readline):
            if tok.type == tokenize.NAME:
                names.add(tok.string.lower())
    return names


@pytest.mark.parametrize("path", sorted((ROOT / "chapters").glob("*.ipynb")), ids=lambda p: p.stem)
def test_chinese_notebook_computes_what_the_english_one_does_and_speaks_chinese(path):
    """The same code up to string literals and comments, the same numbers printed, Chinese words."""
    en = json.loads(path.read_text(encoding="utf-8"))
    zh = json.loads((ROOT / "zh" / "chapters" / path.name).read_text(encoding="utf-8"))
    assert len(en["cells"]) == len(zh["cells"])
    allowed = _identifiers(en)
    for index, (a, b) in enumerate(zip(en["cells"], zh["cells"], strict=True)):
        assert a["cell_type"] == b["cell_type"] and a.get("metadata") == b.get("metadata")
        if a["cell_type"] == "code":
            where = f"{path.name}, cell {index}"
            assert _code_tokens("".join(a["source"])) == _code_tokens("".join(b["source"])), where
            if "nbval-ignore-output" not in a["metadata"].get("tags", []):  # timings differ from run to run
                assert _numbers(_printed(a)) == _numbers(_printed(b)), where
            english = _english_words(_printed(b), allowed)
            assert not english, f"{where}: English printed in the Chinese notebook: {english[:3]}"
            english = [w for text in _figure_words(b) for w in _english_words(text, allowed)]
            assert not english, f"{where}: English in a figure of the Chinese notebook: {english[:3]}"
            continue
        text = "".join(b["source"])
        # fenced code (```bash, ```python, plain ```) and literal includes; directives with prose stay in
        text = re.sub(r"^```(?:[\w-]*|\{(?:literalinclude|code-cell)\}.*)\n.*?^```", "", text, flags=re.S | re.M)
        text = re.sub(r"\*[^*\n\u4e00-\u9fff]+\*", "", text)  # titles of works, in italics, stay as published
        text = re.sub(
            r"\$\$.*?\$\$|\$[^$\n]*\$|`[^`\n]*`|\{\w+(:\w+)?\}`[^`]*`|^:[\w-]+:.*$|\([\w-]+\)=",
            "",
            text,
            flags=re.S | re.M,
        )
        english = re.findall(r"\b[A-Za-z]{3,}(?:[ ,;:]+[A-Za-z]{2,}){4,}", text)
        assert not english, f"{path.name}: English left in a markdown cell: {english[:2]}"


@pytest.mark.parametrize("path", sorted((ROOT / "zh" / "chapters").glob("*.ipynb")), ids=lambda p: p.stem)
def test_chinese_code_comments_and_docstrings_are_chinese(path):
    """What a Chinese student reads in the code (comments, stub docstrings, printed sentences) is Chinese;
    short code values such as ``loc="lower right"`` and quotations in comments may stay."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    allowed = _identifiers(json.loads((ROOT / "chapters" / path.name).read_text(encoding="utf-8")))
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code":
            continue
        for kind, text, _ in code_catalog.pieces("".join(cell["source"])):
            if kind == "comment":
                text = re.sub(r'"[^"]*"', " ", text)  # a quotation, such as numpy's own message
            english = [run for run in _english_words(text, allowed) if len(run.split()) >= 3]
            assert not english, f"{path.name}, cell {index}: an English {kind}: {english[:2]}"


@pytest.mark.parametrize("path", CODE_CATALOGS, ids=lambda p: p.stem)
def test_code_catalogs_complete_valid_and_current(path):
    """Every comment and prose literal of the chapter's code translated, each translation a valid stand-in."""
    messages = code_catalog.catalog(path.stem, ROOT)
    nb = json.loads((ROOT / "chapters" / f"{path.stem}.ipynb").read_text(encoding="utf-8"))
    assert [m for m, _, _ in code_catalog.chapter_messages(nb)] == list(messages), (
        f"{path.name} is stale: run python _ext/code_catalog.py"
    )
    missing = [m for m, s in messages.items() if not s]
    assert not missing, f"{path.name}: {len(missing)} untranslated, e.g. {missing[0]!r}"
    for msgid, msgstr in messages.items():
        code_catalog.check_message(msgid, msgstr)


def test_code_translation_keeps_the_code():
    source = '# slide the window\nx = f"{n} windows of {k:>3}"  # count them\ny = pool(x, mode="max")\nprint("all good", x)\n'
    messages = {"slide the window": "滑动窗口", 'f"{n} windows of {k:>3}"': 'f"{n} 个窗口，每个 {k:>3}"',
                "count them": "数一数", '"all good"': '"一切正常"'}  # fmt: skip
    new = code_catalog.translate(source, messages)
    assert new == (
        '# 滑动窗口\nx = f"{n} 个窗口，每个 {k:>3}"  # 数一数\ny = pool(x, mode="max")\nprint("一切正常", x)\n'
    )
    assert _code_tokens(new) == _code_tokens(source)
    with pytest.raises(ValueError, match="replacement fields"):
        code_catalog.check_message('f"{n} windows"', 'f"{m} 个窗口"')
    with pytest.raises(ValueError, match=r"not a (Python|string) literal"):
        code_catalog.check_message('"all good"', "一切正常")
    with pytest.raises(KeyError):
        code_catalog.translate(source, {})


# Variants the glossary rules out, and the one place each may still appear (a note on usage).
AVOID = {"步长": "stride is 步幅; numpy's strides are 内存跨度", "反卷积": "only where the misnomer is named"}


@pytest.mark.parametrize("word", AVOID)
def test_glossary_terms(word):
    uses = []
    for path in CATALOGS:
        with open(path, encoding="utf-8") as f:
            for m in read_po(f):
                if m.id and word in (m.string or "") and word not in m.id and "deconvolution" not in m.id:
                    uses.append(f"{path.stem}: {m.string[:60]}")
    assert not uses, f"{word} ({AVOID[word]}): {uses[:3]}"
