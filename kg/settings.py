"""Configuration, read once from the environment (prefix ``KG_``) into one settings object."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from kg.errors import ConfigError


class Settings(BaseSettings):
    """Every knob of the service; each field can be set as ``KG_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    store: Path = Field(default=Path("./kg-data"), description="directory of the embedded store")
    store_backend: Literal["oxigraph", "remote"] = Field(
        default="oxigraph",
        description="'oxigraph': the embedded store in KG_STORE; 'remote': a SPARQL 1.1 server (Fuseki, GraphDB, "
        "Virtuoso, Neptune) at KG_SPARQL_URL, one named graph per document",
    )
    sparql_url: str | None = Field(
        default=None,
        validate_default=True,
        description="the remote server's SPARQL Query service (KG_STORE_BACKEND=remote), e.g. "
        "http://127.0.0.1:3030/kg/query; its default graph must be the union of the named graphs",
    )
    sparql_update_url: str | None = Field(default=None, description="its SPARQL Update service (default KG_SPARQL_URL)")
    sparql_gsp_url: str | None = Field(
        default=None, description="its Graph Store Protocol service (default KG_SPARQL_URL)"
    )
    sparql_user: str | None = Field(default=None, description="user name for HTTP basic auth on the remote server")
    sparql_password: SecretStr | None = Field(default=None, description="password for HTTP basic auth")
    host: str = "127.0.0.1"
    port: int = 8000
    api_token: SecretStr | None = Field(
        default=None,
        description="when set, POST/DELETE /documents need 'Authorization: Bearer <token>'; when unset, writes are "
        "accepted only if the server listens on loopback (127.0.0.0/8, ::1, localhost)",
    )
    sparql_timeout_s: float = Field(default=30.0, gt=0)
    extract_timeout_s: float = Field(
        default=60.0, gt=0, description="time limit of one document's extraction: a POST past it is answered 422 "
        "and its worker replaced (a text that makes a rule run away cannot hold the service's one worker); in "
        "kg load and kg extract the document fails, named, and the rest load",
    )
    sparql_max_rows: int = Field(default=100_000, gt=0)
    sparql_max_query_bytes: int = Field(default=100_000, gt=0, description="longest SPARQL query accepted")
    sparql_workers: int = Field(default=2, ge=1, description="SPARQL queries run at once, each in its own process")
    sparql_max_memory_mb: int = Field(default=2048, gt=0, description="memory one SPARQL query may use")
    rest_threads: int = Field(
        default=8,
        ge=1,
        le=1024,
        description="threads answering REST reads at once (each needs Python's lock while it works: more threads "
        "than that rarely answer more, and they make a write wait longer for its turn)",
    )
    query_threads: int = Field(
        default=4,
        ge=1,
        le=1024,
        description="threads for SPARQL queries, linked-data descriptions and exports, apart from the REST reads' "
        "(a SPARQL query's thread mostly waits on its worker process)",
    )
    write_threads: int = Field(
        default=2, ge=1, le=64, description="threads for POST and DELETE /documents, apart from every read's"
    )
    max_document_bytes: int = Field(default=5_000_000, gt=0, description="larger files are refused")
    workers: int = Field(default=1, ge=1)
    rest_cache_entries: int = Field(
        default=2048, ge=0, description="most REST answers kept in the response cache (at most 64 MB); 0 turns it off"
    )
    query_replica: bool = Field(
        default=True,
        description="kg serve answers queries from an in-memory copy of the store, built at start (seconds per "
        "million triples) and patched on each write: several times faster joins, and about 0.4 GB of memory per "
        "million triples; one-shot commands (kg query, kg export) always read the disk",
    )
    query_replica_max_quads: int = Field(
        default=5_000_000,
        ge=0,
        description="no replica for a store larger than this (about 2 GB of memory at the default): past it, "
        "queries read the disk, slower on joins but with memory bounded by RocksDB's caches",
    )
    cors_origins: str = Field(
        default="*",
        description="origins whose pages may read the API and SPARQL answers: '*' or a comma-separated list; "
        "'' for none; writes are never cross-origin",
    )
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    @field_validator("sparql_url", "sparql_update_url", "sparql_gsp_url")
    @classmethod
    def _remote_urls(cls, url: str | None, info: ValidationInfo) -> str | None:
        if url is None:
            if info.field_name == "sparql_url" and info.data.get("store_backend") == "remote":
                raise ValueError("is required when KG_STORE_BACKEND=remote: the server's SPARQL Query service URL")
            return None
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"must be an http:// or https:// URL, not {url!r}")
        return url

    @field_validator("api_token")
    @classmethod
    def _usable_token(cls, token: SecretStr | None) -> SecretStr | None:
        # An empty token would make a bare 'Authorization: Bearer' a valid credential.
        if token is None:
            return None
        value = token.get_secret_value()
        if not value.strip():
            raise ValueError("is empty: set a token, or unset it (then only a server on loopback takes writes)")
        if not (value.isascii() and value.isprintable()) or any(c.isspace() for c in value):
            raise ValueError("must be printable ASCII without spaces: it is sent in the Authorization header")
        return token

    @property
    def loopback_only(self) -> bool:
        """Whether ``kg serve`` listens on this machine's loopback interface only, out of other machines' reach."""
        return is_loopback(self.host)

    @property
    def cors_origin_list(self) -> list[str]:
        """The CORS origins as a list."""
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given fields replaced, skipping those left as None (CLI flags)."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        return self.model_copy(update=changes) if changes else self


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (127.0.0.0/8, ::1) or ``localhost``; other names are not resolved."""
    name = host.strip().removeprefix("[").removesuffix("]").lower()
    if name in ("localhost", "localhost."):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read from the environment once; an invalid one raises ConfigError."""
    try:
        return Settings()
    except ValidationError as exc:
        raise ConfigError(describe_invalid_settings(exc)) from exc


def describe_invalid_settings(exc: ValidationError) -> str:
    """Every invalid setting, each named by its environment variable, in one message."""
    problems = [
        f"KG_{'_'.join(str(part) for part in error['loc']).upper()}: {error['msg'].removeprefix('Value error, ')}"
        for error in exc.errors()
    ]
    return "invalid configuration: " + "; ".join(problems)
