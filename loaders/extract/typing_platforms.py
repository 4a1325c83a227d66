"""Stage 3: a consumer platform that the lexicons know as a company ("TikTok", "YouTube", "X") names the service, a
product, in a document that only uses it ("posted on X", "YouTube videos", "Facebook users"), and the company in one
where it acts ("X said", "TikTok bought", "LinkedIn co-founder Reid Hoffman")."""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.extract.lexicon import words as word_list
from loaders.extract.schema import TextDoc, TypedMention
from loaders.extract.typing_cues import LIST_SEP, registered

PLATFORMS = word_list("typing_words.txt", "platforms")

# the service used: "on X", "across TikTok", "via WeChat", "scrolling through TikTok", "platforms such as Reddit",
# "Meta, which owns Facebook", "built into X"
_USE_BEFORE = re.compile(
    r"(?:\b(?:on|onto|across|via|through)|\b(?:platforms?|apps?|sites?|services?|networks?)\s+(?:such\s+as|like|"
    r"including)|\b(?:owns|owned|operates|built\s+into|integrated\s+into)|\bsources\s+such\s+as)\s+$", re.I)
# "YouTube videos", "TikTok users", "a LinkedIn post", "Zoom meetings": what people make or do on the service
_USE_AFTER = re.compile(
    r"\s+(?:users?|posts?|videos?|accounts?|pages?|channels?|feeds?|groups?|chats?|clips?|threads?|followers|"
    r"comments?|profiles?|livestreams?|streams?|servers?|meetings?|calls?|creators?|influencers?|stories|reels?|"
    r"shorts|handles?|messages?|subscribers|viewers|audiences?|communit(?:y|ies)|forums?|subreddits?|playlists?|"
    r"charts?|bio(?:graphy)?)\b")
# the company speaking, dealing or employing: "X said", "TikTok bought", "X's spokesperson", "Spotify's CEO"
_ACTS_AFTER = re.compile(
    r"(?:\s*,)?(?:['’]s)?\s+(?:said|says|told|announced|announces|bought|acquired|acquires|declined|agreed|agrees|"
    r"sued|sues|filed|for\s+its\s+part|spokes(?:person|man|woman)|representatives?|co-?founders?|founders?|CEO|"
    r"chief|executives?|employees|staff|engineers|lawyers|owner|parent|headquarters|investors|shareholders)\b")
# "the owner of X", "sued TikTok", "against TikTok", "purchase of Twitter", "fined LinkedIn", "a Reddit spokesperson"
_ACTS_BEFORE = re.compile(
    r"\b(?:owner\s+of|parent\s+of|purchase\s+of|acquisition\s+of|takeover\s+of|sued|suing|sue|against|fined|"
    r"fines)\s+$", re.I)
# weaker signs of the company: "X is", "TikTok has taken down", "promoted by YouTube", "X's European users"
_SUBJECT_AFTER = re.compile(
    r"(?:\s*,)?\s+(?:is|was|has|had|have|will|would|could|plans?|did|does|didn['’]t|doesn['’]t|removed|removes|"
    r"blocked|blocks|took|takes|pulled|pulls|launched|launches|introduced|introduces|released|releases|made|makes|"
    r"owned|owns)\b|['’]s\b")
_SUBJECT_BEFORE = re.compile(r"\b(?:at|by|with|to)\s+$", re.I)
# "Meta, which owns Facebook, said": the owner's relative clause; what follows is the owner's
_OWNED = re.compile(r"\b(?:which|that)\s+(?:owns|operates|runs)\s+$", re.I)


def _reads(items: list[TypedMention], k: int, text: str) -> tuple[int, int, int]:
    """How the mention at k reads: as the service used, as the company acting, and weakly as the company (1 or 0
    each)."""
    m = items[k].mention
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 40]
    if _OWNED.search(before):
        return 1, 0, 0
    if _ACTS_AFTER.match(after) or _ACTS_BEFORE.search(before):
        return 0, 1, 0
    coordinated = [items[n] for n in (k - 1, k + 1) if 0 <= n < len(items) and
                   items[n].mention.sentence == m.sentence and
                   LIST_SEP.match(text[min(m.end, items[n].mention.end):max(m.start, items[n].mention.start)])]
    use = bool(_USE_BEFORE.search(before) or _USE_AFTER.match(after) or
               any(t.type == "Product" for t in coordinated))
    weak = bool(_SUBJECT_AFTER.match(after) or _SUBJECT_BEFORE.search(before))
    return int(use and not weak), 0, int(weak)


@registered("typing.platform_product.v1")
def platform_products(items: list[TypedMention], doc: TextDoc) -> None:
    """A platform known as a company (or left untyped: "X") is the service (Product) in a document that uses it more
    often than it makes it a subject, and never has it speak, deal or employ."""
    text = doc.clean
    votes: dict[str, list[int]] = {}
    for k, t in enumerate(items):
        if t.type in ("Organization", None) and t.mention.text in PLATFORMS:
            read = _reads(items, k, text)
            votes[t.mention.text] = [a + b for a, b in zip(votes.get(t.mention.text, [0, 0, 0]), read, strict=True)]
    # used more often than it is the subject of a sentence, and never seen speaking, dealing or employing
    chosen = {name for name, (use, acts, weak) in votes.items() if use > weak and not acts}
    for k, t in enumerate(items):
        if t.type in ("Organization", None) and t.mention.text in chosen:
            items[k] = replace(t, type="Product", cue="platform-use", label=t.mention.text)
