"""Claim identity across documents, claims' filters and dates, claimed figures in conflict, criticism pairs."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg import ids, queries
from kg.errors import InputError
from kg.model import DateRef
from kg.queries import claims
from kg.queries.views import Claim
from kg.store.oxigraph import OxigraphStore
from loaders.pipeline import remove_document, write_document
from tests.support import claim_corpus as corpus


@pytest.fixture
def store() -> Iterator[OxigraphStore]:
    """The three claim articles in a fresh store."""
    store = OxigraphStore(None)
    corpus.load_claims(store)
    yield store
    store.close()


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("AI will write 90% of code.", "\u201cai will write 90 per cent of code\u201d", True),
        ("that OpenAI was meant to be open", "OpenAI was  meant to be open!", True),
        ("ChatGPT has 800 million users", "ChatGPT will reach 800 million users", False),
        ("Revenue will not triple", "Revenue will triple", False),
    ],
)
def test_statement_key_folds_form_not_content(a: str, b: str, same: bool) -> None:
    assert (ids.statement_key(a) == ids.statement_key(b)) is same


def test_claim_id_needs_claimant_statement_and_figures() -> None:
    base = ids.claim_id("x:sam", corpus.USERS, [(800e6, "count")])
    assert ids.claim_id("x:sam", corpus.USERS.upper() + ".", [(800e6, "count")]) == base
    assert ids.claim_id("x:sw", corpus.USERS, [(800e6, "count")]) != base
    assert ids.claim_id("x:sam", corpus.USERS, [(700e6, "count")]) != base
    assert ids.claim_id("x:sam", corpus.EUROPE, [(800e6, "count")]) != base


def _claims(store: OxigraphStore, **filters: str) -> list[Claim]:
    """The claims matching the filters (claimant, about, q, since, until), as GET /claims lists them."""
    claimant, about = filters.pop("claimant", None), filters.pop("about", None)
    return queries.list_claims(store, claimant=claimant, about=about, limit=50, offset=0, **filters).items


def test_one_statement_in_three_documents_is_one_claim(store: OxigraphStore) -> None:
    altman = _claims(store, claimant="Sam Altman", about="ChatGPT")
    texts = sorted(ids.statement_key(c.text) for c in altman)
    # The same statement three times is one claim; the other statement with the same figure stays apart.
    assert texts == sorted(ids.statement_key(t) for t in (corpus.USERS, corpus.EUROPE))
    users = next(c for c in altman if ids.statement_key(c.text) == ids.statement_key(corpus.USERS))
    assert len({s.document for s in users.sources}) == users.document_count == 3
    assert users.outlet_count == 2  # "Example Times" and "example times" are one outlet
    assert users.reported is not None and users.reported.value == "2025-01-10"


def test_removing_a_document_removes_only_its_source(store: OxigraphStore) -> None:
    remove_document(store, corpus.document_1().meta.id)
    (users,) = [c for c in _claims(store, q="has 800 million") if c.claimant.label == "Sam Altman"]
    assert users.document_count == 2 and users.outlet_count == 2
    assert users.reported is not None and users.reported.value == "2025-02-01"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"q": "WEEKLY USERS"}, {corpus.USERS, corpus.EUROPE, "ChatGPT has 500 million weekly users"}),
        ({"q": "in europe", "claimant": "sam altman"}, {corpus.EUROPE}),
        ({"since": "2025-02"}, {corpus.EUROPE, "ChatGPT has 500 million weekly users", "OpenAI grew 40% this year",
                                "OpenAI grew 42%"}),
        ({"until": "2025-01-31"}, {corpus.USERS}),
        ({"since": "2025-03-05", "about": "OpenAI"}, {"OpenAI grew 40% this year", "OpenAI grew 42%"}),
        ({"q": "nothing like this"}, set()),
    ],
)  # fmt: skip
def test_claim_filters(store: OxigraphStore, filters: dict[str, str], expected: set[str]) -> None:
    found = _claims(store, **filters)
    assert {ids.statement_key(c.text) for c in found} == {ids.statement_key(t) for t in expected}
    dates = [c.reported.value if c.reported else "" for c in found]
    assert dates == sorted(dates, reverse=True)  # newest first


@pytest.mark.parametrize(("name", "value"), [("since", "2025-02-30"), ("until", "2025-13")])
def test_bad_claim_dates_name_the_parameter(store: OxigraphStore, name: str, value: str) -> None:
    with pytest.raises(InputError, match=name):
        _claims(store, **{name: value})


def test_claims_of_different_claimants_that_disagree_are_conflicts(store: OxigraphStore) -> None:
    (conflict,) = queries.list_conflicts(store, kind="claim_values", limit=10, offset=0).items
    assert conflict.subject is not None and conflict.subject.label == "ChatGPT"
    by_claimant = {v.entities[0].label: v for v in conflict.values}
    assert set(by_claimant) == {"Sam Altman", "Similarweb"}
    # Altman's figure, from both of his claims stating it, in every document.
    assert len({s.document for s in by_claimant["Sam Altman"].sources}) == 3
    assert by_claimant["Similarweb"].value.startswith("500,000,000")
    # 40% against 42% is within 10%: no conflict about OpenAI.
    assert queries.list_conflicts(store, kind=None, limit=10, offset=0).total == 1


def test_criticism_pairs(store: OxigraphStore) -> None:
    page = queries.criticism_pairs(store, critic=None, target=None, since=None, until=None, limit=10, offset=0)
    pairs = [(p.critic.label, p.target.label, p.count, p.first, p.last) for p in page.items]
    assert [p[:3] for p in pairs] == [("Gary Marcus", "OpenAI", 2), ("Gary Marcus", "ChatGPT", 1)]
    first, last = pairs[0][3:]
    # The stated date of one, the reported date of the other.
    assert first is not None and last is not None and (first.value, last.value) == ("2025-01-08", "2025-02-01")
    assert last.inferred
    narrowed = queries.criticism_pairs(store, critic=None, target="openai", since="2025-02", until=None, limit=10,
                                       offset=0)  # fmt: skip
    assert [(p.count, p.first == p.last) for p in narrowed.items] == [(1, True)]
    assert queries.criticism_pairs(store, critic=None, target=None, since=None, until=None, limit=1,
                                   offset=1).total == 2  # fmt: skip


def test_a_document_redated_redates_its_claims_in_the_next_snapshot(store: OxigraphStore) -> None:
    """Only the document's own triples change (its claims' do not), yet the claims' date follows it."""
    before = queries.list_claims(queries.pin(store), claimant="Similarweb", about=None, limit=10, offset=0)
    assert {c.reported.value for c in before.items if c.reported} == {"2025-03-05"}
    doc = corpus.document_3()
    later = DateRef(value="2025-06-01", precision="day")
    write_document(store, doc.model_copy(update={"meta": doc.meta.model_copy(update={"published": later})}))
    after = queries.list_claims(queries.pin(store), claimant="Similarweb", about=None, since="2025-06", limit=10,
                                offset=0)  # fmt: skip
    assert after.total == before.total == 2 and all(c.reported == later for c in after.items)


def test_a_claim_put_in_place_after_a_write_sits_where_a_fresh_build_puts_it() -> None:
    """Writes insert rows by claims._order; a build sorts twice: both orders must agree on dates of any precision."""
    whens = ["2025-01", "2025-01-10", "", "2024", "2025-01-09", "2025", "2025-01-10"]
    rows = [claims._Row(f"f{i % 3}{i}", frozenset(), frozenset(), (), when) for i, when in enumerate(whens)]
    by_key = sorted(rows, key=claims._order)
    two_sorts = sorted(rows, key=lambda r: r.fact)
    two_sorts.sort(key=lambda r: r.when, reverse=True)
    assert by_key == two_sorts
    assert [r.when for r in by_key] == ["2025-01-10", "2025-01-10", "2025-01-09", "2025-01", "2025", "2024", ""]
