"""The registry of extraction rules: every fact names, in its ``rule`` field, the versioned rule that made it.

A rule's name is ``family.rule_name.vN`` (``criticism.verb_object.v1``); the family is the kind of fact it makes.
Registering a name twice, or a malformed one, is an error at import time, so two rules cannot share a name, and
``tests/loaders/extract/test_rules.py`` compares the registry with a committed list, so that a rule cannot
disappear or be renamed silently. Bump the version when a rule's output changes on purpose.

A rule that runs on one sentence at a time may declare a :class:`Trigger`, the words a sentence must hold for the
rule to fire there: the rule's runner checks it once per sentence (on the sentence's word set, built once per
document) and never calls the rule where it fails. A trigger must be a necessary condition of the rule firing, never
a guess: ``tests/loaders/extract/test_triggers.py`` checks that it holds on every sentence where the rule fired over
the tuning sets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Set
from dataclasses import dataclass
from types import MappingProxyType

FAMILIES = ("criticism", "funding", "event", "relation", "claim", "typing")
_NAME = re.compile(rf"^(?:{'|'.join(FAMILIES)})\.[a-z][a-z0-9_]*\.v[1-9][0-9]*$")


WordSet = frozenset[str] | Callable[[], frozenset[str]]


class Trigger:
    """A sentence-level precondition of a rule: the sentence's lower-case words hold a word of each of its word sets
    (a set, or a function returning it, for a set read from the lexicons on first use)."""

    __slots__ = ("_needs",)

    def __init__(self, *needs: WordSet) -> None:
        if not needs:
            raise ValueError("a trigger needs at least one word set")
        self._needs = needs

    def needs(self) -> tuple[frozenset[str], ...]:
        """The word sets of which a sentence must hold a word each (a runner reads them once per document)."""
        return tuple(n if isinstance(n, frozenset) else n() for n in self._needs)

    def holds(self, words: Set[str]) -> bool:
        """Whether a sentence of these (lower-case) words may make the rule fire."""
        return fires(words, self.needs())


def any_word(gates: Iterable[tuple[tuple[frozenset[str], ...], object]]) -> frozenset[str]:
    """The words of the first word set of every (needs, rule) gate: a sentence holding none of them fires no rule,
    which one test tells rather than one per rule (most sentences of a news article fire no legal rule)."""
    return frozenset().union(*(needs[0] for needs, _ in gates))


def fires(words: Set[str], needs: tuple[frozenset[str], ...]) -> bool:
    """Whether a sentence's words hold a word of each of a trigger's word sets (Trigger.needs, read once)."""
    for need in needs:  # (a loop, not all() over a generator: it runs for every rule and sentence)  # noqa: SIM110
        if words.isdisjoint(need):
            return False
    return True


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A registered rule: its name, the module that declares it, what it finds and the trigger it needs."""

    name: str
    module: str
    description: str
    trigger: Trigger | None = None

    @property
    def family(self) -> str:
        """The kind of fact the rule makes (the name's first part)."""
        return self.name.split(".", 1)[0]


_REGISTRY: dict[str, RuleInfo] = {}


def register(name: str, description: str, module: str, trigger: Trigger | None = None) -> str:
    """Register a rule and return its name (a module declares ``VERB_OBJECT = register(..., __name__)``)."""
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} is not 'family.rule_name.vN' with family one of {FAMILIES}")
    if name in _REGISTRY:
        raise ValueError(f"rule {name!r} registered twice ({_REGISTRY[name].module} and {module})")
    _REGISTRY[name] = RuleInfo(name, module, description, trigger)
    return name


def registry() -> Mapping[str, RuleInfo]:
    """Every registered rule by name (read-only); importing the extraction pipeline registers them all."""
    import loaders.extract.pipeline  # noqa: F401  (its imports declare every rule)

    return MappingProxyType(_REGISTRY)


def trigger_of(name: str) -> Trigger:
    """The trigger a registered rule declared (an error if it declared none: its runner could not skip it)."""
    trigger = _REGISTRY[name].trigger
    if trigger is None:
        raise ValueError(f"rule {name!r} declares no trigger")
    return trigger
