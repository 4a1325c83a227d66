"""The organisation an article is about: what "the company", "the startup" and a bare "it" usually refer to."""

from __future__ import annotations

import re

from loaders.extract.context import DocContext

# investors and media are rarely the subject of a story that says "the company raised" or "the startup launched"
_NOT_TOPIC = re.compile(r"\b(?:Ventures?|Capital|Partners|Investments?|Fund|Times|Journal|News|Post|Reuters|"
                        r"Bloomberg|Commission|Administration|Agency|Office|Department|Court|University)\b")


def topic_org(ctx: DocContext) -> str | None:
    """The key of the organisation with the most mentions, headline and lead counted double; None if none."""
    score: dict[str, float] = {}
    first: dict[str, int] = {}
    for sent, ms in ctx.by_sentence.items():
        weight = 2.0 if sent <= 1 or ctx.sentence(sent).heading else 1.0
        for m in ms:
            if m.type != "Organization":
                continue
            # a subject at the start of a sentence is what the sentence is about
            bonus = 0.5 if m.start - ctx.sentence(sent).start <= 2 else 0.0
            score[m.key] = score.get(m.key, 0.0) + weight + bonus
            first.setdefault(m.key, m.start)
    if not score:
        return None
    for key in score:
        if _NOT_TOPIC.search(ctx.label(key)):
            score[key] *= 0.3
    return max(score, key=lambda k: (score[k], -first[k]))
