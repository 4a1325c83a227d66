"""Whether a verb of speech asserts what follows it: negated, passive or a noun ("never wrote", "after reports
that"), an unnamed or group subject, an indirect question, a relative clause, a fronted attribution that is not one,
the headline; and who speaks where attribution reads it otherwise (a named spokesperson set off by commas, the
named subject of an inverted "…, said X, a director at Y"); the claims stage (loaders/extract/claims.py) asks these
before taking what an attribution says."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.extract.attribution import Attribution
from loaders.extract.lexicon import alternation, lexicon

if TYPE_CHECKING:
    from loaders.extract.context import DocContext
    from loaders.extract.criticism_index import CriticIndex

_SPEAKER_TYPES = ("Person", "Organization")
_BEFORE_VERB = re.compile(r"\s+(?:(?:also|later|has|had|have|previously|again|then|now|separately)\s+)*")
# a name set off as an apposition right before the verb ("A spokesperson for Meta, Ashley Gabriel, said")
_APPOSED_BEFORE_VERB = re.compile(r",\s*(?:(?:also|later|previously|then|separately)\s+)*")
# "…, said Ann Lee, a director at X.": an inverted verb of speech, its subject and an apposition end the sentence
_INVERTED_VERBS = frozenset({"said", "says", "added", "wrote", "noted", "explained"})
_INVERTED_TAIL = re.compile(r"(?:,\s*(?:a|an|the)\s[^.;:“”\"]*)?\s*[.!]?\s*")
_COMMA_END = re.compile(r",\s*$")
# what stands right before a verb of speech when it asserts nothing: negated ("never wrote", "has not disclosed"),
# passive ("it was revealed"), or a noun ("after reports that", "the findings")
_UNASSERTED_BEFORE = re.compile(r"(?:\b(?:not|never|n[’']t)\b(?:\s+\w+){0,2}|"
                                r"\b(?:not|never|n[’']t)\b[^,;]{0,60}\b(?:or|nor)|"
                                r"\b(?:was|were|been|being|be|is|are)|"
                                r"\b(?:after|about|amid|following|despite|of|to|the|these|those|such|media|news|"
                                r"press|that))\s*$", re.I)
# an unnamed subject right before a finite verb ("a prominent app developer showed that …"): whoever it is, not
# the organisation named earlier in the sentence (before a participle, it is the document: "an article stating")
_UNNAMED_SUBJECT = re.compile(r"\b(?:a|an)\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*$")
# an unnamed person described by their tie to a named organisation ("an investor in X said", "a source close to X
# said"): not the organisation speaking (its spokespeople and officials are looked for elsewhere)
_UNNAMED_TIED = re.compile(r"\b(?i:a|an|one)\s+(?:[a-z][\w-]*\s+){0,2}(?:investor|backer|shareholder|person|source|"
                           r"insider|employee|analyst|associate|acquaintance)s?\s+(?:in|at|of|from|with|close to|"
                           r"familiar with)\s+(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+){1,4}$")
# a sentence opening with one unnamed individual ("One person on Reddit who said their company had used X's AI said
# …", "A user in the forum wrote …"): whoever it is speaks, not the organisations named around them; spokespeople and
# officials, who speak for an organisation, are looked for elsewhere
_UNNAMED_OPENING = re.compile(r"\s*[“\"]?(?:A|An|One)\s+(?:[a-z][\w-]*\s+){0,2}(?:person|user|customer|employee|worker|"
                              r"reader|commenter|poster|resident|parent|teacher|student|source|insider|driver|rider|"
                              r"passenger|viewer|listener|fan|subscriber|contractor|freelancer)\b[^,;:“”\"]*$")
# verbs that take a noun phrase as often as a clause: they state something only with "that" or a quote
_OBJECT_VERB = re.compile(r"(?:wrote|writes|write|emphasi[sz]e[sd]?|highlight(?:s|ed)?|stress(?:es|ed)?|"
                          r"underscore[sd]?|underline[sd]?|pointed to|points to|cite[sd]?)", re.I)
# what comes before a participle of speech ("…, saying that", "by telling", "while noting"); before other -ing
# words of speech ("writing", "reporting") a noun phrase is meant ("an AI sports writing program")
_ING_LEAD = re.compile(r"(?:[,;:—–(]|\b(?:by|while|when|after|before|also|and|in|on|without|article|report|paper|"
                       r"statement|post|letter|filing|study|blog|email|memo|note|survey))\s*$", re.I)
# the verb of a relative clause ("X, which says it represents …, lodged …"): the statement ends at its comma
_RELATIVE = re.compile(r"\b(?:which|who)\s+(?:\w+ly\s+|also\s+)?$", re.I)
# "brought claims against", "media reports": the noun, not the verb
_NOUN_SPEECH = frozenset({"claims", "claim", "reports", "report"})
_SUBJECT_WORDS = frozenset({"also", "now", "still", "later", "it", "he", "she", "they", "we", "company", "firm",
                            "which", "who", "that", "and", "but", "often", "repeatedly", "publicly", "falsely",
                            # an auxiliary makes the verb a verb: "has forecast that", "had reported"
                            "has", "have", "had", "will", "would", "previously"})
_ADDED_OBJECT = re.compile(r"(?:a|an|the|its|their|new)\s", re.I)  # "added a warning", "added the chatbot"
# an indirect question: "why she thinks …", "how it says …"
_WH_BEFORE = re.compile(r"\b(?:why|how|whether)\s+(?:\S+\s+){0,2}$", re.I)


def headline(ctx: DocContext) -> frozenset[int]:
    """The document's headline: a first paragraph of one sentence, on one line, that ends no sentence."""
    sents = ctx.doc.sentences
    if len(sents) < 2 or sents[1].paragraph == sents[0].paragraph:
        return frozenset()
    line = ctx.doc.clean[sents[0].start:sents[0].end].strip().rstrip("'’\"”)")
    return frozenset() if "\n" in line or line.endswith((".", "!", "?", ":", ";")) else frozenset({0})


