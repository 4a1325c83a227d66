"""Stage helper: affiliated_with relations from hirings and past jobs told as events.

:mod:`loaders.extract.careers` reads an appointment with the person right next to the organisation; this module reads
the ones news copy writes with words between them: an organisation hiring someone described by a former employer
("Apple has hired former Google scientist X", "Florida Blue ..., appointing X as vice president"), a person joining
("he will be joining OpenAI as CEO", "X joined Apple in 2018"), a past job ("X, who used to work at Baidu", "departing
his position as dean ... at Y"), and founders after "set up by" / "launched by".
"""

from __future__ import annotations

import re

from loaders.extract.context import DocContext
from loaders.extract.rules import register
from loaders.extract.schema import AddAffiliation, ResolvedMention

HIRED_BY = register("relation.hired_by.v1", "'Apple has hired former Google scientist X', 'Y named X, ..., as head of "
                    "research', 'Y ..., appointing X as vice president': the organisation takes the person on",
                    __name__)
JOINING = register("relation.joining.v1", "'he will be joining OpenAI as CEO', 'X joined Apple in 2018': the clause's "
                   "subject joins the organisation", __name__)
PAST_JOB = register("relation.past_job.v1", "'X, who used to work at Baidu', 'after spending eight years at Google', "
                    "'departing his position as dean ... at Y': a job the person held", __name__)
SET_UP_BY = register("relation.set_up_by.v1", "'Y was set up by former Meta researchers A, B and C', 'Y, launched in "
                     "2020 by former Atomico co-founder X': the organisation's founders", __name__)

STAFF_LIST = register("relation.staff_list.v1", "'former OpenAI staff including A, B and C': the people listed "
                      "work or worked there", __name__)

SUCCEEDED = register("relation.succeeded_as.v1", "'X, who succeeded Nick Clegg as Meta's global affairs head': the "
                     "predecessor held the role, the subject holds it now", __name__)

_WORDS = frozenset({"hired", "hires", "hiring", "poached", "recruited", "appointed", "appointing", "named", "naming",
                    "tapped", "promoted", "joining", "joined", "joins", "join", "work", "worked", "working", "spent",
                    "spending", "position", "post", "set", "launched", "started", "created", "established", "staff",
                    "staffers", "employees", "researchers", "scientists", "executives", "engineers", "alumni",
                    "veterans", "succeeded", "succeeds", "succeeding", "replaced", "replaces", "replacing"})
# an organisation's hiring verb: the person is named after it, maybe behind a description ("former Google scientist")
_HIRE_VERB = re.compile(r"^\s+(?:(?:has|had|have|also|recently|just|later|will|would|then|formally|officially)\s+)*"
                        r"(?:(?P<take>hired|hires|poached|recruited)|(?P<name>appointed|named|tapped|promoted))\s+"
                        r"(?:[^,.;:\"“”()]{0,70}?\s)?$")
_HIRE_GERUND = re.compile(r"^\s+[^.;:\"“”()]{0,60}?,\s+(?:(?P<take>hiring|poaching|recruiting)|(?P<name>appointing|"
                          r"naming|tapping|promoting))\s+(?:[^,.;:\"“”()]{0,70}?\s)?$")
# after a named person: the role, maybe behind an apposition ("X, its biggest name in AI, as head of all research")
_AS_ROLE = re.compile(r"(?:\s*,[^,.;]{1,60},)?\s+(?:as|to\s+(?:the\s+)?(?:role|post|position|job)\s+of|to\s+(?:be|"
                      r"lead|head|run|serve\s+as))\s+(?:its\s+|their\s+|the\s+|an?\s+)?(?:new\s+|first\s+)?"
                      r"(?P<role>[A-Za-z][\w-]*(?:\s+[A-Za-z&][\w-]*){0,5}?)(?=\s*(?:[,.;]|$|\s+(?:of|at|for|in|and|on|"
                      r"to|after|from|with|who)\b))")
_JOIN = re.compile(r"\b(?:joining|joins|join|joined|rejoined|rejoining)\s+(?:the\s+)?$")
_JOIN_TAIL = re.compile(r"\s+as\s+(?:its\s+|the\s+|an?\s+)?(?:new\s+|first\s+)?"
                        r"(?P<role>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,4}?)(?=\s*(?:[,.;]|$|\s+(?:of|at|for|in|and|on|after|from|with|who)\b))|"
                        # without a role, only a dated move: "X joined Apple in 2018" (not "who had briefly joined Y,")
                        r"\s+(?:in\s+\d{4}|(?:last|earlier\s+this|this)\s+(?:year|month|week|spring|summer|fall|"
                        r"autumn|winter))\b")
