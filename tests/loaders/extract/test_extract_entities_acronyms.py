"""An acronym written alone is the organisation whose name it abbreviates (invented sentences)."""

from __future__ import annotations

import pytest

from loaders.extract import extract
from loaders.extract.resolution import acronym_forms, acronym_like


@pytest.mark.parametrize(("text", "full", "acronym"), [
    ("The Nevada Department of Motor Vehicles suspended Zentrix's permits. The DMV said Zentrix hid a video.",
     "Nevada Department of Motor Vehicles", "DMV"),
    ("The Federal Grid Regulatory Commission rejected the deal. FGRC Chairman Dana Whitcombe said so.",
     "Federal Grid Regulatory Commission", "FGRC"),
    ("The Department for Robotics said schools could use Zentrix tools. The DfR also said more.",
     "Department for Robotics", "DfR"),
])
def test_an_acronym_joins_the_organisation_it_abbreviates(text: str, full: str, acronym: str) -> None:
    orgs = [e for e in extract(text).entities if e.type == "Organization"]
    holders = [e for e in orgs if acronym in (e.label, *e.aliases)]
    assert len(holders) == 1 and holders[0].label == full, orgs


def test_an_acronym_matching_two_organisations_joins_neither() -> None:
    text = ("The Digital Media Council met the Data Market Commission on Monday. "
            "DMC Chairman Dana Whitcombe said the talks went well.")
    orgs = [e for e in extract(text).entities if e.type == "Organization"]
    assert not any("DMC" in e.aliases for e in orgs), orgs


@pytest.mark.parametrize(("word", "expected"), [
    ("FERC", True), ("DfE", True), ("DMV", True), ("Zentrix", False), ("OpenAI", False), ("A", False),
])
def test_acronym_shape(word: str, expected: bool) -> None:
    assert acronym_like(word) is expected


@pytest.mark.parametrize(("name", "form"), [
    ("Department for Education", "DfE"),
    ("California Department of Motor Vehicles", "DMV"),
    ("Federal Energy Regulatory Commission", "FERC"),
])
def test_acronym_forms(name: str, form: str) -> None:
    assert form in acronym_forms(name)
