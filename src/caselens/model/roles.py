"""Who may use the web app, and so what an account's role can be.

A plain constant in the core, so the command line can offer the roles without
importing the database layer.
"""

USER_ROLES = ("admin", "analyst", "reviewer", "practitioner", "supervisor")
