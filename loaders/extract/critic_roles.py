"""Who speaks: the subject of the clause before a verb (not a preposition's object, not a name that only qualifies
the real subject), a title or a group noun before a name, the names joined to the critic, a spokesperson's
organisation, the other party of an exchange."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from loaders.extract import judgements, spokespeople
from loaders.extract.criticism_targets import ON_BEFORE, PLATFORMS
from loaders.extract.references import BODY_NOUNS, described_subject, refers_back

if TYPE_CHECKING:
    from loaders.extract.criticism_found import Found
    from loaders.extract.criticism_index import CriticIndex
    from loaders.extract.schema import ResolvedMention

_THE_END = re.compile(r"\bthe\s+$", re.I)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative", "representatives", "board",
                     "leadership", "lawyers", "attorneys", "executives", "management"})
# "analysts at Bernstein wrote": a firm's research speaks for the firm
_FIRM_VOICES = frozenset({"analyst", "analysts"})
_OWNER_NOUNS = re.compile(r"^[’']s?\s+(?:company|firm|startup|employer|board|leadership|management|lawyers|"
                          r"attorneys|team|spokesperson|executives)\b", re.I)
_REL_PRONOUN = re.compile(r"(?:,\s*)?(?<![Tt]o )\b(?:who|which)\s+(?:\w+\s+)?$")
_APPOSED = re.compile(r",\s+(?:a|an|the)\s[^,;()“\"]{2,90}$")
# a subordinate or coordinate clause with its own subject: "… after the commission raised concerns", "…, and X said"
_SUBORDINATOR = re.compile(r"(?:\b(?:after|before|when|until|since|although|though|unless|once|whereas|where|because)|"
                           r",\s+(?:and|but))\s+(?:the\s+)?")
_SUBORDINATOR_AS = re.compile(r"(?:\b(?:after|before|when|until|since|although|though|unless|once|whereas|where|"
                              r"because|as)|,\s+(?:and|but))\s+")
# an unnamed common noun phrase as a subject: "some investors ", "many users ", "regulators "
_COMMON_NP = re.compile(r"(?:(?:some|many|several|other|most|few|a few|a|an|the|these|those|two|three|dozens of|"
                        r"hundreds of)\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*(?:ers|ists|ors|ics|ants|ents|ians)|"
                        r"[a-z][\w-]*(?:ers|ists|ors|ics|ants|ents|ians))\s+(?:have\s+|had\s+|also\s+)?")
# "longtime users ", "and some ", "many others ": an unnamed plural subject in lower case after a comma
_UNNAMED_NP = re.compile(r"(?:(?:and|but)\s+)?(?:(?:some|many|several|most|few|others|"
                         r"(?:(?!(?:a|an|the)\s)[a-z][\w-]*\s+){0,2}"
                         r"(?!(?:has|was|is|does|says|its|his|this|thus|as|always|sometimes|perhaps|plus|"
                         r"nevertheless|nonetheless|besides|afterwards|meanwhile)\b)[a-z][\w-]*[a-rtv-z]s)\s+)"
                         r"(?:of\s+them\s+)?(?:have\s+|had\s+|also\s+)?")
# lowercase title words before the subject's name: "…, and technology minister Liz Kendall called …"
_TITLE_WORDS = re.compile(r"(?:(?!(?:that|which|who|whom|whose|it|this|these|those|then)\b)[a-z][\w-]*\s+){0,3}")
_CLAUSE_PUNCT = re.compile(r"[,;:()“\"]")
_LISTED_WITH = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+)(?:the\s+)?")
_PREP_BEFORE = re.compile(r"\b(?:with|against|to|from|into|at|on|for|by|over|about|of|in)\s+(?:the\s+|an?\s+)?$",
                          re.I)
_REPORTED_THAT = re.compile(r"\b(?:reported|reports|wrote|writes|revealed|disclosed|noted|notes|noting)\s+"
                            r"(?:\w+\s+){0,3}?that\s+", re.I)
_AND_THEN = re.compile(r"\band\s+(?:\w+\s+)?$")  # "wrote that … and accused X": the writer's second verb
# "Critics, including Senator X, ...", "The authors — who include X": the named member of a group
_INCLUDING = re.compile(r"[^,;.]{0,40}(?:,\s+(?:including|among them|such as|notably)|\s*[—–(]\s*(?:who|which)\s+"
                        r"include[ds]?|\s*[—–(]\s*(?:including|among them))\s+")
# "its executive director, Paul Grady," / "the engineer Ann Lee": a group noun and the person it introduces
_APPOSED_NAME = re.compile(r"(?:\s+[\w-]+){0,3}\s*,\s*|\s+")
# the words between an organisation and a person it premodifies: a title ("analyst", "'s chief executive")
_TITLE_GAP = re.compile(r"(?:[’']s)?(?:\s+(?!(?:and|or|said|says|with|of|at|to|for|on|by|from)\b)[\w.&-]+){1,6}\s+")
_JOINED_NAME = re.compile(r"\s*,?\s+(?:and|&)\s+(?:the\s+)?|\s*,\s+(?:the\s+)?")
# the second name of "X and Y sued" is followed by the verb (or a short adverbial), not by more of the sentence
_VERB_NEXT = re.compile(r"(?:\s*,?\s+(?:and|&)\s+(?:the\s+)?[A-Z][^,;]{0,40}?)?\s*(?:(?:also|both|first|later|then|"
                        r"now|together|\w+ly|have|has|had|on \w+day|last \w+|this \w+)\s+){0,2}$")
# "Tesla shareholders have sued", "OpenAI and Anthropic researchers decry", "the parents of Adam Raine are suing":
# the name qualifies the unnamed subject
_GROUP_AFTER = re.compile(r"(?:\s+(?:and|&)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?"
                          r"[’']?s?\s+(?:shareholders?|investors?|users?|customers?|employees?|workers?|staff|fans?|"
                          r"critics?|subscribers?|drivers?|residents?|parents|families|post|posts|thread|commenters?|"
                          r"researchers?|engineers?|scientists?|staffers?|insiders?|readers?|viewers?|followers?|"
                          r"posters?)\b")
_KIN_OF = re.compile(r"\s*(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:parents|family|families|relatives|widow|son|daughter|"
                     r"children|friends|fans|supporters|users|customers|shareholders|investors|neighbours|neighbors)\s+"
                     r"of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.I)
# "The authors — who include A, B and C — sued": the members named in a dash parenthesis before the verb
_DASH_MEMBERS = re.compile(r"\s[—–]\s*(?:who|which)\s+include[ds]?\s+([^—–]{3,200}?)\s*[—–]\s*(?:[a-z]+\s+)?$")
# "The Republican chair of the House Committee on China has protested": a person described by a role speaks
_ROLE_OF = re.compile(r"\s*the\s+(?:[\w-]+\s+){0,3}?(?:chair|chairman|chairwoman|head|leader|member|president|director|"
                      r"secretary|minister|spokesperson|spokesman|spokeswoman)\s+of\s+(?:the\s+)?[^,;]{0,80}$", re.I)
# at most a title or two between a quote and its speaker ("“…,” Sen. Warren and Sen. Kim wrote")
_TITLES_ONLY = re.compile(r"^[,.!?]?\s*(?:[A-Z][\w.]*\s+){0,2}$")


def critic_at(ix: CriticIndex, sent: int, pos: int, found: Found) -> str | None:
    """The critic: subject of the clause before ``pos``, spokespeople mapped to their organisation (callers go
    through the index's memo, :meth:`CriticIndex.critic_at`)."""
    ctx, text = ix.ctx, ix.text
    voice = ix.document_voice(sent, pos, found)
    if voice is not None:
        # "the complaint says", "the decision states", "An open letter, organised by A, accused …", "The letter says"
        # (A sent it)
        return voice
    inner = _REPORTED_THAT.search(text, ctx.clause_start(sent, pos), pos)
    if inner is not None and not _AND_THEN.search(text, inner.end(), pos):
        # "Bloomberg reported that the department had sent subpoenas to X": the outlet only reports
        named = [x for x in ctx.mentions(sent, inner.end(), pos) if ctx.is_head(x)]
        if named:
            return actor(ix, named[0].key, sent, named[0].start, found)
        if re.match(r"(?:he|she)\b", text[inner.end():pos], re.I):
            return ctx.person_pronoun(inner.end())  # "she noted that she had criticised …"
        return next(iter(ctx.anaphor_targets(inner.end(), pos, set())), None)
    before = text[ctx.sentence(sent).start:pos]
    # every match holds "who" or "which" (case-sensitive): most clauses have neither, and need no scan
    rel = _REL_PRONOUN.search(before) if "wh" in before else None
    if rel:
        return actor(ix, _relative_subject(ix, sent, pos - len(rel.group(0))), sent, pos, found)
    key, speaking = _clause_subject(ix, sent, pos)
    return actor(ix, key, sent, pos, found) if speaking else None


def _relative_subject(ix: CriticIndex, sent: int, rel_at: int) -> str | None:
    """The antecedent of "who"/"which" at ``rel_at``: "Elena Varga, a researcher at Acme, who has criticised" is the
    person the apposition describes."""
    ctx = ix.ctx
    prev = [m for m in ctx.mentions(sent, None, rel_at + 1) if m.end >= rel_at - 2]
    key = prev[-1].key if prev else None
    person = next((m for m in ctx.mentions(sent, None, rel_at) if m.type == "Person" and
                   _APPOSED.match(ix.text, m.end, rel_at)), None)
    return person.key if person is not None and key != person.key else key


def _clause_subject(ix: CriticIndex, sent: int, pos: int) -> tuple[str | None, bool]:
    """The subject of the clause before ``pos``, and whether it speaks (not when its name only qualifies the real,
    unnamed subject)."""
    ctx = ix.ctx
    key = ctx.subject(sent, pos) or described_subject(ctx, sent, pos, body=True)
    cs = ctx.clause_start(sent, pos)
    heads = [m for m in ctx.mentions(sent, cs, pos) if ctx.is_head(m)]
    if heads and heads[0].key == key and _PREP_BEFORE.search(ix.text, max(cs, heads[0].start - 12), heads[0].start):
        # "with the European Commission": an object of a preposition is not the subject, nor are the names listed
        # with it ("researchers from OpenAI, Anthropic and others")
        key = next((m.key for m in _after_prep_object(ix, heads, cs) if m.type in ("Person", "Organization")), None)
    if _unnamed_subordinate(ix, sent, cs, pos):
        return None, False  # "Apple shares fell, as some investors complained …": the investors, not Apple
    group = _unnamed_after_comma(ix, sent, cs, pos)
    if group is not None:
        return (group or None), bool(group)
    key = _subordinate_subject(ix, sent, cs, pos) or key
    key = _titled_person(ix, sent, key, pos)
    if key is not None and _not_speaking(ix, sent, key, cs, pos):
        return None, False
    if key is None:
        key = next((m.key for m in members(ix, sent, pos)), None)
    return key, True


def _after_prep_object(ix: CriticIndex, heads: list[ResolvedMention], cs: int) -> list[ResolvedMention]:
    """The names after a prepositional object and the names listed with it."""
    out: list[ResolvedMention] = []
    prev = heads[0]
    for m in heads[1:]:
        if _PREP_BEFORE.search(ix.text, max(cs, m.start - 12), m.start) or \
                _LISTED_WITH.fullmatch(ix.text, prev.end, m.start):
            prev = m
            continue
        out.append(m)
    return out


def _subordinate_subject(ix: CriticIndex, sent: int, cs: int, pos: int) -> str | None:
    """The subject of a subordinate clause the verb at ``pos`` is in: "Meta paused its plans after the Irish Data
    Protection Commission raised concerns" — the commission raised them, not Meta."""
    subs = list(_SUBORDINATOR.finditer(ix.text, cs, pos))
    if not subs:
        return None
    sub = subs[-1]
    named = [m for m in ix.ctx.mentions(sent, sub.end(), pos) if ix.ctx.is_head(m)]
    if not named or not _TITLE_WORDS.fullmatch(ix.text, sub.end(), named[0].start) or \
            named[0].type not in ("Person", "Organization", "Group"):
        return None
    # the name must be the clause's subject: only its own words (a title, a possessive) stand before the verb
    gap = ix.text[named[0].end:pos]
    return named[0].key if len(gap.split()) <= 3 and not _CLAUSE_PUNCT.search(gap) else None


def _unnamed_subordinate(ix: CriticIndex, sent: int, cs: int, pos: int) -> bool:
    """Whether the verb at ``pos`` ends a subordinate clause whose subject is an unnamed noun phrase ("…, as some
    investors complained", "after regulators raised concerns"): its speaker is not the main clause's subject."""
    subs = list(_SUBORDINATOR_AS.finditer(ix.text, cs, pos))
    if not subs:
        return False
    gap = ix.text[subs[-1].end():pos]
    return bool(_COMMON_NP.fullmatch(gap)) and not ix.ctx.mentions(sent, subs[-1].end(), pos)


def _unnamed_after_comma(ix: CriticIndex, sent: int, cs: int, pos: int) -> str | None:
    """The group noun (or "" where it is no entity) that the clause's last comma leads to, when that unnamed noun
    phrase is the verb's subject ("On Reddit, TikTok and X, longtime users accused …": the names before the comma
    frame the clause, they do not speak); None where the subject is not such a phrase."""
    comma = ix.text.rfind(",", cs, pos)
    if comma < 0:
        return None
    gap = ix.text[comma + 1:pos].lstrip()
    if not (_COMMON_NP.fullmatch(gap) or _UNNAMED_NP.fullmatch(gap)):
        return None
    named = ix.ctx.mentions(sent, comma, pos)
    if any(m.type != "Group" for m in named):
        return None
    return named[0].key if named else ""


def actor(ix: CriticIndex, key: str | None, sent: int, pos: int, found: Found) -> str | None:
    """Who acts for the entity ``key`` named before ``pos``: a group's named person or the body it stands for, a
    spokesperson's organisation, the organisation behind "Altman’s company"."""
    ctx = ix.ctx
    ent = ctx.entities.get(key) if key is not None else None
    if key is None or ent is None:
        return None
    if ent.type == "Group":
        return _group_actor(ix, key, sent, pos, found)
    # "Altman’s company", "OpenAI’s board": the organisation behind the possessive
    for m in ctx.mentions(sent, None, pos):
        if m.key == key and m.possessive and _OWNER_NOUNS.match(ix.text[m.end:m.end + 30]) and ent.type == "Person":
            orgs = [o for o in ix.allies.get(key, ()) if ctx.type_of(o) == "Organization"]
            return orgs[0] if len(orgs) == 1 else None
    return key


def _group_actor(ix: CriticIndex, key: str, sent: int, pos: int, found: Found) -> str:
    """Who speaks for a group noun: "Its executive director, Paul Grady, said", "the union said" (the union named
    before), "a BBC spokesperson said" (the BBC)."""
    ctx = ix.ctx
    ent = ctx.entities[key]
    person = _apposed_person(ix, key, sent, pos)
    if person is not None:
        return person
    # "the regulator issued orders"; "The union also accused …" where no name ends in "Union": the organisation the
    # sentences before were about
    body = ent.label.lower() in BODY_NOUNS and _definite(ix, key, sent, pos)
    named = refers_back(ctx, ent.label, pos, opening=sent if body else None,
                        types=("Organization",)) if " " not in ent.label else None
    if named is not None:
        return named
    noun = ent.label.split()[-1].lower()
    if ent.affiliation and (noun in _SPOKES or noun in _FIRM_VOICES):
        return ent.affiliation
    if noun in _SPOKES and not ent.affiliation:
        return _spoken_for(ix, pos, found) or key
    return key


def _definite(ix: CriticIndex, key: str, sent: int, pos: int) -> bool:
    """Whether the group noun's mention before ``pos`` is definite ("the union"), one that refers back."""
    m = next((x for x in reversed(ix.ctx.mentions(sent)) if x.key == key and x.start <= pos), None)
    return m is not None and _THE_END.search(ix.text, max(0, m.start - 6), m.start) is not None


def _not_speaking(ix: CriticIndex, sent: int, key: str, cs: int, pos: int) -> bool:
    """Whether the subject name only qualifies the real, unnamed subject: "users on Reddit", "Tesla shareholders",
    "the parents of Adam Raine"."""
    m = next((x for x in ix.ctx.mentions(sent, cs, pos) if x.key == key), None)
    if m is None:
        return False
    if ix.ctx.label(key) in PLATFORMS and ON_BEFORE.search(ix.text, max(cs, m.start - 8), m.start):
        return True
    return bool(_GROUP_AFTER.match(ix.text, m.end) or _KIN_OF.match(ix.text, cs, m.start) or
                _ROLE_OF.match(ix.text, cs, m.start))


def _titled_person(ix: CriticIndex, sent: int, key: str | None, pos: int) -> str | None:
    """"Morgan Stanley analyst Priya Raman", "Meta's vice president Ravi Menon": the person the organisation
    premodifies speaks, not the organisation."""
    ctx = ix.ctx
    if key is None or ctx.type_of(key) != "Organization":
        return key
    ms = ctx.mentions(sent, None, pos)
    org = next((m for m in ms if m.key == key), None)
    if org is None:
        return key
    for m in ms:
        if m.start <= org.start:
            continue
        if m.type == "Person" and ctx.is_head(m) and _TITLE_GAP.fullmatch(ix.text, org.end, m.start):
            return m.key
        if m.type == "Person" or m.start - org.end > 50:
            break
    return key


def co_subjects(ix: CriticIndex, sent: int, critic: str, pos: int) -> list[str]:
    """The names joined to the critic by "and" in the subject before ``pos``."""
    ctx = ix.ctx
    ms = [m for m in ctx.mentions(sent, ctx.clause_start(sent, pos), pos) if ctx.is_head(m)]
    out: list[str] = []
    for a, b in pairwise(ms):
        if a.key in (critic, *out) and b.type in ("Person", "Organization") and b.key != critic and \
                _JOINED_NAME.fullmatch(ix.text, a.end, b.start) and _VERB_NEXT.match(ix.text, b.end, pos):
            out.append(b.key)
    first = ms[0] if ms and ms[0].key == critic else None
    listed = members(ix, sent, pos)
    if first is None and listed and listed[0].key == critic:
        first = listed[0]  # "The authors — who include A, B and C — sued"
    for m in judgements.true_list(ix, first, sent, pos):  # "A, B, C and 14 other authors, in a suit ..., accused"
        if m.key not in out:
            out.append(m.key)
    return out


def listed_with(ix: CriticIndex, sent: int, critic: str, pos: int) -> list[str]:
    """The names listed with the critic before ``pos`` ("three groups, A, B and the C, have filed …"): its own side."""
    ms = [m for m in ix.ctx.mentions(sent, None, pos) if ix.ctx.is_head(m)]
    at = next((i for i, m in enumerate(ms) if m.key == critic), None)
    if at is None:
        return []
    return [m.key for m in _listed(ix, ms[at:]) if m.key != critic]


def co_listed(ix: CriticIndex, sent: int, critic: str, pos: int) -> list[str]:
    """The names of a list that the critic opens and "and" closes ("the Young People's Alliance, Encode and the
    Tech Justice Law Project, have filed …"): they criticise with it."""
    ms = [m for m in ix.ctx.mentions(sent, None, pos) if ix.ctx.is_head(m)]
    at = next((i for i, m in enumerate(ms) if m.key == critic), None)
    if at is None or ms[at].possessive:
        return []
    listed = _listed(ix, ms[at:])
    if not listed or any(m.possessive or m.type not in ("Person", "Organization") for m in listed) or \
            not re.search(r"\b(?:and|&)\s", ix.text[ms[at + len(listed) - 1].end:listed[-1].start]):
        return []
    return [m.key for m in listed if m.key != critic]


def _listed(ix: CriticIndex, ms: list[ResolvedMention]) -> list[ResolvedMention]:
    """The mentions after ``ms[0]`` joined to it by commas or "and", up to the first that is not."""
    out: list[ResolvedMention] = []
    for a, b in pairwise(ms):
        if not _LISTED_WITH.fullmatch(ix.text, a.end, b.start):
            break
        out.append(b)
    return out


def members(ix: CriticIndex, sent: int, pos: int) -> list[ResolvedMention]:
    """The names of a subject's parenthesis just before ``pos``: "The authors — who include A, B and C — sued"."""
    m = _DASH_MEMBERS.search(ix.text, ix.ctx.sentence(sent).start, pos)
    if m is None:
        return []
    return [x for x in ix.ctx.mentions(sent, m.start(1), m.end(1)) if x.type in ("Person", "Organization")]


def _apposed_person(ix: CriticIndex, group: str, sent: int, pos: int) -> str | None:
    """The person a group noun introduces: "its executive director, Paul Grady," / "the engineer, Ann Lee,"."""
    ms = ix.ctx.mentions(sent, None, pos)
    for i, m in enumerate(ms):
        if m.key != group:
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt is not None and nxt.type == "Person" and _APPOSED_NAME.fullmatch(ix.text, m.end, nxt.start):
            return nxt.key
        # "Critics in Washington, including Senator Elizabeth Warren, have accused": the named one speaks
        inc = _INCLUDING.match(ix.text, m.end, pos)
        person = next((x for x in ms[i + 1:] if x.type == "Person" and inc and x.start >= inc.end() and
                       x.start - inc.end() < 25), None) if inc else None
        if person is not None:
            return person.key
    return None


def _spoken_for(ix: CriticIndex, pos: int, found: Found) -> str | None:
    """Whom an unaffiliated spokesperson speaks for: the organisation the sentence before leads in with ("The BBC
    welcomed the decision."), else the organisation criticised last, else the story's."""
    ctx = ix.ctx
    lead = spokespeople.lead_in_org(ix, pos, found)
    if lead is not None:
        return lead
    sent = ctx.sentence_at(pos)
    for f in reversed(found):
        if f.start < pos and sent - f.sent <= 12:
            org = next((t for t in f.targets if ctx.type_of(t) == "Organization"), None)
            if org is not None:
                return org
    return ctx.salient(pos, set(), max_sentences=8)


def co_speakers(ix: CriticIndex, speaker: str, sent: int, qe: int) -> list[str]:
    """The names joined by "and" to the speaker named right after a quote ('“…,” Warren and Kim wrote')."""
    ctx = ix.ctx
    ms = [m for m in ctx.mentions(sent, qe, min(ctx.sentence(sent).end, qe + 80)) if ctx.is_head(m)]
    if len(ms) < 2 or ms[0].key != speaker or not _TITLES_ONLY.match(ix.text[qe:ms[0].start]):
        return []
    b = ms[1]
    joined = re.fullmatch(r"\s+and\s+(?:[A-Z][\w.]*\s+)?", ix.text[ms[0].end:b.start])
    said = ix.p["speech"].match(ix.text, b.end + 1)
    return [b.key] if joined and said and b.type == "Person" and b.key != speaker else []


def addressee(ix: CriticIndex, pos: int, critic: str, found: Found) -> str | None:
    """In an exchange, the other party: who last criticised ``critic``, else the last other person named."""
    for f in reversed(found):
        if critic in f.targets and f.start < pos and ix.ctx.type_of(f.critic) == "Person" \
                and ix.ctx.sentence_at(pos) - f.sent <= 8:
            return f.critic
    return ix.ctx.recent(pos, ("Person",), ix.excluded(critic), max_sentences=6)
