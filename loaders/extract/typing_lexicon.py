"""Stage 3: typing from the lexicons — a well-known name, a known product with a version or a maker before it, and
the mentions the lexicons say name no actor (generic words, demonyms, a sentence's first common word)."""

from __future__ import annotations

import re

from loaders.extract.lexicon import Lexicon, fold
from loaders.extract.name_cues import LAW_AFTER, STRONG_ORG_SUFFIXES
from loaders.extract.schema import TypedMention
from loaders.extract.typing_cues import LEGAL_FORMS, MODEL_CODE, POSS_NAME, MentionCues, registered

# words that end a firm's name as its legal suffixes do ("Galaxy Digital", "Acme Group")
_FIRM_WORDS = frozenset({"Digital", "Group", "Company", "Corporation", "Foundation", "Investments", "Bank"})


def _fuller(c: MentionCues, written: str, label: str) -> bool:
    """Whether a written alias is a fuller name than the lexicon label: "Samsung Electronics" (an org suffix
    after the name) or "GitHub Copilot" (a known maker before a product)."""
    words, lwords = written.split(), label.split()
    if len(words) <= len(lwords) or fold(written) == fold(label):
        return False
    if words[-1] in c.lex.org_suffixes and words[-1] not in LEGAL_FORMS and words[:len(lwords)] == lwords:
        return True
    maker = c.lex.known.get(fold(words[0]))
    return maker is not None and maker.type == "Organization" and fold(" ".join(words[1:])) == fold(label)


def _known_name(c: MentionCues) -> TypedMention | None:
    """The lexicon's reading of the name as written with its version, or without it."""
    m, surface, ext = c.m, c.surface, c.ext
    for cand in (ext, surface):
        k = c.lex.known.get(fold(cand))
        if k:
            if cand != ext and k.type == "Product":
                return TypedMention(mention=m, type="Product", cue="product-line", label=ext)
            if k.type == "Organization" and ext != surface and ext[len(surface):].strip().isdigit():
                return TypedMention(mention=m)  # "Fortune 500", "Russell 2000": a ranking, not the publisher
            label = cand if _fuller(c, cand, k.label) else k.label
            if "'" in label and cand.replace("’", "'") == label:
                label = cand  # "Adam D’Angelo" as written: a scorer drops "’" but reads "'" as a space
            return TypedMention(mention=m, type=k.type, cue="lexicon", label=label)  # type: ignore[arg-type]
    return None


def _known_product(c: MentionCues) -> TypedMention | None:
    """A known product written in the plural, with "AI", with more words, or after its maker."""
    m, lex, words, surface, ext = c.m, c.lex, c.words, c.surface, c.ext
    if surface.endswith("s") and (k := lex.known.get(fold(surface[:-1]))) and k.type == "Product":
        return TypedMention(mention=m, type="Product", cue="lexicon-plural", label=k.label)
    if len(words) > 1 and words[-1] == "AI" and (k := lex.known.get(fold(" ".join(words[:-1])))) \
            and k.type == "Product":
        return TypedMention(mention=m, type="Product", cue="lexicon", label=k.label)
    # a known product followed by more name or version words is a product too ("Claude Opus 3")
    head = lex.known.get(fold(words[0]))
    if head and head.type == "Product" and (len(words) > 1 or ext != surface) and \
            not (len(words) > 2 and words[1] in {"of", "for", "on"}) and \
            not (len(words) > 1 and (words[-1] in STRONG_ORG_SUFFIXES or words[-1] in LEGAL_FORMS or
                                     words[-1] in _FIRM_WORDS)):
        # ("Office of the Privacy Commissioner"; "Starship Technologies", "Galaxy Digital": a firm's name that starts
        # with a known product's word is the firm's)
        return TypedMention(mention=m, type="Product", cue="product-line", label=ext)
    if head and head.type == "Organization" and len(words) > 1 and not MODEL_CODE.match(words[-1]) and \
            (k := lex.known.get(fold(ext[len(words[0]):]))) and k.type == "Product" and \
            (k.developer is None or fold(k.developer) == fold(head.label)):
        # "Google Gemini", "Anthropic Claude": the maker before its own known product names that product (a model
        # code keeps the maker in the label: "Nvidia H100")
        return TypedMention(mention=m, type="Product", cue="lexicon", label=k.label)
    return None


@registered("typing.known.v1")
def known(c: MentionCues) -> TypedMention | None:
    """A name the lexicons know, read as they say (a known place before "administration" is its government)."""
    found = _known_name(c) or _known_product(c)
    if not found:
        return None
    m, text, s = c.m, c.text, c.s
    if found.type == "Place" and (am := c.p["admin_after"].match(c.after)):
        return TypedMention(mention=m, type="Organization", cue="admin", label=f"{c.surface} {am.group(1)}")
    if found.type == "Product" and len(c.words) == 1 and c.surface in c.lex.org_suffixes and \
            POSS_NAME.search(text[max(s.start, m.start - 40):m.start]):
        return TypedMention(mention=m)  # "the Information Commissioner's Office": no Microsoft Office
    return found


# a US legislator's party and state ("Rep. Ro Khanna, D-Calif.,", "(R-Texas)"): no organisation
PARTY_STATE = re.compile(r"^[DRI]-[A-Z][A-Za-z]*\.?$")


def _demonym(word: str, lex: Lexicon) -> bool:
    """A nationality's or a religion's word, or its plural ("Americans", "Filipinos", "Catholics"): a people."""
    return word in lex.demonyms or (word.endswith("s") and word[:-1] in lex.demonyms)


@registered("typing.no_actor.v1")
def no_actor(c: MentionCues) -> TypedMention | None:
    """Words that name no actor: generic words, a demonym, the first words of a law, a sentence's first common
    word."""
    m, lex, words, surface = c.m, c.lex, c.words, c.surface
    if all(w in lex.generic_caps for w in words) or (len(words) == 1 and _demonym(surface, lex)) or \
            LAW_AFTER.match(c.after) or PARTY_STATE.match(surface):
        return TypedMention(mention=m)  # ("Age Discrimination in Employment Act": the first words of a law)
    if len(words) == 1 and m.sentence_initial and not m.possessive and surface.lower() in lex.common_words:
        # "Pressure is building", "Smaller, specialized models": a sentence's first word is capitalised whatever
        # it is, and an unknown one that English writes in lower case is that word, not a name
        return TypedMention(mention=m)
    return None


@registered("typing.head_for.v1")
def head_for(c: MentionCues) -> TypedMention | None:
    """"State Administration for Market Regulation": the institution's head comes before "for"."""
    surface = c.surface
    if " for " in surface and surface.split(" for ", 1)[0].split()[-1] in c.lex.org_suffixes:
        return TypedMention(mention=c.m, type="Organization", cue="head-for", label=surface)
    return None
