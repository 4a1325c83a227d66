"""Files replaced whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.durable import clear_leftovers, replaced


@pytest.mark.parametrize("before", [None, b"old"])
def test_a_file_is_replaced_once_written_whole(tmp_path: Path, before: bytes | None) -> None:
    path = tmp_path / "kept"
    if before is not None:
        path.write_bytes(before)
    with replaced(path) as out:
        out.write(b"new")
        assert path.read_bytes() == before if before is not None else not path.exists()
    assert path.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["kept"]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "kept"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), replaced(path) as out:
        out.write(b"half")
        raise RuntimeError("stopped")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["kept"]


def test_leftovers_of_a_stopped_writer_are_cleared(tmp_path: Path) -> None:
    path = tmp_path / "kept"
    (tmp_path / "kept1234.tmp").write_bytes(b"half")
    (tmp_path / "other.tmp").write_bytes(b"not ours")
    clear_leftovers(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.tmp"]
