"""Stage 3: typing rules that read a name as a product — a model code or version, a maker's line, a product cue
word before or after it, the object of a release verb."""

from __future__ import annotations

import re

from loaders.extract.lexicon import Lexicon, fold
from loaders.extract.name_cues import first_name, is_place
from loaders.extract.schema import TypedMention
from loaders.extract.typing_cues import (
    CALLED,
    CALLED_WORDS,
    DET_BEFORE,
    LAUNCHED,
    LAUNCHED_WORDS,
    MADE_BY,
    MEDIA_AFTER,
    MODEL_CODE,
    MODEL_TAIL,
    POSS_NAME,
    PRODUCT_HEADS,
    SITE_WORDS,
    VERSION_WORDS,
    MentionCues,
    ends_with,
    may_hold,
    name_like,
    name_words,
    registered,
    tail_words,
)


@registered("typing.media_name.v1")
def media_name(c: MentionCues) -> TypedMention | None:
    """"the Core Memory podcast": a show's name."""
    if MEDIA_AFTER.match(c.after) and DET_BEFORE.search(c.before):
        return TypedMention(mention=c.m, type="Product", cue="media-name", label=c.surface)
    return None


@registered("typing.versioned.v1")
def versioned(c: MentionCues) -> TypedMention | None:
    """A name with a version after it: a product ("Aurelia Max 2"), or a numbered organisation ("Vision Fund 2",
    "Forza Motorsport developer Turn 10")."""
    if c.ext != c.surface and not c.m.sentence_initial and name_like(c.words[-1:]):
        if c.last in c.lex.org_suffixes or c.cue_org:
            return TypedMention(mention=c.m, type="Organization", cue="numbered-org", label=c.ext)
        if _numbered_word(c):
            return TypedMention(mention=c.m)  # no name: no later cue reads it either
        return TypedMention(mention=c.m, type="Product", cue="version", label=c.ext)
    return None


# currencies written before an amount ("Rs 47 crore", "Rp 300 billion")
_CURRENCY_CODES = frozenset({"Rs", "Rp", "Rs.", "Tk", "Sh", "Ksh", "Dh", "Dhs", "Rf"})


@registered("typing.numbered_word.v1")
def _numbered_word(c: MentionCues) -> bool:
    """A common word or a currency before a number is no product's name ("Article 20", "Level 2", "Season 01",
    "Summer 2025", "Rs 47"): a product's name is a name of its own ("Pixel 9" is in the lexicon)."""
    word, tail = c.surface, c.ext[len(c.surface):].strip()
    if " " in word or not tail.isdigit() or c.product_after(c.after):
        return False  # "Aria v2.5", "the Orbit 2 model": a version or a product cue names a product
    return word in _CURRENCY_CODES or (fold(word) in c.lex.common_words and fold(word) not in c.lex.known)


@registered("typing.maker_product.v1")
@name_words(2)
def maker_product(c: MentionCues) -> TypedMention | None:
    """A known maker and a model code ("Nvidia H100") or a product maker's line ("Google Meet")."""
    words, last, lex = c.words, c.last, c.lex
    maker = lex.known.get(fold(words[0])) if len(words) == 2 else None
    if maker is None:
        return None
    if maker.type == "Organization" and (MODEL_TAIL.match(last) or MODEL_CODE.match(last)):
        return TypedMention(mention=c.m, type="Product", cue="maker-code", label=c.ext)
    if maker.label in lex.product_makers and last not in lex.org_suffixes and last not in lex.generic_caps and \
            last not in SITE_WORDS and not c.m.possessive and fold(last) not in lex.known:
        return TypedMention(mention=c.m, type="Product", cue="maker-line", label=c.ext)
    return None


