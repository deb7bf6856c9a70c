"""Tidy the catalogs after ``sphinx-intl update``: drop obsolete entries and Babel's format flags.

Babel marks a message ``python-format`` or ``python-brace-format`` when its English happens to contain
"75% f..." or "{mean}"; msgfmt then demands the same "format codes" in the Chinese. The book's messages
are never format strings. The code catalogs (``code/``, :mod:`code_catalog`) are left alone.
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

for path in sorted(Path(sys.argv[1]).rglob("*.po")):
    if "code" in path.relative_to(sys.argv[1]).parts[:1]:
        continue  # the code catalogs are written by _ext/code_catalog.py, in its own format
    with open(path, encoding="utf-8") as f:
        catalog = read_po(f)
    catalog.obsolete.clear()
    catalog.fuzzy = False  # the header: the catalog is in use, not a draft
    catalog.last_translator = "The cnnlib translators"
    catalog.project = "Convolution and pooling, forward and backward"
    catalog.header_comment = "# The Chinese edition's text for one page of the book (see docs/translation-zh.md)."
    catalog.revision_date = catalog.creation_date
    for message in catalog:
        message.flags -= {f for f in message.flags if f.endswith("-format")}
    with open(path, "wb") as f:
        write_po(f, catalog, width=76, omit_header=False, ignore_obsolete=True)
