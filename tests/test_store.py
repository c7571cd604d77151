"""The query index: schema migrations, upsert/replace in one transaction,
skip of unchanged documents, stable obligation UIDs and SEQUENCE, removal,
and two processes ingesting at once — on SQLite and (when
``VANBAN_TEST_PG_URL`` is set, see tools/start_postgres.sh) PostgreSQL."""

from __future__ import annotations

import copy
import hashlib
import multiprocessing as mp
import os
import uuid

import pytest
import sqlalchemy as sa

from tracker import store as store_mod
from tracker.store import Store, obligation_uids

PG_URL = os.environ.get("VANBAN_TEST_PG_URL")


def _head() -> str:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(store_mod.MIGRATIONS))
    return ScriptDirectory.from_config(cfg).get_current_head()


HEAD = _head()  # the newest migration (one head: a second one would make Store() fail)
BACKENDS = [
    "sqlite",
    pytest.param("postgresql", marks=pytest.mark.skipif(
        not PG_URL, reason="VANBAN_TEST_PG_URL not set (run: eval \"$(bash tools/start_postgres.sh)\")")),
]


# --------------------------------------------------------------------------
# Documents as the extractors write them (CONTRACT JSON), realistic content
# --------------------------------------------------------------------------


def _unit(name, raw=None, role="lead"):
    return {"name": name, "raw": raw or name, "role": role}


def _ob(action, units, date=None, text=None, rec=None, rrule=None, report_to=None, block=10, source=None):
    return {
        "action": action,
        "units": units,
        "deadline": {"date": date, "text": text or (f"trước ngày {date[8:]}/{date[5:7]}/{date[:4]}" if date else None),
                     "kind": "date", "inferred_year": False, "loc": None} if (date or text) else None,
        "recurrence": {"text": rec, "rrule": rrule, "note": None, "loc": None} if rec else None,
        "report_to": report_to,
        "source_text": source or action,
        "loc": {"page": 2, "block": block, "table": None, "row": None, "col": None, "start": 0, "end": len(action)},
    }


def plan_doc(path="data/raw/kh_125_ttyt.docx", sha="a" * 64) -> dict:
    """Kế hoạch of a district health centre carrying out Chỉ thị 33/CT-TTg."""
    return {
        "schema_version": "1",
        "generator": {"name": "vanban", "version": "0.1.0"},
        "source": {"path": path, "sha256": sha, "format": path.rsplit(".", 1)[-1], "pages": 4},
        "document": {
            "type": "Kế hoạch", "type_code": "KH", "number": "125", "symbol": "KH-TTYT", "id": "125/KH-TTYT",
            "issuer": "Trung tâm Y tế huyện Cẩm Xuyên", "parent_issuer": "Sở Y tế Hà Tĩnh", "place": "Cẩm Xuyên",
            "date": "2023-10-25", "subject": "Triển khai thực hiện Chỉ thị số 33/CT-TTg về công tác dân vận",
        },
        "references": [
            {"id": "33/CT-TTg", "type": "Chỉ thị", "type_code": "CT", "number": "33", "year": None,
             "symbol": "CT-TTg", "date": "2021-11-26", "issuer": "Thủ tướng Chính phủ",
             "title": "về tăng cường công tác dân vận", "relation": "implements",
             "mentions": [{"text": "Chỉ thị số 33/CT-TTg", "loc": {"block": 5}}]},
            {"id": "1216/KH-UBND", "type": "Kế hoạch", "type_code": "KH", "number": "1216", "relation": "based_on",
             "mentions": [{"text": "Kế hoạch số 1216/KH-UBND", "loc": {"block": 6}}]},
        ],
        "obligations": [
            _ob("tổng hợp, báo cáo kết quả thực hiện về Sở Y tế để theo dõi theo quy định",
                [_unit("Phòng Tổ chức - Hành chính - Tài chính - Kế toán", "Phòng TC-HC-TC-KT")],
                date="2023-11-10", report_to="Sở Y tế", block=14),
            _ob("tự theo dõi, đánh giá kết quả thực hiện công tác dân vận của đơn vị mình, báo cáo Trung tâm Y tế",
                [_unit("Các đơn vị thuộc, trực thuộc")], date="2023-11-06", report_to="Trung tâm Y tế", block=15),
            _ob("báo cáo kết quả tổ chức thực hiện phong trào thi đua “Dân vận khéo”",
                [_unit("Phòng Tổ chức - Hành chính", "Phòng TC-HC"),
                 _unit("Công đoàn Trung tâm Y tế", role="support")],
                rec="Định kỳ 6 tháng, một năm", rrule="FREQ=MONTHLY;INTERVAL=6", report_to="Sở Y tế", block=16),
            _ob("lãnh đạo, chỉ đạo, quán triệt, tổ chức thực hiện Chỉ thị số 33/CT-TTg tại đơn vị",
                [_unit("Ban Giám đốc")], block=12),
        ],
        "units": [
            {"name": "Phòng Tổ chức - Hành chính - Tài chính - Kế toán", "aliases": ["Phòng TC-HC-TC-KT"]},
            {"name": "Các đơn vị thuộc, trực thuộc", "aliases": []},
            {"name": "Phòng Tổ chức - Hành chính", "aliases": ["Phòng TC-HC"]},
            {"name": "Công đoàn Trung tâm Y tế", "aliases": []},
            {"name": "Ban Giám đốc", "aliases": ["Ban giám đốc"]},
        ],
        "criteria": [], "criteria_total": None, "warnings": [],
        "content": {"blocks": [{"kind": "paragraph", "index": 0, "text": "TRUNG TÂM Y TẾ"}]},
    }


