"""Stage: learned criticism pairs — a logistic regression that scores every (critic, target) pair a sentence offers
and adds the pairs the rules missed (and may drop a rule pair it scores very low).

Candidates, per sentence: critics are the speakers of the statements attributed in it (attribution.py); targets
are the people, organisations and products it names, and the document's main subject. Features are general: the
sentence's VADER polarity and judgement score (judgement_model: wordllama embedding + polarity), where the target
stands (inside the statement, before the critic, how far), the entity types, and whether the rules found the pair,
its reverse, or anything in that sentence. A pair's score in a document is the best of its occurrences. Trained by
tools/train_pairs.py on the tuning sets' gold; weights in lexicons/criticism_pairs.npz; numpy only here.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from kg.model import Criticism, Event, Relation
from loaders.extract.attribution import Attribution, reported_attributions
from loaders.extract.context import DocContext
from loaders.extract.criticism_index import CriticIndex
from loaders.extract.judgement_model import embeddings
from loaders.extract.judgement_model import model as judgement_model
from loaders.extract.lexicon import lexicon
from loaders.extract.rules import register
from loaders.extract.sentiment import polarity

LEARNED_PAIR = register("criticism.learned_pair.v1", "A (critic, target) pair of a sentence that the learned pair "
                        "model (criticism_pairs, trained by tools/train_pairs.py) scores as a criticism", __name__)

WEIGHTS_FILE = "criticism_pairs.npz"
# off: switched on, it raised the leave-one-set-out F1 of the tuning real news (realnews_b/c/d) but lowered dev
# (0.980 -> 0.943) and did not help the held-out real news (criticism F1 0.616 -> 0.613 and 0.229 -> 0.213, recall
# unchanged); tools/train_pairs.py reports the cross-validated figures
USE_LEARNED_PAIRS = False
_MAX_CHARS = 600  # as judgement_model: a sentence's judgement is in its first few hundred characters
_CRITIC_TYPES = ("Person", "Organization")
_TARGET_TYPES = ("Person", "Organization", "Product")
_KINDS = ("quote", "reported", "fronted", "according")
# the named features after the embedding, in order (the weights file stores the same list)
NAMES = (
    "polarity", "judgement", "negative_word", "heading",
    *(f"kind_{k}" for k in _KINDS),
    "target_in_statement", "target_in_sentence", "target_is_topic", "target_before_critic", "log_distance",
    "critic_person", "target_person", "target_org", "target_product",
    "rule_pair_doc", "rule_pair_sentence", "rule_critic_sentence", "rule_target_sentence", "rule_reverse_doc",
    "log_target_mentions", "log_critic_mentions", "targets_in_sentence", "target_possessive", "target_first",
    "criticism_verb", "dissent", "target_first_in_statement", "target_in_previous", "target_in_lede",
    "log_cooccurring", "rule_critic_doc", "rule_target_doc",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One occurrence of a (critic, target) pair: the sentence, the statement it is in, and its features."""

    critic: str
    target: str
    sent: int
    start: int  # the statement (or the sentence)
    end: int
    kind: str
    quote: str | None


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over the features (standardisation folded in) and its two thresholds."""

    weights: np.ndarray
    bias: float
    add_at: float  # a pair the rules missed is added at or above this score
    drop_below: float  # a rule pair is dropped below this score (0: never)


@lru_cache(maxsize=1)
def model() -> PairModel:
    """The trained weights shipped in the package."""
    path = resources.files("loaders.extract").joinpath("lexicons", WEIGHTS_FILE)
    with path.open("rb") as fh, np.load(fh) as d:
        weights = np.asarray(d["coef"], dtype=np.float64) / d["scale"]
        bias = float(d["intercept"]) - float((d["mean"] * weights).sum())
        return PairModel(weights, bias, float(d["add_at"]), float(d["drop_below"]))


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    return frozenset(w.lower() for v in lexicon().speech_verbs for w in v.split()[:1]) | {"according"}


def _attributions(finder: CriticIndex) -> dict[int, list[Attribution]]:
    """Every attributed statement, by each sentence it covers."""
    ctx = finder.ctx
    found = list(finder.quoted())
    quoted = {a.sent for a in found}
    speech = _speech_words()
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if not words.isdisjoint(speech):
            found += reported_attributions(finder, s.index, s.index in quoted)
    out: dict[int, list[Attribution]] = {}
    for a in found:
        for si in range(a.sent, a.last_sent + 1):
            out.setdefault(si, []).append(a)
    return out


def _main_subject(ctx: DocContext) -> str | None:
    """The organisation or product named most often (what the story is about)."""
    counts = {k: len(e.mentions) for k, e in ctx.entities.items() if e.type in ("Organization", "Product")}
    return max(counts, key=lambda k: (counts[k], k), default=None)


def candidates(finder: CriticIndex) -> list[Candidate]:
    """Every (critic, target) occurrence of the document: each attributed statement's speaker with the names of
    each sentence it covers and the document's main subject. (A sentence's first name as the critic was tried:
    2% of those candidates were criticisms, and none scored near the threshold.)"""
    ctx, out = finder.ctx, []
    by_sent = _attributions(finder)
    topic = _main_subject(ctx)
    for s in ctx.doc.sentences:
        critics: dict[str, Attribution] = {}
        for a in by_sent.get(s.index, ()):
            if ctx.type_of(a.speaker) in _CRITIC_TYPES:
                critics.setdefault(a.speaker, a)
        if not critics:
            continue
        heads = [m for m in ctx.mentions(s.index) if ctx.is_head(m)]
        for critic, a in critics.items():
            excluded = finder.excluded(critic)
            targets = [m.key for m in heads if m.type in _TARGET_TYPES and m.key not in excluded]
            if topic is not None and topic not in excluded:
                targets.append(topic)
            quote = finder.text[a.start:a.end].strip("“”\"") if a.kind == "quote" else None
            for t in dict.fromkeys(targets):
                out.append(Candidate(critic, t, s.index, a.start, a.end, a.kind, quote))
    return out


def _sentence_vectors(ctx: DocContext, sents: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each sentence's unit embedding, scaled polarity and judgement score (each sentence embedded once)."""
    emb = embeddings()
    texts = [ctx.stext(i)[:_MAX_CHARS] for i in sents]
    vecs = np.zeros((len(texts), emb.matrix.shape[1]))
    for row, enc in enumerate(emb.tokenizer.encode_batch(texts, add_special_tokens=False)):
        if enc.ids:
            v = emb.matrix[enc.ids].sum(axis=0, dtype=np.float64)
            n = math.sqrt(float(v @ v))
            vecs[row] = v / n if n else v
    pol = np.array([math.tanh(polarity(t) / 4.0) for t in texts])
    jm = judgement_model()
    judged = 1.0 / (1.0 + np.exp(-(vecs @ jm.weights[:-1] + jm.weights[-1] * pol + jm.bias)))
    return vecs, pol, judged


