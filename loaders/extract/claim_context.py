"""Claims whose speaker is not named in their own clause: "the article / the blog post warns that …" (its
publisher speaks) and figures that go on after an attributed sentence ("For example: - The amount of code …")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from loaders.extract.attribution import Attribution, quotes
from loaders.extract.lexicon import alternation, lexicon
from loaders.extract.quantities import parse_quantities
from loaders.extract.references import refers_back
from loaders.extract.rules import register

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.criticism_index import CriticIndex
    from loaders.extract.schema import ResolvedMention

DOCUMENT_STATEMENT = register("claim.document_statement.v1", "What a publication states, credited to its publisher "
                              "('the blog post warns that …', 'the article highlights …')", __name__)
CONTINUED_FIGURES = register("claim.continued_figures.v1", "Figures in the sentences or list items right after an "
                             "attributed statement, credited to its speaker", __name__)

DOCUMENT_WORDS = frozenset({"article", "blog", "post", "paper", "report", "study", "essay", "analysis", "research",
                            "survey", "data", "poll", "audit"})
_PREPOSITION_BEFORE = re.compile(r"\b(?:in|on|at|from|via|through|into|with)\s*$", re.I)
_LIST_ITEM = re.compile(r"\s*(?:[-–—•*]|\d+[.)])\s+")
_MAX_CHAIN = 4  # sentences or list items a speaker's figures may go on for
_MARKET = re.compile(r"\b(?:shares|stock|stocks|market value|market capitali[sz]ation)\b", re.I)
_INTRO = re.compile(r"(?:for example|for instance|such as|including|these include|among them)?\s*:\s*$", re.I)
# a sentence told in the past ("The bot handled questions in 35 languages", "Previous models had not solved 2% …") is
# the journalist narrating; a speaker's figures that go on are states, trends and forecasts ("has doubled", "is now")
_PAST_VERB = re.compile(r"\b(?:had|[a-z]{3,}ed)\b")
_NOT_NARRATED = re.compile(r"\b(?:is|are|am|was|were|has|have|will|would|can|could|may|might|should|must|shall|now|"
                           r"currently|today|been|being)\b", re.I)


@lru_cache(maxsize=1)
def _document_subject() -> re.Pattern[str]:
    """'the (new) blog post (also) warns (that)': a publication as the subject of a verb of saying."""
    speech = alternation(lexicon().speech_verbs | {"highlights", "shows", "finds", "found", "showed"})
    return re.compile(rf"\b(?:the|this|its|their|a)\s+(?:new\s+|latest\s+|recent\s+)?(?:blog\s+post|blog|post|"
                      rf"article|paper|report|study|essay|analysis|research)\s+(?:also\s+|further\s+)?"
                      rf"(?P<verb>{speech})\b(?:\s+that)?\s+", re.I)


@lru_cache(maxsize=1)
def _authored_subject() -> re.Pattern[str]:
    """'A (new) report by X (, published on Monday,) found (that)', 'Data from X shows': a publication and its
    author as the subject of a verb of saying or finding."""
    speech = alternation(lexicon().speech_verbs | {"shows", "finds", "found", "showed"})
    return re.compile(rf"\b(?:(?:the|this|a|an|its|their)\s+)?(?:new\s+|latest\s+|recent\s+|annual\s+)?(?:report|"
                      rf"study|survey|analysis|paper|research|data|poll|audit)\s+(?:published\s+|released\s+|"
                      rf"conducted\s+)?(?:by|from)\s+(?P<who>[^,]{{2,60}}?)(?:,[^,]{{1,60}},)?\s+(?:also\s+)?"
                      rf"(?P<verb>{speech})\b(?:\s+that)?\s+", re.I)


def _authored_attributions(ctx: DocContext, sent: int) -> Iterator[Attribution]:
    """'A report by McKinsey found that …': what the publication states, spoken by its named author."""
    s, text = ctx.sentence(sent), ctx.doc.clean
    for m in _authored_subject().finditer(text, s.start, s.end):
        who = next(iter(ctx.mentions(sent, m.start("who"), m.end("who"))), None)
        if who is None or who.type not in ("Person", "Organization") or \
                not re.fullmatch(r"(?:the\s+)?", text[m.start("who"):who.start], re.I) or \
                m.group("verb").lower().endswith("ing") or m.end() >= s.end - 3:
            continue
        yield Attribution(who.key, "reported", m.end(), s.end, sent, sent, m.group("verb"), text[m.end():s.end])


def publisher(ctx: DocContext, finder: CriticIndex, pos: int) -> str | None:
    """The organisation behind "the article" / "the blog post": the one publisher of the document's publications,
    else the organisation the text around ``pos`` is most about."""
    pubs = {k for k in finder.publications if ctx.type_of(k) == "Organization"}
    if len(pubs) == 1:
        return next(iter(pubs))
    return ctx.salient(pos, set(), max_sentences=10)


def document_attributions(ctx: DocContext, finder: CriticIndex, sent: int) -> Iterator[Attribution]:
    """'The article warns that …': the statement, spoken by the publication's publisher; 'a report by X found
    that …': spoken by X."""
    s = ctx.sentence(sent)
    text = ctx.doc.clean
    authored = list(_authored_attributions(ctx, sent))
    yield from authored
    if authored:
        return
    for m in _document_subject().finditer(text, s.start, s.end):
        if m.group("verb").lower().endswith("ing") or _PREPOSITION_BEFORE.search(text, max(s.start, m.start() - 12),
                                                                                  m.start()):
            continue  # "in a post announcing the venture, X said", "In a blog post on Friday, X said": the
            # publication is where someone speaks, not the speaker
        if ctx.mentions(sent, s.start, m.start()) and ctx.subject(sent, m.start(), ("Person", "Organization")):
            continue  # "X said the report shows …": X speaks
        speaker = publisher(ctx, finder, m.start())
        if speaker is not None and m.end() < s.end - 3:
            yield Attribution(speaker, "reported", m.end(), s.end, sent, sent, m.group(0), text[m.end():s.end])


