"""Check Chinese catalogs against their English messages: untranslated, or math/code/roles/links changed.

    python docs/check_po.py locale/zh_CN/LC_MESSAGES/chapters/05_conv_backward.po [...]

Prints one line per problem and exits 1 if there is any. tests/test_translation.py runs the same check.
"""

from __future__ import annotations

import re
import sys
from collections import Counter

from babel.messages.pofile import read_po

MATH = re.compile(r"\$\$.*?\$\$|\$[^$\n]+?\$", re.S)
CODE = re.compile(r"`[^`\n]+`")
ROLE = re.compile(r"\{(doc|eq|ref|numref|cite:p|cite:t|cite|download|term)\}`([^`]*)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")
LABEL = re.compile(r"^\(([\w-]+)\)=", re.M)


def _targets(text):
    """What must survive translation unchanged: math, code spans, role targets, link URLs, labels."""
    out = Counter()
    stripped = ROLE.sub(" ", text)
    for role, body in ROLE.findall(text):
        target = re.search(r"<([^>]+)>\s*$", body)
        out[("role", role, (target.group(1) if target else body).strip() if role != "cite:p" else body)] += 1
    for m in MATH.findall(stripped):
        # words in \text{...} may be translated; the formula around them may not
        m = re.sub(r"\\text\{[^{}]*\}", r"\\text{}", m)
        out[("math", " ".join(m.split()))] += 1
    for m in CODE.findall(MATH.sub(" ", stripped)):
        out[("code", m)] += 1
    for m in LINK.findall(text):
        out[("link", m)] += 1
    for m in LABEL.findall(text):
        out[("label", m)] += 1
    return out


def problems(path):
    with open(path, encoding="utf-8") as f:
        catalog = read_po(f)
    for message in catalog:
        if not message.id:
            continue
        if not message.string:
            yield f"{path}: untranslated: {message.id[:70]!r}"
            continue
        if message.fuzzy:
            yield f"{path}: fuzzy: {message.id[:70]!r}"
        want, got = _targets(message.id), _targets(message.string)
        if want != got:
            missing = want - got
            extra = got - want
            yield f"{path}: changed {dict(missing) or ''} -> {dict(extra) or ''} in {message.id[:60]!r}"


if __name__ == "__main__":
    found = [p for path in sys.argv[1:] for p in problems(path)]
    print("\n".join(found) if found else "ok")
    sys.exit(1 if found else 0)
