"""`print --printer NAME`: a short printer spec from the shell, turned into backend settings."""

from __future__ import annotations

from receiving_app.domain.errors import InputError


def printer_settings_from_option(text: str) -> dict[str, str]:
    kind, _, rest = text.partition(":")
    if not rest:
        return {"backend": "cups", "queue": text}
    if kind == "folder":
        return {"backend": "folder", "folder": rest}
    if kind == "cups":
        return {"backend": "cups", "queue": rest}
    if kind == "qt":
        return {"backend": "qt", "printer": rest}
    if kind in ("zpl", "escpos"):
        host, _, port = rest.partition(":")
        settings = {"backend": kind, "host": host, "port": port or "9100"}
        if kind == "escpos":
            settings["connection"] = "network"
        return settings
    raise InputError(f"--printer: unknown kind {kind!r} (use folder:, cups:, qt:, zpl: or escpos:)")
