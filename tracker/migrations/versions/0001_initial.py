"""Initial schema: documents, references, obligations, units, aliases,
obligation↔unit links, and per-obligation reminder sequences.

Revision ID: 0001_initial
Revises:
Create Date: 2026-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("path", sa.String(1024), nullable=False),
        sa.Column("stem", sa.String(512), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("format", sa.String(16)),
        sa.Column("doc_key", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.String(255)),
        sa.Column("type", sa.String(255)),
        sa.Column("type_code", sa.String(32)),
        sa.Column("issuer", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("subject", sa.Text),
        sa.Column("json", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("path", name="uq_documents_path"),
    )
    op.create_index("ix_documents_doc_id", "documents", ["doc_id"])

    op.create_table(
        "references",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ref_id", sa.String(255), nullable=False),
        sa.Column("ref_key", sa.String(255), nullable=False),
        sa.Column("type", sa.String(255)),
        sa.Column("type_code", sa.String(32)),
        sa.Column("number", sa.String(64)),
        sa.Column("year", sa.String(8)),
        sa.Column("symbol", sa.String(255)),
        sa.Column("date", sa.String(10)),
        sa.Column("issuer", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("relation", sa.String(16)),
        sa.Column("mentions", sa.Text),
    )
    op.create_index("ix_references_document_id", "references", ["document_id"])
    op.create_index("ix_references_ref_key", "references", ["ref_key"])

    op.create_table(
        "obligations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("ordinal", sa.Integer, nullable=False),
        sa.Column("uid", sa.String(128), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False, server_default="0"),
        sa.Column("action", sa.Text, nullable=False),
        sa.Column("deadline_date", sa.String(10)),
        sa.Column("deadline_text", sa.Text),
        sa.Column("deadline_kind", sa.String(16)),
        sa.Column("recurrence_text", sa.Text),
        sa.Column("recurrence_rrule", sa.String(255)),
        sa.Column("report_to", sa.Text),
        sa.Column("source_text", sa.Text),
        sa.Column("loc", sa.Text),
    )
    op.create_index("ix_obligations_document_id", "obligations", ["document_id"])
    op.create_index("ix_obligations_deadline_date", "obligations", ["deadline_date"])
    op.create_index("ix_obligations_uid", "obligations", ["uid"])

    op.create_table(
        "units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("folded", sa.String(512), nullable=False),
        sa.UniqueConstraint("folded", name="uq_units_folded"),
    )

    op.create_table(
        "unit_aliases",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id", ondelete="CASCADE"), nullable=False),
        sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
        sa.Column("alias", sa.Text, nullable=False),
        sa.Column("folded", sa.String(512), nullable=False),
        sa.UniqueConstraint("unit_id", "document_id", "folded", name="uq_unit_aliases"),
    )
    op.create_index("ix_unit_aliases_folded", "unit_aliases", ["folded"])
    op.create_index("ix_unit_aliases_document_id", "unit_aliases", ["document_id"])

    op.create_table(
        "obligation_units",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("obligation_id", sa.Integer, sa.ForeignKey("obligations.id", ondelete="CASCADE"), nullable=False),
        sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("raw", sa.Text),
    )
    op.create_index("ix_obligation_units_obligation_id", "obligation_units", ["obligation_id"])
    op.create_index("ix_obligation_units_unit_id", "obligation_units", ["unit_id"])

    op.create_table(
        "reminder_sequences",
        sa.Column("uid", sa.String(128), primary_key=True),
        sa.Column("path", sa.String(1024), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for name in ("reminder_sequences", "obligation_units", "unit_aliases", "units",
                 "obligations", "references", "documents"):
        op.drop_table(name)
