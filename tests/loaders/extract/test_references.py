"""The reference stage: what definite descriptions and pronouns refer to, and its use for criticism targets."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.extract.criticism_targets import REFERENCED_TARGET
from loaders.extract.references import is_plural, references, refers_back
from tests.support.doc_context import doc_context


def _referred(text: str, phrase: str) -> str | None:
    """The label of what the last ``phrase`` in ``text`` refers to (None when nothing fits)."""
    ctx = doc_context(text)
    at = ctx.doc.clean.rindex(phrase)
    found = references(ctx).in_span(at, at + len(phrase), set(), pronouns=True, kinds=True)
    return ctx.label(found[0].key) if found else None


@pytest.mark.parametrize(("text", "phrase", "label"), [
    # a descriptor the article gave the organisation wins over a later organisation
    ("Nvidia, the chipmaker, reported results. Analysts at Morgan Stanley were unimpressed. The chipmaker fell.",
     "The chipmaker", "Nvidia"),
    # "the regulator" is a public body, "the company" is not
    ("The Federal Trade Commission opened an inquiry into Microsoft. Critics said the regulator moved too slowly.",
     "the regulator", "Federal Trade Commission"),
    ("The Federal Trade Commission opened an inquiry into Microsoft. Critics said the company moved too fast.",
     "the company", "Microsoft"),
    # "she" is the last woman named, not the last person
    ("Sarah Connor met John Smith at Google. She said the plan was reckless.", "She", "Sarah Connor"),
    ("Sarah Connor met John Smith at Google. He said the plan was reckless.", "He", "John Smith"),
    # "the model" is a product
    ("OpenAI released Sora last month. Critics said the model was dangerous.", "the model", "Sora"),
])
def test_reference_resolves(text: str, phrase: str, label: str) -> None:
    """A description or pronoun refers to the last entity named before it that fits."""
    assert _referred(text, phrase) == label


@pytest.mark.parametrize(("text", "phrase"), [
    ("Google launched Gemini. It was not clear whether the launch would go ahead.", "It"),  # expletive "it"
    ("Sarah Connor spoke. He said nothing.", "He"),  # no man named before
    ("Critics said the company moved too fast.", "the company"),  # nothing named before
])
def test_reference_unresolved(text: str, phrase: str) -> None:
    """A pronoun that refers to nothing, or a description with nothing named before it, is left alone."""
    assert _referred(text, phrase) is None


def test_reference_index_is_built_once_per_document() -> None:
    """The stage reads a document's index from its cache; another document gets its own."""
    a, b = doc_context("Google spoke."), doc_context("Apple spoke.")
    assert references(a) is references(a)
    assert references(b) is not references(a) and references(b).ctx is b


def test_descriptions_only_by_default() -> None:
    """As criticism targets only descriptions count: "the company" of a company never so described, and pronouns,
    are left to the context's own anaphora (they cost precision on every tuning set)."""
    ctx = doc_context("Sarah Connor met Microsoft executives. She said the company moved too fast.")
    text = ctx.doc.clean
    assert references(ctx).in_span(text.index("She"), len(text), set()) == []
    assert [ctx.label(r.key) for r in references(ctx).in_span(text.index("She"), len(text), set(), pronouns=True,
                                                              kinds=True)] == ["Sarah Connor", "Microsoft"]


@pytest.mark.parametrize(("statement", "plain"), [
    ("Critics said the last model was better.", "Critics said the model was better."),  # another one
    ("A reviewer who tried the model hated it.", "A reviewer hated the model."),  # a relative clause
])
def test_description_of_another_thing(statement: str, plain: str) -> None:
    """"the last model" is another one, and what a relative clause says of a person is not what is judged; the
    same words plainly used refer to the product named before."""
    for words, expected in ((plain, ["Sora"]), (statement, [])):
        ctx = doc_context("OpenAI released Sora last month. " + words)
        start = ctx.doc.clean.index(words)
        assert [ctx.label(r.key) for r in references(ctx).in_span(start, len(ctx.doc.clean), set())] == expected


