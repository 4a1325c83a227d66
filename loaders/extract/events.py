"""Stage: events — funding rounds, IPO filings, publications, product releases and access expansions, lawsuits."""

from __future__ import annotations

import re

from kg.model import DateRef, Event, Participant
from loaders.extract.context import DocContext
from loaders.extract.lexicon import Folded, caseless
from loaders.extract.rules import register

IPO_FILING = register("event.ipo_filing.v1", "'X filed for an IPO', 'X's planned listing'", __name__)
PUBLICATION = register("event.publication.v1", "A report, paper or blog post and its publisher and authors", __name__)
PRODUCT_RELEASE = register("event.product_release.v1", "'X launched Y', 'Y, released in May'", __name__)
LAWSUIT = register("event.lawsuit.v1", "'X sued Y', 'a lawsuit filed by X against Y'", __name__)

_FUNDING_CUE = re.compile(r"\b(?:rais(?:e|es|ed|ing)|secur(?:e|es|ed|ing)|clos(?:e|es|ed|ing)|land(?:s|ed)?|"
                          r"bag(?:s|ged)|garner(?:s|ed)|complet(?:e|es|ed|ing)|funding|financing|backing|"
                          r"investment|series [a-h]\b|seed round|valuing|valued|valuation)\b", re.I)
_VALUATION_BEFORE = re.compile(r"(?:valu(?:ed|ing|ation)\b[^$€£¥₹]{0,40}?(?:at|of|to)|valuation of|valued at|"
                               r"worth)\s*$", re.I)
_VALUATION_AFTER = re.compile(r"^\s*(?:post-money\s+|pre-money\s+)?valuation", re.I)
_NOT_FUNDING = re.compile(r"(?:price|priced at|cost|costs|revenue|sales|profit|loss|spend|spent|salary|fine|"
                          r"deal worth|acquir\w+|bought|buy|paid|pay|budget|market cap\w*|capex)\s*(?:of\s+)?$", re.I)
_AMOUNT_CONTEXT = re.compile(r"(?:rais\w+|secur\w+|clos\w+|land\w*|bag\w+|garner\w+|backing|funding|financing|"
                             r"investment|round)\b[^.;]{0,40}$", re.I)
_AMOUNT_AFTER = re.compile(r"^\s*(?:in\s+(?:new\s+|fresh\s+)?(?:seed\s+|series\s+[a-h]\s+|venture\s+)?"
                           r"(?:funding|financing|capital|investment)|"
                           r"(?:funding|financing|seed|series)\b)", re.I)
_INVESTOR_CUE = re.compile(r"\b(?:investors?\b[^.]{0,60}?\b(?:include|included|including|such as|are|were)|"
                           r"led by|co-led by|backed by|with participation from|participation of|from investors)\b",
                           re.I)
_LED_ROUND = re.compile(r"\b(?:led|co-led)\s+(?:a|the|an)\s+(?:[\w$.-]+\s+){0,3}(?:funding\s+)?round\b", re.I)
_IPO = re.compile(r"\b(?:fil(?:e|es|ed|ing)|submit(?:s|ted|ting)?)\b[^.;]{0,80}?(?:\bIPO\b|initial public offering|"
                  r"to go public|\bS-1\b|confidential(?:ly)?\s+(?:documents|paperwork|filing|draft)|stock public|"
                  r"listing)", re.I)
_IPO_FUTURE = re.compile(r"\b(?:expected to|plans? to|planning to|will|would|could|may|might|considering|"
                         r"preparing to|set to)\s+$", re.I)
_PUB_NOUN = r"(?:blog\s+post|blog|post|article|paper|report|essay|op-ed|study|letter|memo|research\s+blog\s+post)"
_TITLE = re.compile(rf"\b{_PUB_NOUN}\b[^.]{{0,30}}?\b(?:titled|entitled|called|named)\s*,?\s*[\"“‘]"
                    r"(?P<title>[^\"”’]{3,150}?)"
                    r"[,.]?[\"”’]", re.I)
