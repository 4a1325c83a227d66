"""The evaluation sets by role: the tuning sets rules are developed on, and the held-out sets that are never read.

One list for every tool that trains or audits (tools/rule_audit.py, tools/train_judgement.py,
tools/train_criticism_pairs.py): a held-out set is any folder whose name holds "heldout", so a new one is excluded
the day it lands, whether or not someone remembers to list it.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXTRACT_TESTS = ROOT / "tests" / "loaders" / "extract"
SHARED = ROOT.parent / "shared"
TUNING_SETS = (
    "tuning", "tuning2", "tuning3", "tuning4",
    "realnews_a", "realnews_b", "realnews_c", "realnews_d", "realnews_e", "realnews_f", "realnews_g",
    "realnews_h", "realnews_i", "realnews_j", "realnews_k", "realnews_l", "realnews_m", "realnews_n", "realnews_p",
    "realnews_q", "realnews_r", "realnews_s", "realnews_t",
    "realnews_o",  # blind over the session that wrote it (scored at its start and end before anything trained on it)
    "realnews_u", "realnews_v", "realnews_w", "realnews_x", "realnews_y", "realnews_z", "realnews_aa", "realnews_ab",
    "realnews_ad", "realnews_ae", "realnews_af", "realnews_ag", "realnews_ah", "realnews_ai", "realnews_ak",
    "realnews_al", "realnews_am", "realnews_an", "realnews_ao", "realnews_ap", "realnews_aq", "realnews_ar",
    "realnews_as", "realnews_at", "realnews_au", "realnews_av",
    "realnews_ac", "realnews_aj",  # blind over the session that wrote them (scored at its end before any tuning)
    "realnews_ax", "realnews_ay", "realnews_az",  # scored fresh on arrival; no rule was tuned on them in that session
    "realnews_aw",  # blind over the session that wrote it (scored at its start and end only)
    "realnews_ba", "realnews_bb",  # blind over the session that wrote them (scored at its start and end only)
    "realnews_bc", "realnews_bd",  # the lead's validation in the session that wrote them (no helper saw them)
    "realnews_be",  # blind over the session that wrote it (scored at its start and end only)
)  # fmt: skip
# realnews_bf and realnews_bg (stop 31) are not tuning sets yet: scored once on arrival, no rule was written or judged
# on them, so the next session that changes extraction has fresh sets to judge its branches on.


def is_held_out(name: str) -> bool:
    """Whether the set of this name is held out (never trained on, audited or opened while developing rules)."""
    return "heldout" in name


# never read: they measure the rules
HELD_OUT = frozenset(path.name for path in EXTRACT_TESTS.iterdir() if path.is_dir() and is_held_out(path.name))
assert not HELD_OUT & set(TUNING_SETS)
