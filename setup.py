"""Package map: the site/ folder is importable as `leernetwerk`.

`site` is a standard-library module (imported by Python at start-up), so the
folder cannot be imported under its own name. Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

APPS = ["learning", "personas", "pilots", "toolkit", "plans", "newsletter", "reactions", "agenda"]

site_packages = ["leernetwerk"] + [f"leernetwerk.{name}" for name in find_packages("site")]
app_packages = find_packages(include=[pattern for app in APPS for pattern in (app, f"{app}.*")])

setup(
    packages=site_packages + app_packages,
    package_dir={"leernetwerk": "site"},
)
