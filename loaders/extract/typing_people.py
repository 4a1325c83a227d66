"""Stage 3: typing rules that read a name as a person's — a title before it, an honorific, a given name, a
speech verb or a kinship noun around it — and the apposition after a name (", a chatbot", ", the startup")."""

from __future__ import annotations

import re

from loaders.extract.lexicon import fold
from loaders.extract.lexicon import words as word_file
from loaders.extract.name_cues import (
    PERSON_AFTER,
    PERSON_BY,
    PERSON_OBJECT,
    ROLE_PREDICATE,
    STRONG_ORG_SUFFIXES,
    capital_title_before,
    first_name,
    honorific_name,
    is_place,
    of_org_after,
)
from loaders.extract.schema import TypedMention
from loaders.extract.typing_cues import (
    ARTICLE_BEFORE,
    HYPHEN_GIVEN,
    KIN_BEFORE,
    NAME_OF,
    NICKNAME,
    PARTICLES,
    PUBLICATION_WORDS,
    SOURCE_WORDS,
    SPEECH_BEFORE,
    SPEECH_NEAR,
    MentionCues,
    may_hold,
    name_like,
    name_words,
    registered,
)


@registered("typing.nickname.v1")
@name_words(2)
def nickname(c: MentionCues) -> TypedMention | None:
    """'Chungin "Roy" Lee': a quoted nickname between a given name and a surname."""
    words = c.words
    if len(words) == 3 and NICKNAME.match(words[1]) and name_like(words):
        return TypedMention(mention=c.m, type="Person", cue="nickname", label=c.surface)
    return None


@registered("typing.honorific.v1")
@name_words(2)
def honorific(c: MentionCues) -> TypedMention | None:
    """"Prince Alwaleed Bin Talal", "Sir Nick Clegg": an honorific before a name."""
    if honorific_name(c.words, c.lex):
        return TypedMention(mention=c.m, type="Person", cue="honorific", label=c.surface)
    return None


@registered("typing.titled.v1")
def titled(c: MentionCues) -> TypedMention | None:
    """A name the mention stage found after a role title ("CEO Sam Altman"), unless it ends as a company's does."""
    m, words, last, lex = c.m, c.words, c.last, c.lex
    if m.title and (len(words) > 1 or words[0] not in lex.generic_caps) and not (
            last in lex.org_suffixes and len(words) > 1 and (words[0] not in lex.first_names or
                                                             last in STRONG_ORG_SUFFIXES)):
        return TypedMention(mention=m, type="Person", cue=f"title:{m.title}", label=c.surface)
    return None


@registered("typing.apposition.v1")
def apposition(c: MentionCues) -> TypedMention | None:
    """What an apposition says the name is: ", a chatbot" (a product), ", the startup" (an organisation), ", a lawyer"
    (a person)."""
    appos = c.appos
    if not appos:
        return None
    m, words, surface, lex = c.m, c.words, c.surface, c.lex
    if appos.group("product") and appos.group("noun_after"):
        # "X, a Santa Clara chip designer", "X, a British chip startup": the product word is a modifier
        return TypedMention(mention=m, type="Organization", cue="appos-org", label=surface)
    # ("Nick Frosst, sells AI tools": a person's name ends a list before the verb, no product is named)
    if appos.group("product") and not (len(words) == 1 and surface.lower() in c.doc.lower_vocab) and \
            not (len(words) > 1 and first_name(words[0], lex) and name_like(words)):
        return TypedMention(mention=m, type="Product", cue="appos-product", label=c.ext)
    if appos.group("org"):
        return TypedMention(mention=m, type="Organization", cue="appos-org", label=surface)
    if appos.group("role") and NAME_OF.search(c.before):
        # "Justin Nelson of Susman Godfrey, a lawyer for the authors": the role is the person's
        return TypedMention(mention=m, type="Organization", cue="of-org", label=surface)
    if appos.group("role") and (len(words) > 1 or words[0] in lex.first_names) and name_like(words) \
            and c.last not in lex.org_suffixes:
        return TypedMention(mention=m, type="Person", cue="appos-role", label=surface)
    return None


@registered("typing.person_name.v1")
@name_words(2)
def person_name(c: MentionCues) -> TypedMention | None:
    """A name shaped as a person's with a particle ("Max von Thun"), a known given name, or a title before it
    ("Digital Affairs Minister, X", "X of Foundation Capital went further", "the podcast, hosted by X")."""
    if not c.person_like:
        return None
    m, words, lex, before, after = c.m, c.words, c.lex, c.before, c.after
    if len(words) == 3 and words[1] in PARTICLES:
        return TypedMention(mention=m, type="Person", cue="particle", label=c.surface)
    if first_name(words[0], lex) or _unknown_given_name(c):
        return TypedMention(mention=m, type="Person", cue="first-name", label=c.surface)
    if c.cue_role or capital_title_before(c.tail, before, lex, c.p["role_before"]) or of_org_after(after, lex) or \
            PERSON_BY.search(before[-20:]) or ROLE_PREDICATE.match(after):
        return TypedMention(mention=m, type="Person", cue="role-before", label=c.surface)
    return None


