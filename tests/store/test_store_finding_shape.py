"""A stored finding is the pipeline's finding: everything it carries comes back, the way
it was read included, and a library made before the store kept that reads on."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from storefakes import FakeProcessor, fake_codebook

from caselens import library
from caselens.store import Store
from caselens.store.migrate import alembic_config


def _add_read(store: Store, review_files: dict[str, Path]) -> None:
    """The fictional reviews added, each finding read in an analysis section, asserted."""
    processor = FakeProcessor(section="analysis", stance="asserts")
    library.add(store, list(review_files.values()), fake_codebook(), processor=processor)


def test_a_stored_finding_comes_back_as_the_finding_the_pipeline_made(
    db_url: str, review_files: dict[str, Path]
) -> None:
    with Store(db_url) as store:
        _add_read(store, review_files)
        stored = [
            f for doc in library.list_documents(store) for f in library.show(store, doc.id).findings
        ]
    assert stored
    for f in stored:
        assert (f.finding.section, f.finding.stance) == ("analysis", "asserts")
        data = f.to_dict()
        assert data["id"] == f.id and data["run_id"] == f.run_id
        assert {k: v for k, v in data.items() if k not in ("id", "run_id")} == (f.finding.to_dict())
    assert {f.indicator for f in stored} == {
        "E.sofa_or_unsafe_surface",
        "A.parent_substance_misuse",
        "F.fathers_unseen_men",
    }


def test_a_library_stored_before_findings_kept_their_reading_reads_them_as_unknown(
    db_url: str, review_files: dict[str, Path]
) -> None:
    with Store(db_url) as store:
        _add_read(store, review_files)
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0004")  # as a library of the previous release was
    with Store(db_url) as store:  # opening it upgrades it
        doc = library.list_documents(store)[0].id
        findings = library.show(store, doc).findings
        assert findings
        assert all((f.finding.section, f.finding.stance) == (None, None) for f in findings)
        assert all(f.quote and f.end > f.start for f in findings)