_PAST = re.compile(r"\b(?:used\s+to\s+work|(?:had\s+|previously\s+|once\s+)?worked|spen(?:t|ding)\s+(?:about\s+|"
                   r"nearly\s+|almost\s+|more\s+than\s+|over\s+)?[\w-]+\s+(?:years?|months|decades?))\s+(?:at|for|with)"
                   r"\s+(?:the\s+)?$|\b(?:his|her|their)\s+(?:position|post|role|job|seat)\s+as\s+(?P<role>[^,.;]{1,60}?)"
                   r"\s+(?:at|of|with)\s+(?:the\s+)?$")
_SET_UP = re.compile(r"\s*,?\s+(?:(?:was|were|is|has\s+been|had\s+been)\s+)?(?P<verb>set\s+up|launched|started|"
                     r"created|established)\s+(?:in\s+\d{4}\s+)?by\s+")
# "succeeded Nick Clegg as Meta's global affairs head", "replacing X as chief executive of Y"
_SUCCEEDED = re.compile(r"\b(?:succeeded|succeeds|succeeding|replaced|replaces|replacing)\s+$")
_AS_POSS = re.compile(r"\s+as\s+(?:the\s+)?$")
_POSS_ROLE = re.compile(r"[’']s?\s+(?:new\s+|interim\s+)?(?P<role>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?=\s*(?:[,.;]|$|"
                        r"\s+(?:in|on|at|earlier|last|this|after|before|and|when|since)\b))")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s*and\s+)$")
# between two people of a list, maybe each with a lower-case title: "co-founder A and former vice-presidents B and C"
_TITLED_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)(?:[a-z][\w-]*\s+){0,3}$")
# "has hired a roster of former OpenAI staff including A": a hiring verb whose subject is named before it
_HAS_HIRED = re.compile(r"\b(?:has|have|had)\s+(?:also\s+|since\s+|already\s+)?(?:hired|poached|recruited)\s+")
# "former OpenAI staff including A, B and C": the people who work or worked there
_STAFF = re.compile(r"\s+(?:staff|staffers|employees|researchers|scientists|executives|engineers|alumni|veterans)\s+"
                    r"(?:including|such\s+as|like)\s+")


