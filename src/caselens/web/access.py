"""Who may do what in the web app: one table, checked on the server for every route.

Analysts and reviewers work on the review library; an admin does everything and
manages people. Practitioners and supervisors see only what is theirs: a
practitioner the cases they added, a supervisor the cases of their team (and the
records they sign); the library, its texts and the briefing are closed to them, and
live cases are closed to analysts and reviewers.
"""

from __future__ import annotations

from caselens.model.roles import USER_ROLES

LIBRARY = "library"  # list, search and read reviews with their findings
DECIDE = "decide"  # accept, reject or add findings
AGREEMENT = "agreement"
BRIEFING = "briefing"
PEOPLE = "people"  # add people, deactivate them
UPLOAD = "upload"  # add reviews to the library, analysed in the background
CASES = "cases"  # live cases: each person sees only theirs (see caselens.casework)
NEW_CASE = "new_case"

ACCESS: dict[str, frozenset[str]] = {
    LIBRARY: frozenset({"admin", "analyst", "reviewer"}),
    DECIDE: frozenset({"admin", "analyst", "reviewer"}),
    AGREEMENT: frozenset({"admin", "analyst", "reviewer"}),
    BRIEFING: frozenset({"admin", "analyst", "reviewer"}),
    PEOPLE: frozenset({"admin"}),
    UPLOAD: frozenset({"admin", "analyst"}),
    CASES: frozenset({"admin", "practitioner", "supervisor"}),
    NEW_CASE: frozenset({"practitioner"}),
}

assert all(roles <= set(USER_ROLES) for roles in ACCESS.values())


def may(role: str, what: str) -> bool:
    return role in ACCESS[what]


def menu(role: str) -> list[tuple[str, str]]:
    """The pages a person of this role sees in the menu: (label, path)."""
    items = [
        ("Library", "/library", LIBRARY),
        ("Upload", "/library/upload", UPLOAD),
        ("Cases", "/cases", CASES),
        ("Agreement", "/agreement", AGREEMENT),
        ("Briefing", "/briefing", BRIEFING),
        ("People", "/admin/users", PEOPLE),
    ]
    return [(label, path) for label, path, what in items if may(role, what)]
