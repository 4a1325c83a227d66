"""Stage helper: affiliated_with relations from a person's workplace written after the name.

:mod:`loaders.extract.relations` reads "X, CEO of Y" when the title is in the role lexicon and the organisation
follows the preposition; this module reads the workplaces news copy names with an occupation outside that lexicon
("X, a solid-state chemist at Y"), a department between the title and the employer ("X, head of trading at Y"), a
description before the organisation ("X, founder of the booking platform Y") and the bare "X of Y" of quoted experts
("Robbie Torney of Common Sense Media said").
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.appositions import affiliating
from loaders.extract.context import DocContext
from loaders.extract.lexicon import lexicon
from loaders.extract.rules import register
from loaders.extract.schema import AddAffiliation, ResolvedMention

OCCUPATION_AT = register("relation.occupation_at.v1", "'X, a solid-state chemist at Y', 'X, head of trading at Y', "
                         "'X, founder of the booking platform Y': a person's job at the organisation after the name",
                         __name__)
PERSON_OF = register("relation.person_of.v1", "'Robbie Torney of Common Sense Media', 'X of the consumer group Y': "
                     "a person introduced by the organisation they speak for", __name__)

# a description of the organisation before its name: "the consumer advocacy group", "robotics-focused VC firm"
_DESC_NOUNS = ("startup", "start-up", "company", "firm", "think tank", "nonprofit", "non-profit", "charity", "union",
               "outlet", "publication", "newspaper", "magazine", "lab", "laboratory", "group", "organisation",
               "organization", "consultancy", "bank", "fund", "agency", "publisher", "broadcaster", "network",
               "platform", "watchdog", "regulator", "institute", "university", "college", "coalition", "alliance",
               "association", "studio", "developer", "provider", "operator", "system", "service", "party", "NGO")
_DESC = rf"(?:(?:the|a|an)\s+)?(?:(?:[a-z][\w-]*|AI|VC|US|UK)\s+){{0,3}}?(?:{'|'.join(_DESC_NOUNS)})\s+"
# the gap between the name and the organisation: ", a|the <occupation> [of <department>] at [the] [description]"
# before the organisation: a place's possessive ("China's Ministry of ..."), or after "the" up to two adjectives ("the
# opposition New Democratic Party")
_BEFORE_ORG = (r"(?P<before>(?:[Tt]he\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?[’']s\s+|"
               r"[Tt]he\s+(?:(?!(?:and|of|for|at|in|with)\s)[a-z][\w-]*\s+){0,2})?")
_APPOS = re.compile(rf"^\s*,\s+(?:(?:a|an|the|its|another)\s+)?(?P<role>[^,;:()\"“”.!?]{{2,80}}?)\s+"
                    rf"(?P<prep>at|with|of|for|from)\s+{_BEFORE_ORG}(?P<desc>{_DESC})?$")
_AND_ORG = re.compile(r"^\s+and\s+(?:the\s+)?$")
_AND_ROLE = re.compile(rf"^\s+and\s+(?:a|an|the)\s+(?P<role>[^,;:()\"“”.!?]{{2,50}}?)\s+(?:of|at|with)\s+(?:the\s+)?"
                       rf"(?:{_DESC})?$")
_OF = re.compile(rf"^\s+(?:of|from)\s+(?:the\s+)?(?:{_DESC})?$")
# "X, the UCLA mathematician and ...", "X, a Google Brain researcher,": the organisation named before the occupation
_THE_ORG = re.compile(r"^\s*,\s+(?:the|a|an)\s+(?:(?:former|longtime|long-time|veteran)\s+)?$")
_OCCUPATION_AFTER = re.compile(r"^\s+(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*)?)(?=\s*(?:[,.;]|$|\s+(?:and|who)\b))")
# "X, who is now chief executive of Y", "X, a former executive at Z who is Y's chief scientist", "who served as"
_WHO_IS = re.compile(r"^(?:\s*,\s+[^,;()\"“”]{2,80}?)?\s*,?\s+who\s+(?:is|was|has\s+been|had\s+been|served\s+as|"
                     r"serves\s+as|became)\s+(?:(?:now|currently|also|then|later|still)\s+)?(?:(?:a|an|the)\s+)?")
_ROLE_BEFORE_ORG = re.compile(rf"^(?P<role>[^,;:()\"“”.!?]{{2,60}}?)\s+(?P<prep>at|with|of|for)\s+(?:[Tt]he\s+)?"
                              rf"(?:{_DESC})?$")
_ROLE_AFTER = re.compile(r"^(?:[’']s?)?\s+(?P<role>[a-z][\w-]*(?:\s+(?:[a-z][\w-]*|AI)){0,3}?)"
                         r"(?=\s*(?:[,.;]|$|\s+and\b|\s+(?:between|from|until|since|in|for)\b))")
# a word that ends a noun of occupation: chemist, economist, reporter, director, librarian, consultant, trustee
_OCCUPATION_END = re.compile(r"(?:ist|er|or|ian|ant|ent|ee|ive|ate|ar|ief|ow|ad|ic)s?$")
# words that turn the phrase into a clause or a judgement, not a job: "X, who spoke at Y", "X, speaking at Y"
_NOT_IN_ROLE = frozenset({"who", "which", "that", "said", "says", "is", "was", "has", "had", "will", "would", "not",
                          "speaking", "writing", "told", "according", "after", "before", "when", "while", "since",
                          "at", "with", "from", "to", "by", "critic", "critics", "visitor", "guest", "customer",
                          "user", "users", "student", "driver", "owner", "passenger", "rider", "buyer", "subscriber",
                          "listener", "viewer", "reader", "player", "fan", "supporter", "rival", "competitor",
                          "graduate", "alumnus", "watcher", "observer", "follower", "skeptic", "sceptic",
                          "booster", "defender", "admirer"})


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return lexicon().role_words | {"co-founder", "cofounder", "head", "chief"}


def _job(role: str, prep: str) -> str | None:
    """The occupation of an apposition phrase, or None when the phrase is no job held at the organisation."""
    words = role.split()
    if not words or len(words) > 8 or {w.lower() for w in words} & _NOT_IN_ROLE:
        return None
    head = re.split(r"\s+(?:of|for|in|on)\s+", role, maxsplit=1)[0].split()
    last = head[-1].lower().rstrip(",")
    if not re.fullmatch(r"[a-z][a-z-]+", last) or not affiliating(last):
        return None
    in_lexicon = last in _role_words() or last.rstrip("s") in _role_words()
    # with "of"/"for" the organisation is the title's own ("founder of Y"), so only the lexicon's titles; "at" and
    # "with" name a workplace after any occupation
    if prep in ("of", "for", "from") and (not in_lexicon or len(head) < len(words)):
        return None
    return role if in_lexicon or _OCCUPATION_END.search(last) else None


def workplace_affiliations(ctx: DocContext, add: AddAffiliation) -> None:
    """Add the affiliations of people whose workplace is named after them in the sentence."""
    text = ctx.doc.clean
    for sent, all_ms in ctx.by_sentence.items():
        ms = [m for m in all_ms if m.type != "Group"]
        for i, person in enumerate(ms):
            if person.type != "Person" or person.possessive:
                continue
            _appos_workplace(ctx, add, text, ms, i, sent)
            _who_is(ctx, add, text, ms, i, sent)
            _org_occupation(ctx, add, text, ms, i, sent)
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if nxt is not None and nxt.type == "Organization" and _OF.match(text[person.end:nxt.start]) \
                    and not re.match(r"\s*[’']s?\b", text[nxt.end:nxt.end + 3]):
                add(person.key, nxt.key, None, person.start, nxt.end, sent, PERSON_OF)


def _appos_workplace(ctx: DocContext, add: AddAffiliation, text: str, ms: list[ResolvedMention], i: int,
                     sent: int) -> None:
    """"X, a chemist at Y", "X, head of trading at Y": the first organisation after the apposition's preposition."""
    person = ms[i]
    for org in ms[i + 1:]:
        if org.start - person.end > 110 or org.type == "Person":
            return
        if org.type != "Organization" or org.possessive:
            continue  # "a partner at Acme's law firm Y": Acme owns the workplace named next
        m = _APPOS.match(text[person.end:org.start])
        if not m:
            continue
        role = _job(m.group("role"), m.group("prep"))
        if role is None:
            return
        before = (m.group("before") or "").strip().lower()
        if m.group("prep") in ("of", "for") and not m.group("desc") and before in ("", "the"):
            # "X, CEO of Y" is relations.py's, but not "... of Y and Z" ("vice president for A and B" names units);
            # "X, head of A at B" goes on to B
            if m.group("prep") == "of":
                _second_workplace(ctx, add, text, ms, ms.index(org), person, role, sent, coordinated_only=True)
            continue
        add(person.key, org.key, role, person.start, org.end, sent, OCCUPATION_AT)
        _second_workplace(ctx, add, text, ms, ms.index(org), person, role, sent)
        return