_TITLE_WORDS = ("titled", "called", "named")  # _TITLE cannot match without one ("entitled" holds "titled")
_PUB_VERB = Folded(rf"\b(?:publish(?:ed|es)?|shar(?:ed|es)|post(?:ed|s)|releas(?:ed|es)|wr(?:ote|ites)|"
                       rf"said|says|stated|argued|explained|noted|warned)\b[^.]{{0,40}}?\b(?:in|on)\s+(?:a|an|its|the|"
                       rf"their)\s+(?:new\s+|recent\s+|official\s+|research\s+)*{_PUB_NOUN}\b|"
                       rf"\b(?:publish(?:ed|es)?|releas(?:ed|es)|post(?:ed|s))\s+(?:a|an|its)\s+(?:new\s+)?{_PUB_NOUN}\b")
_AUTHORS = re.compile(r"\b(?:co-?authored by|written by|authored by|authors?|by)\s+(?P<rest>.*)$", re.I)
_RELEASE = re.compile(r"\b(?:launch(?:ed|es)?|releas(?:ed|es)|unveil(?:ed|s)?|introduc(?:ed|es)|roll(?:ed|s)\s+out|"
                      r"debut(?:ed|s)?|expand(?:ed|s)\s+access\s+to|open(?:ed|s)\s+(?:up\s+)?access\s+to|"
                      r"made\s+available|announc(?:ed|es))\b", re.I)
_SUIT = r"(?:(?:class[- ]action\s+|copyright\s+|antitrust\s+|federal\s+)*(?:lawsuit|suit|complaint)|class[- ]action)"
_SUED = re.compile(rf"\b(?:su(?:ed|es|ing)|(?:filed|files|filing|brought|brings)\s+(?:a\s+|an\s+)?(?:new\s+)?"
                   rf"{_SUIT}\s+against)\b", re.I)
_LAWSUIT_FROM = re.compile(rf"\b{_SUIT}\s+(?:filed\s+|brought\s+)?(?:from|by)\b", re.I)
_AGAINST = re.compile(r"\bagainst\b", re.I)


_FUNDING_WORDS = frozenset([
    "raise", "raises", "raised", "raising", "secure", "secures", "secured", "securing", "close", "closes", "closed",
    "closing", "land", "lands", "landed", "bag", "bags", "bagged", "garner", "garners", "garnered", "complete",
    "completes", "completed", "completing", "funding", "financing", "backing", "investment", "series", "seed",
    "valuing", "valued", "valuation", "round"
])
_PUB_WORDS = frozenset([
    "blog", "post", "article", "paper", "report", "essay", "op-ed", "study", "letter", "memo", "titled", "entitled"
])
_RELEASE_WORDS = frozenset([
    "launch", "launched", "launches", "release", "released", "releases", "unveil", "unveiled", "unveils",
    "introduced", "introduces", "roll", "rolled", "rolls", "debut", "debuted", "debuts", "expand", "expanded",
    "expands", "open", "opened", "opens", "available", "announced", "announces"
])
_LAW_WORDS = frozenset(["sued", "sues", "suing", "lawsuit", "suit", "complaint", "class-action", "action"])
_IPO_WORDS = frozenset(["ipo", "s-1", "public", "listing", "confidential", "confidentially"])


def _date(ctx: DocContext, sent: int) -> DateRef | None:
    return ctx.date(sent)


def _ipo(ctx: DocContext) -> list[Event]:
    events: dict[str, Event] = {}
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if words.isdisjoint(_IPO_WORDS) and "initial public" not in ctx.slower(s.index):
            continue
        st = ctx.stext(s.index)
        for m in _IPO.finditer(st):
            if _IPO_FUTURE.search(st[max(0, m.start() - 25):m.start()]):
                continue
            org = ctx.subject(s.index, s.start + m.start(), ("Organization",))
            if org is None:
                continue
            date = _date(ctx, s.index)
            prev = events.get(org)
            if prev is not None:
                if prev.date is None and date is not None:
                    events[org] = prev.model_copy(update={"date": date})
                continue
            events[org] = Event(key="", type="IPOFiling", label=f"{ctx.label(org)} IPO filing", date=date,
                                participants=(Participant(role="recipient", entity=org),),
                                source=ctx.span(s.start + m.start(), s.start + m.end(), s.index), rule=IPO_FILING)
    return list(events.values())


