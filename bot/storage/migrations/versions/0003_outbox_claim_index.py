"""outbox: claims use (state, id)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 03:05:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_due")
        batch_op.create_index("ix_outbox_state_id", ["state", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index("ix_outbox_state_id")
        batch_op.create_index("ix_outbox_due", ["state", "not_before"], unique=False)
