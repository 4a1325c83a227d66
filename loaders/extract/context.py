"""Shared view of a resolved document for the fact stages: mentions per sentence, heads, subjects, anaphora."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, pairwise
from typing import Any

from kg.model import DateRef, Entity, EntityKey, Span
from loaders.extract.dates import first_date
from loaders.extract.lexicon import lexicon
from loaders.extract.lexicon import words as word_list
from loaders.extract.schema import Resolved, ResolvedMention, Sentence, TextDoc

# a fronted adverbial whose names are not the subject: "According to the FT, ...", "In a podcast with X, ..."
_FRONTED = re.compile(r"^\s*(?:according to|in|on|at|during|after|before|following|speaking (?:on|to|at)|"
                      r"while|as|just as|when|with|despite|unlike|like|for|back then|however|meanwhile|since|although|"
                      r"though|if|once|until|because|founded|based|headquartered|backed|launched|started|created|"
                      r"formed|spun out|known|writing|posting|asked|pressed|formerly|previously)\b[^,]{0,120},\s*",
                      re.I)
# the lookahead on the first character lets most positions fail at once (matches as ";|...|\bbut\b|\bwhile\b|...")
_CLAUSE_BREAK = re.compile(r"(?=[;:.\sbw])(?:;|\s[–—-]\s|:\s|\.\s|\b(?:but|wh(?:ile|ereas)|because)\b)", re.I)
_MODIFIER_GAP = re.compile(r"^(?:[’']s?)?\s+(?:(?:[A-Za-z][\w.-]*|of)\s+){0,6}$")
# "Sonance’s chief executive, Theo Nakamura, said": the organisation owns the role, the person is the subject
_OWNER_ROLE_COMMA = re.compile(r"^[’']s\s+((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*),\s+$")
_WORD = re.compile(r"[a-z0-9][a-z0-9-]*")
_SPAN = Span.__pydantic_validator__.validate_python  # Span(...)'s checks without BaseModel.__init__'s overhead
_MEDIA_HEADS = frozenset({"Times", "Journal", "Post", "News", "Press", "Tribune", "Herald", "Gazette", "Magazine",
                          "Wire", "Reuters", "Bloomberg", "Axios", "BBC", "CNN", "CNBC", "Guardian", "Economist"})
# head nouns of organisation names that "the <noun>" refers back to ("the coalition", "the foundation"): the section
# references.NAME_HEADS reads too, loaded here by name because references imports this module
_LABEL_NOUNS = word_list("described_nouns.txt", "name_heads")
# a regulator described, not named: "Ireland's data watchdog", "the competition authority", "China's market regulator"
_AUTHORITY_DESC = re.compile(r"^\s*(?:the\s+|(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*[’']s\s+)(?:[a-z-]+\s+){0,3}?(?:"
                             r"regulator|watchdog|authority|antitrust agency|competition agency|privacy agency|"
                             r"data protection agency|commissioner)\b")
# "Qatar Investment Authority", "Abu Dhabi Investment Office": sovereign investors, not regulators
# "the company", "the startup": a business, never a public body, a court, a campaign group, a school or an outlet
_COMPANY_WORDS = frozenset({"company", "firm", "startup", "start-up", "chipmaker", "maker", "developer", "giant"})
_NOT_A_COMPANY = re.compile(r"\b(?:Institute|Coalition|Alliance|Foundation|Commission|Agency|Department|Ministry|"
                            r"University|College|School|Court|Council|Committee|Association|Union|Authority|"
                            r"Parliament|Congress|Senate|Government|Administration|Garante|Regulat\w*|Office|Bureau|"
                            r"Center|Centre|Society|Federation|League|Campaign|Project|Network|Watchdog)\b")
_INVESTOR_LABEL = re.compile(r"\b(?:Investment|Investments|Capital|Fund|Wealth|Holdings?|Partners|Ventures)\b")
_REGULATOR_LABEL = re.compile(r"\b(?:Commission|Authority|Agency|Administration|Office|Commissioner|Garante|"
                              r"Regulat\w*|Autorit\w*|Inspectorate|Directorate|Bureau|Competition|Watchdog)\b")
# generic nouns for "the product" the story is about
_PRODUCT_NOUNS = frozenset({"device", "app", "chip", "model", "tool", "product", "software", "feature", "chatbot",
                            "assistant", "headset", "phone", "robot", "gadget", "service"})
_THE_NOUN = re.compile(r"\bthe\s+([a-z]+)\b")
# a fronted time before a described or pronoun subject: "In January the alliance sued", "On Monday, it said" (not
# a possessive, "Last week, the company's chatbot said": the subject is the chatbot)
_WHEN = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|"
         r"wednesday|thursday|friday|saturday|sunday|\d{1,4}|week|month|year|spring|summer|autumn|fall|winter|"
         r"morning|afternoon|evening|night|day|weekend|quarter|decade)s?")
# or where it was said: "In a statement he described …", "In a letter to the regulator, the group urged …"
_MEDIUM = (r"(?:in|on)\s+(?:a|an|its|his|her|their|the)\s+(?:[a-z-]+\s+){0,2}?(?:statement|letter|post|interview|"
           r"filing|email|memo|note|video|podcast|tweet|thread|op-ed|essay|column|blog|speech|message|comments?|response|"
           r"reply|report)s?\b(?:[^,;:“”\"]{0,60},)?")
_FRONTED_WHEN = re.compile(r"^(?:(?:in|on|during|since|by|earlier|later|last|this|early|late)\s+(?:[a-z]+\s+){0,2}?"
                           + _WHEN + r"|" + _MEDIUM + r"|earlier|later|meanwhile|separately|previously|yesterday|"
                           r"today)\s*,?\s+"
                           r"(?=(?:the\s+[a-z-]+|it|he|she|they)\b(?![’'-]))", re.I)
_SUBJECT_WORD = re.compile(r"^[\"“]?([a-z]+(?:\s+(?:company|firm|startup|lab|newspaper|outlet|chipmaker|maker))?)")
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her"})
# the lookahead on the first letter lets most positions fail at once
_ORG_ANAPHORS = re.compile(r"(?=[ti])(?:\b(?:the|its|this|that)\s+(?:company|firm|startup|start-up|lab|newspaper|"
                           r"outlet|organisation|organization|chipmaker|maker|group|developer|giant|paper|publication|"
                           r"device|app|chip|model|tool|product|software|feature|chatbot|assistant|headset|phone|"
                           r"robot|gadget|service)\b|"
                           r"\b(?:it|its)\b)", re.I)

# how many characters from its start decide whether _CLAUSE_BREAK matches: "whereas" and the \b after it
_BREAK_READ = 8
# a clause start this close to the sentence start is found by scanning the text before it (more than _BREAK_READ)
_DIRECT_SCAN = 400


@dataclass(slots=True)
class _Breaks:
    """The clause breaks of one sentence, found once: offsets from the sentence start."""

    starts: list[int]
    ends: list[int]
    last_kept: list[int]  # [k]: the end of the last of the first k breaks that is not inside a name, 0 when none
    name_starts: list[int]  # the sentence's mentions (in text order) ...
    name_reach: list[int]  # ... and the furthest end among the first k + 1 of them

    @classmethod
    def scan(cls, text: str, s: Sentence, names: list[ResolvedMention]) -> _Breaks:
        """The breaks of sentence ``s`` of the cleaned ``text`` (``names``: its mentions)."""
        names = sorted(names, key=lambda n: n.start)
        reach = list(accumulate((n.end - s.start for n in names), max))
        out = cls([], [], [0], [n.start - s.start for n in names], reach)
        for m in _CLAUSE_BREAK.finditer(text[s.start:s.end]):
            out.starts.append(m.start())
            out.ends.append(m.end())
            out.last_kept.append(out.last_kept[-1] if out.in_name(m.start()) else m.end())
        return out

    def in_name(self, at: int) -> bool:
        """Whether offset ``at`` lies inside a mention ("U.S. Navy", "Inc. said": no break)."""
        k = bisect_right(self.name_starts, at)
        return k > 0 and self.name_reach[k - 1] > at

    def last_in(self, text: str, lo: int, hi: int, origin: int) -> int:
        """End of the last break outside a name that a scan of text[lo:hi] finds (offsets less ``origin``), 0 when
        none."""
        ends = [m.end() - origin for m in _CLAUSE_BREAK.finditer(text, lo, hi) if not self.in_name(m.start() - origin)]
        return ends[-1] if ends else 0


@dataclass
class DocContext:
    """A resolved document, indexed for the fact stages."""

    doc: TextDoc
    resolved: Resolved
    entities: dict[EntityKey, Entity] = field(default_factory=dict)
    by_sentence: dict[int, list[ResolvedMention]] = field(default_factory=dict)
    modifiers: set[tuple[int, int]] = field(default_factory=set)
    # lower-case words of every sentence: the fact stages test them before any regex, a dozen times per sentence
    word_sets: list[frozenset[str]] = field(default_factory=list)
    _clause_starts: dict[tuple[int, int], int] = field(default_factory=dict)
    _breaks: dict[int, _Breaks] = field(default_factory=dict)
    _starts: dict[int, list[int]] = field(default_factory=dict)  # by_sentence's starts, where in order
    # the cleaned text in lower case, when that keeps every offset (see build); else None
    _lower: str | None = None
    _nouns: dict[str, list[str]] | None = None
    _dates: dict[int, DateRef | None] = field(default_factory=dict)
    quote_parts: list[Any] | None = None  # attribution's quotes, read the same by the criticism and claims stages
    speech_verbs: dict[int, list[Any]] = field(default_factory=dict)  # attribution's verbs of speech, by sentence
    reported: dict[int, Any] = field(default_factory=dict)  # attribution's reported-speech frames, by sentence
    _sentence_starts: list[int] = field(default_factory=list)  # each sentence's start, in text order
    # organisation -> whether it is a news outlet (speaker_refs.is_outlet): asked of every organisation each time
    # "the company" is resolved, so unmemoised it grows with the square of the document's length
    outlets: dict[str, bool] = field(default_factory=dict)

    @classmethod
    def build(cls, doc: TextDoc, resolved: Resolved) -> DocContext:
        """Index mentions by sentence and mark modifiers ("OpenAI" in "OpenAI CEO Sam Altman")."""
        ctx = cls(doc=doc, resolved=resolved)
        ctx._sentence_starts = [s.start for s in doc.sentences]
        low = doc.clean.lower()
        # lower-casing the whole text once gives each sentence's lower case by slicing only when no character
        # changes length ("İ") and none depends on its context (final sigma, the one such rule of str.lower)
        if len(low) == len(doc.clean) and "\u03a3" not in doc.clean:
            ctx._lower = low
            ctx.word_sets = [frozenset(_WORD.findall(low, s.start, s.end)) for s in doc.sentences]
        else:
            ctx.word_sets = [frozenset(_WORD.findall(ctx.stext(s.index).lower())) for s in doc.sentences]
        ctx.entities = {e.key: e for e in resolved.entities}
        for m in resolved.mentions:
            ctx.by_sentence.setdefault(m.sentence, []).append(m)
        # the mentions' starts per sentence, where they are in order (resolution sorts them): mentions() bisects them
        ctx._starts = {i: starts for i, ms in ctx.by_sentence.items()
                       if (starts := [m.start for m in ms]) == sorted(starts)}
        role_words = lexicon().role_words
        text = doc.clean
        for ms in ctx.by_sentence.values():
            for a, b in pairwise(ms):
                gap = text[a.end:b.start]
                owner = _OWNER_ROLE_COMMA.match(gap) if a.possessive and b.type == "Person" else None
                if owner and a.type == "Organization" and text[b.end:b.end + 1] in ",." and \
                        any(w in role_words for w in owner.group(1).split()):
                    ctx.modifiers.add((a.start, a.end))
                    continue
                if not _MODIFIER_GAP.match(gap):
                    continue
                raw = [w for w in gap.split() if w not in {"’s", "'s", "’", "'"}]
                words = [w.lower() for w in raw]
                if any(w[0].islower() and w.rstrip(".") not in role_words and w != "of" for w in raw):
                    continue  # a verb or other words in between: not a title
                titled = any(w.rstrip(".") in role_words for w in words)
                if b.type == "Person" and a.type in ("Organization", "Person") and (titled or a.possessive) \
                        and (titled or not words):
                    ctx.modifiers.add((a.start, a.end))  # "OpenAI CEO Sam Altman", "Anthropic’s Jack Clark"
                elif a.type == "Person" and a.possessive and b.type == "Organization" and not words:
                    ctx.modifiers.add((a.start, a.end))  # "Sam Altman’s OpenAI"
        return ctx

    # ---- basic access
    def words(self, i: int) -> frozenset[str]:
        """Lower-case words of the i-th sentence (cheap pre-filters before the bigger regexes)."""
        return self.word_sets[i]

    def slower(self, i: int) -> str:
        """The cleaned text of the i-th sentence in lower case."""
        if self._lower is not None:
            s = self.doc.sentences[i]
            return self._lower[s.start:s.end]
        return self.stext(i).lower()

    def sentence(self, i: int) -> Sentence:
        """The i-th sentence."""
        return self.doc.sentences[i]

    def stext(self, i: int) -> str:
        """The cleaned text of the i-th sentence."""
        s = self.doc.sentences[i]
        return self.doc.clean[s.start:s.end]

    def span(self, start: int, end: int, sent: int) -> Span:
        """A Span over the document text, carrying its full sentence."""
        s = self.doc.sentences[sent]
        start, end = max(start, s.start), min(max(end, start), s.end)
        return _SPAN({"start": start, "end": end, "sentence": s.text})

    def mentions(self, sent: int, start: int | None = None, end: int | None = None) -> list[ResolvedMention]:
        """Mentions of a sentence, optionally only those inside [start, end)."""
        ms = self.by_sentence.get(sent, [])
        if start is None and end is None:
            return ms
        lo = start if start is not None else -1
        hi = end if end is not None else 1 << 60
        starts = self._starts.get(sent)
        if starts is None:
            return [m for m in ms if m.start >= lo and m.end <= hi]
        # the stages ask tens of thousands of times for a clause's names: only those starting in [lo, hi] are looked
        # at (a mention ends after it starts, so one starting after hi cannot end by hi)
        return [m for m in ms[bisect_left(starts, lo):bisect_right(starts, hi)] if m.end <= hi]

    def is_head(self, m: ResolvedMention) -> bool:
        """False for a modifier of a following name."""
        return (m.start, m.end) not in self.modifiers

    def type_of(self, key: EntityKey) -> str:
        """The entity type of a key."""
        e = self.entities.get(key)
        return e.type if e else ""

    def label(self, key: EntityKey) -> str:
        """The label of a key."""
        e = self.entities.get(key)
        return e.label if e else key

    def date(self, i: int) -> DateRef | None:
        """The first date written in the i-th sentence, resolved against the publication date (cached: the events
        and the criticisms of one sentence ask for it again)."""
        if i in self._dates:
            return self._dates[i]
        d = self._dates[i] = first_date(self.stext(i), self.doc.published)
        return d

    @property
    def published(self) -> DateRef | None:
        """The document's publication date."""
        return self.doc.published

    # ---- subjects and anaphora
    def clause_start(self, sent: int, pos: int) -> int:
        """Start offset of the clause that contains ``pos`` (after a fronted adverbial)."""
        # memoised: the fact stages ask for the subject at the same verb several times
        cached = self._clause_starts.get((sent, pos))
        if cached is None:
            cached = self._clause_starts[(sent, pos)] = self._clause_start(sent, pos)
        return cached

    def _clause_start(self, sent: int, pos: int) -> int:
        s = self.doc.sentences[sent]
        start = s.start + self._last_break(sent, pos)
        for _ in range(3):
            f = _FRONTED.match(self.doc.clean[start:pos])
            if not f or f.end() >= pos - start:
                break
            start += f.end()
        return start

    def _last_break(self, sent: int, pos: int) -> int:
        """End (from the sentence start) of the last clause break before ``pos`` outside a name, 0 when none: what a
        scan of the sentence's text up to ``pos`` finds, without scanning the sentence again for every ``pos``."""
        s = self.doc.sentences[sent]
        rel = pos - s.start
        if pos > s.end or rel <= _DIRECT_SCAN:  # most clauses: scanning them is cheaper than indexing the sentence
            names = self.by_sentence.get(sent, [])
            ends = [m.end() for m in _CLAUSE_BREAK.finditer(self.doc.clean[s.start:pos])
                    if not any(n.start <= s.start + m.start() < n.end for n in names)]  # "U.S. Navy": no break
            return ends[-1] if ends else 0
        breaks = self._breaks.get(sent)
        if breaks is None:
            breaks = self._breaks[sent] = _Breaks.scan(self.doc.clean, s, self.by_sentence.get(sent, []))
        # whether a break matches is decided by the 8 characters from where it starts (the \b after "whereas"): the
        # scan of the whole sentence and the scan up to pos agree on every break starting before rel - 8, and on
        # every position between them where none starts; only the rest is scanned again
        k = bisect_left(breaks.starts, rel - _BREAK_READ)
        resume = max(breaks.ends[k - 1] if k else 0, rel - _BREAK_READ)
        # resume > 0: \b sees the character before it, as in the sentence's text; pos as the end hides the rest
        tail = breaks.last_in(self.doc.clean, s.start + resume, pos, s.start)
        return tail or breaks.last_kept[k]

    def subject(self, sent: int, pos: int,
                types: tuple[str, ...] = ("Person", "Organization", "Group")) -> EntityKey | None:
        """The key of the subject of the clause ending at ``pos``: its first head name, or a resolved pronoun."""
        cs = self.clause_start(sent, pos)
        for m in self.mentions(sent, cs, pos):
            if self.is_head(m) and m.type in types:
                return m.key
        head = unfronted(self.doc.clean[cs:pos].strip().lower())
        word = _SUBJECT_WORD.match(head)
        if word:
            w = word.group(1)
            if w in _PERSON_PRONOUNS and "Person" in types:
                return self.person_pronoun(cs)
            if (w in {"it", "the company", "the firm", "the startup", "the lab", "the newspaper", "the outlet",
                      "the chipmaker", "the maker"}) and "Organization" in types:
                return self.recent_subject(cs, ("Organization",)) or self.recent(cs, ("Organization",))
        return None

    def authority(self, head: str) -> str | None:
        """The regulator a description at the start of ``head`` refers to ("Ireland's data watchdog", "the
        authority"): of the document's regulator-like organisations, the one sharing most words with it, then the
        one named most."""
        d = _AUTHORITY_DESC.match(head)
        if d is None:
            return None
        words = {w for w in re.findall(r"[a-z]+", d.group(0).lower()) if w not in {"the", "s"}}
        best: tuple[int, int] | None = None
        key = None
        for k, e in self.entities.items():
            if e.type != "Organization" or not _REGULATOR_LABEL.search(e.label) or _INVESTOR_LABEL.search(e.label):
                continue
            label_words = set(re.findall(r"[a-z]+", " ".join((e.label, *e.aliases)).lower()))
            score = (len(words & label_words), len(e.mentions))
            if best is None or score > best:
                best, key = score, k
        return key

    def recent(self, pos: int, types: tuple[str, ...], exclude: set[str] | None = None,
               max_sentences: int = 4) -> str | None:
        """The most recent head mention of the given types before ``pos`` (within a few sentences)."""
        sent = self.sentence_at(pos)
        for si in range(sent, max(-1, sent - max_sentences), -1):
            for m in reversed(self.by_sentence.get(si, [])):
                if m.end <= pos and m.type in types and self.is_head(m) and (not exclude or m.key not in exclude):
                    return m.key
        return None

    def person_pronoun(self, pos: int) -> str | None:
        """Whom "he" or "she" at ``pos`` refers to: a person named earlier in its sentence, else the person who was the
        subject of the last sentences ("Kaplan, who succeeded Nick Clegg, said … He also …" means Kaplan), else the
        last person named."""
        sent = self.sentence_at(pos)
        if any(m.end <= pos and m.type == "Person" and self.is_head(m) for m in self.by_sentence.get(sent, [])):
            return self.recent(pos, ("Person",))
        return self.recent_subject(pos, ("Person",), max_sentences=2, speakers_only=True) or self._recent_person(pos)

    def _recent_person(self, pos: int) -> str | None:
        """The last person named before ``pos`` other than as a possessive ("one of Musk's children" does not make
        Musk the "she" that follows), else the last person named."""
        sent = self.sentence_at(pos)
        for si in range(sent, max(-1, sent - 4), -1):
            for m in reversed(self.by_sentence.get(si, [])):
                if m.end <= pos and m.type == "Person" and self.is_head(m) and not m.possessive:
                    return m.key
        return self.recent(pos, ("Person",))

    def recent_subject(self, pos: int, types: tuple[str, ...], exclude: set[str] | None = None,
                       max_sentences: int = 3, *, speakers_only: bool = False) -> EntityKey | None:
        """The subject of the nearest earlier sentence whose subject has one of the types: what "it" and "the
        company" usually refer back to (a name merely listed in between is not the topic)."""
        sent = self.sentence_at(pos)
        text = self.doc.clean
        for si in range(sent - 1, max(-1, sent - 1 - max_sentences), -1):
            s = self.doc.sentences[si]
            if s.heading or (speakers_only and text[s.start] in "“\""):
                continue  # a name opening a quotation is what its speaker talks about, not who "she" is
            start = s.start
            for _ in range(3):
                f = _FRONTED.match(text[start:s.end])
                if not f or start + f.end() >= s.end:
                    break
                start += f.end()
            for m in self.by_sentence.get(si, []):
                if m.start < start or not self.is_head(m):
                    continue
                if m.start - start <= 2 and m.type in types and (not exclude or m.key not in exclude):
                    return m.key
                break
        return None

    def sentence_at(self, pos: int) -> int:
        """Index of the sentence containing (or preceding) ``pos``; 0 before the first."""
        # the last sentence starting at or before pos (the stages ask about ten thousand times per article)
        return max(0, bisect_right(self._sentence_starts, pos) - 1)

    def anaphor_targets(self, start: int, end: int, exclude: set[str]) -> list[str]:
        """Organisations referred to by "the company", "its", "the foundation" (a named org's head noun) ... inside
        [start, end)."""
        seg = self.doc.clean[start:end]
        out = []
        found = [(m.start(), m.group(0), None) for m in _ORG_ANAPHORS.finditer(seg)]
        nouns = self._label_nouns()
        if nouns:
            found += [(m.start(), m.group(0), nouns[m.group(1).lower()]) for m in _THE_NOUN.finditer(seg)
                      if m.group(1).lower() in nouns]
            found.sort()
        for at, words, named in found:
            if words.lower() in {"it", "its"}:
                continue
            key = None
            if named is not None:  # "the coalition": the latest one so named
                key = self.recent(start + at, ("Organization", "Product"), exclude | (set(self.entities) - set(named)),
                                  12)
            elif words.lower().split()[-1] in _PRODUCT_NOUNS and words.lower().startswith("its"):
                # "its chatbot": the product's owner, the organisation "its" refers to, not the product most named
                firms = exclude | self._non_companies()
                key = self.salient(start + at, firms)
                if key is None:
                    continue
            elif words.lower().split()[-1] in _PRODUCT_NOUNS:
                key = self.salient(start + at, exclude, "Product")  # "the device", "the app"
                if key is None:
                    continue
            elif re.search(r"newspaper|outlet|paper|publication|broadcaster", words, re.I):
                media = {k for k, e in self.entities.items() if e.type == "Organization" and
                         re.split(r"[\s-]", e.label)[-1] in _MEDIA_HEADS}  # "Chicago Sun-Times"
                key = self.recent(start + at, ("Organization",), exclude | (set(self.entities) - media), 12)
            elif words.lower().split()[-1] in _COMPANY_WORDS:
                firms = exclude | self._non_companies()
                key = self.salient(start + at, firms) or self.salient(start + at, firms, max_sentences=12)
                if key is None:
                    continue
            key = key or self.salient(start + at, exclude)
            if key and key not in out:
                out.append(key)
        return out

    def _non_companies(self) -> set[str]:
        """Organisations whose names mark them as public bodies, courts, campaigns, schools or outlets: never what "the
        company" refers to."""
        return {k for k, e in self.entities.items() if e.type == "Organization" and
                (_NOT_A_COMPANY.search(e.label) or re.split(r"[\s-]", e.label)[-1] in _MEDIA_HEADS)}

    def _label_nouns(self) -> dict[str, list[str]]:
        """Head nouns of the document's multi-word organisation names ("foundation" for "Open Code Foundation")."""
        if self._nouns is None:
            self._nouns = {}
            for k, e in self.entities.items():
                words = e.label.split()
                if e.type in ("Organization", "Product") and len(words) > 1 and words[-1].isalpha() and \
                        words[-1][0].isupper():
                    noun = words[-1].lower()
                    # any product's head noun ("the band" for "Orbit Band"); only institutional nouns of orgs
                    if noun in _LABEL_NOUNS or (e.type == "Product" and noun not in _PRODUCT_NOUNS):
                        self._nouns.setdefault(noun, []).append(k)
        return self._nouns

    def salient(self, pos: int, exclude: set[str], kind: str = "Organization", max_sentences: int = 5) -> str | None:
        """What "the company" refers to: of the organisations named in the last few sentences, the one the article
        names most (a regulator or partner mentioned in passing is rarely "the company"); ties go to the latest."""
        sent = self.sentence_at(pos)
        best: tuple[int, int] | None = None
        key = None
        for si in range(max(0, sent - max_sentences + 1), sent + 1):
            for m in self.by_sentence.get(si, []):
                if m.end > pos or m.type != kind or not self.is_head(m) or m.key in exclude:
                    continue
                score = (len(self.entities[m.key].mentions), m.start)
                if best is None or score > best:
                    best, key = score, m.key
        return key


def unfronted(head: str) -> str:
    """A clause's words before its verb less a fronted time or medium ("in january the alliance" -> "the alliance")."""
    fronted = _FRONTED_WHEN.match(head)
    return head[fronted.end():] if fronted else head
