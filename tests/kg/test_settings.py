"""Settings: the API token is usable or refused at start, loopback hosts, the SPARQL query size."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import SecretStr, ValidationError

from kg.errors import ConfigError
from kg.settings import Settings, get_settings, is_loopback


@pytest.fixture
def environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """The process environment, with get_settings() reading it afresh."""
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("two words", "printable ASCII without spaces"),
        ("tok\ten", "printable ASCII without spaces"),
        ("jeton-clé", "printable ASCII without spaces"),
        ("token\n", "printable ASCII without spaces"),
    ],
)
def test_an_unusable_token_is_a_start_up_error_naming_the_variable(
    environment: pytest.MonkeyPatch, token: str, reason: str
) -> None:
    environment.setenv("KG_API_TOKEN", token)
    with pytest.raises(ConfigError) as caught:
        get_settings()
    assert "KG_API_TOKEN" in caught.value.message and reason in caught.value.message
    with pytest.raises(ValidationError):
        Settings(api_token=SecretStr(token))


@pytest.mark.parametrize("token", ["s3cret-token", "a", "ZXhhbXBsZQ==", "~!@#$%^&*()_+"])
def test_a_usable_token_is_kept(environment: pytest.MonkeyPatch, token: str) -> None:
    environment.setenv("KG_API_TOKEN", token)
    api_token = get_settings().api_token
    assert api_token is not None and api_token.get_secret_value() == token


def test_every_invalid_setting_is_named(environment: pytest.MonkeyPatch) -> None:
    environment.setenv("KG_PORT", "eighty")
    environment.setenv("KG_SPARQL_MAX_QUERY_BYTES", "0")
    with pytest.raises(ConfigError) as caught:
        get_settings()
    assert "KG_PORT:" in caught.value.message and "KG_SPARQL_MAX_QUERY_BYTES:" in caught.value.message


def test_the_sparql_query_size_is_a_setting(environment: pytest.MonkeyPatch) -> None:
    assert Settings().sparql_max_query_bytes == 100_000
    environment.setenv("KG_SPARQL_MAX_QUERY_BYTES", "2048")
    assert get_settings().sparql_max_query_bytes == 2048


@given(st.ip_addresses(network="127.0.0.0/8"))
def test_every_ipv4_loopback_address_is_loopback(address: ipaddress.IPv4Address) -> None:
    assert is_loopback(str(address))
    assert is_loopback(f"::ffff:{address}")


@given(st.ip_addresses(v=4))
def test_an_ipv4_address_is_loopback_exactly_when_in_127_0_0_0_8(address: ipaddress.IPv4Address) -> None:
    assert is_loopback(str(address)) == address.is_loopback


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("LOCALHOST", True),
        ("::1", True),
        ("[::1]", True),
        ("::ffff:127.0.0.1", True),
        ("::ffff:10.0.0.1", False),
        ("fe80::1", False),
        ("0.0.0.0", False),
        ("::", False),
        ("", False),
        ("10.0.0.1", False),
        ("kg.example.org", False),
        ("localhost.example.org", False),
        ("127.0.0.1.example.org", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback
    assert Settings(host=host).loopback_only is loopback


@pytest.mark.parametrize(
    ("variable", "field", "default"),
    [("KG_REST_THREADS", "rest_threads", 8), ("KG_QUERY_THREADS", "query_threads", 4),
     ("KG_WRITE_THREADS", "write_threads", 2)],
)  # fmt: skip
def test_the_thread_pool_sizes_are_settings(
    environment: pytest.MonkeyPatch, variable: str, field: str, default: int
) -> None:
    assert getattr(Settings(), field) == default
    environment.setenv(variable, "3")
    assert getattr(get_settings(), field) == 3
    get_settings.cache_clear()
    environment.setenv(variable, "0")
    with pytest.raises(ConfigError) as caught:
        get_settings()
    assert caught.value.message.startswith(f"invalid configuration: {variable}: ")
