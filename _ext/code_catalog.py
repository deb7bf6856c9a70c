"""The words inside the chapters' code, for the Chinese notebooks: comments and prose string literals.

    python _ext/code_catalog.py           # refresh locale/zh_CN/LC_MESSAGES/code/*.po from chapters/*.ipynb
    python _ext/code_catalog.py --check   # every translation valid; how many are missing
    python _ext/code_catalog.py --preview 05_conv_backward   # run a chapter with its code in Chinese

A code cell of a Chinese notebook is its English cell with the comments and the
string literals that hold prose (what a cell prints, a figure's titles and
captions, a stub's docstring) replaced by their translations; every name,
number and operator stays, so both editions compute the same thing
(``tests/test_translation.py`` checks it token by token, and that the numbers
the two editions print agree).

Each chapter has a catalog ``locale/zh_CN/LC_MESSAGES/code/<chapter>.po``:

- a comment's ``msgid`` is its text after ``# ``; its ``msgstr`` the Chinese text;
- a string literal's ``msgid`` is its source, quotes and prefix included
  (``f"{n} windows of {k}×{k}"``); its ``msgstr`` is the Chinese literal, which
  must be a string literal again with the same replacement fields
  (:func:`check_message`). A literal that must not change (a format, a
  mode such as ``"valid"``) has ``msgstr`` equal to ``msgid``.

A literal holds prose when it has a word of two letters and a space, or ends
like a sentence; single words (``"max"``, ``"center"``) are code.
"""

from __future__ import annotations

import ast
import io
import re
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "locale" / "zh_CN" / "LC_MESSAGES" / "code"
_WORD = re.compile(r"[A-Za-z]{2,}|\b(?:e\.g|i\.e)\.")


def _tokens(source):
    """The tokens of a cell, IPython magics (``%pip …``) read as comments."""
    masked = re.sub(r"(?m)^([ \t]*)([%!])", r"\1#\2", source)
    return list(tokenize.generate_tokens(io.StringIO(masked).readline))


def _is_prose(literal):
    text = _text_of(literal)
    if not text:
        return False
    return bool(_WORD.search(text)) and (" " in text.strip() or bool(re.search(r"[A-Za-z][.:]\s*$", text)))


# Keyword arguments whose string values are code (a mode, an alignment, a colour), never words for a reader.
CODE_KEYWORDS = {"mode", "ha", "va", "horizontalalignment", "verticalalignment", "color", "c", "colors", "cmap",
                 "loc", "dtype", "method", "kind", "ls", "linestyle", "marker", "hatch", "ec", "fc", "edgecolor",
                 "facecolor", "interpolation", "aspect", "origin", "which", "family", "weight", "textcoords",
                 "arrowstyle", "connectionstyle", "boxstyle", "lang", "optimize", "order", "casting", "stage",
                 "where", "norm", "bbox_inches", "format", "subset", "split", "solver", "act"}  # fmt: skip


def _code_literals(source):
    """Start positions (line, character column) of string literals the code uses as code: keyword values of
    :data:`CODE_KEYWORDS`, subscripts and dictionary keys, comparisons, and calls' first arguments of
    ``getattr``/``np.einsum``/``warnings.filterwarnings``."""
    masked = re.sub(r"(?m)^([ \t]*)([%!])", r"\1#\2", source)
    try:
        tree = ast.parse(masked)
    except SyntaxError:
        return set()
    lines = masked.splitlines()
    spots = set()

    def mark(node):
        for n in ast.walk(node):
            if isinstance(n, ast.Constant) and isinstance(n.value, str):
                line = lines[n.lineno - 1].encode("utf-8")
                spots.add((n.lineno, len(line[: n.col_offset].decode("utf-8"))))

    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in CODE_KEYWORDS:
            mark(node.value)
        elif isinstance(node, ast.Subscript):
            mark(node.slice)
        elif isinstance(node, ast.Dict):
            for key in node.keys:
                if key is not None:
                    mark(key)
        elif isinstance(node, ast.Compare):
            mark(node)
        elif isinstance(node, ast.Call) and node.args:
            name = ast.unparse(node.func)
            if name.split(".")[-1] in {"getattr", "einsum", "filterwarnings", "simplefilter", "use", "style"}:
                mark(node.args[0])
    return spots


