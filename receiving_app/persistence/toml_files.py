"""Reading the station's TOML data files (policies, import mappings): a file that cannot be read or
parsed is refused in the same words whichever kind it is, naming the file."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

Refusal = Callable[[str, str, str], Exception]
"""Makes the error for (file name, where in it, what is wrong)."""


def read_toml(path: Path, refuse: Refusal) -> tuple[dict[str, Any], str]:
    """The file's tables and its text."""
    source = path.name
    try:
        text = path.read_text(encoding="utf-8")
        return tomllib.loads(text), text
    except UnicodeDecodeError:
        raise refuse(source, "(file)", "is not UTF-8 text") from None
    except OSError as error:
        raise refuse(source, "(file)", f"cannot be read: {error.strerror or error}") from None
    except tomllib.TOMLDecodeError as error:
        raise refuse(source, "(syntax)", str(error)) from None
