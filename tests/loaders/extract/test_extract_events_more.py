"""IPO filings, lawsuits, product releases, developed_by and product typing, each phrasing on short sentences."""

from __future__ import annotations

import pytest
from extract_helpers import check_spans, key_label, labels, rels

from kg.model import Extraction
from loaders.extract import extract


def _events(ex: Extraction, etype: str) -> list[dict[str, set[str]]]:
    """role -> labels of each event of a type."""
    kl = key_label(ex)
    out = []
    for ev in ex.events:
        if ev.type == etype:
            roles: dict[str, set[str]] = {}
            for p in ev.participants:
                roles.setdefault(p.role, set()).add(kl[p.entity])
            out.append(roles)
    return out


@pytest.mark.parametrize("text", [
    "Zentrix Labs has filed confidentially for an IPO, people familiar with the matter said.",
    "Zentrix Labs filed to go public on Friday.",
    "Zentrix Labs filed an S-1 with the Securities and Exchange Commission.",
])
def test_ipo_filing(text: str) -> None:
    evs = _events(extract(text), "IPOFiling")
    assert evs and evs[0]["recipient"] == {"Zentrix Labs"}


def test_ipo_plans_are_not_filings() -> None:
    assert not _events(extract("Zentrix Labs plans to file for an IPO next year."), "IPOFiling")


@pytest.mark.parametrize(("text", "plaintiff", "defendants"), [
    ("Lumora Labs sued Zentrix Labs in federal court on Monday.", "Lumora Labs", {"Zentrix Labs"}),
    ("Lumora Labs filed a class action against Zentrix Labs and Kestrel Systems.", "Lumora Labs",
     {"Zentrix Labs", "Kestrel Systems"}),
    ("A lawsuit filed by Lumora Labs against Zentrix Labs claims the model copied its articles.", "Lumora Labs",
     {"Zentrix Labs"}),
])
def test_lawsuit_parties(text: str, plaintiff: str, defendants: set[str]) -> None:
    ex = extract(text)
    evs = _events(ex, "Lawsuit")
    assert evs, ex.events
    assert evs[0]["plaintiff"] == {plaintiff}
    assert defendants <= evs[0]["defendant"]
    check_spans(text, ex)


@pytest.mark.parametrize(("text", "product", "verb"), [
    ("Zentrix Labs launched Quillbot Pro on Tuesday.", "Quillbot Pro", "launched"),
    ("Her dispute with OpenAI over their GPT-4o model, launched in May, went on.", "GPT-4o", "launched"),
    ("Zentrix Labs' Quillbot Pro, released on Tuesday, drew complaints.", "Quillbot Pro", "released"),
])
def test_release_span_covers_product_and_verb(text: str, product: str, verb: str) -> None:
    """A product named before its verb still gets a non-empty span (it was start == end, issue 12)."""
    ex = extract(text)
    [release] = [ev for ev in ex.events if ev.type == "ProductRelease"]
    covered = text[release.source.start:release.source.end]
    assert product in covered and verb in covered, covered
    check_spans(text, ex)


@pytest.mark.parametrize(("text", "product", "developer"), [
    ("Zentrix Labs launched Quillbot Pro on Tuesday.", "Quillbot Pro", "Zentrix Labs"),
    ("Zentrix Labs on Thursday unveiled Wrenly, a pocket-sized assistant.", "Wrenly", "Zentrix Labs"),
    ("Zentrix Labs makes robots. The startup also unveiled Strider 2, a bipedal robot.", "Strider 2",
     "Zentrix Labs"),
    ("Regulators are looking at Kestrel Labs, the maker of Lumo, an AI companion app.", "Lumo", "Kestrel Labs"),
    ("Tobias Engel founded Inkwell Labs, which makes the popular note-taking app Quillo.", "Quillo", "Inkwell Labs"),
    ("The tool, CodeLoom, is made by Pylon Systems, a Seattle startup.", "CodeLoom", "Pylon Systems"),
    ("Reviewers tested Kestrel Devices' much-hyped Orbit Band, a wristband.", "Orbit Band", "Kestrel Devices"),
    ("Users like Nimbra’s chatbot, called Parlo, for its answers.", "Parlo", "Nimbra"),
    ("Benchmarks compared it with Nvidia's H100 chip.", "H100", "Nvidia"),
    ("Critics tested Quillbot, Zentrix Labs' new model, last week.", "Quillbot", "Zentrix Labs"),
    ("Users praised Quillbot, developed by Zentrix Labs, for speed.", "Quillbot", "Zentrix Labs"),
    ("Critics said Quillbot maker Zentrix Labs would respond.", "Quillbot", "Zentrix Labs"),
    ("Zentrix Labs' Quillbot chatbot is popular.", "Quillbot", "Zentrix Labs"),
])
def test_developed_by(text: str, product: str, developer: str) -> None:
    ex = extract(text)
    assert (product, developer) in rels(ex, "developed_by"), (labels(ex), rels(ex, "developed_by"))


@pytest.mark.parametrize("text", [
    "Dana Reyes, who covered tech for the Financial Times, launched Signal Deck in 2022.",
    "Lattice Forge, which builds translation tools on Llama, cut its costs.",
])
def test_no_developer_for_a_company_merely_nearby(text: str) -> None:
    ex = extract(text)
    assert not {(p, d) for p, d in rels(ex, "developed_by") if d in {"Financial Times", "Lattice Forge"}}


@pytest.mark.parametrize(("text", "name", "etype"), [
    ("The coalition's executive director, Aisha Bello, called the app a slot machine.", "Aisha Bello", "Person"),
    ("Reviews were bad. GadgetBeat's senior reviewer Daniel Osei panned the device as a toy.", "Daniel Osei",
     "Person"),
    ("On YouTube, Max Brenner, whose gadget channel has 9 million subscribers, ridiculed the band.", "Max Brenner",
     "Person"),
    ("Quorvex Semiconductor, a Santa Clara chip designer, says its chip is fast.", "Quorvex Semiconductor",
     "Organization"),
    ("Graphvane, a British chip startup, was sold in 2024.", "Graphvane", "Organization"),
    ("The complaint targets Waylight Mobility, which runs robotaxis.", "Waylight Mobility", "Organization"),
])
def test_typing_of_names_next_to_product_words(text: str, name: str, etype: str) -> None:
    assert labels(extract(text)).get(name) == etype


def test_a_weak_reading_gives_way_to_a_strong_one() -> None:
    ex = extract("Bram Kessler is chief executive of Helix Mind. Last week Helix Mind announced a new lab.")
    assert labels(ex).get("Helix Mind") == "Organization"
    assert "Helix Mind" not in labels(ex, "Person")


def test_office_of_a_named_body_is_not_a_product() -> None:
    ex = extract("The Information Commissioner's Office said it had raised concerns.")
    assert "Office" not in labels(ex, "Product")
