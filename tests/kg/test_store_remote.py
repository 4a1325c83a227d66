"""The remote backend's own behaviour against a real Fuseki: settings, credentials, limits, an unreachable server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import BackendError, QueryTimeoutError
from kg.sandbox import Sandbox
from kg.settings import Settings
from kg.store import open_store
from kg.store.remote import RemoteStore
from tests.kg.test_store_contract import G1, P, S
from tests.support.fuseki_server import Fuseki
from tests.support.kg_serve import run_kg
from tests.support.neo4j_server import _free_port

pytestmark = pytest.mark.fuseki
CROSS_JOIN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture
def remote(fuseki: Fuseki) -> Iterator[RemoteStore]:
    """The session's Fuseki, emptied, opened from settings as ``kg`` opens it."""
    fuseki.clear()
    settings = Settings(
        store_backend="remote",
        sparql_url=fuseki.query_url,
        sparql_update_url=fuseki.update_url,
        sparql_gsp_url=fuseki.gsp_url,
        sparql_user=fuseki.user,
        sparql_password=fuseki.password,
    )
    store = open_store(settings)
    assert isinstance(store, RemoteStore)
    yield store
    store.close()


def test_settings_open_the_remote_store(remote: RemoteStore, fuseki: Fuseki) -> None:
    assert remote.description == f"remote:{fuseki.query_url}"
    remote.put_graph(G1, [Quad(S, P, Literal("a"), G1)])
    assert remote.count_quads() == 1


def test_wrong_credentials_are_a_backend_error_naming_the_settings(fuseki: Fuseki) -> None:
    store = RemoteStore(fuseki.query_url, gsp_url=fuseki.gsp_url, auth=(fuseki.user, "wrong"))
    with pytest.raises(BackendError, match=r"HTTP 401.*KG_SPARQL_PASSWORD"):
        store.count_quads()
    with pytest.raises(BackendError, match="HTTP 401"):
        store.put_graph(G1, [Quad(S, P, Literal("a"), G1)])
    store.close()


def test_unreachable_server_is_a_backend_error() -> None:
    store = RemoteStore(f"http://127.0.0.1:{_free_port()}/kg/query")
    with pytest.raises(BackendError, match="cannot reach the SPARQL server"):
        store.graphs()
    store.close()


def test_read_only_store_refuses_writes(fuseki: Fuseki) -> None:
    store = RemoteStore(fuseki.query_url, gsp_url=fuseki.gsp_url, auth=(fuseki.user, fuseki.password), read_only=True)
    for write in (lambda: store.put_graph(G1, []), store.mark_resolution_stale, lambda: store.remove_graph(G1)):
        with pytest.raises(BackendError, match="read-only"):
            write()
    store.close()


@pytest.mark.parametrize("query", [CROSS_JOIN, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"])
def test_time_limit_holds_on_the_server(remote: RemoteStore, query: str) -> None:
    """A query past its limit is a QueryTimeoutError soon after it, whether rows were streaming or not."""
    remote.put_graph(G1, [Quad(S, NamedNode(f"http://example.org/p{i}"), Literal(str(i)), G1) for i in range(2000)])
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError):
        remote.query(query, timeout_s=1)
    assert time.monotonic() - started < 1 + 5  # the server's limit, not the client's read timeout of last resort


def test_stream_reads_rows_as_they_come_and_can_be_dropped(remote: RemoteStore) -> None:
    remote.put_graph(G1, [Quad(S, NamedNode(f"http://example.org/p{i}"), Literal(str(i)), G1) for i in range(2000)])
    variables, rows = remote.stream(CROSS_JOIN)
    assert variables == ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
    assert len(next(rows)) == 9
    rows.close()  # drops the response: the connection goes back, the next request works
    assert remote.count_quads() == 2000


def test_the_kg_command_runs_on_fuseki(fuseki: Fuseki, seeds_dir: Path, tmp_path: Path) -> None:
    """kg load, stats and query on Fuseki give what they give on the embedded store (queries unsandboxed)."""
    fuseki.clear()
    env = {
        "KG_STORE_BACKEND": "remote",
        "KG_SPARQL_URL": fuseki.query_url,
        "KG_SPARQL_UPDATE_URL": fuseki.update_url,
        "KG_SPARQL_GSP_URL": fuseki.gsp_url,
        "KG_SPARQL_USER": fuseki.user,
        "KG_SPARQL_PASSWORD": fuseki.password,
    }
    assert run_kg("load", str(seeds_dir), "--quiet", env=env).returncode == 0
    assert run_kg("load", str(seeds_dir), "--quiet", "--store", str(tmp_path / "store")).returncode == 0
    remote_stats = run_kg("stats", env=env).stdout.splitlines()[1:]  # the first line names the store
    local_stats = run_kg("stats", "--store", str(tmp_path / "store")).stdout.splitlines()[1:]
    assert remote_stats == local_stats
    query = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Organization }"
    answer = run_kg("query", query, "--format", "csv", env=env)
    assert answer.returncode == 0, answer.stderr
    assert answer.stdout == run_kg("query", query, "--format", "csv", "--store", str(tmp_path / "store")).stdout


def test_a_forked_child_never_uses_the_parents_connections(remote: RemoteStore) -> None:
    """In a sandboxed child (no new sockets) a remote query fails cleanly: it cannot borrow the parent's connection.

    Hence kg query (and so /sparql once it passes ``isolate=store.embedded``) runs a remote store's queries unforked.
    """
    remote.put_graph(G1, [Quad(S, P, Literal("a"), G1)])
    assert remote.count_quads() == 1  # the parent now holds an open connection in its pool
    box = Sandbox(lambda _: remote.count_quads(), workers=1, memory_bytes=256 << 20, stack_bytes=16 << 20)
    if not box.isolated:
        pytest.skip("no fork here")
    with pytest.raises(BackendError, match="cannot reach the SPARQL server"):
        box.run(None, time.monotonic() + 30)
    unfenced = Sandbox(lambda _: remote.count_quads(), workers=1, memory_bytes=0, stack_bytes=0, isolate=False)
    assert unfenced.run(None, time.monotonic() + 30) == 1
    assert remote.count_quads() == 1  # and the parent's connection still serves the parent


def test_the_sparql_endpoint_answers_from_the_remote_store(remote: RemoteStore) -> None:
    """/sparql over a remote store runs the query there (not in a sandbox that has no network), refusals intact."""
    from api.app import create_app
    from tests.api.conftest import serving

    remote.put_graph(G1, [Quad(S, P, Literal("v"), G1)])
    with serving(create_app(Settings(), remote)) as base:
        answer = httpx.get(f"{base}/sparql", params={"query": f"SELECT ?o WHERE {{ {S} {P} ?o }}"})
        service = "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"
        refused = httpx.get(f"{base}/sparql", params={"query": service})
    assert answer.status_code == 200, answer.text
    assert [b["o"]["value"] for b in answer.json()["results"]["bindings"]] == ["v"]
    assert refused.status_code == 400