def _introduced_by(ctx: DocContext, i: int) -> int:
    """The sentence a list item goes on from: the previous one, or the one before a short "For example:"."""
    if i >= 2 and _INTRO.fullmatch(ctx.stext(i - 1).strip()):
        return i - 2
    return i - 1


def continued_figures(ctx: DocContext, spoken: dict[int, str], speech: frozenset[str]) -> Iterator[Attribution]:
    """Sentences with figures and no speaker of their own right after a sentence whose speaker is known (the same
    paragraph, or the items of a list the attributed sentence introduces)."""
    text = ctx.doc.clean
    chain: dict[int, int] = {}
    for s, words in zip(ctx.doc.sentences, ctx.word_sets, strict=True):
        i = s.index
        if i == 0 or i in spoken or s.heading:
            continue
        item = _LIST_ITEM.match(text, s.start) is not None
        before = _introduced_by(ctx, i) if item else i - 1
        if before not in spoken or chain.get(before, 0) >= _MAX_CHAIN:
            continue
        if ctx.sentence(before).paragraph != s.paragraph and not item:
            continue
        if not words.isdisjoint(speech) or "according" in words or next(quotes(text, s.start, s.end), None):
            continue  # its own attribution, if any, speaks
        if _MARKET.search(text, s.start, s.end):
            continue  # "the company's shares have lost 95%": the market, as the journalist reports it
        speaker = spoken[before]
        if any(m.type == "Person" and m.key != speaker for m in ctx.mentions(i)):
            continue  # another person in the sentence may well be its source
        if not parse_quantities(ctx.stext(i)):
            continue
        spoken[i], chain[i] = speaker, chain.get(before, 0) + 1
        start = _LIST_ITEM.match(text, s.start).end() if item else s.start  # type: ignore[union-attr]
        yield Attribution(speaker, "reported", start, s.end, i, i, None, text[start:s.end])


_ACCORDING = re.compile(r"\baccording to\s+(?:the\s+)?", re.I)
_COMPANY_WORD = re.compile(r"(?:company|firm|startup)\b(?![’'-])", re.I)
# "according to its website", "according to the company's filing": the company's own publication
_ITS_SOURCE = re.compile(r"(?:its|(?:company|firm|startup)[’']s)\s+(?:own\s+|latest\s+|annual\s+|quarterly\s+|"
                         r"regulatory\s+)*(?:website|statement|filings?|report|data|figures|estimates?|blog(?:\s+post)?|"
                         r"earnings|results|prospectus|disclosures?|accounts)\b", re.I)
_OWN_PUBLICATION = re.compile(r"(?:blog\s+)?(?:post|statement)\b(?![’'-])", re.I)
# "its founder and CEO, ", "the company's head of research ": a role before the person's name
_ROLE_BEFORE = re.compile(r"(?:(?:its|their|his|her|the\s+company[’']s)\s+)?(?:(?:[a-z][\w-]*|[A-Z]{2,4})\s+){0,5}?"
                          r"(?:[a-z][\w-]*|[A-Z]{2,4}),?\s+")
_CLAUSE_JOIN = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+")
# what may follow "<content>, according to X": the end of the sentence, another clause joined on ("…, and …"), or
# details after a colon (", the MTA's billboard agency: some 11,000 ads …")
_SOURCE_END = re.compile(r"[^,:]{0,40}(?:,\s+(?:a|an|the)\s[^,:;]{0,60})?(?:[.!]?\s*|,\s+(?:and|but|while|whereas)\s.*|"
                         r":\s.*)", re.S)
# "according to the regulator.", "according to the union, …": a singular description standing for a party
_DESCRIBED_SOURCE = re.compile(r"(?:same\s+)?([a-z]{3,}(?<!s))(?=\s*(?:[,.;!]|$))")
_DOCUMENT_BEFORE = re.compile(r"\b(?:memo|letter|filing|complaint|document|email|report|post|statement)\b", re.I)
# "messages seen by X": X relays the source, it is none
_RELAYED_BY = re.compile(r"\b(?:seen|cited|reviewed|obtained|quoted|viewed|shared|reported)\s+by\s+$", re.I)
# the words describing a name: "co-founder", "analytics firm", "Koko co-founder" (ending in a lower-case noun, no comma)
_DESCRIPTION = re.compile(r"(?:[\w-]+\s+){0,2}(?:[a-z][\w-]*|C[EFTO]O)\s+")