@registered("typing.model_name.v1")
def model_name(c: MentionCues) -> TypedMention | None:
    """"Rabbit R1" (a name and a model code), "Project X", a model code with a product cue ("GPT-5", "the chip
    H100")."""
    m, words, surface, ext = c.m, c.words, c.surface, c.ext
    if len(words) > 1 and MODEL_TAIL.match(c.last) and name_like(words[:-1]) and not m.sentence_initial:
        return TypedMention(mention=m, type="Product", cue="model-tail", label=ext)
    if words[0] == "Project" and len(words) > 1:
        return TypedMention(mention=m, type="Product", cue="project", label=surface)
    if MODEL_CODE.match(ext.replace(" ", "-") if ext != surface else surface) and (
            "-" in surface or c.product_after(c.after) or c.cue_product or POSS_NAME.search(c.before)):
        return TypedMention(mention=m, type="Product", cue="model-code", label=ext)
    return None


@registered("typing.product_before.v2")
def product_before(c: MentionCues) -> TypedMention | None:
    """A product cue word before the name ("the chatbot X"), or "called" after one ("a chatbot called X")."""
    before = c.before
    called = not c.cue_product and c.glued and may_hold(c.low_before, CALLED_WORDS) and CALLED.search(before) and \
        ends_with(tail_words(CALLED.sub("", before)), c.lex.product_cues, 2)
    if (c.cue_product or called) and not c.m.possessive and not _someones_agent(c) and not _person_after_comma(c):
        return TypedMention(mention=c.m, type="Product", cue="product-before", label=c.ext)
    return None


# a plural product noun and "such as" or "like" before a list of names, the name this one or one after earlier items
# of the list ("apps such as Discord and X", "benchmarks such as X", "people-search sites such as X")
_SUCH_AS = re.compile(r"\b(?P<noun>[a-z]+s)\s+(?:such\s+as|like)\s+"
                      r"(?:(?:[A-Z][\w.'’-]*|[’']s)(?:\s+(?:[A-Z0-9][\w.'’-]*|[’']s))*(?:,\s+|\s+(?:and|or)\s+))*$")
# plural nouns of products that a list after "such as" names (product_cues hold few plurals)
_PRODUCT_PLURALS = frozenset({"apps", "applications", "assistants", "benchmarks", "chatbots", "models", "platforms",
                              "products", "programs", "programmes", "services", "sites", "tools", "websites"})


@registered("typing.product_such_as.v1")
def product_such_as(c: MentionCues) -> TypedMention | None:
    """"apps such as X", "benchmarks such as Discord and X": a name listed after a plural product noun."""
    if c.m.possessive or ("such" not in c.before and "like" not in c.before):
        return None
    found = _SUCH_AS.search(c.before[-80:])
    if found and found.group("noun") in _PRODUCT_PLURALS and c.last not in c.lex.org_suffixes:
        return TypedMention(mention=c.m, type="Product", cue="such-as", label=c.ext)
    return None


# a person's own agent or assistant: "her agent, Bryan Lourd" (not "an AI agent called Devin")
_PERSONS_CUE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:[a-z-]+\s+)?[a-z]+\s*,?\s*$", re.I)


def _person_after_comma(c: MentionCues) -> bool:
    """Whether a personal name follows the cue noun over a comma: the next clause's subject ("about the X drone, Jane
    Roe of the campaign said"), not the product's name."""
    words = c.words
    return len(words) >= 2 and c.before.rstrip().endswith(",") and first_name(words[0], c.lex) and name_like(words)


def _someones_agent(c: MentionCues) -> bool:
    """Whether the cue noun before a personal name is owned by a person ("her agent, X", "his assistant X")."""
    words = c.words
    return 2 <= len(words) <= 3 and first_name(words[0], c.lex) and name_like(words) and \
        _PERSONS_CUE.search(c.before[-40:]) is not None


@registered("typing.made_by.v1")
def made_by(c: MentionCues) -> TypedMention | None:
    """"Y, developed by X": what a maker made."""
    if MADE_BY.match(c.after) and not c.m.possessive and c.last not in c.lex.org_suffixes:
        return TypedMention(mention=c.m, type="Product", cue="made-by", label=c.ext)
    return None


