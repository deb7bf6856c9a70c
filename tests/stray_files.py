"""What tools and editors leave in a checkout, and a tree of links to the checkout that holds it.

The book's build and the notebook generators must read none of it: ``tests/test_browser.py`` builds
both editions from such a tree, ``tests/test_reader_notebooks.py`` runs the generators on one.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STRAY = [  # what tools and editors leave in a checkout; the build must not read any of it (-W would fail)
    ".pytest_cache/README.md",
    ".ipynb_checkpoints/intro-checkpoint.md",
    "chapters/.ipynb_checkpoints/05_conv_backward-checkpoint.ipynb",
    "zh/chapters/.ipynb_checkpoints/05_conv_backward-checkpoint.ipynb",
    "chapters/Untitled.ipynb",
    "notes.md",
    "intro.md~",
    "#intro.md#",
    "chapters/.#05_conv_backward.ipynb",
]


def tree_with_stray_files(tree):
    """The checkout as a tree of links (as the Chinese edition's build makes one), plus ``STRAY``.

    A folder that receives a stray file is a real folder of links, so nothing is ever written through a
    link into the checkout itself.
    """
    skip = {"_build", "conf.py"}  # and every dot-entry: the build output and what it writes

    def real_folder(relative):
        path = tree
        for part in relative.parts:
            path = path / part
            if path.is_symlink():
                path.unlink()
            if not path.exists():
                path.mkdir()
                source = ROOT / path.relative_to(tree)
                for entry in sorted(source.iterdir()) if source.is_dir() else ():
                    if entry.name not in skip and not entry.name.startswith("."):
                        (path / entry.name).symlink_to(entry)
        return path

    for entry in sorted(ROOT.iterdir()):
        if entry.name not in skip and not entry.name.startswith("."):
            (tree / entry.name).symlink_to(entry)
    for name in STRAY:
        target = real_folder(Path(name).parent) / Path(name).name
        if target.is_symlink() or target.exists():
            target.unlink()
        if target.name.startswith(".#"):  # an Emacs lock: a link to nowhere
            target.symlink_to("root@host.1234:1700000000")
        elif target.suffix == ".ipynb":
            target.write_text((ROOT / "chapters" / "05_conv_backward.ipynb").read_text(encoding="utf-8"))
        else:
            target.write_text("# Stray\n\nLeft behind by a tool; not part of the book.\n", encoding="utf-8")
    return tree
