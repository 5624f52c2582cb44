"""The foundation (``site/``, import name ``leernetwerk``) knows no feature app, and no
two apps depend on each other in a circle.

Features add to the foundation through the hooks in ``leernetwerk.core.hooks``. The
settings are the one place that names them: a deployment chooses its apps
(INSTALLED_APPS) and their middleware (MIDDLEWARE). Imports inside functions count as
well: they hide a dependency, they do not remove it.
"""

import ast
import re
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FEATURES = (
    "learning",
    "personas",
    "pilots",
    "toolkit",
    "plans",
    "newsletter",
    "reactions",
    "agenda",
)
# "learning.urls", "plans.Plan", "pilots:overview": a module, model or URL of a feature.
FEATURE_NAME = re.compile(rf"^({'|'.join(FEATURES)})[.:]")
SETTINGS_ALLOWED = {"INSTALLED_APPS", "MIDDLEWARE"}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[0] == "site":
        parts[0] = "leernetwerk"
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _package(path):
    here = module_name(path).split(".")
    return here if path.name == "__init__.py" else here[:-1]


def _imports_under(tree, package):
    """The modules imported anywhere under ``tree``, relative imports resolved."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            if node.module is None:  # from . import render
                yield from (f"{module}.{alias.name}" for alias in node.names)
            else:
                yield module


def imported_modules(path):
    """Every module ``path`` imports, at any depth."""
    tree = ast.parse(path.read_text(), filename=str(path))
    yield from _imports_under(tree, _package(path))


def app_of(module):
    """``leernetwerk.core`` for ``leernetwerk.core.models``; ``learning`` for
    ``learning.search.views``; None for third-party modules."""
    parts = module.split(".")
    if parts[0] == "leernetwerk":
        return ".".join(parts[:2])
    return parts[0] if parts[0] in FEATURES else None


def source_files(folder):
    return [
        path
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "migrations" not in path.parts and ".venv" not in path.parts
    ]


def strings_outside_allowed_settings(path):
    """String constants of ``path``; in settings, those outside INSTALLED_APPS/MIDDLEWARE."""
    tree = ast.parse(path.read_text(), filename=str(path))
    skipped = set()
    if "settings" in path.parts:
        # Any statement that builds INSTALLED_APPS or MIDDLEWARE (=, +=, .insert, ...).
        for statement in tree.body:
            names = {node.id for node in ast.walk(statement) if isinstance(node, ast.Name)}
            if names & SETTINGS_ALLOWED:
                skipped.update(id(child) for child in ast.walk(statement))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in skipped:
                yield node.lineno, node.value


def test_the_foundation_imports_no_feature_app():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in source_files("site")
        for module in imported_modules(path)
        if app_of(module) in FEATURES
    ]
    assert offenders == []


def test_the_foundation_names_no_feature_module_or_model_outside_its_settings():
    # include("learning.urls"), apps.get_model("learning.Les"), "plans.middleware...":
    # a dependency by name is still a dependency.
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {value!r}"
        for path in source_files("site")
        for line, value in strings_outside_allowed_settings(path)
        if FEATURE_NAME.match(value)
    ]
    assert offenders == []


def test_the_templates_of_the_foundation_reverse_no_feature_url():
    # /zoeken/ is a URL name every site has ("search"); a feature's namespace is not.
    pattern = re.compile(rf"{{% url ['\"]({'|'.join(FEATURES)}):")
    templates = [ROOT / "templates/base.html", ROOT / "templates/404.html"]
    for folder in ("core", "includes", "news", "account", "allauth", "mfa"):
        templates += sorted((ROOT / "templates" / folder).rglob("*.html"))
    offenders = [
        str(path.relative_to(ROOT)) for path in templates if pattern.search(path.read_text())
    ]
    assert offenders == []


def app_dependencies():
    """{app: {apps it imports}} over every module of the project."""
    graph = defaultdict(set)
    for folder in ("site", *FEATURES):
        for path in source_files(folder):
            source = app_of(module_name(path))
            for module in imported_modules(path):
                target = app_of(module)
                if source and target and target != source:
                    graph[source].add(target)
    return graph


def test_apps_depend_on_each_other_without_cycles():
    graph = app_dependencies()
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        pytest.fail(f"import cycle between apps: {error.args[1]}")
    assert "leernetwerk.core" in order
    # Features build on the foundation, never on each other.
    between_features = [(a, b) for a in FEATURES for b in graph[a] if b in FEATURES]
    assert between_features == []


def test_the_cycle_check_sees_a_cycle():
    with pytest.raises(CycleError):
        list(TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())


# Imports inside functions, each kind with its reason. Django requires them in apps.py
# (models and signals load after the app registry), and a model's method may reach a
# module of its own app that imports the models (a page's route to its view, feed or
# form): Django keeps models free of view imports. Besides those:
LAZY_IMPORTS = {
    # WeasyPrint loads Pango on import; only processes that make a PDF pay for it.
    "weasyprint",
    # Each search backend needs models or drivers of its own database only.
    "leernetwerk.sitesearch.backends.postgres",
    "leernetwerk.sitesearch.backends.sqlite",
    "modelsearch.backends.database.postgres",
    "modelsearch.backends.database.postgres.postgres",
    "modelsearch.backends.database.sqlite",
    "modelsearch.backends.database.sqlite.sqlite",
    # The optional Elasticsearch backend: its client loads only when it is configured.
    "learning.search.elastic",
    # matplotlib loads only when a chart is drawn (most requests serve a cached one).
    "personas.charts.render",
    # The batch writer builds on lessons_io's field definitions.
    "learning.lesson_import",
}


def function_local_imports(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            yield from _imports_under(function, _package(path))


def allowed_inside_function(path, module):
    if path.name == "apps.py" or module in LAZY_IMPORTS:
        return True
    in_models = "models" in path.parts or path.name == "models.py"
    return in_models and app_of(module) == app_of(module_name(path))


def test_imports_inside_functions_only_where_they_must_be():
    offenders = [
        f"{path.relative_to(ROOT)}: {module}"
        for folder in ("site", *FEATURES)
        for path in source_files(folder)
        for module in function_local_imports(path)
        if not allowed_inside_function(path, module)
    ]
    assert offenders == []
