"""``caselens qda``: export the codebook, import a project as another coder, compare."""

from __future__ import annotations

import json
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner, Result

from caselens.cli.qda_cmd import qda
from caselens.cli.review_cmd import review
from caselens.codebook import default_codebook
from caselens.pipeline.settings import Settings
from caselens.report.qda import write_qdpx

sys.path.insert(0, str(Path(__file__).parents[1] / "report"))
from qda_helpers import coded_corpus, shared_or_skip


def run(*args: str) -> Result:
    group = click.Group()
    group.add_command(qda)
    group.add_command(review)
    return CliRunner().invoke(group, list(args))


def as_json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_export_codebook_writes_a_qdc(tmp_path: Path) -> None:
    out = tmp_path / "codebook.qdc"
    result = run("qda", "export-codebook", str(out))
    assert result.exit_code == 0, result.output
    assert "indicators" in result.output
    assert out.read_text(encoding="utf-8").count("<Code ") == len(default_codebook().themes) + len(
        default_codebook().indicators
    )


def test_export_codebook_adds_the_qdc_suffix_a_qda_program_looks_for(tmp_path: Path) -> None:
    result = run("qda", "export-codebook", str(tmp_path / "ours"))
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["ours.qdc"]


def test_the_codebook_goes_into_a_folder_that_is_not_there_yet(tmp_path: Path) -> None:
    out = tmp_path / "not" / "yet" / "ours.qdc"
    exported = run("qda", "export-codebook", str(out))
    assert exported.exit_code == 0, exported.output
    imported = run("qda", "import-codebook", str(out), "--out", str(tmp_path / "new" / "ours.yaml"))
    assert imported.exit_code == 0, imported.output
    assert (tmp_path / "new" / "ours.yaml").is_file()


@pytest.mark.parametrize("command", ["export-codebook", "import-codebook"])
def test_a_place_that_cannot_be_written_is_one_line_not_a_traceback(
    tmp_path: Path, command: str
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    target = str(blocker / "ours.qdc")
    if command == "export-codebook":
        result = run("qda", command, target)
    else:
        source = tmp_path / "ours.qdc"
        assert run("qda", "export-codebook", str(source)).exit_code == 0
        result = run("qda", command, str(source), "--out", target.replace(".qdc", ".yaml"))
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {target[:-4]}"), result.output
    assert f"{blocker} is a file, not a folder" in lines[0]


def test_a_project_given_as_a_codebook_is_named_for_what_it_is(
    tmp_path: Path, exported: Path
) -> None:
    result = run("qda", "import-codebook", str(exported), "--out", str(tmp_path / "cb.yaml"))
    assert result.exit_code == 1
    assert "is a zip archive (a REFI-QDA project, .qdpx)" in result.output
    assert f"caselens qda import {exported}" in result.output
    assert "not readable XML" not in result.output and not (tmp_path / "cb.yaml").exists()


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    result, texts = coded_corpus()
    return write_qdpx(result, default_codebook(), texts, tmp_path / "coded.qdpx")


def _with_a_person(exported: Path, out: Path, person_codings: int) -> Path:
    """The exported project as a QDA tool gives it back after a person coded in it: a
    second user, who made the last ``person_codings`` codings; the rest stay caselens's."""
    with zipfile.ZipFile(exported) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    name = next(n for n in files if n.endswith(".qde"))
    qde = files[name].decode("utf-8")
    ana = "7a6b0c1d-0000-4000-8000-00000000a0a0"
    qde = qde.replace("</Users>", f'<User guid="{ana}" name="ana"/></Users>', 1)
    starts = [m.start() for m in re.finditer(r"<Coding ", qde)]
    assert len(starts) >= person_codings
    for cut in reversed(starts[-person_codings:]):  # the last codings: the person's
        end = qde.index(">", cut)
        tag = re.sub(r'creatingUser="[^"]+"', f'creatingUser="{ana}"', qde[cut:end])
        qde = qde[:cut] + tag + qde[end:]
    files[name] = qde.encode("utf-8")
    with zipfile.ZipFile(out, "w") as archive:
        for n, data in files.items():
            archive.writestr(n, data)
    return out


def test_import_keeps_each_codings_own_coder_and_knows_the_machines(
    tmp_path: Path, exported: Path
) -> None:
    """caselens's own codings coming back are the machine's; only the person's are added
    as theirs, so the agreement between them is not a false 100%."""
    project = _with_a_person(exported, tmp_path / "coded-by-ana.qdpx", 2)
    db = str(tmp_path / "library.db")
    args = ("qda", "import", str(project), "--coder", "bob", "--no-semantic", "--json", "--db", db)
    first = as_json(run(*args))
    assert len(first["added"]) == 2
    assert first["codings"] == {"ana": 2}  # not bob's: the codings name their user
    assert first["machine"] == 3
    assert first["unmatched_codes"] == {}
    assert first["run_id"] is not None
    again = as_json(run(*args))
    assert again["added"] == [] and len(again["known"]) == 2
    assert again["codings"] == {} and again["repeated"] == 2

    report = as_json(
        run("review", "agreement", "--between", "machine", "ana", "--json", "--db", db)
    )
    (units,) = report["units"]
    assert units["coders"] == ["machine", "ana"]
    assert units["units"] > 0
    assert all(row["kind"] in ("indicator", "code") for row in units["indicators"])
    table = run("review", "agreement", "--db", db)
    assert table.exit_code == 0, table.output
    assert "Per indicator" in table.output and "Kappa" in table.output


def test_an_unknown_coder_is_named_in_the_error(tmp_path: Path, exported: Path) -> None:
    db = str(tmp_path / "library.db")
    run("qda", "import", str(exported), "--no-code", "--db", db)
    result = run("review", "agreement", "--between", "machine", "nobody", "--db", db)
    assert result.exit_code != 0
    assert "nobody" in result.output


def test_the_nvivo_sample_imports(tmp_path: Path) -> None:
    sample = shared_or_skip("samples/nvivo_project.qdpx")
    result = run("qda", "import", str(sample), "--no-code", "--db", str(tmp_path / "l.db"))
    assert result.exit_code == 0, result.output
    assert "NVivo" in result.output
    assert "it has no text" in result.output


def test_an_interrupted_import_leaves_whole_sources_and_a_rerun_completes(
    tmp_path: Path, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from caselens import library
    from caselens.qda import read_qdpx
    from caselens.qda_import import import_project
    from caselens.store import review as review_store

    codebook = default_codebook()
    coded = _with_a_person(exported, tmp_path / "coded-by-ana.qdpx", 5)  # a person's, all
    project = read_qdpx(coded, codebook)
    real_append = review_store.append
    calls = 0

    def fail_in_second_source(session: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 5:  # the first source has four codings: this is the second's first
            raise KeyboardInterrupt
        return real_append(session, **kwargs)

    settings = Settings(semantic=False)
    with library.open_library(str(tmp_path / "library.db")) as store:
        monkeypatch.setattr(review_store, "append", fail_in_second_source)
        with pytest.raises(KeyboardInterrupt):
            import_project(store, project, codebook, origin=coded, coder="ana", settings=settings)
        kept = library.list_documents(store)
        assert len(kept) == 1 and kept[0].run_id is not None  # coded, not half-written
        assert len(library.decision_log(store)) == 4
        monkeypatch.setattr(review_store, "append", real_append)
        again = import_project(
            store, project, codebook, origin=coded, coder="ana", settings=settings
        )
        assert len(again.added) == 1 and len(again.known) == 1 and again.repeated == 4
        assert all(d.run_id is not None for d in library.list_documents(store))
        assert len(library.decision_log(store)) == 5
