"""Stage: claims — statements of fact or forecast attributed to an actor, with or without figures.

The speakers come from the attribution stage the criticisms use (loaders/extract/attribution.py): direct quotes,
"X said (that) …", "…, X said", "according to X, …", plus the reporting verbs that attribute facts rather than
speech ("X reported / found / forecast that …"). What each attribution says is a claim when it is a statement
(claim_filters.is_statement) and not a criticism the criticisms stage already holds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import pairwise

from kg.model import Claim, Criticism, Quantity, Relation
from loaders.extract.attribution import Attribution, reported_attributions
from loaders.extract.claim_actions import own_action, relayed
from loaders.extract.claim_company import (
    RECENT_SPEAKER,
    body_attribution,
    company_quotes,
    company_referent,
    company_subject,
    parenthetical_attribution,
    pronoun_attribution,
    relative_company,
    subjectless,
    the_company,
)
from loaders.extract.claim_context import (
    CONTINUED_FIGURES,
    DOCUMENT_STATEMENT,
    DOCUMENT_WORDS,
    according_attributions,
    continued_figures,
    document_attributions,
    narrated,
)
from loaders.extract.claim_filters import is_clause, is_statement, is_value_judgement, own_safeguard
from loaders.extract.claim_nouns import NOUN_CLAIM, NOUN_WORDS, noun_attributions
from loaders.extract.claim_pieces import (
    SECOND_PREDICATE,
    confident_that,
    second_predicate,
    second_that,
    split_joined,
)
from loaders.extract.claim_sides import SELF_SUBJECT, characterised, commentary, litigated, own_side_plan
from loaders.extract.claim_speech import (
    adjacent_speaker,
    fronted_too_far,
    headline,
    inverted,
    noun_before,
    object_only,
    pronoun_speaker,
    quote_only,
    relative_speaker,
    relative_verb,
    said_by_critics,
    unasserted,
    unknown_speaker,
    unnamed_spokesperson,
)
from loaders.extract.claim_subjects import described_speaker, role_holder
from loaders.extract.context import DocContext
from loaders.extract.criticism_found import is_judicial
from loaders.extract.criticism_index import CriticIndex
from loaders.extract.criticism_pairs import LEARNED_PAIR
from loaders.extract.described_speakers import described_attribution
from loaders.extract.judgements import LEARNED_JUDGEMENT
from loaders.extract.lexicon import Folded, alternation, lexicon
from loaders.extract.quantities import parse_quantities
from loaders.extract.rules import register

QUOTED_STATEMENT = register("claim.quoted_statement.v1", "A direct quote stating a fact or forecast, credited to its "
                            "speaker ('“Over 80% of our code …,” X said')", __name__)
REPORTED_STATEMENT = register("claim.reported_statement.v1", "Reported speech stating a fact or forecast: 'X said "
                              "(that) …', '…, X said', 'according to X, …'", __name__)
FINDING = register("claim.reported_finding.v1", "A fact an actor reports, finds or forecasts: 'X reported / found / "
                   "estimated / forecast that …'", __name__)
# retired (no longer produced): kept registered so that facts stored under it keep a known, explained rule
RETIRED_QUANTIFIED = register("claim.quantified_statement.v1", "Retired: a sentence with figures attributed to its "
                              "speaker; replaced by the claim.*_statement rules", __name__)

# verbs that attribute facts without being verbs of speech (those are in the speech lexicon)
# (the word boundary first: the lookbehinds, tested at every position before it, then run only at word starts)
_FINDING_VERB = re.compile(
    r"\b(?<!\bbe )(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbeen )"
    r"(?:reported|reports|found|finds|showed|shows|forecast|forecasts|projected|projects|disclosed|discloses|"
    r"pointed out|points out|pointed to|points to|confirmed|confirms|maintained|maintains|expects)\b"
    r"(?!\s+(?:off|up|out|down|away|back|around)\b)(?:\s+that)?\s+|"
    # verbs that state a fact only with "that" ("countered that its model passed 12 audits", "stressed that …")
    r"\b(?:countered|counters|stressed|stresses|reiterated|reiterates|underscored|underscores|reporting)\s+that\s+",
    re.I)
_FINDING_WORDS = frozenset({"reported", "reports", "found", "finds", "showed", "shows", "forecast", "forecasts",
                            "projected", "projects", "disclosed", "discloses", "pointed", "points", "confirmed",
                            "confirms", "maintained", "maintains", "expects", "countered", "counters", "stressed",
                            "stresses", "reiterated", "reiterates", "underscored", "underscores", "reporting"})
_SPEAKER_TYPES = ("Person", "Organization")
_DIGIT = re.compile(r"\d")
_ABOUT_TYPES = ("Person", "Organization", "Product")
_TRIM = " \t\n,.;:“”\"‘’'—–-"
_TOLD = re.compile(r"tell|tells|told|telling", re.I)
# "telling people to stay quiet", "told staff to expect …": an instruction, not a statement
# (an addressee of a few words, none a subject or a verb: "he was trying to" is a statement)
_TOLD_TO = re.compile(r"(?!(?:i|we|he|she|it|they|you|there)\b)(?:(?:the|a|an|his|her|its|their|all)\s+)?"
                      r"(?:(?!(?:is|are|was|were|has|had|have|will|would|did|does|do|plans?|planned|wants?|wanted|"
                      r"trying|going|expects?|expected|hopes?|hoped|needs?|needed)\b)[a-z][a-z-]*\s+){0,2}?to\s+[a-z]+\b",
                      re.I)
# "Google spokesperson Jose Castaneda", "OpenAI’s head of policy, Ann Lee,"
_ROLE_GAP = re.compile(r"(?:[’']s)?\s+(?:[a-z][\w-]*\s+){1,5}(?:,\s+)?|(?:[’']s)?\s+(?:[A-Z][\w-]*\s+){0,1}"
                       r"(?:[a-z][\w-]*\s+){1,4}(?:,\s+)?")
_JUDGED = -1.0  # the polarity at or below which a statement without figures is a judgement (criticisms: -1.4)
# a measure that fell: a fact whatever the polarity of its words ("its error rate has fallen by half")
_CHANGE = re.compile(r"\b(?:fell|fallen|falls|cut|cuts|dropped|drops|declined|declines|decreased|decreases|lost|"
                     r"reduced|reduces|shrank|shrunk|halved|slowed|slows)\b(?:\s+[\w’']+){0,3}?\s+(?:by|to|from)\b",
                     re.I)
# finding verbs that are nouns as often ("revenue forecast", "data centre projects")
_NOUN_FINDING = frozenset({"forecast", "forecasts", "reports", "projects", "shows", "finds"})
# "what it finds", "whatever they report": the verb of a free relative clause states nothing
_FREE_RELATIVE = re.compile(r"\b(?:what|whatever|how)\s+(?:\S+\s+){0,2}$", re.I)
_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling|tell)\s+(?:the\s+)?$", re.I)
# "…, Yonhap news agency reported.": a second source closing the sentence, not part of the statement
_TRAILING_SOURCE = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){1,4}(?:[a-z]+\s+){0,2}"
                              r"(?:reported|reports|said|says|wrote)\s*[.!]?\s*$|"
                              # "…, citing people familiar with the matter", "…, according to a report by X."
                              r",\s+(?:citing|according to)\s[^,]{1,80}[.!]?\s*$|"
                              # "…, officials said.", "…, a spokesperson added."
                              r",\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+){0,2}?(?:officials|sources|analysts|executives|"
                              r"people|experts|spokes(?:person|man|woman)|company|firm|agency|ministry)\s+"
                              r"(?:said|says|added|noted|wrote|reported)\s*[.!]?\s*$")
# "expects to lose $5 billion": a forecast of the speaker's results (not "expects to hire", its own plan)
_TO_FORECAST = re.compile(r"to\s+(?:lose|earn|make|generate|reach|spend|burn|post|book|record|exceed|hit|top|surpass|"
                          r"bring in|grow|double|triple)\b", re.I)
# a subject set off from its predicate by the speaker: "Business confidence, he said, has been rising …"
_SUBJECT_SET_OFF = re.compile(r"\s*(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,7},\s+(?:he|she|it|they|the company|the firm|"
                              r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s+(?:also\s+)?(?:said|says|added|adds|noted|"
                              r"notes|argued|argues|wrote|writes|explained|insisted|insists|estimated|estimates),\s+")
_PREDICATE_START = re.compile(r"(?:and\s+)?(?:is|are|was|were|has|have|had|will|would|won[’']t|could|can|may|might|"
                              r"does|do|did|remains?|(?:has|have|had|is|are|was|were)n[’']t)\b")
# where the object of a verb ends: a comma, or a second verb joined by "and" ("emphasized X and has published …")
_OBJECT_END = re.compile(r",|\s+and\s+(?:has|have|had|is|was|are|were|will|it|its|also)\b")
# "the Sam Altman-led company told …": a name that describes the subject, not the subject
_LED_COMPANY = re.compile(r"-(?:led|run|founded|controlled)\s+(?:company|firm|startup|start-up|lab|group)\b", re.I)
_JOINT = re.compile(r",?\s+and\s+(?:its\s+|the\s+)?")  # "Microsoft and Carnegie Mellon University": joint speakers
_ACCORDING_START = re.compile(r"\s*according to\b", re.I)
# "memos that, according to X, drew heavily on …": what follows is the rest of a relative clause, with no subject
_RELATIVE_ACCORDING = re.compile(r"\b(?:that|which|who)\s*,\s*according to\s[^,]{1,80},\s*$", re.I)
# the learned criticisms (judgement_model, criticism_pairs) are guesses: the statements they flag keep their claims
_LEARNED = frozenset({LEARNED_JUDGEMENT, LEARNED_PAIR})
_CRITIC_REACH = 1  # sentences either side of a criticism in which its critic's statements back it
# a criticism that answers one: it calls the accusations false, meritless or misleading
_REBUTTAL = Folded(r"\b(?:accusations?|allegations?|claims|complaints?|suggestions?)\b[^.]{0,60}\b(?:false|untrue|"
                   r"wrong|baseless|meritless|without merit|misleading|inaccurate)\b|\b(?:false|baseless|"
                   r"meritless|misleading|inaccurate|untrue)\s+(?:accusations?|allegations?|claims)\b",
                   anchors=("accusation", "allegation", "claims", "complaint", "suggestion"))
_SAME_WORDING = 0.6  # the share of words two claims of one claimant share when they state the same
_PLACEHOLDER_NAMES = frozenset({"jane doe", "john doe", "jane roe", "john roe", "richard roe"})  # legal pseudonyms
_MAX_NAME_WORDS = 6  # a longer "name" is a headline taken for an organisation
_ACCUSING = ("alleg", "accus")  # an allegation is a criticism (schema)
# (a suggestion is the speaker's opinion, hedged: "Altman suggested such narratives could …")
_NOT_REPORTING = ("suggest", "post", "continu", "comment", "remark", "ask", "repl", "respond", "retort",
                  "counter", "tweet", "joke", "jok", "quip", "scoff", "suspect", "fire", "hit", "shoot", "shot")
_RETORT = ("counter", "retort", "repl", "respond", "fire", "hit", "shot", "shoot", "quip", "scoff")
# "in a new blog post on Thursday that …": where the speech was made, before the statement
_WHEN_WORDS = (r"this|last|earlier|week|month|year|quarter|morning|afternoon|evening|night|today|yesterday|monday|"
               r"tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|"
               r"september|october|november|december|\d{1,2}")
# where something was said: "(in a) video posted to X that …"
_VENUE = r"(?:video|post|statement|interview|note|memo|letter|email|filing|report|paper|speech|podcast|message|" \
         r"reply|response|survey|briefing)"
_LEAD_THAT = re.compile(rf"(?:(?:in|on|at|during|via|through|to|a|an|the|its|his|her|their|new|recent|blog|post|"
                        rf"statement|interview|report|paper|letter|email|filing|press|release|conference|call|note|"
                        rf"memo|reply|response|message|speech|video|podcast|spokesperson|spokesman|spokeswoman|"
                        rf"representative|however|{_WHEN_WORDS})\b[\s,]*)+"
                        rf"that\s+|(?:on|in|at)\s+(?:his|her|its|their|the|a|an)\s+(?:\S+\s+){{1,5}}?that\s+|"
                        rf"(?:[\w-]+\s+){{0,3}}?{_VENUE}\b\s+(?:[^\s,]+\s+){{0,4}}?that\s+", re.I)
# "said on Wednesday it had raised …": when it was said, before a statement without "that"
_LEAD_WHEN = re.compile(rf"(?:(?:on|in|at|last|this|earlier)\s+)?(?:(?:{_WHEN_WORDS})\b[\s,]*)+"
                        rf"(?=(?:it|he|she|they|we|the|its|his|her|their)\b)", re.I)
# "told the audience that", "told reporters on Monday that": an addressee no name identifies, then "that"
_UNNAMED_ADDRESSEE = re.compile(r"\s*(?:(?:the|a|an|his|her|its|their)\s+)?(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*\s+"
                                r"(?:on \w+\s+)?that\s+|\s*(?:us|me|him|her|them|staff|employees|reporters|"
                                r"journalists|investors|analysts|lawmakers|attendees|the audience)\s+"
                                r"(?:on \w+\s+)?(?:that\s+)?")


@lru_cache(maxsize=1)
def _next_attribution() -> re.Pattern[str]:
    """", it argued that …" / ", and he added that …" / ", and its CEO, Ana Ruiz, said …": a second attribution,
    which ends the first statement."""
    speech = alternation(w for w in lexicon().speech_verbs if " " not in w)
    return re.compile(rf",\s+(?:and\s+|but\s+)?(?:it|he|she|they|the company|the firm)\s+(?:also\s+)?"
                      rf"(?:{speech})\b|,\s+(?:and|but)\s+(?:its|the|their|his|her)\s+(?:[\w’'.-]+,?\s+){{1,5}}?"
                      rf"(?:also\s+)?(?:{speech})\b", re.I)


def extract_claims(ctx: DocContext, speakers: CriticIndex, criticisms: list[Criticism],
                   relations: list[Relation]) -> list[Claim]:
    """Attributed statements of fact or forecast, with their speaker, what they are about and their figures."""
    return _DocClaims(ctx, speakers, criticisms, relations).run()


class _DocClaims:
    """The claims of one document, and what finding them remembers."""

    def __init__(self, ctx: DocContext, finder: CriticIndex, criticisms: list[Criticism],
                 relations: list[Relation] = ()) -> None:  # type: ignore[assignment]
        self.ctx, self.finder = ctx, finder
        # who the article ties to an organisation, now or formerly: an insider's account, not an outsider's view
        self.insiders = {r.subject for r in relations if r.predicate == "affiliated_with"}
        self.employers: dict[str, set[str]] = {}  # person -> the organisations the article ties them to
        self.roles: dict[tuple[str, str], str] = {}  # (person, organisation) -> the role the article gives
        for r in relations:
            if r.predicate == "affiliated_with":
                self.employers.setdefault(r.subject, set()).add(r.object)
                self.roles[r.subject, r.object] = (r.role or "").lower()
        self.criticised = [(c.critic, c.source.start, c.source.end) for c in criticisms if c.rule not in _LEARNED]
        # the sentences in which each critic criticises: what it states right around them backs its criticism
        self.critic_sents = {(c.critic, ctx.sentence_at(c.source.start)) for c in criticisms
                             if c.rule not in _LEARNED and not _rebuttal(ctx, finder, c, criticisms)}
        self.claims: list[Claim] = []
        self.seen: list[tuple[str, int, int]] = []  # (speaker, start, end) of the statements taken
        self.spoken: dict[int, str] = {}  # sentence -> the speaker of its statement
        self.voices: dict[int, str] = {}  # the same, where the speaker is the subject (not "according to X")
        self.judges: dict[str, bool] = {}
        self.spokes: dict[str, str] = {}  # organisation -> its spokesperson named at a quote
        self.figures: dict[tuple[int, int], tuple[Quantity, ...]] = {}
        self.quotes: list[Attribution] = []  # the quotes seen, whose speakers the reported speech in them shares

    def run(self) -> list[Claim]:
        """Claims from every attribution, then the figures that go on after them."""
        ctx = self.ctx
        title = headline(ctx)
        for a, rule in list(_attributions(ctx, self.finder)):
            if a.kind == "quote":
                self.quotes.append(a)
            if a.sent in title:
                continue  # a headline sums the story up in the desk's words ("X resigns, claiming …")
            speaker = self._speaker(a)
            if speaker is None or unasserted(ctx, a) or fronted_too_far(ctx, a):
                continue  # "never wrote", "it was revealed", "after reports that": nobody says anything
            self.spoken.setdefault(a.last_sent, speaker)
            if a.kind != "according":
                self.voices.setdefault(a.last_sent, speaker)
            verb = (a.verb or "").lower()
            # a retort quoted is mostly a jab; its figures are a statement ('X countered, “Over 80 papers …”')
            retort = a.kind == "quote" and verb.startswith(_RETORT)
            if object_only(ctx, a):
                obj = _OBJECT_END.split(a.judged, maxsplit=1)[0]
                if rule != REPORTED_STATEMENT or not _DIGIT.search(obj) or not parse_quantities(obj):
                    continue  # "has emphasized AI safety since …": an object, not a statement
                rule = FINDING  # "highlighted its score of 1417": an object with figures, a claim like "reported"
            if (verb and rule != FINDING and not retort and verb.startswith(_NOT_REPORTING + _ACCUSING)) or \
                    quote_only(ctx, a) or \
                    _RELATIVE_ACCORDING.search(ctx.doc.clean, ctx.sentence(a.sent).start, a.start):
                continue  # "responded with a blog post", "it alleges that …": not a statement of fact
            announced = verb.startswith("announc")
            by_critics = said_by_critics(ctx, a) or retort
            for sent, start, end in _pieces(ctx, a):
                if end - start < 8 or any(k == speaker and start < e and s < end for k, s, e in self.seen):
                    continue  # too short, or the same statement found by two attributions
                if by_critics and not self._quantities(start, end):
                    continue  # criticism territory; its figures are a borderline claim
                if a.verb and _TOLD.search(a.verb) and _TOLD_TO.match(ctx.doc.clean, start, end):
                    continue  # what the speaker told someone to do
                # "the lawsuit was baseless and that its chips use …": where the whole is no claim, each statement
                # with its own "that" may be
                whole = self._is_claim(speaker, sent, start, end, rule, announced)
                halves = [] if whole or a.kind == "quote" else \
                    second_that(ctx.doc.clean, start, end) or confident_that(ctx.doc.clean, start, end) or \
                    second_predicate(ctx.doc.clean, start, end)
                for s2, e2 in [(start, end)] if whole else halves:
                    if whole or self._is_claim(speaker, sent, s2, e2, rule, announced):
                        self.seen.append((speaker, s2, e2))
                        self.claims.append(self._claim(speaker, sent, s2, e2, rule))
        for a in continued_figures(ctx, self.spoken, lexicon().speech_verbs):
            start, end = a.start, a.end
            while end > start and ctx.doc.clean[end - 1] in _TRIM:
                end -= 1
            if self._other_subject(a.speaker, a.sent, start):
                continue  # "Microsoft, which has invested $13bn, …": another actor's fact, in the journalist's words
            for a2, b2 in split_joined(ctx.doc.clean, start, end):
                content = ctx.doc.clean[a2:b2]
                if any(k == a.speaker and a2 < e and s < b2 for k, s, e in self.seen):
                    continue  # a quote already taken
                if is_statement(content) and not narrated(content) and self.finder.negative(content) is None:
                    self.claims.append(self._claim(a.speaker, a.sent, a2, b2, CONTINUED_FIGURES))
        return _once(self.claims)

    def _other_subject(self, speaker: str, sent: int, start: int) -> bool:
        """Whether a sentence opens with an actor other than the speaker (or its side) as its subject."""
        ctx = self.ctx
        first = next(iter(ctx.mentions(sent, start, ctx.sentence(sent).end)), None)
        return first is not None and first.type in _SPEAKER_TYPES and first.key != speaker and \
            first.key not in self.finder.allies.get(speaker, ()) and \
            re.fullmatch(r"[\s“\"]*(?:the\s+)?", ctx.doc.clean[start:first.start], re.I) is not None

    def _speaker(self, a: Attribution) -> str | None:
        """The claimant of an attribution: a person or organisation, not a court or a judge."""
        ctx = self.ctx
        speaker = relative_speaker(ctx, a) or role_holder(ctx, a, self.employers, self.roles) or \
            company_subject(ctx, a, self._recent_organisation(a.sent))
        described = None if speaker else described_speaker(ctx, a)
        if described == "":
            return None  # "after the actress said": a description the article names nobody for; not the subject
        speaker = speaker or described or adjacent_speaker(ctx, self.finder, a) or \
            _spokesperson(ctx, a, self.spokes) or self._quoted_by(a) or unnamed_spokesperson(ctx, a) or a.speaker
        speaker = self._led_company(a, speaker) or self._first_of_pair(a, speaker) or pronoun_speaker(ctx, a, speaker)
        if speaker is None:
            return None
        if ctx.type_of(speaker) not in _SPEAKER_TYPES or len(ctx.label(speaker).split()) > _MAX_NAME_WORDS or \
                unknown_speaker(ctx, a) or ctx.label(speaker).lower() in _PLACEHOLDER_NAMES:
            return None  # (a plaintiff "identified as Jane Doe" is unnamed: no actor the schema names)
        if self._addressed(speaker, a.last_sent):
            return None  # '"…," she told the Guardian, adding that …': the outlet spoken to does not speak
        if is_judicial(ctx, speaker, self.judges):
            return None  # a ruling is a legal assertion, not a claim (schema)
        return speaker

    def _led_company(self, a: Attribution, speaker: str) -> str | None:
        """'The Sam Altman-led company told …': the organisation the person leads speaks, not the person."""
        ctx = self.ctx
        if ctx.type_of(speaker) != "Person":
            return None
        s = ctx.sentence(a.sent)
        if not any(m.key == speaker and _LED_COMPANY.match(ctx.doc.clean, m.end, a.start)
                   for m in ctx.mentions(a.sent, s.start, a.start)):
            return None
        employers = self.employers.get(speaker, set())
        # the organisation the article ties the person to, else the one that spoke just before
        return next(iter(employers)) if len(employers) == 1 else self._recent_organisation(a.sent)

    def _first_of_pair(self, a: Attribution, speaker: str) -> str | None:
        """'A study by Microsoft and Carnegie Mellon University found …', 'Google's Greg Corrado and Joëlle Barral
        wrote …': of two joint speakers the statement is credited to the first named, not the one nearest the verb."""
        if a.kind == "quote":
            return None
        ctx = self.ctx
        ms = [m for m in ctx.mentions(a.sent, ctx.sentence(a.sent).start, a.start) if ctx.is_head(m)]
        for prev, m in pairwise(ms):
            if m.key == speaker and prev.type == m.type and prev.key != speaker and \
                    _JOINT.fullmatch(ctx.doc.clean, prev.end, m.start):
                return prev.key
        return None

    def _addressed(self, key: str, sent: int) -> bool:
        """Whether an actor is named in a sentence only as the one spoken to ("told the Guardian")."""
        named = [m for m in self.ctx.mentions(sent) if m.key == key]
        return bool(named) and all(_TOLD_BEFORE.search(self.ctx.doc.clean, max(0, m.start - 16), m.start)
                                   for m in named)

    def _recent_organisation(self, sent: int) -> str | None:
        """The organisation that spoke last in the sentences just before ``sent``: whom "the company said" goes on
        quoting ("The Arena Group said in a statement … The company said, however, …")."""
        for i in range(sent - 1, max(-1, sent - 1 - RECENT_SPEAKER), -1):
            if i in self.voices and self.ctx.type_of(self.voices[i]) == "Organization":
                return self.voices[i]  # (a report cited, "according to a CNBC report", is a source, not a subject)
        return None

    def _quoted_by(self, a: Attribution) -> str | None:
        """'“…, AdVon Commerce,” The Arena Group said': content read as '…, X said' inside a quote is the quote's
        speaker's, not the name that ends the quote."""
        if a.kind != "fronted":
            return None
        return next((q.speaker for q in self.quotes if q.start <= a.start < q.end), None)

    def _is_claim(self, speaker: str, sent: int, start: int, end: int, rule: str, announced: bool) -> bool:
        """Whether an attributed piece is a claim: a statement, not the speaker's judgement, plan or announcement
        (its figures, the costliest test, are read only where they decide)."""
        ctx, finder = self.ctx, self.finder
        # (what "the company says outperforms X" states has the clause's antecedent as its subject)
        text = ctx.doc.clean
        second = any(m.start("verb") == start for m in
                     SECOND_PREDICATE.finditer(text, ctx.sentence(sent).start, end))
        content = ("it " if second or subjectless(text, start) else "") + text[start:end]
        # "X reported a net loss of $6.1 million", "X expects to lose $5 billion": a figure reported or forecast is
        # a claim, clause or not
        if not is_statement(content, quoted=rule == QUOTED_STATEMENT) and (
                rule != FINDING or not (is_statement(content, clause=False) or _TO_FORECAST.match(content)) or
                not self._quantities(start, end)):
            return False
        s = ctx.sentence(sent)
        if any(k == speaker and s.start < ce and cs < s.end for k, cs, ce in self.criticised) and \
                not self._quantities(start, end):
            return False  # an accusation or judgement is a criticism (schema), and so is what the critic adds in its
            # sentence ("X hit out at …, adding that …"); its figures are a borderline claim
        if not self._quantities(start, end) and (
                len(content.split()) < 5 or is_value_judgement(content) or
                (not own_safeguard(content) and self._negative(content))):
            return False  # a judgement (a negative one is criticism territory), or too short to state a fact;
            # figures and trends that fell or were cut are facts
        if not self._quantities(start, end) and self._backs_criticism(speaker, sent, start, end):
            return False
        if own_side_plan(ctx, finder, speaker, sent, start, end) or litigated(ctx, finder, speaker, sent, start,
                                                                                 end):
            return False
        if not self._quantities(start, end) and rule == REPORTED_STATEMENT and \
                commentary(ctx, finder, speaker, sent, start, end, self.insiders):
            return False  # a commentator's view of something unnamed: an opinion, not a fact it reports
        if not self._quantities(start, end) and (characterised(ctx, finder, speaker, sent, start, end) or
                                                 own_action(ctx, speaker, sent, start, end) or
                                                 relayed(ctx, speaker, sent, start, end)):
            return False  # a side characterised, the speaker's own action on another, another's position relayed
        # an announcement is an event; with a figure, a borderline claim (schema), if it states something
        return not announced or (bool(self._quantities(start, end)) and is_clause(content))

    def _negative(self, content: str) -> bool:
        """Whether a statement's words are negative enough to judge (figures and trends that fell are facts)."""
        return self.finder.negative(content) is not None or \
            (self.finder.polarity(content) <= _JUDGED and not _CHANGE.search(content))

    def _backs_criticism(self, speaker: str, sent: int, start: int, end: int) -> bool:
        """Whether a statement is what a critic says about others right next to its criticism ("The board was not
        told beforehand", the sentence after Toner faults Altman): the criticism's grounds, in criticism territory
        (schema); what the critic says of itself ("she had declined the offer") stays a claim."""
        if not any((speaker, i) in self.critic_sents for i in range(sent - _CRITIC_REACH, sent + _CRITIC_REACH + 1)):
            return False
        if SELF_SUBJECT.match(self.ctx.doc.clean, start, end):
            return False
        first = next(iter(self.ctx.mentions(sent, start, end)), None)
        return first is None or first.key != speaker or first.start - start > 4

    def _quantities(self, start: int, end: int) -> tuple[Quantity, ...]:
        """The figures of a statement (read once)."""
        if (start, end) not in self.figures:
            self.figures[start, end] = tuple(q for _, _, q in parse_quantities(self.ctx.doc.clean[start:end]))
        return self.figures[start, end]

    def _claim(self, speaker: str, sent: int, start: int, end: int, rule: str) -> Claim:
        """The claim of one statement: its text, what it is about, its figures and its sentence as source."""
        ctx = self.ctx
        about = dict.fromkeys(m.key for m in ctx.mentions(sent, start, end)
                              if m.key != speaker and m.type in _ABOUT_TYPES)
        s = ctx.sentence(sent)
        return Claim(claimant=speaker, text=ctx.doc.clean[start:end], about=tuple(about),
                     quantities=self._quantities(start, end), source=ctx.span(s.start, s.end, sent), rule=rule)


