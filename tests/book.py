"""Build the book for a test, in a folder of its own: ``build(root, out)`` → the English html folder
(the Chinese one is its ``zh/``). ``chinese_only`` builds the Chinese edition alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(root, out, *, chinese_only=False):
    call = f"editions.build_chinese(Path({str(root)!r}), Path({str(out)!r}))" if chinese_only else (
        f"editions.build(Path({str(root)!r}), Path({str(out)!r}), notebooks=False)"
    )  # fmt: skip
    script = f"import sys; sys.path.insert(0, {str(ROOT / '_ext')!r}); import editions; from pathlib import Path; "
    done = subprocess.run([sys.executable, "-c", script + f"sys.exit({call})"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return Path(out) / "_build" / "html"