def unasserted(ctx: DocContext, a: Attribution) -> bool:
    """Whether the verb of reported speech asserts nothing: negated, passive, or a noun ("after reports that")."""
    if a.kind == "quote" or not a.verb:
        return False
    text, s = ctx.doc.clean, ctx.sentence(a.sent)
    verb_at = text.rfind(a.verb, s.start, a.start + 1)
    if verb_at < 0:
        return False
    if a.verb.strip().endswith("ing"):
        if not _ING_LEAD.search(text, max(s.start, verb_at - 12), verb_at):
            return True  # "an AI sports writing program": a gerund inside a noun phrase, not a participle of speech
    elif _UNNAMED_SUBJECT.search(text, max(s.start, verb_at - 40), verb_at) or group_subject(ctx, a.sent, verb_at) \
            or _UNNAMED_TIED.search(text, max(s.start, verb_at - 80), verb_at) or \
            _UNNAMED_OPENING.match(text, s.start, verb_at):
        return True
    verb = a.verb.strip().lower()
    if (verb == "add" or (verb == "added" and _ADDED_OBJECT.match(text, a.start))) and \
            not re.search(r"\bthat\s*$", text[max(0, a.start - 6):a.start]):
        return True  # "Meta has since added a warning", "it would add parental controls": "add" with an object
    if _after_quote(text, s.start, verb_at) and not a.verb.strip().endswith("ing"):
        return True  # '“…,” X said in a statement after …': the words after the verb only place the quote
    if _noun_speech(text, a.verb, verb_at) or _WH_BEFORE.search(text, max(s.start, verb_at - 40), verb_at):
        return True  # "brought claims against", "why she thinks": no statement is made
    if _inside_quote(text, verb_at):
        return True  # '“… Perplexity proudly states that …”': the quote's speaker says it, not the name in it
    before = _UNASSERTED_BEFORE.search(text, max(s.start, verb_at - 80), verb_at)
    # "Common Sense Media found", "NBC News reported": the word ends a name, not "media reports"
    return before is not None and not any(m.start <= before.start() < m.end and m.type in _SPEAKER_TYPES
                                          for m in ctx.mentions(a.sent, s.start, verb_at))


