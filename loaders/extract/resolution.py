"""Stage 4: resolution — short names and acronyms resolve to the fullest name in the document; entities get keys."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from kg.model import Entity, EntityKey, EntityType, Span, Spans
from loaders.extract.lexicon import KnownEntity, Lexicon, fold, lexicon, words
from loaders.extract.name_cues import DISTINCT_BODIES, is_place
from loaders.extract.schema import Resolved, ResolvedMention, TextDoc, TypedMention, TypedMentions
from loaders.extract.text import after_the

# how much a cue is trusted when two readings of one name disagree
_STRENGTH = {"lexicon": 9, "lexicon-plural": 9, "product-line": 8, "project": 8, "model-code": 7, "admin": 8}
_KNOWN_AS = re.compile(r"^\s*,?\s*(?:\(|,)?\s*(?:(?:the|a|an)\s+(?:[\w-]+\s+){1,3})?"  # ", the YouTuber known as"
                       r"(?:popularly |also |better |widely |commonly )?"
                       r"(?:known|recognized|recognised|called|dubbed|nicknamed) as\s*[\"“]?$")
_SKIP_WORDS = frozenset({"of", "the", "and", "&", "for"})
_LINE_WORDS = frozenset({"Pro", "Max", "Ultra", "Mini", "Plus", "Lite", "Air", "SE", "XL"})
# the model's own validator, called with a dict: the checks of Entity(...) without BaseModel.__init__'s overhead (an
# entity's mentions are packed as they are found, Spans.of, rather than validated as a Span model each)
_ENTITY = Entity.__pydantic_validator__.validate_python


# a name inside a noun phrase: a determiner (and perhaps an adjective) before it, a lower-case noun after it
_DETERMINED = re.compile(r"\b(?:the|a|an|its|their|his|her|this|these|those)\s+(?:[a-z][\w-]*\s+)?$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?:[A-Z]{2,}\s+)?[a-z][a-z-]+\b")
# cues that type a single word only by default (an unknown capitalised word, an item of a typed list)
_DEFAULT_CUES = frozenset({"single-default", "list", "agree:single-default", "agree:list"})


@lru_cache(maxsize=1)
def _surnames() -> dict[str, str]:
    """Surname -> full name of the lexicon's well-known people, for surnames that name only one of them and are no
    well-known entity themselves."""
    lex = lexicon()
    # a surname very many people share ("Chang", "Young") written alone is as likely anyone's as the famous one's
    common = words("common_surnames.txt")
    seen: dict[str, list[str]] = {}
    for k in lex.known.values():
        if k.type == "Person" and len(k.label.split()) > 1:
            seen.setdefault(k.label.split()[-1], []).append(k.label)
    return {w: names[0] for w, names in seen.items()
            if len(set(names)) == 1 and lex.known.get(fold(w)) is None and w not in common}


_LEGAL_FORMS = frozenset({"Inc", "Inc.", "Corp", "Corp.", "Co", "Co.", "Ltd", "Ltd.", "LLC", "PLC", "plc", "AG", "SA"})


@dataclass
class _Cluster:
    """An entity being built: its type, the names it is written as and its mentions."""

    type: EntityType
    labels: list[tuple[int, str]] = field(default_factory=list)  # (priority, label)
    surfaces: list[str] = field(default_factory=list)
    items: list[TypedMention] = field(default_factory=list)
    strength: int = 0
    affiliation: int | None = None  # mention index of the stated organisation (Group)
    _cache: tuple[int, str] | None = None

    def label(self) -> str:
        """The canonical label: the lexicon's, else the fullest written name."""
        if self._cache is None or self._cache[0] != len(self.labels):
            best = max(self.labels, key=lambda pl: (pl[0], len(pl[1].split()), len(pl[1])))[1]
            generic = lexicon().generic_caps
            fuller = [sf for sf in self.surfaces if sf.startswith(best + " ") and
                      not any(w in _LEGAL_FORMS or w in generic for w in sf[len(best):].split())]
            fuller += [sf for sf in self.surfaces if _longer_form(sf, best)]
            if fuller:
                best = max(fuller, key=len)
            self._cache = (len(self.labels), best)
        return self._cache[1]


