"""Stage helper: affiliated_with relations from appositions that name a person's role in a longer phrase.

:mod:`loaders.extract.relations` reads the short forms ("Sam Altman, CEO of OpenAI"); this module reads the longer
appositions of news copy: the organisation's possessive ("Helen Okafor, Brightwater's chief executive"), a role
phrase with its own complement and a descriptor before the name ("Sophie Tran, a professor of computer security at
the University of Washington", "Keiko Tanabe, co-founder of the Tokyo startup Lattice Forge"), a relative clause
("X, who now runs the nonprofit Y", "X, who sits on Y's board"), "now at Y" after a former role, and "Y is led by
founder X".
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from loaders.extract.context import DocContext
from loaders.extract.lexicon import alternation, lexicon
from loaders.extract.rules import register
from loaders.extract.schema import AddAffiliation, ResolvedMention

POSSESSIVE_APPOSITION = register("relation.possessive_apposition.v1", "'X, Acme's chief executive', 'X, the NUJ's "
                                 "general secretary': a role after the organisation's possessive", __name__)
ROLE_PHRASE_AT = register("relation.role_phrase_at.v1", "'X, a professor of law at the University of Y', 'X, "
                          "founder of the Milan-based site Y': a longer role phrase and a descriptor before the "
                          "organisation", __name__)
WHO_CLAUSE = register("relation.who_clause.v1", "'X, who now runs the nonprofit Y', 'X, a researcher who previously "
                      "worked at Y', 'X, who sits on Y's board': a relative clause naming the organisation", __name__)
TITLE_COMMA = register("relation.title_comma.v1", "'A Commission spokesperson, X', 'Meta's Reality Labs vice president "
                       "X': a title after an organisation, then the name; a unit's owner named in the possessive",
                       __name__)
JOINED_LEFT = register("relation.joined_left.v1", "'X left Acme in June', 'X joined Acme in 2019', 'X had worked at "
                       "Acme': a person's move into or out of an organisation", __name__)
LED_BY = register("relation.led_by.v1", "'Y is led by founder X', 'Y, run by X': the organisation's leader", __name__)

# role words that never make an affiliation: "a longtime critic of OpenAI"
_NOT_AFFILIATION = frozenset({"critic", "commentator", "billionaire", "entrepreneur", "king", "queen", "pope", "sir",
                              "dame", "lord", "dr.", "mr.", "mrs.", "ms.", "mx.", "prof."})
# nouns that describe the organisation written right after them: "the law firm Marlowe & Pike"
_DESC_NOUNS = ("startup", "start-up", "company", "firm", "think tank", "think-tank", "nonprofit", "non-profit",
               "charity", "union", "site", "website", "outlet", "publication", "newspaper", "magazine", "paper",
               "lab", "laboratory", "group", "organisation", "organization", "competitor", "rival", "consultancy",
               "bank", "fund", "agency", "publisher", "broadcaster", "network", "platform", "trade body",
               "body", "watchdog", "regulator", "chipmaker", "maker", "giant", "unit", "subsidiary", "venture",
               "institute", "university", "college", "coalition", "alliance", "association", "campaign",
               "blog", "newsletter", "podcast", "studio", "developer", "provider", "operator", "retailer")
_VERB_ROLE = {"helms": "head", "helmed": "head", "leads": "head", "led": "head", "heads": "head",
              "headed": "head", "runs": "head", "ran": "head", "founded": "founder", "co-founded": "co-founder",
              "cofounded": "co-founder", "chairs": "chair", "chaired": "chair", "directs": "director",
              "directed": "director"}
_PAST = frozenset({"helmed", "worked", "taught", "served", "sat", "led", "headed", "ran", "chaired", "oversaw",
                   "managed", "left", "directed"})
_PREPS = r"(?:at|of|for|with|on|in|from)"
# "X left Acme", "X had joined Acme", "X worked at Acme": the person right before, the organisation right after
_MOVED = re.compile(r"^\s+(?:(?:had|has|have|recently|later|then|also|eventually|abruptly|quietly|officially|"
                    r"previously|once)\s+)*(?P<verb>joined|left|quit|rejoined|departed|worked\s+(?:at|for)|"
                    r"works\s+(?:at|for))\s+(?:the\s+)?$")
_SKIP_TYPES = ("Place",)  # names inside a role phrase or a descriptor ("the Berlin-based think tank")
_HONORIFIC_RE = r"(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    roles = alternation(lexicon().roles)
    role = rf"(?:(?:former|ex-|then|current|longtime|senior|acting|interim|founding)\s*)?(?:{roles})s?"
    # a descriptor's words may be plural possessives: "the school leaders' union NAHT"
    desc = rf"(?:(?:[\w.-]+[’']?\s+){{0,3}}?(?:{alternation(_DESC_NOUNS)})\s+|[\w.-]+-based\s+(?:[\w-]+\s+){{0,2}}?)"
    np_word = r"(?:[\w’'.&/-]+)"
    return {
        # after the organisation's possessive: "’s co-founder and chief executive", "'s head of communications"
        "poss_role": re.compile(rf"^\.?[’']s?\s+(?P<role>(?:{np_word}\s+(?:and\s+)?){{0,4}}?(?i:{role})"
                                rf"(?:\s+(?:of|for|on)\s+(?:[\w-]+\s+){{0,4}}?[\w-]+)?)(?=\s*(?:[,.;:)—–]|$)|"
                                r"\s+(?:and|who|said|says|told|wrote|has|had|was|is|since|until)\b)"),
        # ", one of the ": one of the organisation's people ("X, one of OpenAI's most senior researchers")
        "poss_gap": re.compile(r"^\s*,\s+(?:one\s+of\s+)?(?:the\s+)?$"),
        # ", a professor of computer security at the ", ", co-founder of the Tokyo startup "
        "role_at": re.compile(rf"^\s*,\s+(?P<role>(?:(?:formerly|previously|once|now)\s+)?(?:(?:a|an|the|another|its)"
                              rf"\s+)?(?:{np_word}\s+(?:and\s+)?){{0,10}}?)(?P<prep>{_PREPS})\s+(?:the\s+)?"
                              rf"(?:{desc})?$", re.I),
        # ", a former FTC attorney now at the law firm ", ", a researcher who previously worked at "
        # (a US politician's party tag may come first: "X, D-San Jose, who helms ...")
        "who_at": re.compile(rf"^\s*,\s+(?:[DRI]-[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?,\s+)?"
                             rf"(?P<role>(?:(?:a|an|the|another)\s+)?(?:{np_word}\s+){{0,5}}?)"
                             r"(?:who\s+(?P<adv>now|previously|formerly|also|currently|later|once|until\s+\w+)?\s*"
                             r"(?P<verb>works|worked|teaches|taught|studies|studied|serves|served|sits|sat|leads|led|"
                             r"heads|headed|runs|ran|founded|co-?founded|cofounded|chairs|chaired|oversees|oversaw|"
                             r"manages|managed|joined|left|directs|directed|helms|helmed|is|was)"
                             rf"(?:\s+[\w-]+){{0,3}}?\s+(?:{_PREPS}\s+)?|now\s+(?P<now>at|with)\s+)(?:the\s+)?"
                             rf"(?:{desc})?$", re.I),
        # "Y is led by founder X", "Y, run by X"
        "led_by": re.compile(r"^(?:\s*,\s+(?:which\s+(?:is|was)\s+)?|\s+(?:is|was|has\s+been)\s+)(?:now\s+|"
                             r"currently\s+|still\s+)?(?:led|run|headed|chaired)\s+by\s+(?:its\s+)?"
                             rf"(?P<role>(?:(?:[a-z][\w-]*|[A-Z]{{2,4}})\s+){{0,3}}?)(?:{_HONORIFIC_RE})?$"),
        "title_comma": re.compile(rf"^\s+(?P<role>(?:[a-z][\w-]*\s+){{0,2}}?(?i:{role}))\s*,\s*$"),
        "title_plain": re.compile(rf"^\s+(?:[\w-]+\s+){{0,3}}?(?i:{role})\s+$"),
        "role_word": re.compile(rf"(?<![\w-])(?P<role>(?:{roles}))s?(?![\w-])", re.I),
        "and_role": re.compile(rf"^\s+and\s+(?:(?:a|an|the)\s+)?(?P<role>(?:{np_word}\s+){{0,5}}?(?i:{role})"
                               rf"(?:\s+[a-z][\w-]*){{0,3}}?)\s+(?:at|of|for|with)\s+(?:the\s+)?(?:{desc})?$", re.I),
    }


# after a possessive name, a descriptor that names another organisation: "the Sun-Times' parent company X",
# "Grok's creator xAI"
_OWNER_DESC = re.compile(r"^[’']s?\s+(?:[a-z][\w-]*\s+){0,2}(?:parent|owner|creator|maker|developer|publisher|"
                         r"company|firm|startup|start-up|subsidiary|unit|division|lab)\s+$")


def described_org(ctx: DocContext, sent: int, named: ResolvedMention) -> ResolvedMention | None:
    """The organisation a possessive name's descriptor leads to ("the Sun-Times' parent company X": X), if any."""
    if not named.possessive:
        return None
    nxt = next((x for x in ctx.mentions(sent) if x.start >= named.end and x.type != "Group"), None)
    if nxt is None or nxt.type != "Organization" or not _OWNER_DESC.match(ctx.doc.clean[named.end:nxt.start]):
        return None
    return nxt