def _attributions(ctx: DocContext, finder: CriticIndex) -> Iterator[tuple[Attribution, str]]:
    """Every attribution of the document with the rule that names it: quotes first, then reported speech."""
    quoted: set[int] = set()
    found = list(finder.quoted())
    parts = [(q.qs, q.qe, q.sent_a, q.sent_b) for q in ctx.quote_parts or ()]
    for a in found + company_quotes(ctx, parts, {a.start for a in found}):
        quoted.update(range(a.sent, a.last_sent + 1))
        yield a, QUOTED_STATEMENT
    speech = _claim_speech()
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if s.heading:
            continue
        if not words.isdisjoint(speech):
            found = reported_attributions(finder, s.index, s.index in quoted, _long_enough)
            found = [inverted(ctx, a) or a for a in found]
            if not found:  # "The agency estimates that …", "By then, she said, …": speakers attribution leaves
                found = [x for x in (body_attribution(ctx, s.index), parenthetical_attribution(ctx, s.index),
                                     relative_company(ctx, s.index), pronoun_attribution(ctx, s.index)) if x] or \
                    [x for x in (described_attribution(ctx, s.index),) if x]
            yield from ((a, REPORTED_STATEMENT) for a in found)
            if "according" in words and not any(a.kind == "according" for a in found):
                company = partial(company_referent, ctx, s.index)
                yield from ((a, REPORTED_STATEMENT) for a in according_attributions(ctx, finder, s.index, company))
        if not words.isdisjoint(_FINDING_WORDS):
            yield from ((a, FINDING) for a in _findings(ctx, finder, s.index))
        if not words.isdisjoint(NOUN_WORDS):
            yield from ((a, NOUN_CLAIM) for a in noun_attributions(ctx, s.index))
        if not words.isdisjoint(DOCUMENT_WORDS):
            yield from ((a, DOCUMENT_STATEMENT) for a in document_attributions(ctx, finder, s.index))


