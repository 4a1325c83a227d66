"""Criticisms from legal and official acts: a party suing or filing a complaint, charge or claim against another,
its plaintiffs named in a list, a notice of intent to sue, and an authority's measure against a party (a suspension,
a block, a summons, a fine, an order, an inquiry).

By the gold schema a lawsuit is a criticism by each named plaintiff of each defendant, and a regulator's or a
government's measure one by that authority of its target; courts, judges and the outlet that reports are never the
critic. These rules run after the main criticism finder and only add pairs it did not find in the same sentence.
Each rule is a function ``(index, sentence, known) -> list[Criticism]`` over the read-only :class:`LegalIndex`:
``known`` holds what the main finder and the rules before found (read to go on with a suit told before);
:func:`legal_criticisms` runs them in the order of :data:`LEGAL_RULES` and :data:`AUTHORITY_RULES` and merges them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.model import Criticism
from loaders.extract import criticism_authority as authority
from loaders.extract.context import DocContext
from loaders.extract.criticism_found import Known, LegalCollected, is_court
from loaders.extract.legal_cases import PROSECUTED_CASE, W_PROSECUTES, defendants, prosecuted_case
from loaders.extract.legal_index import PRONOUN_SUBJECT, TARGETS, LegalIndex
from loaders.extract.rules import Trigger, any_word, fires, register, trigger_of

# Each rule's trigger: the word sets (defined below, with the patterns) of which its sentence must hold a word each,
# the union of what its patterns' LegalIndex.find calls need (see rules.Trigger); filed makes FILED_AGAINST and
# FILED_IN_COURT, filed_by FILED_BY, FILED_ALLEGING and SUED_IT
_FILED_WORDS = Trigger(lambda: _W_NOUN | _W_COURT | _W_SENT | _W_HIT | _W_REMEDY)
_FILED_BY_WORDS = Trigger(lambda: _W_NOUN | _W_SUED)
FILED_AGAINST = register("criticism.legal_filed_against.v1", "'X filed a complaint with the board on Monday against "
                         "Y', 'X took Y to court', 'slapped Y with a lawsuit', 'is seeking damages from Y', 'a charge "
                         "was filed against Y' (by the party that filed it before)", __name__, _FILED_WORDS)
FILED_BY = register("criticism.legal_filed_by.v1", "'The lawsuit, filed on Friday by X, claims Y …', 'a complaint "
                    "filed by X against Y'", __name__, _FILED_BY_WORDS)
FILED_ALLEGING = register("criticism.legal_filed_alleging.v1", "'X filed a complaint with the regulator, alleging "
                          "that Y …', 'X sued in 2020, accusing Y of …'", __name__, _FILED_BY_WORDS)
SUED_IT = register("criticism.legal_sued_it.v1", "'X, who co-founded Y and is suing it': the pronoun object of 'sue'",
                   __name__, _FILED_BY_WORDS)
DESCRIBED_PLAINTIFFS = register("criticism.legal_described_plaintiffs.v1", "'The couple filed a proposed class "
                                "action': the parties named together just before sue the defendant",
                                __name__, Trigger(lambda: _W_DESCRIBED))
PLAINTIFF_LIST = register("criticism.legal_plaintiff_list.v1", "Every plaintiff of 'A and B sued Y', 'A's lawsuit "
                          "against Y', 'A's complaint accuses Y', 'Y is fending off lawsuits from A and B'",
                          __name__, Trigger(lambda: _W_ANY, lambda: _W_SUED | _W_OWNED | _W_NOUN))
INTENT_TO_SUE = register("criticism.legal_intent_to_sue.v1", "'X said it intends to sue Y', 'X notified Y that it "
                         "intends to sue', with the party it acts for", __name__, Trigger(lambda: _W_SUE))
JOINED_PLAINTIFFS = register("criticism.legal_joined_plaintiffs.v1", "Plaintiffs added to a suit told before: 'the "
                             "plaintiffs, now joined by A, B and C'", __name__, Trigger(lambda: _W_JOINED))

LED_PLAINTIFFS = register("criticism.legal_led_plaintiffs.v1", "The named lead plaintiffs of a suit told before: 'The "
                          "plaintiffs are led by A, which owns …, and B'", __name__, Trigger(lambda: _W_LED))

FILED_IN_COURT = register("criticism.legal_filed_in_court.v1", "'X filed a joint lawsuit in the district court' "
                          "with no 'against': the defendants of the suit told before, else the story's company",
                          __name__, _FILED_WORDS)
_LEGAL_NOUN = (r"(?:lawsuits?|suits?|complaints?|charges?|claims?|petitions?|class[- ]actions?|cases?|"
               r"legal (?:challenges?|actions?)|proceedings)")
# "filed an unfair labor practice charge with the board on Monday against Y": modifiers, a venue and a time between
_FILED = re.compile(r"\b(?:filed|files|file|filing|lodged|lodges|lodge|lodging|brought|brings|bring|bringing|"
                    r"submitted|submits|initiated|launched|opened|started|began|commenced|joined|joins)\s+"
                    r"(?:[\w’'-]+\s+){0,5}?" + _LEGAL_NOUN +
                    r"(?P<mid>(?:\s+(?!against\b)[^.;:\s]+){0,14}?)\s+against\s+", re.I)
# "X took Y to court", "is dragging Y to court"
_TO_COURT = re.compile(r"\b(?:took|take|takes|taking|dragged|drags|dragging|haul(?:ed|s|ing)?)\s+(?:the\s+)?")
_TO_COURT_AFTER = re.compile(r"\s+(?:back\s+)?to\s+(?:court|tribunal|arbitration)\b")
# "X sent Y a letter threatening legal action", "sent Y a cease-and-desist letter": a legal threat to the addressee
_SENT_TO = re.compile(r"\b(?:sent|sends|sending|served|serves|issued)\s+(?:the\s+)?")
_SENT_LETTER_AFTER = re.compile(r"\s+(?:an?\s+)?(?:(?:formal\s+|legal\s+)?(?:letter|notice)\s+(?:threatening|"
                                r"demanding|accusing|alleging)\b|cease[- ]and[- ]desist\b)", re.I)
# "X slapped Y with a lawsuit", "X is seeking damages from Y", "X won a judgment against Y"
_HIT_WITH = re.compile(r"\b(?:slap(?:s|ped|ping)?|hit(?:s|ting)?)\s+(?:the\s+)?")
_HIT_WITH_AFTER = re.compile(r"\s+with\s+(?:an?\s+|two\s+|three\s+|several\s+|new\s+)?(?:[\w$€£.,-]+\s+){0,4}?"
                             r"(?:lawsuits?|suits?|complaints?|fines?|penalt(?:y|ies)|subpoenas?|charges|"
                             r"cease-and-desist|injunctions?)\b", re.I)
_REMEDY = re.compile(r"\b(?:seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|claim(?:s|ed|ing)?|won|wins|winning|obtained|"
                     r"secured)\s+(?:an?\s+|the\s+)?(?:[\w$€£.,-]+\s+){0,4}?(?:damages|compensation|injunction|"
                     r"injunctive relief|restitution|restraining order|judgment|judgement|verdict)\s+"
                     r"(?:from|against)\s+(?:the\s+)?", re.I)
# "The charge was filed with the board against Y": its party was named before (or after "by")
_FILED_PASSIVE = re.compile(r"\b" + _LEGAL_NOUN + r"\s+(?:was|were|has been|have been|had been|is being)\s+"
                            r"(?:filed|lodged|brought|submitted)(?P<mid>(?:\s+(?!against\b)[^.;:\s]+){0,12}?)\s+"
                            r"against\s+", re.I)
# "X lodged the complaint on Tuesday": the suit told before, its party named now (with "against" _FILED reads it)
_FILED_THE = re.compile(r"\b(?:filed|files|file|filing|lodged|lodges|lodge|lodging|brought|submitted)\s+"
                        r"(?:the|this|that)\s+(?:[\w-]+\s+){0,3}?(?:lawsuit|suit|complaint|charge|petition|"
                        r"class[- ]action)\b(?![^.;]{0,80}\bagainst\b)", re.I)
# "X filed a joint lawsuit in Tokyo District Court": a suit brought before a court, its defendant left unsaid (the
# sentence names no "against")
_FILED_IN_COURT = re.compile(r"\b(?:filed|files|file|filing|lodged|lodges|lodge|brought|submitted)\s+"
                             r"(?:an?|the|their|its|a\s+joint|joint)\s+(?:[\w-]+\s+){0,3}?"
                             r"(?:lawsuits?|suits?|complaints?|claims?|class[- ]actions?|cases?)"
                             r"(?:\s+(?!against\b)[^.;:\s]+){0,5}?\s+(?:in|at|with|before)\s+(?:the\s+)?"
                             r"(?:[\w.-]+\s+){0,5}?(?:[Cc]ourt|[Tt]ribunal)\b(?![^.;]*\bagainst\b)", re.I)
# a legal act whose party the sentence names, without its defendant ("X filed an unfair labor practice charge")
_FILED_ANY = re.compile(r"\b(?:filed|files|lodged|lodges|brought|submitted)\s+(?:[\w’'-]+\s+){0,5}?" + _LEGAL_NOUN +
                        r"\b", re.I)
# "The lawsuit, filed on Friday in federal court by shareholder X, claims Y …"
_FILED_BY_RE = re.compile(r"\b" + _LEGAL_NOUN + r",?\s+(?:filed|brought|lodged)\b"
                          r"(?P<mid>(?:\s+(?!by\b)[^.;:\s]+){0,12}?)\s+by\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}")
# what the document says of its target after its parties: ", claims Y", ", accuses Y of", " against Y"
# "…, name both the employer, Y, and …": the parties the document names, after a short role
_DOC_SAYS = re.compile(r"\s*,?\s*(?:claims|alleges|accuses|says|argues|contends|charges|asserts)\s+(?:that\s+)?|"
                       r"\s*,?\s*(?:names|name|named|target|targets|targeted)\s+(?:both\s+|as\s+defendants?\s+)?"
                       r"(?:(?-i:the\s+[a-z]+(?:\s+[a-z]+)?)\s*,\s*)?|"
                       r"\s+against\s+(?:the\s+)?", re.I)
# the comma that closes a list of parties, after a last one the mention finder did not read ("and the ACLU of Ohio,")
_LIST_TAIL = re.compile(r"(?:\s+(?:and|&)\s+(?:the\s+)?[A-Z][\w&’'.-]*(?:\s+(?:[A-Z][\w&’'.-]*|of|for|on|in)){0,5})?"
                        r"\s*,")
# "filed a complaint with the regulator, alleging that Y …": no "against", the allegation names the target
_FILED_ALLEGING_RE = re.compile(r"\b(?:filed|files|file|filing|lodged|lodges|lodge|submitted)\s+(?:[\w’'-]+\s+){0,5}?"
                                + _LEGAL_NOUN + r"(?P<mid>(?:\s+(?!against\b)[^.;:\s,]+){0,12}?)(?:\s*,\s*|\s+)"
                                r"(?:alleging|accusing|claiming|charging|contending|asserting)\s+(?:that\s+)?", re.I)
# "X sued in 2020, accusing Y of …": no object, the allegation names the target
_SUED_ALLEGING = re.compile(r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!\bbe )\bsu(?:ed|es|ing)"
                            r"(?:\s+(?:in|on|last|this|earlier|early|late)\b[^,;.]{0,30})?\s*,\s*"
                            r"(?:alleging|accusing|claiming|charging|contending|asserting)\s+(?:that\s+)?")
_SUED_PRONOUN = re.compile(r"\bsu(?:ed|es|ing)\s+it\b")
# "The couple, who live in Boston, filed a class action": plaintiffs described, named together before
_DESCRIBED = re.compile(r"\b(?:The|the)\s+(?P<noun>couple|pair|duo|two|plaintiffs|claimants|artists|actors|authors|"
                        r"writers|families|publishers|musicians|creators)\b(?:\s*,[^,;.]{1,80},)?\s+(?:have\s+|had\s+|"
                        r"also\s+|then\s+|later\s+|jointly\s+)?(?:filed|brought|lodged|sued|are suing|have sued)\b")
# "Y's lawsuit against Z", "Y's complaint accuses Z of …"
_OWNED = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,3}?(?:lawsuit|suit|complaint|legal challenge|case|claims?|legal action|"
                    r"class action|filing|petition)\s+(?:against\s+|(?:also\s+)?(?:accuses|accused|alleges|alleged|"
                    r"claims|claimed|argues|argued|contends|charges|asserts)\s+(?:that\s+)?)", re.I)
_THE_COMPANY = re.compile(r"the\s+(?:company|firm|startup|start-up)\b(?![’'])")
# "Y is fending off lawsuits from A and from B", "Y faces a class action by A"
_FACES = re.compile(r"\b(?:faces?|facing|faced|fending off|fends off|fended off|fighting|fights|battling|battles|"
                    r"hit with|defending|contending with|grappling with)\s+(?:[\w’'-]+\s+){0,4}?"
                    r"(?:lawsuits?|suits?|complaints?|legal challenges?|legal action|class[- ]actions?)\s+"
                    r"(?:filed\s+|brought\s+)?(?:by|from)\s+", re.I)
# "A and B (together) sued Y": every name of the subject list
_SUED = re.compile(r"\b(?:together\s+|jointly\s+|also\s+|have\s+|has\s+)?su(?:ed|es|ing)\s+(?:the\s+)?", re.I)
_INTENT = re.compile(r"\b(?:intends?|intending|intended|plans?|planning|planned|vow(?:s|ed)?|pledged?|"
                     r"prepar(?:es|ing|ed)|mov(?:es|ed|ing)|seeks?|seeking|sought|decided|voted|threatens?|"
                     r"threatened)\s+to\s+(?:sue|take\s+legal\s+action\s+against)\b\s*(?:the\s+)?", re.I)
_NOTIFIED = re.compile(r"\b(?:notif(?:y|ies|ied|ying)|informed|inform|informs|warned|warns|told)\s+(?:the\s+)?", re.I)
_NOTICE_OF = re.compile(r"\s*(?:that\s+)?(?:it|they|the\s+\w+|we)\s+(?:intends?|plans?|would|will|was going)\s+"
                        r"(?:to\s+)?(?:sue|take\s+legal\s+action|file\s+(?:a\s+)?(?:lawsuit|suit))\b|"
                        r"\s*(?:of\s+)?(?:its|their|a|an)?\s*(?:notice\s+of\s+)?(?:its\s+|their\s+)?"
                        r"intent(?:ion)?\s+to\s+sue\b", re.I)
# "now joined by artists A, B and C": more parties to a suit told before ("Other plaintiffs are A, B and C" is left
# out: realnews_a's gold does not count such a list)
_JOINED = re.compile(r"\b(?i:(?:(?:now|also|later|since)\s+)?joined\s+by\s+(?:the\s+|fellow\s+)?)(?:[a-z-]+\s+){0,2}")
# "The plaintiffs are led by A, which owns …, and B": the suit's named lead parties
_LED = re.compile(r"\b(?:plaintiffs|claimants|complainants|petitioners)\s+(?:are|were|is|was)\s+(?:being\s+)?led\s+"
                  r"by\s+|"
                  r"\blead\s+(?:plaintiffs?|claimants?)\s+(?:are|is|were|was|include|includes)\s+|"
                  # "One of the two named plaintiffs, A,", "plaintiff A": a party named by that role
                  r"\b(?:(?:one|two|three|both|each)\s+of\s+the\s+(?:\w+\s+)?)?(?:named\s+|lead\s+)?"
                  r"(?:plaintiffs?|claimants?)(?:\s*,\s*|\s+(?-i:(?=[A-Z])))", re.I)
# a relative clause between two names of a list: "A, which owns newsrooms in several states, and B"
_RELATIVE_GAP = re.compile(r",\s+(?:which|who)\s+[^,;.]{1,120}?,\s*(?:and\s+)?(?:the\s+)?")
_LEGAL_WORD = re.compile(r"\b(?:plaintiffs|claimants|lawsuits?|suits?|complaints?|claims|case|class action|"
                         r"proceedings)\b", re.I)


def earlier_plaintiffs(lx: LegalIndex, acc: LegalCollected, sent: int) -> list[str]:
    """The parties of the last legal act told in the three sentences before ``sent`` (found before, else the
    subject of "filed a charge")."""
    legal = re.compile(r"\((?:[^()]*\b(?:su(?:e|ed|es|ing)|lawsuit|suit|complaint|charge|claim|filed|"
                       r"legal)\b[^()]*)\)$", re.I)
    for c in reversed(acc.history):
        cs = lx.ctx.sentence_at(c.source.start)
        if sent - 3 <= cs < sent and legal.search(c.summary):
            return [c.critic]
    for si in range(sent - 1, max(-1, sent - 4), -1):
        for m in lx.find(_FILED_ANY, si, _W_NOUN):
            critic = lx.critic(si, m.start())
            if critic is not None and lx.ctx.type_of(critic) != "Group":
                return [critic]
    return []


def filed(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"X filed a charge with the board on Monday against Y"; "the charge was filed against Y" (by X)."""
    acc = LegalCollected(lx.ctx, known)
    for m in lx.find(_FILED, sent, _W_AGAINST, _W_NOUN):
        cs = lx.ctx.clause_start(sent, m.start())
        critics = lx.subject_list(sent, m.start()) or [lx.critic(sent, m.start())]
        critics += lx.for_parties(sent, cs, m.end())
        found = lx.targets_at(sent, m.end(), critics)
        if found is not None:
            acc.add(critics, found[0], m.start(), found[1], sent, "filed against", FILED_AGAINST)
    for m in lx.find(_TO_COURT, sent, _W_COURT):
        first = lx.named_at(sent, m.end())
        if first is not None and _TO_COURT_AFTER.match(lx.text, first.end):
            critics = lx.subject_list(sent, m.start()) or [lx.critic(sent, m.start())]
            acc.add(critics, [first.key], m.start(), first.end, sent, "took to court", FILED_AGAINST)
    for m in lx.find(_SENT_TO, sent, _W_SENT):
        first = lx.named_at(sent, m.end())
        if first is not None and _SENT_LETTER_AFTER.match(lx.text, first.end):
            acc.add([lx.critic(sent, m.start())], [first.key], m.start(), first.end, sent, "legal threat",
                    FILED_AGAINST)
    for m in lx.find(_HIT_WITH, sent, _W_HIT):
        first = lx.named_at(sent, m.end())
        if first is not None and _HIT_WITH_AFTER.match(lx.text, first.end):
            acc.add([lx.critic(sent, m.start())], [first.key], m.start(), first.end, sent, "lawsuit",
                     FILED_AGAINST)
    for m in lx.find(_REMEDY, sent, _W_REMEDY):
        first = lx.named_at(sent, m.end())
        if first is not None:
            critics = lx.subject_list(sent, m.start()) or [lx.critic(sent, m.start())]
            acc.add(critics, [x.key for x in lx.listed(first, sent)], m.start(), first.end, sent,
                     "legal remedy", FILED_AGAINST)
    for m in lx.find(_FILED_THE, sent, _W_NOUN):
        critics = lx.subject_list(sent, m.start()) or [lx.critic(sent, m.start())]
        acc.add(critics, defendants(lx, acc, sent), m.start(), m.end(), sent, "filed", FILED_AGAINST)
    for m in lx.find(_FILED_IN_COURT, sent, _W_NOUN, _W_COURT):
        critics = lx.subject_list(sent, m.start()) or [lx.critic(sent, m.start())]
        own = [c for c in critics if c]
        targets = defendants(lx, acc, sent) or lx.topic(sent, m.start(), own)
        acc.add(critics, [t for t in targets if t not in own], m.start(), m.end(), sent, "filed in court",
                FILED_IN_COURT)
    for m in lx.find(_FILED_PASSIVE, sent, _W_AGAINST, _W_NOUN):
        first = lx.named_at(sent, m.end())
        if first is None:
            continue
        by = re.search(r"\bby\s+(?:the\s+)?", m.group("mid"))
        named = lx.named_at(sent, m.start("mid") + by.end(), 2, ("Person", "Organization")) if by else None
        critics = [x.key for x in lx.listed(named, sent, ("Person", "Organization"))] if named else \
            earlier_plaintiffs(lx, acc, sent)
        acc.add(critics, [x.key for x in lx.listed(first, sent)], m.start(), first.end, sent, "filed against",
                 FILED_AGAINST)
    return acc.out


