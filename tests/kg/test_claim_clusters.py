"""One claim, many reports: one claimant's statement reworded in other documents is one claim (kg.claim_clusters)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg import claim_clusters as cc
from kg import queries
from kg.queries.views import Claim
from kg.resolution_index import current_index, full_index
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import remove_document
from tests.support.same_story import load

Figures = list[tuple[float, str]]


def facts(text: str, figures: Figures, document: str, claimant: str = "x:acme") -> cc.ClaimFacts:
    """A claim's facts as resolution reads them from one document (its claimant named "Acme")."""
    raw = cc.RawClaim(f"x:{text}", document, claimant, cc.key_words(text), cc.figures_of(figures),
                      cc.negated_words(text))  # fmt: skip
    return cc.facts_of([raw], cc.name_stems(["Acme"]))


_PCT = [(70.0, "percent")]
_USERS = [(8e8, "users")]


@pytest.mark.parametrize(
    ("a", "b", "figures_a", "figures_b", "same"),
    [
        # the same figures and most of the words, in another order, voice and with more or fewer details
        ("its chatbot now answers 70% of support tickets", "70 per cent of the support tickets Acme gets are "
         "answered by the chatbot it built", _PCT, _PCT, True),
        ("the chatbot answers 70% of support tickets", "over 70% of support tickets were answered by the chatbot, "
         "as of last month", _PCT, _PCT, True),
        # without figures: most of the shorter statement's words
        ("smaller open models now match the best closed models on coding benchmarks", "the best closed models are "
         "matched by smaller open models on most coding benchmarks, its tests show", [], [], True),
        ("the voice in the demo was recorded by a hired actress before any contact with the singer",
         "the demo voice was recorded by a hired actress before any contact with the singer and was never meant to "
         "sound like her", [], [], True),  # a negation of what the other does not say
        # the same figures in another statement
        ("revenue rose 24% to $143.5 million", "costs rose 24% to $143.5 million",
         [(24.0, "percent"), (143.5e6, "USD")], [(24.0, "percent"), (143.5e6, "USD")], False),
        ("the chatbot writes 80% of the code", "the chatbot reviews 80% of the code", [(80.0, "percent")],
         [(80.0, "percent")], False),
        ("its chatbot now answers 70% of support tickets", "70% of its engineers now work from home", _PCT, _PCT,
         False),
        # other figures, or figures against none
        ("ChatGPT has 800 million weekly users", "ChatGPT has 500 million weekly users", _USERS, [(5e8, "users")],
         False),
        ("ChatGPT has 800 million weekly users", "ChatGPT has many weekly users", _USERS, [], False),
        # one denies what the other states
        ("the model was trained on public data from news sites", "the model was not trained on public data from "
         "news sites", [], [], False),
        ("the model wasn't trained on public data from news sites", "the model has never been trained on public "
         "data from news sites", [], [], True),
        # the claimant's own name is no shared word
        ("Acme models lead Acme benchmarks", "Acme models trail rival benchmarks", [], [], False),
    ],
)  # fmt: skip
def test_reworded_statements_agree_and_others_do_not(
    a: str, b: str, figures_a: Figures, figures_b: Figures, same: bool
) -> None:
    one, other = facts(a, figures_a, "d1"), facts(b, figures_b, "d2")
    assert cc.claims_fit(one, other) is same
    assert cc.claims_fit(other, one) is same


def test_one_document_stating_both_keeps_them_apart() -> None:
    """A document stating two statements means two, however alike."""
    one = facts("its chatbot now answers 70% of support tickets", _PCT, "d1")
    other = facts("70 per cent of the support tickets are answered by the chatbot it built", _PCT, "d1")
    assert cc.statements_agree(one, other) and not cc.claims_fit(one, other)
    assert cc.claim_clusters([one, other], lambda iri: iri) == []


def test_clusters_are_per_claimant_after_resolution() -> None:
    """Claimants linked by resolution are one; every member of a cluster fits every other."""
    a = facts("its chatbot now answers 70% of support tickets", _PCT, "d1", "x:acme")
    b = facts("70 per cent of the support tickets are answered by the chatbot it built", _PCT, "d2", "x:acme-ai")
    c = facts("its chatbot now answers 70% of support tickets, up from 20%", [*_PCT, (20.0, "percent")], "d3")
    assert cc.claim_clusters([a, b, c], lambda iri: iri) == []
    linked = cc.claim_clusters([c, b, a], lambda iri: "x:acme" if iri == "x:acme-ai" else iri)
    assert linked == [sorted([a.iri, b.iri])]


@pytest.fixture
def store() -> Iterator[OxigraphStore]:
    """The claim stories: one statement reworded by two outlets, another with the same figure."""
    store = OxigraphStore(None)
    yield store
    store.close()


def nimbus(store: OxigraphStore) -> list[Claim]:
    """Nimbus Labs's claims as GET /claims lists them."""
    return queries.list_claims(store, claimant="Nimbus Labs", about=None, limit=50, offset=0).items


def test_a_statement_reworded_by_another_outlet_is_one_claim(store: OxigraphStore) -> None:
    """Real extraction and loading: one item with both reports, the other statement with the same figure apart."""
    ids = load(store, "claim_a", "claim_b", "claim_other")
    found = {frozenset(s.document for s in c.sources): c for c in nimbus(store)}
    merged = found[frozenset((ids["claim_a"], ids["claim_b"]))]
    assert (merged.document_count, merged.outlet_count, len(merged.same_as)) == (2, 2, 1)
    assert merged.reported is not None and merged.reported.value == "2026-06-04"
    assert set(found) == {frozenset((ids["claim_a"], ids["claim_b"])), frozenset((ids["claim_other"],))}
    assert [c.id for c in queries.list_claims(store, claimant=None, about=None, q="DRAFTED BY THE ASSISTANT",
                                              limit=50, offset=0).items] == [merged.id]  # fmt: skip
    assert len(current_index(store).clusters("claim")) == 1


def test_removing_a_report_splits_the_claim_and_writing_it_again_merges_it(store: OxigraphStore) -> None:
    ids = load(store, "claim_a", "claim_b")
    (merged,) = nimbus(store)
    remove_document(store, ids["claim_a"])
    (left,) = nimbus(store)
    assert ({s.document for s in left.sources}, left.same_as, left.document_count) == ({ids["claim_b"]}, [], 1)
    load(store, "claim_a")
    assert [c.model_dump() for c in nimbus(store)] == [merged.model_dump()]
    assert current_index(store).clusters("claim") == full_index(store).clusters("claim")