def _unknown_given_name(c: MentionCues) -> bool:
    """An unknown word before one of the most frequent family names is a given name the list lacks ("Meetali
    Jain", "Lyndsi Lee"): written as a name, no word of the language, no place and no known entity."""
    words, lex = c.words, c.lex
    given = words[0]
    return len(words) == 2 and words[1] in word_file("common_surnames.txt") and given.isalpha() and \
        given[0].isupper() and given[1:].islower() and len(given) > 2 and given.lower() not in lex.common_words and \
        given.lower() not in c.doc.lower_vocab and given not in lex.generic_caps and given not in lex.demonyms and \
        lex.known.get(fold(given)) is None and not is_place(given, lex)


@registered("typing.source.v1")
def source(c: MentionCues) -> TypedMention | None:
    """"according to X", "X reported": a reporter shaped as a person's name, else a publication; "in an article for
    X": a publication."""
    if may_hold(c.low_before, PUBLICATION_WORDS) and c.p["publication_before"].search(c.before):
        return TypedMention(mention=c.m, type="Organization", cue="publication", label=c.surface)
    if not ((may_hold(c.low_before, SOURCE_WORDS) and c.p["source_before"].search(c.before)) or
            c.p["source_after"].match(c.after)):
        return None
    w0, lex = c.words[0], c.lex
    # ("Schools Week reported": a plural common noun starts a publication's name, not a person's)
    if c.person_like and not (w0.endswith("s") and w0[:-1].lower() in lex.common_words and not first_name(w0, lex)):
        return TypedMention(mention=c.m, type="Person", cue="source-person", label=c.surface)
    return TypedMention(mention=c.m, type="Organization", cue="source", label=c.surface)


def _plain_name(c: MentionCues) -> bool:
    """A person-shaped name in the body, after no "the", none of its words written in lower case by the text."""
    return c.person_like and not c.m.heading and not ARTICLE_BEFORE.search(c.before) and \
        not any(w.lower() in c.doc.lower_vocab for w in c.words)


# a work named by its maker: "the 2013 Spike Jonze film", "a Christopher Nolan movie"
_WORK_AFTER = re.compile(r"^\s+(?:film|movie|documentary|novel|album|song|sitcom|miniseries)s?\b")
_WORK_BEFORE = re.compile(r"\b(?:the|a|an|his|her|their|\d{4})\s+$", re.I)


@registered("typing.maker_of_work.v1")
@name_words(2)
def maker_of_work(c: MentionCues) -> TypedMention | None:
    """"the 2013 Spike Jonze film": a personal name written before the kind of work it made."""
    words, lex = c.words, c.lex
    if 2 <= len(words) <= 3 and name_like(words) and _WORK_AFTER.match(c.after) and \
            _WORK_BEFORE.search(c.before[-12:]) and words[-1].lower() not in lex.common_words and \
            lex.known.get(fold(c.surface)) is None:
        return TypedMention(mention=c.m, type="Person", cue="maker-of-work", label=c.surface)
    return None


@registered("typing.person_verb.v1")
@name_words(2)
def person_verb(c: MentionCues) -> TypedMention | None:
    """"X, 34,", "hired X": what is said of a person around the name."""
    if _plain_name(c) and (PERSON_AFTER.match(c.after) or PERSON_OBJECT.search(c.before[-20:])):
        return TypedMention(mention=c.m, type="Person", cue="person-verb", label=c.surface)
    return None


@registered("typing.name_shape.v1")
@name_words(2)
def name_shape(c: MentionCues) -> TypedMention | None:
    """A person-shaped name that speaks ("X said"), is spoken of ("said X"), is kin ("her son, X") or is written
    in the possessive or with a romanised two-part given name."""
    m, words, before = c.m, c.words, c.before
    if _plain_name(c) and (not m.sentence_initial or m.possessive) \
            and (m.possessive or SPEECH_NEAR.match(c.after) or SPEECH_BEFORE.search(before) or
                 KIN_BEFORE.search(before) or (len(words) == 2 and HYPHEN_GIVEN.match(words[0]))):
        return TypedMention(mention=m, type="Person", cue="name-shape", label=c.surface)
    return None
