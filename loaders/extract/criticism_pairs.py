"""A learned recall component for criticisms: every (speaker, entity) pair of an attributed statement that the rules
did not make a criticism of is a candidate; each pair of a document is scored once, by a logistic regression over
features of its statements that name no article (the judgement score, polarity and negative words of what was said,
the parties' types, where the entity sits, the attribution's kind, what the rules found in the sentence, how often
the entity is named), trained by tools/train_criticism_pairs.py on the tuning sets' gold; a pair at or above the
threshold becomes a criticism (``criticism.learned_pair.v1``).

Three constraints keep pairs out before they are scored: a statement the rules read as approval
(judgements.approving); a target named in a statement where the rules find the speaker criticising someone else
(the victim or bystander of that criticism, in every statement of the speaker); a target that someone the rules find
criticising the speaker's side criticises too (a co-accused: the spokesperson's denial that names its partner). They
removed dev's two wrong pairs and kept the gains.

Shipped (lexicons/criticism_pairs.npz, C 0.1, threshold 0.80, trained on seeds, dev and 44 tuning sets):
leave-one-set-out over those 46 sets the scorer's named-criticism F1 rises by +0.036 on average and by +0.049 on the
34 newest real-news sets, 28 of them up, seeds and dev unchanged (1.000, 0.980), tuning3 -0.052 the most;
tools/train_criticism_pairs.py's docstring has every set. Retraining changes the weights' values only: extraction
is about 1.15x as long with them as without (best of 3, measured when they first shipped). More capacity (bins,
crosses, gradient-boosted trees), other class weights, a threshold per kind of pair and finer statement features did
not raise that mean (tools/compare_criticism_models.py). Broader candidates (targets reached by a description or a
pronoun, a document or an outlet that judges, a judging verb after a party) did not pay either, nor did a statement
that names no one linked to the article's topic organisation (tuning sets up, validation sets not) or to the actor
of the headline's or lede's verb (about one pair in five right, a third at best: the trainer's docstring). The
claims stage ignores learned criticisms, as it does the learned judgements: the claims are the rules' alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from kg.model import Criticism
from loaders.extract import judgement_model, regression
from loaders.extract.attribution import Attribution, reported_attributions
from loaders.extract.context import DocContext
from loaders.extract.criticism_found import is_court, is_judicial
from loaders.extract.criticism_index import CriticIndex
from loaders.extract.judgements import approving
from loaders.extract.rules import register
from loaders.extract.schema import ResolvedMention
from loaders.extract.sentiment import negative_words

LEARNED_PAIR = register("criticism.learned_pair.v1", "An attributed statement about an entity that the learned pair "
                        "scorer (criticism_pairs) reads as criticising it", __name__)
WEIGHTS_FILE = "criticism_pairs.npz"
_NAMED = ("Person", "Organization")
_KINDS = ("quote", "reported", "fronted", "according")
FEATURE_NAMES = ("judgement", "polarity", "negative_words", "critic_person", "target_person", "target_org",
                 "target_product", "target_in_content", "target_first", "target_possessive", *_KINDS,
                 "content_len", "names_in_content", "rules_in_sentence",
                 "target_found_as_target", "target_ally", "target_speaks", "reverse_found", "target_mentions",
                 "target_rank", "critic_mentions", "hedged", "negated", "first_person", "target_is_court",
                 "local_judgement", "local_polarity", "critic_criticised", "positive", "negative",
                 "target_titles_critic", "target_criticised_side")  # fmt: skip
# a pair is scored once per document, over all the statements that pair its critic and target
PAIR_FEATURE_NAMES = (*(f"mean_{f}" for f in FEATURE_NAMES), *(f"max_{f}" for f in FEATURE_NAMES), "statements")
_WORD = re.compile(r"[a-z']+")
_HEDGE = frozenset({"if", "would", "could", "may", "might", "whether"})
_NEGATION = frozenset({"not", "no", "never", "n't", "don't", "didn't", "isn't", "wasn't", "doesn't"})
_LOCAL = 80  # chars either side of the target's mention: the words that judge it, when the statement is long
_FIRST = frozenset({"we", "our", "us", "i", "my", "we're", "we've", "i'm"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A (critic, target) pair of one attributed statement, with its feature row (FEATURE_NAMES)."""

    critic: str
    target: str
    start: int
    end: int
    sent: int
    quote: str | None
    row: tuple[float, ...]


