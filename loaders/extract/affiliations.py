"""Stage helper: affiliated_with relations from the less direct wordings of news text.

:mod:`loaders.extract.relations` reads the adjacent "Org title Person" / "Person, title of Org" patterns; this module
adds the ones that need an anaphor resolved ("the company's CTO", "Its chief executive, X"), a relative or
participle clause ("X, who leads Acme's research", "Acme, a fund run by X"), a bare executive title whose company is
the article's subject ("Chief Executive Officer X said"), and coordinated titled names ("co-founders X and Y").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise

from loaders.extract.appositions import described_org
from loaders.extract.context import DocContext
from loaders.extract.lexicon import alternation, fold, kind_of_organisation, lexicon
from loaders.extract.org_referents import COMPANY_NOUNS, NAMED_NOUNS, OrgReferents
from loaders.extract.schema import ResolvedMention

# add(subject, obj, role, start, end, sent)
AddFn = Callable[[str, str, "str | None", int, int, int], None]

_ANAPHOR = rf"(?:its|their|the\s+(?P<noun>{'|'.join(COMPANY_NOUNS + NAMED_NOUNS)})(?:['’]s)?)"
# executive titles that, written bare before a name, mean the article's company ("Chief Executive Officer X said")
_EXEC = (r"(?:(?:co-?)?founder\s+and\s+)?(?:chief\s+[a-z]+(?:\s+officer)?|ceo|cto|coo|cfo|cpo|"
         r"co-?founders?|cofounders?|founders?|spokesperson|spokesman|spokeswoman)")
# a company's officers and board ("Board chair X", "general counsel X", "Senior vice-president X"), read like _EXEC
# but only for the organisation last named (a bare "President X" or "Vice President X" is a head of state's title)
_OFFICER = (r"general\s+counsel|(?:executive|board|independent|non-executive)\s+chair(?:man|woman|person)?|"
            r"chair(?:man|woman|person)|(?:senior|executive)\s+vice[- ]president|managing\s+director|"
            r"executive\s+director|(?:deputy\s+)?editor-in-chief|co-?president|co-?owner")
# an honorific or an age before the name: "Its chief executive, Dr. X", "its chief executive, 28-year-old X"
_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+|\d{2}-year-old\s+)?"
# after "Analyst X of Acme": punctuation or the person's verb ("called", "went", "says"), not more of a name
_AFTER_ORG_OF = re.compile(r"^\s*(?:[,.;:)—–]|[’']s\b|(?:said|says|wrote|writes|told|tells|who|noted|argued|added|"
                           r"warned|explained|went|made|took|gave|became|spoke|thinks|thought|[a-z]{3,}ed|"
                           r"(?:has|had|is|was|will|would|also)\s+[a-z]+)\b|$)")
_WHO_VERB = re.compile(r"^\s*,\s+who\s+(?:previously\s+|formerly\s+|also\s+|until\s+\w+\s+)?(?P<verb>leads|led|heads|"
                       r"headed|runs|ran|founded|co-?founded|cofounded|works\s+(?:at|for)|worked\s+(?:at|for)|joined|"
                       r"left|chairs|chaired|oversees|oversaw|manages|managed|advises|advised)\s+(?:the\s+)?$")
_WHOSE = re.compile(r"^\s*,\s+whose\s+(?:[\w-]+\s+){0,2}?(?:firm|company|startup|fund|employer|lab|group)\s*,?\s*$")
_RUN_BY = re.compile(r"^\s*,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:co-?)?(?P<verb>run|led|headed|chaired|managed|"
                     r"owned|founded|launched|started|set\s+up|created|established)"
                     r"\s+by\s+(?:(?:[\w.-]+\s+){0,4}?)$")
_HIS_ORG = re.compile(r"\b(?:his|her)\s+(?:own\s+|new\s+)?(?:[\w-]+\s+){0,2}?(?:startup|company|firm|lab|venture|"
                      r"fund|outfit)\s*,?\s*$", re.I)
_POSS_ORG = re.compile(r"^[’']s?\s+(?:own\s+|new\s+)?(?:[\w-]+\s+){0,2}?(?:startup|company|firm|lab|venture|fund)"
                       r"\s*,?\s*$")
# "reporting by Hayden Field at The Verge", "X reported for The Information": a person's organisation right after the
# name, with no comma (an event held at an organisation's site is not one: "X at the Apple event")
_AT_ORG = re.compile(r"^\s+at\s+(?:the\s+)?$")
_WRITES_FOR = re.compile(r"^\s+(?:reported|reports|reporting|writes|writing)\s+for\s+(?:the\s+)?$")
_AT_EVENT = re.compile(r"^(?:[’']s?\s|\s+(?:[\w-]+\s+)?(?:event|conference|summit|hearing|meeting|headquarters|"
                       r"offices?|campus|keynote|launch|festival|show|trial)\b)", re.I)
# "Education Secretary X", "Secretary of Commerce X", "Assistant Attorney General X": a minister's title names the
# department ("Department for Education", "US Department of Commerce", "Justice Department") when the text names it
_SECRETARY = re.compile(r"(?<![\w’'-])(?:(?P<dom>[A-Z][a-z]+)\s+Secretary|"
                        r"Secretary\s+of\s+(?:the\s+)?(?P<dom2>[A-Z][a-z]+)|"
                        r"(?P<ag>(?:(?:Assistant|Deputy|Acting|US|U\.S\.)\s+)?Attorney\s+General))\s+$", re.I)
_SECRETARY_WORDS = frozenset({"secretary", "attorney"})
_DEPARTMENT_WORDS = frozenset({"department", "ministry", "office", "treasury"})
# "The startup, founded in February by X and Y": the founders of the company a description refers to
_THE_FOUNDED_BY = re.compile(r"\b(?:[Tt]he|[Ii]ts)\s+(?:[\w-]+\s+){0,2}?(?:startup|start-up|company|firm|lab|venture)"
                             r"\s*,\s+(?:which\s+was\s+)?(?P<co>co-?)?founded\s+(?:in\s+(?:\w+\s+){1,3}?)?by\s+")
# "Sam Altman, chief executive, told staff": a bare executive title in apposition
_BARE_AFTER = re.compile(rf"\s*,\s+(?:the\s+)?(?P<role>(?i:{_EXEC}|{_OFFICER}))\s*,")
# a capitalised word right before a bare title names the title's body ("City spokesperson X"), not a qualifier
# (a word of the sentence or a generic noun is none: "For co-founder X", "Company spokesperson X")
_NAMED_BEFORE = re.compile(r"(?<![\w’'-])(?!(?:The|Its|Their|Former|Then|Interim|Acting|New|Longtime|Senior|For|With|"
                           r"And|But|As|When|While|At|In|On|By|From|To|After|Before|Company|Firm|Startup|Group)\s)"
                           r"[A-Z][\w.&-]*\s+$")
_OFFICER_RE = re.compile(_OFFICER, re.I)
_LIST_COMMA = re.compile(r"^\s*,\s*$")
# between two names of a list of people: "A, B and C", "A and B" (read by role_lists too)
LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)$")
_EXEC_WORDS = frozenset({"chief", "ceo", "cto", "coo", "cfo", "cpo", "founder", "co-founder", "cofounder", "founders",
                         "co-founders", "cofounders", "spokesperson", "spokesman", "spokeswoman", "counsel", "chair",
                         "chairman", "chairwoman", "chairperson", "vice-president", "director", "editor-in-chief",
                         "co-president", "copresident", "co-owner", "coowner", "president", "editor"})
_SPEECH = frozenset({"said", "says", "added", "wrote", "writes", "noted", "argued", "explained"})
# titles that name the body their holder sits on
_BODY_OF_TITLE = {"commissioner": "commission", "councillor": "council", "councilor": "council",
                  "council member": "council", "councilmember": "council", "councilman": "council",
                  "councilwoman": "council", "alderman": "council", "alderwoman": "council", "board member": "board"}
_ANAPHOR_WORDS = frozenset({"its", "their", *COMPANY_NOUNS, *NAMED_NOUNS, "commissioner", "commissioners",
                            "councillor", "councillors", "councilor", "councilors", "councilmember", "councilmembers",
                            "councilman", "councilmen", "councilwoman", "councilwomen", "alderman", "alderwoman"})
_HEAD_BY = frozenset({"run", "led", "headed", "chaired", "managed", "owned"})
_VERB_ROLE = {"advises": "adviser", "advised": "adviser", "leads": "head", "led": "head", "heads": "head",
              "headed": "head", "runs": "head", "ran": "head", "founded": "founder", "chairs": "chair",
              "chaired": "chair", "oversees": "head", "oversaw": "head", "manages": "manager", "managed": "manager",
              "left": "former employee"}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    roles = alternation(lexicon().roles)
    role = (rf"(?:(?:former|ex-|then|current|longtime|senior|acting|interim|outspoken|founding)\s*)?"
            rf"(?:co-)?(?:{roles})s?")
    role_tail = r"(?:\s+(?:of|for|on)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
    return {
        # "Kestrel's head of hardware, Jonas Thiessen"
        "poss_role_comma": re.compile(rf"^\.?[’']s?\s+(?P<role>(?:[\w-]+\s+){{0,2}}?(?i:{role}){role_tail})\s*,\s*"
                                      rf"{_HONORIFIC}$"),
        # "a spokesperson for Acme, Jane Roe" (the text before the organisation)
        "role_for": re.compile(rf"\b(?:a|an|the)\s+(?P<role>(?:[\w-]+\s+){{0,2}}?(?:{role}))\s+(?:for|at|of|with)\s+"
                               r"(?:the\s+)?$", re.I),
        # "Its chief executive, Farouk Benali", "The commission chairman, Park Ji-hoon"
        "its_role_comma": re.compile(rf"(?:^|\W){_ANAPHOR}\s+(?P<role>(?:[\w-]+\s+){{0,2}}?(?:{role}){role_tail})"
                                     rf"\s*,?\s*{_HONORIFIC}$", re.I),
        # "Wielgosz, the company's chief technology officer" ("Reyes of Ohio, the committee's top Democrat" too)
        "comma_its_role": re.compile(r"^(?-i:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
                                     rf"\s*,\s+{_ANAPHOR}\s+(?P<role>(?:[\w-]+\s+){{0,2}}?(?:{role}){role_tail})"
                                     r"(?=[\s,.;)]|$)", re.I),
        # "X, who runs the company's products group", "X, the head of the group's technology desk": a unit of the
        # organisation an anaphor names
        "comma_role_of_its": re.compile(rf"^\s*,\s+(?:(?:(?:the|a|an)\s+)?"
                                        rf"(?P<role>(?:[\w-]+\s+){{0,2}}?(?:{role}))\s+of|"
                                        r"who\s+(?:now\s+|also\s+)?(?P<verb>runs|leads|heads|oversees|manages|ran|"
                                        rf"led|headed|oversaw|managed))\s+{_ANAPHOR}\s+(?P<unit>(?:[\w-]+\s+){{0,3}}?"
                                        r"(?:group|division|unit|team|business|department|arm|operations|desk|lab|"
                                        r"program|programme|practice|office))\b", re.I),
        # "Jane Roe, a copyright scholar at X", "Gross, formerly a leader in Apple's ..."
        "appos_in": re.compile(rf"^\s*,\s+(?P<role>(?:(?:formerly|previously|once)\s+)?(?:(?:a|an|the|another)\s+)?"
                               rf"(?:[\w’'-]+\s+(?:and\s+)?){{0,6}}?{role})\s+(?:in|at|of|for|with)\s+(?:the\s+)?"
                               rf"{kind_of_organisation(3)}$",
                               re.I),
        # "Daniel Levy, another ex-OpenAI employee" (gap before the organisation, then the role after it)
        "appos_org_role_gap": re.compile(r"^\s*,\s+(?:(?:a|an|the|another|its)\s+)?(?:(?:early|longtime|long-time|"
                                         r"major|big|top|key|prominent|senior)\s+)?(?P<former>former\s+|ex-)?$",
                                         re.I),
        "appos_org_role_tail": re.compile(rf"^\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<role>{role})\b", re.I),
        # "village trustee X", "X, a commission official": a bare noun naming an organisation of the text, then a title
        # ("Committee chair X" opening a sentence too)
        "noun_role_before": re.compile(rf"(?<![\w’'-])(?P<noun>(?i:{'|'.join(COMPANY_NOUNS + NAMED_NOUNS)}))\s+"
                                       rf"(?P<role>(?i:{role}))\s*,?\s*{_HONORIFIC}$"),
        # a title that names its body, before a name or a list of names: "Commissioner X", "commissioners X and Y"
        "body_title": re.compile(rf"(?<![\w’'-])(?P<title>(?i:{'|'.join(_BODY_OF_TITLE)}))s?\s+{_HONORIFIC}"
                                 r"(?:[A-Z][\w’'.-]*\s+){0,3}?(?:(?:[A-Z][\w’'.-]*,?\s+){1,3}and\s+)?$"),
        "role_at_noun": re.compile(rf"^\s*,\s+(?:a|an|the)\s+(?P<role>(?:[\w-]+\s+){{0,2}}?(?:{role}))\s+"
                                   rf"(?:at|of|for|with)\s+the\s+(?P<noun>{'|'.join(NAMED_NOUNS)})\b(?![’'-])", re.I),
        "noun_role_after": re.compile(rf"^\s*,\s+(?:a|an)\s+(?P<noun>{'|'.join(COMPANY_NOUNS + NAMED_NOUNS)})\s+"
                                      rf"(?P<role>{role})(?=[\s,.;)]|$)"),
        # "Lumenfold co-founders Nadia Haddad and Oskar Lindgren", "CEO Jane Roe and CTO John Poe"
        "coord_person": re.compile(rf"^\s*(?:,\s*)?and\s+(?:(?P<role>(?i:{role})(?:\s+of\s+[\w-]+)?)\s+)?"
                                   rf"{_HONORIFIC}$"),
        "ex_org": re.compile(r"^\s*,\s+(?:a|an|the|another)\s+(?:former\s+|ex-)"
                             rf"(?P<org>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?P<role>{role})\b"),
        "title_before": re.compile(rf"(?<![\w’'-])(?P<role>(?:[a-z]+\s+)?(?i:{roles}))\s+{_HONORIFIC}$"),
        "plural_title": re.compile(rf"(?<![\w-])(?:{roles})s,?\s+$", re.I),
        "epithet": re.compile(rf"\b(?:said|says|added|wrote|writes|noted|argued|explained)\s+the\s+(?P<role>"
                              rf"(?:[\w-]+\s+){{0,2}}?(?:{role}))\s+(?:of|at|for)\s+(?:the\s+)?$", re.I),
        "bare_exec": re.compile(rf"(?<![\w’'-])(?P<role>(?i:{_EXEC}|{_OFFICER}))\s+{_HONORIFIC}$"),
        # "former OpenAI researchers including A and B": the listed people after an organisation's plural title
        "members_including": re.compile(rf"^\s+(?P<role>(?:[a-z-]+\s+){{0,2}}?(?:{roles}))s\s*,?\s+"
                                        r"(?:including|such\s+as|like|among\s+them|namely)\s+$", re.I),
        # "X, one of the four OpenAI board members": the text before the organisation, then its title after it
        "one_of": re.compile(r"^\s*,\s+(?:one|two|three|four|five|among|each)\s+of\s+(?:the\s+)?"
                             r"(?:[a-z0-9-]+\s+)?$", re.I),
        # "Forbes published an investigative article by reporters A and B": the outlet's writers
        "piece_by": re.compile(rf"^\s+(?:published|ran|posted|printed)\s+(?:an?|the|its)\s+(?:[\w-]+\s+){{0,3}}?"
                               r"(?:article|report|story|investigation|piece|column|op-ed|review|essay)\s+"
                               rf"(?:[^.;]{{0,60}}?\s)?by\s+(?:(?P<role>{roles})s?\s+)?$", re.I),
        # "Writing in Inc., columnist Jason Aten argued": the outlet a writer writes in
        "writing_in": re.compile(r"\b(?:[Ww]riting|[Ww]rote)\s+(?:in|for)\s+(?:the\s+)?$"),
        "writer_after": re.compile(rf"^[.]?\s*,\s+(?:(?P<role>{roles})\s+)?$", re.I),
        "plural_role_after": re.compile(rf"^\s+(?P<role>(?:[a-z-]+\s+){{0,2}}?(?:{roles}))s\b", re.I),
        "co_founded_company": re.compile(r"\s+(?:the\s+(?:company|firm|startup|lab))\s+"
                                         r"(?:(?:in|back in)\s+[\w\s]{4,12}?\s+)?with\s+", re.I),
    }


def _plural(role: str) -> bool:
    """Whether a bare title is plural ("co-founders A and B"); "general counsel" is not."""
    return role.lower().endswith("s") and not role.lower().endswith("counsel")


_FORMER_ROLE = re.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:former|ex-|onetime|one-time)\b", re.I)


class _Affiliations(OrgReferents):
    """Finds the extra affiliations of one document."""

    def __init__(self, ctx: DocContext, add: AddFn, affiliated: set[str]) -> None:
        super().__init__(ctx)
        self.add, self.affiliated = add, affiliated
        self.p = _patterns()
        self.linked: dict[str, tuple[str, str | None]] = {}  # person -> (org, role) of this finder's first link
        # people placed in a role they hold now: "CEO X, a former director at Stripe" is not placed by Stripe
        self.current: set[str] = set()

    def place(self, person: str, role: str | None) -> None:
        """Note a person placed in an organisation (a former role does not place them now)."""
        self.affiliated.add(person)
        if not _FORMER_ROLE.match(role or ""):
            self.current.add(person)

    def link(self, person: str, org: str, role: str | None, start: int, end: int, sent: int) -> None:
        self.place(person, role)
        self.linked.setdefault(person, (org, role))
        self.add(person, org, role, start, end, sent)

    def sentence(self, sent: int, ms: list[ResolvedMention]) -> None:
        """All rules on one sentence's mentions (Groups excluded)."""
        text, ctx = self.text, self.ctx
        s = ctx.sentence(sent)
        words = ctx.words(sent)
        # cheap word tests before the regexes (most sentences have none of these words)
        speech = not words.isdisjoint(_SPEECH)
        anaphoric = not words.isdisjoint(_ANAPHOR_WORDS)
        low = ctx.slower(sent)
        former = "ex-" in low or "former" in low
        by = "by" in words
        his = "his" in words or "her" in words
        for i, m in enumerate(ms):
            prev = ms[i - 1] if i > 0 else None
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if m.type == "Person":
                if prev and prev.type == "Organization":
                    self._org_person(prev, m, sent)
                if anaphoric:
                    self._anaphoric(m, prev, sent)
                if former:
                    self._ex_org(m, text[m.end:min(s.end, m.end + 90)], sent)
                if nxt and nxt.type == "Organization":
                    self._person_org(m, nxt, ms[i + 2] if i + 2 < len(ms) else None, sent)
                continue
            if m.type != "Organization":
                continue
            if by and nxt and "by" in text[m.end:m.end + 60]:
                # "NFDG, a partnership co-run by SSI executive Daniel Gross"
                person = next((x for x in ms[i + 1:i + 4] if x.type == "Person" and x.start - m.end < 90), None)
                run_by = _RUN_BY.match(self._strip_orgs(ms, i, person)) if person else None
                if person and run_by:
                    # "SSI, the startup launched by former OpenAI chief scientist X": its founder
                    role = "head" if run_by.group("verb").split()[0] in _HEAD_BY else "founder"
                    self.link(person.key, m.key, role, m.start, person.end, sent)
            if speech and (nxt is None or nxt.start > m.end + 2):
                self._epithet(m, sent)
            if his:
                b = text[max(s.start, m.start - 50):m.start]
                if _HIS_ORG.search(b):
                    who = ctx.subject(sent, m.start, ("Person",)) or ctx.recent(m.start, ("Person",), max_sentences=2)
                    if who:
                        self.link(who, m.key, None, m.start - len(b), m.end, sent)

    def _org_person(self, org: ResolvedMention, m: ResolvedMention, sent: int) -> None:
        """"Kestrel's head of hardware, X", "a spokesperson for Acme, X"."""
        text, p = self.text, self.p
        gap = text[org.end:m.start]
        if org.possessive:
            r = p["poss_role_comma"].match(gap)
            if r:
                self.link(m.key, org.key, r.group("role"), org.start, m.end, sent)
        if "," in gap and re.match(r"^\s*,\s*" + _HONORIFIC + "$", gap):
            r = p["role_for"].search(text, max(self.ctx.sentence(sent).start, org.start - 60), org.start)
            if r:
                self.link(m.key, org.key, r.group("role"), org.start, m.end, sent)

    def _anaphoric(self, m: ResolvedMention, prev: ResolvedMention | None, sent: int) -> None:
        """"Its chief executive, X", "The commission chairman, X", "X, the company's CTO"."""
        text, p = self.text, self.p
        s = self.ctx.sentence(sent)
        # a place inside the title ("The company's president for Europe, X") does not end the search
        while prev is not None and prev.type == "Place":
            earlier = [x for x in self.ctx.mentions(sent) if x.end <= prev.start and x.type != "Group"]
            prev = earlier[-1] if earlier else None
        lo = max(s.start, (prev.end if prev else s.start), m.start - 90)
        r = p["its_role_comma"].search(text[lo:m.start])
        if r:
            org = self.anaphor_org(r.group("noun"), lo + r.start())
            if org:
                self.link(m.key, org, r.group("role"), lo + r.start(), m.end, sent)
        r = p["comma_its_role"].match(text[m.end:min(s.end, m.end + 90)])
        if r:
            org = self.anaphor_org(r.group("noun"), m.end)
            if org:
                self.link(m.key, org, r.group("role"), m.start, m.end + r.end(), sent)
        r = p["comma_role_of_its"].match(text[m.end:min(s.end, m.end + 120)])
        if r:
            org = self.anaphor_org(r.group("noun"), m.end)
            if org:
                role = r.group("role") or f"head of {r.group('unit')}"
                self.link(m.key, org, role, m.start, m.end + r.end(), sent)
        self._noun_role(m, lo, sent)

    def _noun_role(self, m: ResolvedMention, lo: int, sent: int) -> None:
        """"village trustee X", "X, a commission official": the organisation of the text the noun names."""
        text, p = self.text, self.p
        r = p["noun_role_before"].search(text[lo:m.start])
        start = lo + r.start() if r else m.start
        if r is None:
            r = p["noun_role_after"].match(text[m.end:m.end + 60]) or p["role_at_noun"].match(text[m.end:m.end + 90])
        noun, role = (r.group("noun").lower(), r.group("role")) if r else (None, None)
        topic = None
        if r is None and (b := p["body_title"].search(text[lo:m.start])):
            # "Commissioner X", "commissioners X and Y": a member of the commission the text names, the article's
            # one first ("Commissioner X" in a story on the FTC that also names the European Commission)
            noun, role, start = _BODY_OF_TITLE[b.group("title").lower()], b.group("title"), lo + b.start()
            if self._office_named(b.group("title").lower()):
                return  # "Data Commissioner X" with "the Office of the Data Protection Commissioner": office_titles.py
            topic = self.topic_org()
            topic = topic if topic and noun in self.ctx.label(topic).lower().split() else None
        if noun in NAMED_NOUNS:  # "company" alone could be any company of the text
            org = topic or self.only_headed_by(noun) or self.anaphor_org(noun, start)
            if org:
                self.link(m.key, org, role, start, m.end, sent)

    def _office_named(self, title: str) -> bool:
        """Whether an organisation of the text is named by the title itself ("Information Commissioner's Office")."""
        return any(e.type == "Organization" and title in re.findall(r"[a-z]+", e.label.lower())
                   for e in self.ctx.entities.values())

    def _epithet(self, org: ResolvedMention, sent: int) -> None:
        """'..., said the founding partner of Ridgeline Ventures.': the speaker named just before holds the role."""
        text, ctx = self.text, self.ctx
        s = ctx.sentence(sent)
        r = self.p["epithet"].search(text, max(s.start, org.start - 70), org.start)
        if not r or not re.match(r"\s*(?:[.,;]|$)", text[org.end:org.end + 3]):
            return
        person = ctx.recent(r.start(), ("Person",), max_sentences=3)
        if person:
            self.link(person, org.key, r.group("role"), r.start(), org.end, sent)

    def _ex_org(self, m: ResolvedMention, after: str, sent: int) -> None:
        """"Daniel Levy, another ex-OpenAI employee": the organisation inside the hyphenated prefix."""
        r = self.p["ex_org"].match(after)
        if r:
            org = self.org_by_name().get(fold(r.group("org")))
            if org:
                self.link(m.key, org, "former " + r.group("role"), m.start, m.end + r.end(), sent)

    def _strip_orgs(self, ms: list[ResolvedMention], i: int, person: ResolvedMention) -> str:
        """The gap from ms[i] to ``person`` with the names in between removed ("co-run by SSI executive X")."""
        text = self.text
        parts, pos = [], ms[i].end
        for x in ms[i + 1:]:
            if x.start >= person.start:
                break
            parts.append(text[pos:x.start])
            pos = x.end
        parts.append(text[pos:person.start])
        return " ".join(parts)

    def _person_org(self, a: ResolvedMention, b: ResolvedMention, c: ResolvedMention | None, sent: int) -> None:
        """Person then organisation: "X, who leads Acme's", "X of Acme", "X, whose firm Acme", "X, a Y at Acme"."""
        text, p = self.text, self.p
        gap = text[a.end:b.start]
        if len(gap) > 80 or described_org(self.ctx, sent, b) is not None:
            return  # "X, a partner at Meta's law firm Y": the role is at Y (read by the relations stage)
        w = _WHO_VERB.match(gap)
        if w:
            verb = w.group("verb").split()[0].lower()
            role = _VERB_ROLE.get(verb, "co-founder" if "co" in verb else None)
            self.link(a.key, b.key, role, a.start, b.end, sent)
            return
        s = self.ctx.sentence(sent)
        title = p["title_before"].search(text, max(s.start, a.start - 40), a.start)
        role = title.group("role") if title else None
        if _WHOSE.match(gap) or (a.possessive and _POSS_ORG.match(gap)):
            self.link(a.key, b.key, role, a.start, b.end, sent)  # "Investor X, whose firm Acme"
            return
        if _WRITES_FOR.match(gap) or (_AT_ORG.match(gap) and not _AT_EVENT.match(text[b.end:b.end + 30])):
            self.link(a.key, b.key, role or ("writer" if _WRITES_FOR.match(gap) else None), a.start, b.end, sent)
            return
        if re.match(r"^\s+of\s+(?:the\s+)?$", gap) and _AFTER_ORG_OF.match(text[b.end:b.end + 12]):
            self.link(a.key, b.key, role, a.start, b.end, sent)  # "Analyst Beatrix Holm of Morningstar said"
            return
        r = p["appos_in"].match(gap)
        if r:
            self.link(a.key, b.key, r.group("role"), a.start, b.end, sent)
            return
        r = p["appos_org_role_gap"].match(gap)
        if r and (c is None or c.start > b.end + 3):
            t = p["appos_org_role_tail"].match(text[b.end:b.end + 60])
            if t and c is not None and c.type == "Person" and not text[b.end + t.end():c.start].strip():
                return  # "Stanford's X, Carnegie Endowment president Y": the title is the next name's
            if t:
                role = ("former " if r.group("former") else "") + t.group("role")
                self.link(a.key, b.key, role, a.start, b.end + t.end(), sent)

    def members(self, sent: int, ms: list[ResolvedMention]) -> None:
        """"former OpenAI researchers including A and B", "X, one of the four OpenAI board members": the people
        named as members of an organisation's plural title."""
        text, p = self.text, self.p
        for i, m in enumerate(ms):
            if m.type != "Organization" or m.possessive:
                continue
            nxt = ms[i + 1:]
            r = p["members_including"].match(text[m.end:nxt[0].start]) if nxt and nxt[0].type == "Person" else None
            if r:
                role = self._former(m) + r.group("role").lower()
                prev = m
                for x in nxt:
                    if x.type != "Person" or (x is not nxt[0] and not LIST_GAP.match(text[prev.end:x.start])):
                        break
                    self.link(x.key, m.key, role, m.start, x.end, sent)
                    prev = x
            self._writers(m, ms[i + 1:], sent)
            if i and ms[i - 1].type == "Person" and p["one_of"].match(text[ms[i - 1].end:m.start]):
                t = p["plural_role_after"].match(text[m.end:m.end + 50])
                if t:
                    role = self._former(m) + t.group("role").lower()
                    self.link(ms[i - 1].key, m.key, role, ms[i - 1].start, m.end + t.end(), sent)

    def _writers(self, org: ResolvedMention, nxt: list[ResolvedMention], sent: int) -> None:
        """"Forbes published an article by reporters A and B", "Writing in Inc., columnist X": the outlet's writers."""
        text, p = self.text, self.p
        if not nxt or nxt[0].type != "Person":
            return
        gap = text[org.end:nxt[0].start]
        r = p["piece_by"].match(gap)
        if r is None and p["writing_in"].search(text[max(0, org.start - 16):org.start]):
            r = p["writer_after"].match(gap)
            if r is not None and not r.group("role"):
                return  # "Writing in The Atlantic, X said": a guest's piece, no staff title
        if r is None:
            return
        role = (r.group("role") or "").lower() or None
        prev = org
        for x in nxt:
            if x.type != "Person" or (x is not nxt[0] and not LIST_GAP.match(text[prev.end:x.start])):
                break
            self.link(x.key, org.key, role, org.start, x.end, sent)
            prev = x

    def _former(self, org: ResolvedMention) -> str:
        """"former " when the organisation's name follows "former" or "ex-" ("former OpenAI researchers")."""
        return "former " if re.search(r"\b(?:former|ex-)\s*$", self.text[max(0, org.start - 8):org.start], re.I) \
            else ""

    def coordinated(self, rel_people: dict[str, tuple[str, str | None]], sent: int, ms: list[ResolvedMention]) -> None:
        """"Lumenfold co-founders X and Y", "Acme's founders, X, Y and Z": the next names share the organisation."""
        text, p = self.text, self.p
        in_list: set[str] = set()  # names of a list headed by a plural title: a comma continues it
        for k, (a, b) in enumerate(pairwise(ms)):
            if a.type != "Person" or b.type != "Person" or a.key not in rel_people:
                continue
            org, role = rel_people[a.key]
            gap = text[a.end:b.start]
            r = p["coord_person"].match(gap)
            plural = a.key in in_list or self.p["plural_title"].search(text, max(0, a.start - 40), a.start)
            # "Google's A and B": both names stand in the organisation's possessive
            owner = ms[k - 1] if k else None
            if owner is not None and owner.key == org and owner.possessive and r and not r.group("role") and \
                    re.fullmatch(r"[’']s?\s+", text[owner.end:a.start]) and b.key not in self.affiliated:
                self.link(b.key, org, role, owner.start, b.end, sent)
                continue
            if b.key in self.affiliated and not plural:
                continue  # a list under a plural title goes on over names already placed ("co-founders A, B, C")
            if (r and (r.group("role") or plural)) or (plural and _LIST_COMMA.match(gap)):
                role = r.group("role") if r and r.group("role") else role
                self.link(b.key, org, role, a.start, b.end, sent)
                rel_people[b.key] = (org, role)
                if plural:
                    in_list.update((a.key, b.key))

    def bare_titles(self, sent: int, ms: list[ResolvedMention]) -> None:
        """"Chief Executive Officer X said": an executive title with no organisation names the article's company."""
        text, ctx = self.text, self.ctx
        s = ctx.sentence(sent)
        for i, m in enumerate(ms):
            if m.type != "Person":
                continue
            lo = max(s.start, ms[i - 1].end if i else s.start, m.start - 60)
            r = self.p["bare_exec"].search(text, lo, m.start)
            if r is not None and re.search(r"[’']s\s*$|\b(?:its|their|his|her|the|a|an)\s*$",
                                           text[lo:r.start("role")]):
                continue  # "Acme's CEO X", "its CEO X" are read by the possessive rules; "a founder" is generic
            named = r and _NAMED_BEFORE.search(text, max(s.start, r.start("role") - 40), r.start("role"))
            if named and not any(x.type == "Product" and x.start <= named.start() < x.end for x in ms[:i]):
                # "University spokesperson X", "Starship spokesman X", "Hong Kong Chief Executive X": the title's own
                # body, unread (a product's maker is read on: "Kimi founder X")
                continue
            r = r or _BARE_AFTER.match(text, m.end, s.end)
            if r and m.key in self.current and not _plural(r.group("role")):
                continue  # placed already; a plural title's list is read on (its first name may be placed)
            if not r:
                continue
            if i and ms[i - 1].type == "Organization" and r.start("role") - ms[i - 1].end < 4:
                continue  # "Acme CEO X" is read by the adjacent-title rule
            # the organisation the previous sentence was about ("Anysphere ... is trying to calm users. In a post,
            # CEO Michael Truell ..."), else the article's; with another organisation named before the title in the
            # sentence ("Coatue called for CEO X to step down") only the article's
            here = any(x.type == "Organization" for x in ms[:i])
            led = self.led_by_leader(m.key)
            org = (next(iter(led)) if len(led) == 1 else None) or \
                (None if here else ctx.recent_subject(m.start, ("Organization",), max_sentences=1)) or self.topic_org()
            if len(led) > 1 and org not in led:
                continue  # "CEO Elon Musk" in a story naming Tesla and xAI: one of those, not the story's company
            if org and _OFFICER_RE.fullmatch(r.group("role")) and not self._last_named(org, ms, r.start(), sent):
                continue  # "co-owner X" of a brewery named paragraphs before, not the story's company
            if _plural(r.group("role")):
                # "OpenAI's response was signed by co-founders A, B and C": the organisation of the sentence first
                here = [x for x in ms[:i] if x.type == "Organization" and ctx.is_head(x)]
                org = here[-1].key if here else org
            if org:
                self.link(m.key, org, r.group("role"), min(m.start, r.start("role")), max(m.end, r.end("role")), sent)

    def _last_named(self, org: str, ms: list[ResolvedMention], pos: int, sent: int) -> bool:
        """Whether ``org`` is the organisation last named before ``pos`` (within three sentences) and the sentence
        names no other ("the nonprofit Y, whose executive director X" is Y's)."""
        if any(x.type == "Organization" and x.key != org for x in ms) or \
                re.search(r"\bwhose\s+$", self.text[max(0, pos - 7):pos]):
            return False
        return self.ctx.recent(pos, ("Organization",), max_sentences=3) == org

    def founded_by_description(self, sent: int, ms: list[ResolvedMention]) -> None:
        """"The startup, founded in February by X, OpenAI's former CTO, and Y": the described company's founders."""
        text, s = self.text, self.ctx.sentence(sent)
        r = _THE_FOUNDED_BY.search(text, s.start, s.end)
        if not r:
            return
        people = [m for m in ms if m.type == "Person" and m.start >= r.end()]
        if not people or people[0].start != r.end():
            return
        org = self.anaphor_org("company", r.start())
        if org is None:
            return
        role = "co-founder" if r.group("co") else "founder"
        prev = people[0]
        self.link(prev.key, org, role, r.start(), prev.end, sent)
        for x in people[1:]:
            if not LIST_GAP.match(text[prev.end:x.start]):
                break
            self.link(x.key, org, role, r.start(), x.end, sent)
            prev = x

    def secretaries(self, sent: int, ms: list[ResolvedMention]) -> None:
        """"Education Secretary X", "Assistant Attorney General X": the department of the text the title names."""
        text, s = self.text, self.ctx.sentence(sent)
        for i, m in enumerate(ms):
            if m.type != "Person" or m.key in self.current:
                continue
            lo = max(s.start, ms[i - 1].end if i else s.start, m.start - 50)
            r = _SECRETARY.search(text, lo, m.start)
            if not r or (r.group("dom") or "").lower() in ("the", "a", "former", "state", "press", "general"):
                continue
            dom = "justice" if r.group("ag") else (r.group("dom") or r.group("dom2")).lower()
            if dom == "justice" and re.search(r"[A-Z][\w.]*\s+$", text[max(s.start, r.start() - 20):r.start()]):
                continue  # "California Attorney General X" heads a state's office, not the Justice Department
            orgs = {e.key: words for e in self.ctx.entities.values() if e.type == "Organization" and
                    dom in (words := set(re.findall(r"[a-z]+", e.label.lower()))) and words & _DEPARTMENT_WORDS}
            # a secretary heads a department, a minister a ministry ("commerce secretary" and China's commerce ministry)
            keys = [k for k, words in orgs.items() if "ministry" not in words] or list(orgs)
            if len(keys) == 1:
                self.link(m.key, keys[0], r.group(0).strip(), r.start(), m.end, sent)

    def co_founded_company(self, sent: int, ms: list[ResolvedMention]) -> None:
        """"X co-founded the company in 2019 with Y": both founders of the company the article is about."""
        ctx, text = self.ctx, self.text
        s = ctx.sentence(sent)
        for m in re.finditer(r"\b(?:co-?founded|cofounded|founded)\b", text[s.start:s.end]):
            pos = s.start + m.end()
            r = self.p["co_founded_company"].match(text, pos, min(s.end, pos + 60))
            if not r:
                continue
            org = self.anaphor_org("company", s.start + m.start())
            subj = ctx.subject(sent, s.start + m.start(), ("Person",))
            people = ([subj] if subj else []) + [x.key for x in ms if x.type == "Person" and x.start >= r.end()][:3]
            role = "co-founder" if m.group(0).lower().startswith("co") else "founder"
            for person in people:
                if org:
                    self.link(person, org, role, s.start + m.start(), r.end(), sent)


