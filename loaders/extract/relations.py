"""Stage: relations — affiliated_with (with the role), developed_by and invested_in, from appositions and titles."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Event, Relation, Span
from loaders.extract.affiliations import extra_affiliations
from loaders.extract.appositions import affiliating, apposition_affiliations, described_org
from loaders.extract.careers import career_affiliations
from loaders.extract.context import DocContext
from loaders.extract.hirings import hiring_affiliations
from loaders.extract.lexicon import alternation, fold, kind_of_organisation, lexicon, words
from loaders.extract.office_titles import office_title_affiliations
from loaders.extract.role_lists import role_list_affiliations, round_investors
from loaders.extract.rules import register
from loaders.extract.schema import ResolvedMention
from loaders.extract.workplaces import workplace_affiliations

ROLE_PATTERN = register("relation.role_pattern.v1", "A person's role beside an organisation: 'OpenAI CEO Sam Altman', "
                        "'X, a partner at Y', 'Y's X'", __name__)
INVESTOR_PATTERN = register("relation.investor_pattern.v1", "'Microsoft, OpenAI's largest investor', 'its main "
                            "investor, X'", __name__)
DEVELOPER_PATTERN = register("relation.developer_pattern.v1", "A product beside its maker: 'OpenAI's GPT-4o', 'Claude, "
                             "made by Anthropic'", __name__)
FOUNDERS = register("relation.founders.v2", "'X, who founded Y', 'Y was founded by X and Z'", __name__)
DEVELOPER_CUE = register("relation.developer_cue.v1", "A product's developer from a cue elsewhere in the document",
                         __name__)
RELEASE_DEVELOPER = register("relation.release_developer.v1", "The developer of a released product", __name__)
FUNDING_INVESTOR = register("relation.funding_investor.v1", "The investors of a funding round invested in its "
                            "recipient", __name__)
MODIFIED_TITLE = register("relation.modified_title.v1", "A title with lower-case modifiers between an organisation "
                          "and a person: 'Apple marketing chief X', 'former OpenAI governance researcher X'",
                          __name__)
AFFILIATION_CUE = register("relation.affiliation_cue.v2", "Affiliations from titles, spokespeople and group "
                           "memberships (see affiliations)", __name__)

# "was founded by", "a company co-founded in 2019 by", "the startup co-founded last summer by"
_PASSIVE_BEFORE = re.compile(r"(?:\b(?:was|were|been|is)|,|\b(?:company|startup|start-up|firm|lab|business|"
                             r"venture|outfit|group|studio|nonprofit|organi[sz]ation))\s+$|^\s*$")
_BY_AFTER = re.compile(r"\s+(?:(?:back\s+)?in\s+(?:\w+\s+)?\d{4}\s+|(?:last|this)\s+\w+\s+|"
                       r"(?:\w+\s+)?(?:years?|months?)\s+ago\s+)?by\b")
_FRONT_FOUNDED = re.compile(r"^\W*(?:co-?)?founded\b", re.I)
# between two names of a list, with an optional parenthesised title: "A (CEO), B (CTO) and C"
_LIST_GAP = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)$")
# between two names of a list, one's apposition or relative clause: "A, who serves as chief scientist, B, a former
# OpenAI researcher, and C"
_APPOSITION_GAP = re.compile(r"^\s*,\s+(?:who|a|an|the|its|his|her|their)\s[^;:()\"“”,]{0,90},\s*(?:and\s+)?$")
# a verb of up to three words before an infinitive: " left to", " went on to", " quit in 2021 to"
_FEW_WORDS = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,3}$")
# between a list's last name and its verb: " co-founded", " had jointly founded"
_NEXT_TO_VERB = re.compile(r"^\s+(?:(?:also|jointly|together|later|then|had|have|has)\s+)*$")
# titles whose holders are named after their portfolio ("Interior Minister X", "Health Secretary X"); the words of a
# portfolio are lexicons/portfolio_words.txt: a name made only of these is no organisation
_PORTFOLIO_TITLES = frozenset({"minister", "secretary", "commissioner"})
# a word that is not a preposition: "its own models under the Apache licence" names no product of its
_NOT_PREP = r"(?!(?:under|on|with|for|in|to|from|at|by|of|about|against|into|over|than|as|using|via)\s)"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon()
    roles = alternation(lex.roles)  # a trie: the same matches as the longest-first alternation, faster
    role_phrase = rf"(?:(?:former|ex-|then|current|longtime|informal|senior|acting|interim)\s*)?(?:{roles})"
    # lower-case words that rank a title before a name: "Epoch AI associate director X", "deputy general counsel X"
    rank = r"(?:associate|assistant|deputy|principal|managing|executive|general|global|junior|founding)"
    return {
        # "OpenAI CEO Sam Altman", "Nvidia Vice President of Government Affairs Ned Finkle", "Anthropic’s Jack Clark"
        # "Acme co-founder and CEO X", "Meta's head of global affairs X"
        "title_between": re.compile(rf"^(?:[’']s?)?\s+(?P<role>(?:(?:[A-Z][\w.-]*|(?i:{roles})|{rank})\s+(?:and\s+)?)"
                                    r"{0,5}?"
                                    rf"(?i:{role_phrase})s?(?:\s+of\s+(?:[A-Z][\w-]*\s+){{1,3}}|"
                                    r"\s+of\s+(?:[a-z][\w-]*\s+){1,2})?)\s*$"),
        "poss_between": re.compile(r"^[’']s?\s+$"),
        # "Musk's social media platform X": what a person's organisation is called before its name
        "poss_described": re.compile(rf"^[’']s?\s+(?:[a-z][\w-]*\s+){{0,3}}"
                                     rf"(?:{alternation(words('org_kinds.txt'))})\s+$"),
        # "Sam Altman, CEO of OpenAI", "Ian Crosby, a partner at Susman Godfrey", "Marina Pavlov, head of Anthropic's"
        "appos_of": re.compile(rf"^\s*,\s+(?:(?:a|an|the|its|another)\s+)?(?P<role>(?:[\w-]+\s+(?:and\s+)?){{0,4}}?"
                               rf"{role_phrase}(?:\s+[a-z]+){{0,2}}?)\s+(?:of|at|for|with|from|to)\s+(?:the\s+)?"
                               rf"{kind_of_organisation(3)}$", re.I),
        # "..., director of X at Y and a former FTC chair": a second role, its organisation before the title
        "and_org_role": re.compile(r"\s+and\s+(?:a|an|the)\s+(?P<former>(?:former|ex-)\s*)?$"),
        "role_after_org": re.compile(rf"^\s+(?P<role>(?i:{roles}))\b"),
        "and_role_of": re.compile(rf"^\s+and\s+(?:(?:a|an|the)\s+)?(?P<role>(?:[\w-]+\s+){{0,3}}?{role_phrase})\s+"
                                  r"(?:of|at|for|with)\s+(?:the\s+)?$", re.I),
        "coord": re.compile(r"^\s*(?:,\s*|\s+)and\s+$|^\s*,\s*$"),
        "investor_of": re.compile(r"^\s*,\s+(?:(?:a|an|the)\s+)?$"),
        "poss_investor": re.compile(r"^[’']s?\s+(?:[a-z]+\s+){0,2}(?:investor|backer|shareholder)s?\b"),
        "its_investor": re.compile(r"\b(?:its|their)\s+(?:[a-z]+\s+){0,2}(?:investor|backer)s?\s*,?\s*$"),
        "its_product": re.compile(r"\b(?:its|their|the company['’]s|the firm['’]s|the startup['’]s)\s+"
                                  rf"(?:{_NOT_PREP}[\w-]+\s+){{0,5}}?(?:[\w-]+\s*,?\s*)?(?:(?:the|called|named|dubbed)\s+)?$",
                                  re.I),
        "the_company_model": re.compile(r"^\s*,\s+(?:the|its)\s+(?:company|firm|startup)['’]s\s+", re.I),
        "behind": re.compile(r"\bbehind\s+(?:the\s+|its\s+)?$", re.I),
        # "Y, developed by X", "The tool, Y, is made by X", "Y from X"
        "made_by": re.compile(r"^\s*,?\s+(?:(?:which\s+)?(?:is|was|are|were|has\s+been)\s+)?(?:developed|made|built|"
                              r"created|designed|released|launched|owned|sold|marketed)\s+by\s+(?:the\s+)?$|^\s+from\s+$"),
        # "X launched Y", "X on Thursday unveiled its new Y", "X also released Y", "X marketed Y"
        "launch_verb": re.compile(r"^\s+(?:(?:on|last|this|in)\s+[A-Z]?\w+\s+)?(?:has\s+|have\s+|had\s+)?"
                                  r"(?:also\s+|just\s+|recently\s+|quietly\s+|officially\s+|finally\s+)?"
                                  r"(?:launched|released|unveiled|introduced|developed|built|debuted|created|"
                                  r"rolled out|updated|makes|made|markets|marketed|sells|ships|shipped)\s+"
                                  r"(?:its\s+|the\s+|a\s+|an\s+)?(?:(?:new|latest|first|popular)\s+)?$"),
        # "X, the maker of Y", "X, which makes the popular note-taking app Y", "X, the company behind Y"
        "maker_of": re.compile(r"^\s*,\s+(?:(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:maker|makers|developer|creator|"
                               r"publisher)\s+of|(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:company|startup|firm|lab)\s+behind|"
                               r"(?:which|that|who)\s+(?:also\s+)?(?:makes|made|develops|developed|builds|built|"
                               r"created|creates|sells|runs|operates|offers))\s+(?:the\s+|a\s+|an\s+|its\s+)?"
                               rf"(?:{_NOT_PREP}[\w-]+\s+){{0,4}}?$", re.I),
        # "Y maker X", "chatbot maker X": the product named right before a maker noun
        "poss_product_after": re.compile(rf"^[’']s?\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:{alternation(lex.product_cues)})\b",
                                         re.I),
        "maker_after": re.compile(r"^\s+(?:maker|developer|creator)\s+$"),
        "poss_called": re.compile(r"^[’']s?\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*,?\s*(?:called|named|dubbed)\s+$"),
        # "The startup also unveiled Y": a release verb right before the product, its subject resolved
        "verb_before": re.compile(r"\b(?:launched|released|unveiled|introduced|debuted|rolled out|makes|built|"
                                  r"developed|created)\s+(?:its\s+|the\s+|a\s+|an\s+)?"
                                  r"(?:(?:new|latest|first|popular)\s+)?(?:[a-z][\w-]*\s+){0,2}$"),
        # "left to found Y", "went on to co-found Y": the infinitive too
        "founded": re.compile(r"\b(?P<verb>co-?founded|founded|cofounded|(?<=\bto\s)(?:co-?)?found)\b", re.I),
    }


def _role(text: str | None) -> str | None:
    if not text:
        return None
    role = text.strip(" ,")
    # "the study's lead author and an associate professor at X": the role held at X is the last one
    role = re.split(r"\s+and\s+(?:a|an|the)\s+", role)[-1]
    role = re.sub(r"^(?:a|an|the|its|another)\s+", "", role, flags=re.I)
    role = re.sub(r"^formerly\s+(?:(?:a|an|the)\s+)?", "former ", role, flags=re.I)
    role = re.sub(r"^(?:outspoken|longtime|long-time|veteran|embattled|newly appointed|current)\s+", "", role,
                  flags=re.I)
    role = re.sub(r"(?<=[a-z])(?<!ss)s$", "", role) if re.search(r"(?:founder|officer|partner|researcher|engineer|"
                                                                 r"executive|director)s$", role, re.I) else role
    return role or None


def _add(out: list[Relation], seen: set[tuple[str, str, str]], ctx: DocContext, subject: str, predicate: str,
         obj: str, role: str | None, start: int, end: int, sent: int, *, rule: str) -> None:
    if subject == obj or (predicate == "affiliated_with" and not affiliating(role)):
        return  # "X, a longtime critic of Y" holds no role at Y
    key = (subject, predicate, obj)
    if key in seen:
        return
    seen.add(key)
    out.append(Relation(subject=subject, predicate=predicate, object=obj, role=role,  # type: ignore[arg-type]
                        source=ctx.span(start, end, sent), rule=rule))


def extract_relations(ctx: DocContext, funding: list[Event]) -> list[Relation]:
    """affiliated_with, developed_by and invested_in (from the funding stage's rounds) relations in the document."""
    p = _patterns()
    text = ctx.doc.clean
    out: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()
    for sent, all_ms in ctx.by_sentence.items():
        ms = [m for m in all_ms if m.type != "Group"]  # "Google spokesperson" sits on top of "Google"
        for i, a in enumerate(ms[:-1]):
            b = ms[i + 1]
            _pair(ctx, p, out, seen, ms, i, a, b, text[a.end:b.start], sent)
        _founders(ctx, p, out, seen, sent, ms)
    titled = {r.subject: (r.object, r.role) for r in out if r.predicate == "affiliated_with"}

    def add(subject: str, obj: str, role: str | None, start: int, end: int, sent: int) -> None:
        _add(out, seen, ctx, subject, "affiliated_with", obj, _role(role), start, end, sent, rule=AFFILIATION_CUE)

    extra_affiliations(ctx, add, titled)

    def add_rule(subject: str, obj: str, role: str | None, start: int, end: int, sent: int, rule: str) -> None:
        _add(out, seen, ctx, subject, "affiliated_with", obj, _role(role), start, end, sent, rule=rule)

    apposition_affiliations(ctx, add_rule)
    career_affiliations(ctx, add_rule)
    hiring_affiliations(ctx, add_rule)
    workplace_affiliations(ctx, add_rule)
    office_title_affiliations(ctx, add_rule)
    role_list_affiliations(ctx, add_rule)
    round_investors(ctx, funding, add_rule)
    _developers(ctx, p, out, seen)
    # invested_in: the investors of each funding round ("led by X", "an investment of $1B from X")
    for ev in funding:
        recipient = ev.participants[0].entity
        sent = ctx.sentence_at(ev.source.start)
        for part in ev.participants[1:]:
            if part.role == "investor" and ctx.type_of(part.entity) == "Organization":
                _add(out, seen, ctx, part.entity, "invested_in", recipient, None, ev.source.start, ev.source.end, sent,
                     rule=FUNDING_INVESTOR)
    return out


def _pair(ctx: DocContext, p: dict[str, re.Pattern[str]], out: list[Relation], seen: set[tuple[str, str, str]],
          ms: list[ResolvedMention], i: int, a: ResolvedMention, b: ResolvedMention, gap: str, sent: int) -> None:
    """Relations between two nearby mentions."""
    text = ctx.doc.clean
    if len(gap) > 90:
        return
    if a.type == "Organization" and b.type == "Person":
        # "Babylon's medical director Dr Mobasher Butt": the title ends before the honorific
        gap = re.sub(r"(?<=\s)(?:Dr|Mr|Mrs|Ms|Prof|Sir|Dame)\.?\s+$", "", gap)
        m = p["title_between"].match(gap)
        modified = None if m else _modified_title(gap)
        if modified:
            _add(out, seen, ctx, b.key, "affiliated_with", a.key, modified, a.start, b.end, sent, rule=MODIFIED_TITLE)
        if m and _portfolio_only(ctx, a, m.group("role")):
            return  # "Interior Minister X", "Treasury Secretary X": a minister's portfolio, no organisation
        if m or (a.possessive and p["poss_between"].match(gap)):
            role = _role(m.group("role")) if m else None
            _add(out, seen, ctx, b.key, "affiliated_with", a.key, role, a.start, b.end, sent, rule=ROLE_PATTERN)
            # "Tesla and SpaceX CEO Elon Musk": the coordinated organisation shares the title
            if i > 0 and ms[i - 1].type == "Organization" and p["coord"].match(text[ms[i - 1].end:a.start]) \
                    and " and " in text[ms[i - 1].end:a.start + 1]:
                _add(out, seen, ctx, b.key, "affiliated_with", ms[i - 1].key, role, ms[i - 1].start, b.end, sent,
                     rule=ROLE_PATTERN)
    if a.type == "Person" and b.type in ("Organization", "Product"):
        m = p["appos_of"].match(gap)
        # "X, marketing director for the Sun-Times' parent company Y", "X, the boss of Grok's creator Y": Y
        owner = described_org(ctx, sent, b) if m else None
        if owner is not None:
            _add(out, seen, ctx, a.key, "affiliated_with", owner.key, _role(m.group("role")), a.start, owner.end,
                 sent, rule=ROLE_PATTERN)  # type: ignore[union-attr]
            return
        if b.type != "Organization":
            return
        if m:
            _add(out, seen, ctx, a.key, "affiliated_with", b.key, _role(m.group("role")), a.start, b.end, sent,
                 rule=ROLE_PATTERN)
            # "..., a partner at Susman Godfrey and the lead counsel for The Times"
            nxt = [x for x in ctx.mentions(sent) if x.start > b.end and x.type == "Organization"]
            if nxt:
                m2 = p["and_role_of"].match(text[b.end:nxt[0].start])
                if m2:
                    _add(out, seen, ctx, a.key, "affiliated_with", nxt[0].key, _role(m2.group("role")),
                         a.start, nxt[0].end, sent, rule=ROLE_PATTERN)
                _and_org_role(ctx, p, out, seen, a, b, nxt, sent)
        elif a.possessive and (p["poss_between"].match(gap) or p["poss_described"].match(gap)):
            # "Musk's xAI", "Elon Musk's artificial intelligence company xAI"
            _add(out, seen, ctx, a.key, "affiliated_with", b.key, None, a.start, b.end, sent, rule=ROLE_PATTERN)
    if a.type == "Organization" and b.type == "Organization":
        # "Microsoft, OpenAI’s largest investor"
        if p["investor_of"].match(gap) and b.possessive and p["poss_investor"].match(text[b.end:b.end + 40]):
            _add(out, seen, ctx, a.key, "invested_in", b.key, None, a.start, b.end + 20, sent, rule=INVESTOR_PATTERN)
        # "the company and its main investor, Microsoft"
        if p["its_investor"].search(gap):
            _add(out, seen, ctx, b.key, "invested_in", a.key, None, a.start, b.end, sent, rule=INVESTOR_PATTERN)
    if a.type == "Organization" and b.type == "Product" and (
            (a.possessive and (re.match(r"^[’']s?\s+(?:[a-z][\w-]*\s+){0,3}$", gap) or
                               p["poss_called"].match(gap))) or gap == " " or
            p["launch_verb"].match(gap) or (p["behind"].search(gap) and gap.count(",") <= 1) or
            p["maker_of"].match(gap)):
        _add(out, seen, ctx, b.key, "developed_by", a.key, None, a.start, b.end, sent, rule=DEVELOPER_PATTERN)
    # "Y, X's new model"
    appos_poss = gap.strip() == "," and b.possessive and p["poss_product_after"].match(text[b.end:b.end + 60])
    if a.type == "Product" and b.type == "Organization" and (p["made_by"].match(gap) or p["maker_after"].match(gap)
                                                             or appos_poss):
        _add(out, seen, ctx, a.key, "developed_by", b.key, None, a.start, b.end, sent, rule=DEVELOPER_PATTERN)


def _portfolio_only(ctx: DocContext, org: ResolvedMention, role: str) -> bool:
    """Whether a minister's or secretary's title follows a name that is only a portfolio ("Interior", "Health and
    Social Care", "Treasury"), not a body's ("Met Commissioner X", "Equity general secretary X")."""
    title = role.lower().split()
    if not title or title[-1] not in _PORTFOLIO_TITLES or org.possessive:
        return False
    return set(ctx.label(org.key).lower().split()) <= words("portfolio_words.txt")


def _founders(ctx: DocContext, p: dict[str, re.Pattern[str]], out: list[Relation], seen: set[tuple[str, str, str]],
              sent: int, ms: list[ResolvedMention]) -> None:
    """"X co-founded Y with A and B", "Y was founded by A"."""
    stext = ctx.doc.clean
    s = ctx.sentence(sent)
    # every match holds "founded" (letters without other case forms): skip the regex when the substring is absent
    if "found" not in ctx.slower(sent):
        return
    for m in p["founded"].finditer(stext, s.start, s.end):
        verb = m.group("verb").lower()
        role = "co-founder" if verb.startswith("co") else "founder"  # (never "to", the lookbehind's)
        after = [x for x in ms if x.start >= m.end()]
        before = [x for x in ms if x.end <= m.start()]
        passive = _PASSIVE_BEFORE.search(stext[max(s.start, m.start() - 14):m.start()]) and \
            _BY_AFTER.match(stext[m.end():m.end() + 40])
        if passive:
            people = _person_list(stext, [x for x in after if x.type != "Group"])
            org = next((x for x in reversed(before) if x.type == "Organization"), None)
            if org is None and people and _FRONT_FOUNDED.match(stext[s.start:m.end()]):
                # "Founded in 2021 by A (CEO) and B (CTO), Veridian builds ...": the clause's subject follows
                org = next((x for x in after if x.type == "Organization" and x.start > people[-1].end), None)
        elif not verb.endswith("ed"):
            # "A and B left to found Y": the people right before the verb that governs the infinitive
            org = next((x for x in after if x.type == "Organization"), None)
            people = _people_before(stext, before, m.start())
            if not people and org is not None:
                # "X, who served as OpenAI's CTO, left to found Y with A and B": the clause's subject and partners
                subj = ctx.subject(sent, m.start(), ("Person",))
                people = [x for x in before if x.key == subj][:1] if subj else []
                if people and re.match(r"^\s*with\s+", stext[org.end:org.end + 8]):
                    people += _person_list(stext, [x for x in after if x.start > org.end and x.type != "Group"])[:3]
        else:
            subj = ctx.subject(sent, m.start(), ("Person",))
            org_m = next((x for x in after if x.type == "Organization"), None)
            org = org_m
            people = [x for x in ms if x.key == subj][:1] if subj else []
            # "A, B and C co-founded Y": every name of the list that is the verb's subject
            listed = _people_before(stext, before, m.start(), _NEXT_TO_VERB)
            cs = ctx.clause_start(sent, m.start())
            first = next((x for x in ms if x.key == subj and x.start >= cs), None)
            if listed and first is not None and any(cs <= x.start < first.start for x in ms):
                people = listed[-1:]  # "Microsoft hired A, and B founded Y": the name next to the verb, not A
            elif len(listed) > 1 and listed[0].key == subj:
                people = listed  # "A, B and C co-founded Y": the list that opens the clause
            if org_m:
                w = re.match(r"^\s*with\s+", stext[org_m.end:org_m.end + 8])
                if w:
                    people += [x for x in after if x.type == "Person" and x.start > org_m.end][:3]
        if org:
            for person in people:
                _add(out, seen, ctx, person.key, "affiliated_with", org.key, role, min(person.start, org.start),
                     max(person.end, org.end), sent, rule=FOUNDERS)


# lower-case words that may modify a title ("marketing chief") although they end in s
_PLURAL_MODIFIERS = frozenset({"sales", "news", "business", "operations", "communications", "affairs", "relations",
                               "products", "devices", "services", "analytics", "systems", "ads", "payments", "games",
                               "markets", "economics", "ethics", "robotics", "logistics", "graphics", "semiconductors"})
# verbs that are not "-ed" forms, between an organisation and a person ("Google told engineer X")
_NOT_MODIFIERS = frozenset({"told", "met", "sent", "took", "gave", "let", "hit", "cut", "made", "paid", "sought",
                            "brought", "caught", "taught", "fought", "left", "lost", "won", "beat", "chose", "drove",
                            "rose", "fell", "led", "ran", "saw", "spoke", "wrote", "put", "set", "got", "became",
                            "hire", "sue", "fire", "name", "thank", "praise", "quote", "cite", "tell", "ask", "appoint",
                            "promote", "poach", "like", "including", "includes", "include", "via", "versus", "vs"})


def _modified_title(gap: str) -> str | None:
    """The title in "Apple marketing chief X", "OpenAI governance researcher X": capitalised words, role words and
    up to two lower-case modifiers (no verb, no function word), ending in a role; None otherwise."""
    words = gap.split()
    if words and words[0] in ("’s", "'s", "’", "'"):
        words = words[1:]
    lex = lexicon()
    if not 2 <= len(words) <= 6 or words[-1].lower().rstrip("s") not in lex.role_words | {"co-ceo", "boss"}:
        return None
    lower = 0
    for k, w in enumerate(words[:-1]):
        lw = w.lower()
        if w[0].isupper() or lw in lex.role_words or lw in lex.role_modifiers:
            continue
        if lw == "and" and k and words[k - 1].lower() in lex.role_words:
            continue  # "Forbes editor and chief content officer X"
        if lw in lex.stopwords or lw in _NOT_MODIFIERS or lw.endswith("ed") or len(lw) < 3 or \
                not re.fullmatch(r"[a-z][a-z-]+", lw) or (lw.endswith("s") and lw not in _PLURAL_MODIFIERS):
            return None
        lower += 1
    return " ".join(words) if 0 < lower <= 2 else None


def _and_org_role(ctx: DocContext, p: dict[str, re.Pattern[str]], out: list[Relation], seen: set[tuple[str, str, str]],
                  person: ResolvedMention, org: ResolvedMention, nxt: list[ResolvedMention], sent: int) -> None:
    """"X, director of A at B and a former FTC chair": the organisation named inside the apposition's second title."""
    text = ctx.doc.clean
    for o in nxt[:3]:
        gap = text[org.end:o.start]
        if re.search(r"[,;:()\"“”]", gap):
            return  # the apposition ended before this name
        m = p["and_org_role"].search(gap)
        r = p["role_after_org"].match(text[o.end:o.end + 40]) if m else None
        if m and r:
            role = ("former " if m.group("former") else "") + r.group("role").lower()
            _add(out, seen, ctx, person.key, "affiliated_with", o.key, role, person.start, o.end + r.end(), sent,
                 rule=ROLE_PATTERN)
            return


def _people_before(text: str, before: list[ResolvedMention], verb: int,
                   words: re.Pattern[str] = _FEW_WORDS) -> list[ResolvedMention]:
    """The people written right before a verb and up to three words ("A and B left to"), first to last."""
    if not before or before[-1].type != "Person" or not words.match(text[before[-1].end:verb]):
        return []
    people = [before[-1]]
    for x in reversed(before[:-1]):
        if x.type != "Person" or not _LIST_GAP.match(text[x.end:people[0].start]):
            break
        people.insert(0, x)
    return people


def _person_list(text: str, after: list[ResolvedMention]) -> list[ResolvedMention]:
    """The people named in a list right after "founded by": "by former Google researchers A, B and C"."""
    first = next((i for i, x in enumerate(after) if x.type == "Person"), None)
    if first is None:
        return []
    people = [after[first]]
    for x in after[first + 1:]:
        gap = text[people[-1].end:x.start]
        if x.type == "Person" and (_LIST_GAP.match(gap) or _APPOSITION_GAP.match(gap)):
            people.append(x)
        elif not _APPOSITION_GAP.match(gap + ","):
            break  # (a name inside one's apposition, "A, a former Google researcher, and B", is passed over)
    return people[:8]


def _developers(ctx: DocContext, p: dict[str, re.Pattern[str]], out: list[Relation],
                seen: set[tuple[str, str, str]]) -> None:
    """developed_by from the product's own name, the lexicon, or "its AI model X"."""
    lex = lexicon()
    orgs = [e for e in ctx.entities.values() if e.type == "Organization"]
    org_by_fold: dict[str, str] = {}
    for e in orgs:
        for name in (e.label, *e.aliases):
            org_by_fold.setdefault(fold(name), e.key)
    text = ctx.doc.clean
    for e in ctx.entities.values():
        if e.type != "Product" or not e.mentions:
            continue
        first = e.mentions[0]
        sent = ctx.sentence_at(first.start)
        words = e.label.split()
        developer = None
        # "Apple Intelligence", "Humane AI Pin": the maker's name starts the product's
        for k in range(len(words) - 1, 0, -1):
            developer = org_by_fold.get(fold(" ".join(words[:k])))
            if developer:
                break
        if developer is None:
            for name in (e.label, *e.aliases, words[0]):
                known = lex.known.get(fold(name))
                if known and known.type == "Product" and known.developer:
                    developer = org_by_fold.get(fold(known.developer))
                    if developer is None:
                        dev_known = lex.known.get(fold(known.developer))
                        developer = org_by_fold.get(fold(dev_known.label)) if dev_known else None
                    if developer:
                        break
        if developer:
            _add(out, seen, ctx, e.key, "developed_by", developer, None, first.start, first.end, sent,
                 rule=DEVELOPER_CUE)
            continue
        # "its AI model, Claude Mythos", "their GPT-4o model", "Claude, the company's AI model"
        if _by_release(ctx, p, out, seen, e.key, e.mentions):
            continue
        for span in e.mentions:
            si = ctx.sentence_at(span.start)
            s = ctx.sentence(si)
            before = text[max(s.start, span.start - 70):span.start]
            after = text[span.end:min(s.end, span.end + 40)]
            if p["its_product"].search(before) or p["the_company_model"].match(after):
                anchor = span.start if p["its_product"].search(before) else span.end + 3
                dev = ctx.recent(anchor - 1, ("Organization",), max_sentences=2)
                if dev:
                    _add(out, seen, ctx, e.key, "developed_by", dev, None, span.start, span.end, si, rule=DEVELOPER_CUE)
                    break


def _by_release(ctx: DocContext, p: dict[str, re.Pattern[str]], out: list[Relation], seen: set[tuple[str, str, str]],
                key: str, spans: tuple[Span, ...]) -> bool:
    """developed_by from "X launched Y" where X is a pronoun or "the startup" ("The startup also unveiled Y")."""
    text = ctx.doc.clean
    for span in spans:
        si = ctx.sentence_at(span.start)
        s = ctx.sentence(si)
        v = p["verb_before"].search(text, max(s.start, span.start - 60), span.start)
        if not v:
            continue
        # the clause's subject of any type: "Marchand, who covered tech for the FT, launched Y" is not the FT's
        dev = ctx.subject(si, v.start(), ("Organization", "Person"))
        if dev and ctx.type_of(dev) == "Organization":
            _add(out, seen, ctx, key, "developed_by", dev, None, span.start, span.end, si, rule=RELEASE_DEVELOPER)
            return True
    return False
