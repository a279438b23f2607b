"""course import log and provider ids

Revision ID: 6974c9c444d5
Revises: 5e1f0c2a9b7d
Create Date: 2026-11-28 21:05:07.217728

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6974c9c444d5'
down_revision = '5e1f0c2a9b7d'
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows get empty texts; the models fill them in from then on.
    op.create_table('import_run',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('applied_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=200), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('provider_id', sa.Integer(), nullable=True),
    sa.Column('full', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created', sa.Integer(), nullable=False),
    sa.Column('updated', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('withdrawn', sa.Integer(), nullable=False),
    sa.Column('message', sa.String(), nullable=False),
    sa.Column('report', sa.JSON(), nullable=False),
    sa.Column('payload', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['provider_id'], ['provider.id'], name=op.f('fk_import_run_provider_id_provider')),
    sa.ForeignKeyConstraint(['user_id'], ['user.id'], name=op.f('fk_import_run_user_id_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_import_run'))
    )
    with op.batch_alter_table('import_run', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_import_run_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('course', schema=None) as batch_op:
        batch_op.add_column(sa.Column('url', sa.String(length=500), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('source_codes', sa.JSON(), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('last_import_id', sa.Integer(), nullable=True))
        batch_op.drop_constraint(batch_op.f('uq_course_external_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_course_provider_id'), ['provider_id', 'external_id'])
        batch_op.create_foreign_key(batch_op.f('fk_course_last_import_id_import_run'), 'import_run', ['last_import_id'], ['id'])

    with op.batch_alter_table('provider', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('org_unit_id', sa.String(length=80), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_provider_org_unit_id'), ['org_unit_id'])

    with op.batch_alter_table('start_moment', schema=None) as batch_op:
        batch_op.add_column(sa.Column('run_id', sa.String(length=80), nullable=False, server_default=''))



def downgrade():
    with op.batch_alter_table('start_moment', schema=None) as batch_op:
        batch_op.drop_column('run_id')

    with op.batch_alter_table('provider', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_provider_org_unit_id'), type_='unique')
        batch_op.drop_column('org_unit_id')
        batch_op.drop_column('email')

    with op.batch_alter_table('course', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_course_last_import_id_import_run'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_course_provider_id'), type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_course_external_id'), ['external_id'])
        batch_op.drop_column('last_import_id')
        batch_op.drop_column('source_codes')
        batch_op.drop_column('url')

    with op.batch_alter_table('import_run', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_import_run_user_id'))

    op.drop_table('import_run')