def extra_affiliations(ctx: DocContext, add: AddFn, titled: dict[str, tuple[str, str | None]]) -> None:
    """Add the indirect affiliations of a document; ``titled`` maps people already affiliated to (org, role)."""
    finder = _Affiliations(ctx, add, set())
    for person, (_org, role) in titled.items():
        finder.place(person, role)
    groups = {sent: [m for m in ms if m.type != "Group"] for sent, ms in ctx.by_sentence.items()}
    for sent, ms in groups.items():
        finder.sentence(sent, ms)
        finder.members(sent, ms)
        if "found" in ctx.slower(sent):
            finder.co_founded_company(sent, ms)
            finder.founded_by_description(sent, ms)
    people = {**finder.linked, **titled}
    for sent, ms in groups.items():
        finder.coordinated(people, sent, ms)
    for sent in (sent for sent in groups if not ctx.words(sent).isdisjoint(_SECRETARY_WORDS)):
        finder.secretaries(sent, groups[sent])
    bare = [sent for sent in groups if not ctx.words(sent).isdisjoint(_EXEC_WORDS)]
    for sent in bare:
        finder.bare_titles(sent, groups[sent])
    # "co-founders A, B and C": the names after a bare plural title share the first one's organisation
    people = {**finder.linked, **titled}
    for sent in bare:
        finder.coordinated(people, sent, groups[sent])
