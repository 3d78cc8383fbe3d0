"""letters, channels, sender registrations, who a request went to, service health; room for the
outcome "awaiting_registration"

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("inbound_messages") as t:
        t.alter_column("outcome", existing_type=sa.String(length=20), type_=sa.String(length=32),
                       existing_nullable=False)
    with op.batch_alter_table("tickets") as t:
        t.add_column(sa.Column("letter", sa.JSON(), nullable=True))
        t.add_column(sa.Column("channel", sa.String(length=20), nullable=False, server_default="email"))
        t.add_column(sa.Column("entered_by", sa.String(length=320), nullable=True))
        t.add_column(sa.Column("contact", sa.Text(), nullable=True))
    with op.batch_alter_table("dispositions") as t:
        t.add_column(sa.Column("sent_to", sa.String(length=320), nullable=True))
    op.create_table(
        "sender_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("opd_key", sa.String(length=64), nullable=True),
        sa.Column("guessed_opd", sa.String(length=64), nullable=True),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("message_id", sa.String(length=1000), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("decided_by", sa.String(length=320), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token"),
    )
    op.create_index("ix_sender_registrations_address", "sender_registrations", ["address"])
    op.create_index("ix_sender_registrations_message_id", "sender_registrations", ["message_id"])
    op.create_table(
        "health",
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("ok_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("failing_since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )


def downgrade() -> None:
    op.drop_table("health")
    op.drop_index("ix_sender_registrations_message_id", table_name="sender_registrations")
    op.drop_index("ix_sender_registrations_address", table_name="sender_registrations")
    op.drop_table("sender_registrations")
    with op.batch_alter_table("dispositions") as t:
        t.drop_column("sent_to")
    with op.batch_alter_table("tickets") as t:
        t.drop_column("contact")
        t.drop_column("entered_by")
        t.drop_column("channel")
        t.drop_column("letter")
    with op.batch_alter_table("inbound_messages") as t:
        t.alter_column("outcome", existing_type=sa.String(length=32), type_=sa.String(length=20),
                       existing_nullable=False)