def filed_by(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"The lawsuit, filed on Friday by shareholder X, claims Y …"; "X filed a complaint with the SEC, alleging
    that Y …"; "X, who co-founded Y and is suing it"."""
    acc = LegalCollected(lx.ctx, known)
    ctx = lx.ctx
    s = ctx.sentence(sent)
    actors = ("Person", "Organization")
    for m in lx.find(_FILED_BY_RE, sent, _W_BY, _W_NOUN):
        first = lx.named_at(sent, m.end(), 2, actors)
        names = lx.listed(first, sent, actors) if first else []
        says = _DOC_SAYS.match(lx.text, names[-1].end) if names else None
        comma = _LIST_TAIL.match(lx.text, names[-1].end) if names else None
        if says is None and comma is not None:
            says = _DOC_SAYS.match(lx.text, comma.end())
        target = lx.named_at(sent, says.end()) if says else None
        if target is not None:
            acc.add([x.key for x in names if not is_court(ctx.label(x.key))], [target.key],
                     m.start(), target.end, sent, "filed by", FILED_BY)
    alleging = [*lx.find(_FILED_ALLEGING_RE, sent, _W_ALLEGING, _W_NOUN), *lx.find(_SUED_ALLEGING, sent, _W_SUED)]
    for m in alleging:
        critics = lx.subject_list(sent, m.start()) or [lx.critic(sent, m.start())]
        found = lx.targets_at(sent, m.end(), critics)
        if found is not None:
            acc.add(critics, found[0][:1], m.start(), found[1], sent, "filed a complaint alleging", FILED_ALLEGING)
    for m in lx.find(_SUED_PRONOUN, sent, _W_SUED, _W_IT):
        he = PRONOUN_SUBJECT.search(lx.text, max(s.start, m.start() - 24), m.start())
        critic = ctx.recent(m.start(), ("Person",)) if he and he.group(1).lower() in ("he", "she") else \
            lx.critic(sent, m.start())
        # "who co-founded OpenAI and is suing it": the organisation named last before (not a dateline's agency)
        orgs = [x.key for x in ctx.mentions(sent, s.start, m.start()) if ctx.is_head(x) and
                x.type == "Organization" and x.key != critic and lx.text[x.start - 1:x.start] != "("]
        if critic is not None and orgs:
            acc.add([critic], orgs[-1:], m.start(), m.end(), sent, "suing", SUED_IT)
    return acc.out


def described_plaintiffs(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"The couple filed a proposed class action": the two parties named together just before sue the defendant
    (named after "against" or "sued", else that of the suit told before, else the story's company)."""
    acc = LegalCollected(lx.ctx, known)
    ctx = lx.ctx
    s = ctx.sentence(sent)
    for m in lx.find(_DESCRIBED, sent, _W_DESCRIBED):
        if ctx.clause_start(sent, m.start()) < m.start() - 4:
            continue  # "the artists" inside a clause is no subject
        plaintiffs = lx.named_together(sent, 2 if m.group("noun") in ("couple", "pair", "duo", "two") else 0)
        against = re.match(r"[^.;,]{0,60}?\b(?:against|sued)\s+", lx.text[m.end() - 4:s.end])
        named = lx.named_at(sent, m.end() - 4 + against.end()) if against else None
        targets = [named.key] if named else defendants(lx, acc, sent) or lx.topic(sent, m.start(), plaintiffs)
        acc.add(plaintiffs, targets, m.start(), m.end(), sent, "filed", DESCRIBED_PLAINTIFFS)
    return acc.out


def plaintiff_lists(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"A and B sued Y", "A's lawsuit against Y", "Y is fending off lawsuits from A and from B"."""
    acc = LegalCollected(lx.ctx, known)
    ctx = lx.ctx
    s = ctx.sentence(sent)
    for m in lx.find(_SUED, sent, _W_SUED):
        critics = lx.subject_list(sent, m.start())
        found = lx.targets_at(sent, m.end(), critics) if len(critics) > 1 else None
        if found is not None:
            acc.add(critics, found[0], m.start(), found[1], sent, "sued", PLAINTIFF_LIST)
    for owner in ctx.mentions(sent) if not ctx.words(sent).isdisjoint(_W_OWNED) else ():
        o = _OWNED.match(lx.text, owner.end, s.end) if owner.possessive and ctx.is_head(owner) else None
        first = lx.named_at(sent, o.end()) if o else None
        if o is None or owner.type not in ("Person", "Organization") or is_court(ctx.label(owner.key)):
            continue
        # "Musk's lawsuit against the company": the organisation the description refers to
        desc = _THE_COMPANY.match(lx.text, o.end()) if first is None else None
        targets = [x.key for x in lx.listed(first, sent)] if first else \
            ctx.anaphor_targets(o.end(), desc.end(), {owner.key})[:1] if desc else []
        acc.add([owner.key], targets, owner.start, first.end if first else desc.end() if desc else o.end(), sent,
                 "lawsuit", PLAINTIFF_LIST)
    for m in lx.find(_FACES, sent, _W_BY, _W_NOUN):
        target = ctx.subject(sent, m.start(), TARGETS)
        stop = re.compile(r"[,;.:]|\b(?:over|alleging|accusing|claiming|which|who|that|after|for|because)\b")
        end = stop.search(lx.text, m.end(), s.end)
        critics = [x.key for x in ctx.mentions(sent, m.end(), end.start() if end else s.end) if ctx.is_head(x)
                   and x.type in ("Person", "Organization") and not is_court(ctx.label(x.key))]
        if target is not None:
            acc.add(critics, [target], m.start(), end.start() if end else s.end, sent, "lawsuit",
                     PLAINTIFF_LIST)
    return acc.out


def intent_to_sue(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"X said it intends to sue Y", "X notified Y that it intends to sue", with the party X acts for."""
    acc = LegalCollected(lx.ctx, known)
    ctx = lx.ctx
    s = ctx.sentence(sent)
    found: list[tuple[int, int, list[str]]] = []
    for m in lx.find(_INTENT, sent, _W_SUE):
        first = lx.named_at(sent, m.end())
        if first is not None:
            found.append((m.start(), first.end, [x.key for x in lx.listed(first, sent)]))
    for m in lx.find(_NOTIFIED, sent, _W_SUE):
        first = lx.named_at(sent, m.end(), 2)
        if first is not None and _NOTICE_OF.match(lx.text, first.end, s.end):
            found.append((m.start(), first.end, [first.key]))
    for at, end, targets in found:
        cs = ctx.clause_start(sent, at)
        critics = lx.subject_list(sent, at) or [lx.critic(sent, at)]
        acc.add(critics + lx.for_parties(sent, cs, at), targets, at, end, sent, "intends to sue",
                 INTENT_TO_SUE)
    return acc.out


def joined(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"The plaintiffs, now joined by A, B and C": each sues the defendants of the suit told before."""
    acc = LegalCollected(lx.ctx, known)
    ctx = lx.ctx
    s = ctx.sentence(sent)
    for m in lx.find(_JOINED, sent, _W_JOINED):
        if not _LEGAL_WORD.search(lx.text, s.start, m.start()):
            continue  # "joined by its chief executive": no suit in the sentence
        first = lx.named_at(sent, m.end(), 2, ("Person", "Organization"))
        targets = defendants(lx, acc, sent) if first else []
        names = lx.listed(first, sent, ("Person", "Organization")) if first else []
        acc.add([x.key for x in names], targets, m.start(), names[-1].end if names else m.end(), sent,
                 "joined the suit", JOINED_PLAINTIFFS)
    return acc.out


def led_plaintiffs(lx: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"The plaintiffs are led by A, which owns …, and B": each named party sues the defendants of the suit told
    before."""
    acc = LegalCollected(lx.ctx, known)
    actors = ("Person", "Organization")
    for m in lx.find(_LED, sent, _W_LED):
        first = lx.named_at(sent, m.end(), 2, actors)
        if first is None:
            continue
        names = lx.listed(first, sent, actors)
        for x in lx.ctx.mentions(sent, names[-1].end):  # past relative clauses: "A, which …, and B"
            if not lx.ctx.is_head(x) or x.start < names[-1].end:
                continue
            if x.type not in actors or not _RELATIVE_GAP.fullmatch(lx.text, names[-1].end, x.start):
                break  # the first name not listed ends the list ("which owns Vogue, …": not a party)
            names += lx.listed(x, sent, actors)
        acc.add([x.key for x in names if not is_court(lx.ctx.label(x.key))], defendants(lx, acc, sent), m.start(),
                names[-1].end, sent, "led the suit", LED_PLAINTIFFS)
    return acc.out


# the words each pattern needs in its sentence (cheap filters before the regexes)
_W_NOUN = frozenset({"lawsuit", "lawsuits", "suit", "suits", "complaint", "complaints", "charge", "charges", "claim",
                     "claims", "petition", "petitions", "class-action", "action", "actions", "case", "cases",
                     "challenge", "challenges", "proceedings"})
_W_AGAINST = frozenset({"against"})
_W_OWNED = _W_AGAINST | {"accuses", "accused", "alleges", "alleged", "claims", "claimed", "argues", "argued",
                         "contends", "charges", "asserts"}
_W_BY = frozenset({"by", "from"})
_W_COURT = frozenset({"court", "tribunal", "arbitration"})
_W_ALLEGING = frozenset({"alleging", "accusing", "claiming", "charging", "contending", "asserting"})
_W_SUED = frozenset({"sued", "sues", "suing"})
_W_IT = frozenset({"it"})
_W_SUE = frozenset({"sue", "legal"})
_W_JOINED = frozenset({"joined"})
_W_LED = frozenset({"led", "lead", "plaintiff", "plaintiffs", "claimant", "claimants"})
_W_SENT = frozenset({"sent", "sends", "sending", "served", "serves", "issued"})
_W_HIT = frozenset({"slap", "slaps", "slapped", "slapping", "hit", "hits", "hitting"})
_W_REMEDY = frozenset({"damages", "compensation", "injunction", "relief", "restitution", "restraining", "judgment",
                       "judgement", "verdict"})
_W_DESCRIBED = frozenset({"couple", "pair", "duo", "two", "plaintiffs", "claimants", "artists", "actors", "authors",
                          "writers", "families", "publishers", "musicians", "creators"})
# a sentence with none of these words has none of the legal acts (each pattern needs one of them)
_W_ANY = _W_NOUN | _W_AGAINST | _W_COURT | _W_ALLEGING | _W_SUED | _W_SUE | _W_JOINED | _W_DESCRIBED | _W_HIT | \
    _W_REMEDY | _W_LED | _W_SENT | W_PROSECUTES


LegalRule = Callable[[LegalIndex, int, Known], list[Criticism]]
# run on each sentence that holds their trigger (that of the rule named beside them), in this order (a later rule
# reads what the earlier found)
LEGAL_RULES: tuple[tuple[Trigger, LegalRule], ...] = tuple((trigger_of(name), rule) for name, rule in (
    (FILED_AGAINST, filed), (FILED_BY, filed_by), (DESCRIBED_PLAINTIFFS, described_plaintiffs),
    (PLAINTIFF_LIST, plaintiff_lists), (INTENT_TO_SUE, intent_to_sue), (JOINED_PLAINTIFFS, joined),
    (LED_PLAINTIFFS, led_plaintiffs), (PROSECUTED_CASE, prosecuted_case),
))
AUTHORITY_RULES: tuple[tuple[Trigger, LegalRule], ...] = tuple((trigger_of(name), rule) for name, rule in (
    (authority.AUTHORITY_MEASURE, authority.measures), (authority.AUTHORITY_PASSIVE, authority.passive_measures),
    (authority.AUTHORITY_SANCTION, authority.sanctions),
    (authority.COMMERCIAL_SANCTION, authority.commercial_sanctions), (authority.DEAL_REVIEW, authority.deal_reviews),
))


def legal_criticisms(ctx: DocContext, known: Sequence[Criticism]) -> list[Criticism]:
    """The criticisms of legal and official acts in a document that ``known`` does not already hold."""
    lx = LegalIndex(ctx)
    history = list(known)
    pairs = {(c.critic, c.target, ctx.sentence_at(c.source.start)) for c in known}
    out: list[Criticism] = []
    gates = [(trigger.needs(), rule) for trigger, rule in LEGAL_RULES + AUTHORITY_RULES]  # each trigger read once
    first = any_word(gates)
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if words.isdisjoint(first):
            continue
        rules = [rule for needs, rule in gates if fires(words, needs)]
        if not rules:
            continue
        known_now = Known(tuple(history), frozenset(pairs))
        for rule in rules:
            new = rule(lx, s.index, known_now)
            if new:  # (the record is rebuilt only when a rule found something: most find nothing)
                out += new
                history += new
                pairs |= {(c.critic, c.target, s.index) for c in new}
                known_now = Known(tuple(history), frozenset(pairs))
    return out