def _rebuttal(ctx: DocContext, finder: CriticIndex, c: Criticism, criticisms: list[Criticism]) -> bool:
    """Whether a criticism answers one: it calls the accusations false, or its target criticised the critic or the
    critic's side before ("We believe the claimants misunderstand …" from the sued company); a rebuttal defends,
    and the facts its speaker adds are claims."""
    if _REBUTTAL.search(ctx.doc.clean, c.source.start, c.source.end):
        return True
    side = {c.critic} | finder.allies.get(c.critic, set())
    return any(o.critic == c.target and o.target in side and o.source.start < c.source.start
               for o in criticisms if o.rule not in _LEARNED)  # (the answer comes after what it answers)


def _once(claims: list[Claim]) -> list[Claim]:
    """Each statement once (schema: a statement repeated in an article is one claim): of two claims of a claimant
    with the same figures, or wording that is mostly the same, the first stays."""
    kept: list[Claim] = []
    for c in claims:
        words = _words(c.text)
        if not any(k.claimant == c.claimant and _same_statement(k, c, words) for k in kept):
            kept.append(c)
    return kept


def _same_statement(a: Claim, b: Claim, b_words: set[str]) -> bool:
    """Whether two claims of one claimant state the same: the same figures, or most words shared."""
    if a.quantities or b.quantities:
        return {(q.value, q.unit) for q in a.quantities} == {(q.value, q.unit) for q in b.quantities}
    a_words = _words(a.text)
    return len(a_words & b_words) >= _SAME_WORDING * len(a_words | b_words)


