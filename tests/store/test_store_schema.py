"""The database itself: migrations, pragmas, triggers, URL resolution."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from caselens.errors import StoreError
from caselens.model import Document, Evidence, Facts, Finding, Screening
from caselens.store import Store, repository
from caselens.store.engine import data_home, resolve_url
from caselens.store.migrate import current_revision, head_revision
from caselens.store.schema import Base


def test_migrations_create_exactly_the_models(store: Store) -> None:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            # Full-text search (FTS5 shadow tables, a GIN index) lives outside the models.
            opts={"include_name": lambda name, _kind, _parent: "documents_fts" not in str(name)},
        )
        differences = compare_metadata(context, Base.metadata)
    assert differences == []
    assert current_revision(store.engine) == head_revision()


def test_opening_again_keeps_data_and_does_not_migrate_twice(db_url: str) -> None:
    doc = Document.from_text("A baby was seen at home.", "seen.txt")
    with Store(db_url) as first, first.transaction() as session:
        repository.add_document(session, doc)
    with Store(db_url) as second, second.transaction() as session:
        assert repository.has_document(session, doc.id)
        assert repository.counts(session)["documents"] == 1


def test_sqlite_library_is_in_wal_mode(tmp_path: Path) -> None:
    with Store(str(tmp_path / "deep" / "folder" / "lib.db")) as store:
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert store.integrity_ok()
    assert (tmp_path / "deep" / "folder" / "lib.db").exists()


def _add_with_finding(store: Store) -> int:
    doc = Document.from_text("Nobody asked about the father of the baby.", "f.txt")
    with store.transaction() as session:
        run_id = repository.create_run(
            session,
            purpose="add",
            codebook_id="c",
            codebook_version="1",
            codebook_hash="h",
            software_version="0",
            settings={},
        )
        repository.add_document(session, doc)
        at = doc.text.index("father")
        finding = Finding(doc.id, "F.x", "F", Evidence("father", at, at + 6), 0.8, "rules")
        repository.add_result(
            session,
            run_id=run_id,
            document_id=doc.id,
            facts=Facts().to_dict(),
            screening=Screening(doc.id, True, True, ()).to_dict(),
            published_year=None,
            sentence_count=1,
            findings=[finding],
        )
    with store.engine.connect() as connection:
        return int(connection.execute(text("SELECT id FROM findings")).scalar_one())


def test_decisions_refuse_updates(store: Store) -> None:
    finding_id = _add_with_finding(store)
    with store.engine.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO decisions (finding_id, document_id, indicator, start, "end", '
                "action, reviewer, created_at) SELECT id, document_id, indicator, start, "
                "\"end\", 'accept', 'sam', CURRENT_TIMESTAMP FROM findings WHERE id = :id"
            ),
            {"id": finding_id},
        )
    with pytest.raises(Exception, match="append-only"), store.engine.begin() as connection:
        connection.execute(text("UPDATE decisions SET action = 'reject'"))


def test_decisions_refuse_unknown_actions(store: Store) -> None:
    _add_with_finding(store)
    with pytest.raises(Exception, match=r"(?i)check"), store.engine.begin() as connection:
        connection.execute(
            text(
                'INSERT INTO decisions (document_id, indicator, start, "end", action, '
                "reviewer, created_at) SELECT id, 'F.x', 0, 1, 'maybe', 'sam', "
                "CURRENT_TIMESTAMP FROM documents"
            )
        )


def test_resolve_url_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CASELENS_DATABASE_URL", raising=False)
    monkeypatch.setenv("CASELENS_HOME", str(tmp_path / "home"))
    assert data_home() == tmp_path / "home"
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'home' / 'library.db'}"
    monkeypatch.setenv("CASELENS_DATABASE_URL", "postgresql://u@h/db")
    assert resolve_url(None) == "postgresql+psycopg://u@h/db"
    assert resolve_url(str(tmp_path / "x.db")) == f"sqlite:///{tmp_path / 'x.db'}"


def test_default_home_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CASELENS_HOME", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert data_home() == tmp_path / "caselens"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert data_home() == Path.home() / ".local" / "share" / "caselens"


def test_other_databases_are_refused_with_advice() -> None:
    with pytest.raises(StoreError, match="SQLite or PostgreSQL"):
        Store("mysql://u@h/db")