class _Hirings:
    """The hiring, joining, past-job and founding affiliations of one document."""

    def __init__(self, ctx: DocContext, add: AddAffiliation) -> None:
        self.ctx, self.add, self.text = ctx, add, ctx.doc.clean

    def hired(self, org: ResolvedMention, ms: list[ResolvedMention], i: int, sent: int) -> None:
        """"Y has hired former Google scientist X", "Y named X, its ..., as head of all research"."""
        text, s = self.text, self.ctx.sentence(sent)
        for person in (m for m in ms[i + 1:i + 6] if m.type == "Person"):
            gap = text[org.end:person.start]
            r = _HIRE_VERB.match(gap) or _HIRE_GERUND.match(gap)
            if r is None:
                continue
            role = _AS_ROLE.match(text, person.end, s.end)
            if r.group("take") or role:
                self.add(person.key, org.key, role.group("role") if role else None, org.start,
                         role.end() if role else person.end, sent, HIRED_BY)
            return

    def listed(self, ms: list[ResolvedMention], start: int) -> list[ResolvedMention]:
        """The people of the list that starts after ``start``: "co-founder A and former vice-presidents B and C"."""
        people: list[ResolvedMention] = []
        for m in ms:
            if m.start < start:
                continue
            gap = self.text[people[-1].end if people else start:m.start]
            if not people and m.type == "Organization" and not re.search(r"[,.;:\"“”]", gap):
                continue  # "a roster of former OpenAI staff including A": an employer before the list
            if m.type != "Person" or (_TITLED_GAP.match(gap) is None if people else
                                      len(gap) > 120 or re.search(r"[.;:\"“”]", gap)):
                break
            people.append(m)
        return people[:8]

    def hired_by_subject(self, ms: list[ResolvedMention], sent: int) -> None:
        """"X was founded in February ... and has hired ... A and B": the clause's subject hires the list."""
        s = self.ctx.sentence(sent)
        first = ms[0] if ms else None
        if first is None or first.type != "Organization" or first.possessive or first.start - s.start > 2:
            return  # only the sentence's own subject, not a name of a clause in between
        for v in _HAS_HIRED.finditer(self.text, s.start, s.end):
            for p in self.listed(ms, v.end()):
                self.add(p.key, first.key, None, v.start(), p.end, sent, HIRED_BY)

    def staff(self, org: ResolvedMention, ms: list[ResolvedMention], sent: int) -> None:
        """"former OpenAI staff including A, B and C": each person of the list worked at the organisation."""
        r = _STAFF.match(self.text, org.end) if not org.possessive else None
        if r is None:
            return
        self.staff_list(org.key, org.start, r.end(), ms, sent)

    def staff_group(self, group: ResolvedMention, ms: list[ResolvedMention], sent: int) -> None:
        """"former OpenAI staff including A": the same, where the organisation and its staff are one group name."""
        words = self.text[group.start:group.end].rsplit(None, 1)
        org = self.org_named(words[0]) if len(words) == 2 and _STAFF.match(" " + words[1] + " including ") else None
        r = re.match(r"\s+(?:including|such\s+as|like)\s+", self.text[group.end:group.end + 20])
        if org and r:
            self.staff_list(org, group.start, group.end + r.end(), ms, sent)

    def org_named(self, name: str) -> str | None:
        """The key of the organisation with that label, if any."""
        return next((e.key for e in self.ctx.entities.values() if e.type == "Organization" and e.label == name), None)

    def staff_list(self, org: str, start: int, after: int, ms: list[ResolvedMention], sent: int) -> None:
        """Each person of the list after ``after`` worked at ``org`` ("former" when the text says so)."""
        s = self.ctx.sentence(sent)
        former = re.search(r"\b(?:former|ex-)\s*$", self.text[max(s.start, start - 10):start])
        for p in self.listed(ms, after):
            self.add(p.key, org, "former" if former else None, start, p.end, sent, STAFF_LIST)

    def succeeded(self, org: ResolvedMention, ms: list[ResolvedMention], i: int, sent: int) -> None:
        """"X, who succeeded Nick Clegg as Meta's global affairs head": Clegg held the role, X holds it."""
        text = self.text
        prev = ms[i - 1] if i > 0 else None
        if prev is None or prev.type != "Person" or not org.possessive or not _AS_POSS.fullmatch(
                text[prev.end:org.start]) or not _SUCCEEDED.search(text, max(0, prev.start - 20), prev.start):
            return
        r = _POSS_ROLE.match(text, org.end)
        if r is None:
            return
        self.add(prev.key, org.key, "former " + r.group("role"), prev.start, r.end(), sent, SUCCEEDED)
        subj = self.ctx.subject(sent, prev.start, ("Person",))
        if subj and subj != prev.key:
            self.add(subj, org.key, r.group("role"), prev.start, r.end(), sent, SUCCEEDED)

    def joining(self, org: ResolvedMention, sent: int) -> None:
        """"he will be joining OpenAI as CEO", "X joined Apple in 2018": the subject of the joining clause."""
        text, s = self.text, self.ctx.sentence(sent)
        if org.possessive or not _JOIN.search(text, max(s.start, org.start - 20), org.start):
            return
        tail = _JOIN_TAIL.match(text, org.end, s.end)
        person = self.ctx.subject(sent, org.start, ("Person",)) if tail else None
        if person and tail:
            self.add(person, org.key, tail.group("role"), org.start, tail.end(), sent, JOINING)

    def past_job(self, org: ResolvedMention, ms: list[ResolvedMention], sent: int) -> None:
        """"X, who used to work at Baidu", "departing his position as dean of ... at Y": the nearest person before."""
        text, s = self.text, self.ctx.sentence(sent)
        r = _PAST.search(text, max(s.start, org.start - 110), org.start)
        if r is None:
            return
        before = [m for m in ms if m.end <= r.start() and m.type == "Person"]
        if not before or re.search(r"[.;]", text[before[-1].end:r.start()]):
            return
        role = r.group("role")
        self.add(before[-1].key, org.key, role if role else "former", before[-1].start, org.end, sent, PAST_JOB)

    def set_up_by(self, org: ResolvedMention, ms: list[ResolvedMention], i: int, sent: int) -> None:
        """"Y was set up by former Meta researchers A, B and C": every person of the list."""
        text = self.text
        r = _SET_UP.match(text, org.end) if not org.possessive else None
        if r is None:
            return
        people: list[ResolvedMention] = []
        for m in ms[i + 1:]:
            if m.start < r.end() or (not people and m.type == "Organization"):
                continue  # "by former Atomico co-founder X": the person's former employer comes first
            gap = text[people[-1].end:m.start] if people else text[r.end():m.start]
            if m.type != "Person" or (not _LIST_GAP.match(gap) if people else re.search(r"[.;,]", gap)):
                break
            people.append(m)
        role = "co-founder" if len(people) > 1 else "founder"
        for p in people:
            self.add(p.key, org.key, role, org.start, p.end, sent, SET_UP_BY)


def hiring_affiliations(ctx: DocContext, add: AddAffiliation) -> None:
    """Add the hiring, joining, past-job and "set up by" affiliations of a document."""
    finder = _Hirings(ctx, add)
    for sent, ms in ctx.by_sentence.items():
        if ctx.words(sent).isdisjoint(_WORDS):
            continue
        for g in (m for m in ms if m.type == "Group"):
            finder.staff_group(g, [m for m in ms if m.type != "Group"], sent)
        ms = [m for m in ms if m.type != "Group"]
        finder.hired_by_subject(ms, sent)
        for i, m in enumerate(ms):
            if m.type != "Organization":
                continue
            finder.hired(m, ms, i, sent)
            finder.joining(m, sent)
            finder.past_job(m, ms, sent)
            finder.set_up_by(m, ms, i, sent)
            finder.staff(m, ms, sent)
            finder.succeeded(m, ms, i, sent)
