"""The person-key secret: kept outside the hub database, so a copied database reveals no ID.

The hub never stores resident ID numbers, only ``person_key = sha256(secret|ID)``. An ID has
little entropy (a birth date and a few digits), so whoever holds both the keys and the secret
can recover every ID by trying them all. The secret therefore never enters the database. It
comes from, in this order:

1. ``YIJIANTONG_HUB_PERSON_KEY_SECRET`` (at least 32 hex digits), for container platforms
   that hand secrets over in the environment;
2. a file: ``--person-key-file PATH`` or ``YIJIANTONG_HUB_PERSON_KEY_FILE`` (one line of hex,
   readable by the hub's user only);
3. SQLite only: ``<database file>.person-key`` beside the database, created (mode 0600) on first
   start. PostgreSQL has no such default: every hub process of a city must use the same
   secret, so it must be given.

The database keeps a fingerprint (an HMAC of a fixed text under the secret), so a hub started
with a different secret refuses to run instead of silently failing to recognise anyone.
A database made by an older hub (secret in its ``meta`` table) has the secret moved out into
the file on first start.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from hub.db import Database

SECRET_ENV: Final = "YIJIANTONG_HUB_PERSON_KEY_SECRET"
FILE_ENV: Final = "YIJIANTONG_HUB_PERSON_KEY_FILE"
_LEGACY_META: Final = "person_key_secret"
_CHECK_META: Final = "person_key_check"
_HEX: Final = re.compile(r"^[0-9a-fA-F]{32,256}$")


class SecretError(Exception):
    """The secret is missing, malformed or not the one the database was made with."""


def default_file(database: Database) -> Path | None:
    if database.engine != "sqlite":
        return None
    return Path(database.target).with_name(Path(database.target).name + ".person-key")


def fingerprint(secret: str) -> str:
    return hmac.new(secret.encode(), b"yijiantong person key check", hashlib.sha256).hexdigest()


def _check(secret: str, where: str) -> str:
    secret = secret.strip()
    if not _HEX.match(secret):
        raise SecretError(f"the person-key secret from {where} must be 32 to 256 hex digits")
    return secret


def _read(path: Path) -> str:
    try:
        return _check(path.read_text(encoding="ascii"), str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise SecretError(f"cannot read the person-key secret file {path}: {exc}") from None


def _write_new(path: Path, secret: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secret + "\n")
        handle.flush()
        os.fsync(handle.fileno())


def _given(secret_file: Path | None) -> tuple[str, str] | None:
    """(secret, where from) when the operator configured one."""
    value = os.environ.get(SECRET_ENV, "").strip()
    if value:
        return _check(value, SECRET_ENV), SECRET_ENV
    chosen = secret_file or (Path(os.environ[FILE_ENV]) if os.environ.get(FILE_ENV) else None)
    if chosen is not None:
        return _read(chosen.expanduser()), str(chosen)
    return None


def resolve(database: Database, secret_file: Path | None = None) -> str:
    """The secret for ``database`` (see the module text); raises :class:`SecretError`."""
    from hub.db import get_meta, set_meta, write

    given = _given(secret_file)
    fallback = default_file(database)
    conn = database.connect()
    try:
        with write(conn):
            conn.lock("person_key_secret")
            legacy = get_meta(conn, _LEGACY_META)
            if given is not None:
                secret = given[0]
            elif fallback is not None and fallback.exists():
                secret = _read(fallback)
            elif fallback is not None:
                secret = legacy or secrets.token_hex(32)
                try:
                    _write_new(fallback, secret)
                except FileExistsError:  # another process created it meanwhile
                    secret = _read(fallback)
            else:
                raise SecretError(
                    "a PostgreSQL hub needs its person-key secret: set "
                    f"{SECRET_ENV} or {FILE_ENV}, or pass --person-key-file "
                    "(the same for every hub process; see docs/hub-deployment.md)"
                )
            if legacy is not None and legacy != secret:
                raise SecretError(
                    "this database was made with another person-key secret (kept in the "
                    "database by an older hub); start once without a configured secret to "
                    "move it out"
                )
            check = get_meta(conn, _CHECK_META)
            if check is None:
                set_meta(conn, _CHECK_META, fingerprint(secret))
            elif not hmac.compare_digest(check, fingerprint(secret)):
                raise SecretError(
                    "the person-key secret is not the one this database was made with"
                )
            if legacy is not None:
                if conn.engine == "sqlite":
                    conn.execute("PRAGMA secure_delete = ON")  # zero the page, not just unlink
                conn.execute("DELETE FROM meta WHERE key = ?", (_LEGACY_META,))
        if legacy is not None and conn.engine == "sqlite":
            # The old page may still sit in the write-ahead log: fold it in and empty the log.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return secret