# a country written before an institution's name ("US Federal Trade Commission", "U.K. Competition and Markets
# Authority"): the institution is the one the lexicon knows without it
_NATIONAL_PREFIXES = frozenset({"US", "U.S.", "UK", "U.K."})


def _national_known(surface: str, lex: Lexicon) -> KnownEntity | None:
    """The well-known organisation a name is once a leading country prefix is dropped, else None."""
    words = surface.split()
    if len(words) < 3 or words[0] not in _NATIONAL_PREFIXES:
        return None
    known = lex.known.get(fold(" ".join(words[1:])))
    return known if known is not None and known.type == "Organization" else None


def _longer_form(surface: str, label: str) -> bool:
    """Whether a written name is a longer form of a lexicon label the gold schema's 'fullest name' prefers: the
    lexicon's spelled-out alias of an acronym ("Advanced Micro Devices" for AMD) or the label after a country ("US
    Department of Justice"); legal forms are no longer form."""
    words = surface.split()
    if len(words) <= len(label.split()) or any(w in _LEGAL_FORMS for w in words):
        return False
    if words[0] in _NATIONAL_PREFIXES and " ".join(words[1:]) == label:
        return True
    if not (label.isupper() and " " not in label):
        return False  # only an acronym gives way to its spelled-out form ("Open AI" is a spelling, no fuller name)
    known = lexicon().known.get(fold(surface))
    return known is not None and known.label == label


def _strength(t: TypedMention) -> int:
    return _STRENGTH.get(t.cue, 5 if t.cue.startswith("title") else 3)


def initials(label: str) -> str:
    """Initials of the capitalised words of a name ("New York Times" -> "NYT")."""
    return "".join(w[0] for w in re.split(r"[\s-]+", label) if w and w.lower() not in _SKIP_WORDS and w[0].isalpha())


# an acronym's shape: capitals, perhaps with the lower-case initial of a connector between them ("DfE")
_ACRONYM_SHAPE = re.compile(r"^[A-Z](?:[A-Z]|[a-z](?=[A-Z]))*[A-Z]$")


def acronym_like(surface: str) -> bool:
    """Whether a single word is written as an acronym ("FERC", "DMV", "DfE")."""
    return 2 <= len(surface) <= 6 and _ACRONYM_SHAPE.match(surface) is not None and \
        (surface.isupper() or len(surface) <= 5)


@lru_cache(maxsize=1 << 14)
def acronym_forms(label: str) -> frozenset[str]:
    """The acronyms a multi-word name is written as: its initials, with the connectors' initials in lower case
    ("Department for Education" -> "DfE"), and without a leading place ("California Department of Motor
    Vehicles" -> "DMV")."""
    words = [w for w in re.split(r"[\s-]+", label) if w and w[0].isalpha()]
    if len(words) < 2:
        return frozenset()
    forms = {initials(label).upper(), "".join(w[0] if w.lower() in _SKIP_WORDS else w[0].upper() for w in words)}
    lex = lexicon()
    for k in (1, 2):
        rest = words[k:]
        if len(rest) >= 3 and rest[0].lower() not in _SKIP_WORDS and is_place(" ".join(words[:k]), lex):
            forms.add(initials(" ".join(rest)).upper())
    return frozenset(forms)


