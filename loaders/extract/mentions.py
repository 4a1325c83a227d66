"""Stage 2: candidate mentions — runs of capitalised tokens, split at role titles, plus unnamed group actors.

The parts live by what they do: :mod:`mention_tokens` (name tokens, sentence starts, hyphenated compounds),
:mod:`mention_runs` (where a run of name words goes on), :mod:`mention_titles` (role titles inside a run, the words
a run starts with), :mod:`mention_ends` (where a name ends, its version and possessive) and :mod:`mention_groups`
(unnamed group actors); this module reads a document's sentences with them.
"""

from __future__ import annotations

from dataclasses import replace

from loaders.extract.lexicon import Lexicon, fold, lexicon
from loaders.extract.mention_ends import mention_of, name_end
from loaders.extract.mention_groups import add_groups
from loaders.extract.mention_runs import runs
from loaders.extract.mention_titles import known_prefix, split_titles, strip_start
from loaders.extract.mention_tokens import (
    QUOTE_MARKS,
    TEXT,
    SentenceTokens,
    initial_positions,
    split_compounds,
)
from loaders.extract.name_spans import title_cased, work_titles
from loaders.extract.schema import Mention, MentionSet, Sentence, TextDoc
from loaders.extract.text import tokens


class _Builder:
    """Builds the mentions of one document."""

    def __init__(self, doc: TextDoc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.text = doc.clean
        self.mentions: list[Mention] = []
        self.body_surfaces: set[str] = set()
        # the names written in the body are only looked up in headings: without headings they need not be collected
        self.has_headings = any(s.heading for s in doc.sentences)
        self.st: SentenceTokens | None = None  # the sentence being read

    def _emit(self, s: Sentence, a: int, b: int, *, title: str | None = None,
              org_before: int | None = None, initial: bool = False, keep: int = 0) -> int | None:
        """Record a mention for tokens a..b-1 of the sentence being read (its end not trimmed below ``keep``);
        returns its index."""
        st = self.st
        assert st is not None
        end = name_end(st, a, b, keep)
        if end is None:
            return None
        self.mentions.append(mention_of(st, s, a, end, title=title, org_before=org_before, initial=initial))
        if self.has_headings and not s.heading:
            words = st.texts[a:end]
            self.body_surfaces.add(fold(" ".join(words)))
            if len(words) > 1:
                self.body_surfaces.update(fold(w) for w in words if w[0].isupper() and len(w) > 2
                                          and w.lower() not in self.doc.lower_vocab)
        return len(self.mentions) - 1

    def sentence(self, s: Sentence) -> None:
        """Mentions of one sentence."""
        toks = tokens(self.text, s.start, s.end)
        if self.text.find("-", s.start, s.end) >= 0:  # (every character but a space is a token's)
            toks = split_compounds(toks, self.lex)
        if not toks:
            return
        texts = list(map(TEXT, toks))
        self.st = st = SentenceTokens(self.text, self.lex, self.doc.lower_vocab, toks, texts,
                                      list(map(str.lower, texts)))
        initial = initial_positions(toks, texts)
        # (a token is a quotation mark alone, or holds a word: one in QUOTES_OPEN is one of its characters)
        titles = work_titles(texts, self.lex) if not QUOTE_MARKS.isdisjoint(texts) else ()
        for a, b in runs(st):
            if self.mentions and self.mentions[-1].version_end and toks[a][0] < self.mentions[-1].version_end:
                continue  # consumed as a version tail ("iPhone 15 Pro")
            if any(lo <= a < hi for lo, hi in titles):
                continue  # a word of a quoted title ("Blood in the Machine"): not a name of its own
            if (s.heading and not (a and texts[a - 1] == "by" and b - a <= 3)) or title_cased(texts, a, b):
                # a byline ("Additional reporting by X") names its reporter; a title-cased headline the heading
                # test missed ("Duolingo Flooded With Pledges To Quit App") keeps only names known from elsewhere
                self._heading_run(s, texts, a, b)
                continue
            a2 = strip_start(st, a, b, initial)
            known_start, known_end = known_prefix(st, a, b)
            if known_end:
                a2 = min(a2, known_start)
            if a2 < b:
                split_titles(st, s, a2, b, a2 in initial, self._emit, keep=max(known_end, a2))
        if not s.heading:
            add_groups(st, s, self.mentions)

    def _heading_run(self, s: Sentence, texts: list[str], a: int, b: int) -> None:
        """In a title-case heading keep only names known from the body or the lexicons (longest match)."""
        known = self.lex.known
        i = a
        while i < b:
            for j in range(min(b, i + 5), i, -1):
                key = fold(" ".join(texts[i:j]))
                if key in self.body_surfaces or (key in known and texts[i] not in self.lex.generic_caps):
                    self._emit(s, i, j)
                    i = j
                    break
            else:
                i += 1


def find_mentions(doc: TextDoc) -> MentionSet:
    """Stage 2: candidate name mentions and group mentions of the document, in text order."""
    builder = _Builder(doc, lexicon())
    for s in doc.sentences:
        if not s.heading:
            builder.sentence(s)
    for s in doc.sentences:
        if s.heading:
            builder.sentence(s)
    mentions = sorted(builder.mentions, key=lambda m: (m.start, m.end))
    # org_before indices refer to the unsorted list: remap them
    position = {id(m): i for i, m in enumerate(mentions)}
    remapped = []
    for m in mentions:
        if m.org_before is not None:
            m = replace(m, org_before=position[id(builder.mentions[m.org_before])])
        remapped.append(m)
    return MentionSet(mentions=remapped)
