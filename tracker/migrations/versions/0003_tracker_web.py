"""The tracker web app's tables: accounts and sessions, the reviewers'
corrections of extracted obligations, completions ("đã hoàn thành"),
dismissed suggestions, units merged by hand, and calendar feed tokens.

Corrections and completions are keyed by an obligation's stable ``uid``
(``tracker.store.obligation_uids``) and its document's ``doc_key``, never by a
row id, so a re-ingest of the same document (which replaces its rows) keeps
them.

Revision ID: 0003_tracker_web
Revises: 0002_long_paths
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_tracker_web"
down_revision = "0002_long_paths"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "web_users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(128), nullable=False, unique=True),
        sa.Column("full_name", sa.Text),
        sa.Column("password_hash", sa.Text, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("unit", sa.Text),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("web_users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("expires_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "web_corrections",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("uid", sa.String(128), nullable=False, index=True),
        sa.Column("doc_key", sa.String(64), nullable=False, index=True),
        sa.Column("field", sa.String(32), nullable=False),
        sa.Column("value", sa.Text),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "web_completions",
        sa.Column("uid", sa.String(128), primary_key=True),
        sa.Column("doc_key", sa.String(64), nullable=False),
        sa.Column("done_on", sa.String(10), nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("report_path", sa.Text),
        sa.Column("suggested", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "web_dismissed",
        sa.Column("uid", sa.String(128), primary_key=True),
        sa.Column("report_path", sa.Text, primary_key=True),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "web_unit_merges",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("other", sa.Text, nullable=False),
        sa.Column("username", sa.String(128), nullable=False),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "web_feed_tokens",
        sa.Column("unit_key", sa.String(512), primary_key=True),
        sa.Column("token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    for t in ("web_feed_tokens", "web_unit_merges", "web_dismissed", "web_completions", "web_corrections",
              "web_sessions", "web_users"):
        op.drop_table(t)
