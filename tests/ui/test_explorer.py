"""The web explorer in a real headless Chromium over the seed articles: every page renders the seeds' data."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

pytest.importorskip("playwright.sync_api", reason="playwright is absent: pip install -e '.[test]'")
from playwright.sync_api import Page, expect  # after the skip: an install without the test extra has no playwright

pytestmark = pytest.mark.slow


def critics_of(page: Page, section: str) -> list[str]:
    """The critics' names listed in a section of criticisms."""
    return page.locator(f"#{section} .criticism .who .ref:first-child .entity").all_text_contents()


def test_entity_page_lists_the_critics_with_their_quotes(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/entity/org-anthropic")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Anthropic")
    expect(page.locator("h1 .badge")).to_have_text("Organization")
    expect(page.locator("#received .criticism").first).to_be_visible()
    assert {"Gary Marcus", "David Sacks", "Mark Kretschmann"} <= set(critics_of(page, "received"))
    marcus = page.locator("#received .criticism", has_text="Gary Marcus")
    expect(marcus.locator("blockquote")).to_contain_text("strike terror")
    for section in ("relations", "events", "claims", "documents"):
        expect(page.locator(f"#{section} li").first).to_be_visible()
    expect(page.locator("#network canvas").first).to_be_attached()  # the small network around it is drawn