def pieces(source):
    """The translatable pieces of a cell's code, in order: ``[(kind, msgid, (start, end))]``.

    ``kind`` is ``"comment"`` or ``"string"``; ``start``/``end`` are (line, column) of the replaced text.
    A literal that holds prose is a piece, and so is every literal concatenated with it, so a sentence split
    over several literals is translated whole (prose used as a key, ``layers["standard 3x3"]``, is
    translated the same wherever it appears). A one-word literal is a piece unless the code uses it as code
    (:func:`_code_literals`). Comments of magics (``%pip``) and ``# fmt:``/``# noqa``
    pragmas are not translated.
    """
    out, group = [], []
    code = _code_literals(source)

    def close_group():
        if any(_is_prose(t.string) for t in group):
            for t in group:  # the whole sentence, whatever its pieces hold
                if _text_of(t.string):
                    out.append(("string", t.string, (t.start, t.end)))
        elif len(group) == 1 and _is_word(group[0].string) and group[0].start not in code:
            out.append(("string", group[0].string, (group[0].start, group[0].end)))
        group.clear()

    for tok in _tokens(source):
        if tok.type == tokenize.STRING:
            group.append(tok)
            continue
        if tok.type in (tokenize.NL, tokenize.COMMENT) and group:
            pass  # a concatenation may run over lines, with comments between
        elif group:
            close_group()
        if tok.type == tokenize.COMMENT:
            text = tok.string[1:].strip()
            if not _WORD.search(text) or re.match(r"^[%!]|fmt:|noqa|type:", text):
                continue
            line, col = tok.start
            offset = len(tok.string) - len(tok.string[1:].lstrip())
            out.append(("comment", text, ((line, col + offset), tok.end)))
    if group:
        close_group()
    out.sort(key=lambda piece: piece[2][0])
    return out


def _text_of(literal):
    try:
        node = ast.parse(literal, mode="eval").body
    except SyntaxError:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):  # its text, and the words of fields that are only words ({'layer':<9})
        return " ".join(
            v.value if isinstance(v, ast.Constant) else v.value.value
            for v in node.values
            if isinstance(v, ast.Constant) or (isinstance(v.value, ast.Constant) and isinstance(v.value.value, str))
        )
    return None


def _is_word(literal):
    """A one-word literal that may be a word for the reader (a legend, an axis label): not a file name,
    a format or a path."""
    text = _text_of(literal)
    return bool(text and re.fullmatch(r"\s*[A-Za-z][A-Za-z-]*[A-Za-z]\s*", text))


def _fields(literal):
    """The replacement fields of an f-string, as dumps; a field that is only a string (``{'layer':<9}``, a
    column heading) counts as words: its text and width may change (a Chinese character takes two columns)."""
    node = ast.parse(literal, mode="eval").body
    if not isinstance(node, ast.JoinedStr):
        return []
    fields = []
    for v in node.values:
        if isinstance(v, ast.FormattedValue):
            if isinstance(v.value, ast.Constant) and isinstance(v.value.value, str):
                v = ast.Constant("<words>")
            fields.append(ast.dump(v))
    return sorted(fields)


def check_message(msgid, msgstr):
    """Raise ``ValueError`` unless ``msgstr`` can stand for ``msgid`` in the code."""
    if msgid.startswith(("'", '"')) or re.match(r"^[rRbBfFuU]{1,2}['\"]", msgid):
        try:
            node = ast.parse(msgstr, mode="eval").body
        except SyntaxError as err:
            raise ValueError(f"{msgstr!r} is not a Python literal: {err}") from None
        if not isinstance(node, ast.Constant | ast.JoinedStr):
            raise ValueError(f"{msgstr!r} is not a string literal")
        if _fields(msgid) != _fields(msgstr):
            raise ValueError(f"{msgstr!r} does not have the replacement fields of {msgid!r}")
    elif "\n" in msgstr:
        raise ValueError(f"a comment's translation is one line: {msgstr!r}")


def translate(source, messages, strict=True):
    """``source`` with its pieces replaced by their translations in ``messages`` (``{msgid: msgstr}``)."""
    original = source.splitlines(keepends=True)
    starts = [0]
    for line in original:
        starts.append(starts[-1] + len(line))
    text = source
    for kind, msgid, (start, end) in reversed(pieces(source)):
        new = messages.get(msgid)
        if not new:
            if strict:
                raise KeyError(f"no translation of the {kind} {msgid!r}")
            continue
        a = starts[start[0] - 1] + start[1]
        b = starts[end[0] - 1] + end[1]
        text = text[:a] + new + text[b:]
    return text


