"""Criticisms from an authority's measures against a party: a regulator, a government or a ministry suspending,
blocking, summoning, fining, ordering, investigating or reviewing it (rules over criticism_legal.LegalIndex, run by
its collector).

By the gold schema a regulator's or a government's fine, order, suspension, ban, block, summons, probe or
investigation is a criticism by that authority of its target; a court is never the critic, and a company blocking or
ordering something is commerce, so every rule here asks that the critic be an authority.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from kg.model import Criticism
from loaders.extract.criticism_found import Known, LegalCollected, is_court
from loaders.extract.lexicon import Folded, lines
from loaders.extract.rules import Trigger, register

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.legal_index import LegalIndex
    from loaders.extract.schema import ResolvedMention

# every rule here runs only on a sentence with a word of TRIGGERS (defined below): its trigger (see rules.Trigger),
# the gate these rules always had; it decides as well as saves time (a headline "watchdog fines X" has none)
_AUTHORITY_WORDS = Trigger(lambda: TRIGGERS)
AUTHORITY_MEASURE = register("criticism.authority_measure.v1", "An authority's measure against a party: 'suspended "
                             "downloads of Y', 'blocked Y', 'summoned Y', 'ordered Y to preserve', 'placed Y under "
                             "scrutiny'", __name__, _AUTHORITY_WORDS)
AUTHORITY_PASSIVE = register("criticism.authority_passive.v1", "'Y was fined €500m by X', 'Y is being investigated "
                             "by X', 'Y faces an investigation by X', 'an inquiry by X into Y'",
                             __name__, _AUTHORITY_WORDS)
AUTHORITY_SANCTION = register("criticism.authority_sanction.v1", "An authority's sanction of a party: 'finalized the "
                              "penalty against Y', 'added Y to its Entity List', 'opened an investigation into Y', "
                              "'is prosecuting Y'", __name__, _AUTHORITY_WORDS)
DEAL_REVIEW = register("criticism.authority_deal_review.v1", "An authority reviewing a deal told before judges both "
                       "of its parties: 'X's relationship with Y …. The Commission said it is looking at the "
                       "partnership'", __name__, _AUTHORITY_WORDS)
COMMERCIAL_SANCTION = register("criticism.commercial_sanction.v1", "A company's sanction of a party: 'terminated Y's "
                               "account', 'ended its business relationship with Y', 'cut ties with Y'",
                               __name__, _AUTHORITY_WORDS)

# "The orders, issued under the FTC's authority, went to A, B and C"
_WENT_TO = Folded(r"\b(?:orders?|subpoenas?|(?:civil\s+)?investigative demands?|warning letters?|letters)\b"
                  r"[^.;]{0,80}?\b(?:went|were sent|were issued|were served|was sent|was issued|was served)\s+to\s+"
                  r"(?:the\s+)?", anchors=("went", "sent", "issued", "served"))
# an authority's measure; the target follows (after at most a short description: "the Chinese app DeepSeek")
_MEASURE = re.compile(
    r"\b(?:suspend(?:s|ed|ing)?\s+(?:the\s+)?(?:new\s+|local\s+|further\s+|all\s+)?(?:downloads?|sales?|operations?|"
    r"use|access|processing|services?|availability|registrations?|rollout|data processing)\s+(?:of|to|by)\s+|"
    r"suspend(?:s|ed|ing)?\s+(?=[A-Z])|"
    r"block(?:s|ed|ing)?\s+(?:access\s+to\s+|the\s+use\s+of\s+|use\s+of\s+)?|"
    r"summon(?:s|ed|ing)?\s+|"
    # "the FTC investigated Zoom over …", "is investigating whether the company broke …": the party investigated
    r"(?:investigat|prob)(?:es|ed|ing)\s+(?:whether\s+)?|"
    r"fin(?:es|ed)\s+(?=the\s|this\s|[A-Z])|"
    # prosecution: "the Justice Department charged X", "announced the arrest of X", "indicted X"
    r"(?:charg(?:es|ed|ing)|indict(?:s|ed|ing)?|arrest(?:s|ed|ing)?)\s+(?=[A-Z])|"
    r"announc(?:es|ed|ing)\s+(?:the\s+)?(?:arrests?|indictments?|charges|prosecution)\s+(?:of|against)\s+|"
    r"impos(?:es|ed|ing)\s+(?:an?\s+)?(?:[\w$€£.,-]+\s+){0,3}?(?:fine|penalty|sanctions?)\s+(?:of\s+[^,;.]{1,40}?\s+)?"
    r"on\s+|"
    r"(?:sought|seeks|seeking|demanded|demands|requested|requests)\s+(?:an?\s+)?(?:explanations?|answers|"
    r"information|clarifications?)\s+from\s+|"
    r"(?:making|made|makes|make)\s+(?:formal\s+)?(?:enquiries|inquiries)\s+(?:with|of|into)\s+|"
    r"raid(?:s|ed|ing)\s+(?:the\s+)?(?:offices?|premises|headquarters)\s+of\s+|"
    r"(?:made|making|make|makes)\s+(?:urgent\s+|formal\s+|immediate\s+)?contact\s+with\s+|"
    r"(?:sent|sends|issued|issues|served|serves)\s+(?:a\s+|an\s+|its\s+)?(?:formal\s+|preliminary\s+|final\s+)?"
    r"(?:statements? of objections|warnings?|requests? for information|information requests?|notices?|"
    r"preliminary findings|enforcement notices?)\s+to\s+|"
    r"(?:open(?:s|ed)?|launch(?:es|ed)?|initiat(?:es|ed)|start(?:s|ed)|beg[au]n)\s+(?:formal\s+|infringement\s+|"
    r"antitrust\s+|non-compliance\s+|legal\s+){0,2}proceedings\s+against\s+)(?:the\s+)?", re.I)
# a penalty paid to settle with an authority, the authority named after it
_SETTLED = re.compile(r"\b(?:agreed|agrees|agreeing|ordered|forced|required)(?:\s+(?:in|on|last|this)\s+\w+)?"
                      r"\s+to\s+pay\s+(?:an?\s+|the\s+)?"
                      r"(?:[\w$€£.,-]+\s+){0,4}?(?:civil\s+|administrative\s+)?(?:penalty|penalties|fines?)\b"
                      r"[^.;]{0,80}?\b(?:with|to|by|from)\s+(?:the\s+)?", re.I)
# "ordered X to preserve …", "placed X under scrutiny": the target stands between the verb and what follows
_ORDER = Folded(r"\border(?:s|ed|ing)?\s+(?:the\s+)?", anchors=("order",))
_ORDER_AFTER = re.compile(r"^(?:[’']s?\s+[\w\s-]{0,30}?)?\s+to\s+[a-z]+|^\s+that\b")
# "told X to stop …": an authority's demand; "warned X that …": its warning
_TOLD = Folded(r"\b(?:told|tells|instructed|instructs|directed|directs|required|requires|warned|warns|asked|asks)\s+"
               r"(?:the\s+)?", anchors=("told", "tells", "instruct", "direct", "require", "warn", "ask"))
_TOLD_AFTER = re.compile(r"^\s+to\s+(?:immediately\s+)?(?:stop|halt|cease|suspend|remove|delete|withdraw|pull|block|"
                         r"explain|justify|comply|hand over|provide|preserve|change|fix|limit|restrict)\b", re.I)
# "told Nvidia it would need a licence to sell …": a requirement laid on the party
_TOLD_MUST = re.compile(r"^(?:\s+on\s+\w+)?\s+(?:that\s+)?(?:it|they)\s+(?:would\s+need|would\s+have\s+to|will\s+need|"
                        r"will\s+have\s+to|must|needed\s+to|had\s+to|has\s+to|have\s+to|could\s+not|cannot|"
                        r"may\s+not)\b", re.I)
# "sent X a formal notice demanding …"
_SENT = Folded(r"\b(?:sent|sends|issued|issues|served|serves|handed)\s+",
               anchors=("sent", "sends", "issue", "serve", "handed"))
_SENT_AFTER = re.compile(r"^\s+(?:a|an|the)\s+(?:formal\s+|legal\s+|final\s+|second\s+|warning\s+)?(?:notice|warning|"
                         r"letter|order|request|demand|summons|subpoena|fine|penalty)s?\b", re.I)
_WARNED = Folded(r"\bwarn(?:ed|s)\s+(?:the\s+)?", anchors=("warn",))
_WARNED_AFTER = re.compile(r"^\s+(?:that|over|about|against)\b", re.I)
_PLACED = Folded(r"\bplac(?:es|ed|ing)\s+", anchors=("plac",))
_PLACED_AFTER = re.compile(r"^\s+under\s+(?:\w+\s+)?(?:scrutiny|investigation|review|surveillance|sanctions)\b", re.I)
_REVIEW = Folded(r"\b(?:is|are|was|were|has been|began|begun|started)\s+(?:also\s+|now\s+|formally\s+)?"
                 r"(?:reviewing|examining|scrutini[sz]ing)\s+", anchors=("reviewing", "examining", "scrutini"))
_DEAL_AFTER = re.compile(r"^[’']s?\s+(?:[\w$.,:-]+\s+){0,6}?(?:purchase|acquisition|takeover|deal|merger|"
                         r"investment|partnership|stake|practices|data collection)\b", re.I)
# "is looking at the partnership", "was examining the deal": an authority reviewing a deal told before, which judges
# both of its parties
_DEAL_REVIEW = Folded(r"\b(?:is|are|was|were|has been|have been|had been|began|begun|started)\s+(?:also\s+|now\s+|"
                      r"formally\s+|already\s+)?(?:looking\s+(?:at|into)|reviewing|examining|scrutini[sz]ing|probing|"
                      r"investigating|studying)\s+(?:the|this|that|their|those|these)\s+(?:[\w-]+\s+)?(?:partnership|"
                      r"partnerships|deal|deals|relationship|tie-up|investment|investments|alliance|arrangement|"
                      r"agreement|stake)\b", anchors=("looking", "reviewing", "examining", "scrutini", "probing",
                                                        "investigating", "studying"))
# the parties of a deal named in a sentence: "X's relationship with Y", "the partnership between X and Y"
_DEAL_BETWEEN = re.compile(r"(?:[’']s?)?\s+(?:[\w$.,-]+\s+){0,3}?(?:relationship|partnership|deal|investment|stake|"
                           r"tie-up|alliance|agreement|arrangement)\s+(?:with|in|into)\s+(?:the\s+)?|"
                           r"\s+and\s+(?:the\s+)?", re.I)
_BETWEEN = re.compile(r"\b(?:partnership|deal|relationship|tie-up|alliance|agreement|arrangement)\s+between\s+$", re.I)
# "Y was fined €500m by X", "Y is being investigated by X": the clause subject is the target
_PASSIVE = re.compile(r"\b(?:was|were|has been|have been|had been|is being|are being|is|are|been|got)\s+"
                      r"(?:\w+ly\s+)?(?:banned|blocked|suspended|fined|summoned|ordered|investigated|probed|charged|"
                      r"penali[sz]ed|sanctioned|subpoenaed|raided|censured|reprimanded|indicted|arrested|prosecuted)\b(?P<mid>[^.;]{0,60}?)\s+by\s+"
                      r"(?:the\s+)?", re.I)
# "faces an investigation by X", "under scrutiny from X", "an inquiry by X into Y"
_PROBE_BY = Folded(r"\b(?:investigations?|probes?|inquiry|inquiries|enquiry|enquiries|examination|scrutiny|"
                   r"review|audit|crackdown)\s+(?:launched\s+|opened\s+|started\s+)?(?:by|from)\s+(?:the\s+)?",
                   anchors=("by", "from"))
_PROBE_INTO = re.compile(r"\s+(?:into|of|against|targeting)\s+(?:the\s+)?", re.I)
_PROBE_FACED = re.compile(r"\b(?:under|faces?|facing|faced|subject of|target of|focus of|hit with|amid|over)\s+"
                          r"(?:an?\s+|the\s+|its\s+|new\s+|fresh\s+|growing\s+|mounting\s+)*(?:[\w-]+\s+){0,3}?$",
                          re.I)
# an organisation that acts with public authority: regulators, governments, ministries, legislatures
_AUTHORITY_LABEL = re.compile(r"\b(?:Commission|Commissioner|Authority|Agency|Administration|Office|Ministry|"
                              r"Department|Government|Regulator\w*|Watchdog|Council|Parliament|Senate|Congress|"
                              r"Bureau|Directorate|Inspectorate|Garante|Autorit\w*|Prosecutor\w*|"
                              r"White House|Downing Street|Kremlin|Pentagon|Cabinet|Treasury|Police|Committee|"
                              r"School District|School Board)\b")
_NOT_AUTHORITY = re.compile(r"\b(?:Investment|Capital|Fund|Holdings?|Ventures?|Partners|Bank|Sovereign)\b")
# well-known regulators named by their short names
_AUTHORITY_NAMES = frozenset({"FTC", "SEC", "CMA", "ICO", "CNIL", "Ofcom", "ANPD", "PIPC", "CAC", "NHTSA", "FCC",
                              "DOJ", "EEOC", "NLRB", "CFPB", "FDA", "EU", "European Union", "Garante", "AGCM",
                              "Bundeskartellamt", "SAMR", "MIIT", "ACCC", "Competition Bureau", "Arcom"})
# "groups urge the FTC to block Meta": a measure an authority is urged to take is the urgers' demand, not its act
_URGED_TO = re.compile(r"\b(?:urg\w*|ask\w*|call\w*\s+(?:on|upon)|press\w*|petition\w*|push\w*|implor\w*|"
                       r"lobb\w*)\s+(?:the\s+)?(?:[\w.&’'-]+\s+){1,6}?to\s+$", re.I)
_ACTORS = ("Person", "Organization")
_TARGETS = ("Organization", "Product", "Person")


def _phrases(name: str) -> str:
    """A lexicon's phrases as one alternation, spaces read as any space."""
    return "|".join(re.escape(x).replace(r"\ ", r"\s+") for x in sorted(lines(name), key=len, reverse=True))


