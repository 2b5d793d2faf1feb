"""Alembic migrations of the library, run from code so they work from an installed package."""
