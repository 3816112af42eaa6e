"""Loading the sellers' e-mail texts (TOML, one file per seller beside its policy) into validated
MessageTexts; a mistake names the file and the key, as a policy file's does."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from receiving_app.domain.customer_messages import MessageTextError, MessageTexts, message_texts_from_mapping
from receiving_app.persistence.toml_files import read_toml


def load_message_file(path: Path) -> MessageTexts:
    data, _text = read_toml(path, MessageTextError)
    texts = message_texts_from_mapping(data, path.name)
    if texts.seller != path.stem:
        raise MessageTextError(path.name, "seller", f"is {texts.seller!r} but the file is named for {path.stem!r}")
    return texts


def load_message_texts(folder: Path, sellers: Collection[str]) -> Mapping[str, MessageTexts]:
    """Every seller's texts, by seller id; a seller of ``sellers`` without a file stops the load."""
    texts = {}
    for path in sorted(folder.glob("*.toml")):
        loaded = load_message_file(path)
        texts[loaded.seller] = loaded
    missing = sorted(set(sellers) - set(texts))
    if missing:
        raise MessageTextError(
            f"{missing[0]}.toml", "(file)", f"is missing from {folder}: every seller needs its texts"
        )
    return texts
