"""Hand-written short articles: the same events told by two outlets in different words, and near misses.

Every name and figure here is invented for the tests or general knowledge; none is taken from an evaluation set.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import DateRef
from kg.store.base import GraphStore


@dataclass(frozen=True)
class Article:
    """A short article with the metadata a sidecar would give."""

    text: str
    published: str
    publisher: str


STORIES: dict[str, Article] = {
    "funding_a": Article(
        "Mistral AI raises $640 million\n\nMistral AI raised $640 million in a Series B round led by General "
        "Catalyst, the Paris-based startup said on Tuesday. The round values Mistral AI at $6 billion.\n",
        "2026-06-04", "Wire One",
    ),
    "funding_b": Article(
        "French startup Mistral AI closes new funding\n\nFrench artificial intelligence company Mistral AI has "
        "closed a funding round of about $650 million, valuing the company at nearly $6.2 billion, according to a "
        "statement.\n",
        "2026-06-05", "Daily Two",
    ),
    # The same company a year earlier: another round.
    "funding_earlier": Article(
        "Mistral AI lands seed money\n\nMistral AI raised $113 million in a seed round, the startup said on "
        "Tuesday.\n",
        "2025-06-11", "Wire One",
    ),
    # A week later, a figure far from the first: another round.
    "funding_far": Article(
        "Mistral AI adds funding\n\nMistral AI raised $2 billion in a new round led by a sovereign fund, the "
        "startup said.\n",
        "2026-06-06", "Daily Three",
    ),
    "ipo_a": Article(
        "Cerebras files for IPO\n\nCerebras Systems filed for an initial public offering on Monday, according to a "
        "regulatory filing.\n",
        "2026-06-03", "Wire One",
    ),
    "ipo_b": Article(
        "Cerebras moves toward listing\n\nCerebras Systems has submitted paperwork for an IPO with the Securities "
        "and Exchange Commission, the company said.\n",
        "2026-06-04", "Daily Two",
    ),
    "lawsuit_a": Article(
        "Times takes AI makers to court\n\nThe New York Times sued OpenAI and Microsoft on Wednesday, accusing them "
        "of copyright infringement.\n",
        "2026-06-04", "Wire One",
    ),
    "lawsuit_b": Article(
        "Newspaper goes to court\n\nThe New York Times has filed a lawsuit against OpenAI and Microsoft over the use "
        "of its articles to train chatbots.\n",
        "2026-06-05", "Daily Two",
    ),
    "release_a": Article(
        "Google releases Gemini Ultra\n\nGoogle released Gemini Ultra on Thursday, its most capable model so far.\n",
        "2026-06-05", "Wire One",
    ),
    "release_b": Article(
        "Google launches new model\n\nGoogle launched Gemini Ultra, a new large language model, the company "
        "announced.\n",
        "2026-06-05", "Daily Two",
    ),
    "criticism_a": Article(
        "Marcus doubts OpenAI\n\nGary Marcus blasted OpenAI on Monday, arguing that its new model is a parlor trick "
        "that cannot reason about the world.\n",
        "2026-06-03", "Wire One",
    ),
    "criticism_b": Article(
        "Critic takes aim at OpenAI\n\nGary Marcus slammed OpenAI, saying its latest model \"is just a parlor trick "
        "that cannot really reason about the world.\"\n",
        "2026-06-04", "Daily Two",
    ),
    # The same critic and target, another statement.
    "criticism_other": Article(
        "Marcus on OpenAI safety\n\nGary Marcus criticised OpenAI over its safety record, saying \"the company has "
        "abandoned its promise to put safety first.\"\n",
        "2026-06-04", "Daily Three",
    ),
    # The same statement, another critic.
    "criticism_other_critic": Article(
        "LeCun doubts OpenAI\n\nYann LeCun slammed OpenAI, saying its latest model is a parlor trick that cannot "
        "reason about the world.\n",
        "2026-06-04", "Daily Three",
    ),
    # One claimant's statement with one figure, reworded by a second outlet (one claim), and another statement with
    # the same figure (another claim).
    "claim_a": Article(
        "Nimbus Labs says its assistant drafts replies\n\nNimbus Labs said on Monday that its assistant now drafts "
        "40% of the replies its support team sends to customers.\n",
        "2026-06-04", "Wire One",
    ),
    "claim_b": Article(
        "Support at Nimbus Labs goes automatic\n\nNimbus Labs said that 40 per cent of the support team's replies to "
        "customers are now drafted by the assistant it built.\n",
        "2026-06-05", "Daily Two",
    ),
    "claim_other": Article(
        "Nimbus Labs and remote work\n\nNimbus Labs said 40% of its engineers now work remotely from other "
        "countries.\n",
        "2026-06-06", "Daily Three",
    ),
}  # fmt: skip


def load(store: GraphStore, *names: str) -> dict[str, str]:
    """Ingest the named stories through the real pipeline; returns their document ids by name."""
    from kg.settings import Settings
    from loaders.documents import RawDocument
    from loaders.pipeline import ingest

    found = {}
    for name in names:
        article = STORIES[name]
        published = DateRef(value=article.published, precision="day", inferred=False)
        raw = RawDocument(text=article.text, origin=f"{name}.txt", publisher=article.publisher, published=published)
        found[name] = ingest(store, raw, Settings()).document_id
    return found


def as_body(name: str) -> dict[str, str]:
    """The POST /documents body of a story."""
    article = STORIES[name]
    return {"text": article.text, "published": article.published, "publisher": article.publisher}
