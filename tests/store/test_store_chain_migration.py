"""A library made before the review log was chained gets its chain on upgrade."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from storefakes import FakeProcessor, fake_codebook

from caselens import library
from caselens.store import Store
from caselens.store.migrate import alembic_config


def test_decisions_made_before_the_chain_are_chained_on_upgrade(
    db_url: str, processor: FakeProcessor, review_files: dict[str, Path]
) -> None:
    with Store(db_url) as store:
        library.add(store, list(review_files.values()), fake_codebook(), processor=processor)
        finding = library.show(store, library.list_documents(store)[0].id).findings[0]
        for action in ("accept", "reject"):
            library.decide(store, finding.id, action, "sam")
        config = alembic_config()
        with store.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0003")  # as a library of the previous release was
    with Store(db_url) as store:  # opening it upgrades it
        check = library.verify_log(store)
        assert check.ok and check.entries == 2
        library.decide(store, finding.id, "accept", "kim")  # and the chain goes on from there
        assert library.verify_log(store).entries == 3 and library.verify_log(store).ok
