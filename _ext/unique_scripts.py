"""Sphinx extension: include each page script once.

sphinx-thebe registers its inline configuration script once per
``env-before-read-docs`` event, and with jupyter-book 1.x that event can fire
twice, so every page declared ``const THEBE_JS_URL`` twice and the browser
logged "Identifier 'THEBE_JS_URL' has already been declared". This drops
exact duplicates from each page's script list.
"""


def _unique(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, kept = set(), []
    for script in scripts:
        key = (str(script.filename or ""), tuple(sorted((k, str(v)) for k, v in script.attributes.items())))
        if key not in seen:
            seen.add(key)
            kept.append(script)
    scripts[:] = kept


def setup(app):
    app.connect("html-page-context", _unique, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
