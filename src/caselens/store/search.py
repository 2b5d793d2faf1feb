"""Full-text search over the library's documents.

SQLite uses the FTS5 table that the migration keeps in sync with triggers;
PostgreSQL uses ``to_tsvector``/``plainto_tsquery`` over a GIN expression index.
Both stem English words, so "sleeping" finds "sleep". The snippet is cut in
Python so it looks the same on both databases.
"""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session

from caselens.store.records import SearchHit
from caselens.store.repository import summaries
from caselens.store.schema import DocumentRow

WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_CHARS = 80

_SQLITE = text(
    "SELECT document_id, bm25(documents_fts) AS rank FROM documents_fts "
    "WHERE documents_fts MATCH :query ORDER BY rank LIMIT :limit"
)
# The expression must stay identical to the index in the migration to use it.
_PG_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || name || ' ' || text)"
_POSTGRES = text(
    f"SELECT id, ts_rank({_PG_VECTOR}, plainto_tsquery('english', :query)) AS rank "
    f"FROM documents WHERE {_PG_VECTOR} @@ plainto_tsquery('english', :query) "
    "ORDER BY rank DESC, id LIMIT :limit"
)


def _fts5_query(words: list[str]) -> str:
    """Every word must occur; quoting each makes FTS5 operators in user text plain words."""
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def snippet(body: str, words: list[str]) -> str:
    """A window of text around the first place a search word (or its stem) appears."""
    lowered = body.lower()
    position = -1
    for word in words:
        for probe in (word.lower(), word.lower()[: max(4, len(word) - 3)]):
            position = lowered.find(probe)
            if position >= 0:
                break
        if position >= 0:
            break
    position = max(position, 0)
    start = max(0, position - SNIPPET_CHARS // 2)
    end = min(len(body), position + SNIPPET_CHARS)
    cut = " ".join(body[start:end].split())
    return ("…" if start > 0 else "") + cut + ("…" if end < len(body) else "")


def search(session: Session, query: str, *, limit: int = 50) -> list[SearchHit]:
    """Documents containing every word of ``query``, best match first."""
    words = WORD.findall(query)
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        rows = session.execute(_SQLITE, {"query": _fts5_query(words), "limit": limit}).all()
        ranked = [(str(r[0]), -float(r[1])) for r in rows]  # bm25: lower is better
    else:
        rows = session.execute(_POSTGRES, {"query": " ".join(words), "limit": limit}).all()
        ranked = [(str(r[0]), float(r[1])) for r in rows]
    found = {s.id: s for s in summaries(session, ids=[doc_id for doc_id, _ in ranked])}
    hits = []
    for doc_id, rank in ranked:
        row = session.get(DocumentRow, doc_id)
        if row is None or doc_id not in found:
            continue
        hits.append(SearchHit(found[doc_id], snippet(row.text, words), rank))
    return hits
