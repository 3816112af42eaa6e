"""A reader of this repository can open everything it cites.

Code, comments, help texts, policy files and docs may cite files of this repository and nothing
else: not the folders of notes and seller texts that lay beside the checkout while the station was
written, not a path on a developer's machine, not a folder above the repository, and not a
tracker's numbered item. Say the thing itself, or point to a page in docs/ (docs/return-policies.md
for the rules, docs/cli.md for the command line). Markdown links must lead to a file of the
repository and, with an anchor, to one of its headings.

The patterns below are spelt with character classes so that this file does not match them itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# What a reader gets: the package, its data, the tests and the docs, and the files that build it.
SCANNED = (
    "receiving_app",
    "resources",
    "tests",
    "docs",
    "benchmarks",
    "scripts",
    "ui",
    "README.md",
    "CONTRIBUTING.md",
    "build_installer.spec",
    "pyproject.toml",
    "dev",
)
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".pyc", ".sqlite3", ".db", ".zip", ".gz", ".whl"}

OUTSIDE = [
    # The folders that lay beside the checkout: the product owner's notes and the seller texts.
    ("a folder outside the repository", re.compile(r"(?<![\w.-])(?:shar[e]d|spe[c])/")),
    ("an absolute path on a development machine", re.compile(r"/wor[k]/|/hom[e]/\w+/|[A-Z]:\\Users\\")),
    ("a tracker's numbered item", re.compile(r"(?i)\bissues?\s*#?\s*\d+|\bticket\s*#?\s*\d+")),
]
CLIMB = re.compile(r"(?:\.\.[/\\])+")
LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")


def _scanned_files() -> Iterator[Path]:
    for name in SCANNED:
        path = ROOT / name
        if path.is_file():
            yield path
            continue
        for file in sorted(path.rglob("*")):
            relative = file.relative_to(ROOT)
            if not file.is_file() or file.suffix.lower() in BINARY_SUFFIXES:
                continue
            if any(
                part == "__pycache__" or part.startswith(".") or part.endswith(".egg-info") for part in relative.parts
            ):
                continue
            yield file


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return
    yield from enumerate(text.splitlines(), 1)


def _anchors(markdown: Path) -> set[str]:
    """The anchors a Markdown viewer gives the headings: lower case, punctuation dropped, spaces as hyphens."""
    anchors = set()
    for _, line in _lines(markdown):
        heading = re.match(r"#{1,6}\s+(.*)", line)
        if heading:
            anchors.add(re.sub(r"[^\w\- ]", "", heading.group(1).strip().lower()).replace(" ", "-"))
    return anchors


def test_nothing_cites_a_file_outside_the_repository_or_a_tracker_number() -> None:
    found = []
    for path in _scanned_files():
        relative = path.relative_to(ROOT).as_posix()
        depth = len(path.relative_to(ROOT).parts) - 1
        for number, line in _lines(path):
            for what, pattern in OUTSIDE:
                if pattern.search(line):
                    found.append(f"{relative}:{number}: {what}: {line.strip()[:120]}")
            for climb in CLIMB.finditer(line):
                if len(climb.group(0)) // 3 > depth:
                    found.append(f"{relative}:{number}: a path above the repository: {line.strip()[:120]}")

    assert not found, "say it here or cite docs/ instead:\n" + "\n".join(found)


def test_markdown_links_lead_to_files_and_headings_of_the_repository() -> None:
    broken = []
    for path in _scanned_files():
        if path.suffix != ".md":
            continue
        relative = path.relative_to(ROOT).as_posix()
        for number, line in _lines(path):
            for link in LINK.finditer(line):
                target, _, anchor = link.group(1).partition("#")
                if re.match(r"[a-z]+:", target):  # https:, mailto:
                    continue
                file = (path.parent / target).resolve() if target else path
                if not file.is_relative_to(ROOT) or not file.exists():
                    broken.append(f"{relative}:{number}: {link.group(1)} is not a file of the repository")
                elif anchor and file.suffix == ".md" and anchor not in _anchors(file):
                    broken.append(f"{relative}:{number}: {link.group(1)} names no heading of {file.relative_to(ROOT)}")

    assert not broken, "\n".join(broken)