# "finalized the penalty against Y", "imposed a $6 million fine on Y"; lower-case words before the name are its role
# ("against political consultant Y")
_PENALTY = re.compile(r"\b(?:finali[sz](?:es|ed|ing)|impos(?:es|ed|ing)|issu(?:es|ed|ing)|levi(?:es|ed)|levying|"
                      r"propos(?:es|ed|ing)|approv(?:es|ed|ing)|announc(?:es|ed|ing)|upheld|confirm(?:s|ed|ing))\s+"
                      r"(?:an?\s+|the\s+|its\s+)?(?:[\w$€£.,-]+\s+){0,4}?(?:penalty|penalties|fines?|forfeiture|"
                      r"sanctions?)(?:\s+order)?\s+(?:of\s+[^,;.]{1,40}?\s+)?(?:against|on)\s+(?:the\s+)?", re.I)
# "added Y (and its subsidiaries) to its Entity List", "placed Y on a trade blacklist", "added Y to its list of
# companies associated with …"
_LISTED = re.compile(r"\b(?:add(?:s|ed|ing)?|nam(?:es|ed|ing)|plac(?:es|ed|ing)|put(?:s|ting)?|designat(?:es|ed|ing))"
                     r"\s+(?:the\s+)?", re.I)
_LISTED_AFTER = re.compile(r"(?:\s*,[^,;.]{1,100},|\s+and\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+)?\s+(?:to|on|onto)\s+"
                           r"(?:its|the|their|a|an)\s+(?:[\w-]+\s+){0,3}?(?:" + _phrases("restriction_lists.txt") +
                           r"|list\s+of\s+(?:[\w-]+\s+){0,3}?(?:companies|entities|firms|organi[sz]ations))\b", re.I)
