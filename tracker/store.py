"""The query index: ingested documents, their references, obligations and
units in a SQL database (SQLAlchemy 2 Core).

* SQLite by default (``data/vanban.sqlite``), PostgreSQL when ``VANBAN_DB_URL``
  (or the ``url`` argument) names one; the same code serves both.
* The schema is managed by Alembic; ``Store()`` brings the database to the
  newest revision when it opens it (migrations live in ``tracker/migrations``).
* ``upsert_document`` loads the contract JSON of one document.  A changed
  document replaces all of its rows in one transaction; an unchanged one
  (same source sha256 and same extracted content) is skipped.
* Concurrency: two ingests at once neither corrupt nor duplicate anything.
  SQLite runs in WAL mode with a busy timeout and every write transaction
  starts with ``BEGIN IMMEDIATE`` (writers queue, readers go on); PostgreSQL
  relies on unique constraints, ``INSERT … ON CONFLICT`` and a row lock
  (``SELECT … FOR UPDATE``) on the document being replaced.
* Every obligation gets a stable ``uid`` (from the document's identity and
  the obligation's own "who does what", never a row id) and a ``sequence``
  that goes up each time that obligation's content changes; reminders use
  both (iCalendar UID / SEQUENCE).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from core import regex_cached as regex
import sqlalchemy as sa
from sqlalchemy import event

from core.textutil import RX_TIMEOUT, fold, nfc, reference_key

DEFAULT_SQLITE = "data/vanban.sqlite"
ENV_URL = "VANBAN_DB_URL"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 7_212_026  # pg_advisory_xact_lock key for schema upgrades
ROLES = ("lead", "support", "responsible", "monitor")

# --------------------------------------------------------------------------
# Schema (mirrors tracker/migrations/versions; migrations are the authority)
# --------------------------------------------------------------------------

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("path", sa.Text, nullable=False, unique=True),
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
)

references = sa.Table(
    "references", metadata,
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

obligations = sa.Table(
    "obligations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("uid", sa.String(128), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("sequence", sa.Integer, nullable=False),
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

units = sa.Table(
    "units", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("folded", sa.String(512), nullable=False, unique=True),
)

unit_aliases = sa.Table(
    "unit_aliases", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id", ondelete="CASCADE"), nullable=False),
    sa.Column("document_id", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Column("folded", sa.String(512), nullable=False),
    sa.UniqueConstraint("unit_id", "document_id", "folded", name="uq_unit_aliases"),
)

obligation_units = sa.Table(
    "obligation_units", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("obligation_id", sa.Integer, sa.ForeignKey("obligations.id", ondelete="CASCADE"), nullable=False),
    sa.Column("unit_id", sa.Integer, sa.ForeignKey("units.id"), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("raw", sa.Text),
)

reminder_sequences = sa.Table(
    "reminder_sequences", metadata,
    sa.Column("uid", sa.String(128), primary_key=True),
    sa.Column("path", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("sequence", sa.Integer, nullable=False),
)

# --------------------------------------------------------------------------
# What queries return
# --------------------------------------------------------------------------


@dataclass(slots=True)
class StoredUnitLink:
    name: str  # canonical unit name
    raw: str | None  # as written in the obligation
    role: str
    unit_id: int


@dataclass(slots=True)
class StoredReference:
    id: str
    relation: str | None
    type: str | None = None
    title: str | None = None


@dataclass(slots=True)
class StoredObligation:
    """One obligation with what a reader needs to check it."""

    row_id: int
    uid: str
    sequence: int
    ordinal: int
    action: str
    deadline_date: str | None
    deadline_text: str | None
    deadline_kind: str | None
    recurrence_text: str | None
    recurrence_rrule: str | None
    report_to: str | None
    source_text: str | None
    loc: dict[str, Any] | None
    document_path: str
    document_stem: str
    document_format: str | None
    document_id: str | None
    document_type: str | None
    document_date: str | None
    document_subject: str | None
    document_issuer: str | None
    units: list[StoredUnitLink] = field(default_factory=list)
    references: list[StoredReference] = field(default_factory=list)
    document_key: str = ""  # the document's identity (same for its .docx/.pdf/.txt copies)

    @property
    def document_label(self) -> str:
        """How the source document is named to a reader: its number/symbol
        (and type), else its file stem."""
        if self.document_id:
            return f"{self.document_type} {self.document_id}" if self.document_type else self.document_id
        return self.document_stem

    @property
    def unit_names(self) -> list[str]:
        return [u.name for u in self.units]


@dataclass(slots=True)
class StoredUnit:
    id: int
    name: str
    folded: str
    aliases: list[str] = field(default_factory=list)
    n_obligations: int = 0


# --------------------------------------------------------------------------
# Pure helpers
# --------------------------------------------------------------------------


def default_url() -> str:
    return os.environ.get(ENV_URL) or f"sqlite:///{DEFAULT_SQLITE}"


def normalize_url(url: str) -> str:
    """Accept a bare file path (SQLite) and plain ``postgresql://`` URLs
    (driven by psycopg 3, the driver vanban installs)."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://"):]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def missing_sqlite_file(url: str | None) -> str | None:
    """The file name when ``url`` is a SQLite database that does not exist
    yet (a query should say "ingest first" rather than create it)."""
    u = sa.engine.make_url(normalize_url(url or default_url()))
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:" and not Path(u.database).exists():
        return u.database
    return None


