"""tools/train_criticism_pairs.py: end-to-end pair scores counted as the scorer counts them, and the shipping gate."""

from __future__ import annotations

import pytest

from tools.train_criticism_pairs import NEWEST, Article, SetData, misses, pays, prf


def _set() -> SetData:
    art = Article("a.txt", rule_pairs={("ann", "acme"), ("bob", "zeta")})
    named = [("ann", {"acme"}), ("cy", {"acme", "acme labs"})]
    return SetData([art], named, [*named, ("critics", {"zeta"})])


@pytest.mark.parametrize(("extra", "expected"), [
    (set(), (0.5, 0.5)),                              # bob -> zeta is wrong: no gold pair has that critic
    ({("cy", "acme labs")}, (2 / 3, 1.0)),            # any one target of a gold criticism finds it
    ({("cy", "acme labs"), ("cy", "acme")}, (0.75, 1.0)),  # two pairs of one gold criticism find it once
])  # fmt: skip
def test_prf_counts_unique_pairs(extra: set[tuple[str, str]], expected: tuple[float, float]) -> None:
    p, r, f1 = prf(_set(), extra)
    assert (p, r) == pytest.approx(expected)
    assert f1 == pytest.approx(2 * p * r / (p + r))


def _gains(newest_up: int, dev: float = 0.0, other: float = 0.01) -> dict[str, float]:
    gains = {"seeds": 0.0, "dev": dev, "tuning": other}
    gains |= {s: (0.02 if i < newest_up else -0.01) for i, s in enumerate(NEWEST)}
    return gains


_MOST = len(NEWEST) // 2 + 1  # the fewest newest sets that are most of them


@pytest.mark.parametrize(("gains", "ships"), [
    (_gains(_MOST), True),
    (_gains(_MOST - 1), False),                # half of the newest sets up is not most of them
    (_gains(len(NEWEST), dev=-0.02), False),   # dev must not drop
    (_gains(_MOST, other=-0.5), False),        # the mean must rise
])  # fmt: skip
def test_pays_only_when_the_gate_holds(gains: dict[str, float], ships: bool) -> None:
    assert pays(gains) is ships


@pytest.mark.parametrize(("reach", "counted"), [
    ({"topic": {("cy", "acme")}}, "critic speaks, topic=1"),
    ({"pronoun": {("cy", "acme labs")}, "topic": {("cy", "acme")}}, "critic speaks, pronoun=1"),  # the first route
    ({"topic": {("cy", "zeta")}}, "critic speaks, unreached=1"),  # a route to another target reaches nothing
])  # fmt: skip
def test_misses_split_a_speaking_critic_by_how_the_target_is_reached(
        capsys: pytest.CaptureFixture[str], reach: dict[str, set[tuple[str, str]]], counted: str) -> None:
    """cy -> acme is missed; cy speaks (a candidate of hers pairs her with zeta): counted by the route to acme."""
    art = Article("a.txt", rule_pairs={("ann", "acme")}, pairs=[("cy", "zeta")], labels=[False], rows=[(0.0,)],
                  speakers={"cy"}, reach=reach)
    misses({"s": SetData([art], [("ann", {"acme"}), ("cy", {"acme", "acme labs"})], [])})
    assert counted in capsys.readouterr().out.splitlines()[0]