# "Also added to the list was Y", "Added to the blacklist were Y and Z": the list told before, the party after it
_ADDED_TO_THE_LIST = re.compile(r"\b(?:[Aa]lso\s+)?(?:[Aa]dded|[Nn]amed)\s+to\s+the\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:list|blacklist|register)\s+(?:on\s+\w+\s+)?(?:was|were)\s+(?:also\s+)?")
# "opened an anti-dumping investigation into Y", "widened an existing probe into Y"
_OPENED = re.compile(r"\b(?:open(?:s|ed|ing)?|launch(?:es|ed|ing)?|start(?:s|ed|ing)?|initiat(?:es|ed|ing)|beg[au]n|"
                     r"widen(?:s|ed|ing)|announc(?:es|ed|ing)|conduct(?:s|ed|ing)|expand(?:s|ed|ing)?)\s+"
                     r"(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:investigations?|probes?|inquiry|inquiries|"
                     r"enquiry|enquiries)\s+(?:into|of|against|targeting)\s+(?:the\s+)?", re.I)
# "is prosecuting Y", "indicted Y", "charged Y with"
_PROSECUTED = re.compile(r"\b(?:prosecut(?:es|ed|ing)|indict(?:s|ed|ing))\s+(?:the\s+)?", re.I)
_CHARGED = re.compile(r"\bcharg(?:e|es|ed|ing)\s+(?:the\s+)?", re.I)
_CHARGED_AFTER = re.compile(r"\s+with\s+(?:[\w-]+\s+){0,3}?(?:counts?|crimes?|fraud|violat\w+|offen[cs]es?|"
                            r"conspiracy|theft|breach\w*|misconduct|illegal\w*|unlawful\w*|conduct|practices|"
                            r"abus\w+|wrongdoing|collusion|manipulation|discrimination|bribery|espionage|smuggling|"
                            r"laundering)\b", re.I)