def database_error(exc: BaseException, url: str | None = None) -> str:
    """One line for a database that cannot be opened or read: the database
    as named (password hidden) and the first line of the driver's reason
    ("connection refused"), never SQLAlchemy's multi-line report."""
    orig = getattr(exc, "orig", None) or exc
    reason = next((ln.strip() for ln in str(orig).splitlines() if ln.strip()), "")
    name = url or default_url()
    try:
        if "://" in name:
            name = sa.engine.make_url(name).render_as_string(hide_password=True)
    except Exception:  # an unreadable URL: the URL error is the reason
        name = "(unreadable URL)"
    return f"cannot open the index database {name}: {type(orig).__name__}" + (f": {reason}" if reason else "")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def indexed_json(doc: dict[str, Any]) -> dict[str, Any]:
    """The part of a document's JSON the index keeps (the document model
    under ``content`` stays in ``data/structured``)."""
    return {k: v for k, v in doc.items() if k != "content"}


def content_hash(doc: dict[str, Any]) -> str:
    """Hash of what was extracted (not of who extracted it): a new vanban
    version that extracts the same thing does not rewrite the index."""
    return _sha(_canonical({k: v for k, v in doc.items() if k not in ("content", "generator")}))


SOURCE_PREFERENCE = ("docx", "doc", "pdf", "md", "txt")  # most original first (as flows.ingest ranks them)


def source_rank(fmt: str | None) -> int:
    """How original a source format is (0 = most): the same plan received as
    .docx and as a scanned .pdf is read from the .docx."""
    f = (fmt or "").lower().lstrip(".")
    return SOURCE_PREFERENCE.index(f) if f in SOURCE_PREFERENCE else len(SOURCE_PREFERENCE)


def source_stem(path: str | None) -> str:
    """The file name without folder and extension ("data/raw/kh.docx" → "kh"),
    for POSIX and Windows paths alike."""
    name = (path or "").replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name


def document_identity(doc: dict[str, Any]) -> str:
    """What names one document whatever file it came from: its number/symbol
    and date when it has a number (compared as ``reference_key`` does), else
    the source file's stem (never its extension or folder), so that the
    .docx, .pdf and .txt copies of one plan are one document."""
    d = doc.get("document") or {}
    if d.get("id"):
        return f"id:{reference_key(d['id'])}|{_iso_date(d.get('date')) or ''}"
    return f"stem:{fold(source_stem((doc.get('source') or {}).get('path')))}"


def document_key(doc: dict[str, Any]) -> str:
    """``document_identity`` hashed to a fixed width (the ``doc_key`` column
    and the document part of every obligation UID)."""
    return _sha(document_identity(doc))[:32]


@dataclass(frozen=True, slots=True)
class DocumentCopy:
    """One ingested file as a copy of a document (what choosing among copies needs)."""

    key: str  # document_key
    stem: str  # source_stem of its path
    numbered: bool  # the document's number/symbol was read from this copy
    format: str | None
    path: str


def copy_of(doc: dict[str, Any]) -> DocumentCopy:
    source = doc.get("source") or {}
    path = str(source.get("path") or "")
    fmt = source.get("format") or path.rsplit(".", 1)[-1]
    return DocumentCopy(document_key(doc), source_stem(path), bool((doc.get("document") or {}).get("id")), fmt, path)


