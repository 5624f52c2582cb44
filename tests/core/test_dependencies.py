"""Every third-party package the code imports is declared in pyproject.toml.

The code runs against what `make install` installs from the lock, so a package that only
arrives through another one (numpy through matplotlib, say) works until that one drops
it. Runtime code may import only [project] dependencies; tests, scripts and the factories
(test and benchmark helpers) may also import the dev and loadtest extras.
"""

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = [
    "site",
    "learning",
    "personas",
    "pilots",
    "toolkit",
    "plans",
    "newsletter",
    "reactions",
    "agenda",
]
TOOLING = ["tests", "scripts"]
FIRST_PARTY = {
    "leernetwerk",
    "learning",
    "personas",
    "pilots",
    "toolkit",
    "plans",
    "newsletter",
    "reactions",
    "agenda",
}


def _normal(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def _name(requirement):
    # "psycopg[binary]>=3.2,<4" -> "psycopg" (PEP 508: the name comes first).
    return _normal(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement).group())


def _declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {_name(r) for r in project["dependencies"]}
    extras = {
        _name(r) for requirements in project["optional-dependencies"].values() for r in requirements
    }
    return runtime, runtime | extras


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def _undeclared(folders, allowed, skip=lambda path: False):
    distributions = importlib.metadata.packages_distributions()
    missing = set()
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            if skip(path):
                continue
            for module in _imports(path):
                if module in sys.stdlib_module_names or module in FIRST_PARTY:
                    continue
                if (path.parent / f"{module}.py").exists():
                    continue  # a sibling script (scripts/relevance.py imports bench)
                names = {_normal(d) for d in distributions.get(module, [module])}
                if not names & allowed:
                    missing.add(f"{module} ({path.relative_to(ROOT)})")
    return sorted(missing)


def test_runtime_code_imports_only_declared_dependencies():
    runtime, _ = _declared()
    assert _undeclared(RUNTIME, runtime, skip=lambda p: p.name == "factories.py") == []


def test_tests_scripts_and_factories_import_only_declared_packages():
    _, everything = _declared()
    assert _undeclared(TOOLING, everything) == []
    assert _undeclared(RUNTIME, everything, skip=lambda p: p.name != "factories.py") == []
