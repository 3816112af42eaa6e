"""One spelling throughout what people read: American English, as the sellers are in the US.

"Authorized" and "authorised" both appeared at the bench; the screens, the papers, the help texts and
the docs now say it one way, and the British forms of the words the station uses stay out."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READ_BY_PEOPLE = (
    *sorted(path for path in (ROOT / "receiving_app").rglob("*.py") if "forms" not in path.parts),  # forms: ui/
    *sorted((ROOT / "ui").glob("*.ui")),
    *sorted((ROOT / "resources").rglob("*.toml")),
    *sorted((ROOT / "docs").glob("*.md")),
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
)
BRITISH = re.compile(r"(?:authoris|recognis)\w*|\b(?:colours?|behaviours?|catalogue)\b", re.IGNORECASE)
"""Words the station writes whose British spelling would be a second spelling of the same word."""


def user_visible_text(path: Path) -> str:
    """What a person can read of a file: of a source file its strings (not its docstrings or comments)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py" or not BRITISH.search(text):  # most sources: no need to parse them
        return text
    tree = ast.parse(text)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return "\n".join(
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    )


def test_what_people_read_is_spelled_the_american_way() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {word}"
        for path in READ_BY_PEOPLE
        for word in BRITISH.findall(user_visible_text(path))
    ]
    assert found == []
