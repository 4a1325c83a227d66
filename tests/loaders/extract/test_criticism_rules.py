"""The criticism rules as functions (loaders.extract.criticisms, criticism_legal): each reads a read-only index of the
resolved document and the findings before it and returns its own; the collectors merge them; a court is no party."""

from __future__ import annotations

from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest
from extract_helpers import key_label, pairs

from kg.model import Criticism
from loaders.extract import critic_roles, extract
from loaders.extract.attribution import patterns, quote_attributions
from loaders.extract.criticism_found import Finding, Known, is_court
from loaders.extract.criticism_index import CriticIndex
from loaders.extract.criticism_legal import AUTHORITY_RULES, LEGAL_RULES, LegalIndex, legal_criticisms
from loaders.extract.criticisms import SENTENCE_RULES, extract_criticisms, find_all, merged
from loaders.extract.pipeline import STEPS, run_steps
from loaders.extract.rules import registry

_BEFORE_CRITICISMS = tuple(takewhile(lambda s: s.name != "criticisms", STEPS))


def _resolved(text: str) -> dict[str, Any]:
    """The pipeline's values up to the criticism stage (context, relations, events)."""
    return run_steps(_BEFORE_CRITICISMS, text=text, published=None)


@pytest.fixture(scope="module")
def dev_values(dev_articles_dir: Path) -> list[dict[str, Any]]:
    """The dev articles resolved up to the criticism stage."""
    return [_resolved(p.read_text(encoding="utf-8")) for p in sorted(dev_articles_dir.glob("*.txt"))]


@pytest.mark.parametrize(("label", "court"), [
    ("Supreme Court", True),
    ("US District Court for the Northern District of California", True),
    ("Court of Appeals for the Ninth Circuit", True),
    ("Competition Appeal Tribunal", True),
    ("Judge William Alsup", True),
    ("Department of Justice", False),  # a party that sues
    ("Justice Department", False),
    ("Courtney Labs", False),  # whole words only
    ("Federal Trade Commission", False),
])
def test_is_court(label: str, court: bool) -> None:
    assert is_court(label) is court


