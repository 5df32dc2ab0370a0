"""Initial schema: counselors, couples, consultations, documents, addenda, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-22

Besides the tables of ``azodesk/storage/models.py`` (as they were at this revision) it creates the
triggers that make the record final: a signed consultation cannot be updated or deleted,
documents, addenda and audit entries cannot be updated or deleted, and couples and counselors are
never deleted (couples are soft-deleted with ``deleted_at``).
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0001'
down_revision: Union[str, Sequence[str], None] = None
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _refuse(name: str, table: str, event: str, message: str, when: str = "") -> str:
    condition = f" WHEN {when}" if when else ""
    return (f"CREATE TRIGGER {name} BEFORE {event} ON {table}{condition} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END")


_FINAL = [
    ("consultations_signed_no_update", "consultations", "UPDATE", "signed consultation is final",
     "OLD.status = 'signed'"),
    ("consultations_signed_no_delete", "consultations", "DELETE", "signed consultation is final",
     "OLD.status = 'signed'"),
    ("documents_no_update", "documents", "UPDATE", "documents are final", ""),
    ("documents_no_delete", "documents", "DELETE", "documents are final", ""),
    ("addenda_no_update", "addenda", "UPDATE", "addenda are final", ""),
    ("addenda_no_delete", "addenda", "DELETE", "addenda are final", ""),
    ("audit_log_no_update", "audit_log", "UPDATE", "audit log is append-only", ""),
    ("audit_log_no_delete", "audit_log", "DELETE", "audit log is append-only", ""),
    ("couples_no_delete", "couples", "DELETE", "couples are only soft-deleted (deleted_at)", ""),
    ("counselors_no_delete", "counselors", "DELETE", "counselors are deactivated, not deleted", ""),
]
TRIGGER_NAMES = [name for name, *_ in _FINAL]
TRIGGERS = [_refuse(name, table, event, message, when) for name, table, event, message, when in _FINAL]


def upgrade() -> None:
    _create_tables()
    for statement in TRIGGERS:
        op.execute(statement)


def _create_tables() -> None:
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('before_sha256', sa.String(length=64), nullable=True),
    sa.Column('after_sha256', sa.String(length=64), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('entry_hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log')),
    sa.UniqueConstraint('entry_hash', name=op.f('uq_audit_log_entry_hash'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index('ix_audit_log_entity', ['entity', 'entity_id'], unique=False)

    op.create_table('counselors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.text('1'), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_counselors')),
    sa.UniqueConstraint('username', name=op.f('uq_counselors_username'))
    )
    op.create_table('couples',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('record_number', sa.String(length=64), nullable=True),
    sa.Column('male_name', sa.String(length=200), nullable=True),
    sa.Column('male_birth_date', sa.Date(), nullable=True),
    sa.Column('female_name', sa.String(length=200), nullable=True),
    sa.Column('female_birth_date', sa.Date(), nullable=True),
    sa.Column('contact', sa.Text(), nullable=True),
    sa.Column('handout_language', sa.String(length=2), server_default='id', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('deleted_at', sa.DateTime(), nullable=True),
    sa.Column('deleted_by', sa.Integer(), nullable=True),
    sa.Column('deleted_reason', sa.Text(), nullable=True),
    sa.CheckConstraint("handout_language IN ('en', 'id')", name=op.f('ck_couples_handout_language')),
    sa.ForeignKeyConstraint(['deleted_by'], ['counselors.id'], name=op.f('fk_couples_deleted_by_counselors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_couples'))
    )
    with op.batch_alter_table('couples', schema=None) as batch_op:
        batch_op.create_index('uq_couples_record_number_active', ['record_number'], unique=True, sqlite_where=sa.text('record_number IS NOT NULL AND deleted_at IS NULL'))

    op.create_table('consultations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('couple_id', sa.Integer(), nullable=False),
    sa.Column('counselor_id', sa.Integer(), nullable=True),
    sa.Column('consultation_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=8), server_default='draft', nullable=False),
    sa.Column('case_json', sa.Text(), nullable=False),
    sa.Column('assessment_json_z', sa.LargeBinary(), nullable=False),
    sa.Column('ruleset_version', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), server_default='', nullable=False),
    sa.Column('chosen_plan', sa.JSON(), server_default='[]', nullable=False),
    sa.Column('discussed_steps', sa.JSON(), server_default='[]', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('signed_by', sa.Integer(), nullable=True),
    sa.CheckConstraint("(status = 'signed') = (signed_at IS NOT NULL)", name=op.f('ck_consultations_signed_at')),
    sa.CheckConstraint("status IN ('draft', 'signed')", name=op.f('ck_consultations_status')),
    sa.ForeignKeyConstraint(['counselor_id'], ['counselors.id'], name=op.f('fk_consultations_counselor_id_counselors')),
    sa.ForeignKeyConstraint(['couple_id'], ['couples.id'], name=op.f('fk_consultations_couple_id_couples')),
    sa.ForeignKeyConstraint(['signed_by'], ['counselors.id'], name=op.f('fk_consultations_signed_by_counselors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultations'))
    )
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultations_couple_id'), ['couple_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('language', sa.String(length=2), nullable=False),
    sa.Column('pdf', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('signed_at', sa.DateTime(), nullable=True),
    sa.Column('signed_by', sa.Integer(), nullable=True),
    sa.CheckConstraint("language IN ('en', 'id')", name=op.f('ck_documents_language')),
    sa.CheckConstraint('version >= 1', name=op.f('ck_documents_version')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_documents_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['created_by'], ['counselors.id'], name=op.f('fk_documents_created_by_counselors')),
    sa.ForeignKeyConstraint(['signed_by'], ['counselors.id'], name=op.f('fk_documents_signed_by_counselors')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('consultation_id', 'version', name=op.f('uq_documents_consultation_id_version'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_sha256'), ['sha256'], unique=False)

    op.create_table('addenda',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['counselors.id'], name=op.f('fk_addenda_author_id_counselors')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_addenda_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_addenda_document_id_documents')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_addenda'))
    )
    with op.batch_alter_table('addenda', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_addenda_consultation_id'), ['consultation_id'], unique=False)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    with op.batch_alter_table('addenda', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_addenda_consultation_id'))

    op.drop_table('addenda')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_sha256'))

    op.drop_table('documents')
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultations_couple_id'))

    op.drop_table('consultations')
    with op.batch_alter_table('couples', schema=None) as batch_op:
        batch_op.drop_index('uq_couples_record_number_active', sqlite_where=sa.text('record_number IS NOT NULL AND deleted_at IS NULL'))

    op.drop_table('couples')
    op.drop_table('counselors')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_entity')

    op.drop_table('audit_log')