# "the studio behind X", "the startup behind X", "the developer of X": a maker's work; "games such as X": one of a kind
# of product (an organisation is "behind" a product; a publisher "of" a newspaper publishes an organisation)
_WORK_OF = re.compile(r"\b(?:the|its|their)\s+(?:[a-z-]+\s+)?(?:(?:developers?|makers?|creators?|publishers?|"
                      r"studios?|startup|start-up|company|firm|team|lab)\s+behind|(?:developers?|makers?|creators?)\s+of)"
                      r"\s+$", re.I)
_KIND_SUCH_AS = re.compile(r"\b([a-z]+s)\s+(?:such\s+as|like|including)\s+$")


@registered("typing.work_of_maker.v1")
def work_of_maker(c: MentionCues) -> TypedMention | None:
    """"the studio behind X", "the developer of X", "games such as X": a maker's work, a product."""
    if c.m.possessive or c.last in c.lex.org_suffixes:
        return None
    kind = _KIND_SUCH_AS.search(c.before)
    if _WORK_OF.search(c.before) or (kind is not None and kind.group(1)[:-1] in c.lex.product_cues):
        return TypedMention(mention=c.m, type="Product", cue="work-of", label=c.ext)
    return None


@registered("typing.product_head.v1")
@name_words(2)
def product_head(c: MentionCues) -> TypedMention | None:
    """A name ending in a device's or an assistant's head word ("Humane Pin", "Quillbot Assistant")."""
    if c.last in PRODUCT_HEADS and len(c.words) > 1:
        return TypedMention(mention=c.m, type="Product", cue="product-head", label=c.ext)
    return None


@registered("typing.product_after.v1")
def product_after(c: MentionCues) -> TypedMention | None:
    """"X chatbot", "X AI model": a product cue after the name."""
    if not c.m.possessive and not c.m.sentence_initial and c.product_after(c.after):
        return TypedMention(mention=c.m, type="Product", cue="product-after", label=c.ext)
    return None


@registered("typing.launch_object.v1")
def launch_object(c: MentionCues) -> TypedMention | None:
    """"X unveiled Y": the object of a release verb."""
    m, lex = c.m, c.lex
    if c.glued and not m.possessive and not m.sentence_initial and c.last not in lex.org_suffixes and \
            may_hold(c.low_before, LAUNCHED_WORDS) and LAUNCHED.search(c.before) and not first_name(c.words[0], lex):
        return TypedMention(mention=m, type="Product", cue="launch-object", label=c.ext)
    return None


@registered("typing.quoted_product.v1")
def quoted_product(c: MentionCues) -> TypedMention | None:
    """A quoted name with a product cue after its closing quotation mark."""
    m = c.m
    if m.quoted and c.product_after(c.text[m.end + 1:min(c.s.end, m.end + 100)]):
        return TypedMention(mention=m, type="Product", cue="quoted-product", label=c.surface)
    return None


@registered("typing.product_line_tail.v1")
@name_words(2)
def product_line_tail(c: MentionCues) -> TypedMention | None:
    """"Medibot Pro": a product line's word ends the name."""
    words, lex = c.words, c.lex
    if len(words) > 1 and c.last in VERSION_WORDS and name_like(words[:-1]) and \
            not any(w in lex.generic_caps for w in words[:-1]) and not first_name(words[0], lex):
        return TypedMention(mention=c.m, type="Product", cue="product-line-tail", label=c.ext)
    return None


# "Tesla's Megapack", "Stack Overflow’s OverflowAPI": the possessive of a company right before a name
_OWNED_GAP = re.compile(r"^[’']s?\s+$")


def _owner(items: list[TypedMention], k: int, text: str) -> bool:
    """Whether the mention before item ``k`` is an organisation written in the possessive right before it."""
    p = items[k - 1] if k else None
    return p is not None and p.type == "Organization" and p.mention.possessive and \
        _OWNED_GAP.match(text[p.mention.end:items[k].mention.start]) is not None