def features(finder: CriticIndex, cands: Sequence[Candidate], rule: Sequence[Criticism]) -> np.ndarray:
    """One row per candidate: the sentence's embedding, then the named features (NAMES)."""
    ctx = finder.ctx
    if not cands:
        return np.zeros((0, embeddings().matrix.shape[1] + len(NAMES)))
    sents = sorted({c.sent for c in cands})
    row_of = {s: i for i, s in enumerate(sents)}
    vecs, pol, judged = _sentence_vectors(ctx, sents)
    rule_at = [(c.critic, c.target, ctx.sentence_at(c.source.start)) for c in rule]
    pairs = {(a, b) for a, b, _ in rule_at}
    in_sent = {(a, b, s) for a, b, s in rule_at}
    critic_sent = {(a, s) for a, _, s in rule_at}
    target_sent = {(b, s) for _, b, s in rule_at}
    topic = _main_subject(ctx)
    critic_doc, target_doc = {a for a, _ in pairs}, {b for _, b in pairs}
    together: dict[tuple[str, str], int] = {}
    for c in cands:
        together[(c.critic, c.target)] = together.get((c.critic, c.target), 0) + 1
    named_in = {i: {m.key for m in ctx.mentions(i)} for i in range(len(ctx.doc.sentences))}
    lede = named_in.get(0, set()) | named_in.get(1, set())
    rows = []
    for c in cands:
        r = row_of[c.sent]
        ms = [m for m in ctx.mentions(c.sent) if ctx.is_head(m)]
        tm = next((m for m in ms if m.key == c.target), None)
        cm = next((m for m in ms if m.key == c.critic), None)
        ttype = ctx.type_of(c.target)
        named = [m for m in ms if m.type in _TARGET_TYPES and m.key != c.critic]
        dist = abs(tm.start - cm.start) if tm and cm else 200
        rows.append([
            pol[r], judged[r], float(finder.negative(ctx.stext(c.sent)) is not None),
            float(ctx.sentence(c.sent).heading),
            *(float(c.kind == k) for k in _KINDS),
            float(tm is not None and c.start <= tm.start < c.end), float(tm is not None),
            float(c.target == topic), float(bool(tm and cm and tm.start < cm.start)),
            math.log1p(dist),
            float(ctx.type_of(c.critic) == "Person"), float(ttype == "Person"), float(ttype == "Organization"),
            float(ttype == "Product"),
            float((c.critic, c.target) in pairs), float((c.critic, c.target, c.sent) in in_sent),
            float((c.critic, c.sent) in critic_sent), float((c.target, c.sent) in target_sent),
            float((c.target, c.critic) in pairs),
            math.log1p(len(ctx.entities[c.target].mentions)), math.log1p(len(ctx.entities[c.critic].mentions)),
            math.log1p(len(named)), float(bool(tm and tm.possessive)), float(bool(named and named[0].key == c.target)),
            *_structure(finder, c, named), float(c.target in named_in.get(c.sent - 1, ())), float(c.target in lede),
            math.log1p(together[(c.critic, c.target)]), float(c.critic in critic_doc), float(c.target in target_doc),
        ])
    return np.hstack([vecs[[row_of[c.sent] for c in cands]], np.array(rows)])


