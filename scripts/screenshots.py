"""Screenshots of the main pages at desktop (1366 px) and phone (390 px) width.

Run against a running dev server with the demo content (make run, or
`manage.py runserver` after `load_demo`):

    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out docs/screenshots]

Uses Playwright with Debian's Chromium (scripts/ensure-chromium), like the browser tests.
"""

import argparse
import os
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "/",
    "kennisbank": "/kennisbank/?q=toekomstplan",
    "les": "/kennisbank/begin-het-toekomstplan-op-je-zestiende/",
    "pilots": "/pilots/",
    "pilot": "/pilots/team-12-venlo/",
    "personas": "/personas/",
    "hulpmiddelen": "/hulpmiddelen/",
    "arrangementenwaaier": "/hulpmiddelen/arrangementenwaaier/overzicht/",
    "toekomstplan": "/toekomstplan/acht-levensgebieden/",
    "inloggen": "/account/inloggen/",
}
WIDTHS = {"desktop": 1366, "telefoon": 390}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in PAGES.items():
                page.goto(args.base + path)
                page.screenshot(path=out / f"{name}-{label}.png")
                print(out / f"{name}-{label}.png")
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