# "terminated Y's account", "suspended Y's API access"
_REVOKED = re.compile(r"\b(?:terminat(?:es|ed|ing)|suspend(?:s|ed|ing)|ban(?:s|ned|ning)|clos(?:es|ed|ing)|"
                      r"disabl(?:es|ed|ing)|deactivat(?:es|ed|ing)|revok(?:es|ed|ing)|cancel(?:s|led|ed|ling|ing)|"
                      r"delet(?:es|ed|ing)|cut\s+off)\s+(?:the\s+)?", re.I)
_REVOKED_AFTER = re.compile(r"[’']s?\s+(?:[\w-]+\s+){0,2}?(?:" + _phrases("revocable_accesses.txt") + r")\b", re.I)
# "ended its business relationship with Y", "cut ties with Y"
_CUT_TIES = re.compile(r"\b(?:end(?:s|ed|ing)?|terminat(?:es|ed|ing)|cut(?:s|ting)?|sever(?:s|ed|ing)?|"
                       r"suspend(?:s|ed|ing)?)\s+(?:its\s+|their\s+|all\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:" +
                       _phrases("business_ties.txt") + r")\s+with\s+(?:the\s+)?", re.I)
# a law named after its target words ("the Truth in Caller ID Act"): never the target of a sanction
_STATUTE_AFTER = re.compile(r"(?:\s+(?:[A-Z][\w-]*|in|of|on|for|and|the|to)){0,6}\s+(?:Act|Law|Code|Directive|Bill|"
                            r"Regulation|Treaty|Convention)\b")
