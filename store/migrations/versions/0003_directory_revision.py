"""a revision token of the unit directory, changed by triggers

Revision ID: 0003_directory_revision
Revises: 0002_question_indexes
Create Date: 2026-11-23 02:20:00

Every question needs to know whether the unit directory it has in memory is still the stored one
(another process may have imported units or renamed one). Reading a fingerprint of the whole
``units`` and ``unit_aliases`` tables cost a scan of both per question; instead triggers give the
``revisions`` row ``units`` a new random token on any change to units, their aliases or the
settings (the province), and a question reads one row by its key. A random token rather than a
counter: a cache filled inside a transaction that is then rolled back can never match a later,
different change.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_directory_revision"
down_revision = "0002_question_indexes"
branch_labels = None
depends_on = None

WATCHED = ("units", "unit_aliases", "settings")


def upgrade() -> None:
    op.create_table(
        "revisions",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("INSERT INTO revisions (name, token) VALUES ('units', md5(random()::text))")
        op.execute(
            """
            CREATE FUNCTION tthc_touch_units_revision() RETURNS trigger AS $$
            BEGIN
                INSERT INTO revisions (name, token)
                VALUES ('units', md5(random()::text || clock_timestamp()::text))
                ON CONFLICT (name) DO UPDATE SET token = EXCLUDED.token;
                RETURN NULL;
            END
            $$ LANGUAGE plpgsql
            """
        )
        for table in WATCHED:
            op.execute(
                f"CREATE TRIGGER tthc_{table}_revision AFTER INSERT OR UPDATE OR DELETE OR "
                f"TRUNCATE ON {table} FOR EACH STATEMENT "
                "EXECUTE FUNCTION tthc_touch_units_revision()"
            )
        return
    op.execute("INSERT INTO revisions (name, token) VALUES ('units', hex(randomblob(16)))")
    for table in WATCHED:
        for event in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER tthc_{table}_revision_{event.lower()} AFTER {event} ON {table} "
                "BEGIN INSERT OR REPLACE INTO revisions (name, token) "
                "VALUES ('units', hex(randomblob(16))); END"
            )


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table in WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS tthc_{table}_revision ON {table}")
        op.execute("DROP FUNCTION IF EXISTS tthc_touch_units_revision()")
    else:
        for table in WATCHED:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS tthc_{table}_revision_{event}")
    op.drop_table("revisions")
