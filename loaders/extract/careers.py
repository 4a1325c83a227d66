"""Stage helper: affiliated_with relations from career moves, backers and references back to an organisation.

:mod:`loaders.extract.appositions` reads a role written beside a name; this module reads the ones news copy tells as
an event or through a back-reference: an appointment ("X was named chief executive of Y", "Y appointed X as its
CFO"), a departure ("X, who stepped down as Y's chief executive", "X, formerly of Y"), people who back a company
("Y, backed by Jeff Bezos and Nvidia", "Y, whose investors include X"), a role over "the committee" named before
("X, who chairs the committee"), and one title shared by two organisations ("X, the Tesla and SpaceX chief
executive").
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.extract.context import DocContext
from loaders.extract.lexicon import alternation, lexicon
from loaders.extract.rules import register
from loaders.extract.schema import AddAffiliation, ResolvedMention

APPOINTED = register("relation.appointed.v1", "'X became/was named chief executive of Y', 'Y appointed X as its CFO', "
                     "'X joined Y as its CTO': an appointment to a role", __name__)
DEPARTED = register("relation.departed.v1", "'X, who stepped down as Y's chief executive', 'X, formerly of Y': a role "
                    "the person has left", __name__)
PERSON_BACKER = register("relation.person_backer.v1", "'Y, backed by Jeff Bezos', 'Y, whose investors include X': a "
                         "person who invested in the organisation", __name__)
CHAIRS_THE = register("relation.chairs_the.v1", "'X, who chairs the committee': a role over an organisation named "
                      "before by its kind", __name__)
FOUNDED_BY_SUBJECT = register("relation.founded_by_subject.v1", "'X, OpenAI's former CTO, set up Thinking Machines "
                              "Lab', 'X founded Y in 2019': a person whose clause founds the organisation", __name__)
FIRM_OF = register("relation.firm_of.v1", "'Valor Equity Partners, the private investment firm of Antonio Gracias': "
                   "a firm described as a person's", __name__)
ROLE_PREDICATE = register("relation.role_predicate.v1", "'X is the chief executive of Y', 'X remains a professor at "
                          "Y', 'X serves as general counsel at Y': a role stated as the clause's predicate", __name__)
SHARED_TITLE = register("relation.shared_title.v1", "'X, the Tesla and SpaceX chief executive': one title held at "
                        "two organisations", __name__)

# the kinds of organisation "the committee" refers back to: the latest organisation whose name holds the noun
_KIND_NOUNS = ("committee", "subcommittee", "commission", "agency", "department", "ministry", "council", "board",
               "authority", "institute", "foundation", "union", "company", "firm", "startup", "group", "bank",
               "fund", "university", "lab", "regulator", "watchdog")
_HEAD_VERBS = {"chairs": "chair", "chaired": "chair", "leads": "head", "led": "head", "heads": "head",
               "headed": "head", "runs": "head", "ran": "head", "founded": "founder", "co-founded": "co-founder",
               "oversees": "head", "oversaw": "head", "directs": "director", "directed": "director"}
# generic kinds ("the company") mean the organisation just talked about, not one holding the word in its name
_GENERIC_KINDS = frozenset({"company", "firm", "startup", "group", "lab"})
_WORDS = frozenset({"founded", "co-founded", "cofounded", "set", "started", "launched", "created", "established",
                    "firm", "fund", "named", "appointed", "became", "become", "becomes", "hired", "tapped", "promoted",
                    "joined",
                    "stepped", "resigned", "quit", "formerly", "backed", "investors", "backers", "chairs", "chaired",
                    "leads", "heads", "headed", "runs", "ran", "oversees", "oversaw", "directs", "directed", "and",
                    "is", "was", "remains", "remained", "serves", "served", "lead", "run", "head", "oversee", "helms"})


# "X leads the Acme lawsuit": the organisation's name used as a modifier of what is led
_LED_THING = re.compile(r"^[’']?s?\s+(?:lawsuit|suit|case|campaign|effort|bid|deal|investigation|probe|inquiry|"
                        r"program|programme|project|challenge|push|review|round|coalition|delegation)\b", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    roles = alternation(lexicon().roles)
    role = rf"(?:(?:[\w-]+\s+){{0,3}}?(?i:{roles}))"
    return {
        # "X became interim chief executive of ", "X was named CEO at ", "X has been appointed head of AI at "
        "became": re.compile(r"^\s+(?:(?:has|had|have|was|is|will|would)\s+)?(?:been\s+|be\s+)?(?:became|become|"
                             r"becomes|named|appointed|hired\s+as|promoted\s+to|tapped\s+as|tapped\s+to\s+be|"
                             r"installed\s+as|elected)\s+(?:as\s+)?(?:the\s+|an?\s+)?(?:new\s+|interim\s+|acting\s+)?"
                             rf"(?P<role>{role})(?:\s+(?:of|for)\s+[a-z][\w-]*)?\s+(?:of|at|for)\s+(?:the\s+)?$"),
        # "X is the chief executive of ", "X remains a professor at ", "X serves as general counsel at "
        "holds": re.compile(r"^\s+(?:is|was|remains|remained|has\s+been|serves\s+as|served\s+as)\s+"
                            r"(?P<adv>(?:now|also|currently|still|previously|formerly|already)\s+)*(?:as\s+)?"
                            rf"(?:(?:a|an|the)\s+)?(?P<role>{role}(?:\s+(?:of|for)\s+[a-z][\w-]*)?)\s+"
                            r"(?:of|at|for|with)\s+(?:the\s+)?$"),
        # "Y appointed X as its chief financial officer", "Y has named X its new CEO"
        "appointed_as": re.compile(r"^\s*,?\s+(?:as\s+|to\s+be\s+)?(?:its|the\s+company['’]s|their)\s+"
                                   rf"(?:new\s+|first\s+|interim\s+|acting\s+)?(?P<role>{role})\b"),
        "org_appoints": re.compile(r"^\s+(?:(?:has|had|have|also|formally|officially)\s+)*(?:appointed|named|hired|"
                                   r"tapped|promoted|picked|chose)\s+(?:former\s+[\w-]+\s+)?$"),
        # "X joined Y as its chief technology officer"
        # "X now runs a new consumer AI division, Microsoft AI", "X leads the nonprofit Y"
        "runs": re.compile(r"^(?:\s+(?:(?:now|also|currently|still)\s+)?|\s*,?\s+to\s+)"
                           r"(?P<verb>runs|leads|heads(?:\s+up)?|chairs|oversees|helms|(?<=to\s)(?:run|lead|head|chair|oversee|helm))"
                           r"\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?(?:division|unit|group|arm|lab|team|company|"
                           r"startup|firm|business|nonprofit|agency|committee|subcommittee|panel|fund)\s*,?\s+|the\s+)?$"),
        # "X became Thinking Machines' chief scientist", "X was named Meta's chief AI officer": the text before the
        # organisation's possessive, then the role after it
        "became_poss": re.compile(r"\b(?:(?:has|had|have)\s+)?(?:became|becomes|become|(?:was|is|has\s+been|had\s+been)"
                                  r"\s+(?:named|appointed|made|promoted\s+to)|is\s+now|remains|serves\s+as|"
                                  r"joined\s+as)\s+(?:the\s+)?(?:new\s+)?$"),
        "poss_role": re.compile(rf"[’']s?\s+(?:new\s+|first\s+|interim\s+|acting\s+)?(?P<role>{role})\b"),
        "joined_as": re.compile(rf"^\s+as\s+(?:its\s+|the\s+|an?\s+)?(?:new\s+|first\s+)?(?P<role>{role})\b"),
        "joined": re.compile(r"^\s+(?:(?:has|had|have|later|then|also|recently)\s+)*(?:re)?joined\s+(?:the\s+)?$"),
        # "X, who stepped down as Y's chief executive", "X, who resigned as chief executive of"
        "stepped_down_poss": re.compile(r"^\s*,\s+who\s+(?:(?:has|had|later|then|abruptly|recently)\s+)*"
                                        r"(?:stepped\s+down|resigned|quit|was\s+ousted|was\s+fired|was\s+removed|"
                                        r"retired)\s+as\s+(?:the\s+)?$"),
        "formerly_of": re.compile(r"^\s*,\s+(?:formerly|previously|once)\s+(?:of|at|with)\s+(?:the\s+)?$"),
        # "Y, led by CEO Z and backed by ", "Y, backed by "
        "backed_by": re.compile(r"\s*,\s+(?:[^,.;]{0,80}?\s+and\s+)?(?:backed|funded|bankrolled)\s+by\s+"),
        "whose_investors": re.compile(r"\s*,\s+whose\s+(?:[\w-]+\s+)?(?:investors|backers|shareholders)\s+"
                                      r"(?:include|included|are|were|have\s+included)\s+"),
        "list_gap": re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$"),
        # "X, who chairs the committee"
        # ("Representative X (R-MI), who chairs the committee", "X, the Missouri Republican who chairs the panel")
        "chairs_the": re.compile(r"(?:\s*\([^()]{1,12}\))?\s*,\s+(?:the\s+(?:[\w-]+\s+){1,3}?)?who\s+"
                                 r"(?:now\s+|also\s+|currently\s+)?(?P<verb>"
                                 + "|".join(_HEAD_VERBS) + rf")\s+the\s+(?P<noun>{'|'.join(_KIND_NOUNS)})\b"),
        # "X set up Y", "X, OpenAI's former CTO, founded Y": the person's own clause founds the organisation
        "founded_subject": re.compile(r"^(?:\s*,[^,;()]{2,90},)?\s+(?:(?:has|had|later|then|also|recently|went\s+on"
                                      r"\s+to|in\s+\d{4})\s+)*(?P<verb>co-?founded|cofounded|founded|set\s+up|started|"
                                      r"launched|created|established)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+)?"
                                      r"(?:(?:new\s+)?(?:[\w-]+\s+){0,2}?(?:startup|company|firm|lab|venture|"
                                      r"business|fund)\s*,?\s+)?$"),
        # "Y, the private investment firm of X"
        "firm_of": re.compile(r"^\s*,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:firm|company|fund|family\s+office|"
                              r"venture|startup|vehicle|lab)\s+(?:of|owned\s+by|founded\s+by)\s+$"),
        # "X, the Tesla and SpaceX chief executive"
        "shared_gap": re.compile(r"^\s*,\s+(?:the\s+)?(?:former\s+)?$"),
        "shared_tail": re.compile(rf"^\s+(?P<role>{role})\b"),
    }


class _Careers:
    """Finds the career, backer and back-reference affiliations of one document."""

    def __init__(self, ctx: DocContext, add: AddAffiliation) -> None:
        self.ctx, self.add = ctx, add
        self.p = _patterns()
        self.text = ctx.doc.clean

    def sentence(self, sent: int, ms: list[ResolvedMention]) -> None:
        """All rules on one sentence's mentions (Groups excluded)."""
        for i, m in enumerate(ms):
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if m.type == "Person":
                if nxt is not None and nxt.type == "Organization":
                    self._person_org(m, nxt, ms[i + 2] if i + 2 < len(ms) else None, sent)
                self._chairs_the(m, sent)
                self.founded_subject(m, ms, i, sent)
            elif m.type == "Organization":
                if m.possessive:
                    self._became_poss(m, sent)
                if nxt is not None and nxt.type == "Person":
                    self._org_appoints(m, nxt, sent)
                    self._firm_of(m, nxt, sent)
                self._backers(m, ms[i + 1:], sent)

    def _person_org(self, a: ResolvedMention, b: ResolvedMention, c: ResolvedMention | None, sent: int) -> None:
        """Person then organisation: an appointment, a departure, a title shared with a second organisation."""
        text, p = self.text, self.p
        gap = text[a.end:b.start]
        if len(gap) > 90:
            return
        r = p["became"].match(gap)
        if r:
            self.add(a.key, b.key, r.group("role"), a.start, b.end, sent, APPOINTED)
            return
        r = p["holds"].match(gap)
        if r:
            role = r.group("role")
            former = re.search(r"\b(?:previously|formerly)\b", r.group("adv") or "")
            self.add(a.key, b.key, f"former {role}" if former else role, a.start, b.end, sent, ROLE_PREDICATE)
            return
        r = p["runs"].match(gap)
        if r and not _LED_THING.match(text[b.end:b.end + 30]):
            self.add(a.key, b.key, "chair" if r.group("verb").startswith("chair") else "head", a.start, b.end, sent,
                     ROLE_PREDICATE)
            return
        if p["joined"].match(gap):
            r = p["joined_as"].match(text[b.end:b.end + 60])
            if r:
                self.add(a.key, b.key, r.group("role"), a.start, b.end + r.end(), sent, APPOINTED)
            return
        if b.possessive and p["stepped_down_poss"].match(gap):
            r = p["shared_tail"].match(text[b.end:b.end + 60].lstrip("’'s"))
            role = "former " + r.group("role") if r else "former"
            self.add(a.key, b.key, role, a.start, b.end, sent, DEPARTED)
            return
        if p["formerly_of"].match(gap):
            self.add(a.key, b.key, "former", a.start, b.end, sent, DEPARTED)
            return
        if c is not None and c.type == "Organization" and p["shared_gap"].match(gap) and \
                re.fullmatch(r"\s+and\s+", text[b.end:c.start]):
            r = p["shared_tail"].match(text[c.end:c.end + 60])
            if r:
                for org in (b, c):
                    self.add(a.key, org.key, r.group("role"), a.start, c.end + r.end(), sent, SHARED_TITLE)

    def _became_poss(self, org: ResolvedMention, sent: int) -> None:
        """"X, who had briefly joined Y, became Thinking Machines' chief scientist": the clause's subject."""
        s = self.ctx.sentence(sent)
        if not self.p["became_poss"].search(self.text, max(s.start, org.start - 40), org.start):
            return
        r = self.p["poss_role"].match(self.text, org.end, min(s.end, org.end + 60))
        person = self.ctx.subject(sent, org.start, ("Person",)) if r else None
        if person:
            self.add(person, org.key, r.group("role"), org.start, r.end(), sent, APPOINTED)  # type: ignore[union-attr]

    def founded_subject(self, m: ResolvedMention, ms: list[ResolvedMention], i: int, sent: int) -> None:
        """"X set up Y", "X, OpenAI's former CTO, founded Y": the first organisation after the person's verb."""
        text = self.text
        for x in ms[i + 1:i + 5]:
            if x.type != "Organization" or x.possessive:
                continue  # "X launched Acme's new model": the organisation's product, not the organisation
            r = self.p["founded_subject"].match(text[m.end:x.start])
            if r:
                role = "co-founder" if r.group("verb").startswith("co") else "founder"
                self.add(m.key, x.key, role, m.start, x.end, sent, FOUNDED_BY_SUBJECT)
                return

    def _firm_of(self, org: ResolvedMention, person: ResolvedMention, sent: int) -> None:
        """"Valor Equity Partners, the private investment firm of Antonio Gracias"."""
        if self.p["firm_of"].match(self.text[org.end:person.start]):
            self.add(person.key, org.key, "founder", org.start, person.end, sent, FIRM_OF)

    def _org_appoints(self, org: ResolvedMention, person: ResolvedMention, sent: int) -> None:
        """"Y appointed X as its chief financial officer"."""
        if not self.p["org_appoints"].match(self.text[org.end:person.start]):
            return
        r = self.p["appointed_as"].match(self.text[person.end:person.end + 80])
        if r:
            self.add(person.key, org.key, r.group("role"), org.start, person.end + r.end(), sent, APPOINTED)

    def _backers(self, org: ResolvedMention, after: list[ResolvedMention], sent: int) -> None:
        """"Y, backed by Jeff Bezos and Nvidia", "Y, whose investors include X": the people in the list invest."""
        text, p = self.text, self.p
        s = self.ctx.sentence(sent)
        r = p["backed_by"].match(text, org.end, s.end) or p["whose_investors"].match(text, org.end, s.end)
        if not r:
            return
        prev = r.end()
        for x in after:
            if x.start < prev:
                continue
            if x.start > prev and not p["list_gap"].match(text[prev:x.start]):
                break
            if x.type == "Person":
                self.add(x.key, org.key, "investor", org.start, x.end, sent, PERSON_BACKER)
            prev = x.end

    def _chairs_the(self, m: ResolvedMention, sent: int) -> None:
        """"X, who chairs the committee": the latest organisation whose name holds the noun."""
        s = self.ctx.sentence(sent)
        r = self.p["chairs_the"].match(self.text, m.end, s.end)
        if not r:
            return
        noun = r.group("noun")
        org = self._named_kind(noun, m.start) if noun not in _GENERIC_KINDS else None
        if org:
            self.add(m.key, org, _HEAD_VERBS[r.group("verb")], m.start, r.end(), sent, CHAIRS_THE)

    def _named_kind(self, noun: str, pos: int) -> str | None:
        """The latest organisation before ``pos`` (within three sentences) whose name holds ``noun``."""
        ctx = self.ctx
        first = ctx.sentence_at(pos)
        for si in range(first, max(-1, first - 4), -1):
            for x in reversed(ctx.mentions(si)):
                if x.end <= pos and x.type == "Organization" and noun in ctx.label(x.key).lower().split():
                    return x.key
        return None


def career_affiliations(ctx: DocContext, add: AddAffiliation) -> None:
    """Add the career-move, backer and back-reference affiliations of a document."""
    finder = _Careers(ctx, add)
    for sent, ms in ctx.by_sentence.items():
        if ctx.words(sent).isdisjoint(_WORDS):
            continue
        people = [m for m in ms if m.type != "Group"]
        if len(people) > 1 or (people and people[0].type == "Person"):
            finder.sentence(sent, people)
