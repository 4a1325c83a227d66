"""Products written in lower case, with a "+", a "v" version or after their maker's name (well-known names only)."""

from __future__ import annotations

import pytest

from loaders.extract import extract


def _products(text: str) -> dict[str, tuple[str, ...]]:
    return {e.label: e.aliases for e in extract(text).entities if e.type == "Product"}


@pytest.mark.parametrize(("text", "product"), [
    ("Zentrix Labs says its model matches OpenAI’s o1 on several math benchmarks.", "o1"),
    ("He mocked the claim that the new o3-mini model can reason.", "o3-mini"),
    ("Recall will not ship with the first Copilot+ PCs, Zentrix Labs said.", "Copilot+ PCs"),
    ("The audio was made with Quillbyte's Aria v2.5 model.", "Aria v2.5"),
])
def test_products_the_capitalised_run_reading_would_miss(text: str, product: str) -> None:
    assert product in _products(text), _products(text)


@pytest.mark.parametrize(("text", "product", "maker"), [
    ("Analysts said Google Gemini was cheaper. Gemini was also faster.", "Gemini", "Google"),
    ("Reviewers said Anthropic Claude refused the task.", "Claude", "Anthropic"),
])
def test_a_known_maker_before_its_known_product_names_the_product(text: str, product: str, maker: str) -> None:
    ex = extract(text)
    products = [e for e in ex.entities if e.type == "Product"]
    assert [p.label for p in products] == [product], products  # one entity, however often written
    assert f"{maker} {product}" in products[0].aliases
    assert any(e.label == maker and e.type == "Organization" for e in ex.entities)


@pytest.mark.parametrize(("text", "product"), [
    ("Founded in 2021, Zentrix builds Gripwell, a vision-guided robotic arm.", "Gripwell"),
    ("A short seller said its Coldstack liquid-cooling systems failed often.", "Coldstack"),
])
def test_the_object_of_builds_and_a_name_before_a_plural_product_noun_are_products(text: str, product: str) -> None:
    assert product in _products(text), _products(text)


def test_a_person_ending_a_list_before_a_verb_is_no_product() -> None:
    text = "Zentrix, founded by Aidan Marsh and Nick Holloway, sells AI tools to businesses."
    assert not _products(text), _products(text)


@pytest.mark.parametrize(("text", "product"), [
    ("Dana Whitcombe co-created the open-source machine learning framework Tensorlith.", "Tensorlith"),
    ("The tax software maker says its QuickBooks and TurboTax users were not affected.", "TurboTax"),
    ("Zentrix Labs wrote on its WeChat account that the listing would not hurt it.", "WeChat"),
])
def test_a_framework_noun_and_well_known_apps_name_products(text: str, product: str) -> None:
    assert product in _products(text), _products(text)


def test_a_lone_unknown_word_in_a_list_of_products_is_a_product() -> None:
    text = "Quillbyte, the software company behind TurboTax, QuickBooks and Zorvix, was sued on Monday."
    assert "Zorvix" in _products(text), _products(text)


def _type_of(text: str, name: str) -> str | None:
    return next((e.type for e in extract(text).entities if e.label == name), None)


@pytest.mark.parametrize(("text", "name", "kind"), [
    # a platform a document only uses is the service
    ("Critics said on TikTok that the clip was fake. Some TikTok users deleted the app.", "TikTok", "Product"),
    ("The video drew 270,000 views on YouTube. Another YouTube channel copied it.", "YouTube", "Product"),
    ("Meta, which owns Facebook, said it would appeal. Dana Lin, a researcher, agreed.", "Facebook", "Product"),
    ("Lena Ortiz wrote on X that the ruling was wrong. Several X users agreed.", "X", "Product"),
    # one that speaks, deals or employs in the document is the company
    ("Users complained on TikTok. TikTok said it had removed the videos.", "TikTok", "Organization"),
    ("Reid Hoffman, the LinkedIn co-founder, posted on LinkedIn that he disagreed.", "LinkedIn", "Organization"),
    ("Regulators fined TikTok last year. The fine followed complaints on TikTok.", "TikTok", "Organization"),
    # more often a subject than a place where people post: the company
    ("YouTube is testing the tool. YouTube has paused it. Creators on YouTube complained.", "YouTube", "Organization"),
])
def test_a_platform_is_the_service_where_a_document_only_uses_it(text: str, name: str, kind: str) -> None:
    assert _type_of(text, name) == kind


@pytest.mark.parametrize(("text", "name"), [
    ("The startup behind Quillwise raised $20 million on Monday.", "Quillwise"),
    ("Tom Happ, the developer of Lumen Verge, said the tool could help small teams.", "Lumen Verge"),
    ("It follows punishing games such as Dustfall and Hollow Reach.", "Dustfall"),
])
def test_a_makers_work_is_a_product(text: str, name: str) -> None:
    assert _type_of(text, name) == "Product"


def test_whom_investors_are_behind_stays_an_organisation() -> None:
    assert _type_of("The investors behind Zentrix Labs sold their shares.", "Zentrix Labs") == "Organization"


@pytest.mark.parametrize(("text", "firm", "product"), [
    ("Delivery robots from Starship Technologies roam the campus.", "Starship Technologies", "Starship"),
    ("The crypto investor Galaxy Digital backed the round.", "Galaxy Digital", "Galaxy"),
])
def test_a_firm_named_after_a_known_product_is_an_organisation(text: str, firm: str, product: str) -> None:
    types = {e.label: e.type for e in extract(text).entities}
    assert types.get(firm) == "Organization", types
    assert product not in types, types
