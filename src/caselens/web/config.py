"""The web app's settings: from the environment, a TOML config file, or the command line.

Environment (each optional): ``CASELENS_DATABASE_URL`` (the library, as for every
command), ``CASELENS_SECRET_KEY`` (signs session cookies; else a key kept in
``secret_key`` in caselens's data folder, created readable by its owner only),
``CASELENS_SECURE_COOKIES=1`` (behind TLS: cookies sent over HTTPS only),
``CASELENS_SESSION_HOURS`` (default 8), ``CASELENS_WEB_CONFIG`` (a TOML file with the
same settings in lower case: ``database_url``, ``secret_key``, ``secure_cookies``,
``session_hours``, ``max_upload_mb``).
"""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from pathlib import Path

from caselens.errors import CaselensError
from caselens.store import data_home


@dataclass(frozen=True)
class WebConfig:
    db: str | None = None
    secret_key: str = ""
    secure_cookies: bool = False
    session_hours: float = 8.0
    max_login_failures: int = 5
    failure_window_seconds: int = 600


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def _secret_from_file(path: Path) -> str:
    """The key kept beside caselens's own files, made once, readable by its owner only."""
    if path.is_file():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    return key


def load_config(db: str | None = None, config_file: Path | None = None) -> WebConfig:
    """Settings in order of strength: the command line, the environment, the config file."""
    path = config_file or (
        Path(os.environ["CASELENS_WEB_CONFIG"]) if os.environ.get("CASELENS_WEB_CONFIG") else None
    )
    file: dict[str, object] = {}
    if path is not None:
        try:
            file = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise CaselensError(f"{path}: not a readable TOML config file ({error})") from error
    secret = os.environ.get("CASELENS_SECRET_KEY") or str(file.get("secret_key") or "")
    if not secret:
        secret = _secret_from_file(data_home() / "secret_key")
    if len(secret) < 32:
        raise CaselensError("the session secret key must be at least 32 characters long")
    hours = os.environ.get("CASELENS_SESSION_HOURS") or file.get("session_hours") or 8
    try:
        session_hours = float(str(hours))
    except ValueError as error:
        raise CaselensError(f"session hours must be a number, not {hours!r}") from error
    return WebConfig(
        db=db or (str(file["database_url"]) if file.get("database_url") else None),
        secret_key=secret,
        secure_cookies=_truthy(os.environ.get("CASELENS_SECURE_COOKIES"))
        or bool(file.get("secure_cookies")),
        session_hours=session_hours,
    )
