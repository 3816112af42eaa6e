"""pyproject.toml names every package the wheel must carry, and resources/ is one of them.

The packages are listed by hand (setuptools' discovery cannot map the top-level ``resources/``
folder into ``receiving_app``), so a new subpackage or resource folder without its line would be
left out of the wheel silently; these tests say which line is missing. tests/installer/test_wheel.py
builds the wheel itself and runs it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]
RESOURCES_PACKAGE = "receiving_app.resources"


def _folders(top: Path) -> list[Path]:
    return [
        top,
        *sorted(
            path
            for path in top.rglob("*")
            if path.is_dir() and path.name != "__pycache__" and not path.name.startswith(".")
        ),
    ]


def _code_packages() -> set[str]:
    package = ROOT / "receiving_app"
    return {
        ".".join(folder.relative_to(ROOT).parts) for folder in _folders(package) if (folder / "__init__.py").is_file()
    }


def _resource_packages() -> set[str]:
    top = ROOT / "resources"
    return {".".join((RESOURCES_PACKAGE, *folder.relative_to(top).parts)) for folder in _folders(top)}


def test_every_package_of_the_source_tree_is_listed() -> None:
    listed = set(SETUPTOOLS["packages"])

    missing = (_code_packages() | _resource_packages()) - listed
    stale = listed - (_code_packages() | _resource_packages())

    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"
    assert not stale, f"pyproject.toml lists packages that do not exist: {sorted(stale)}"


def test_the_resources_folder_is_the_resources_package() -> None:
    assert SETUPTOOLS["package-dir"] == {RESOURCES_PACKAGE: "resources"}
    assert (ROOT / "resources" / "__init__.py").is_file(), "an editable install imports receiving_app.resources from it"


def test_every_resource_folder_ships_all_its_files() -> None:
    package_data = SETUPTOOLS["package-data"]

    for package in _resource_packages():
        assert package_data.get(package) == ["*"], f'[tool.setuptools.package-data] {package} = ["*"] is missing'
