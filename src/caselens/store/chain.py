"""The review log as a hash chain: each decision carries the hash of the one before it and
its own, so an edited, deleted or inserted entry is found by recomputing the chain
(``caselens review verify``). The database also refuses UPDATE and DELETE on the log; the
chain is what still tells if someone with the database's keys went around that."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

GENESIS = "0" * 64


def stamp(moment: datetime) -> str:
    """The time as hashed: UTC, to the microsecond, whatever the database gave back."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    payload = json.dumps(
        [prev_hash, {k: fields[k] for k in sorted(fields)}],
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def fields_of(row: Any) -> dict[str, Any]:
    """What of a decision the hash covers: everything a person decided, and when."""
    return {
        "finding_id": row.finding_id,
        "document_id": row.document_id,
        "indicator": row.indicator,
        "start": row.start,
        "end": row.end,
        "action": row.action,
        "reviewer": row.reviewer,
        "reason": row.reason,
        "corrected_indicator": row.corrected_indicator,
        "corrected_start": row.corrected_start,
        "corrected_end": row.corrected_end,
        "created_at": stamp(row.created_at),
    }
