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
# the pages' catalogs; the code catalogs (locale/zh_CN/LC_MESSAGES/code, _ext/code_catalog.py) are not pages
CATALOGS = sorted(p for p in LOCALE.rglob("*.po") if "code" not in p.relative_to(LOCALE).parts[:1])


def _load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_po = _load("check_po", ROOT / "docs" / "check_po.py")
sys.path.insert(0, str(ROOT / "_ext"))
translate_notebooks = _load("translate_notebooks", ROOT / "_ext" / "translate_notebooks.py")


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
    written = translate_notebooks.generate(ROOT, tmp_path)
    committed = sorted((ROOT / "zh" / "chapters").glob("*.ipynb"))
    assert [p.name for p in written] == [p.name for p in committed]
    for new, old in zip(written, committed, strict=True):
        assert new.read_bytes() == old.read_bytes(), f"{old.name} is stale: run python _ext/translate_notebooks.py"


@pytest.mark.parametrize("path", sorted((ROOT / "chapters").glob("*.ipynb")), ids=lambda p: p.stem)
def test_chinese_notebook_has_the_same_code_and_outputs_and_no_english_prose(path):
    en = json.loads(path.read_text(encoding="utf-8"))
    zh = json.loads((ROOT / "zh" / "chapters" / path.name).read_text(encoding="utf-8"))
    assert len(en["cells"]) == len(zh["cells"]) and en["metadata"] == zh["metadata"]
    for a, b in zip(en["cells"], zh["cells"], strict=True):
        if a["cell_type"] == "code":
            source = "".join(b["source"])
            if "colab-setup" in a["metadata"].get("tags", []):
                # the Colab setup cell: the same code, with Chinese comments
                code = lambda text: [line for line in text.splitlines() if not line.lstrip().startswith("#")]
                assert code(source) == code("".join(a["source"])) and source != "".join(a["source"])
                assert {k: v for k, v in a.items() if k != "source"} == {k: v for k, v in b.items() if k != "source"}
            elif 'lang="zh"' in source:
                # the exercise checker's cells: the same code, asking for the report in Chinese; nbval
                # runs these notebooks, so their recomputed outputs are checked there
                assert re.sub(r',? ?lang="zh"', "", source) == "".join(a["source"])
                assert {k: v for k, v in a.items() if k not in ("source", "outputs")} == {
                    k: v for k, v in b.items() if k not in ("source", "outputs")
                }
            else:
                assert a == b
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
