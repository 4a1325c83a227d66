"""Configuration, read once from the environment (prefix ``KG_``) into one settings object."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Every knob of the service; each field can be set as ``KG_<NAME>`` in the environment."""

    model_config = SettingsConfigDict(env_prefix="KG_", extra="ignore")

    store: Path = Field(default=Path("./kg-data"), description="directory of the embedded store")
    host: str = "127.0.0.1"
    port: int = 8000
    api_token: SecretStr | None = Field(
        default=None, description="when set, POST/DELETE /documents need 'Authorization: Bearer <token>'"
    )
    sparql_timeout_s: float = Field(default=30.0, gt=0)
    sparql_max_rows: int = Field(default=100_000, gt=0)
    sparql_max_query_bytes: int = Field(default=100_000, gt=0, description="longest SPARQL query accepted")
    sparql_workers: int = Field(default=2, ge=1, description="SPARQL queries run at once, each in its own process")
    sparql_max_memory_mb: int = Field(default=2048, gt=0, description="memory one SPARQL query may use")
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
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    def with_overrides(self, **overrides: object) -> Settings:
        """A copy with the given fields replaced, skipping those left as None (CLI flags)."""
        changes = {k: v for k, v in overrides.items() if v is not None}
        return self.model_copy(update=changes) if changes else self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read from the environment once."""
    return Settings()
