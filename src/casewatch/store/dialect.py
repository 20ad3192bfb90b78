"""What differs between the two databases the store runs on: SQLite (one file, the default) and PostgreSQL.

Everything else in the store is SQLAlchemy Core and the same for both. This module says how to connect
(an address is a file path or a ``postgresql://`` URL), how each keeps its append-only tables append-only,
how a table's columns are read, and how an insert that may meet an existing row is written.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, Insert, Table, create_engine, event, inspect

from .schema import APPEND_ONLY, DERIVED_SCHEMA, IMMUTABLE_TRIGGERS

SERVER_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")


def is_server_address(address: str) -> bool:
    """Whether a database address names a PostgreSQL server (else it is a SQLite file's path)."""
    return str(address).lower().startswith(SERVER_SCHEMES)


def server_url(address: str) -> str:
    """The SQLAlchemy URL for a PostgreSQL address, with the psycopg 3 driver."""
    rest = address.split("://", 1)[1]
    return f"postgresql+psycopg://{rest}"


def postgres_engine(address: str, derived_schema: str | None = None) -> Engine:
    """An engine on a PostgreSQL database; the derived tables live in ``derived_schema`` (None: the default
    schema, where the tables that are never rebuilt live too)."""
    engine = create_engine(server_url(address), future=True, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _settings(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    return engine.execution_options(schema_translate_map={DERIVED_SCHEMA: derived_schema})


REFUSE_FUNCTION = (
    "CREATE OR REPLACE FUNCTION casewatch_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; END $$"
)


def append_only_triggers(dialect: str) -> list[str]:
    """The statements that make the database refuse to change or delete what is kept for good."""
    if dialect == "sqlite":
        return list(IMMUTABLE_TRIGGERS)
    out = [REFUSE_FUNCTION]
    for name, table, refused, message in APPEND_ONLY:
        out.append(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        quoted = message.replace("'", "''")
        out.append(f"CREATE TRIGGER {name} BEFORE {refused} ON {table} FOR EACH ROW "
                   f"EXECUTE FUNCTION casewatch_refuse('{quoted}')")
    return out


def table_columns(conn: Connection, table: Table) -> set[str]:
    """The columns a stored table has now (a database made by an earlier casewatch may lack some)."""
    return {c["name"] for c in inspect(conn).get_columns(table.name, schema=_schema_of(conn, table))}


def _schema_of(conn: Connection, table: Table) -> str | None:
    if table.schema is None:
        return None
    return (conn.get_execution_options().get("schema_translate_map") or {}).get(table.schema, table.schema)


def insert_ignoring(conn: Connection, table: Table, keys: list[str]) -> Insert:
    """An insert that leaves an existing row with the same ``keys`` as it is (and inserts nothing)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing(index_elements=keys)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing(index_elements=keys)


def upsert(conn: Connection, table: Table, keys: list[str], values: dict[str, Any]) -> Any:
    """Insert a row, or set these values on the row with the same ``keys``."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        stmt = pg_insert(table).values(**values)
    else:
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        stmt = sqlite_insert(table).values(**values)
    return stmt.on_conflict_do_update(index_elements=keys,
                                      set_={k: v for k, v in values.items() if k not in keys})
