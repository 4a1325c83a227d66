"""Imported once by the extraction fork server (:mod:`api.extractor`): warms the extraction up before any fork.

Every worker forked from the server then starts with the extraction's modules imported, its lexicons loaded and
its patterns compiled (about a second of CPU), instead of each paying for it again.
"""

from __future__ import annotations

import logging

from loaders.documents import raw_from_fields
from loaders.extract.pipeline import warm_up as extraction_warm_up
from loaders.pipeline import build_elsewhere

WARM_UP = "Alice Chen, chief executive of Nimbus AI in Berlin, criticised Orbital Labs, which raised $2 billion."


def warm_up() -> None:
    """Load every lexicon, pattern table and model of the extraction (not only those a short article reads), then
    extract one through every stage; a failure is logged, not raised (the workers report it)."""
    try:
        extraction_warm_up()
        build_elsewhere(raw_from_fields({"text": WARM_UP}, "warm-up", 1 << 20))
    except Exception:  # a fork server that failed to start would fail every POST; a cold worker only costs time
        logging.getLogger(__name__).exception("warming the extraction up failed")


warm_up()