def district_doc(path="data/raw/kh_1512_ubnd.pdf", sha="b" * 64) -> dict:
    """Kế hoạch of a district People's Committee on rating dân vận chính quyền."""
    return {
        "schema_version": "1",
        "source": {"path": path, "sha256": sha, "format": "pdf", "pages": 3},
        "document": {"type": "Kế hoạch", "type_code": "KH", "id": "1512/KH-UBND",
                     "issuer": "Ủy ban nhân dân huyện Cẩm Xuyên", "date": "2022-10-20",
                     "subject": "Đánh giá, xếp loại công tác dân vận chính quyền năm 2022"},
        "references": [{"id": "04-CTPH/BDVTU-BCSĐUBND", "relation": "implements", "mentions": []},
                       {"id": "33/CT-TTg", "relation": "cites", "mentions": []}],
        "obligations": [
            _ob("tham mưu UBND huyện quyết định xếp loại công tác dân vận chính quyền",
                [_unit("Phòng Nội vụ"), _unit("Ban Dân vận Huyện ủy", role="support")], date="2022-12-01", block=20),
            _ob("tự đánh giá, xếp loại công tác dân vận chính quyền, gửi về UBND huyện (qua Phòng Nội vụ)",
                [_unit("Các phòng chuyên môn"),
                 _unit("Ủy ban nhân dân các xã, thị trấn", "UBND các xã, thị trấn")],
                date="2022-11-15", report_to="Ủy ban nhân dân huyện (qua Phòng Nội vụ)", block=18),
        ],
        "units": [{"name": "Phòng Nội vụ", "aliases": []},
                  {"name": "Ủy ban nhân dân các xã, thị trấn", "aliases": ["UBND các xã, thị trấn"]}],
        "criteria": [], "warnings": [],
    }


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------


def _fresh_pg_db() -> tuple[str, str]:
    base = sa.engine.make_url(PG_URL)
    name = "vanban_t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False), name


