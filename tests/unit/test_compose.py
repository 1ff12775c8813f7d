"""docker-compose.yml: Neo4j 5.26 pinned, every port bound to loopback, password from the environment."""

from __future__ import annotations

import re
from pathlib import Path

COMPOSE = (Path(__file__).resolve().parents[2] / "docker-compose.yml").read_text()


def test_compose_pins_neo4j_5_26_community():
    assert re.search(r"image:\s*neo4j:5\.26\.\d+-community\b", COMPOSE)


def test_compose_binds_every_port_to_loopback():
    ports = re.findall(r'^\s*-\s*"([^"]+)"\s*(?:#.*)?$', COMPOSE.split("ports:", 1)[1].split("environment:", 1)[0], re.M)
    assert ports == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]


def test_compose_password_comes_from_the_environment_with_a_default():
    assert "NEO4J_AUTH: neo4j/${NEO4J_PASSWORD:-kgpassword}" in COMPOSE
    assert "healthcheck:" in COMPOSE and "volumes:" in COMPOSE