def _words(text: str) -> set[str]:
    """The lower-case words of a text."""
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def _skip_addressee(ctx: DocContext, sent: int, start: int, end: int) -> int:
    """'told Reuters (that) …' / 'told the New York Times that …': the statement starts after the addressee."""
    text = ctx.doc.clean
    unnamed = _UNNAMED_ADDRESSEE.match(text, start, end)
    if unnamed:
        return unnamed.end()  # "told the audience that …", "told reporters that …"
    first = next(iter(ctx.mentions(sent, start, end)), None)
    if first is None or not re.fullmatch(r"\s*(?:the\s+)?", text[start:first.start], re.I):
        return start
    m = re.match(r"\s*(?:on \w+\s+)?(?:that\s+)?", text[first.end:end])
    return first.end + (m.end() if m else 0)


def _spokesperson(ctx: DocContext, a: Attribution, spokes: dict[str, str]) -> str | None:
    """'“…,” Google spokesperson Jose Castaneda said': the named spokesperson speaks, not the organisation; the
    quotes that go on after it are the same person's."""
    if a.kind != "quote" or ctx.type_of(a.speaker) != "Organization":
        return None
    s = ctx.sentence(a.last_sent)
    after = ctx.mentions(a.last_sent, a.end, s.end)[:4]
    org = next((m for m in after if m.key == a.speaker), None)
    person = next((m for m in after if m.type == "Person" and org is not None and m.start >= org.end), None)
    if org is not None and person is not None and _ROLE_GAP.fullmatch(ctx.doc.clean, org.end, person.start):
        spokes[a.speaker] = person.key
        return person.key
    return spokes.get(a.speaker)