# a role before the name ("against political consultant Y"), not a preposition that starts a new phrase
_ROLE_WORDS = re.compile(r"(?:(?!(?:of|for|to|in|on|with|by|and|or|that|which|who|whether|its|their)\s)"
                         r"[a-z][\w-]*\s+){1,3}")
# "into several AI firms, including Y, Z and W": the parties a plural description names after it
_INCLUDING = re.compile(r"(?:several|many|multiple|a\s+number\s+of|a\s+group\s+of|a\s+handful\s+of|\w+)\s+"
                        r"(?:[\w-]+\s+){0,3}?(?:companies|firms|startups|developers|makers|platforms|providers|"
                        r"operators|businesses|groups|organi[sz]ations|entities)\s*,?\s+(?:including|such\s+as|"
                        r"among\s+them|namely)\s+")
_THE_FIRM = re.compile(r"the\s+(?:company|firm|startup|start-up|supplier|customer|vendor|client)\b")
_W_SANCTION = frozenset({"charge", "finalized", "finalised", "finalizes", "finalises", "imposed", "issued", "levied",
                         "proposed", "approved", "announced", "upheld", "confirmed", "added", "adds", "named", "placed",
                         "put", "designated", "investigation", "investigations", "probe", "probes", "inquiry",
                         "inquiries", "enquiry", "prosecuting", "prosecuted", "prosecutes", "indicted", "charged"})
_W_COMMERCIAL = frozenset({"terminated", "terminates", "suspended", "suspends", "banned", "closed", "disabled",
                           "deactivated", "revoked", "cancelled", "canceled", "deleted", "cut", "ended", "ends",
                           "severed", "severs"})

