"""The registry of extraction rules: every fact names, in its ``rule`` field, the versioned rule that made it.

A rule's name is ``family.rule_name.vN`` (``criticism.verb_object.v1``); the family is the kind of fact it makes.
Registering a name twice, or a malformed one, is an error at import time, so two rules cannot share a name, and
``tests/loaders/extract/test_rules.py`` compares the registry with a committed list, so that a rule cannot
disappear or be renamed silently. Bump the version when a rule's output changes on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

FAMILIES = ("criticism", "funding", "event", "relation", "claim", "typing")
_NAME = re.compile(rf"^(?:{'|'.join(FAMILIES)})\.[a-z][a-z0-9_]*\.v[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class RuleInfo:
    """A registered rule: its name, the module that declares it and what it finds."""

    name: str
    module: str
    description: str

    @property
    def family(self) -> str:
        """The kind of fact the rule makes (the name's first part)."""
        return self.name.split(".", 1)[0]


_REGISTRY: dict[str, RuleInfo] = {}


def register(name: str, description: str, module: str) -> str:
    """Register a rule and return its name (a module declares ``VERB_OBJECT = register(..., __name__)``)."""
    if not _NAME.match(name):
        raise ValueError(f"rule name {name!r} is not 'family.rule_name.vN' with family one of {FAMILIES}")
    if name in _REGISTRY:
        raise ValueError(f"rule {name!r} registered twice ({_REGISTRY[name].module} and {module})")
    _REGISTRY[name] = RuleInfo(name, module, description)
    return name


def registry() -> Mapping[str, RuleInfo]:
    """Every registered rule by name (read-only); importing the extraction pipeline registers them all."""
    import loaders.extract.pipeline  # noqa: F401  (its imports declare every rule)

    return MappingProxyType(_REGISTRY)