def test_referenced_target_names_its_rule() -> None:
    """A criticism whose statement names no target is aimed at what its description refers to, and names the
    reference rule."""
    text = ("Strider Robotics unveiled the Strider 2 warehouse robots on Monday. "
            "The Warehouse Workers Alliance warned that the robots could be used to cut jobs.")
    found = {(c.critic, c.target, c.rule) for c in extract(text).criticisms}
    labels = {e.key: e.label for e in extract(text).entities}
    assert {(labels[c], labels[t], r) for c, t, r in found} >= \
        {("Warehouse Workers Alliance", "Strider 2", REFERENCED_TARGET)}


LISTED = ("The walkout covers the studios that signed the agreement: Brindle Games, Corvo Interactive, Dunmere "
          "Productions and Elstow Studios. The union's leaders met on Monday. ")


def _all_referred(text: str, phrase: str) -> list[str]:
    """The labels of everything the last ``phrase`` in ``text`` refers to."""
    ctx = doc_context(text)
    at = ctx.doc.clean.rindex(phrase)
    return [ctx.label(r.key) for r in references(ctx).in_span(at, at + len(phrase), set())]


@pytest.mark.parametrize("phrase", ["these companies", "the video game studios", "our employers"])
def test_a_plural_description_refers_to_the_organisations_listed_before(phrase: str) -> None:
    got = _all_referred(LISTED + f"“{phrase[0].upper() + phrase[1:]} refuse to protect us,” a director said.",
                        phrase[0].upper() + phrase[1:])
    assert got == ["Brindle Games", "Corvo Interactive", "Dunmere Productions", "Elstow Studios"]


@pytest.mark.parametrize(("text", "phrase"), [
    (LISTED + "Other companies refuse to protect us, a director said.", "Other companies"),  # not these ones
    (LISTED + "A spokesperson said the companies were disappointed by the vote.", "the companies"),  # they feel it
    ("Brindle Games and Corvo Interactive signed. These companies refuse to talk.", "These companies"),  # two only
])
def test_a_plural_description_without_such_a_list_refers_to_none(text: str, phrase: str) -> None:
    assert _all_referred(text, phrase) == []


def _refers_back(text: str, phrase: str, **options: object) -> str | None:
    """The label of what the last ``phrase`` ("the union") in ``text`` refers back to by refers_back."""
    ctx = doc_context(text)
    at = ctx.doc.clean.rindex(phrase)
    if options.pop("opening", False):
        options["opening"] = ctx.sentence_at(at)
    key = refers_back(ctx, phrase.split()[-1], at, **options)  # type: ignore[arg-type]
    return ctx.label(key) if key else None


@pytest.mark.parametrize(("text", "phrase", "options", "label"), [
    # so described before, whatever the noun, where the noun is known to be a whole subject
    ("LMArena, the benchmark site, ranked the models. Critics objected. The site said", "The site",
     {"any_noun": True}, "LMArena"),
    # the noun ends a name told before
    ("The Open Code Foundation published a letter. Meta replied. Then the foundation said", "the foundation", {},
     "Open Code Foundation"),
    # the regulator a public noun describes
    ("The Federal Trade Commission opened an inquiry into Microsoft. Later the watchdog said", "the watchdog", {},
     "Federal Trade Commission"),
    # a body no name describes: the organisation opening a sentence before, where the caller asks for it
    ("The Teamsters held a rally outside Waymo's offices. The Teamsters said cars were unsafe. The union said",
     "The union", {"opening": True}, "Teamsters"),
])
def test_refers_back_is_the_one_reading_of_a_definite_description(text: str, phrase: str, options: dict[str, object],
                                                                  label: str) -> None:
    assert _refers_back(text, phrase, **options) == label


@pytest.mark.parametrize(("text", "phrase", "options"), [
    # a noun outside the lexicon is read only as a whole subject ("anonymous" described a company once)
    ("Lovo posted ads. They were approached by anonymous Lovo employees. The anonymous client wrote", "The anonymous",
     {}),
    # no body noun refers to the opening organisation unless the caller asks
    ("The Teamsters held a rally outside Waymo's offices. The Teamsters said cars were unsafe. The union said",
     "The union", {}),
])
def test_refers_back_reads_no_more_than_asked(text: str, phrase: str, options: dict[str, object]) -> None:
    assert _refers_back(text, phrase, **options) is None


@pytest.mark.parametrize(("noun", "plural"), [
    ("companies", True), ("utilities", True), ("site", False), ("business", False), ("press", False),
])
def test_a_plural_description_stands_for_several(noun: str, plural: bool) -> None:
    assert is_plural(noun) is plural