@lru_cache(maxsize=1)
def _claim_speech() -> frozenset[str]:
    """The verbs of saying that report statements (replies, jokes, posts and questions rarely do), and "according";
    a sentence without one is not searched for reported speech."""
    return frozenset(w for w in lexicon().speech_verbs if " " not in w and not w.startswith(_NOT_REPORTING)) | {
        "according"}


def _long_enough(content: str) -> bool:
    """A cheap first test of reported content (the full one, is_statement, runs once per statement later)."""
    return content.count(" ") >= 3


def _findings(ctx: DocContext, finder: CriticIndex, sent: int) -> Iterator[Attribution]:
    """'X reported / found / forecast (that) …': the subject before the verb states what follows it."""
    s = ctx.sentence(sent)
    text = ctx.doc.clean
    if _ACCORDING_START.match(text, s.start):
        return  # "According to a CNBC report, OpenAI expects …": the report is the source of the figures
    for m in _FINDING_VERB.finditer(text, s.start, s.end):
        if text.count("“", s.start, m.start()) > text.count("”", s.start, m.start()):
            continue  # inside a quote: the quote's speaker says it
        if (m.group(0).split()[0].lower() in _NOUN_FINDING and noun_before(text, m.start())) or \
                _FREE_RELATIVE.search(text, max(s.start, m.start() - 30), m.start()):
            continue  # "raised its revenue forecast to …": a noun; "summarises what it finds online": a relative
        speaker = the_company(ctx, sent, m.start()) or finder.critic_at(sent, m.start())
        if speaker is None or m.end() >= s.end - 3:
            continue
        yield Attribution(speaker, "reported", m.end(), s.end, sent, sent, m.group(0), text[m.end():s.end])


