"""Aanspreekvorm: everything a young person may read says "je", never "u" or "uw"
(README, "Aanspreekvorm")."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
U = re.compile(r"\b(u|uw|uzelf)\b", re.IGNORECASE)
TAGS = re.compile(r"{%.*?%}|{{.*?}}|<[^>]+>", re.DOTALL)

TEMPLATE_FOLDERS = ["templates/plans", "templates/account", "templates/mfa", "templates/allauth"]
PYTHON_FILES = [
    "plans/forms.py",
    "site/users/forms.py",
    *map(str, Path(ROOT).glob("plans/views/*.py")),
]


def _template_texts():
    for folder in TEMPLATE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".html", ".txt"):
                # the text between the tags, plus the strings inside {% translate "…" %}
                source = path.read_text()
                texts = re.findall(r'translate "([^"]*)"', source)
                texts.append(TAGS.sub(" ", source))
                yield path.relative_to(ROOT), texts


def _python_texts():
    for name in PYTHON_FILES:
        path = ROOT / name
        strings = [
            node.value
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value
        ]
        yield path.relative_to(ROOT), strings


@pytest.mark.parametrize("where, texts", [*_template_texts(), *_python_texts()], ids=str)
def test_young_people_are_addressed_with_je(where, texts):
    offending = [text.strip()[:80] for text in texts if U.search(text)]
    assert not offending, f"'u'/'uw' in {where}: {offending}"
