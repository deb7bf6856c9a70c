"""What a page of the built book loads: bytes of every file it requests, summed, and gzip-compressed.

    python benchmarks/page_weight.py _build/html intro chapters/05_conv_backward zh/chapters/05_conv_backward

Opens each page through file:// in headless Chromium at desktop size, scrolls to the end (so lazy
images count), and sums the files the page asked for. Uses ``$CHROMIUM`` or /usr/bin/chromium when
present, else Playwright's own browser.
"""

import gzip
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

from playwright.sync_api import sync_playwright


def _browser(p):
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    kwargs = {"executable_path": path} if Path(path).exists() else {}
    return p.chromium.launch(args=["--no-sandbox", "--disable-gpu"], **kwargs)


def weigh(site, pages):
    site = Path(site).resolve()
    rows = []
    with sync_playwright() as p:
        browser = _browser(p)
        for name in pages:
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            page = ctx.new_page()
            urls = set()
            page.on("request", lambda r, urls=urls: urls.add(r.url))
            page.goto((site / f"{name}.html").as_uri())
            page.wait_for_load_state("load")
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.wait_for_timeout(500)
            files = [Path(unquote(urlsplit(u).path)) for u in urls if u.startswith("file://")]
            sizes = sorted(((len(f.read_bytes()), f.name, len(gzip.compress(f.read_bytes(), 6))) for f in files
                            if f.is_file()), reverse=True)  # fmt: skip
            rows.append((name, len(files), sum(s[0] for s in sizes), sum(s[2] for s in sizes), sizes[:3]))
            ctx.close()
        browser.close()
    return rows


def main(argv):
    site, *pages = argv
    rows = weigh(site, pages)
    for name, n, raw, gz, big in rows:
        biggest = ", ".join(f"{f} {s / 1e3:.0f}" for s, f, _ in big)
        print(f"{name:40s} {n:3d} files {raw / 1e3:7.0f} kB  gzip {gz / 1e3:6.0f} kB   biggest (kB): {biggest}")
    print(f"{'mean':40s}           {sum(r[2] for r in rows) / len(rows) / 1e3:7.0f} kB  "
          f"gzip {sum(r[3] for r in rows) / len(rows) / 1e3:6.0f} kB")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