def _second_workplace(ctx: DocContext, add: AddAffiliation, text: str, ms: list[ResolvedMention], j: int,
                      person: ResolvedMention, role: str, sent: int, *, coordinated_only: bool = False) -> None:
    """"... with ICJK and Bellingcat", "... at Y and a co-founder of Z": the organisation coordinated with the first."""
    rest = [m for m in ms[j + 1:] if m.key != ms[j].key]  # "Lawrence Berkeley National Laboratory (LBNL)"
    if not rest or rest[0].type != "Organization" or rest[0].possessive:  # "... of Y and Z's partner"
        return
    org, gap = rest[0], re.sub(r"^\s*\([^()]{1,12}\)", "", text[ms[j].end:rest[0].start])
    if _AND_ORG.match(gap):
        add(person.key, org.key, role, person.start, org.end, sent, OCCUPATION_AT)
        return
    m = None if coordinated_only else _AND_ROLE.match(gap)
    second = _job(m.group("role"), "at") if m else None
    if second is not None:
        add(person.key, org.key, second, person.start, org.end, sent, OCCUPATION_AT)


def _who_is(ctx: DocContext, add: AddAffiliation, text: str, ms: list[ResolvedMention], i: int,
            sent: int) -> None:
    """"X, who is now chief executive of Y", "X, who is Y's chief scientist and a professor at Z", "X, who served as
    Y commissioner": the job a relative clause gives the person."""
    person = ms[i]
    end = ctx.sentence(sent).end
    m = _WHO_IS.match(text[person.end:end])
    if not m:
        return
    pos = person.end + m.end()
    after = [x for x in ms[i + 1:] if x.end > pos]
    if any(x.type == "Person" and x.start < pos for x in ms[i + 1:]) or not after:
        return  # the clause is another person's
    org = after[0]
    if org.type != "Organization":
        return
    if org.start == pos:
        r = _ROLE_AFTER.match(text[org.end:end])
        role = _job(r.group("role"), "of") if r else None
        role_end = org.end + r.end() if r else org.end
    else:
        r = _ROLE_BEFORE_ORG.match(text[pos:org.start])
        role = _job(r.group("role"), r.group("prep")) if r else None
        role_end = org.end
    if role is None:
        return
    add(person.key, org.key, role, person.start, org.end, sent, OCCUPATION_AT)
    nxt = [x for x in after[1:] if x.start >= role_end]
    if nxt and nxt[0].type == "Organization" and not nxt[0].possessive:
        m2 = _AND_ROLE.match(text[role_end:nxt[0].start])
        second = _job(m2.group("role"), "at") if m2 else None
        if second is not None:
            add(person.key, nxt[0].key, second, person.start, nxt[0].end, sent, OCCUPATION_AT)


def _org_occupation(ctx: DocContext, add: AddAffiliation, text: str, ms: list[ResolvedMention], i: int,
                    sent: int) -> None:
    """"X, the UCLA mathematician and ...": an occupation after the organisation that names the workplace."""
    person = ms[i]
    if i + 1 >= len(ms) or ms[i + 1].type != "Organization" or ms[i + 1].possessive:
        return
    org = ms[i + 1]
    if not _THE_ORG.match(text[person.end:org.start]):
        return
    m = _OCCUPATION_AFTER.match(text[org.end:org.end + 60])
    role = _job(m.group("role"), "at") if m else None
    if role is not None:
        add(person.key, org.key, role, person.start, org.end + m.end(), sent, OCCUPATION_AT)  # type: ignore[union-attr]
