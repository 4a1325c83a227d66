"""The container setup: reachable from the network, so it needs a token for writes or takes none."""

from __future__ import annotations

import re

import yaml

from kg.cli import serve_warning
from kg.settings import Settings
from tests.conftest import REPO


def test_compose_will_not_start_the_api_without_a_token() -> None:
    api = yaml.safe_load((REPO / "docker-compose.yml").read_text())["services"]["api"]
    # ${VAR:?message}: compose stops with the message when VAR is unset or empty.
    assert re.fullmatch(r"\$\{KG_API_TOKEN:\?[^}]+\}", api["environment"]["KG_API_TOKEN"])


def test_the_image_without_a_token_is_read_only() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    environment = dict(re.findall(r"^(?:ENV)?\s*(KG_[A-Z_]+)=(\S+)", dockerfile, re.MULTILINE))
    assert "KG_API_TOKEN" not in environment  # a token baked into the image would be everyone's
    host = re.search(r'CMD \[.*"--host", "([^"]+)"', dockerfile).group(1)
    settings = Settings(**{name.removeprefix("KG_").lower(): value for name, value in environment.items()})
    assert serve_warning(settings.with_overrides(host=host)) is not None
