"""The direction imports run in (STYLE.md): cms imports the content apps, never the other way round."""

import ast
from pathlib import Path

from django.test import SimpleTestCase

BASE_DIR = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "home": {"cms", "stories", "cities"},
    "stories": {"cms"},
    "cities": {"cms", "stories"},
}


def imported_apps(path, package):
    """The top-level packages a module imports, relative imports resolved against `package`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(package if node.level else (node.module or "").split(".")[0])
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", getattr(node.func, "id", "")) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.add(node.args[0].value.split(".")[0])
    return found


class ImportRulesTests(SimpleTestCase):
    def test_content_apps_import_only_downwards(self):
        violations = []
        for app, forbidden in FORBIDDEN.items():
            files = sorted((BASE_DIR / app).rglob("*.py"))
            self.assertTrue(files, app)
            for path in files:
                for name in sorted(imported_apps(path, app) & forbidden):
                    violations.append(f"{path.relative_to(BASE_DIR)} imports {name}")
        self.assertEqual(violations, [])

    def test_the_checker_sees_every_kind_of_import(self):
        sample = BASE_DIR / "test-artifacts" / "import_sample.py"
        sample.parent.mkdir(exist_ok=True)
        sample.write_text(
            "import cms.settings\nfrom stories import models\nfrom .models import X\n"
            "import importlib\nimportlib.import_module('cities.models')\n"
            "def f():\n    from cms.api import api_router\n"
        )
        self.addCleanup(sample.unlink)
        self.assertEqual(imported_apps(sample, "home"), {"cms", "stories", "home", "importlib", "cities"})
