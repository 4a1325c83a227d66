"""Stage 3: typing — Person, Organization, Product, Place or Group for each mention, from lexicons and context cues.

Each typing rule reads one mention (:class:`~loaders.extract.typing_cues.MentionCues`) and returns its reading or
None; the first rule with a reading decides, in the order of ``RULES``. The rules live by what they find:
:mod:`typing_lexicon` (the lexicons), :mod:`typing_products`, :mod:`typing_orgs` (organisations and places) and
:mod:`typing_people`; :mod:`typing_agreement` then makes one document's readings agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache

from loaders.extract import typing_lexicon as lexical
from loaders.extract import typing_orgs as orgs
from loaders.extract import typing_people as people
from loaders.extract import typing_products as products
from loaders.extract.lexicon import Lexicon, lexicon
from loaders.extract.schema import Mention, MentionSet, TextDoc, TypedMention, TypedMentions
from loaders.extract.typing_agreement import agree
from loaders.extract.typing_cues import ASCII_LOWER, CODE_PREFIX, MentionCues, patterns, reads_length

__all__ = ["RULES", "type_mentions"]

Rule = Callable[[MentionCues], TypedMention | None]

# the typing rules, strongest first: the lexicons, then the context cues (the words before a mention are read only
# once the lexicons have not decided), then the shape of the name; a mention no rule reads stays untyped
LEXICAL_RULES: tuple[Rule, ...] = (lexical.known, lexical.no_actor, lexical.head_for)
CONTEXT_RULES: tuple[Rule, ...] = (
    orgs.city_of_region, orgs.ampersand, products.media_name, people.nickname, people.honorific, people.titled,
    orgs.person_of, orgs.portfolio, orgs.portfolio_after,
    products.versioned, products.maker_product, products.model_name, products.product_before, products.product_such_as,
    products.work_of_maker, orgs.at_org,
    orgs.institution, orgs.administration, products.made_by, orgs.field, people.apposition,
    orgs.org_before,
    products.product_head, orgs.org_suffix, products.product_after, products.launch_object, products.quoted_product,
    products.product_line_tail, orgs.the_name, orgs.place, orgs.national_arm, orgs.foreign_article,
    people.person_name, people.source, orgs.acronym_defined, people.maker_of_work, people.person_verb,
    people.name_shape, orgs.unknown_place, orgs.single_default,
)
RULES: tuple[Rule, ...] = LEXICAL_RULES + CONTEXT_RULES
# the context rules that can read a one-word name, and those that can read a longer one (each rule declares the
# lengths it reads with name_words; no rule reads names of two words only)
_BY_LENGTH = tuple(tuple(r for r in CONTEXT_RULES if reads_length(r, n)) for n in (1, 2))


@lru_cache(maxsize=4)
def _cue_starts(product_cues: frozenset[str]) -> frozenset[str]:
    """The characters a product cue after a name can start with (a cheap test before the pattern)."""
    return ASCII_LOWER | {c[:1] for c in product_cues}


class _Typer:
    """Types the mentions of one document."""

    def __init__(self, doc: TextDoc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.p = patterns()
        self.cue_starts = _cue_starts(lex.product_cues)

    def type_one(self, m: Mention) -> TypedMention:
        """Type one mention from the strongest available cue, keeping a leading model code for products."""
        words = m.text.split()
        if len(words) > 1 and CODE_PREFIX.match(words[0]) and words[0] in self.lex.generic_caps:
            # "Q1 Tessera" is a product's name; otherwise "Q1" is a quarter and the name starts after it
            typed = self._type_one(m)
            if typed.type == "Product":
                return typed
            start = m.start + m.text.index(words[1])
            return self._type_one(replace(m, start=start, text=" ".join(words[1:]), sentence_initial=False))
        return self._type_one(m)

    def _type_one(self, m: Mention) -> TypedMention:
        """Type one mention from the first rule that reads it."""
        if m.group:
            return TypedMention(mention=m, type="Group", cue="group", label=m.group)
        cues = MentionCues(m, self.doc, self.lex, self.p, self.cue_starts)
        for rule in LEXICAL_RULES:
            typed = rule(cues)
            if typed is not None:
                return typed
        # nearly every mention the lexicons leave reaches the rules that read each cue: read them all at once
        cues.read_context()
        for rule in _BY_LENGTH[len(cues.words) > 1]:
            typed = rule(cues)
            if typed is not None:
                return typed
        return TypedMention(mention=m)


def type_mentions(doc: TextDoc, mentions: MentionSet) -> TypedMentions:
    """Stage 3: a type (or None) for every mention."""
    lex = lexicon()
    typer = _Typer(doc, lex)
    items = [typer.type_one(m) for m in mentions.mentions]
    agree(items, mentions.mentions, doc, lex)
    orgs.drop_instrument_acronyms(items, doc.clean)
    orgs.drop_nationalities(items, lex)
    return TypedMentions(items=items)
