"""Loading the sellers' policy files (TOML, one per seller) into validated Policy records."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from receiving_app.domain.policy import Policy, PolicyError
from receiving_app.domain.policy_file import policy_from_mapping
from receiving_app.persistence.toml_files import read_toml


def load_policy_file(path: Path) -> Policy:
    source = path.name
    data, text = read_toml(path, PolicyError)
    policy = policy_from_mapping(data, source, text)
    if policy.id != path.stem:
        raise PolicyError(source, "id", f"is {policy.id!r} but the file is named for {path.stem!r}")
    return policy


def load_policies(folder: Path) -> Mapping[str, Policy]:
    """Every ``*.toml`` policy in ``folder``, by id. One bad file stops the load with its name."""
    policies = {}
    for path in sorted(folder.glob("*.toml")):
        policy = load_policy_file(path)
        policies[policy.id] = policy
    if not policies:
        raise PolicyError(str(folder), "(folder)", "holds no policy files")
    return policies
