"""The web explorer over HTTP, without a browser: the shell at every /ui/ path, the files, what the shell embeds."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from fnmatch import fnmatch
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from api.app import create_app
from api.ui.routes import STATIC, assets, shell
from kg.ontology import example_queries
from kg.settings import Settings
from kg.store.oxigraph import OxigraphStore
from kg.vocab import PREFIXES

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    """The whole app over an empty store (the shell and its files do not depend on the data)."""
    with TestClient(create_app(Settings(), OxigraphStore(None))) as c:
        yield c


class _Scripts(HTMLParser):
    """The JSON configuration element and the module scripts of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.config: list[str] = []
        self.modules: list[str] = []
        self._in_config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._in_config = tag == "script" and found.get("id") == "kg-config"
        if tag == "script" and found.get("type") == "module":
            self.modules.append(found["src"] or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config.append(data)


def scripts_of(html: str) -> _Scripts:
    """Parse a page as a browser would split it into elements."""
    parser = _Scripts()
    parser.feed(html)
    return parser


@pytest.mark.parametrize(
    "path",
    ["/ui/", "/ui/entity/org-anthropic", "/ui/criticisms?critic=Sam%20Altman", "/ui/document/abc?start=1&end=9",
     "/ui/graph", "/ui/sparql?query=ASK%20%7B%7D", "/ui/any/deep/path"],
)
def test_every_ui_path_answers_the_shell(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert scripts_of(response.text).modules == ["static/app.js"]
    assert '<base href="/ui/">' in response.text


def test_ui_without_slash_redirects(client: TestClient) -> None:
    response = client.get("/ui", follow_redirects=False)
    assert response.status_code == 308
    assert response.headers["location"] == "/ui/"


def test_start_page_links_to_the_explorer(client: TestClient) -> None:
    assert 'href="/ui/"' in client.get("/").text


@pytest.mark.parametrize("name", sorted(assets()))
def test_every_file_is_served_with_its_type(client: TestClient, name: str) -> None:
    response = client.get(f"/ui/static/{name}")
    assert response.status_code == 200
    assert response.content == (STATIC / name).read_bytes()
    expected = {".js": "text/javascript", ".css": "text/css", ".md": "text/markdown", ".txt": "text/plain"}
    assert response.headers["content-type"].startswith(expected[Path(name).suffix])


@pytest.mark.parametrize(
    "path",
    ["/ui/static/nope.js", "/ui/static/../routes.py", "/ui/static/%2e%2e/routes.py", "/ui/static/%2e%2e%2f__init__.py",
     "/ui/static/", "/ui/static/vendor"],
)
def test_nothing_but_the_static_files_is_served(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert "APIRouter" not in response.text and "__all__" not in response.text  # no Python source of the package
    if response.status_code == 200:  # a path the client normalised out of /ui/static/ gets the shell
        assert scripts_of(response.text).modules == ["static/app.js"]
    else:
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"


def test_the_shell_embeds_the_readme_examples_and_the_prefixes(client: TestClient) -> None:
    config = json.loads("".join(scripts_of(client.get("/ui/sparql").text).config))
    assert config["prefixes"] == PREFIXES
    assert [example["query"] for example in config["examples"]] == [e.query for e in example_queries()]
    assert len(config["examples"]) >= 4
    assert all(example["title"] and "`" not in example["title"] for example in config["examples"])


@given(st.text(max_size=40))
def test_any_mount_path_stays_inside_the_config_element(root: str) -> None:
    page = scripts_of(shell(root))
    assert json.loads("".join(page.config))["root"] == root
    assert page.modules == ["static/app.js"]  # nothing in the root closed the element or opened another


IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}/[^"']+)["']""")


@pytest.mark.parametrize("module", sorted(name for name in assets() if name.endswith(".js") and "vendor/" not in name))
def test_every_import_of_a_module_is_a_served_file(module: str) -> None:
    source = (STATIC / module).read_text(encoding="utf-8")
    for relative in IMPORT.findall(source):
        target = (STATIC / module).parent / relative
        assert target.resolve().relative_to(STATIC).as_posix() in assets(), f"{module} imports missing {relative}"


def test_the_router_imports_every_page() -> None:
    pages = {name for name in assets() if name.startswith("pages/")}
    imported = {relative.removeprefix("./") for relative in IMPORT.findall((STATIC / "app.js").read_text())}
    assert pages and pages <= imported


def test_the_package_data_ships_every_file() -> None:
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["api.ui"]
    files = [path.relative_to(STATIC.parent).as_posix() for path in STATIC.parent.rglob("*") if path.is_file()]
    shipped = [name for name in files if not name.endswith(".py") and "__pycache__" not in name]
    assert "shell.html" in shipped
    # setuptools' "*" stops at "/": a file one folder deeper than every pattern would be left out of the wheel.
    missed = [n for n in shipped if not any(fnmatch(n, p) and n.count("/") == p.count("/") for p in patterns)]
    assert missed == []
