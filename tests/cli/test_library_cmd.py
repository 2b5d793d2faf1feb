"""``caselens library`` end to end: real readers and pipeline, a SQLite library in tmp_path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from caselens.cli.library_cmd import library

REVIEWS = {
    "baby-a.txt": (
        "Northdale Safeguarding Partnership: Child Safeguarding Practice Review of Baby A\n\n"
        "Published 2020.\n\n"
        "Baby A, aged three months, died in England after sleeping on a sofa with her father, "
        "who had drunk alcohol.\n\n"
        "The father was not seen by the health visitor and was never assessed."
    ),
    "baby-b.md": (
        "# Rapid review of Infant B\n\n"
        "Published 2021.\n\n"
        "Infant B, aged seven weeks, suffered serious non-accidental injuries in Wales.\n\n"
        "The mother's cannabis use was seen as normal and information was not shared "
        "between the GP and children's social care."
    ),
}


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    group = click.Group()
    group.add_command(library)
    return CliRunner().invoke(group, ["library", *args], input=input, env=env)


@pytest.fixture
def reviews(tmp_path: Path) -> Path:
    folder = tmp_path / "reviews"
    folder.mkdir()
    for name, body in REVIEWS.items():
        (folder / name).write_text(body + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "lib" / "library.db")


def listed(db: str, *args: str) -> list[dict[str, Any]]:
    result = run("list", "--json", "--db", db, *args)
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_add_then_add_again_says_nothing_changed(reviews: Path, db: str) -> None:
    first = run("add", str(reviews), "--no-semantic", "--db", db)
    assert first.exit_code == 0, first.output
    assert "Added 2 review(s)" in first.stdout
    before = listed(db)
    again = run("add", str(reviews / "baby-a.txt"), "--no-semantic", "--db", db)
    assert again.exit_code == 0
    assert "Added 0 review(s)" in again.stdout and "already in the library" in again.stdout
    assert listed(db) == before


def test_unreadable_files_are_listed_and_exit_3(reviews: Path, db: str) -> None:
    (reviews / "empty.txt").write_text("", encoding="utf-8")
    result = run("add", str(reviews), str(reviews / "missing.pdf"), "--no-semantic", "--db", db)
    assert result.exit_code == 3
    assert "empty.txt" in result.stderr and "missing.pdf" in result.stderr
    assert len(listed(db)) == 2


@pytest.mark.parametrize("given", ["missing.pdf", "empty-folder"])
def test_nothing_readable_is_an_error_as_in_analyse(tmp_path: Path, db: str, given: str) -> None:
    (tmp_path / "empty-folder").mkdir()
    result = run("add", str(tmp_path / given), "--no-model", "--db", db)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: no readable review files were found")
    assert "Added" not in result.stdout
    assert not Path(db).exists()  # no library made for nothing


def test_list_json_filters(reviews: Path, db: str) -> None:
    (reviews / "older.txt").write_text(
        "Published 2010.\n\nChild C, aged fifteen, was hurt in a car accident in Scotland.\n",
        encoding="utf-8",
    )
    run("add", str(reviews), "--no-semantic", "--db", db)
    everything = listed(db)
    assert {d["name"] for d in everything} == {*REVIEWS, "older.txt"}
    assert {"id", "name", "themes", "included", "published_year"} <= set(everything[0])
    assert [d["name"] for d in listed(db, "--year", "2021")] == ["baby-b.md"]
    assert [d["name"] for d in listed(db, "--theme", "E")] == ["baby-a.txt"]
    assert [d["name"] for d in listed(db, "--scope", "out")] == ["older.txt"]
    assert {d["name"] for d in listed(db, "--scope", "in")} == set(REVIEWS)


def test_search_and_show_by_prefix(reviews: Path, db: str) -> None:
    run("add", str(reviews), "--no-semantic", "--db", db)
    found = run("search", "sofa", "--json", "--db", db)
    (hit,) = json.loads(found.stdout)
    assert hit["name"] == "baby-a.txt" and "sofa" in hit["snippet"]
    shown = run("show", hit["id"][:6], "--json", "--db", db)
    assert shown.exit_code == 0, shown.output
    detail = json.loads(shown.stdout)
    assert detail["document"]["id"] == hit["id"]
    assert detail["run"]["codebook_id"] and detail["facts"] and detail["screening"]
    assert any(f["indicator"].startswith("E.") for f in detail["findings"])
    text = run("show", hit["id"][:6], "--db", db).stdout
    assert "Findings" in text and "sofa" in text
    missing = run("show", "zzzz", "--db", db)
    assert missing.exit_code == 1 and "no document" in missing.stderr


def test_remove_asks_first(reviews: Path, db: str) -> None:
    run("add", str(reviews), "--no-semantic", "--db", db)
    target = listed(db)[0]["id"]
    kept = run("remove", target[:8], "--db", db, input="n\n")
    assert kept.exit_code == 0 and "Nothing removed" in kept.stdout
    assert len(listed(db)) == 2
    gone = run("remove", target[:8], "--yes", "--db", db)
    assert gone.exit_code == 0 and "Removed" in gone.stdout
    assert target not in {d["id"] for d in listed(db)}


def test_recode_with_another_codebook_keeps_runs(reviews: Path, db: str, tmp_path: Path) -> None:
    from caselens.codebook.loader import __file__ as loader_file

    run("add", str(reviews), "--no-semantic", "--db", db)
    same = run("recode", "--no-semantic", "--db", db)
    assert "already coded" in same.stdout
    original = (Path(loader_file).parent / "infant.yaml").read_text(encoding="utf-8")
    changed = tmp_path / "changed.yaml"
    changed.write_text(original.replace("\ntitle: ", "\ntitle: Local ", 1), "utf-8")
    assert changed.read_text("utf-8") != original
    result = run("recode", "--codebook", str(changed), "--no-semantic", "--db", db)
    assert result.exit_code == 0, result.output
    assert "Recoded 2 review(s)" in result.stdout
    detail = json.loads(run("show", listed(db)[0]["id"], "--json", "--db", db).stdout)
    hashes = [r["codebook_hash"] for r in detail["runs"]]
    assert len(hashes) == 2 and hashes[0] != hashes[1]


def test_recode_with_other_settings_recodes_and_says_so(reviews: Path, db: str) -> None:
    run("add", str(reviews), "--db", db)
    assert "already coded" in run("recode", "--db", db).stdout
    wider = run("recode", "--any-year", "--db", db)
    assert wider.exit_code == 0, wider.output
    assert "Recoded 2 review(s)" in wider.stdout
    assert "already coded" in run("recode", "--any-year", "--db", db).stdout
    detail = json.loads(run("show", listed(db)[0]["id"], "--json", "--db", db).stdout)
    assert [r["settings"]["any_year"] for r in detail["runs"]] == [False, True]


def test_default_library_lives_in_caselens_home(reviews: Path, tmp_path: Path) -> None:
    env = {"CASELENS_HOME": str(tmp_path / "home"), "CASELENS_DATABASE_URL": ""}
    result = run("add", str(reviews / "baby-a.txt"), "--no-semantic", env=env)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "home" / "library.db").exists()