def group_copies(copies: Iterable[DocumentCopy]) -> dict[str, list[DocumentCopy]]:
    """Copies of the same document together, keyed by document key; each
    group is sorted most original format first (then by path).  Copies with
    the same key are one document; a copy whose number could not be read
    (a poor scan) joins the numbered copies of the same file stem when they
    all name one document."""
    groups: dict[str, list[DocumentCopy]] = defaultdict(list)
    for c in copies:
        groups[c.key].append(c)
    numbered_by_stem: dict[str, set[str]] = defaultdict(set)
    for key, cs in groups.items():
        for c in cs:
            if c.numbered:
                numbered_by_stem[fold(c.stem)].add(key)
    for key in [k for k, cs in groups.items() if not any(c.numbered for c in cs)]:
        target = numbered_by_stem.get(fold(groups[key][0].stem), set())
        if len(target) == 1:
            (into,) = target
            groups[into].extend(groups.pop(key))
    return {k: sorted(cs, key=lambda c: (source_rank(c.format), c.path)) for k, cs in groups.items()}


def preferred_copies(copies: Iterable[DocumentCopy]) -> list[DocumentCopy]:
    """One copy per document: the most original format."""
    return [cs[0] for cs in group_copies(copies).values()]


# dates as an action may carry them ("… trước ngày 15/10/2020", "ngày 05 tháng 11 năm 2023", "tháng 10/2020"),
# matched on folded text; each alternative is a fixed run of digits and words (no nested repeats)
_DATE_IN_ACTION = regex.compile(
    r"(?<!\d)\d{1,2}[ ]?[/.\-][ ]?\d{1,2}(?:[ ]?[/.\-][ ]?\d{2,4})?(?!\d)"
    r"|(?<!\d)\d{1,2}[ ]?/[ ]?\d{4}(?!\d)"
    r"|\bngay[ ]\d{1,2}[ ]thang[ ]\d{1,2}(?:[ ]nam[ ]\d{2,4})?(?!\d)"
    r"|\bthang[ ]\d{1,2}[ ]nam[ ]\d{4}(?!\d)")


def _action_without_dates(action: str, deadline_text: str | None) -> str:
    """The folded action without its deadline: the deadline's text as written,
    then any date left in it, so that moving a deadline keeps the identity."""
    text = fold(action)
    if deadline_text:
        text = text.replace(fold(deadline_text), " ")
    text = _DATE_IN_ACTION.sub(" ", text, timeout=RX_TIMEOUT)
    return " ".join(text.split())


def obligation_identity(ob: dict[str, Any]) -> str:
    """Who does what: the part of an obligation that names it across edits
    (a new deadline or wording of the source sentence keeps the identity).
    The deadline never enters it, even when the action quotes it ("báo cáo …
    trước ngày 15/10/2020"): a moved deadline is the same obligation, one
    SEQUENCE further."""
    names = sorted({fold(u.get("name") or u.get("raw") or "") for u in ob.get("units") or []})
    deadline = ob.get("deadline") or {}
    return _action_without_dates(ob.get("action") or "", deadline.get("text")) + "|" + ";".join(names)


def obligation_content_hash(ob: dict[str, Any]) -> str:
    deadline = ob.get("deadline") or {}
    rec = ob.get("recurrence") or {}
    return _sha(_canonical({
        "action": ob.get("action"),
        "units": sorted((u.get("name") or "", u.get("role") or "") for u in ob.get("units") or []),
        "deadline": [deadline.get("date"), deadline.get("text")],
        "recurrence": [rec.get("text"), rec.get("rrule")],
        "report_to": ob.get("report_to"),
        "source_text": ob.get("source_text"),
    }))


def obligation_uids(doc: dict[str, Any]) -> list[str]:
    """Stable UID of each obligation of a document (RFC 5545 style
    ``…@vanban``); equal identities within one document are numbered."""
    key = document_key(doc)
    seen: dict[str, int] = defaultdict(int)
    out = []
    for ob in doc.get("obligations") or []:
        ident = obligation_identity(ob)
        seen[ident] += 1
        out.append(_sha(f"{key}|{ident}|{seen[ident]}")[:32] + "@vanban")
    return out


def _text(v: Any) -> str | None:
    return nfc(v) if isinstance(v, str) and v.strip() else None