def chapter_messages(nb):
    """``[(msgid, kind, context)]`` of a notebook's code cells, each msgid once, in order of appearance."""
    seen, out = set(), []
    for index, cell in enumerate(nb["cells"]):
        if cell["cell_type"] != "code" or "colab-setup" in cell.get("metadata", {}).get("tags", []):
            continue
        source = "".join(cell["source"])
        for kind, msgid, (start, _) in pieces(source):
            if msgid not in seen:
                seen.add(msgid)
                out.append((msgid, kind, f"cell {index}, line {start[0]}"))
    return out


def catalog(stem, root=ROOT):
    """``{msgid: msgstr}`` of a chapter's code catalog (empty when there is none)."""
    from babel.messages.pofile import read_po

    path = Path(root) / "locale" / "zh_CN" / "LC_MESSAGES" / "code" / f"{stem}.po"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as f:
        return {m.id: m.string for m in read_po(f) if m.id}


def update(root=ROOT):
    """Write each chapter's code catalog: messages in order, translations kept, messages no longer used dropped."""
    import json

    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from reader_notebooks import chapter_paths

    written = []
    for path in chapter_paths(Path(root), "en"):
        nb = json.loads(path.read_text(encoding="utf-8"))
        old = catalog(path.stem, root)
        cat = Catalog(locale="zh_CN", project="cnnlib book: code", fuzzy=False)
        for msgid, kind, where in chapter_messages(nb):
            cat.add(msgid, old.get(msgid, ""), auto_comments=[f"{kind}, {where}"])
        for message in cat:  # babel guesses "python-format" from a % or {}; msgfmt would then check them as such
            message.flags -= {"python-format", "python-brace-format"}
        target = Path(root) / "locale" / "zh_CN" / "LC_MESSAGES" / "code" / f"{path.stem}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as f:
            write_po(f, cat, width=0, omit_header=False, sort_output=False)
        written.append(target)
    return written


def check(root=ROOT):
    """Every translation a valid stand-in for its message; returns ``{chapter: number untranslated}``."""
    problems, missing = [], {}
    for path in sorted((Path(root) / "locale" / "zh_CN" / "LC_MESSAGES" / "code").glob("*.po")):
        for msgid, msgstr in catalog(path.stem, root).items():
            if not msgstr:
                missing[path.stem] = missing.get(path.stem, 0) + 1
                continue
            try:
                check_message(msgid, msgstr)
            except ValueError as err:
                problems.append(f"{path.name}: {err}")
    if problems:
        raise ValueError("\n".join(problems))
    return missing


def preview(stem, out=Path("/tmp/code-preview"), root=ROOT):
    """Run chapter ``stem`` with its code translated as far as the catalog goes (prose left English), in a
    fresh kernel, with ``cnnlib.set_language("zh")``; write the notebook to ``out`` and return what its
    code cells print, cell by cell. For translators: see the Chinese outputs before committing."""
    import json

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import translate_notebooks

    nb = json.loads((Path(root) / "chapters" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    messages = catalog(stem, root)
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            if "colab-setup" in cell.get("metadata", {}).get("tags", []):
                cell["source"] = ["import cnnlib\n", 'cnnlib.set_language("zh")\n']
            else:
                cell["source"] = translate("".join(cell["source"]), messages, strict=False).splitlines(keepends=True)
    done = translate_notebooks.execute(nb, Path(root) / "chapters")
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.ipynb").write_text(json.dumps(done, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    lines = []
    for index, cell in enumerate(done["cells"]):
        for o in cell.get("outputs", []):
            text = "".join(o.get("text", "")) or "".join(o.get("data", {}).get("text/plain", ""))
            if text:
                lines.append(f"--- cell {index}\n{text.rstrip()}")
    return "\n".join(lines)


if __name__ == "__main__":
    if "--preview" in sys.argv:
        print(preview(sys.argv[sys.argv.index("--preview") + 1]))
    elif "--check" in sys.argv:
        print("untranslated:", check() or "none")
    else:
        for p in update():
            print("wrote", p.relative_to(ROOT))