def _pieces(ctx: DocContext, a: Attribution) -> Iterator[tuple[int, int, int]]:
    """(sentence, start, end) of each statement an attribution holds: a quote sentence by sentence, reported
    speech up to the next attribution in its sentence, each without quotation marks and outer punctuation."""
    text = ctx.doc.clean
    for si in range(a.sent, a.last_sent + 1):
        s = ctx.sentence(si)
        start, end = max(a.start, s.start), min(a.end, s.end)
        if a.verb and _TOLD.match(a.verb):
            start = _skip_addressee(ctx, si, start, end)
        if a.kind != "quote":
            nxt = _next_attribution().search(text, start, end) or _TRAILING_SOURCE.search(text, start, end)
            end = nxt.start() if nxt else end
        while start > s.start and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1  # "said in August that …": the attribution stopped inside a word
        if a.kind != "quote":
            lead = _LEAD_THAT.match(text, start, end) or _LEAD_WHEN.match(text, start, end)
            start = lead.end() if lead else start
            if a.verb and relative_verb(ctx, a):
                comma = re.compile(r",\s").search(text, start, end)
                end = comma.start() if comma else end
        while start < end and text[start] in _TRIM:
            start += 1
        while end > start and text[end - 1] in _TRIM:
            end -= 1
        if a.kind != "quote" and _PREDICATE_START.match(text, start, end) and \
                _SUBJECT_SET_OFF.fullmatch(text, s.start, start) and parse_quantities(text[s.start:end]):
            start = s.start  # "Large language models, he said, won't be … in the next five years": the subject
            # before the speaker is the statement's own (the claim is the sentence, speaker and all); without figures
            # such a sentence is mostly a view ("That situation, it added, could form a feedback loop")
        yield from ((si, a2, b2) for a2, b2 in split_joined(text, start, end))