def _publications(ctx: DocContext) -> list[Event]:
    events: list[Event] = []
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if words.isdisjoint(_PUB_WORDS):
            continue
        st = ctx.stext(s.index)
        low = caseless(st)
        tm = _TITLE.search(st) if low is None or any(map(low.__contains__, _TITLE_WORDS)) else None
        pv = _PUB_VERB.search(st)
        if not tm and not pv:
            continue
        publisher = None
        date = _date(ctx, s.index)
        if pv:
            publisher = ctx.subject(s.index, s.start + pv.start(), ("Organization", "Person"))
        if tm and publisher is None:
            # the publisher and date are often in the sentence before ("On June 4, Anthropic shared ... blog")
            for back in (s.index - 1, s.index - 2):
                if back < 0:
                    break
                bv = _PUB_VERB.search(ctx.stext(back))
                if bv:
                    publisher = ctx.subject(back, ctx.sentence(back).start + bv.start(), ("Organization",))
                    date = date or _date(ctx, back)
                    break
            publisher = publisher or ctx.recent(s.start, ("Organization",))
        authors: list[str] = []
        am = _AUTHORS.search(st[tm.end():] if tm else st[pv.end():] if pv else "")
        if am:
            a_start = s.start + (tm.end() if tm else pv.end() if pv else 0) + am.start("rest")
            authors = [m.key for m in ctx.mentions(s.index, a_start, s.end) if m.type == "Person" and ctx.is_head(m)]
        if publisher is None and not authors:
            continue
        parts: list[Participant] = []
        if publisher:
            parts.append(Participant(role="publisher", entity=publisher))
        parts += [Participant(role="author", entity=k) for k in dict.fromkeys(authors) if k != publisher]
        title = tm.group("title").strip() if tm else None
        span = tm or pv
        label = f"“{title}”" if title else f"{ctx.label(publisher) if publisher else 'Unknown'} publication"
        ev = Event(key="", type="Publication", label=label, date=date, participants=tuple(parts), title=title,
                   source=ctx.span(s.start + span.start(), s.start + span.end(), s.index),  # type: ignore[union-attr]
                   rule=PUBLICATION)
        # one publication per publisher unless titles differ: repeated mentions of "the blog post" merge
        for i, prev in enumerate(events):
            same_pub = prev.participants and parts and prev.participants[0] == parts[0]
            if same_pub and (prev.title is None or title is None or prev.title == title):
                extra = tuple(p for p in ev.participants if p not in prev.participants)
                events[i] = prev.model_copy(update={"title": prev.title or title, "date": prev.date or date,
                                                    "participants": prev.participants + extra,
                                                    "label": label if title and not prev.title else prev.label})
                break
        else:
            events.append(ev)
    return events


