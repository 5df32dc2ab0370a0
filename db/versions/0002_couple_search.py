"""Couple search: a folded search text per couple and an FTS5 trigram index over it.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

``couples.search_text`` holds both partners' names and the record number, folded (NFKD, combining
marks removed, casefolded; the same as ``azodesk.storage.search.fold``), one per line. The FTS5
table ``couple_search`` (trigram tokenizer: any part of a word matches) is kept in step by
triggers, and soft-deleted couples leave it. Existing couples are indexed by the upgrade. The
partial index ``ix_couples_living`` (living couples: id and search text) serves the couple list,
its count and the scan for one- and two-character searches.
"""
import unicodedata
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: Union[str, Sequence[str], None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TRIGGERS = [
    """CREATE TRIGGER couples_search_insert AFTER INSERT ON couples WHEN NEW.deleted_at IS NULL
    BEGIN
        INSERT INTO couple_search(rowid, search_text) VALUES (NEW.id, NEW.search_text);
    END""",
    """CREATE TRIGGER couples_search_update AFTER UPDATE OF search_text, deleted_at ON couples
    BEGIN
        DELETE FROM couple_search WHERE rowid = OLD.id;
        INSERT INTO couple_search(rowid, search_text)
            SELECT NEW.id, NEW.search_text WHERE NEW.deleted_at IS NULL;
    END""",
    """CREATE TRIGGER couples_search_delete AFTER DELETE ON couples
    BEGIN
        DELETE FROM couple_search WHERE rowid = OLD.id;
    END""",
]
TRIGGER_NAMES = ["couples_search_insert", "couples_search_update", "couples_search_delete"]


def _fold(text: str) -> str:
    # A frozen copy of azodesk.storage.search.fold as it was at this revision.
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _search_text(*parts: str | None) -> str:
    return "\n".join(_fold(p) for p in parts if p)


def upgrade() -> None:
    with op.batch_alter_table('couples', schema=None) as batch_op:
        batch_op.add_column(sa.Column('search_text', sa.Text(), server_default='', nullable=False))
    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, male_name, female_name, record_number FROM couples")).fetchall()
    if rows:
        connection.execute(
            sa.text("UPDATE couples SET search_text = :text WHERE id = :id"),
            [{"id": r.id, "text": _search_text(r.male_name, r.female_name, r.record_number)}
             for r in rows],
        )
    with op.batch_alter_table('couples', schema=None) as batch_op:
        batch_op.create_index('ix_couples_living', ['id', 'search_text'], unique=False,
                              sqlite_where=sa.text('deleted_at IS NULL'))
    op.execute("CREATE VIRTUAL TABLE couple_search USING fts5(search_text, tokenize = 'trigram')")
    op.execute("INSERT INTO couple_search(rowid, search_text) "
               "SELECT id, search_text FROM couples WHERE deleted_at IS NULL")
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS couple_search")
    op.execute("DROP INDEX IF EXISTS ix_couples_living")
    # Native DROP COLUMN (SQLite >= 3.35) keeps the table and its 0001 triggers.
    op.execute("ALTER TABLE couples DROP COLUMN search_text")
