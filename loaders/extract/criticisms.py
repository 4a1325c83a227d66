"""Stage: criticisms — who criticised whom or what, with the quote and the date.

The rules are small functions over a read-only index of the resolved document
(:class:`loaders.extract.criticism_index.CriticIndex`), grouped by family: verbs of criticism, accusation, mockery,
doubt or legal action with their subject and object (criticism_verbs); indirect judgements, parties to a suit,
letters and an authority's acts (judgements); direct quotes holding a negative judgement (criticism_quotes);
reported speech and interview answers (criticism_speech); an organisation's or its document's findings
(criticism_documents); a letter's authors and signatories (criticism_letters). Who speaks is found in critic_roles,
whom a criticism is aimed at in criticism_targets. Each rule returns what it finds; :func:`extract_criticisms` runs
them in the order declared here and merges their findings (the legal and authority rules of criticism_legal run
after, in the pipeline).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.model import Criticism, DateRef, Event, Relation
from loaders.extract import judgements
from loaders.extract.context import DocContext
from loaders.extract.criticism_documents import ACCORDING_DOCUMENT, FOUND_THAT, according_document, found_that
from loaders.extract.criticism_found import Finding, Found
from loaders.extract.criticism_index import CriticIndex
from loaders.extract.criticism_letters import letter_signers
from loaders.extract.criticism_quotes import QUOTED_JUDGEMENT, quotes
from loaders.extract.criticism_speech import LABELLED_ANSWER, REPORTED_SPEECH, labelled, reported
from loaders.extract.criticism_targets import REFERENCED_TARGET, Mentions, passing_target, referenced
from loaders.extract.criticism_verbs import CALLED_FOR, URGED, VERB_OBJECT, called_for, urged, verb_object
from loaders.extract.rules import Trigger, any_word, fires, trigger_of

SentenceRule = Callable[[CriticIndex, int, Found], list[Finding]]

# run on each sentence in turn, in this order: a later rule (and a later sentence) reads what the earlier found; each
# only on the sentences that hold its trigger, the one its rule (the name beside it) registered
SENTENCE_RULES: tuple[tuple[Trigger, SentenceRule], ...] = tuple((trigger_of(name), rule) for name, rule in (
    (judgements.ATTITUDE, judgements.attitude),
    (judgements.UNDER_FIRE, judgements.drawn),
    (judgements.LAWSUIT, judgements.parties),
    (URGED, urged),
    (judgements.WARNED_OFF, judgements.warned_off),
    (judgements.REGULATOR_ACTION, judgements.acted_against),
    (VERB_OBJECT, verb_object),
    (CALLED_FOR, called_for),
    (FOUND_THAT, found_that),
))
# run after the statement rules: a document's finding is no statement for them to go on with or answer
LATE_SENTENCE_RULES: tuple[tuple[Trigger, SentenceRule], ...] = ((trigger_of(ACCORDING_DOCUMENT), according_document),)

# the rules that find a judgement in what someone said (not in an act such as suing)
STATEMENT_RULES = frozenset({QUOTED_JUDGEMENT, REPORTED_SPEECH, LABELLED_ANSWER, judgements.LEARNED_JUDGEMENT})


def find_all(ix: CriticIndex) -> list[Finding]:
    """Every finding of the document's criticism rules, in the order they were found."""
    found: list[Finding] = []
    _run_sentence_rules(ix, SENTENCE_RULES, found)
    attributed = ix.quoted_for(tuple(found))
    found += quotes(ix, attributed, found)
    found += reported(ix, frozenset(ix.ctx.sentence_at(a.start) for a in attributed), found)
    found += labelled(ix, found)
    _run_sentence_rules(ix, LATE_SENTENCE_RULES, found)
    # a statement that approves criticises nobody, whatever judgement word it holds ("listened to our concerns");
    # dropped before a letter's signers take over what the letter says
    found = [f for f in found if f.rule not in STATEMENT_RULES or not judgements.approving(ix.text[f.start:f.end])]
    found += letter_signers(ix, found)
    return found


def _run_sentence_rules(ix: CriticIndex, rules: Sequence[tuple[Trigger, SentenceRule]], found: list[Finding]) -> None:
    """Run each rule on every sentence holding its trigger, in order, adding to ``found`` what it finds there."""
    gates = [(trigger.needs(), rule) for trigger, rule in rules]  # each trigger's words read once
    first = any_word(gates)
    for s, words in zip(ix.ctx.doc.sentences, ix.ctx.word_sets, strict=True):
        if words.isdisjoint(first):
            continue
        for needs, rule in gates:
            if fires(words, needs):
                found += rule(ix, s.index, found)


def merged(ctx: DocContext, found: Sequence[Finding]) -> list[Criticism]:
    """The criticisms of the findings: one per critic, target and sentence (the first rule to find it names it)."""
    out: list[Criticism] = []
    seen: set[tuple[str, str, int]] = set()
    seen_names = Mentions(ctx)
    for f in found:
        sdate: DateRef | None = ctx.date(f.sent)
        for t in f.targets:
            key = (f.critic, t, f.sent)
            if key in seen:
                continue
            seen.add(key)
            tl = ctx.label(t) if t in ctx.entities else "a publication"
            summary = f"{ctx.label(f.critic)} criticised {tl} ({f.cue})"
            rule = REFERENCED_TARGET if referenced(ctx, t, f.start, f.end) else f.rule  # "the robots", "the chipmaker"
            if rule in STATEMENT_RULES and passing_target(ctx, seen_names, t, f.start, f.end):
                continue  # a venue, an outlet, the other side's law firm: see criticism_targets.passing_target
            out.append(Criticism(critic=f.critic, target=t, quote=f.quote, summary=summary, date=sdate,
                                 reported=ctx.published, source=ctx.span(f.start, f.end, f.sent), rule=rule))
    return out


def extract_criticisms(ctx: DocContext, relations: list[Relation], events: list[Event]) -> list[Criticism]:
    """All criticisms of the document: verb patterns, critical quotes and reported speech."""
    return merged(ctx, find_all(CriticIndex(ctx, relations, events)))
