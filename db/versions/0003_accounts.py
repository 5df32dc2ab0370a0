"""Counselor accounts, the clinic's settings and a detail note on audit entries.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

``counselors`` gains ``password_hash`` (argon2id; ``NULL`` for counselors created before accounts
existed, who cannot sign in until an administrator sets a password), ``role`` (``admin`` or
``counselor``), ``failed_attempts``, ``last_failed_at`` and ``password_changed_at``. The new
one-row table ``clinic`` holds the clinic's name, city, jurisdiction (default ``ID``) and the
idle-lock minutes (default 5); it is never deleted. ``audit_log`` gains ``detail``, a short note
that is part of the entry's hash only when present, so the chain of older entries still verifies.

Columns are added with ``ALTER TABLE ADD COLUMN`` (no table rebuild), so the triggers of 0001 and
0002 on these tables stay in place and existing rows keep their values.
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: Union[str, Sequence[str], None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

TRIGGERS = [
    ("CREATE TRIGGER clinic_no_delete BEFORE DELETE ON clinic "
     "BEGIN SELECT RAISE(ABORT, 'the clinic settings are never deleted'); END"),
]
TRIGGER_NAMES = ["clinic_no_delete"]


def upgrade() -> None:
    op.add_column('counselors', sa.Column('password_hash', sa.String(length=200), nullable=True))
    # A column CHECK added in place (batch mode would rebuild the table and drop its trigger).
    op.execute("ALTER TABLE counselors ADD COLUMN role VARCHAR(16) DEFAULT 'counselor' NOT NULL "
               "CONSTRAINT ck_counselors_role CHECK (role IN ('admin', 'counselor'))")
    op.add_column('counselors', sa.Column('failed_attempts', sa.Integer(),
                                          server_default=sa.text('0'), nullable=False))
    op.add_column('counselors', sa.Column('last_failed_at', sa.DateTime(), nullable=True))
    op.add_column('counselors', sa.Column('password_changed_at', sa.DateTime(), nullable=True))
    op.add_column('audit_log', sa.Column('detail', sa.Text(), nullable=True))
    op.create_table('clinic',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('city', sa.String(length=200), server_default='', nullable=False),
    sa.Column('jurisdiction', sa.String(length=8), server_default='ID', nullable=False),
    sa.Column('idle_lock_minutes', sa.Integer(), server_default=sa.text('5'), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_clinic_single_row')),
    sa.CheckConstraint('idle_lock_minutes BETWEEN 1 AND 240', name=op.f('ck_clinic_idle_lock_minutes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_clinic'))
    )
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    """Developers and tests only: the accounts, the clinic's settings and the audit details go
    (entries that had a detail then no longer verify in the chain)."""
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('clinic')
    # Native DROP COLUMN (SQLite >= 3.35) keeps the tables and their triggers.
    op.execute("ALTER TABLE audit_log DROP COLUMN detail")
    for column in ('password_changed_at', 'last_failed_at', 'failed_attempts', 'password_hash'):
        op.execute(f"ALTER TABLE counselors DROP COLUMN {column}")
    _drop_role_column()


def _drop_role_column() -> None:
    try:
        op.execute("ALTER TABLE counselors DROP COLUMN role")
    except sa.exc.OperationalError:
        # An SQLite that refuses to drop a column with a CHECK: rebuild the table instead and
        # put the 0001 trigger back (a rebuild drops it).
        with op.batch_alter_table('counselors', recreate='always') as batch_op:
            batch_op.drop_column('role')
        op.execute("CREATE TRIGGER counselors_no_delete BEFORE DELETE ON counselors "
                   "BEGIN SELECT RAISE(ABORT, 'counselors are deactivated, not deleted'); END")
