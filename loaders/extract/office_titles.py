"""Stage helper: affiliated_with relations from a bare title of office before a name ("Information Commissioner X",
"Superintendent X", "Attorney General X") when the text names the one body that title sits in: the organisation
whose name holds the title's body word ("Information Commissioner's Office", "Los Angeles Unified School District",
"Office of the Attorney General"). A title with an organisation of its own ("FTC Commissioner X") is read by
relations.py."""

from __future__ import annotations

import re

from kg.model import Entity
from loaders.extract.context import DocContext
from loaders.extract.rules import register
from loaders.extract.schema import AddAffiliation, ResolvedMention

OFFICE_TITLE = register("relation.office_title.v1", "'Information Commissioner X', 'Superintendent X', 'Attorney "
                        "General X': a bare title before a name, in the one body of the text whose name holds the "
                        "title's body word",
                        __name__)

# a title of office and the words of the names of the bodies it sits in (a judge or a mayor is left out: the text
# often names another court or city than theirs; so is a senator: the chamber is seldom taken for an employer)
_BODIES = {"commissioner": (r"\bcommissioner\b", r"\bcommission\b"), "attorney general": (r"\battorney general\b",),
           "superintendent": (r"\bdistrict\b", r"\bschools\b"),
           "tribunal member": (r"\btribunal\b",), "council member": (r"\bcouncil\b",),
           "councilmember": (r"\bcouncil\b",)}
# up to three capitalised qualifiers ("Deputy Data Commissioner"), the title, an honorific, then the name
_TITLE = re.compile(r"(?<![\w’'-])(?P<qual>(?:[A-Z][\w-]*\s+){0,3}?)(?P<title>(?i:" +
                    "|".join(t.replace(" ", r"\s+") for t in _BODIES) + r"))\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?$")
_QUALIFIER_STOP = frozenset({"the", "a", "an", "former", "then", "interim", "acting", "deputy", "assistant", "chief",
                             "senior", "state", "us", "u.s.", "federal"})


def office_title_affiliations(ctx: DocContext, add: AddAffiliation) -> None:
    """Add the affiliations of people named after a bare title of office whose body the text names once."""
    text = ctx.doc.clean
    orgs = [e for e in ctx.entities.values() if e.type == "Organization"]
    if not orgs:
        return
    for sent, all_ms in ctx.by_sentence.items():
        ms = [m for m in all_ms if m.type != "Group"]
        lo_sent = ctx.sentence(sent).start
        for i, m in enumerate(ms):
            if m.type != "Person":
                continue
            lo = max(lo_sent, ms[i - 1].end if i else lo_sent, m.start - 60)
            r = _TITLE.search(text, lo, m.start)
            if r is None:
                continue
            org = _body(ctx, orgs, r, m)
            if org:
                add(m.key, org, (r.group("qual") + r.group("title")).strip(), r.start(), m.end, sent, OFFICE_TITLE)


def _body(ctx: DocContext, orgs: list[Entity], r: re.Match[str], m: ResolvedMention) -> str | None:
    """The one organisation of the text the title sits in (its qualifiers, "Information" or "Data", in the name
    first); None when the text names none or several such."""
    words = _BODIES[re.sub(r"\s+", " ", r.group("title").lower())]
    found = [e for e in orgs if any(re.search(w, e.label.lower()) for w in words)]
    quals = [q for q in r.group("qual").lower().split() if q not in _QUALIFIER_STOP]
    if quals:
        named = [e for e in found if all(re.search(rf"\b{re.escape(q)}\b", e.label.lower()) for q in quals)]
        found = named or ([] if _is_place_or_org(ctx, r, m) else found)
    return found[0].key if len(found) == 1 else None


def _is_place_or_org(ctx: DocContext, r: re.Match[str], m: ResolvedMention) -> bool:
    """Whether a mention of the text stands among the title's qualifiers ("Kentucky Attorney General X")."""
    return any(x.start >= r.start("qual") and x.end <= r.end("qual") for x in ctx.mentions(ctx.sentence_at(m.start))
               if x.key != m.key)
