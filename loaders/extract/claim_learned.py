"""A learned recall component for claims: every attributed piece the claim rules turn down (not a statement by
their word tests, a judgement, a plan, an announcement, criticism territory, …) is a candidate, and a logistic
regression over features of general language that name no article (the test that turned it down, the rule that
found its speaker, figures, verb tense and modality, hedges, first person, quotes, the learned judgement and
polarity of its words, what the rules found around it) decides which are claims (``claim.learned_statement.v1``).

Trained by tools/train_claim_statements.py on the tuning sets' gold (weights in lexicons/claim_statements.npz,
numpy at run time); the threshold and C are chosen leave-one-set-out on the end-to-end claim F1. Without a weights
file nothing is recorded and nothing is added.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from kg.model import Claim
from loaders.extract import judgement_model, regression
from loaders.extract.claim_filters import is_clause, is_statement, is_value_judgement
from loaders.extract.context import DocContext
from loaders.extract.quantities import parse_quantities
from loaders.extract.rules import register

LEARNED_STATEMENT = register("claim.learned_statement.v1", "An attributed statement the claim rules turn down that "
                             "the learned statement scorer (claim_learned) reads as a claim of fact or forecast",
                             __name__)
WEIGHTS_FILE = "claim_statements.npz"
RECORD = False  # the trainer records candidates without weights
REASONS = ("statement", "criticised", "judgement", "backs", "plan", "commentary", "characterised", "announced",
           "object", "verb", "critics")
RULES = ("claim.quoted_statement.v1", "claim.reported_statement.v1", "claim.reported_finding.v1",
         "claim.noun_claim.v1", "claim.document_statement.v1")
# cues of general language, one feature each
_CUES = (
    ("first_person", r"\b(?:we|our|us|i|my|me|we're|we've|i'm)\b"),
    ("modal", r"\b(?:will|would|could|may|might|can|going to|expects?|likely)\b"),
    ("negation", r"\b(?:not|never|no|none)\b|n[’']t\b"),
    ("opinion", r"\b(?:believes?|believed|think|thinks|thought|feels?|hopes?|hoped|want|wants|wanted|love|proud)\b"),
    ("call", r"\b(?:must|should|need to|needs to|ought|urge[sd]?|let's)\b"),
    ("evidence", r"\b(?:found|shows?|showed|data|survey|study|research|percent|per cent|estimate[sd]?|measured)\b|%"),
    ("comparative", r"\b(?:more|less|fewer|than|most|least|higher|lower|faster|slower|better|worse)\b"),
    ("present_state", r"\b(?:is|are|has|have|remains?|exists?)\b"),
    ("past", r"\b(?:was|were|had|did)\b|\b\w+ed\b"),
    ("hedge", r"\b(?:if|whether|perhaps|maybe|possibly|probably|might)\b|\?"),
    ("plan", r"\b(?:plans?|planned|intends?|aims?|will continue|committed|commit|going to|launch(?:es|ed)?)\b"),
    ("accuse", r"\b(?:alleg\w*|accus\w*|illegal\w*|unlawful\w*|violat\w*|infring\w*|lied|lying|misled|mislead\w*)\b"),
    ("pronoun_start", r"^\s*(?:it|he|she|they|this|that|there)\b"),
)
_CUE_RES = tuple(re.compile(p, re.I) for _, p in _CUES)
# the attribution's verb by what it does: states, asserts against doubt, forecasts, warns, holds a view, adds
_VERB_CLASSES = (
    ("verb_say", ("said", "says", "say", "told", "tells", "stated", "states", "wrote", "writes", "according")),
    ("verb_assert", ("claim", "argu", "insist", "maintain", "contend", "assert", "stress", "emphasi", "counter")),
    ("verb_forecast", ("estimat", "predict", "forecast", "expect", "project", "anticipat")),
    ("verb_warn", ("warn", "caution", "fear")),
    ("verb_view", ("believ", "think", "feel", "suggest", "hope")),
    ("verb_add", ("add", "note", "explain", "point", "continu")),
    ("verb_find", ("found", "find", "show", "report", "disclos", "confirm", "reveal")),
)
# how a piece opens: a clause has a subject ("it", "the model", a name), a fragment starts with a preposition or verb
_OPENS_PREPOSITION = re.compile(r"(?:in|on|at|by|to|for|with|from|of|during|after|before|as|via)", re.I)
_OPENS_VERB = re.compile(r"[a-z]+(?:ed|ing|es)")
FEATURE_NAMES = (*(f"reason_{r}" for r in REASONS), *(f"rule_{r.split('.')[1]}" for r in RULES), "rule_other",
                 "figures", "words", "person", "quoted_sentence", "judgement", "polarity", "positive", "negative",
                 "statement_clause", "statement_loose", "clause", "value_judgement", "names", "speaker_in_text",
                 "criticised_sentence", "speaker_claims", "sentence_claims", "position",
                 *(c for c, _ in _CUES), *(c for c, _ in _VERB_CLASSES), "verb_none", "opens_capital",
                 "opens_preposition", "opens_verb", "quote_marks", "colon", "share_of_sentence", "speaker_mentions",
                 "speaker_org", "first_word_name")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Rejected:
    """An attributed piece the claim rules turned down, with the rule that found it and the test that refused it."""

    speaker: str
    sent: int
    start: int
    end: int
    rule: str
    reason: str
    verb: str = ""


@lru_cache(maxsize=4096)
def _scored(text: str) -> tuple[float, float]:
    """(judgement score, polarity squashed to -1..1): shared with the criticism pairs' cache of statements."""
    return judgement_model.score_and_polarity(text)


