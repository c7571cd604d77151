"""Paths of any length: ``documents.path`` and ``reminder_sequences.path``
become TEXT (they were VARCHAR(1024); PostgreSQL refused a longer path, SQLite
never enforced the length, so it needs no change).

Revision ID: 0002_long_paths
Revises: 0001_initial
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_long_paths"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_COLUMNS = (("documents", "path"), ("reminder_sequences", "path"))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, column in _COLUMNS:
        op.alter_column(table, column, type_=sa.Text, existing_type=sa.String(1024), existing_nullable=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table, column in _COLUMNS:
        op.alter_column(table, column, type_=sa.String(1024), existing_type=sa.Text, existing_nullable=False)
