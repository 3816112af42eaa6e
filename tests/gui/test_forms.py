"""The generated form modules are exactly what pyside6-uic makes of the .ui files today."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("compile_forms", ROOT / "scripts" / "compile_forms.py")
compile_forms = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compile_forms)


@pytest.mark.parametrize("form", compile_forms.form_files(), ids=lambda path: path.name)
def test_the_generated_module_matches_its_ui_file(form: Path) -> None:
    module = compile_forms.module_for(form)
    assert module.exists(), f"run scripts/compile_forms.py: {module.name} is missing"
    assert module.read_text(encoding="utf-8") == compile_forms.compiled(form), (
        f"run scripts/compile_forms.py: {module.name} is stale"
    )
    assert "All changes made in this file will be lost" in module.read_text(encoding="utf-8")


def test_every_generated_module_has_its_ui_file() -> None:
    generated = {path.stem for path in compile_forms.FORMS_PACKAGE.glob("ui_*.py")}
    assert generated == {compile_forms.module_for(form).stem for form in compile_forms.form_files()}


def test_a_form_imports_only_the_qt_classes_it_uses() -> None:
    generated = (
        "from PySide6.QtCore import (QCoreApplication, QDate,\n    QMetaObject, Qt)\n"
        "from PySide6.QtGui import (QBrush, QColor)\n"
        "from receiving_app.gui.weight_panel import WeightPanel\n"
        "\n"
        "class Ui_Form(object):\n"
        "    def setupUi(self, Form):\n"
        "        self.panel = WeightPanel(Form)\n"
        "        self.panel.setAlignment(Qt.AlignmentFlag.AlignLeft)\n"
        "        QMetaObject.connectSlotsByName(Form)\n"
        "#if QT_CONFIG(shortcut)  QDate in a comment is no use\n"
    )
    assert compile_forms.with_used_imports_only(generated).splitlines()[:3] == [
        "from PySide6.QtCore import QMetaObject, Qt",
        "from receiving_app.gui.weight_panel import WeightPanel",
        "",
    ]