@pytest.mark.parametrize(("text", "expected"), [
    # the court a suit is filed in does not accuse the defendant
    ("The lawsuit, filed in the US District Court for the Northern District of California, accuses OpenAI of "
     "copying books.", set()),
    # "Justice" is no court word: the department sues
    ("The Department of Justice and eight states sued Google on Tuesday, accusing it of monopolising advertising "
     "technology.", {("Department of Justice", "Google")}),
])
def test_court_is_no_party(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(extract(text)) == expected


def test_sentence_rules_only_return_what_they_find(dev_values: list[dict[str, Any]]) -> None:
    """A rule reads the findings before it and returns its own: the input is left as it was, and a second call
    with the same input returns the same findings."""
    for values in dev_values:
        ix = CriticIndex(values["ctx"], values["relations"], values["events"])
        allies = {k: set(v) for k, v in ix.allies.items()}
        found = find_all(ix)
        snapshot = list(found)
        for s in values["ctx"].doc.sentences:
            for _, rule in SENTENCE_RULES:
                assert rule(ix, s.index, found) == rule(ix, s.index, found), (rule.__name__, s.index)
        assert found == snapshot
        assert ix.allies == allies  # the index is read, never written
        assert find_all(CriticIndex(values["ctx"], values["relations"], values["events"])) == found


def test_dev_findings_name_registered_criticism_rules(dev_values: list[dict[str, Any]]) -> None:
    names = {f.rule for values in dev_values
             for f in find_all(CriticIndex(values["ctx"], values["relations"], values["events"]))}
    assert names, "the dev articles hold criticisms"
    assert all(registry()[n].family == "criticism" for n in names)


def test_merged_keeps_the_first_rule_per_critic_target_and_sentence() -> None:
    values = _resolved("Acme Robotics criticised Globex Corp on Monday. Globex Corp did not respond.")
    ctx = values["ctx"]
    by_label = {e.label: e.key for e in ctx.entities.values()}
    acme, globex = by_label["Acme Robotics"], by_label["Globex Corp"]
    first = Finding(acme, (globex,), None, "criticised", 14, 24, 0, "criticism.verb_object.v2")
    second = Finding(acme, (globex,), None, "judgement", 0, 46, 0, "criticism.reported_speech.v2")
    later = Finding(acme, (globex,), None, "judgement", 48, 70, 1, "criticism.reported_speech.v2")
    out = merged(ctx, [first, second, later])
    assert [(c.rule, ctx.sentence_at(c.source.start)) for c in out] == [
        ("criticism.verb_object.v2", 0), ("criticism.reported_speech.v2", 1)]


def _pair(ctx: Any, c: Criticism) -> tuple[str, str, int]:
    return c.critic, c.target, ctx.sentence_at(c.source.start)


def test_legal_rules_add_only_new_pairs_and_leave_known_alone(dev_values: list[dict[str, Any]]) -> None:
    for values in dev_values:
        ctx = values["ctx"]
        known = extract_criticisms(ctx, values["relations"], values["events"])
        added = legal_criticisms(ctx, known)
        pairs_known = {_pair(ctx, c) for c in known}
        assert not pairs_known & {_pair(ctx, c) for c in added}
        assert len({_pair(ctx, c) for c in added}) == len(added)
        lx = LegalIndex(ctx)
        snapshot = Known(tuple(known), frozenset(pairs_known))
        for s in ctx.doc.sentences:
            for _, rule in LEGAL_RULES + AUTHORITY_RULES:
                assert rule(lx, s.index, snapshot) == rule(lx, s.index, snapshot), (rule.__name__, s.index)


def test_legal_rules_find_a_suit_the_finder_missed() -> None:
    """The legal collector merges its rules' findings with the finder's: "X took Y to court" is the legal rules'."""
    ex = extract("Sarah Lin took Northwind Labs to court in March over unpaid royalties.")
    kl = key_label(ex)
    assert {(kl[c.critic], kl[c.target], c.rule) for c in ex.criticisms} == {
        ("Sarah Lin", "Northwind Labs", "criticism.legal_filed_against.v1")}


def test_critic_at_answers_for_the_findings_it_is_given() -> None:
    """An unaffiliated spokesperson speaks for the organisation criticised last: two histories of the same length
    give two answers (the index's memo must not mix them up)."""
    text = "Regulators have questioned Acme Corp and Globex Inc for months. A spokesperson said the plan was reckless."
    values = _resolved(text)
    ctx = values["ctx"]
    ix = CriticIndex(ctx, values["relations"], values["events"])
    by_label = {e.label: e.key for e in ctx.entities.values()}
    acme, globex = by_label["Acme Corp"], by_label["Globex Inc"]
    pos = text.index("said")
    for critic, target in ((globex, acme), (acme, globex)):
        history = [Finding(critic, (target,), None, "questioned", 0, 10, 0, "criticism.verb_object.v2")]
        assert ix.critic_at(ctx.sentence_at(pos), pos, history) == target


def test_critic_at_memo_never_changes_an_answer(dev_values: list[dict[str, Any]]) -> None:
    """Asked at every verb of speech, with no findings and with the document's findings (in both orders), the
    index's memoised critic is the one found afresh: an answer kept by position read no findings."""
    speech = patterns()["speech"]
    asked = 0
    for values in dev_values:
        ctx = values["ctx"]
        ix = CriticIndex(ctx, values["relations"], values["events"])
        histories: list[tuple[Finding, ...]] = [(), tuple(find_all(CriticIndex(ctx, values["relations"],
                                                                               values["events"])))]
        for s in ctx.doc.sentences:
            for m in speech.finditer(ctx.doc.clean, s.start, s.end):
                for found in (*histories, *reversed(histories)):
                    fresh = CriticIndex(ctx, values["relations"], values["events"])
                    assert ix.critic_at(s.index, m.start(), found) == \
                        critic_roles.critic_at(fresh, s.index, m.start(), found), (s.index, m.group(0))
                    asked += 1
    assert asked > 50


def test_quotes_attributed_once_serve_the_criticisms_as_if_attributed_again(dev_values: list[dict[str, Any]]) -> None:
    """The criticism stage reads the attribution stage's quotes given its findings: the same as attributing them
    again with those findings."""
    for values in dev_values:
        ctx = values["ctx"]
        found = tuple(find_all(CriticIndex(ctx, values["relations"], values["events"])))
        fresh = CriticIndex(ctx, values["relations"], values["events"])
        ix = CriticIndex(ctx, values["relations"], values["events"])
        assert ix.quoted_for(found) == quote_attributions(fresh.speakers(found))


def test_a_quote_whose_speaker_depends_on_the_findings_is_attributed_again() -> None:
    """An unaffiliated spokesperson speaks for the organisation criticised last: the quote's speaker follows the
    findings it is given, not the attribution made without any."""
    text = ("Regulators have questioned Acme Corp and Globex Inc for months. “The plan is reckless,” a spokesperson "
            "said.")
    values = _resolved(text)
    ctx = values["ctx"]
    ix = CriticIndex(ctx, values["relations"], values["events"])
    by_label = {e.label: e.key for e in ctx.entities.values()}
    acme, globex = by_label["Acme Corp"], by_label["Globex Inc"]
    for critic, target in ((globex, acme), (acme, globex)):
        history = (Finding(critic, (target,), None, "questioned", 0, 10, 0, "criticism.verb_object.v2"),)
        assert [a.speaker for a in ix.quoted_for(history)] == [target]