# a group named by what its members are ("Silicon Valley executives said"): nobody named speaks, unless an
# organisation's name stands right before the group ("Anthropic researchers found": its staff)
@lru_cache(maxsize=1)
def _group_subject_re() -> re.Pattern[str]:
    """A group named by what its members are, right before a verb ("industry executives", "users on Reddit")."""
    plural = alternation(w for w in lexicon().group_nouns if w.endswith("s") and " " not in w)
    return re.compile(rf"\b(?:{plural})(?:\s+on\s+(?:[A-Z][\w.&-]*\s+){{1,3}})?\s*$")


def group_subject(ctx: DocContext, sent: int, verb_at: int) -> bool:
    """Whether the subject right before the verb is a group no name identifies ("industry executives said"), not
    an organisation's staff ("Anthropic researchers found")."""
    m = _group_subject_re().search(ctx.doc.clean, max(ctx.sentence(sent).start, verb_at - 40), verb_at)
    if m is None:
        return False
    owner = next(iter(reversed(ctx.mentions(sent, ctx.sentence(sent).start, m.start()))), None)
    return owner is None or owner.type != "Organization" or \
        re.fullmatch(r"(?:[’']s)?\s+", ctx.doc.clean[owner.end:m.start()]) is None


def _after_quote(text: str, start: int, verb_at: int) -> bool:
    """Whether a sentence opens with a quotation that closes before the verb at ``verb_at``."""
    head = text[start:verb_at].lstrip()
    return head[:1] in ("“", '"') and ("”" in head or head.count('"') >= 2)


# the speaker introduced as one of a side's critics ("Critics of the change, including Musk, have said …")
_CRITICS = re.compile(r"\b(?:critics|sceptics|skeptics|opponents|detractors)\b", re.I)


def said_by_critics(ctx: DocContext, a: Attribution) -> bool:
    """Whether reported speech is put in the mouth of critics ("Critics, including X, have said …"): what they say
    is their criticism (schema), even where the name of one of them is the speaker."""
    at = verb_position(ctx, a) if a.kind == "reported" else -1
    return at >= 0 and _CRITICS.search(ctx.doc.clean, ctx.sentence(a.sent).start, at) is not None


# what may follow the verb of '<content>, X said …': where, when, to whom and how it was said
_PLACING = re.compile(r"\s*(?:[.!?”\"]|$|(?:in|on|at|during|after|before|to|via|while|when|last|this|earlier|later|"
                      r"yesterday|today|recently|previously|also|then|of|with|by|through|from|for|as|told|according|"
                      r"adding|noting|saying|citing|who|which|and|but)\b)", re.I)
# a clause of its own after the verb ("Speaking at a conference, Huang said Nvidia had shipped …"): the words before
# the name were a fronted phrase, not what was said
_TAIL_CLAUSE = re.compile(r"\s*(?:\S+\s+){1,6}?(?:is|are|was|were|has|have|had|will|would|could|can|may|might)\b",
                          re.I)


def fronted_too_far(ctx: DocContext, a: Attribution) -> bool:
    """'<content>, X said.': the verb must end the sentence, give or take where and when ('…, and two researchers,
    A and B, announced they were leaving' is no such attribution)."""
    if a.kind != "fronted" or not a.verb:
        return False
    text, s = ctx.doc.clean, ctx.sentence(a.sent)
    at = text.find(a.verb, a.end, s.end)
    tail = text[at + len(a.verb):s.end] if at >= 0 else ""
    return len(tail.split()) > 8 or re.search(r"\bthat\b", tail) is not None or \
        (at >= 0 and _RELATIVE.search(text, max(0, at - 20), at) is None and
         re.match(r"\s*(?:it|he|she|they|we)\b", tail) is not None) or \
        (not _PLACING.match(tail) and _TAIL_CLAUSE.match(tail) is not None)