# a sentence without one of these words holds no measure
TRIGGERS = frozenset({"suspended", "suspends", "suspend", "suspending", "blocked", "blocks", "block", "blocking",
                      "summoned", "summons", "summon", "imposed", "imposes", "sought", "seeks", "demanded",
                      "requested", "enquiries", "inquiries", "raided", "ordered", "orders", "order", "placed",
                      "reviewing", "examining", "scrutinising", "scrutinizing", "contact", "went", "sent", "issued",
                      "served", "told", "asked", "asks", "instructed", "directed", "required", "warned", "warns",
                      "proceedings", "investigates",
                      "banned", "fined", "investigated", "probed", "charged", "penalised", "penalized", "sanctioned",
                      "subpoenaed", "censured", "reprimanded", "investigation", "investigations", "probe", "probes",
                      "inquiry", "enquiry", "examination", "scrutiny", "review", "audit", "crackdown"}) | \
    _W_SANCTION | _W_COMMERCIAL | {"looking", "probing", "investigating", "studying", "charges", "charging",
                                   "indicted", "indicts", "indict", "indicting", "arrested", "arrests", "arrest",
                                   "arresting", "prosecuted", "pay"}

def is_authority(ctx: DocContext, key: str | None) -> bool:
    """Whether an organisation acts with public authority (a regulator, a government, a ministry)."""
    if key is None or ctx.type_of(key) != "Organization":
        return False
    e = ctx.entities[key]
    if _NOT_AUTHORITY.search(e.label):
        return False  # "Qatar Investment Authority" invests
    return any(_AUTHORITY_LABEL.search(n) or n in _AUTHORITY_NAMES for n in (e.label, *e.aliases))


def recent_authority(ctx: DocContext, sent: int, pos: int, back: int = 2) -> str | None:
    """The authority named last before ``pos``, in this sentence or the ``back`` before ("issued under the FTC's
    authority")."""
    for si in range(sent, max(-1, sent - back - 1), -1):
        for m in reversed(ctx.mentions(si)):
            if m.end <= pos and ctx.is_head(m) and is_authority(ctx, m.key):
                return m.key
    return None