@lru_cache(maxsize=1 << 14)
def _forms(label: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The words of a name, their folded forms and its upper-case initials (cached: names recur in every match)."""
    words = tuple(label.split())
    return words, tuple(fold(w) for w in words), initials(label).upper()


class _Resolver:
    """Groups the typed mentions of one document into entities."""

    def __init__(self, doc: TextDoc, typed: TypedMentions, lex: Lexicon) -> None:
        self.doc = doc
        self.items = typed.items
        self.lex = lex
        self.clusters: list[_Cluster] = []
        self.by_fold: dict[tuple[str, str], int] = {}
        self.assign: dict[int, int] = {}  # mention index -> cluster index
        # folded word -> clusters with a label or surface containing it (a superset: merged clusters stay in)
        self.word_index: dict[str, set[int]] = {}

    def _index(self, ci: int, *names: str) -> None:
        """Record the folded words of names of cluster ci in the word index."""
        idx = self.word_index
        for name in names:
            for fw in _forms(name)[1]:
                if fw in idx:
                    idx[fw].add(ci)
                else:
                    idx[fw] = {ci}

    def _add(self, i: int, t: TypedMention, etype: EntityType, label: str) -> None:
        known = self.lex.known.get(fold(t.mention.text)) if t.cue == "lexicon" else None
        national = _national_known(t.mention.text, self.lex) if known is None else None
        if national is not None and national.type == etype and (etype, fold(national.label)) in self.by_fold:
            # "US Federal Trade Commission" joins the "Federal Trade Commission" (or "FTC") written elsewhere
            known = national
        # a lexicon name written in full ("Samsung Electronics") joins the entity of its short form
        key = (etype if etype != "Group" else "Group", fold(known.label if known and known.type == etype else label))
        ci = self.by_fold.get(key)
        if ci is None:
            ci = len(self.clusters)
            self.clusters.append(_Cluster(type=etype))
            self.by_fold[key] = ci
        c = self.clusters[ci]
        prio = 2 if t.cue in ("lexicon", "lexicon-plural") else 1
        c.labels.append((prio, label))
        c.surfaces.append(t.mention.text)
        c.items.append(t)
        c.strength = max(c.strength, _strength(t))
        self.assign[i] = ci
        self._index(ci, label, t.mention.text)

    def _long_match(self, surface: str, exclude: int | None = None, typed: str | None = None,
                    definite: bool = False) -> int | None:
        """The cluster with a longer name that this short name is part of ("Sacks", "Mythos", "Times", "NYT"); a
        definite "the Commission" may be the one longer name of the text that ends with it."""
        words = surface.split()
        n = len(words)
        fwords = tuple(fold(w) for w in words)
        f = fold(surface)
        unknown = self.lex.known.get(f) is None
        # an upper-case single word may be an acronym of a longer organisation name
        acronym = n == 1 and acronym_like(surface)
        org_suffixes, generic_caps = self.lex.org_suffixes, self.lex.generic_caps
        hits: list[int] = []
        brand_only: set[int] = set()  # organisations matched only because the name starts theirs ("Andreessen")
        # without an acronym reading a longer name must contain the first word: clusters without it are skipped
        clusters = self.clusters
        if n and not (n == 1 and (surface.isupper() or acronym)):
            cands: Iterable[tuple[int, _Cluster]] = [(ci, clusters[ci]) for ci in
                                                     sorted(self.word_index.get(fwords[0], ()))]
        else:
            cands = enumerate(clusters)
        for ci, c in cands:
            if ci == exclude or c.type in ("Group", "Place") or not c.labels:
                continue
            for lab in {c.label(), *c.surfaces}:
                lw, flw, _ = _forms(lab)
                if len(lw) <= n:
                    if acronym and c.type == "Organization" and surface in acronym_forms(lab) and len(lw) > 1:
                        hits.append(ci)
                    continue
                if c.type == "Person":
                    ok = n == 1 and (words[0] == lw[-1] or (words[0] == lw[0] and len(lw) == 2))
                elif c.type == "Product":
                    # "Medibot" of "Medibot Pro": a product line word after the name changes no product
                    # (a name typed a product of its own is another product of the line: "Aurelia")
                    ok = (flw[-n:] == fwords and unknown) or (flw[:n] == fwords and unknown and typed != "Product"
                                                              and all(w in _LINE_WORDS for w in lw[n:]))
                else:
                    # ("Biden" of "Biden administration" is the person's: _administration_of reads its modifier use)
                    ok = (flw[:n] == fwords and all(w in org_suffixes or w in generic_caps for w in lw[n:])
                          and lw[-1] not in DISTINCT_BODIES) or \
                        flw[-n:] == fwords
                    if not ok and n == 1 and words[0] == lw[0] and self._brand_word(words[0]):
                        ok = True
                        brand_only.add(ci)
                    if ok and n == 1 and words[0] in org_suffixes and words[0] not in {"Times"} and \
                            not (definite and flw[-1:] == fwords):
                        ok = False
                if ok:
                    hits.append(ci)
                    break
            # acronym of a multi-word organisation ("NYT")
            if ci not in hits and acronym and c.type == "Organization" and \
                    any(surface in acronym_forms(lab) for lab in c.surfaces):
                hits.append(ci)
        hits = sorted(set(hits))
        if len(hits) > 1 and n == 1:
            # "Marc Andreessen" and "Andreessen Horowitz" in one text: a surname written alone is the person's,
            # not the firm named after a founder (a firm's short name is its whole first word only by default)
            people = [ci for ci in hits if clusters[ci].type == "Person"]
            if len(people) == 1 and all(ci in brand_only for ci in hits if ci != people[0]):
                return people[0]
        return hits[0] if len(hits) == 1 else None

    def _administration_of(self, t: TypedMention) -> int | None:
        """The "X administration" of the text that a bare "X" written as a modifier stands for: "Biden's AI rules",
        "the new Biden rules" (a name written alone and acting, "Biden said", is the person's)."""
        m = t.mention
        if " " in m.text or (t.type is not None and t.cue not in _DEFAULT_CUES):
            return None
        ci = self.by_fold.get(("Organization", fold(f"{m.text} administration")))
        if ci is None:
            return None
        text = self.doc.clean
        modifier = _DETERMINED.search(text, max(0, m.start - 24), m.start) is not None and \
            _NOUN_AFTER.match(text, m.end) is not None
        return ci if m.possessive or modifier else None

    def _salient_namesake(self, t: TypedMention) -> tuple[bool, int | None]:
        """Whether several people share the surname a single word is ("Raine" of Matthew, Adam and Maria Raine), and
        then the one last written in full as a sentence's subject before it ("Matthew Raine, whose son, Adam Raine,
        ..."); None when no such person (a namesake named only inside a clause is not who a bare surname means)."""
        m = t.mention
        if " " in m.text or not m.text[:1].isupper() or \
                (t.type is not None and t.type != "Person" and t.cue not in _DEFAULT_CUES):
            return False, None
        best, best_pos = None, -1
        namesakes = 0
        for ci in self.word_index.get(fold(m.text), ()):
            c = self.clusters[ci]
            words = _forms(c.label())[0] if c.type == "Person" and c.labels else ()
            if len(words) < 2 or words[-1] != m.text:
                continue
            namesakes += 1
            for it in c.items:
                pos = it.mention.start
                if it.mention.sentence_initial and " " in it.mention.text and best_pos < pos < m.start:
                    best, best_pos = ci, pos
        return (True, best) if namesakes > 1 else (False, None)

    def _known_surname(self, t: TypedMention) -> str | None:
        """The full name of the well-known person whose surname a single word is ("Nadella" -> "Satya Nadella"),
        when nothing but a default reading typed the word (no cue of its own and no fuller name in the text)."""
        w = t.mention.text
        if " " in w or (t.type is not None and t.cue not in _DEFAULT_CUES):
            return None
        return _surnames().get(w)

    def _brand_word(self, w: str) -> bool:
        """An unknown, uncommon capitalised word that can stand for the organisation it starts ("Veyra" of
        "Veyra Labs", "Shenlan" of "Shenlan Intelligence")."""
        return len(w) > 2 and w[0].isupper() and w.lower() not in self.doc.lower_vocab and \
            w not in self.lex.generic_caps and self.lex.known.get(fold(w)) is None and \
            w.lower() not in self.lex.stopwords

    def _merge_brands(self) -> None:
        """A single-word organisation joins the one longer organisation its name starts ("Pallas" -> "Pallas
        Software"), when that longer name is the only candidate."""
        for ci, c in enumerate(self.clusters):
            if not c.items or c.type != "Organization" or " " in c.label() or not self._brand_word(c.label()) or \
                    any(t.cue in ("lexicon", "lexicon-plural") for t in c.items):
                continue
            word = c.label()
            cands = [cj for cj, d in enumerate(self.clusters) if cj != ci and d.items and d.type == "Organization"
                     and len(_forms(d.label())[0]) > 1 and _forms(d.label())[0][0] == word]
            if len(cands) != 1:
                continue
            d = self.clusters[cands[0]]
            d.labels += [(0, lab) for _, lab in c.labels]
            d.surfaces += c.surfaces
            d.items += c.items
            for i, a in list(self.assign.items()):
                if a == ci:
                    self.assign[i] = cands[0]
            for key, val in list(self.by_fold.items()):
                if val == ci:
                    self.by_fold[key] = cands[0]
            c.items, c.labels, c.surfaces = [], [], []

    def _merge_acronym_suffixed(self) -> None:
        """"AMI Labs" joins "Advanced Machine Intelligence Labs": an acronym of the longer name's words before the
        same suffix."""
        for ci, c in enumerate(self.clusters):
            words = _forms(c.label())[0] if c.items and c.type == "Organization" else ()
            if len(words) != 2 or not words[0].isupper() or len(words[0]) < 2 or words[1] not in self.lex.org_suffixes:
                continue
            for cj, d in enumerate(self.clusters):
                dw = _forms(d.label())[0] if cj != ci and d.items and d.type == "Organization" else ()
                if len(dw) > 2 and dw[-1] == words[1] and initials(" ".join(dw[:-1])).upper() == words[0]:
                    self._join(ci, cj)
                    break

    def _join(self, ci: int, cj: int) -> None:
        """Cluster ci joins cluster cj (its names and mentions move; its label becomes a weak one)."""
        c, d = self.clusters[ci], self.clusters[cj]
        d.labels += [(0, lab) for _, lab in c.labels]
        d.surfaces += c.surfaces
        d.items += c.items
        for i, a in list(self.assign.items()):
            if a == ci:
                self.assign[i] = cj
        for key, val in list(self.by_fold.items()):
            if val == ci:
                self.by_fold[key] = cj
        c.items, c.labels, c.surfaces = [], [], []

    def run(self) -> Resolved:
        items = self.items
        text = self.doc.clean
        # 1. anchors: typed mentions, strongest first so their type decides shared names
        order = sorted(range(len(items)), key=lambda i: -_strength(items[i]))
        for i in order:
            t = items[i]
            if t.type is None or t.type == "Group":
                continue
            label = t.label or t.mention.text
            if len(label.split()) == 1 and t.cue not in _STRENGTH and not t.cue.startswith("title"):
                continue  # weakly typed single words are decided once the long names are known
            self._add(i, t, t.type, label)
        self._merge_suffixes()
        self._merge_brands()
        self._merge_acronym_suffixed()
        # 2. aliases written out: "Safe Superintelligence (SSI)", "Marques Brownlee, popularly recognized as MKBHD"
        for i, t in enumerate(items):
            if i in self.assign or t.mention.group:
                continue
            prev = self._previous_named(i)
            if prev is not None:
                gap = text[items[prev].mention.end:t.mention.start]
                if (gap.strip() == "(" and text[t.mention.end:t.mention.end + 1] == ")") or _KNOWN_AS.match(gap):
                    ci = self.assign[prev]
                    self.clusters[ci].surfaces.append(t.mention.text)
                    self.clusters[ci].items.append(t)
                    self.assign[i] = ci
        # 3. short names and acronyms join the fullest name; weak single words keep their own type otherwise
        surface_of: dict[str, int] = {}
        self.word_index = {}  # from here on kept up to date as names join clusters (merges are over)
        for ci, c in enumerate(self.clusters):
            if not c.labels:
                continue
            self._index(ci, *(lab for _, lab in c.labels), *c.surfaces)
            for sf in c.surfaces:
                surface_of.setdefault(fold(sf), ci)
        for i, t in enumerate(items):
            if i in self.assign or t.mention.group:
                continue
            ci = self._administration_of(t)
            if ci is None:
                ci = surface_of.get(fold(t.mention.text))
            if ci is None:
                ci = self._long_match(t.mention.text, typed=t.type, definite=after_the(text, t.mention.start))
            if ci is None:
                shared, ci = self._salient_namesake(t)
                if shared and ci is None:
                    continue  # ambiguous between namesakes: no one rather than a wrong one or a firm "Garrow"
            if ci is None and (person := self._known_surname(t)) is not None:
                self._add(i, replace(t, type="Person", cue="known-surname"), "Person", person)
                surface_of.setdefault(fold(t.mention.text), self.assign[i])
                continue
            if ci is not None:
                c = self.clusters[ci]
                c.surfaces.append(t.mention.text)
                c.items.append(t)
                self.assign[i] = ci
                self._index(ci, t.mention.text)
            elif t.type is not None and t.type != "Group":
                self._add(i, t, t.type, t.label or t.mention.text)
                # later untyped writings of the same name (sentence-initial ones) join this entity
                surface_of.setdefault(fold(t.mention.text), self.assign[i])
        self._merge_acronyms()
        # 4. a brand written alone that starts a product's name is its maker ("Humane" of "Humane AI Pin")
        for i, t in enumerate(items):
            if i in self.assign or t.mention.group or len(t.mention.text.split()) != 1:
                continue
            w = t.mention.text
            nxt = items[i + 1] if i + 1 < len(items) else None
            owns_next = nxt is not None and nxt.type == "Product" and nxt.mention.sentence == t.mention.sentence \
                and 0 < nxt.mention.start - t.mention.end <= 3  # "Humane's AI Pin": the maker of the product
            if t.mention.possessive and (owns_next or any(c.type == "Product" and c.labels and
                                                          _forms(c.label())[0][0] == w and
                                                          len(_forms(c.label())[0]) > 1 for c in self.clusters)):
                self._add(i, replace(t, type="Organization", cue="brand"), "Organization", w)
        # 5. groups, with the stated affiliation
        for i, t in enumerate(items):
            if t.mention.group:
                self._add(i, t, "Group", t.mention.group)
                if t.mention.org_before is not None:
                    self.clusters[self.assign[i]].affiliation = t.mention.org_before
        return self._build()

    def _merge_acronyms(self) -> None:
        """An organisation named only by an acronym joins the one organisation of the text whose name it abbreviates
        ("FERC" of "Federal Energy Regulatory Commission", "DMV" of "California Department of Motor Vehicles")."""
        for ci, c in enumerate(self.clusters):
            if not c.items or c.type != "Organization" or not acronym_like(c.label()):
                continue
            word = c.label()
            cands = [cj for cj, d in enumerate(self.clusters) if cj != ci and d.items and d.type == "Organization"
                     and any(word in acronym_forms(lab) for lab in {d.label(), *d.surfaces})]
            if len(cands) == 1:
                self._join(ci, cands[0])

    def _merge_suffixes(self) -> None:
        """"AI Pin" joins "Humane AI Pin", a titled "Trump" joins "Donald Trump", "James Earl" joins "James Earl
        Jones" (same type, shorter name inside)."""
        for ci, c in enumerate(self.clusters):
            if not c.items or c.type not in ("Product", "Person"):
                continue
            words = _forms(c.label())[1]
            for cj, d in enumerate(self.clusters):
                if cj == ci or d.type != c.type or not d.items:
                    continue
                dw = _forms(d.label())[1]
                # a person's given names without the surname join the full name too ("James Earl" of "James Earl
                # Jones"): two or more words, one fewer than the full name's
                given = c.type == "Person" and len(words) >= 2 and len(dw) == len(words) + 1 and \
                    dw[:len(words)] == words
                if given or (len(dw) > len(words) and dw[-len(words):] == words and
                             (c.type == "Person" or self.lex.known.get(fold(c.label())) is None)):
                    d.labels += c.labels
                    d.surfaces += c.surfaces
                    d.items += c.items
                    for i, a in list(self.assign.items()):
                        if a == ci:
                            self.assign[i] = cj
                    c.items, c.labels, c.surfaces = [], [], []
                    for key, val in list(self.by_fold.items()):
                        if val == ci:
                            self.by_fold[key] = cj
                    break

    def _maker_prefix(self, label: str) -> tuple[str, str] | None:
        """(written maker, its lexicon label) when a product's name starts with a known organisation
        ("GitHub Copilot", "Nvidia H100"), else None."""
        words = label.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            written = " ".join(words[:n])
            k = self.lex.known.get(fold(written))
            if k is not None and k.type == "Organization":
                return written, k.label
        return None

    def _makers(self, entities: list[Entity]) -> list[Entity]:
        """Organisations written only inside a product's name ("Nvidia" of "Nvidia H100"): an entity each,
        with the span of the maker's words (no resolved mention: the facts read the product there)."""
        names = {fold(n) for e in entities if e.type == "Organization" for n in (e.label, *e.aliases)}
        out: list[Entity] = []
        for e in entities:
            # the maker written before the product's label ("Google Gemini" for "Gemini") counts too
            maker = next((mk for name in (e.label, *e.aliases) if (mk := self._maker_prefix(name))), None) \
                if e.type == "Product" else None
            if maker is None or fold(maker[1]) in names or fold(maker[0]) in names:
                continue
            names.add(fold(maker[1]))
            spans = tuple(Span(start=sp.start, end=sp.start + len(maker[0]), sentence=sp.sentence)
                          for sp in e.mentions if self.doc.text[sp.start:sp.start + len(maker[0])] == maker[0])
            if spans:
                aliases = (maker[0],) if maker[0] != maker[1] else ()
                out.append(Entity(key=EntityKey(f"e{len(entities) + len(out) + 1}"), label=maker[1],
                                  type="Organization", aliases=aliases, mentions=spans))
        return out

    def _previous_named(self, i: int) -> int | None:
        for k in range(i - 1, max(-1, i - 3), -1):
            if k in self.assign and self.clusters[self.assign[k]].type != "Group":
                return k
        return None

    def _build(self) -> Resolved:
        doc = self.doc
        sentences, clean = doc.sentences, doc.clean
        first_pos: dict[int, int] = {}
        for i, ci in self.assign.items():
            first_pos[ci] = min(first_pos.get(ci, 1 << 60), self.items[i].mention.start)
        ordered = sorted(first_pos, key=lambda ci: first_pos[ci])
        key_of = {ci: EntityKey(f"e{n + 1}") for n, ci in enumerate(ordered)}
        entities: list[Entity] = []
        # mention indices per cluster, grouped once (not one scan of all assignments per cluster)
        members: dict[int, list[int]] = {}
        for i, cj in sorted(self.assign.items()):
            members.setdefault(cj, []).append(i)
        for ci in ordered:
            c = self.clusters[ci]
            label = c.label()
            mention_idx = members[ci]
            spans = []
            aliases: list[str] = []
            # a name is judged once: a second writing of it adds nothing (it is an alias already, or was refused)
            seen = {"", label}
            flabel, llabel = fold(label), label.lower()
            product = c.type == "Product"
            for i in mention_idx:
                t = self.items[i]
                m = t.mention
                end = m.version_end if (m.version_end and product) else m.end
                spans.append((m.start, end, sentences[m.sentence].text))
                for a in (" ".join(clean[m.start:end].split()), t.label):
                    if a not in seen:
                        seen.add(a)
                        # a curly-apostrophe writing of a straight-apostrophe label is kept: "D’Angelo" and
                        # "D'Angelo" read apart once punctuation is dropped ("dangelo" / "d angelo")
                        if fold(a) != flabel or (a.lower() != llabel and a.isupper()) or \
                                ("’" in a and "'" in label):
                            aliases.append(a)
            aff = None
            if c.affiliation is not None and c.affiliation in self.assign:
                aci = self.assign[c.affiliation]
                if aci in key_of and self.clusters[aci].type == "Organization":
                    aff = key_of[aci]
            maker = self._maker_prefix(label) if c.type == "Product" else None
            if maker and label[len(maker[0]):].strip() not in aliases:
                aliases.append(label[len(maker[0]):].strip())  # "Nvidia H100" is also written "H100"
            entities.append(_ENTITY({"key": key_of[ci], "label": label, "type": c.type, "aliases": tuple(aliases),
                                     "mentions": Spans.of(spans), "affiliation": aff}))
        entities += self._makers(entities)
        mentions = []
        for i, ci in sorted(self.assign.items(), key=lambda kv: self.items[kv[0]].mention.start):
            m = self.items[i].mention
            c = self.clusters[ci]
            end = m.version_end if (m.version_end and c.type == "Product") else m.end
            mentions.append(ResolvedMention(start=m.start, end=end, sentence=m.sentence, key=key_of[ci],
                                            type=c.type, possessive=m.possessive))
        return Resolved(entities=entities, mentions=mentions)


def resolve(doc: TextDoc, typed: TypedMentions) -> Resolved:
    """Stage 4: entities of the document (with aliases and mentions) and the entity of every kept mention."""
    return _Resolver(doc, typed, lexicon()).run()
