"""Opening the hub database: create or upgrade its schema and resolve its person-key
secret (kept apart from hub.db, which the migrations and the secret code themselves use).
"""

from __future__ import annotations

from pathlib import Path

from hub import person_secret, schema
from hub.clock import iso, system_clock
from hub.db import Database, set_meta, write


def init_db(database: Database | str | Path) -> list[int]:
    """Create or upgrade the schema (safe when several hub processes start at once)."""
    if not isinstance(database, Database):
        standalone = Database(database)
        try:
            return init_db(standalone)
        finally:
            standalone.close()
    if database.engine == "sqlite":
        Path(database.target).parent.mkdir(parents=True, exist_ok=True)
    conn = database.connect()
    try:
        with write(conn):
            conn.lock("schema")
            applied = schema.migrate(conn, iso(system_clock()))
            defaults = {
                "schema_version": str(schema.LATEST),
                "hub_name": "Yijiantong reference hub",
            }
            for key, value in defaults.items():
                conn.execute(
                    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                    (key, value),
                )
            set_meta(conn, "schema_version", str(schema.LATEST))
    finally:
        conn.close()
    return applied


def open_database(
    target: str | Path, *, secret_file: Path | None = None, pool_size: int = 20
) -> Database:
    """Open (creating or upgrading) the hub database at ``target`` - a SQLite path or a
    ``postgresql://`` URL - with its person-key secret resolved (``hub.person_secret``)."""
    database = Database(target, pool_size=pool_size)
    try:
        init_db(database)
        database.person_key_secret = person_secret.resolve(database, secret_file)
    except BaseException:
        database.close()
        raise
    return database