def attributions(ix: CriticIndex) -> list[Attribution]:
    """The document's attributed statements: its direct quotes and its reported speech."""
    quoted = list(ix.quoted())
    quoted_sents = frozenset(a.sent for a in quoted)
    view = ix.speakers(())
    out = quoted  # extended in place (a new list per sentence copied all before it)
    for s in ix.ctx.doc.sentences:
        if not s.heading:
            out += reported_attributions(view, s.index, s.index in quoted_sents)
    return out


def _counts(ctx: DocContext) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ms in ctx.by_sentence.values():
        for m in ms:
            counts[m.key] = counts.get(m.key, 0) + 1
    return counts


def _titles(ctx: DocContext) -> set[tuple[str, str]]:
    """(organisation, person) where the organisation's name titles the person's ("OpenAI CEO Sam Altman"): the
    person speaks for it."""
    out = set()
    for ms in ctx.by_sentence.values():
        for a, b in pairwise(ms):
            if (a.start, a.end) in ctx.modifiers and a.key != b.key:
                out.add((a.key, b.key))
    return out


@lru_cache(maxsize=4096)
def _scored(text: str) -> tuple[float, float]:
    """(judgement score, polarity squashed to -1..1) of a text: every candidate of a statement reads its statement's."""
    return judgement_model.score_and_polarity(text)


def _wording(text: str) -> list[float]:
    words = _WORD.findall(text.lower())
    return [float(any(w in _HEDGE for w in words) or "?" in text),
            float(any(w in _NEGATION or w.endswith("n't") for w in words)),
            math.log1p(sum(w in _FIRST for w in words))]


class _Doc:
    """What every candidate of one document reads: the rules' criticisms, the speakers, how often each is named."""

    def __init__(self, ix: CriticIndex, found: Sequence[Criticism], attrs: Sequence[Attribution]) -> None:
        self.ix, self.ctx = ix, ix.ctx
        self.pairs = {(c.critic, c.target) for c in found}
        self.by_sent: dict[int, set[str]] = {}
        for c in found:
            self.by_sent.setdefault(self.ctx.sentence_at(c.source.start), set()).add(c.critic)
        self.targets = {c.target for c in found}
        self.speakers = {a.speaker for a in attrs}
        self.counts = _counts(self.ctx)
        self.ranked = sorted(self.counts.values(), reverse=True)
        self.titles = _titles(self.ctx)
        self._co: dict[str, set[str]] = {}
        self.judges: dict[str, bool] = {}
        # the rules found the speaker criticising someone in the statement: the others it names there are victims or
        # bystanders, in this statement and in every other
        self.banned = {(a.speaker, m.key) for a in attrs if a.speaker in self.by_sent.get(a.sent, ())
                       for m in self.heads(a)}

    def heads(self, a: Attribution) -> list[ResolvedMention]:
        """The head mentions of a statement's sentences."""
        ctx = self.ctx
        return [m for si in range(a.sent, a.last_sent + 1) for m in ctx.mentions(si) if ctx.is_head(m)]

    def row(self, a: Attribution, critic: str, target: str, content_keys: list[str], possessive: bool,
            local: str) -> list[float]:
        """The feature row of one candidate (FEATURE_NAMES); ``local``: the words around the target's mention."""
        ctx, judged = self.ctx, a.judged
        ttype = ctx.type_of(target)
        words = _WORD.findall(judged.lower())
        neg = negative_words()
        t_count = self.counts.get(target, 0)
        in_sent = self.by_sent.get(a.sent, set())
        judgement, pol = _scored(judged)
        local_judgement, local_pol = _scored(local)
        return [
            judgement, pol,
            math.log1p(sum(w in neg for w in words)),
            float(ctx.type_of(critic) == "Person"), float(ttype == "Person"), float(ttype == "Organization"),
            float(ttype == "Product"), float(target in content_keys),
            float(bool(content_keys) and content_keys[0] == target), float(possessive),
            *[float(a.kind == k) for k in _KINDS],
            math.log1p(len(judged)), math.log1p(len(set(content_keys))), float(bool(in_sent)),
            float(target in self.targets),
            float(target in self.ix.side(critic) or critic in self.ix.side(target)), float(target in self.speakers),
            float((target, critic) in self.pairs), math.log1p(t_count),
            math.log1p(sum(n > t_count for n in self.ranked)), math.log1p(self.counts.get(critic, 0)),
            *_wording(judged), float(is_court(ctx.label(target))),
            local_judgement, local_pol, float(critic in self.targets),
            max(0.0, pol), max(0.0, -pol), float((target, critic) in self.titles),
            float(any(c == target and t in self.ix.side(critic) for c, t in self.pairs)),
        ]  # fmt: skip

    def side_targets(self, critic: str) -> set[str]:
        """Whom the rules find criticised by another of ``critic``'s side: they already hold its side's criticism."""
        side = self.ix.side(critic) - {critic}
        return {t for c, t in self.pairs if c in side}

    def co_accused(self, critic: str) -> set[str]:
        """Who the rules find criticised by someone (not ``critic``) who also criticises ``critic``'s side."""
        if critic not in self._co:
            side = self.ix.side(critic)
            accusers = {c for c, t in self.pairs if t in side and c not in side}
            self._co[critic] = {t for c, t in self.pairs if c in accusers} - side
        return self._co[critic]

    def of(self, a: Attribution) -> list[Candidate]:
        """The candidates of one attributed statement: the speaker with every other named thing of its sentences."""
        ctx = self.ctx
        if ctx.type_of(a.speaker) not in _NAMED or is_judicial(ctx, a.speaker, self.judges):
            return []  # a court or a judge rules on a dispute: no party to it, whatever its ruling's words
        ms = self.heads(a)
        content = [m.key for m in ms if m.start >= a.start and m.end <= a.end]
        # a co-accused of the speaker's side stands with it (a spokesperson's denial names its partner)
        if approving(a.judged):
            return []  # "we're pleased that X listened": approval, whatever it names
        excluded = self.ix.excluded(a.speaker) | self.co_accused(a.speaker)
        out: list[Candidate] = []
        seen: set[str] = set()
        for m in ms:
            t = m.key
            if t in seen or t in excluded or (a.speaker, t) in self.pairs or (a.speaker, t) in self.banned or \
                    t not in ctx.entities:
                continue
            seen.add(t)
            possessive = any(x.key == t and x.possessive for x in ms)
            lo, hi = (a.start, a.end) if m.start >= a.start and m.end <= a.end else (ctx.sentence(m.sentence).start,
                                                                                   ctx.sentence(m.sentence).end)
            local = ctx.doc.clean[max(lo, m.start - _LOCAL):min(hi, m.end + _LOCAL)]
            row = self.row(a, a.speaker, t, content, possessive, local)
            quote = a.judged if a.kind == "quote" else None
            out.append(Candidate(a.speaker, t, a.start, a.end, a.sent, quote, tuple(row)))
        return out