def _releases(ctx: DocContext) -> list[Event]:
    events: list[Event] = []
    seen: set[str] = set()
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if words.isdisjoint(_RELEASE_WORDS):
            continue
        st = ctx.stext(s.index)
        for m in _RELEASE.finditer(st):
            products = [x for x in ctx.mentions(s.index, s.start + m.end(), s.end) if x.type == "Product"][:1]
            passive = [x for x in ctx.mentions(s.index, s.start, s.start + m.start()) if x.type == "Product"
                       and re.match(r"^\s*(?:model\s*)?,?\s*$", ctx.doc.clean[x.end:s.start + m.start()])]
            products = products or passive[-1:]
            if not products or products[0].key in seen:
                continue
            product = products[0]
            developer = ctx.subject(s.index, s.start + m.start(), ("Organization",))
            parts = [Participant(role="product", entity=product.key)]
            if developer:
                parts.insert(0, Participant(role="developer", entity=developer))
            if "access" in m.group(0).lower():
                # participants of an access expansion: organisations listed here or in the next sentence
                for si in (s.index, s.index + 1):
                    if si >= len(ctx.doc.sentences):
                        break
                    lst = re.search(r"\b(?:such as|including|includes)\b", ctx.stext(si))
                    if lst:
                        base = ctx.sentence(si).start + lst.end()
                        for x in ctx.mentions(si, base, ctx.sentence(si).end):
                            if x.type == "Organization" and x.key != developer:
                                parts.append(Participant(role="participant", entity=x.key))
            seen.add(product.key)
            # the span covers verb and product in either order ("their GPT-4o model, launched in May")
            events.append(Event(key="", type="ProductRelease", label=f"{ctx.label(product.key)} release",
                                date=_date(ctx, s.index), participants=tuple(dict.fromkeys(parts)),
                                source=ctx.span(min(s.start + m.start(), product.start),
                                                max(s.start + m.end(), product.end), s.index), rule=PRODUCT_RELEASE))
    return events


def _lawsuits(ctx: DocContext) -> list[Event]:
    events: list[Event] = []
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        if words.isdisjoint(_LAW_WORDS):
            continue
        st = ctx.stext(s.index)
        m = _SUED.search(st)
        plaintiff = defendants = None
        if m:
            if re.search(r"\b(?:not|never|n['’]t)\s+$", st[max(0, m.start() - 12):m.start()]):
                continue
            plaintiff = ctx.subject(s.index, s.start + m.start(), ("Organization", "Person", "Group"))
            defendants = [x.key for x in ctx.mentions(s.index, s.start + m.end(), s.end)
                          if x.type in ("Organization", "Person") and ctx.is_head(x)][:3]
            if not defendants:
                defendants = ctx.anaphor_targets(s.start + m.end(), s.end, {plaintiff} if plaintiff else set())
                if re.search(r"\bboth companies\b", st[m.end():]):
                    orgs = []
                    for si in range(s.index, max(-1, s.index - 4), -1):
                        for x in reversed(ctx.mentions(si)):
                            if x.type == "Organization" and x.key not in orgs and x.key != plaintiff:
                                orgs.append(x.key)
                    defendants = orgs[:2]
        else:
            m = _LAWSUIT_FROM.search(st)
            if not m:
                continue
            after = [x for x in ctx.mentions(s.index, s.start + m.end(), s.end) if x.type in ("Person", "Organization")]
            plaintiff = after[0].key if after else None
            # "a lawsuit filed by X against Y": the defendants follow; else they were named before
            against = _AGAINST.search(st, m.end())
            if after and against and against.start() >= after[0].end - s.start:
                defendants = [x.key for x in ctx.mentions(s.index, s.start + against.end(), s.end)
                              if x.type in ("Organization", "Person") and ctx.is_head(x)][:3]
            else:
                defendants = [x.key for x in ctx.mentions(s.index, s.start, s.start + m.start())
                              if x.type == "Organization" and ctx.is_head(x)][:3]
        if not plaintiff or not defendants:
            continue
        parts = [Participant(role="plaintiff", entity=plaintiff)]
        parts += [Participant(role="defendant", entity=d) for d in dict.fromkeys(defendants) if d != plaintiff]
        if len(parts) < 2:
            continue
        events.append(Event(key="", type="Lawsuit", label=f"{ctx.label(plaintiff)} lawsuit", date=_date(ctx, s.index),
                            participants=tuple(parts),
                            source=ctx.span(s.start + m.start(), s.start + m.end(), s.index), rule=LAWSUIT))
    return events


def extract_events(ctx: DocContext, funding: list[Event]) -> list[Event]:
    """All events of the document (``funding``: the funding stage's rounds), with local keys ev1, ev2, ..."""
    events = funding + _ipo(ctx) + _publications(ctx) + _releases(ctx) + _lawsuits(ctx)
    return [ev.model_copy(update={"key": f"ev{i + 1}"}) for i, ev in enumerate(events)]