def _iso_date(v: Any) -> str | None:
    if not isinstance(v, str):
        return None
    try:
        return dt.date.fromisoformat(v[:10]).isoformat()
    except ValueError:
        return None


def _cut(v: str | None, n: int) -> str | None:
    return v if v is None or len(v) <= n else v[:n]


# --------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------


class Store:
    """The query index. ``Store(url=None)``: ``url``, else ``VANBAN_DB_URL``,
    else ``sqlite:///data/vanban.sqlite``.  Use as a context manager or call
    ``close()``."""

    def __init__(self, url: str | None = None, *, migrate: bool = True):
        self.url = normalize_url(url or default_url())
        self.engine = _make_engine(self.url)
        self.dialect = self.engine.dialect.name
        if migrate:
            self.migrate()

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction (SQLite: BEGIN IMMEDIATE)."""
        with self.engine.connect() as conn:
            conn.execution_options(vanban_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            with conn.begin():
                yield conn

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision (idempotent; two
        processes doing it at once apply it once)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self._write() as conn:
            if self.dialect == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def schema_revision(self) -> str | None:
        with self._read() as conn:
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()

    # -- writing -----------------------------------------------------------

    def has_document(self, path: str, sha256: str) -> bool:
        with self._read() as conn:
            row = conn.execute(
                sa.select(documents.c.id).where(documents.c.path == str(path), documents.c.sha256 == sha256)
            ).first()
        return row is not None

    def upsert_document(self, doc: dict[str, Any]) -> bool:
        """Load one document's contract JSON.  Returns False (and writes
        nothing) when the same path was indexed from the same bytes with the
        same extracted content (and document identity); otherwise replaces every row of that document
        in one transaction and returns True."""
        source = doc.get("source") or {}
        path, sha256 = source.get("path"), source.get("sha256")
        if not path or not sha256:
            raise ValueError("document JSON without source.path / source.sha256")
        path = str(path)
        chash = content_hash(doc)
        with self._write() as conn:
            lock = sa.select(documents.c.id, documents.c.sha256, documents.c.content_hash, documents.c.doc_key).where(
                documents.c.path == path)
            if self.dialect == "postgresql":
                lock = lock.with_for_update()
            existing = conn.execute(lock).first()
            if (existing is not None and existing.sha256 == sha256 and existing.content_hash == chash
                    and existing.doc_key == document_key(doc)  # an index made before a change of identity is redone
                    and self._stored_uids(conn, existing.id) == obligation_uids(doc)):  # … and of UIDs
                return False
            values = self._document_values(doc, path, sha256, chash)
            if existing is not None:
                doc_row_id = existing.id
                self._delete_children(conn, [doc_row_id])
                conn.execute(documents.update().where(documents.c.id == doc_row_id).values(**values))
            else:
                doc_row_id = self._insert_document(conn, values)
                self._delete_children(conn, [doc_row_id])  # a racing writer's rows (PostgreSQL)
            self._insert_references(conn, doc_row_id, doc)
            self._insert_units_and_obligations(conn, doc_row_id, path, doc)
        return True

    @staticmethod
    def _stored_uids(conn: sa.Connection, doc_row_id: int) -> list[str]:
        return list(conn.execute(sa.select(obligations.c.uid).where(obligations.c.document_id == doc_row_id)
                                 .order_by(obligations.c.ordinal)).scalars())

    def remove_missing(self, paths: Iterable[str]) -> list[str]:
        """Delete every document whose path is not in ``paths`` (files that
        disappeared from the ingested folders); returns the removed paths."""
        keep = {str(p) for p in paths}
        with self._write() as conn:
            rows = conn.execute(sa.select(documents.c.id, documents.c.path)).all()
            gone = [r for r in rows if r.path not in keep]
            ids = [r.id for r in gone]
            for chunk in _chunks(ids, 500):
                self._delete_children(conn, chunk)
                conn.execute(documents.delete().where(documents.c.id.in_(chunk)))
        return sorted(r.path for r in gone)

    def _document_values(self, doc: dict[str, Any], path: str, sha256: str, chash: str) -> dict[str, Any]:
        d = doc.get("document") or {}
        source = doc.get("source") or {}
        return {
            "path": path,
            "stem": source_stem(path),
            "sha256": sha256,
            "content_hash": chash,
            "format": _cut(_text(source.get("format")), 16),
            "doc_key": document_key(doc),
            "doc_id": _cut(_text(d.get("id")), 255),
            "type": _cut(_text(d.get("type")), 255),
            "type_code": _cut(_text(d.get("type_code")), 32),
            "issuer": _text(d.get("issuer")),
            "date": _iso_date(d.get("date")),
            "subject": _text(d.get("subject")),
            "json": json.dumps(indexed_json(doc), ensure_ascii=False),
            "ingested_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        }

    def _insert_document(self, conn: sa.Connection, values: dict[str, Any]) -> int:
        if self.dialect in ("postgresql", "sqlite"):
            ins = _dialect_insert(self.dialect, documents).values(**values)
            ins = ins.on_conflict_do_update(
                index_elements=[documents.c.path],
                set_={k: ins.excluded[k] for k in values if k != "path"},
            ).returning(documents.c.id)
            return conn.execute(ins).scalar_one()
        return conn.execute(documents.insert().values(**values)).inserted_primary_key[0]

    @staticmethod
    def _delete_children(conn: sa.Connection, doc_ids: list[int]) -> None:
        if not doc_ids:
            return
        ob_ids = sa.select(obligations.c.id).where(obligations.c.document_id.in_(doc_ids)).scalar_subquery()
        conn.execute(obligation_units.delete().where(obligation_units.c.obligation_id.in_(ob_ids)))
        conn.execute(obligations.delete().where(obligations.c.document_id.in_(doc_ids)))
        conn.execute(references.delete().where(references.c.document_id.in_(doc_ids)))
        conn.execute(unit_aliases.delete().where(unit_aliases.c.document_id.in_(doc_ids)))

    def _insert_references(self, conn: sa.Connection, doc_row_id: int, doc: dict[str, Any]) -> None:
        rows = []
        for ref in doc.get("references") or []:
            rid = _text(ref.get("id"))
            if not rid:
                continue
            rows.append({
                "document_id": doc_row_id,
                "ref_id": _cut(rid, 255),
                "ref_key": _cut(reference_key(rid), 255),
                "type": _cut(_text(ref.get("type")), 255),
                "type_code": _cut(_text(ref.get("type_code")), 32),
                "number": _cut(_text(ref.get("number")), 64),
                "year": _cut(_text(str(ref["year"]) if ref.get("year") is not None else None), 8),
                "symbol": _cut(_text(ref.get("symbol")), 255),
                "date": _iso_date(ref.get("date")),
                "issuer": _text(ref.get("issuer")),
                "title": _text(ref.get("title")),
                "relation": _cut(_text(ref.get("relation")), 16),
                "mentions": json.dumps(ref.get("mentions") or [], ensure_ascii=False),
            })
        if rows:
            conn.execute(references.insert(), rows)

    def _unit_id(self, conn: sa.Connection, name: str, cache: dict[str, int]) -> int:
        key = _cut(fold(name), 512) or ""
        if key in cache:
            return cache[key]
        found = conn.execute(sa.select(units.c.id).where(units.c.folded == key)).scalar()
        if found is None:
            ins = _dialect_insert(self.dialect, units).values(name=name, folded=key)
            conn.execute(ins.on_conflict_do_nothing(index_elements=[units.c.folded]))
            found = conn.execute(sa.select(units.c.id).where(units.c.folded == key)).scalar_one()
        cache[key] = found
        return found

    def _insert_units_and_obligations(self, conn: sa.Connection, doc_row_id: int, path: str,
                                      doc: dict[str, Any]) -> None:
        cache: dict[str, int] = {}
        aliases: dict[tuple[int, str], str] = {}

        def alias(unit_id: int, text: str | None) -> None:
            if text:
                aliases.setdefault((unit_id, _cut(fold(text), 512) or ""), text)

        for u in doc.get("units") or []:
            name = _text(u.get("name"))
            if not name:
                continue
            uid = self._unit_id(conn, name, cache)
            alias(uid, name)
            for a in u.get("aliases") or []:
                alias(uid, _text(a))

        obs = doc.get("obligations") or []
        uids = obligation_uids(doc)
        hashes = [obligation_content_hash(ob) for ob in obs]
        sequences = self._sequences(conn, path, uids, hashes)
        ob_rows = []
        for i, ob in enumerate(obs):
            deadline = ob.get("deadline") or {}
            rec = ob.get("recurrence") or {}
            ob_rows.append({
                "document_id": doc_row_id,
                "ordinal": i,
                "uid": uids[i],
                "content_hash": hashes[i],
                "sequence": sequences[i],
                "action": _text(ob.get("action")) or "",
                "deadline_date": _iso_date(deadline.get("date")),
                "deadline_text": _text(deadline.get("text")),
                "deadline_kind": _cut(_text(deadline.get("kind")), 16),
                "recurrence_text": _text(rec.get("text")),
                "recurrence_rrule": _cut(_text(rec.get("rrule")), 255),
                "report_to": _text(ob.get("report_to")),
                "source_text": _text(ob.get("source_text")),
                "loc": json.dumps(ob.get("loc"), ensure_ascii=False) if ob.get("loc") is not None else None,
            })
        if not ob_rows:
            self._insert_aliases(conn, doc_row_id, aliases)
            return
        conn.execute(obligations.insert(), ob_rows)
        ids = dict(conn.execute(
            sa.select(obligations.c.ordinal, obligations.c.id).where(obligations.c.document_id == doc_row_id)
        ).all())
        links = []
        for i, ob in enumerate(obs):
            seen: set[tuple[int, str]] = set()
            for u in ob.get("units") or []:
                name = _text(u.get("name")) or _text(u.get("raw"))
                if not name:
                    continue
                unit_id = self._unit_id(conn, name, cache)
                alias(unit_id, name)
                raw = _text(u.get("raw"))
                alias(unit_id, raw)
                role = u.get("role") if u.get("role") in ROLES else "lead"
                if (unit_id, role) in seen:
                    continue
                seen.add((unit_id, role))
                links.append({"obligation_id": ids[i], "unit_id": unit_id, "role": role, "raw": raw})
        if links:
            conn.execute(obligation_units.insert(), links)
        self._insert_aliases(conn, doc_row_id, aliases)

    @staticmethod
    def _insert_aliases(conn: sa.Connection, doc_row_id: int, aliases: dict[tuple[int, str], str]) -> None:
        if aliases:
            conn.execute(unit_aliases.insert(), [
                {"unit_id": u, "document_id": doc_row_id, "alias": text, "folded": key}
                for (u, key), text in aliases.items()
            ])

    def _sequences(self, conn: sa.Connection, path: str, uids: list[str], hashes: list[str]) -> list[int]:
        """SEQUENCE of each obligation: kept while its content is the same,
        one more each time it changes (remembered across re-ingests)."""
        if not uids:
            return []
        old: dict[str, tuple[str, int]] = {}
        for chunk in _chunks(sorted(set(uids)), 500):
            for r in conn.execute(sa.select(reminder_sequences).where(
                    reminder_sequences.c.path == path, reminder_sequences.c.uid.in_(chunk))):
                old[r.uid] = (r.content_hash, r.sequence)
        out, new_rows, changed = [], [], []
        for uid, h in zip(uids, hashes):
            if uid not in old:
                old[uid] = (h, 0)
                new_rows.append({"uid": uid, "path": path, "content_hash": h, "sequence": 0})
            elif old[uid][0] != h:
                old[uid] = (h, old[uid][1] + 1)
                changed.append((uid, h, old[uid][1]))
            out.append(old[uid][1])
        if new_rows:
            ins = _dialect_insert(self.dialect, reminder_sequences)
            conn.execute(ins.on_conflict_do_nothing(), new_rows)
        for uid, h, seq in changed:
            conn.execute(reminder_sequences.update().where(
                reminder_sequences.c.uid == uid, reminder_sequences.c.path == path,
            ).values(content_hash=h, sequence=seq))
        return out

    # -- reading -----------------------------------------------------------

    def document_count(self) -> int:
        with self._read() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar_one()

    def document_paths(self) -> list[str]:
        with self._read() as conn:
            return list(conn.execute(sa.select(documents.c.path).order_by(documents.c.path)).scalars())

    def document_json(self, path: str) -> dict[str, Any] | None:
        with self._read() as conn:
            text = conn.execute(sa.select(documents.c.json).where(documents.c.path == str(path))).scalar()
        return json.loads(text) if text else None

    def find_document(self, spec: str) -> str | None:
        """The path of the ingested document ``spec`` names — its path, file stem or number/symbol
        ("799/KH-SYT", spaces and hyphens ignored) — the preferred copy when several files hold it."""
        with self._read() as conn:
            rows = conn.execute(sa.select(documents.c.path, documents.c.doc_id, documents.c.stem,
                                          documents.c.format)).all()
        key = reference_key(spec)
        found = [r for r in rows if r.path == spec or r.stem == spec or (r.doc_id and reference_key(r.doc_id) == key)]
        if not found:
            return None
        return preferred_copies([DocumentCopy("", r.stem, bool(r.doc_id), r.format, r.path) for r in found])[0].path

    def units(self) -> list[StoredUnit]:
        """Every unit with its aliases and how many obligations name it."""
        with self._read() as conn:
            rows = conn.execute(sa.select(units.c.id, units.c.name, units.c.folded)).all()
            al = conn.execute(sa.select(unit_aliases.c.unit_id, unit_aliases.c.alias)).all()
            counts = dict(conn.execute(
                sa.select(obligation_units.c.unit_id, sa.func.count(sa.distinct(obligation_units.c.obligation_id)))
                .group_by(obligation_units.c.unit_id)
            ).all())
        by_id = {r.id: StoredUnit(r.id, r.name, r.folded, [], counts.get(r.id, 0)) for r in rows}
        for unit_id, text in al:
            u = by_id.get(unit_id)
            if u is not None and text not in u.aliases and text != u.name:
                u.aliases.append(text)
        return sorted(by_id.values(), key=lambda u: u.folded)

    def obligations(
        self,
        *,
        unit_ids: Iterable[int] | None = None,
        role: str | None = None,
        document: str | None = None,
        all_copies: bool = False,
    ) -> list[StoredObligation]:
        """Obligations (with their units, document and the document's cited
        references), optionally only those naming one of ``unit_ids`` (in
        ``role``), or of one document (``document`` = its number/symbol as
        compared by ``reference_key``, its path, or its file stem).

        A document ingested from several files (the same plan as .docx, .pdf
        and .txt) gives its obligations once, from its most original copy
        (``preferred_copies``); ``all_copies=True`` gives every copy's.  A
        ``document`` given as a path selects that file's copy."""
        q = sa.select(obligations, documents.c.path, documents.c.stem, documents.c.format, documents.c.doc_id,
                      documents.c.doc_key,
                      documents.c.type.label("doc_type"), documents.c.date.label("doc_date"),
                      documents.c.subject, documents.c.issuer
                      ).join(documents, documents.c.id == obligations.c.document_id)
        if unit_ids is not None or role:
            link = sa.select(obligation_units.c.obligation_id)
            if unit_ids is not None:
                link = link.where(obligation_units.c.unit_id.in_(list(unit_ids)))
            if role:
                link = link.where(obligation_units.c.role == role)
            q = q.where(obligations.c.id.in_(link))
        with self._read() as conn:
            chosen = self._chosen_document_ids(conn, document, all_copies)
            if chosen is not None:
                q = q.where(obligations.c.document_id.in_(chosen))
            rows = conn.execute(q.order_by(documents.c.path, obligations.c.ordinal)).all()
            ids = [r.id for r in rows]
            links: dict[int, list[StoredUnitLink]] = defaultdict(list)
            for chunk in _chunks(ids, 900):
                for r in conn.execute(
                    sa.select(obligation_units.c.obligation_id, obligation_units.c.role, obligation_units.c.raw,
                              obligation_units.c.unit_id, units.c.name)
                    .join(units, units.c.id == obligation_units.c.unit_id)
                    .where(obligation_units.c.obligation_id.in_(chunk))
                    .order_by(obligation_units.c.id)
                ):
                    links[r.obligation_id].append(StoredUnitLink(r.name, r.raw, r.role, r.unit_id))
            doc_ids = sorted({r.document_id for r in rows})
            refs: dict[int, list[StoredReference]] = defaultdict(list)
            for chunk in _chunks(doc_ids, 900):
                for r in conn.execute(
                    sa.select(references.c.document_id, references.c.ref_id, references.c.relation,
                              references.c.type, references.c.title)
                    .where(references.c.document_id.in_(chunk)).order_by(references.c.id)
                ):
                    refs[r.document_id].append(StoredReference(r.ref_id, r.relation, r.type, r.title))
        return [
            StoredObligation(
                row_id=r.id, uid=r.uid, sequence=r.sequence, ordinal=r.ordinal, action=r.action,
                deadline_date=r.deadline_date, deadline_text=r.deadline_text, deadline_kind=r.deadline_kind,
                recurrence_text=r.recurrence_text, recurrence_rrule=r.recurrence_rrule,
                report_to=r.report_to, source_text=r.source_text,
                loc=json.loads(r.loc) if r.loc else None,
                document_path=r.path, document_stem=r.stem, document_format=r.format, document_id=r.doc_id,
                document_type=r.doc_type, document_date=r.doc_date, document_subject=r.subject,
                document_issuer=r.issuer, units=links.get(r.id, []), references=refs.get(r.document_id, []),
                document_key=r.doc_key,
            )
            for r in rows
        ]

    @staticmethod
    def _chosen_document_ids(conn: sa.Connection, document: str | None, all_copies: bool) -> list[int] | None:
        """Row ids of the documents to read obligations from (None: all)."""
        if not document and all_copies:
            return None
        rows = conn.execute(sa.select(documents.c.id, documents.c.doc_key, documents.c.doc_id, documents.c.path,
                                      documents.c.stem, documents.c.format)).all()
        if document:
            key = reference_key(document)
            rows = [r for r in rows
                    if (r.doc_id and reference_key(r.doc_id) == key) or r.path == document or r.stem == document]
        if all_copies:
            return [r.id for r in rows]
        by_path = {r.path: r.id for r in rows}
        return sorted(by_path[c.path] for c in preferred_copies(_copies(rows)))

    def citing_documents(self, ref_id: str) -> list[dict[str, Any]]:
        """Documents that cite ``ref_id`` (compared by ``reference_key``),
        each once: a document ingested from several files is given by its
        most original copy that cites it (``copies`` says how many do)."""
        with self._read() as conn:
            rows = conn.execute(
                sa.select(documents.c.path, documents.c.doc_id, documents.c.subject, documents.c.doc_key,
                          documents.c.stem, documents.c.format, references.c.relation)
                .join(references, references.c.document_id == documents.c.id)
                .where(references.c.ref_key == reference_key(ref_id))
                .order_by(documents.c.path)
            ).all()
        by_path = {r.path: r for r in rows}
        out = []
        for group in group_copies(_copies(rows)).values():
            r = by_path[group[0].path]
            out.append({"path": r.path, "doc_id": r.doc_id, "subject": r.subject, "relation": r.relation,
                        "format": r.format, "copies": len(group)})
        return sorted(out, key=lambda d: d["path"])