def candidates(ix: CriticIndex, found: Sequence[Criticism]) -> list[Candidate]:
    """Every (speaker, entity) pair of the document's attributed statements that the rules did not find, but a pair
    whose critic the rules found criticising another in one of its statements, and a target accused with the
    critic's side."""
    attrs = attributions(ix)
    doc = _Doc(ix, found, attrs)
    return [c for a in attrs for c in doc.of(a)]


@lru_cache(maxsize=1)
def weights() -> regression.Model | None:
    """(weights, bias, threshold) of the shipped regression; None without a file."""
    return regression.load(WEIGHTS_FILE)


probability = regression.probability


def to_criticism(ctx: DocContext, c: Candidate) -> Criticism:
    """The criticism a kept candidate makes."""
    summary = f"{ctx.label(c.critic)} criticised {ctx.label(c.target)} (learned)"
    return Criticism(critic=c.critic, target=c.target, quote=c.quote, summary=summary, date=ctx.date(c.sent),
                     reported=ctx.published, source=ctx.span(c.start, c.end, c.sent), rule=LEARNED_PAIR)


def grouped(cands: Sequence[Candidate]) -> list[tuple[Candidate, tuple[float, ...]]]:
    """One row per (critic, target) pair of a document (PAIR_FEATURE_NAMES): the mean of its statements' rows, their
    maxima and how many statements there are, with the pair's first candidate (its source)."""
    by_pair: dict[tuple[str, str], list[Candidate]] = {}
    for c in cands:
        by_pair.setdefault((c.critic, c.target), []).append(c)
    out = []
    for cs in by_pair.values():
        rows = np.array([c.row for c in cs], dtype=np.float64)
        row = np.concatenate([rows.mean(axis=0), rows.max(axis=0), [math.log1p(len(cs))]])
        out.append((cs[0], tuple(float(v) for v in row)))
    return out


def learned_pairs(ix: CriticIndex, found: Sequence[Criticism]) -> list[Criticism]:
    """The criticisms the learned scorer adds to the rules' (none without a weights file): one per new pair."""
    model = weights()
    if model is None:
        return []
    return [to_criticism(ix.ctx, c) for c, row in grouped(candidates(ix, found)) if probability(row, model) >= model[2]]