def test_each_criticism_names_its_rule(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/entity/org-anthropic")
    items = page.locator("#received .criticism")
    expect(items.first).to_be_visible()
    rules = page.locator("#received .criticism .meta .rule").all_text_contents()
    assert len(rules) == items.count() and all(re.fullmatch(r"criticism\.[a-z_]+\.v\d+", r) for r in rules), rules


def test_criticisms_timeline_shows_critics_and_quotes(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/criticisms")
    items = page.locator(".timeline .criticism")
    expect(items.first).to_be_visible()
    expect(page.locator(".timeline")).to_contain_text("Sam Altman")
    expect(page.locator(".timeline blockquote", has_text="fear-marketing").first).to_be_visible()
    total = httpx.get(f"{explorer}/criticisms").json()["total"]
    expect(items).to_have_count(total)


def test_criticism_filters_are_a_link_that_survives_a_reload(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/criticisms")
    page.get_by_label("Critic (name, alias or id)").fill("Sam Altman")
    page.get_by_label("Target type").select_option("Product")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(f"{explorer}/ui/criticisms?critic=Sam+Altman&target_type=Product")
    page.reload()
    items = page.locator(".timeline .criticism")
    expect(items).to_have_count(1)
    expect(items).to_contain_text("Claude Mythos")
    expect(page.get_by_label("Critic (name, alias or id)")).to_have_value("Sam Altman")


def test_a_bad_date_filter_shows_the_api_message(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/criticisms?since=2026-02-30")
    expect(page.get_by_role("alert")).to_contain_text("2026-02-30")


def test_start_page_searches_as_you_type_and_ranks_actors(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/")
    search = page.get_by_role("searchbox", name="Search entities by name or alias")
    expect(search).to_be_visible()
    search.press_sequentially("Mythos")
    result = page.locator("#search-results a", has_text="Claude Mythos")
    expect(result).to_be_visible()
    expect(page.locator("#search-results li").first).to_contain_text("Mythos")
    expect(page).to_have_url(f"{explorer}/ui/?q=Mythos")
    expect(page.locator(".ranking").first.locator("li").first).to_contain_text("Anthropic")
    expect(page.locator("#latest-h + div .criticism").first).to_be_visible()
    # Keyboard only: down into the results, Enter opens the entity, and focus lands on its heading.
    search.press("ArrowDown")
    expect(result).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{explorer}/ui/entity/prd-claude-mythos")
    expect(page.get_by_role("heading", level=1)).to_be_focused()


def test_clicking_a_fact_opens_its_document_at_the_span(page: Page, explorer: str, screenshots: Path) -> None:
    page.goto(f"{explorer}/ui/entity/org-anthropic")
    source = page.locator("#received .criticism", has_text="Gary Marcus").locator("a.source").first
    source.click()
    expect(page).to_have_url(re.compile(r"/ui/document/\w+\?start=\d+&end=\d+$"))
    query = parse_qs(urlsplit(page.url).query)
    start, end = int(query["start"][0]), int(query["end"][0])
    document = urlsplit(page.url).path.rsplit("/", 1)[1]
    text = httpx.get(f"{explorer}/documents/{document}").json()["text"]
    mark = page.locator("mark#span")
    expect(mark).to_have_text(text[start:end])
    expect(mark).to_be_in_viewport()
    expect(mark).to_be_focused()
    assert "Gary Marcus" in text[start:end] or "strike terror" in text[start:end]
    page.screenshot(path=screenshots / "document-with-span-1280.png")  # the viewport: the span must be in it
    page.go_back()
    expect(page).to_have_url(f"{explorer}/ui/entity/org-anthropic")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Anthropic")


def test_a_span_outside_the_text_is_reported_not_drawn(page: Page, explorer: str) -> None:
    document = httpx.get(f"{explorer}/documents").json()["items"][0]["id"]
    page.goto(f"{explorer}/ui/document/{document}?start=5&end=99999999")
    expect(page.get_by_role("alert")).to_contain_text("not within this text")
    expect(page.locator("mark")).to_have_count(0)


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/ui/", "Explore the AI-news knowledge graph"),
        ("/ui/entity/prd-claude-mythos", "Claude Mythos"),
        ("/ui/entity/Anthropic", "Anthropic"),
        ("/ui/criticisms?target=Anthropic", "Criticisms"),
        ("/ui/graph", "Criticism network"),
        ("/ui/sparql", "SPARQL"),
        ("/ui/entity/per-nobody", "No such entity"),
        ("/ui/no/such/page", "Something went wrong"),
    ],
)
def test_deep_links_survive_a_reload_and_label_every_control(
    page: Page, explorer: str, path: str, heading: str
) -> None:
    page.goto(f"{explorer}{path}")
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
    expect(page.locator("main [aria-busy]")).to_have_count(0)
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll("input, select, textarea, button")]
            .filter((el) => !el.labels?.length && !el.getAttribute("aria-label") && !el.textContent.trim())
            .map((el) => el.outerHTML)"""
    )
    assert unlabelled == []


def test_skip_link_and_navigation_by_keyboard(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.get_by_role("navigation", name="Explorer").get_by_role("link", name="Criticisms").click()
    expect(page).to_have_url(f"{explorer}/ui/criticisms")
    expect(page.get_by_role("link", name="Criticisms", exact=True)).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("heading", level=1)).to_be_focused()


def test_network_page_draws_weighted_edges_and_lists_them(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/graph")
    expect(page.locator(".network canvas").first).to_be_attached()
    total = httpx.get(f"{explorer}/criticisms").json()["total"]
    expect(page.locator("#network-summary")).to_contain_text(f"{total} criticisms")
    page.locator("details summary").click()
    sacks = page.locator("table.edges tr", has_text="David Sacks")
    expect(sacks).to_contain_text("Anthropic")
    # the edge's weight is the pair's count of criticisms, as the REST API groups them
    (pair,) = httpx.get(f"{explorer}/criticisms", params={"critic": "David Sacks", "target": "Anthropic",
                                                         "group": "pair"}).json()["items"]
    assert pair["count"] >= 2
    expect(sacks.locator("td.num")).to_have_text(str(pair["count"]))
    # The seeds have no dated criticism: leaving the undated out leaves an empty network.
    page.get_by_label("Include undated criticisms").uncheck()
    expect(page.locator("#network-summary")).to_contain_text("0 criticisms")
    expect(page).to_have_url(re.compile("undated=0"))


def test_sparql_editor_runs_a_readme_example(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/sparql")
    page.get_by_label("Example queries").select_option(index=2)  # funding rounds
    expect(page.get_by_label("SPARQL query")).to_have_value(re.compile("kg:FundingRound"))
    page.get_by_role("button", name="Run query").click()
    expect(page.locator(".sparql-results table tbody tr").first).to_contain_text("Anthropic")
    expect(page).to_have_url(re.compile(r"/ui/sparql\?query="))
    page.reload()  # the query is in the address: it runs again
    expect(page.locator(".sparql-results table tbody tr").first).to_contain_text("Anthropic")


def test_sparql_editor_shows_the_endpoint_error(page: Page, explorer: str) -> None:
    page.goto(f"{explorer}/ui/sparql")
    editor = page.get_by_label("SPARQL query")
    editor.fill("SELECT ?s WHERE { ?s foo:bar ?o }")
    editor.press("Control+Enter")
    expect(page.get_by_role("alert")).to_contain_text("foo:")


@pytest.mark.parametrize("path", ["/ui/", "/ui/entity/org-anthropic", "/ui/criticisms", "/ui/graph", "/ui/sparql"])
def test_pages_fit_a_phone(phone: Page, explorer: str, path: str) -> None:
    phone.goto(f"{explorer}{path}")
    expect(phone.get_by_role("heading", level=1)).to_be_visible()
    expect(phone.locator("main [aria-busy]")).to_have_count(0)
    phone.wait_for_load_state("networkidle")
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"{path} is {width} px wide on a 390 px screen"
