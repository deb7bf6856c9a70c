#!/usr/bin/env bash
# Bring locale/zh_CN up to date with the English text: new messages come in untranslated, changed ones
# fuzzy (with the old translation as a starting point), removed ones are dropped. Run from the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
"$PY" -c "import sys; sys.path.insert(0, '_ext'); import editions; editions.write_conf()"
rm -rf _build/gettext _build/.doctrees-gettext
"$PY" -m sphinx -b gettext -q -d _build/.doctrees-gettext . _build/gettext
"$PY" -m sphinx_intl update -p _build/gettext -l zh_CN -d locale -w 76 >/dev/null
"$PY" docs/clean_catalogs.py locale/zh_CN/LC_MESSAGES
