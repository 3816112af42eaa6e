"""Regenerate receiving_app/gui/forms/ from the Qt Designer files in ui/ (run after editing a .ui).

python scripts/compile_forms.py          # rewrite the generated modules
python scripts/compile_forms.py --check  # exit 1 if any module is out of date (CI)
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_FOLDER = ROOT / "ui"
FORMS_PACKAGE = ROOT / "receiving_app" / "gui" / "forms"


def uic_command() -> list[str]:
    beside_python = Path(sys.executable).parent / "pyside6-uic"
    return [str(beside_python if beside_python.exists() else shutil.which("pyside6-uic") or "pyside6-uic")]


def form_files() -> list[Path]:
    return sorted(UI_FOLDER.glob("*.ui"))


def module_for(form: Path) -> Path:
    return FORMS_PACKAGE / f"ui_{form.stem}.py"


def compiled(form: Path) -> str:
    # Compiled from inside ui/ so the header names the file alone, not this machine's path.
    completed = subprocess.run([*uic_command(), form.name], cwd=form.parent, capture_output=True, text=True, check=True)
    return with_used_imports_only(completed.stdout)


def with_used_imports_only(module: str) -> str:
    """The module with its PySide6 imports cut down to the names it uses.

    pyside6-uic imports some thirty classes into every form, used or not, and PySide6 builds a
    class's Python enums the first time it is imported: ``Qt`` alone costs 13 ms. The sign-in
    dialog is on screen sooner for not paying for what it does not use.
    """
    tree = ast.parse(module)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = module.splitlines(keepends=True)
    kept_text, copied_up_to = [], 0
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom) and (statement.module or "").startswith("PySide6."):
            kept_text.append("".join(lines[copied_up_to : statement.lineno - 1]))
            names = [alias.name for alias in statement.names if alias.name in used]
            if names:
                kept_text.append(f"from {statement.module} import {', '.join(names)}\n")
            copied_up_to = statement.end_lineno
    kept_text.append("".join(lines[copied_up_to:]))
    return "".join(kept_text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report forms whose module is out of date")
    arguments = parser.parse_args(argv)
    stale = []
    for form in form_files():
        text, module = compiled(form), module_for(form)
        if module.exists() and module.read_text(encoding="utf-8") == text:
            continue
        stale.append(module)
        if not arguments.check:
            module.write_text(text, encoding="utf-8")
    for module in stale:
        print(f"{'out of date' if arguments.check else 'wrote'}: {module.relative_to(ROOT)}")
    return 1 if arguments.check and stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
