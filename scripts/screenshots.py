"""Screenshots of the main pages at desktop (1366 px) and phone (390 px) width.

Run against a running dev server with the demo content (make run, or
`manage.py runserver` after `load_demo`):

    .venv/bin/python scripts/screenshots.py [--base http://127.0.0.1:8000] [--out docs/screenshots]
        [--login USER:PASSWORD]

The pages behind a login ("Les delen", the notification settings) are taken with
--login, as an approved professional (without it they are skipped).

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
    "agenda": "/agenda/",
    "bijeenkomst": "/agenda/werksessie-toekomstplan-schrijven/",
    "inloggen": "/account/inloggen/",
}
# Taken logged in (--login), as an approved professional.
MEMBER_PAGES = {
    "les-delen": "/kennisbank/les-delen/",
    "meldingen": "/account/meldingen/",
}
WIDTHS = {"desktop": 1366, "telefoon": 390}


def shoot(page, base, pages, out, label):
    for name, path in pages.items():
        page.goto(base + path)
        page.screenshot(path=out / f"{name}-{label}.png")
        print(out / f"{name}-{label}.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--login", help="USER:PASSWORD of an approved professional")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for label, width in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": 900})
            shoot(page, args.base, PAGES, out, label)
            if args.login:
                username, password = args.login.split(":", 1)
                page.goto(args.base + "/account/inloggen/")
                page.fill("#id_login", username)
                page.fill("#id_password", password)
                with page.expect_navigation():
                    page.click("main button[type=submit]")
                shoot(page, args.base, MEMBER_PAGES, out, label)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
