"""voucher completion proof

Revision ID: 5e1f0c2a9b7d
Revises: 2c874cdcbd8c
Create Date: 2026-11-28 20:05:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5e1f0c2a9b7d'
down_revision = '2c874cdcbd8c'
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows get empty texts; the model fills them in from then on.
    with op.batch_alter_table('voucher_application', schema=None) as batch_op:
        batch_op.add_column(sa.Column('proof_kind', sa.String(length=20), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('proof_filename', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('proof_mimetype', sa.String(length=40), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('proof_file', sa.LargeBinary(), nullable=True))


def downgrade():
    with op.batch_alter_table('voucher_application', schema=None) as batch_op:
        batch_op.drop_column('proof_file')
        batch_op.drop_column('proof_mimetype')
        batch_op.drop_column('proof_filename')
        batch_op.drop_column('proof_kind')