def _drop_pg_db(name: str) -> None:
    admin = sa.create_engine(sa.engine.make_url(PG_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'index.sqlite'}"
        return
    url, name = _fresh_pg_db()
    try:
        yield url
    finally:
        _drop_pg_db(name)


@pytest.fixture
def store(db_url):
    s = Store(db_url)
    yield s
    s.close()


def _count(s: Store, table: sa.Table) -> int:
    with s.engine.connect() as c:
        return c.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


# --------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------


def test_schema_migrated_to_head_and_reopen_is_idempotent(db_url):
    with Store(db_url) as s:
        assert s.schema_revision() == HEAD
        tables = set(sa.inspect(s.engine).get_table_names())
    assert {"documents", "references", "obligations", "units", "unit_aliases", "obligation_units",
            "reminder_sequences", "alembic_version"} <= tables
    with Store(db_url) as s:
        assert s.schema_revision() == HEAD


def test_default_url_is_sqlite_under_data_and_env_overrides(monkeypatch, tmp_path):
    monkeypatch.delenv("VANBAN_DB_URL", raising=False)
    assert store_mod.default_url() == "sqlite:///data/vanban.sqlite"
    monkeypatch.setenv("VANBAN_DB_URL", f"sqlite:///{tmp_path / 'x.sqlite'}")
    with Store() as s:
        assert s.url.endswith("x.sqlite") and s.dialect == "sqlite"
    assert store_mod.normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert store_mod.normalize_url("idx.sqlite") == "sqlite:///idx.sqlite"


def test_upsert_then_skip_unchanged(store):
    doc = plan_doc()
    assert store.upsert_document(doc) is True
    assert store.upsert_document(copy.deepcopy(doc)) is False
    assert store.has_document("data/raw/kh_125_ttyt.docx", "a" * 64)
    assert not store.has_document("data/raw/kh_125_ttyt.docx", "c" * 64)
    # a new vanban version extracting the same thing does not rewrite the index
    newer = copy.deepcopy(doc)
    newer["generator"]["version"] = "0.2.0"
    assert store.upsert_document(newer) is False
    obs = store.obligations()
    assert len(obs) == 4
    first = next(o for o in obs if o.deadline_date == "2023-11-10")
    assert first.action.startswith("tổng hợp, báo cáo")
    assert first.units[0].name == "Phòng Tổ chức - Hành chính - Tài chính - Kế toán"
    assert first.units[0].raw == "Phòng TC-HC-TC-KT"
    assert first.document_id == "125/KH-TTYT" and first.document_date == "2023-10-25"
    assert first.loc["block"] == 14 and first.report_to == "Sở Y tế"
    assert {(r.id, r.relation) for r in first.references} == {("33/CT-TTg", "implements"), ("1216/KH-UBND", "based_on")}
    stored = store.document_json("data/raw/kh_125_ttyt.docx")
    assert stored["document"]["subject"].startswith("Triển khai") and "content" not in stored


def test_changed_document_replaces_its_rows(store):
    store.upsert_document(plan_doc())
    store.upsert_document(district_doc())
    changed = plan_doc(sha="c" * 64)
    changed["obligations"] = changed["obligations"][:2]
    changed["references"] = changed["references"][:1]
    changed["units"] = changed["units"][:2]
    assert store.upsert_document(changed) is True
    assert _count(store, store_mod.documents) == 2
    assert len(store.obligations(document="125/KH-TTYT")) == 2
    assert len(store.obligations(document="1512/KH-UBND")) == 2
    assert _count(store, store_mod.references) == 3
    # the alias that only the removed obligation gave is gone with it
    names = {u.name: u for u in store.units()}
    assert "Phòng TC-HC" not in names["Phòng Tổ chức - Hành chính"].aliases
    assert names["Phòng Tổ chức - Hành chính"].n_obligations == 0
    assert names["Phòng Nội vụ"].n_obligations == 1


def test_failed_replacement_keeps_the_old_rows(store, monkeypatch):
    store.upsert_document(plan_doc())

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_insert_units_and_obligations", boom)
    with pytest.raises(RuntimeError):
        store.upsert_document(plan_doc(sha="d" * 64))
    monkeypatch.undo()
    assert store.has_document("data/raw/kh_125_ttyt.docx", "a" * 64)
    assert len(store.obligations()) == 4
    assert _count(store, store_mod.references) == 2


def test_units_are_shared_across_documents_with_aliases(store):
    store.upsert_document(plan_doc())
    other = district_doc()
    other["obligations"].append(_ob("phối hợp tổng hợp minh chứng", [_unit("Phòng Tổ chức - Hành chính", "P.TCHC")]))
    store.upsert_document(other)
    units = {u.name: u for u in store.units()}
    tchc = units["Phòng Tổ chức - Hành chính"]
    assert set(tchc.aliases) == {"Phòng TC-HC", "P.TCHC"}
    assert tchc.n_obligations == 2
    assert _count(store, store_mod.units) == len(units)


def test_uid_stable_and_sequence_bumps_only_on_change(store):
    doc = plan_doc()
    store.upsert_document(doc)
    before = {o.uid: o for o in store.obligations()}
    assert len(before) == 4 and all(o.sequence == 0 for o in before.values())

    moved = plan_doc(sha="e" * 64)
    moved["obligations"][0]["deadline"] = {"date": "2023-11-15", "text": "trước ngày 15/11/2023"}
    moved["obligations"].insert(0, _ob("rà soát danh sách đoàn viên", [_unit("Đoàn thanh niên")]))
    store.upsert_document(moved)
    after = {o.uid: o for o in store.obligations()}
    assert set(before) <= set(after), "row order and new obligations do not change other UIDs"
    changed_uid = next(u for u, o in before.items() if o.deadline_date == "2023-11-10")
    assert after[changed_uid].deadline_date == "2023-11-15" and after[changed_uid].sequence == 1
    assert all(after[u].sequence == 0 for u in before if u != changed_uid)

    store.upsert_document(plan_doc(sha="f" * 64))  # back to the first content: another change
    assert {o.uid: o.sequence for o in store.obligations()}[changed_uid] == 2


def test_uid_follows_the_document_not_the_file():
    a, b = plan_doc(path="data/raw/kh.docx"), plan_doc(path="data/raw/kh.pdf", sha="9" * 64)
    assert obligation_uids(a) == obligation_uids(b)
    c = plan_doc()
    c["document"]["id"] = None
    assert obligation_uids(c) != obligation_uids(a)
    twice = plan_doc()
    twice["obligations"].append(copy.deepcopy(twice["obligations"][0]))
    uids = obligation_uids(twice)
    assert len(set(uids)) == len(uids)


def _unnumbered(path: str, sha: str = "a" * 64) -> dict:
    d = plan_doc(path=path, sha=sha)
    d["document"]["id"] = d["document"]["number"] = d["document"]["date"] = None
    return d


def test_unnumbered_document_is_named_by_its_file_stem_not_extension_or_folder():
    docx, pdf = _unnumbered("data/raw/ke_hoach_dv.docx"), _unnumbered("scans/2023/ke_hoach_dv.pdf", "9" * 64)
    win = _unnumbered("C:\\Users\\vt\\Ke_Hoach_DV.txt", "8" * 64)
    assert store_mod.document_key(docx) == store_mod.document_key(pdf) == store_mod.document_key(win)
    assert obligation_uids(docx) == obligation_uids(pdf)
    assert store_mod.document_key(_unnumbered("data/raw/ke_hoach_khac.docx")) != store_mod.document_key(docx)
    assert store_mod.source_stem("a/b.c/kh.v2.docx") == "kh.v2" and store_mod.source_stem("kh") == "kh"


def test_copies_grouped_and_most_original_preferred():
    c = store_mod.copy_of
    copies = [c(plan_doc(path="in/kh.txt")), c(plan_doc(path="in/kh.pdf")), c(plan_doc(path="in/kh.docx")),
              c(district_doc()), c(_unnumbered("in/kh.md")),  # number unreadable in this copy: same stem joins
              c(_unnumbered("x/note.pdf")), c(_unnumbered("y/note.txt"))]
    groups = store_mod.group_copies(copies)
    assert sorted(len(g) for g in groups.values()) == [1, 2, 4]
    best = {p.path for p in store_mod.preferred_copies(copies)}
    assert best == {"in/kh.docx", "data/raw/kh_1512_ubnd.pdf", "x/note.pdf"}
    # two different numbered documents under one file name: the unnumbered copy stays apart
    other = plan_doc(path="old/kh.docx")
    other["document"]["id"] = "7/KH-TTYT"
    assert len(store_mod.group_copies(copies + [c(other)])) == 5


def test_obligations_once_per_document_unless_all_copies_or_a_path(store):
    for path in ("data/raw/kh.txt", "data/raw/kh.pdf", "data/raw/kh.docx"):
        store.upsert_document(_unnumbered(path, sha=hashlib.sha256(path.encode()).hexdigest()))
    obs = store.obligations()
    assert len(obs) == 4 and {o.document_path for o in obs} == {"data/raw/kh.docx"}
    assert len({o.document_key for o in obs}) == 1
    assert len(store.obligations(all_copies=True)) == 12
    assert {o.document_path for o in store.obligations(document="data/raw/kh.pdf")} == {"data/raw/kh.pdf"}
    assert {o.document_path for o in store.obligations(document="kh")} == {"data/raw/kh.docx"}


def test_index_made_with_an_older_identity_is_rewritten(store):
    doc = _unnumbered("data/raw/kh.docx")
    store.upsert_document(doc)
    with store.engine.begin() as c:
        c.execute(store_mod.documents.update().values(doc_key="path-based"))
    assert store.upsert_document(copy.deepcopy(doc)) is True
    assert store.upsert_document(copy.deepcopy(doc)) is False


def test_remove_missing(store):
    store.upsert_document(plan_doc())
    store.upsert_document(district_doc())
    assert store.remove_missing(["data/raw/kh_1512_ubnd.pdf"]) == ["data/raw/kh_125_ttyt.docx"]
    assert store.document_paths() == ["data/raw/kh_1512_ubnd.pdf"]
    assert {o.document_id for o in store.obligations()} == {"1512/KH-UBND"}
    assert _count(store, store_mod.references) == 2
    assert _count(store, store_mod.obligation_units) == 4


def test_citing_documents(store):
    store.upsert_document(plan_doc())
    store.upsert_document(district_doc())
    store.upsert_document(plan_doc(path="data/raw/kh_125_ttyt.pdf", sha="9" * 64))  # a second copy
    rows = store.citing_documents("33/CT TTG")
    assert [(r["doc_id"], r["relation"], r["path"], r["copies"]) for r in rows] == [
        ("125/KH-TTYT", "implements", "data/raw/kh_125_ttyt.docx", 2), ("1512/KH-UBND", "cites", "data/raw/kh_1512_ubnd.pdf", 1)]


def test_bad_json_is_refused(store):
    with pytest.raises(ValueError):
        store.upsert_document({"document": {}})


# -- two processes at once ---------------------------------------------------


def _ingest_worker(url: str, worker: int, n_docs: int, rounds: int, barrier) -> None:
    barrier.wait()
    s = Store(url)
    try:
        for r in range(rounds):
            for i in range(n_docs):
                # both workers write the same paths; content changes each round
                d = plan_doc(path=f"data/raw/shared_{i:03d}.docx", sha=f"{r:02d}{i:03d}".ljust(64, "0"))
                d["document"]["id"] = f"{100 + i}/KH-TTYT"
                d["obligations"][0]["deadline"]["date"] = f"2023-11-{10 + r:02d}"
                s.upsert_document(d)
            own = district_doc(path=f"data/raw/own_{worker}_{r}.pdf", sha=f"{worker}{r}".ljust(64, "1"))
            own["document"]["id"] = f"{worker}{r}/KH-UBND"
            s.upsert_document(own)
    finally:
        s.close()


def test_two_processes_ingesting_at_once(db_url):
    n_docs, rounds = 20, 3
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=_ingest_worker, args=(db_url, w, n_docs, rounds, barrier)) for w in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0, 0]
    with Store(db_url) as s:
        assert s.schema_revision() == HEAD
        assert _count(s, store_mod.documents) == n_docs + 2 * rounds
        assert _count(s, store_mod.obligations) == 4 * n_docs + 2 * 2 * rounds
        assert _count(s, store_mod.references) == 2 * n_docs + 2 * 2 * rounds
        names = [u.folded for u in s.units()]
        assert len(names) == len(set(names)) == 9
        last = {o.document_path: o.deadline_date for o in s.obligations() if o.ordinal == 0}
        assert all(last[f"data/raw/shared_{i:03d}.docx"] == f"2023-11-{10 + rounds - 1}" for i in range(n_docs))
        if s.dialect == "sqlite":
            with s.engine.connect() as c:
                assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
                assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_wal_switch_waits_out_a_lock_the_busy_handler_does_not_cover(tmp_path):
    """CI once saw ``PRAGMA journal_mode = WAL`` fail at once with ``database is
    locked`` while a second process was opening the same new index.  Here the
    connection switching has no busy handler at all, so only the retry can
    carry it through the 0.3 s another connection holds the database."""
    import sqlite3
    import threading

    path = tmp_path / "fresh.sqlite"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    released = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    released.start()
    switcher = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        store_mod._enable_wal(switcher.cursor(), timeout=10)
        assert switcher.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        released.join()
        switcher.close()
        holder.close()


def test_wal_switch_gives_up_after_its_timeout(tmp_path):
    import sqlite3

    path = tmp_path / "held.sqlite"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    switcher = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            store_mod._enable_wal(switcher.cursor(), timeout=0.2)
    finally:
        switcher.close()
        holder.execute("ROLLBACK")
        holder.close()