def _role_named(ctx: DocContext, names: list[ResolvedMention], start: int) -> ResolvedMention | None:
    """The person or organisation named after a description of it that opens the source ("analytics firm
    Similarweb", "Koko co-founder Rob Morris": the person, not the organisation whose role it holds)."""
    first = names[0]
    text = ctx.doc.clean
    if first.start > start and (not _DESCRIPTION.fullmatch(text, start, first.start) or
                                _RELAYED_BY.search(text, start, first.start)):
        return None  # ("according to messages seen by X": X only saw them)
    if len(names) > 1 and names[1].type in ("Person", "Organization") and \
            text[first.end:first.end + 1] == " " and _DESCRIPTION.fullmatch(text, first.end + 1, names[1].start):
        return names[1]  # (also "local NBC affiliate KARE 11": the affiliate)
    return first if first.start > start and first.type in ("Person", "Organization") else None


def _described_source(ctx: DocContext, noun: str, pos: int) -> str | None:
    """The party "the <noun>" stands for before ``pos`` (the regulator, the union), or None for a publication."""
    if noun in DOCUMENT_WORDS:
        return None
    return refers_back(ctx, noun, pos, kinds=True, any_noun=True)


def according_attributions(ctx: DocContext, finder: CriticIndex, sent: int,
                           company: Callable[[int], str | None]) -> Iterator[Attribution]:
    """'According to X, …' and '…, according to X.' with X a named person or organisation, or "the company"
    (``company``: the organisation it refers to at a position); the attribution stage passes over an 'according to'
    whose content holds a verb of saying: here the content is taken as it is."""
    s = ctx.sentence(sent)
    text = ctx.doc.clean
    m = _ACCORDING.search(text, s.start, s.end)
    if m is None:
        return
    names = [x for x in ctx.mentions(sent, m.end(), s.end) if ctx.is_head(x)]
    described = (_COMPANY_WORD.match(text, m.end()) if m.group(0).rstrip().lower().endswith(" the") else None) or \
        _ITS_SOURCE.match(text, m.end())
    post = _OWN_PUBLICATION.match(text, m.end()) if m.group(0).rstrip().lower().endswith(" the") else None
    noun = _DESCRIBED_SOURCE.match(text, m.end()) if m.group(0).rstrip().lower().endswith(" the") else None
    if described is not None:
        speaker, name_end = company(m.start()), described.end()  # "according to the company, …"
    elif post is not None:
        speaker, name_end = publisher(ctx, finder, m.start()), post.end()  # "according to the blog post, …"
    elif names and (person := _role_named(ctx, names, m.end())) is not None:
        # "according to Koko co-founder Rob Morris", "according to analytics firm Similarweb": the one named after
        # the words that describe it
        speaker, name_end = finder.actor(person.key, sent, person.start), person.end
    elif names and ((names[0].start == m.end() and names[0].type in ("Person", "Organization")) or
                    (names[0].type == "Person" and _ROLE_BEFORE.fullmatch(text, m.end(), names[0].start) and
                     _DOCUMENT_BEFORE.search(text, m.end(), names[0].start) is None)):
        # (the second: "according to its founder and CEO, Ana Ruiz"; not "according to the memo, Zoph told …")
        speaker, name_end = finder.actor(names[0].key, sent, names[0].start), names[0].end
    elif noun is not None and (not names or names[0].start >= noun.end() or names[0].type == "Group"):
        speaker, name_end = _described_source(ctx, noun.group(1), m.start()), noun.end()  # "according to the regulator"
    else:
        return
    if speaker is None:
        return
    if text[s.start:m.start()].strip() == "":  # "According to X, <content>"
        comma = text.find(",", name_end, s.end)
        if comma > 0 and comma - name_end < 60:
            yield Attribution(speaker, "according", comma + 1, s.end, sent, sent, "according to",
                              text[comma + 1:s.end])
    elif _SOURCE_END.fullmatch(text, name_end, s.end) and re.search(r",\s*$", text[s.start:m.start()]):
        # "<content>, according to X.": the clause nearest to the source ("A faced objections, and B used 21%,
        # according to X": X is the source of B's figure)
        start = max((j.end() for j in _CLAUSE_JOIN.finditer(text, s.start, m.start())), default=s.start)
        yield Attribution(speaker, "according", start, m.start(), sent, sent, "according to", text[start:m.start()])


def narrated(content: str) -> bool:
    """Whether a sentence after an attributed one is told in the past, with no present, perfect or modal verb: the
    journalist's narration of events ("That round valued the company at $5 billion"), not the speaker's figures."""
    return _PAST_VERB.search(content) is not None and _NOT_NARRATED.search(content) is None
