"""The layering is checked, not only described: `lint-imports` (run by `make lint`) keeps the repository's
contracts, and breaks them when a copy of the code is given an upward import, a cycle, or a reach into another
app's internals."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _copy(tmp_path: Path) -> Path:
    """The package's Python files and the configuration, where `garda` resolves to the copy."""
    shutil.copytree(ROOT / "garda", tmp_path / "garda", ignore=shutil.ignore_patterns("__pycache__", "*.json", "*.html",
        "*.po", "*.mo", "*.csv", "*.css", "*.js", "*.png", "*.svg", "*.txt", "*.md", "static", "locale"))  # fmt: skip
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _lint(where: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(where)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=where, env=env, capture_output=True, text=True, timeout=300
    )


def _broken(result: subprocess.CompletedProcess[str]) -> str:
    """The report with its lines joined (a long contract name wraps)."""
    assert result.returncode != 0, result.stdout
    return " ".join(result.stdout.split())


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _copy(tmp_path_factory.mktemp("layering"))


def test_the_repository_keeps_every_contract(pristine: Path) -> None:
    result = _lint(pristine)
    assert result.returncode == 0, result.stdout
    assert "5 kept, 0 broken" in result.stdout


def test_core_importing_a_feature_app_breaks_the_layers(tmp_path: Path) -> None:
    where = _copy(tmp_path)
    (where / "garda/core/upward.py").write_text("from garda.screening.api import Application  # noqa\n")
    out = _broken(_lint(where))
    assert "Each app imports only the apps below it (core at the bottom, nothing upwards) BROKEN" in out
    assert "garda.core.upward -> garda.screening.api" in out


def test_identity_importing_anything_but_core_is_refused(tmp_path: Path) -> None:
    where = _copy(tmp_path)
    (where / "garda/identity/upward.py").write_text("from garda.contracts import problems  # noqa\n")
    out = _broken(_lint(where))
    assert "Identity imports only core BROKEN" in out
    assert "garda.identity.upward -> garda.contracts" in out


def test_reaching_into_another_apps_internals_is_refused(tmp_path: Path) -> None:
    where = _copy(tmp_path)
    (where / "garda/stats/internals.py").write_text("from garda.screening.models import Application  # noqa\n")
    out = _broken(_lint(where))
    assert "Apps import each other only through the other app's api module BROKEN" in out
    assert "garda.stats.internals -> garda.screening.models" in out


def test_a_cycle_between_modules_is_refused(tmp_path: Path) -> None:
    where = _copy(tmp_path)
    (where / "garda/intel/loop_a.py").write_text("from garda.intel import loop_b  # noqa\n")
    (where / "garda/intel/loop_b.py").write_text("from garda.intel import loop_a  # noqa\n")
    out = _broken(_lint(where))
    assert "No import cycles between sibling packages or modules, at any depth BROKEN" in out
    assert "garda.intel" in out and ".loop_b -> .loop_a" in out


def test_the_channel_reaching_screening_even_indirectly_is_refused(tmp_path: Path) -> None:
    where = _copy(tmp_path)
    # Through a module of its own that the layers allow (decisions is a sibling layer, screening lower).
    (where / "garda/whistle/leak.py").write_text("from garda.screening.api import evidence  # noqa\n")
    out = _broken(_lint(where))
    assert "The whistleblowing channel imports neither screening nor decisions (even indirectly) BROKEN" in out
    assert "garda.whistle.leak -> garda.screening.api" in out


# --- The drawing ------------------------------------------------------------------------------------------------
# docs/import-graph.md is drawn from the code by this module (`python -m garda.core.tests.test_layering`), and the
# test below fails when the code and the drawing differ, so the drawing is never stale.

APPS = [
    "synthetic",
    "stats",
    "oversight",
    "decisions",
    "whistle",
    "screening",
    "intel",
    "identity",
    "contracts",
    "core",
]
DRAWING = ROOT / "docs" / "import-graph.md"


def app_graph() -> dict[tuple[str, str], int]:
    """(importer app, imported app) → how many module-level imports, production code only (tests left out)."""
    import grimp

    graph = grimp.build_graph("garda", cache_dir=None)
    edges: dict[tuple[str, str], int] = {}
    for module in graph.modules:
        parts = module.split(".")
        if len(parts) < 2 or parts[1] not in APPS or ".tests" in module or ".migrations" in module:
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            target = imported.split(".")
            if len(target) < 2 or target[1] not in APPS or target[1] == parts[1]:
                continue
            edges[(parts[1], target[1])] = edges.get((parts[1], target[1]), 0) + 1
    return edges


def drawing() -> str:
    edges = app_graph()
    lines = [
        "# How Garda's apps import each other",
        "",
        "Drawn from the code by `python -m garda.core.tests.test_layering` (a test fails when it is stale). An arrow",
        "`A --> B` means modules of A import modules of B, tests left out. Every arrow",
        "points down the layers of `docs/architecture.md`; `make lint` refuses one that would not.",
        "",
        "```mermaid",
        "graph TD",
    ]
    lines += [
        f"  {a} --> {b}"
        for (a, b), _n in sorted(edges.items(), key=lambda e: (APPS.index(e[0][0]), APPS.index(e[0][1])))
    ]
    lines += ["```", ""]
    return "\n".join(lines)


def test_every_arrow_of_the_drawing_points_down_the_layers() -> None:
    for importer, imported in app_graph():
        assert APPS.index(importer) < APPS.index(imported), f"{importer} imports {imported}, which is not below it"


def test_the_drawing_in_docs_is_the_code() -> None:
    assert DRAWING.read_text(encoding="utf-8") == drawing(), "run `python -m garda.core.tests.test_layering`"


if __name__ == "__main__":
    DRAWING.write_text(drawing(), encoding="utf-8")
    print(f"wrote {DRAWING}")