def _structure(finder: CriticIndex, c: Candidate, named: list) -> tuple[float, float, float]:
    """A criticism verb in the sentence, a dissent cue around it, and whether the target is the first name of the
    statement (what a statement is about is usually named first)."""
    inside = [m for m in named if c.start <= m.start < c.end]
    return (float(finder.p["verb"].search(finder.ctx.stext(c.sent)) is not None), float(finder.dissent(c.sent)),
            float(bool(inside and inside[0].key == c.target)))


def pair_scores(cands: Sequence[Candidate], scores: np.ndarray) -> dict[tuple[str, str], tuple[float, Candidate]]:
    """Each pair's best score in the document, with the occurrence that gave it."""
    best: dict[tuple[str, str], tuple[float, Candidate]] = {}
    for c, s in zip(cands, scores, strict=True):
        key = (c.critic, c.target)
        if key not in best or s > best[key][0]:
            best[key] = (float(s), c)
    return best


def combine(ctx: DocContext, rule: list[Criticism], best: dict[tuple[str, str], tuple[float, Candidate]],
            add_at: float, drop_below: float) -> list[Criticism]:
    """The rule criticisms less the pairs scored below ``drop_below``, plus new pairs scored at or above ``add_at``."""
    have = {(c.critic, c.target) for c in rule}
    kept = [c for c in rule if (c.critic, c.target) not in best or best[(c.critic, c.target)][0] >= drop_below]
    for (critic, target), (score, c) in sorted(best.items(), key=lambda kv: kv[1][1].start):
        if (critic, target) in have or score < add_at:
            continue
        summary = f"{ctx.label(critic)} criticised {ctx.label(target)} (learned pair, score {score:.2f})"
        kept.append(Criticism(critic=critic, target=target, quote=c.quote, summary=summary, date=ctx.date(c.sent),
                              reported=ctx.published, source=ctx.span(c.start, c.end, c.sent), rule=LEARNED_PAIR))
    return kept


def scored(ctx: DocContext, relations: list[Relation], events: list[Event], criticisms: list[Criticism]) \
        -> tuple[list[Candidate], np.ndarray]:
    """The document's candidates and their feature rows (the training script reads the same)."""
    finder = CriticIndex(ctx, relations, events)
    cands = candidates(finder)
    return cands, features(finder, cands, criticisms)


def learned_pairs(ctx: DocContext, speakers: CriticIndex, criticisms: list[Criticism]) -> list[Criticism]:
    """The rules' criticisms with the learned pairs added (and the lowest-scored rule pairs dropped)."""
    if not USE_LEARNED_PAIRS:
        return criticisms
    cands = candidates(speakers)
    if not cands:
        return criticisms
    x = features(speakers, cands, criticisms)
    m = model()
    probs = 1.0 / (1.0 + np.exp(-(x @ m.weights + m.bias)))
    return combine(ctx, criticisms, pair_scores(cands, probs), m.add_at, m.drop_below)
