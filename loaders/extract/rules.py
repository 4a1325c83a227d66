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
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass
from types import MappingProxyType

FAMILIES = ("criticism", "funding", "event", "relation", "claim", "typing")
_NAME = re.compile(rf"^(?:{'|'.join(FAMILIES)})\.[a-z][a-z0-9_]*\.v[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class Trigger:
    """A sentence-level precondition of a rule: the sentence's lower-case words hold one of ``any_of`` (a set, or a
    function returning it, for a set read from the lexicons on first use) and every word of ``all_of``."""

    any_of: frozenset[str] | Callable[[], frozenset[str]]
    all_of: frozenset[str] = frozenset()

    def words(self) -> frozenset[str]:
        """The words of which a sentence must hold one."""
        return self.any_of if isinstance(self.any_of, frozenset) else self.any_of()

    def holds(self, words: Set[str]) -> bool:
        """Whether a sentence of these (lower-case) words may make the rule fire."""
        return not words.isdisjoint(self.words()) and self.all_of <= words


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