def measures(f: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """An authority suspending, blocking, summoning, fining, ordering, warning or reviewing a party."""
    ctx, text, acc = f.ctx, f.text, LegalCollected(f.ctx, known)
    s = ctx.sentence(sent)
    hits: list[tuple[int, str, int]] = []  # (where the measure starts, its target, where the target ends)
    for m in _MEASURE.finditer(text, s.start, s.end):
        first = f.named_at(sent, m.end()) or f.described_at(sent, m.end())
        hits += [(m.start(), x.key, x.end) for x in f.listed(first, sent)] if first else \
            _described_party(f, sent, m.start(), m.end())
    for pat, after in ((_ORDER, _ORDER_AFTER), (_TOLD, _TOLD_AFTER), (_TOLD, _TOLD_MUST), (_WARNED, _WARNED_AFTER),
                       (_SENT, _SENT_AFTER), (_PLACED, _PLACED_AFTER), (_REVIEW, _DEAL_AFTER)):
        for m in pat.finditer(text, s.start, s.end):
            first = f.named_at(sent, m.end())
            if first is not None and after.match(text[first.end:first.end + 60]):
                hits.append((m.start(), first.key, first.end))
            elif first is None and pat is _TOLD:  # "The agency asked the companies to …"
                hits += [h for h in _described_party(f, sent, m.start(), m.end())
                         if after.match(text[h[2]:h[2] + 60])]
            elif first is None and pat is _PLACED:
                hits += _placed_description(f, sent, m.start(), m.end())
    for m in _SETTLED.finditer(text, s.start, s.end):
        # "X agreed to pay a $1 million civil penalty under a consent decree with the FCC": the authority named
        # after the penalty fined the clause's subject
        payer = f.critic(sent, m.start())
        named = f.named_at(sent, m.end(), 4, ("Organization",))
        if payer is not None and named is not None and is_authority(ctx, named.key):
            acc.add([named.key], [payer], m.start(), named.end, sent, "authority measure", AUTHORITY_MEASURE)
    for m in _WENT_TO.finditer(text, s.start, s.end):
        first = f.named_at(sent, m.end())
        critic = recent_authority(ctx, sent, m.end())
        if first is not None and critic is not None:
            acc.add([critic], [x.key for x in f.listed(first, sent)], m.start(), first.end, sent, "authority measure",
                  AUTHORITY_MEASURE)
    for at, target, end in hits:
        critic = f.critic(sent, at)
        if is_authority(ctx, critic) and not _URGED_TO.search(text, max(s.start, at - 90), at):
            acc.add([critic], [target], at, end, sent, "authority measure", AUTHORITY_MEASURE)
    return acc.out


def deal_reviews(f: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"The European Commission said it is looking at the partnership": an authority reviewing a deal told before
    criticises both of its parties."""
    ctx, text, acc = f.ctx, f.text, LegalCollected(f.ctx, known)
    s = ctx.sentence(sent)
    for m in _DEAL_REVIEW.finditer(text, s.start, s.end):
        critic = f.critic(sent, m.start())
        if not is_authority(ctx, critic):
            continue
        for si in range(sent, max(-1, sent - 4), -1):
            parties = _deal_parties(f, si, m.start() if si == sent else ctx.sentence(si).end)
            if parties:
                acc.add([critic], parties, m.start(), m.end(), sent, "reviewing a deal", DEAL_REVIEW)
                break
    return acc.out


def _deal_parties(f: LegalIndex, sent: int, end: int) -> list[str]:
    """The two organisations of the last deal a sentence names before ``end`` ("X's relationship with Y")."""
    ctx, text = f.ctx, f.text
    orgs = [m for m in ctx.mentions(sent, ctx.sentence(sent).start, end) if ctx.is_head(m) and
            m.type == "Organization" and not is_authority(ctx, m.key)]
    for a, b in reversed(list(pairwise(orgs))):
        gap = text[a.end:b.start]
        if _DEAL_BETWEEN.fullmatch(gap) and (a.possessive or _BETWEEN.search(text, max(0, a.start - 40), a.start)):
            return [a.key, b.key]
    return []


def _described_party(f: LegalIndex, sent: int, start: int, end: int) -> list[tuple[int, str, int]]:
    """"summoned the company", "fined the startup": the party the description at ``end`` refers to."""
    found = f.targets_at(sent, end, [f.critic(sent, start)])
    return [(start, k, found[1]) for k in found[0]] if found else []


def _placed_description(f: LegalIndex, sent: int, start: int, end: int) -> list[tuple[int, str, int]]:
    """"placed the company under scrutiny": the organisation the description refers to."""
    desc = re.match(r"(?:the|this)\s+(?:company|firm|startup|app|service|platform)\b", f.text[end:end + 30])
    critic = f.critic(sent, start) if desc else None
    if desc is None or critic is None or not _PLACED_AFTER.match(f.text[end + desc.end():end + desc.end() + 60]):
        return []
    near = f.ctx.anaphor_targets(end, end + desc.end(), {critic})[:1]
    return [(start, near[0], end + desc.end())] if near else []


def passive_measures(f: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """"Y was fined €500m by X", "Y faces an investigation by X", "an inquiry by X into Y": X an authority."""
    ctx, text, acc = f.ctx, f.text, LegalCollected(f.ctx, known)
    s = ctx.sentence(sent)
    for m in _PASSIVE.finditer(text, s.start, s.end):
        critic = f.named_at(sent, m.end(), 2, _ACTORS)
        target = ctx.subject(sent, m.start(), _TARGETS)
        if critic is not None and target is not None and is_authority(ctx, critic.key):
            acc.add([critic.key], [target], m.start(), critic.end, sent, "authority measure", AUTHORITY_PASSIVE)
    for m in _PROBE_BY.finditer(text, s.start, s.end):
        critic = f.named_at(sent, m.end(), 2, _ACTORS)
        if critic is None or not is_authority(ctx, critic.key):
            continue
        into = _PROBE_INTO.match(text, critic.end)
        named = f.named_at(sent, into.end()) if into else None
        faced = _PROBE_FACED.search(text, ctx.clause_start(sent, m.start()), m.start()) if named is None else None
        target = named.key if named else ctx.subject(sent, faced.start(), _TARGETS) if faced else None
        if target is not None:
            acc.add([critic.key], [target], m.start(), (named or critic).end, sent, "authority measure",
                  AUTHORITY_PASSIVE)
    return acc.out


def _sanctioned(f: LegalIndex, sent: int, pos: int) -> ResolvedMention | None:
    """The party named at ``pos``, after at most a lower-case role ("political consultant Y") or a plural description
    that lists its members ("several AI firms, including Y"), never a law."""
    first = f.named_at(sent, pos)
    role = (_INCLUDING.match(f.text, pos) or _ROLE_WORDS.match(f.text, pos)) if first is None else None
    first = f.named_at(sent, role.end()) if role else first
    if first is None or _STATUTE_AFTER.match(f.text, first.end):
        return None
    return first


def sanctions(f: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """An authority penalising, listing, investigating or prosecuting a party: "finalized the penalty against Y",
    "added Y to its Entity List", "opened an investigation into Y", "is prosecuting Y"."""
    ctx, text, acc = f.ctx, f.text, LegalCollected(f.ctx, known)
    if ctx.words(sent).isdisjoint(_W_SANCTION):
        return []
    s = ctx.sentence(sent)
    hits: list[tuple[int, ResolvedMention]] = []
    for pat, after in ((_PENALTY, None), (_OPENED, None), (_PROSECUTED, None), (_LISTED, _LISTED_AFTER),
                       (_CHARGED, _CHARGED_AFTER)):
        for m in pat.finditer(text, s.start, s.end):
            first = _sanctioned(f, sent, m.end())
            if first is not None and (after is None or after.match(text, first.end)):
                hits.append((m.start(), first))
    for at, first in hits:
        critic = f.critic(sent, at)
        if is_authority(ctx, critic):
            acc.add([critic], [x.key for x in f.listed(first, sent)], at, first.end, sent, "sanction",
                    AUTHORITY_SANCTION)
    for m in _OPENED.finditer(text, s.start, s.end):  # "opened an investigation into the company"
        for at, key, end in _described_party(f, sent, m.start(), m.end()):
            critic = f.critic(sent, at)
            if is_authority(ctx, critic):
                acc.add([critic], [key], at, end, sent, "sanction", AUTHORITY_SANCTION)
    for m in _ADDED_TO_THE_LIST.finditer(text, s.start, s.end):
        # "Also added to the list was Y": the list told before, by the authority that last listed a party
        first = f.named_at(sent, m.end())
        critic = _last_lister(f, acc, sent)
        if first is not None and critic is not None:
            acc.add([critic], [x.key for x in f.listed(first, sent)], m.start(), first.end, sent, "sanction",
                    AUTHORITY_SANCTION)
    return acc.out


def _last_lister(f: LegalIndex, acc: LegalCollected, sent: int) -> str | None:
    """The authority whose listing of a party was found last before ``sent`` (a story tells its list once)."""
    for c in reversed(acc.history):
        if f.ctx.sentence_at(c.source.start) < sent and c.rule == AUTHORITY_SANCTION and \
                _LISTED.match(f.text, c.source.start):
            return c.critic
    return None


def commercial_sanctions(f: LegalIndex, sent: int, known: Known) -> list[Criticism]:
    """A company cutting a party off: "terminated Y's account", "ended its business relationship with the firm"."""
    ctx, text, acc = f.ctx, f.text, LegalCollected(f.ctx, known)
    if ctx.words(sent).isdisjoint(_W_COMMERCIAL):
        return []
    s = ctx.sentence(sent)
    for pat in (_REVOKED, _CUT_TIES):
        for m in pat.finditer(text, s.start, s.end):
            first = f.named_at(sent, m.end(), 2)
            target = first.key if first else None
            if pat is _REVOKED and (first is None or not first.possessive or
                                    not _REVOKED_AFTER.match(text, first.end)):
                continue
            critic = f.critic(sent, m.start())
            if pat is _CUT_TIES and first is None and _THE_FIRM.match(text, m.end() - 4):
                # "ended its relationship with the firm": the organisation named last before in the sentence
                named = [x.key for x in ctx.mentions(sent, s.start, m.start()) if ctx.is_head(x) and
                         x.type == "Organization" and x.key != critic]
                target = named[-1] if named else None
            if target is None or critic is None or ctx.type_of(critic) != "Organization" or \
                    is_court(ctx.label(critic)):
                continue
            acc.add([critic], [target], m.start(), first.end if first else m.end(), sent, "cut off",
                    COMMERCIAL_SANCTION)
    return acc.out
