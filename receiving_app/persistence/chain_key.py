"""The key that seals the audit chain, kept where someone with only the database cannot read it.

The key lives in the operating system's keyring where there is one, else in a file readable by
its owner only (``audit-chain.key`` in the user's configuration folder, or the file named by
``RECEIVING_APP_CHAIN_KEY_FILE``). Every station of one warehouse holds the same key: the first
station makes it, the others import it (``receiving-app audit export-key`` / ``import-key``).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from receiving_app import APP_NAME
from receiving_app.domain.errors import InputError, RuleRefusal

KEY_FILE_VARIABLE = "RECEIVING_APP_CHAIN_KEY_FILE"
KEYRING_ENTRY = "audit-chain-key"
KEY_BYTES = 32


class ChainKeyError(InputError):
    """The chain key cannot be read or is not a key."""


class ChainKeyMismatch(RuleRefusal):
    """The database's chain was sealed with another key than this station's."""


def parsed_key(text: str) -> bytes:
    try:
        key = bytes.fromhex(text.strip())
    except ValueError:
        raise ChainKeyError("the audit chain key is not a hexadecimal key") from None
    if len(key) != KEY_BYTES:
        raise ChainKeyError(f"the audit chain key must be {KEY_BYTES} bytes, got {len(key)}")
    return key


def key_file() -> Path:
    named = os.environ.get(KEY_FILE_VARIABLE)
    if named:
        return Path(named)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "audit-chain.key"


def station_chain_key() -> bytes:
    """This station's chain key, made the first time it is needed."""
    if not os.environ.get(KEY_FILE_VARIABLE):
        from_keyring = _keyring_key()
        if from_keyring is not None:
            return from_keyring
    return _file_key(key_file())


def replace_station_chain_key(key: bytes) -> None:
    """Installs a warehouse's key on this station (the file or keyring entry is overwritten)."""
    text = key.hex()
    if not os.environ.get(KEY_FILE_VARIABLE) and _keyring_key() is not None:
        import keyring

        keyring.set_password(APP_NAME, KEYRING_ENTRY, text)
        return
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staged = path.with_name(f".{path.name}.{os.getpid()}")
    staged.write_text(text)
    staged.chmod(0o600)
    staged.replace(path)


def _keyring_key() -> bytes | None:
    """The key from the OS keyring; None where the OS has no usable keyring (a bare server)."""
    try:
        import keyring
        from keyring.backends import fail
        from keyring.errors import KeyringError
    except ImportError:
        return None
    if isinstance(keyring.get_keyring(), fail.Keyring):
        return None
    try:
        text = keyring.get_password(APP_NAME, KEYRING_ENTRY)
        if text is None:
            text = secrets.token_hex(KEY_BYTES)
            keyring.set_password(APP_NAME, KEYRING_ENTRY, text)
    except KeyringError:
        return None
    return parsed_key(text)


def _file_key(path: Path) -> bytes:
    if not path.exists():
        _make_key_file(path)
    try:
        return parsed_key(path.read_text())
    except OSError as error:
        raise ChainKeyError(f"the audit chain key file {path} cannot be read: {error.strerror}") from None


def _make_key_file(path: Path) -> None:
    # Written whole to a private file, then linked into place: a second process making its own at
    # the same moment fails to link and reads the first one's, and nobody reads a half-written key.
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    staged = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_hex(KEY_BYTES))
        handle.flush()
        os.fsync(handle.fileno())
    try:
        os.link(staged, path)
    except FileExistsError:
        pass
    finally:
        staged.unlink()


def export_station_chain_key(path: Path) -> None:
    """Writes this station's key to a new file readable by its owner only, for another station."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(station_chain_key().hex() + "\n")