# what a name before these nouns names is an event, a team or a document, not a product ("Bloomberg's Tech summit",
# "the Superalignment team"); an amount is no name ("Johor's RM2.1 billion")
_NOT_WORK_AFTER = re.compile(r"^\s+(?:summit|conference|event|festival|forum|awards?|prize|team|unit|division|office|"
                             r"department|report|rules|guidelines|policy|act|law|bill|programme|program|fund|"
                             r"billion|million|trillion|bn)\b")
_AMOUNT = re.compile(r"^[A-Z]{0,3}\$?\d")
# a name ending in the noun of a place of business names that business, not a product ("Gordon's Wine Bar")
_VENUE_NOUNS = frozenset({"bar", "pub", "cafe", "café", "restaurant", "hotel", "bakery", "shop", "store", "stores",
                          "market", "club", "gallery", "theatre", "theater", "cinema", "grill", "kitchen", "inn"})
_LINK_WORDS = frozenset({"of", "for", "and", "on", "to", "the", "in"})


def _may_be_work(t: TypedMention, people: set[str], lex: Lexicon, text: str) -> bool:
    """Whether an untyped name may be a made thing: no person's name in the text shares its words ("Nvidia's
    Huang"), it is no place or business ("Gordon's Wine Bar"), no organisation's word is in it ("the SEC's
    Division of Enforcement"), it is no document's title ("arXiv's Code of Conduct"), amount, event or team."""
    m = t.mention
    words = m.text.split()
    return not (set(words) & people) and not is_place(m.text, lex) and not _AMOUNT.match(m.text) and \
        words[-1] not in lex.org_suffixes and fold(words[-1]) not in _VENUE_NOUNS and \
        not any(fold(w) in lex.org_cues or w in _LINK_WORDS for w in words) and \
        not _NOT_WORK_AFTER.match(text[m.end:m.end + 30])


@registered("typing.owned_product.v1")
def owned_products(items: list[TypedMention], text: str, lex: Lexicon) -> None:
    """A name no cue typed, right after a company's possessive ("Anduril's Interceptor", "Tesla's Megapack"): what
    a company owns and is named is mostly its product (its people and places are typed by their own cues)."""
    people = {w for t in items if t.type == "Person" for w in t.mention.text.split()}
    for k, t in enumerate(items):
        if t.type is None and not t.mention.group and _owner(items, k, text) and \
                _may_be_work(t, people, lex, text) and not first_name(t.mention.text.split()[0], lex):
            items[k] = TypedMention(mention=t.mention, type="Product", cue="owned-product", label=t.mention.text)


# "a database called Books3", "an AI companion called Mico", "the project, which they call I-XRAY"
_CALLED_BEFORE = re.compile(r"\b(?:called|named|dubbed|branded|known as|they call|it calls)\s*(?:the\s+)?[\"“‘]?$")
# ("a woman named Erica", "the writer known as Atrios": a person's name)
_PERSON_NAMED = re.compile(r"\b(?:man|woman|boy|girl|child|baby|son|daughter|person|people|user|teen|teenager|student|"
                           r"mother|father|wife|husband|brother|sister|patient|customer|writer|artist|rapper|singer|"
                           r"musician|blogger|poster|account|team|group|channel|company|firm|startup|start-up)"
                           r"s?,?\s+(?:who\s+(?:is|was)\s+|(?:is|was)\s+)?(?:called|named|dubbed|known as)\s*[\"“‘]?$")


@registered("typing.called_product.v1")
def called_products(items: list[TypedMention], text: str, lex: Lexicon) -> None:
    """A name no cue typed, given to a thing ("a database called Books3", "a voice called 'Olivia'"): a person's,
    a place's or an organisation's name is typed by its own cues first."""
    people = {w for t in items if t.type == "Person" for w in t.mention.text.split()}
    for k, t in enumerate(items):
        m = t.mention
        before = text[max(0, m.start - 60):m.start]
        if t.type is None and not m.group and _CALLED_BEFORE.search(before) and not _PERSON_NAMED.search(before) and \
                _may_be_work(t, people, lex, text):
            items[k] = TypedMention(mention=m, type="Product", cue="called-product", label=m.text)
