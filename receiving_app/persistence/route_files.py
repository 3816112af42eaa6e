"""Loading the warehouse's routing file (TOML) into a validated RoutingTable."""

from __future__ import annotations

from pathlib import Path

from receiving_app.domain.routing import RoutingError, RoutingTable
from receiving_app.domain.routing_file import routing_from_mapping
from receiving_app.persistence.toml_files import read_toml


def load_routing(path: Path) -> RoutingTable:
    data, text = read_toml(path, RoutingError)
    return routing_from_mapping(data, path.name, text)