def affiliating(role: str | None) -> bool:
    """False for a role phrase whose head never makes an affiliation ("a longtime critic")."""
    words = (role or "").lower().split()
    return not words or words[-1] not in _NOT_AFFILIATION


def _role_in(phrase: str, p: dict[str, re.Pattern[str]]) -> str | None:
    """The role words of an apposition phrase, or None when it names no affiliating role."""
    found = [m.group("role").lower() for m in p["role_word"].finditer(phrase)]
    if not found or all(r in _NOT_AFFILIATION for r in found):
        return None
    return phrase.strip(" ,")


class _Appositions:
    """Finds the apposition affiliations of one document."""

    def __init__(self, ctx: DocContext, add: AddAffiliation) -> None:
        self.ctx, self.add = ctx, add
        self.p = _patterns()
        self.text = ctx.doc.clean
        self._end = 0  # where the last apposition read ended

    def next_orgs(self, ms: list[ResolvedMention], i: int) -> list[ResolvedMention]:
        """The organisations after ms[i], up to the next person or product, with places skipped."""
        out = []
        for x in ms[i + 1:i + 6]:
            if x.type == "Organization":
                out.append(x)
            elif x.type not in _SKIP_TYPES:
                break
        return out

    def sentence(self, sent: int, ms: list[ResolvedMention]) -> None:
        """All apposition rules on one sentence's mentions (Groups excluded)."""
        text = self.text
        for i, m in enumerate(ms):
            if m.type == "Organization" and i + 1 < len(ms) and ms[i + 1].type == "Person":
                self._led_by(m, ms[i + 1], sent)
                self._title_comma(ms, i, sent)
            if m.type != "Person":
                continue
            orgs = [o for o in self.next_orgs(ms, i) if o.start - m.end <= 160]
            if not orgs:
                continue
            moved = _MOVED.match(text[m.end:orgs[0].start])
            if moved and i + 1 < len(ms) and ms[i + 1] is orgs[0]:
                verb = moved.group("verb").split()[0].lower()
                role = "former employee" if verb in ("left", "quit", "departed", "worked") else None
                self.add(m.key, orgs[0].key, role, m.start, orgs[0].end, sent, JOINED_LEFT)
                continue
            org = orgs[0]
            gap = text[m.end:org.start]
            if self._possessive(m, org, gap, sent) or self._role_at(m, org, gap, sent):
                self._and_role(m, org, ms, sent)
                if len(orgs) > 1 and org.possessive and re.fullmatch(r"[’']s?\s+", text[org.end:orgs[1].start]) \
                        and gap.strip() != ",":
                    # "a director at Georgetown University's Center for Security": the unit too
                    self.add(m.key, orgs[1].key, None, m.start, orgs[1].end, sent, ROLE_PHRASE_AT)
                # "X, a partner at Fenwick, who sits on Orvell's board": a relative clause after the apposition
                for prev, nxt in pairwise(orgs):
                    if self._who_at(m, nxt, text[prev.end:nxt.start], sent):
                        break
                continue
            # "X, a former FTC attorney now at Y": the organisation after the former employer is the current one
            for org in orgs:
                if self._who_at(m, org, text[m.end:org.start], sent):
                    break

    def _possessive(self, m: ResolvedMention, org: ResolvedMention, gap: str, sent: int) -> bool:
        """"Helen Okafor, Brightwater's chief executive"."""
        if not org.possessive or not self.p["poss_gap"].match(gap):
            return False
        r = self.p["poss_role"].match(self.text[org.end:org.end + 120])
        role = _role_in(r.group("role"), self.p) if r else None
        if not r or not role:
            return False
        self.add(m.key, org.key, role, m.start, org.end + r.end(), sent, POSSESSIVE_APPOSITION)
        self._end = org.end + r.end()
        return True

    def _role_at(self, m: ResolvedMention, org: ResolvedMention, gap: str, sent: int) -> bool:
        """"Sophie Tran, a professor of computer security at the University of Washington"."""
        r = self.p["role_at"].match(gap)
        if not r or re.search(r"\b(?:who|which|that|now)\b", r.group("role"), re.I):
            return False
        role = _role_in(r.group("role"), self.p)
        if not role or (r.group("prep").lower() == "in" and not org.possessive):
            return False  # "a researcher in Google's lab" names the lab's owner; "an analyst in X" too loose
        org = described_org(self.ctx, sent, org) or org  # "at the Sun-Times' parent company Y": Y
        self.add(m.key, org.key, role, m.start, org.end, sent, ROLE_PHRASE_AT)
        self._end = org.end
        return True

    def _and_role(self, m: ResolvedMention, org: ResolvedMention, ms: list[ResolvedMention], sent: int) -> None:
        """"..., Corvalis's chief executive and a former research lead at Google DeepMind"."""
        end = self._end
        nxt = next((x for x in ms if x.start >= end and x.type in ("Organization", "Person")), None)
        if nxt is None or nxt.type != "Organization":
            return
        r = self.p["and_role"].match(self.text[end:nxt.start])
        role = _role_in(r.group("role"), self.p) if r else None
        if role:
            self.add(m.key, nxt.key, role, m.start, nxt.end, sent, ROLE_PHRASE_AT)

    def _who_at(self, m: ResolvedMention, org: ResolvedMention, gap: str, sent: int) -> bool:
        """"X, who now runs the nonprofit Y", "X, a former FTC attorney now at the law firm Y"."""
        # the gap may hold a name already read (the former employer); the last organisation is the one meant
        r = self.p["who_at"].match(gap)
        if not r:
            return False
        verb = (r.group("verb") or "").lower()
        if verb in ("is", "was") and not re.search(r"\b(?:member|part|employed|based)\b", gap, re.I):
            return False
        if verb in ("sits", "sat", "serves", "served") and not (org.possessive or re.search(
                r"\b(?:(?:on|with|in)|board\s+of)\s+(?:the\s+)?$", gap)):
            return False  # "sits on the board of", "sits with the Greens group": a seat, not any "sits"
        np = r.group("role") or ""
        # the apposition's own role holds at the organisation unless it is a former one ("a former FTC attorney")
        role = None if re.search(r"\b(?:former|ex-)", np, re.I) else _role_in(np, self.p)
        if verb in ("sits", "sat", "serves", "served") and "board" in self.text[org.end:org.end + 20].lower():
            role = "board member"
        elif verb in _VERB_ROLE:
            role = _VERB_ROLE[verb]
        if verb in _PAST or r.group("adv") in ("previously", "formerly", "once"):
            role = "former " + (role or "employee")
        self.add(m.key, org.key, role, m.start, org.end, sent, WHO_CLAUSE)
        return True

    def _title_comma(self, ms: list[ResolvedMention], i: int, sent: int) -> None:
        """"A Commission spokesperson, X"; "Meta's Reality Labs vice president X" (the unit's owner too)."""
        org, person = ms[i], ms[i + 1]
        text, s = self.text, self.ctx.sentence(sent)
        gap = text[org.end:person.start]
        t = self.p["title_comma"].match(gap)
        if t and re.search(r"\b(?:a|an|the)\s+$", text[max(s.start, org.start - 6):org.start], re.I):
            self.add(person.key, org.key, t.group("role"), org.start, person.end, sent, TITLE_COMMA)
        owner = ms[i - 1] if i else None
        if owner is not None and owner.type == "Organization" and owner.possessive and \
                re.fullmatch(r"[’']s?\s+", text[owner.end:org.start]) and self.p["title_plain"].match(gap):
            self.add(person.key, owner.key, None, owner.start, person.end, sent, TITLE_COMMA)

    def _led_by(self, org: ResolvedMention, person: ResolvedMention, sent: int) -> None:
        """"Midjourney is led by founder David Holz"."""
        r = self.p["led_by"].match(self.text[org.end:person.start])
        if not r:
            return
        words = r.group("role").split()
        if words and not _role_in(r.group("role"), self.p):
            return  # "led by venture firm X" names no role of a person
        self.add(person.key, org.key, r.group("role").strip() or "head", org.start, person.end, sent, LED_BY)


def apposition_affiliations(ctx: DocContext, add: AddAffiliation) -> None:
    """Add the apposition affiliations of a document."""
    finder = _Appositions(ctx, add)
    for sent, ms in ctx.by_sentence.items():
        people = [m for m in ms if m.type != "Group"]
        if any(m.type == "Person" for m in people):
            finder.sentence(sent, people)
