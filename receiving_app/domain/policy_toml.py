"""A policy's data written back as TOML, and changed key by key, for drafts edited at the station.

Python reads TOML but does not write it; a policy file holds only text, whole numbers, true or
false, lists and tables, so this small writer is enough. A draft edited this way keeps the comment
lines that head its file, but not the layout of the rest: what a policy says is its data, which
``policy_from_mapping`` checks. Keys are named by the same paths as the loader's refusals
(``reasons.defective.windows[0].days``), so that an edit and its refusal speak of the same thing.
"""

from __future__ import annotations

import copy
import json
import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from receiving_app.domain.policy import Policy, PolicyError
from receiving_app.domain.policy_file import policy_from_mapping

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_PATH_PART = re.compile(r"([A-Za-z0-9_-]+)((?:\[\d+\])*)")
_INDEX = re.compile(r"\[(\d+)\]")
_LONGEST_INLINE = 80
_VERSION_LINE = re.compile(r'^version\s*=\s*"[^"\n]*"[ \t]*$', re.MULTILINE)


class KeyPathError(ValueError):
    """A key path that does not name a place in the policy's data."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def policy_data(text: str, source: str) -> dict[str, Any]:
    """The tables of a policy's text; PolicyError naming ``source`` when it is not TOML."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PolicyError(source, "(syntax)", str(error)) from None


def policy_from_text(text: str, source: str) -> Policy:
    """A policy's text read and checked as the loader checks a file, every mistake naming its key."""
    return policy_from_mapping(policy_data(text, source), source, text)


def policy_toml(data: Mapping[str, Any], heading: str = "") -> str:
    """The data as TOML text, under ``heading`` (comment lines, kept as given)."""
    lines: list[str] = [heading.rstrip("\n"), ""] if heading.strip() else []
    _write_table(lines, (), data)
    return "\n".join(lines).strip("\n") + "\n"


def heading_comments(text: str) -> str:
    """The comment lines a policy file opens with (what it is and where it was read from)."""
    heading = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        heading.append(line)
    return "\n".join(heading)


def with_version(text: str, version: str) -> str:
    """The text with its top-level ``version`` set to ``version``; the rest, comments included, as it was."""
    line = f"version = {_string(version)}"
    top_level = text.split("\n[", 1)
    head, rest = top_level[0], ("\n[" + top_level[1] if len(top_level) > 1 else "")
    if _VERSION_LINE.search(head):
        return _VERSION_LINE.sub(lambda _match: line, head, count=1) + rest
    return head.rstrip("\n") + "\n" + line + "\n" + rest


def changed_data(data: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``data`` with each key path set to its value; None removes the key (or the list item).

    A list index one past the end appends. Raises KeyPathError for a path that names nothing.
    """
    changed: dict[str, Any] = copy.deepcopy(dict(data))
    for path, value in changes.items():
        parts = _path_parts(path)
        if not _writable(value):
            raise KeyPathError(path, "must be text, a whole number, true or false, a list or a table")
        holder: Any = changed
        for depth, part in enumerate(parts[:-1]):
            following = parts[depth + 1]
            holder = _child(holder, part, path, make_list=isinstance(following, int))
        _set(holder, parts[-1], value, path)
    return changed


def _writable(value: Any) -> bool:
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, list):
        return all(item is not None and _writable(item) for item in value)
    if isinstance(value, Mapping):
        return all(isinstance(key, str) and item is not None and _writable(item) for key, item in value.items())
    return False


def _path_parts(path: str) -> list[str | int]:
    parts: list[str | int] = []
    for piece in path.split("."):
        match = _PATH_PART.fullmatch(piece)
        if match is None:
            raise KeyPathError(path, "is not a key path such as reasons.defective.windows[0].days")
        parts.append(match.group(1))
        parts.extend(int(index) for index in _INDEX.findall(match.group(2)))
    return parts


def _child(holder: Any, part: str | int, path: str, *, make_list: bool) -> Any:
    if isinstance(part, int):
        if not isinstance(holder, list) or part >= len(holder):
            raise KeyPathError(path, f"there is no item {part} to change")
        return holder[part]
    if not isinstance(holder, dict):
        raise KeyPathError(path, f"{part} is not inside a table")
    if part not in holder:
        holder[part] = [] if make_list else {}
    return holder[part]


def _set(holder: Any, part: str | int, value: Any, path: str) -> None:
    if isinstance(part, int):
        if not isinstance(holder, list) or part > len(holder):
            raise KeyPathError(path, f"there is no item {part} to change")
        if value is None:
            if part < len(holder):
                del holder[part]
        elif part == len(holder):
            holder.append(value)
        else:
            holder[part] = value
        return
    if not isinstance(holder, dict):
        raise KeyPathError(path, f"{part} is not inside a table")
    if value is None:
        holder.pop(part, None)
    else:
        holder[part] = value


def _write_table(lines: list[str], path: tuple[str, ...], table: Mapping[str, Any]) -> None:
    for key, value in table.items():
        if _on_a_line(value):
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in table.items():
        inner = (*path, key)
        if _inline(value):
            continue
        if _is_table(value):
            # A table holding only tables is declared by its first inner header.
            if not value or any(_on_a_line(item) for item in value.values()):
                lines.extend(["", f"[{_dotted(inner)}]"])
            _write_table(lines, inner, value)
        elif _is_table_list(value):
            for item in value:
                lines.extend(["", f"[[{_dotted(inner)}]]"])
                _write_table(lines, inner, item)


def _on_a_line(value: Any) -> bool:
    return _inline(value) or not (_is_table(value) or _is_table_list(value))


def _inline(value: Any) -> bool:
    """A short table of plain values, or a list of them, written on its key's line as the files do
    (``windows = [{ from = "purchased", years = 2 }]``)."""
    if not (_is_table(value) or _is_table_list(value)):
        return False
    tables = [value] if _is_table(value) else value
    plain = all(not _is_table(item) and not _is_table_list(item) for table in tables for item in table.values())
    return plain and bool(value) and len(_value(value)) <= _LONGEST_INLINE


def _is_table(value: Any) -> bool:
    return isinstance(value, Mapping)


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _dotted(path: tuple[str, ...]) -> str:
    return ".".join(_key(part) for part in path)


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):  # the loader refuses it by its key; the text must still say it
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{ " + ", ".join(f"{_key(key)} = {_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"a policy holds text, numbers, true or false, lists and tables; not {type(value).__name__}")


def _string(text: str) -> str:
    # JSON's escapes are TOML's, but for DEL, which TOML also wants escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007F")