def row(ctx: DocContext, r: Rejected, claims: Sequence[Claim], criticised: set[int]) -> tuple[float, ...]:
    """The feature row of one candidate (FEATURE_NAMES)."""
    text = ctx.doc.clean[r.start:r.end]
    sentence = ctx.sentence(r.sent)
    judged, pol = _scored(text)
    names = [m for m in ctx.mentions(r.sent, r.start, r.end)]
    quoted = any(c in ctx.doc.clean[sentence.start:sentence.end] for c in "“”\"")
    return (
        *[float(r.reason == x) for x in REASONS], *[float(r.rule == x) for x in RULES], float(r.rule not in RULES),
        float(bool(parse_quantities(text))), math.log1p(len(text.split())), float(ctx.type_of(r.speaker) == "Person"),
        float(quoted), judged, pol, max(0.0, pol), max(0.0, -pol),
        float(is_statement(text)), float(is_statement(text, clause=False)), float(is_clause(text)),
        float(is_value_judgement(text)), math.log1p(len(names)), float(any(m.key == r.speaker for m in names)),
        float(r.sent in criticised), math.log1p(sum(c.claimant == r.speaker for c in claims)),
        float(any(ctx.sentence_at(c.source.start) == r.sent for c in claims)),
        r.sent / max(1, len(ctx.doc.sentences)),
        *[float(bool(p.search(text))) for p in _CUE_RES],
        *[float(r.verb.startswith(stems)) for _, stems in _VERB_CLASSES], float(not r.verb),
        float(text[:1].isupper()), float(bool(_OPENS_PREPOSITION.match(text))), float(bool(_OPENS_VERB.match(text))),
        float(sum(text.count(c) for c in "“”\"") % 2), float(":" in text),
        (r.end - r.start) / max(1, sentence.end - sentence.start),
        math.log1p(sum(m.key == r.speaker for ms in ctx.by_sentence.values() for m in ms)),
        float(ctx.type_of(r.speaker) == "Organization"), float(bool(names) and names[0].start - r.start < 4),
    )  # fmt: skip


def candidates(ctx: DocContext, rejected: Sequence[Rejected], claims: Sequence[Claim],
               criticised: set[int]) -> list[tuple[Rejected, tuple[float, ...]]]:
    """The rejected pieces that no claim of the rules overlaps (each span once), with their feature rows."""
    taken = [(c.claimant, ctx.sentence_at(c.source.start)) for c in claims]
    out: list[tuple[Rejected, tuple[float, ...]]] = []
    seen: set[tuple[str, int, int]] = set()
    for r in rejected:
        key = (r.speaker, r.start, r.end)
        if key in seen or (r.speaker, r.sent) in taken or r.end - r.start < 8:
            continue  # the rules already hold a claim of this speaker in this sentence
        seen.add(key)
        out.append((r, row(ctx, r, claims, criticised)))
    return out


@lru_cache(maxsize=1)
def weights() -> regression.Model | None:
    """(weights, bias, threshold) of the shipped regression; None without a file."""
    return regression.load(WEIGHTS_FILE)


def recording() -> bool:
    """Whether the claims stage keeps its rejected pieces: with weights, or while the trainer records."""
    return RECORD or weights() is not None


Make = Callable[[str, int, int, int, str], Claim]


def added(ctx: DocContext, rejected: Sequence[Rejected], claims: Sequence[Claim], criticised: set[int],
          make: Make) -> list[Claim]:
    """The claims the learned scorer adds to the rules' (none without weights): one per kept candidate, one per
    speaker and sentence."""
    model = weights()
    if model is None or not rejected:
        return []
    out: list[Claim] = []
    done: set[tuple[str, int]] = set()
    for r, x in candidates(ctx, rejected, claims, criticised):
        if (r.speaker, r.sent) not in done and regression.probability(x, model) >= model[2]:
            done.add((r.speaker, r.sent))
            out.append(make(r.speaker, r.sent, r.start, r.end, LEARNED_STATEMENT))
    return out
