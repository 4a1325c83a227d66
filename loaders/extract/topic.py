"""The organisation an article is about: what "the company", "the startup" and a bare "it" usually refer to."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import EntityKey
from loaders.extract.context import DocContext
from loaders.extract.lexicon import alternation, words

# investors, media and public bodies are rarely the subject of a story that says "the company raised" or "the
# startup launched": organisations with one of these words in their name
_NOT_TOPIC_FILE = "not_topic_words.txt"


@lru_cache(maxsize=1)
def _not_topic() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(words(_NOT_TOPIC_FILE))})\b")


def speaker_label(text: str, start: int, end: int) -> bool:
    """Whether a name is a speaker's label at the start of a line ("BI: ...", "Reuters: ...")."""
    return text[end:end + 1] == ":" and (start == 0 or text[start - 1] == "\n")


def topic_org(ctx: DocContext) -> EntityKey | None:
    """The key of the organisation with the most mentions, headline and lead counted double; None if none."""
    score: dict[EntityKey, float] = {}
    first: dict[EntityKey, int] = {}
    for sent, ms in ctx.by_sentence.items():
        weight = 2.0 if sent <= 1 or ctx.sentence(sent).heading else 1.0
        for m in ms:
            if m.type != "Organization" or speaker_label(ctx.doc.clean, m.start, m.end):
                continue  # "BI: Why now?": the interviewer's label, not what the interview is about
            # a subject at the start of a sentence is what the sentence is about
            bonus = 0.5 if m.start - ctx.sentence(sent).start <= 2 else 0.0
            score[m.key] = score.get(m.key, 0.0) + weight + bonus
            first.setdefault(m.key, m.start)
    if not score:
        return None
    for key in score:
        if _not_topic().search(ctx.label(key)):
            score[key] *= 0.3
    return max(score, key=lambda k: (score[k], -first[k]))
