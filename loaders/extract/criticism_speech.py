"""Criticism rules of reported speech: "X said (that) <negative content about Y>", "according to X", "X warned
that …", and the answers of an interview under a speaker label."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from loaders.extract import speaker_refs
from loaders.extract.attribution import reported_attributions
from loaders.extract.criticism_found import Collected, Finding, Found, is_court
from loaders.extract.criticism_targets import targets_in, topic
from loaders.extract.judgements import DECISION, FAIL_CUE, REBUTTED, continued, failed_party, rebutted
from loaders.extract.lexicon import lexicon
from loaders.extract.rules import register
from loaders.extract.sentiment import THRESHOLD, has_phrase, negative_words

if TYPE_CHECKING:
    from loaders.extract.attribution import Attribution
    from loaders.extract.criticism_index import CriticIndex

REPORTED_SPEECH = register("criticism.reported_speech.v2", "'X said (that) <negative content about Y>', 'according "
                           "to X'", __name__)
WARNED_THAT = register("criticism.warned_that.v2", "'X warned that Y could …': a warning about what its clause names",
                       __name__)
REPORTED_FAILURE = register("criticism.reported_failure.v1", "'X said (that) Y refused / failed / did not / should "
                            "have …': a failure laid at the clause's subject", __name__)
LABELLED_ANSWER = register("criticism.labelled_answer.v1", "A negative sentence of an interview answer under a "
                           "speaker label", __name__)
# "Vasquez-Lund: Because …" — an interview answer under its speaker's label
_SPEAKER_LABEL = re.compile(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}):\s")
_OWN_SIDE = re.compile(r"\s*(?:the\s+(?:company|firm|startup)|it|we|our)\b", re.I)
_WARN_WORDS = frozenset({"warn", "warns", "warned", "warning", "caution", "cautions", "cautioned", "cautioning"})
_PARTICIPLE_BEFORE = re.compile(r",\s*(?:\w+ly\s+)?\w+ing\s+(?:that\s+)?$")
_DESCRIBED_THING = re.compile(r"\s*(?:the|this|that|its|their)\s+(?:new\s+|latest\s+)?(?:ad|advert|advertisement|"
                              r"campaign|commercial|feature|product|app|model|device|deal|move|plan|decision|policy|"
                              r"update|launch|rollout|chatbot|tool|service|settlement|video|system|summary|feed|valuation|"
                              r"proposal|merger|acquisition|takeover|strategy|approach|pricing|price change|"
                              r"announcement|demo|restructuring|conversion|rebrand|redesign|upgrade|pivot)\b", re.I)


# a party's verbs: a court rules on what the parties argue, it never argues ("In the complaint, filed in the US District
# Court, Amazon argued that …": a speaker found as the court is the venue misread)
_PARTY_VERB = re.compile(r"\W*(?:argu|conten|alleg|claim|accus|complain)", re.I)
# "chipmakers such as Nvidia", "agents like Relay": the example a general statement singles out
_EXAMPLE_BEFORE = re.compile(r"\b(?:like|such as|including|notably|especially)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def _speech_words() -> frozenset[str]:
    """Words of the speech verbs (a sentence without one attributes nothing)."""
    return frozenset(w.lower() for v in lexicon().speech_verbs for w in v.split()[:1])


def _anything(text: str) -> bool:
    return True


def reported(ix: CriticIndex, quoted: frozenset[int], found: Found) -> list[Finding]:
    """"X said (that) <negative content about Y>", "According to X, ...", "<content>, X said" (``quoted``: the
    sentences holding an attributed direct quote)."""
    ctx, acc = ix.ctx, Collected(ix, found)
    neg_words = negative_words()
    speech = _speech_words()
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        # only sentences that attribute something and hold a negative word are worth attributing
        if words.isdisjoint(speech) and "according" not in words:
            continue
        dissent = ix.dissent(s.index)
        warn = not words.isdisjoint(_WARN_WORDS)
        failing = FAIL_CUE.search(ctx.stext(s.index)) is not None
        # a sentence with no judgement word may still lay a failure at someone: then only that is looked for
        only_failure = not dissent and not warn and words.isdisjoint(neg_words) and \
            not has_phrase(words, ctx.slower(s.index))
        if only_failure and not failing:
            continue
        keep = _anything if dissent or warn else _failed_or_judged(ix) if failing else ix.judged_text
        kept: tuple[int, int] | None = None
        for a in reported_attributions(ix.speakers(tuple(acc.seen)), s.index, s.index in quoted, keep):
            if kept is not None and kept != (a.start, a.end):
                break  # one statement per sentence; its co-speakers ("the senators said") share it
            if _reported_one(ix, acc, a, s.index, dissent, only_failure):
                kept = (a.start, a.end)
    return acc.out


def _failed_or_judged(ix: CriticIndex) -> Callable[[str], bool]:
    """A statement worth attributing: one that judges, or one that may lay a failure at someone ("… had refused")."""
    return lambda text: ix.judged_text(text) or FAIL_CUE.search(text) is not None


def _reported_one(ix: CriticIndex, acc: Collected, a: Attribution, sent: int, dissent: bool,
                  only_failure: bool = False) -> bool:
    """Keep one reported statement that judges what its clause names (``only_failure``: one that lays a failure at
    its subject); whether it found a target (the sentence's other statements are then left alone)."""
    text = ix.text
    s = ix.ctx.sentence(sent)
    if a.verb and a.verb.lower().startswith("ask"):
        return False  # "asked whether the launch was rushed": a question is not a verdict
    if _reporting(ix, a, s.start):
        return False  # "According to a CNBC report, …", "Reuters reported that …": the outlet only reports
    if a.verb and _PARTY_VERB.match(a.verb) and is_court(ix.ctx.label(a.speaker)):
        return False
    if a.kind == "reported" and _PARTICIPLE_BEFORE.search(text, s.start, a.start) and \
            ix.p["verb"].search(text, s.start, a.start):
        # "… have sued X, alleging that …": the participle's subject is the main verb's, not X
        main = [f for f in acc.seen if f.sent == s.index and f.start < a.start]
        if not main:
            return False
        a = replace(a, speaker=main[-1].critic)
    neg = ix.negative(a.judged)
    # "X warned that Y could …": a warning about what it names is a judgement of it
    warned = bool(a.verb) and a.kind == "reported" and a.verb.lower().startswith(("warn", "caution"))
    if warned and not _OWN_SIDE.match(a.judged):
        targets = targets_in(ix, s.index, a.start, a.end, a.speaker, subject_only=True)
        targets = targets or _warned_about(ix, a.start, a.judged, a.speaker, s.index)
        acc.add(a.speaker, targets, None, "warned", a.start, a.end, s.index, rule=WARNED_THAT)
        return bool(targets)
    failed = [] if neg or dissent else failed_party(ix, a.speaker, s.index, s.index, a.start,
                                                      min(a.end, a.start + 60), subject_only=True)
    if failed:
        acc.add(a.speaker, failed, None, "failure", a.start, a.end, s.index, rule=REPORTED_FAILURE)
        return True
    if only_failure or (not dissent and not ix.judged_text(a.judged)):
        return False  # let in for a failure it does not lay: judged as before
    if not neg and not dissent and ix.polarity(a.judged) > THRESHOLD:
        return False
    if _OWN_SIDE.match(a.judged):
        # "X said the company had fixed the flaw": about the speaker's own organisation; but "the company was
        # “disappointed” by the decision and that Anthropic had ...": at the one named
        if neg is None or not (DECISION.search(a.judged) or REBUTTED.search(a.judged)):
            return False
        targets = targets_in(ix, s.index, a.start, a.end, a.speaker)
    else:
        targets = targets_in(ix, s.index, a.start, a.end, a.speaker, subject_only=True)
    if not targets and REBUTTED.search(a.judged):
        targets = rebutted(ix, acc.seen, a.speaker, a.start)  # "countered that the critics were ..."
    if not targets and (dissent or (neg and _DESCRIBED_THING.match(a.judged))):
        # "Not everyone is sold. X said the valuation ...", "X said the ad was “so fake”": the subject at hand,
        # reached through its definite description
        targets = topic(ix, a.start, a.speaker)
    if not targets:
        if any(m.type == "Group" for m in ix.ctx.mentions(s.index, a.start, a.start + 40)):
            return True  # "X posted that artists opposing it were …": about that group, and the sentence's statement
        # "He added that the practice was “a blow to …”": a statement naming nothing goes on with the judgement its
        # speaker (or its organisation) just made
        targets = continued(ix, acc.seen, a.speaker, s.index)
    cue = neg.group(0) if neg else "judgement"
    acc.add(a.speaker, targets, None, a.verb if a.kind == "according" else cue, a.start, a.end, s.index,
            rule=REPORTED_SPEECH)
    return bool(targets)


def _reporting(ix: CriticIndex, a: Attribution, sent_start: int) -> bool:
    """Whether a statement is a news outlet's reporting ("according to a CNBC report", "Reuters reported that"), not
    its own verdict (a column, an editorial)."""
    if a.kind == "according":
        return speaker_refs.reports_only(ix.ctx, a.speaker, ix.text[sent_start:a.start])
    return bool(a.verb) and a.verb.lower().startswith("report") and speaker_refs.reports_only(ix.ctx, a.speaker, "")


def _warned_about(ix: CriticIndex, start: int, judged: str, speaker: str, sent: int) -> list[str]:
    """Who a warning's first clause singles out past its subject: an example ("chipmakers such as Nvidia", "agents
    like Relay") or an owner ("depends heavily on Nvidia's software"); "customers of X" does not judge X."""
    cut = re.search(r"[,;:]|\s[–—-]\s", judged)
    end = start + (cut.start() if cut else len(judged))
    excluded = ix.excluded(speaker)
    for m in ix.ctx.mentions(sent, start, end):
        if m.key in excluded or m.type not in ("Person", "Organization", "Product") or not ix.ctx.is_head(m):
            continue
        if m.possessive or _EXAMPLE_BEFORE.search(ix.text, max(start, m.start - 12), m.start):
            return [m.key]
    return []


def labelled(ix: CriticIndex, found: Found) -> list[Finding]:
    """Interview answers under a speaker label ("Name: …"): each negative sentence of the answer criticises what it
    names."""
    ctx, acc = ix.ctx, Collected(ix, found)
    speaker: str | None = None
    para = -1
    for s in ctx.doc.sentences:
        start = s.start
        if s.paragraph != para:
            para, speaker = s.paragraph, None
            m = _SPEAKER_LABEL.match(ctx.stext(s.index)) if ":" in ctx.stext(s.index)[:45] else None
            if m is None:
                continue
            names = [x for x in ctx.mentions(s.index, s.start, s.start + m.end(1)) if ctx.is_head(x)]
            if not names or names[-1].end != s.start + m.end(1) or names[0].start != s.start:
                continue
            speaker = ix.actor(names[0].key, s.index, s.start, acc.seen)
            start = s.start + m.end()
        if speaker is None:
            continue
        body = ix.text[start:s.end]
        if body.rstrip().endswith("?") or _retold(ix, s.index, start, body, speaker):
            continue  # a question, or others' words retold ("X called that claim misleading"): not the label's
        neg = ix.negative(body)
        if not neg and ix.polarity(body) > THRESHOLD:
            continue
        targets = targets_in(ix, s.index, start, s.end, speaker)
        acc.add(speaker, targets, body.strip(), neg.group(0) if neg else "judgement", start, s.end, s.index,
                rule=LABELLED_ANSWER)
    return acc.out


def _retold(ix: CriticIndex, sent: int, start: int, body: str, speaker: str) -> bool:
    """Whether an answer retells what someone else said or did ("Gergely Orosz called that claim …")."""
    verb = ix.p["speech"].search(body) or ix.p["verb"].search(body)
    if verb is None:
        return False
    return any(m.key != speaker and m.type in ("Person", "Organization", "Group") and ix.ctx.is_head(m)
               for m in ix.ctx.mentions(sent, start, start + verb.start()))