def verb_position(ctx: DocContext, a: Attribution) -> int:
    """Where the verb of a reported attribution stands in its sentence (-1 when not found)."""
    return ctx.doc.clean.rfind(a.verb or "", ctx.sentence(a.sent).start, a.start + 1) if a.verb else -1


def relative_verb(ctx: DocContext, a: Attribution) -> bool:
    """Whether the verb of speech is that of a relative clause ("the alliance, which says it represents …, …")."""
    at = verb_position(ctx, a)
    return at >= 0 and _RELATIVE.search(ctx.doc.clean, max(0, at - 20), at) is not None


def _noun_speech(text: str, verb: str, verb_at: int) -> bool:
    """"brought claims against", "after media reports": the noun, not the verb of speech."""
    return verb.strip().lower() in _NOUN_SPEECH and noun_before(text, verb_at)


def noun_before(text: str, verb_at: int) -> bool:
    """Whether the word before a verb that is also a noun ("claims", "forecast") makes it a noun: a lower-case word
    that is neither a pronoun, an adverb nor a subject ("the company"), or a name's possessive ("OpenAI's")."""
    before = text[max(0, verb_at - 30):verb_at].split()
    if before and before[-1].endswith(("'s", "’s", "s'", "s’")) and before[-1][0].isupper():
        return True  # "disputed OpenAI's claim that …": a possessive, then the noun
    return bool(before) and before[-1].islower() and before[-1] not in _SUBJECT_WORDS and \
        not before[-1].endswith("ly")


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation opened earlier in its paragraph."""
    para = text.rfind("\n", 0, pos) + 1
    return text.count('"', para, pos) % 2 == 1 or text.count("“", para, pos) > text.count("”", para, pos)


def object_only(ctx: DocContext, a: Attribution) -> bool:
    """"has emphasized AI safety since …", "pointed to a rapid increase": the verb takes an object, not a statement
    (the speaker still speaks: figures that follow are theirs)."""
    if a.kind == "quote" or not a.verb or not _OBJECT_VERB.match(a.verb.strip()):
        return False
    text = ctx.doc.clean
    verb_at = text.rfind(a.verb, ctx.sentence(a.sent).start, a.start + 1)
    return verb_at >= 0 and not re.search(r"\bthat\b|[“\"]", text[verb_at:a.start + 5])


# 'stated plainly: “Duolingo is going to be AI-first.”': reported speech that is only a direct quote after a colon
_COLON_QUOTE = re.compile(r"\s*(?:\w+ly\s*)?:\s*[“\"][^“”\"]+[”\"]?[\s.!]*$")


def quote_only(ctx: DocContext, a: Attribution) -> bool:
    """Whether reported speech is a direct quote after a colon: the quote's attribution judges it, as a quote."""
    return a.kind != "quote" and _COLON_QUOTE.match(ctx.doc.clean, a.start, a.end) is not None


_SPOKES = re.compile(r"\bspokes(?:person|man|woman)\b", re.I)
_SPOKES_AFTER = re.compile(r"(?:[’']s)?\s+(?:\w+\s+)?spokes(?:person|man|woman)\b", re.I)
_SPOKES_BEFORE = re.compile(r"\bspokes(?:person|man|woman)\s+(?:for|at|from)\s+(?:the\s+)?$", re.I)
_SPOKES_BACK = 3  # sentences back in which the spokesperson's organisation is named


def unnamed_spokesperson(ctx: DocContext, a: Attribution) -> str | None:
    """The organisation an unnamed spokesperson speaks for ("A SAG-AFTRA spokesperson told Decrypt … According to
    the spokesperson, …"): the latest organisation named as a spokesperson's, in this sentence or the few before;
    None where no unnamed spokesperson speaks."""
    text, s = ctx.doc.clean, ctx.sentence(a.sent)
    outside = text[s.start:a.start] + " " + text[a.end:s.end]
    if not _SPOKES.search(outside):
        return None
    if any(m.type == "Person" and not a.start <= m.start < a.end for m in ctx.mentions(a.sent)):
        return None  # "spokesperson Jose Castaneda": the named person speaks
    for si in range(a.sent, max(-1, a.sent - 1 - _SPOKES_BACK), -1):
        for m in reversed(ctx.mentions(si)):
            if m.type == "Organization" and not (si == a.sent and a.start <= m.start < a.end) and (
                    _SPOKES_AFTER.match(text, m.end) or _SPOKES_BEFORE.search(text, max(0, m.start - 40), m.start)):
                return m.key
    return None