# --------------------------------------------------------------------------
# Engine set-up
# --------------------------------------------------------------------------


def _dialect_insert(dialect: str, table: sa.Table):
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def _copies(rows: Iterable[Any]) -> list[DocumentCopy]:
    """``DocumentCopy`` of each documents row (doc_key, doc_id, stem, format, path)."""
    return [DocumentCopy(r.doc_key, r.stem, bool(r.doc_id), r.format, r.path) for r in rows]


def _chunks(items: list, n: int) -> Iterator[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _enable_wal(cur: Any, *, timeout: float = 60.0) -> None:
    """Switch a SQLite database to WAL (persistent, so a no-op once done).

    Changing the journal mode needs an exclusive lock, and SQLite returns
    ``database is locked`` at once, without calling the busy handler, when
    another connection holds a lock it would deadlock against (seen when two
    processes open a new index at the same moment).  So: ask first, and retry
    the switch with a short back-off until ``timeout``."""
    import sqlite3
    import time

    deadline = time.monotonic() + timeout
    delay = 0.01
    while True:
        try:
            if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
                return
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.5)


def _make_engine(url: str) -> sa.Engine:
    u = sa.engine.make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(u, connect_args={"timeout": 60})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _record):  # pragma: no cover - exercised by every test
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA busy_timeout = 60000")
            _enable_wal(cur)
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA foreign_keys = ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn):
            mode = "IMMEDIATE" if conn.get_execution_options().get("vanban_write") else "DEFERRED"
            conn.exec_driver_sql(f"BEGIN {mode}")

        return engine
    if u.get_backend_name() == "postgresql":
        return sa.create_engine(u, pool_pre_ping=True)
    raise ValueError(f"unsupported database URL {url!r} (SQLite or PostgreSQL)")
