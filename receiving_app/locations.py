"""Where the station finds its shipped resources: policies, the demo catalog and the examples.

They are the package data of ``receiving_app.resources``, found with ``importlib.resources`` and
never relative to the source tree, so one answer serves every way the station runs:

- an installed wheel: ``site-packages/receiving_app/resources``;
- an editable install (``./dev``) or a checkout: the top-level ``resources/`` folder, which
  pyproject.toml maps to that package;
- the installer bundle: ``_internal/receiving_app/resources``, where build_installer.spec copies it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

RESOURCES_PACKAGE = "receiving_app.resources"


def resources_dir() -> Path:
    """The folder of the shipped resources, as a path on disk."""
    folder = files(RESOURCES_PACKAGE)
    if not isinstance(folder, Path):
        # A zip import would give a Traversable without a path; the policy loader and the demo
        # need real files, and neither the wheel nor the bundle is ever run zipped.
        raise RuntimeError(f"the station's resources must be files on disk, not {folder!r}; install the wheel unzipped")
    return folder


def policies_dir() -> Path:
    return resources_dir() / "policies"


def warehouse_dir() -> Path:
    return resources_dir() / "warehouse"