_PRONOUN_BEFORE = re.compile(r"\b(she|he)\s+(?:(?:also|later|has|had|then|previously|again|now)\s+)*$", re.I)
_PRONOUN_VERB = re.compile(r"\s*(she|he)\b", re.I)  # a quote's verb with its subject ('…,” she said')
_PRONOUN_BACK = 3  # sentences back in which the person a pronoun stands for is named


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    """First name -> "M" or "F" where gender-guesser's name dictionary gives it one sex only."""
    try:
        import gender_guesser

        text = (Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt").read_text(encoding="iso-8859-1")
    except (ImportError, OSError):
        return {}
    codes: dict[str, set[str]] = {}
    for line in text.splitlines():
        code, name = line[:2].strip(), line[3:29].strip()
        if code in ("M", "?M", "1M", "F", "?F", "1F") and name:
            codes.setdefault(name, set()).add(code[-1])
    return {n: next(iter(c)) for n, c in codes.items() if len(c) == 1}


def _gender_of(ctx: DocContext, key: str) -> str | None:
    """The sex a person's first name points to, if any."""
    first = ctx.label(key).split()[0] if ctx.type_of(key) == "Person" else ""
    return _genders().get(first)


def person_of_pronoun(ctx: DocContext, pos: int, pronoun: str) -> str | None:
    """Whom "he" or "she" at ``pos`` stands for: the latest person named in the few sentences before whose first name
    is of that sex, else whom the context resolves it to unless that person's first name is of the other sex."""
    sex = "F" if pronoun.lower() == "she" else "M"
    sent = ctx.sentence_at(pos)
    for si in range(sent, max(-1, sent - 1 - _PRONOUN_BACK), -1):
        for m in reversed(ctx.mentions(si)):
            if m.start < pos and m.type == "Person" and _gender_of(ctx, m.key) == sex:
                return m.key
    key = ctx.person_pronoun(pos)
    return key if key is not None and _gender_of(ctx, key) in (None, sex) else None


def pronoun_speaker(ctx: DocContext, a: Attribution, speaker: str) -> str | None:
    """'She said she hired legal counsel …' read as Sam Altman's: where "she" or "he" is the subject of the verb of
    speech and the speaker's first name is of the other sex, the latest person of that sex named just before (None
    if there is none); else the speaker as found."""
    said = _pronoun(ctx, a)
    if said is not None and ctx.type_of(speaker) != "Person":
        # "Klarna cut staff …, he said": an organisation is no "he"; the pronoun stands for the person it resolves to
        at = verb_position(ctx, a)
        return person_of_pronoun(ctx, at, "she" if said == "F" else "he") if at >= 0 else None
    if said is None or _gender_of(ctx, speaker) in (None, said):
        return speaker
    for si in range(a.sent, max(-1, a.sent - 1 - _PRONOUN_BACK), -1):
        for m in reversed(ctx.mentions(si)):
            if m.start < a.start and m.type == "Person" and _gender_of(ctx, m.key) == said:
                return m.key
    return None


def _pronoun(ctx: DocContext, a: Attribution) -> str | None:
    """"F" or "M" where "she" or "he" is the subject of an attribution's verb of speech."""
    if not a.verb:
        return None
    m = _PRONOUN_VERB.match(a.verb)
    if m is None and a.kind == "reported":
        at = verb_position(ctx, a)
        m = _PRONOUN_BEFORE.search(ctx.doc.clean, max(0, at - 30), at) if at >= 0 else None
    return None if m is None else ("F" if m.group(1).lower() == "she" else "M")


# ", who … (and) has said": a relative clause about a person, up to its verb of saying (no other clause between)
_RELATIVE_WHO = re.compile(r",\s+who\s+[^,;:“”\"]{0,80}?(?:\s|^)(?:(?:and|but)\s+)?(?:has\s+|have\s+|had\s+|also\s+)*$")
_SPEAKERS_RELATIVE = ("Person",)

def relative_speaker(ctx: DocContext, a: Attribution) -> str | None:
    """"Dan Hendrycks, who advises xAI on safety and has said the company …": the verb of a relative clause is
    spoken by the name the clause hangs on, not by a name inside the clause."""
    if a.kind != "reported" or not a.verb:
        return None
    s, text = ctx.sentence(a.sent), ctx.doc.clean
    verb_at = text.rfind(a.verb, s.start, a.start + 1)
    who = _RELATIVE_WHO.search(text, s.start, verb_at) if verb_at > 0 else None
    if who is None:
        return None
    name = next((m for m in reversed(ctx.mentions(a.sent, s.start, who.start())) if m.end == who.start()), None)
    return name.key if name is not None and name.type in _SPEAKERS_RELATIVE else None


def adjacent_speaker(ctx: DocContext, finder: CriticIndex, a: Attribution) -> str | None:
    """The name right before the verb of reported speech ("…, and Meta says the assistant …"): the speaker, even
    where the clause's start is misread."""
    if a.kind != "reported" or not a.verb:
        return None
    s = ctx.sentence(a.sent)
    text = ctx.doc.clean
    verb_at = text.rfind(a.verb, s.start, a.start)
    if verb_at < 0:
        return None
    for m in reversed(ctx.mentions(a.sent, s.start, verb_at)):
        if m.type == "Person" and _APPOSED_BEFORE_VERB.fullmatch(text, m.end, verb_at) and \
                text[max(s.start, m.start - 2):m.start].strip() == "," and not a.verb.endswith("ing"):
            return m.key  # "A spokesperson for Meta, Ashley Gabriel, said": the named spokesperson (schema)
        if m.type in _SPEAKER_TYPES and ctx.is_head(m) and _BEFORE_VERB.fullmatch(text, m.end, verb_at):
            return finder.actor(m.key, a.sent, m.start)
        break
    return None


def unknown_speaker(ctx: DocContext, a: Attribution) -> bool:
    """Whether the name right before the verb of reported speech is no person or organisation as typed ("… after
    Human Rights Watch said" with the name read as a product): someone speaks, but not whoever else is named."""
    if a.kind != "reported" or not a.verb:
        return False
    s, text = ctx.sentence(a.sent), ctx.doc.clean
    verb_at = text.rfind(a.verb, s.start, a.start)
    before = ctx.mentions(a.sent, s.start, verb_at) if verb_at >= 0 else []
    return bool(before) and before[-1].type not in (*_SPEAKER_TYPES, "Group") and \
        _BEFORE_VERB.fullmatch(text, before[-1].end, verb_at) is not None


def inverted(ctx: DocContext, a: Attribution) -> Attribution | None:
    """'<statement>, said Ann Lee, a director at X.': the verb before its named subject, the statement before both
    (reported speech read after the verb finds only the name); None where the attribution is no such inversion."""
    if a.kind != "reported" or not a.verb or a.verb.strip().lower() not in _INVERTED_VERBS:
        return None
    text, s = ctx.doc.clean, ctx.sentence(a.sent)
    verb_at = text.rfind(a.verb, s.start, a.start + 1)
    if verb_at < 0 or not _COMMA_END.search(text, s.start, verb_at):
        return None
    first = next(iter(ctx.mentions(a.sent, a.start, s.end)), None)
    if first is None or first.type != "Person" or first.start - a.start > 1 or \
            not _INVERTED_TAIL.fullmatch(text, first.end, s.end):
        return None
    comma = text.rfind(",", s.start, verb_at)
    return Attribution(first.key, "fronted", s.start, comma, a.sent, a.sent, None, text[s.start:comma])
