"""``vanban obligations``: unit matching without case/diacritics, statuses
from deadlines and recurrences, filters, views and every output format — on
SQLite and PostgreSQL (when ``VANBAN_TEST_PG_URL`` is set)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from tracker import status as st
from cli.main import main
from tracker.query import abbreviations, match_units, name_rank, parse_day, select
from tracker.store import Store
from core.textutil import fold
from test_store import _ob, _unit, db_url, district_doc, plan_doc  # noqa: F401  (db_url is a fixture)

TODAY = dt.date(2023, 11, 8)


@pytest.fixture
def loaded(db_url):  # noqa: F811
    with Store(db_url) as s:
        s.upsert_document(plan_doc())
        s.upsert_document(district_doc())
    return db_url


def _select(url, **kw):
    with Store(url) as s:
        return select(s, today=TODAY, **kw)


def _cli(capsys, *argv):
    code = main(["obligations", *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


# -- status (pure) -------------------------------------------------------------


def test_status_buckets():
    assert st.status_for(dt.date(2023, 11, 7), TODAY) == st.OVERDUE
    assert st.status_for(TODAY, TODAY) == st.DUE_SOON
    assert st.status_for(dt.date(2023, 11, 13), TODAY) == st.DUE_SOON
    assert st.status_for(dt.date(2023, 11, 14), TODAY) == st.NOT_DUE
    assert st.status_for(dt.date(2023, 11, 14), TODAY, soon_days=10) == st.DUE_SOON
    assert st.status_for(None, TODAY) == st.NO_DEADLINE
    assert st.parse_status("qua han") == st.OVERDUE
    assert st.parse_status("Sắp đến hạn") == st.DUE_SOON
    assert st.parse_status("no-deadline") == st.NO_DEADLINE
    with pytest.raises(ValueError):
        st.parse_status("sớm")


def test_recurrence_next_occurrence_and_month_ends():
    # a deadline 31/3/2020, every 6 months: 30/9 then 31/3 (the month's end followed)
    due = st.due_of(deadline_date="2020-03-31", rrule="FREQ=MONTHLY;INTERVAL=6", document_date="2020-03-01",
                    today=dt.date(2020, 9, 1))
    assert due.date == dt.date(2020, 9, 30) and due.recurring and due.status == st.NOT_DUE and not due.estimated
    assert st.next_occurrence("FREQ=MONTHLY;INTERVAL=6", dt.date(2020, 3, 31), dt.date(2020, 10, 1)) == dt.date(2021, 3, 31)
    # a 30th anchor keeps the 30th where the month has it, and the end of February
    assert st.next_occurrence("FREQ=MONTHLY", dt.date(2023, 1, 30), dt.date(2023, 2, 1)) == dt.date(2023, 2, 28)
    assert st.next_occurrence("FREQ=MONTHLY", dt.date(2023, 1, 30), dt.date(2023, 3, 1)) == dt.date(2023, 3, 30)
    # yearly, no date at all: never 1 January, the end of the year (estimated)
    due = st.due_of(deadline_date=None, rrule="FREQ=YEARLY", document_date=None, today=dt.date(2024, 5, 2))
    assert due.date == dt.date(2024, 12, 31) and due.estimated
    # a rule that has ended is due at its last occurrence
    due = st.due_of(deadline_date="2023-01-15", rrule="FREQ=MONTHLY;COUNT=3", document_date=None, today=TODAY)
    assert due.date == dt.date(2023, 3, 15) and due.status == st.OVERDUE
    # an unreadable rule falls back to the deadline
    due = st.due_of(deadline_date="2023-11-10", rrule="FREQ=SOMETIMES", document_date=None, today=TODAY)
    assert due.date == dt.date(2023, 11, 10) and not due.recurring


def test_parse_day():
    assert parse_day("10/11/2023") == parse_day("2023-11-10") == parse_day("10.11.2023") == dt.date(2023, 11, 10)
    with pytest.raises(ValueError):
        parse_day("tháng 11")


# -- unit matching ---------------------------------------------------------------


def test_abbreviations():
    assert abbreviations("Phòng Tổ chức - Hành chính") == {"tchc", "phongtchc", "ptchc"}
    assert "phongtchctckt" in abbreviations("Phòng Tổ chức - Hành chính - Tài chính - Kế toán")


TCHC = "Phòng Tổ chức - Hành chính"
TCHC_TCKT = "Phòng Tổ chức - Hành chính - Tài chính - Kế toán"


@pytest.mark.parametrize("query,expected,how", [
    # an alias, folded; the merged unit whose leading parts are "Phòng TC-HC" comes second
    ("phong tc-hc", [TCHC, TCHC_TCKT], "name"),
    ("PHÒNG TỔ CHỨC – HÀNH CHÍNH", [TCHC, TCHC_TCKT], "name"),  # en dash, capitals
    ("phong to chuc hanh chinh", [TCHC, TCHC_TCKT], "name"),  # no punctuation at all
    ("phong to chuc hanh chinh tai chinh ke toan", [TCHC_TCKT], "name"),
    ("Phòng TCHC-TCKT", [TCHC_TCKT], "abbreviation"),
    ("ubnd cac xa, thi tran", ["Ủy ban nhân dân các xã, thị trấn"], "name"),
    ("nội vụ", ["Phòng Nội vụ"], "substring"),
    ("phong to chuc", [TCHC, TCHC_TCKT], "name"),  # a whole leading part
])
def test_unit_matching(loaded, query, expected, how):
    with Store(loaded) as s:
        m = match_units(s.units(), query)
    assert [u.name for u in m.units] == expected and m.how == how


def test_written_abbreviations_in_a_query_name_the_written_out_unit():
    from tracker.store import StoredUnit
    from tracker.unit_names import expanded
    names = ["Ủy ban nhân dân các tỉnh", "Hội đồng nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ"]
    units_ = [StoredUnit(i, n, fold(n)) for i, n in enumerate(names)]
    assert expanded("UBND các tỉnh") == "uy ban nhan dan cac tinh"
    assert expanded("vp hđnd") == "van phong hoi dong nhan dan"
    assert expanded("sở nội vụ") == "so noi vu"  # no abbreviation: only folded
    m = match_units(units_, "ubnd cac tinh")
    assert [u.name for u in m.units] == ["Ủy ban nhân dân các tỉnh"] and m.how == "name"
    m = match_units(units_, "VP UBND tỉnh")
    assert [u.name for u in m.units] == ["Văn phòng Ủy ban nhân dân tỉnh"] and m.how == "name"
    m = match_units(units_, "HĐND")  # a part of names: every unit that holds it
    assert [u.name for u in m.units] == ["Hội đồng nhân dân tỉnh"] and m.how == "substring"


def test_name_rank_covers_whole_leading_parts_only():
    assert name_rank("Phòng Tổ chức, Hành chính", TCHC) == 0
    assert name_rank("phong to chuc hanh chinh", TCHC_TCKT) == 1
    assert name_rank("phong to chuc hanh", TCHC_TCKT) is None  # stops inside a part
    assert name_rank("phong to chuc", "Phòng Tổ chức cán bộ") is None
    assert name_rank("hanh chinh", TCHC) is None  # not a leading part
    assert "phongtchc" in abbreviations(TCHC_TCKT) and "tc" not in abbreviations(TCHC_TCKT)


def test_unknown_unit_offers_near_names(loaded, capsys):
    with Store(loaded) as s:
        m = match_units(s.units(), "Phong Noi vuu")
    assert m.units == [] and m.suggestions[0] == "Phòng Nội vụ"
    code, out, err = _cli(capsys, "--db", loaded, "--unit", "Phong Noi vuu")
    assert code == 1 and "did you mean: Phòng Nội vụ" in err and out == ""


# -- selection -------------------------------------------------------------------


def test_statuses_and_order(loaded):
    rows = _select(loaded).rows
    got = [(r.ob.action[:20], r.due.date, r.due.status) for r in rows]
    assert got[0] == ("tự đánh giá, xếp loạ", dt.date(2022, 11, 15), st.OVERDUE)
    by_action = {r.ob.action[:20]: r.due for r in rows}
    assert by_action["tổng hợp, báo cáo kế"].status == st.DUE_SOON  # 10/11, two days ahead
    assert by_action["tự theo dõi, đánh gi"].status == st.OVERDUE  # 06/11
    recurring = by_action["báo cáo kết quả tổ c"]
    # "Định kỳ 6 tháng, một năm" in a plan of 25/10/2023 with no day: the end of the 6-month reporting
    # period of Nghị định 09/2019 (14/12), marked as an estimate; never 25/4 from the plan's own date
    assert recurring.recurring and recurring.date == dt.date(2023, 12, 14) and recurring.status == st.NOT_DUE
    assert "ước tính" in recurring.estimated and "09/2019" in recurring.estimated
    assert by_action["lãnh đạo, chỉ đạo, q"].status == st.NO_DEADLINE
    assert rows[-1].due.date is None


def test_filters(loaded):
    assert len(_select(loaded, unit="Phòng TC-HC-TC-KT").rows) == 1
    assert len(_select(loaded, unit="Phòng TC-HC").rows) == 2  # and the merged TC-HC-TC-KT
    overdue = _select(loaded, overdue=True).rows
    assert {r.ob.deadline_date for r in overdue} == {"2022-11-15", "2022-12-01", "2023-11-06"}
    window = _select(loaded, date_from=dt.date(2023, 11, 1), date_to=dt.date(2023, 11, 30)).rows
    assert [r.ob.deadline_date for r in window] == ["2023-11-06", "2023-11-10"]
    support = _select(loaded, role="support").rows
    assert {u.name for r in support for u in r.ob.units if u.role == "support"} == {
        "Công đoàn Trung tâm Y tế", "Ban Dân vận Huyện ủy"}
    assert len(_select(loaded, document="125/kh ttyt").rows) == 4
    assert len(_select(loaded, document="data/raw/kh_1512_ubnd.pdf").rows) == 2
    assert [r.ob.action[:9] for r in _select(loaded, status=st.NO_DEADLINE).rows] == ["lãnh đạo,"]
    # a unit that has no obligation in the window gives an empty list, not an error
    res = _select(loaded, unit="Phòng Nội vụ", date_from=dt.date(2024, 1, 1))
    assert res.rows == [] and not res.unit_not_found


# -- CLI and formats -----------------------------------------------------------


def test_table_shows_source_and_location(loaded, capsys):
    code, out, _ = _cli(capsys, "--db", loaded, "--today", "2023-11-08", "--unit", "phong to chuc hanh chinh tai chinh ke toan")
    assert code == 0
    assert "10/11/2023" in out and "sắp đến hạn" in out
    assert "Kế hoạch 125/KH-TTYT" in out and "trang 2, đoạn 15" in out
    assert "1 nhiệm vụ." in out


def test_json_and_grouped_views(loaded, capsys):
    code, out, _ = _cli(capsys, "--db", loaded, "--today", "08/11/2023", "--format", "json")
    data = json.loads(out)
    assert code == 0 and len(data) == 6
    first = data[0]
    assert first["status"] == "quá hạn" and first["document"]["id"] == "1512/KH-UBND"
    assert first["loc"]["block"] == 18 and first["units"][1]["raw"] == "UBND các xã, thị trấn"

    _, out, _ = _cli(capsys, "--db", loaded, "--format", "json", "--by", "reference")
    groups = {g["key"]: len(g["obligations"]) for g in json.loads(out)["groups"]}
    assert groups == {"04-CTPH/BDVTU-BCSĐUBND": 2, "33/CT-TTg": 4}

    _, out, _ = _cli(capsys, "--db", loaded, "--format", "json", "--by", "unit")
    groups = {g["key"]: len(g["obligations"]) for g in json.loads(out)["groups"]}
    assert groups["Phòng Nội vụ"] == 1 and groups["Công đoàn Trung tâm Y tế"] == 1 and len(groups) == 9

    _, out, _ = _cli(capsys, "--db", loaded, "--by", "document")
    assert "■ Kế hoạch 125/KH-TTYT — 4 nhiệm vụ" in out and "■ Kế hoạch 1512/KH-UBND — 2 nhiệm vụ" in out


def test_csv_has_bom_and_parses(loaded, tmp_path, capsys):
    out_file = tmp_path / "nv.csv"
    code, _, _ = _cli(capsys, "--db", loaded, "--today", "2023-11-08", "--overdue", "--out", str(out_file))
    raw = out_file.read_bytes()
    assert code == 0 and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["due"] for r in rows] == ["2022-11-15", "2022-12-01", "2023-11-06"]
    assert rows[1]["units"] == "Phòng Nội vụ; Ban Dân vận Huyện ủy (phối hợp)"
    assert rows[0]["location"] == "trang 2, đoạn 19" and rows[0]["status"] == "quá hạn"


def test_counts_and_xlsx(loaded, tmp_path, capsys):
    code, out, _ = _cli(capsys, "--db", loaded, "--today", "2023-11-08", "--counts", "--format", "json")
    table = {r["unit"]: r for r in json.loads(out)}
    assert table["Phòng Nội vụ"]["quá hạn"] == 1 and table["Phòng Nội vụ"]["total"] == 1
    assert table["Ban Giám đốc"]["chưa có hạn"] == 1

    xlsx = tmp_path / "nv.xlsx"
    code, _, _ = _cli(capsys, "--db", loaded, "--today", "2023-11-08", "--out", str(xlsx))
    assert code == 0
    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["Nhiệm vụ", "Thống kê"]
    ws = wb["Nhiệm vụ"]
    assert ws.max_row == 7 and [ws.cell(1, i).value for i in (1, 2, 3, 4)] == ["STT", "Hạn", "Trạng thái", "Còn (ngày)"]
    assert ws.cell(2, 2).value.date() == dt.date(2022, 11, 15)
    assert ws.cell(2, 3).value.startswith("=IF(B2=\"\"") and "TODAY()" in ws.cell(2, 3).value
    stats = {r[0]: r for r in wb["Thống kê"].iter_rows(min_row=2, values_only=True)}
    assert stats["Ban Dân vận Huyện ủy"][1].startswith("=SUMPRODUCT(") and stats["Ban Dân vận Huyện ủy"][-1].startswith("=SUM(")


def test_missing_index_says_ingest_first(tmp_path, capsys):
    db = tmp_path / "none.sqlite"
    code, _, err = _cli(capsys, "--db", f"sqlite:///{db}")
    assert code == 2 and "run 'vanban ingest' first" in err and not db.exists()
    assert main(["reminders", "--db", str(db), "--out", str(tmp_path / "x.ics")]) == 2
    assert "run 'vanban ingest' first" in capsys.readouterr().err and not db.exists()


def test_cli_errors_are_one_line(loaded, capsys):
    code, _, err = _cli(capsys, "--db", loaded, "--from", "tháng 11")  # the error names the option
    assert code == 2 and err.startswith("vanban: --from: not a date") and err.count("\n") == 1
    code, _, err = _cli(capsys, "--db", loaded, "--to", "31/02/2024")  # no such day: the same message
    assert code == 2 and err.startswith("vanban: --to: not a date: '31/02/2024'") and err.count("\n") == 1
    code, _, err = _cli(capsys, "--db", loaded, "--format", "xlsx")
    assert code == 2 and "needs --out" in err
    code, _, err = _cli(capsys, "--db", loaded, "--status", "whenever")
    assert code == 2 and "unknown status" in err


def test_one_document_in_several_formats_is_listed_once(loaded):
    with Store(loaded) as s:
        s.upsert_document(plan_doc(path="data/raw/kh_125_ttyt.txt", sha="7" * 64))
        s.upsert_document(plan_doc(path="data/raw/kh_125_ttyt.pdf", sha="8" * 64))
    rows = _select(loaded).rows
    assert len(rows) == 6
    assert {r.ob.document_path for r in rows if r.ob.document_id == "125/KH-TTYT"} == {"data/raw/kh_125_ttyt.docx"}
    assert len(_select(loaded, distinct=False).rows) == 14


def test_end_to_end_on_a_seed_document(tmp_path):
    """extract_file → store → query and reminders, on the seed whose gold has
    "Phòng Tổ chức - Hành chính - Tài chính - Kế toán … trước ngày 10/11/2023"."""
    from conftest import GOLD, RAW
    from icalendar import Calendar

    from pipeline.assemble import extract_file
    from tracker.reminders import export

    stem = "001_d7b8ee2fe133437a"
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    target = next(d for d in gold["deadlines"] if d["date"] == "2023-11-10")
    url = f"sqlite:///{tmp_path / 'seed.sqlite'}"
    with Store(url) as s:
        assert s.upsert_document(extract_file(RAW / f"{stem}.txt")) is True
        unit_query = fold(target["units"][0])  # typed without diacritics
        rows = select(s, unit=unit_query, today=TODAY).rows
    assert any(r.ob.deadline_date == "2023-11-10" and r.due.status == st.DUE_SOON for r in rows), \
        [(r.ob.action, r.ob.deadline_date) for r in rows]
    out = tmp_path / "seed.ics"
    export(out, db_url=url, today=TODAY)
    starts = {e.decoded("DTSTART") for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    assert {dt.date.fromisoformat(d["date"]) for d in gold["deadlines"]} <= starts


def test_a_unit_written_in_full_and_by_its_initials_with_and_is_found_by_either():
    """"và" is written "&" or left out in initials ("Phòng QL&PTTN"); a document that wrote the
    name once in full and then only its initials stores two units: a query for either finds both."""
    from tracker.store import StoredUnit
    names = ["Phòng Quản lý và Phát triển tài nguyên", "Phòng QL&PTTN", "Phòng Quản trị", "Sở Kế hoạch và Đầu tư"]
    units_ = [StoredUnit(i, n, fold(n)) for i, n in enumerate(names)]
    assert "qlpttn" in abbreviations(names[0]) and "qlvpttn" in abbreviations(names[0])
    m = match_units(units_, "phong quan ly va phat trien")
    assert [u.name for u in m.units] == ["Phòng Quản lý và Phát triển tài nguyên", "Phòng QL&PTTN"]
    m = match_units(units_, "QL&PTTN")
    assert sorted(u.name for u in m.units) == ["Phòng QL&PTTN", "Phòng Quản lý và Phát triển tài nguyên"]
    m = match_units(units_, "Sở KH&ĐT")
    assert [u.name for u in m.units] == ["Sở Kế hoạch và Đầu tư"]
    m = match_units(units_, "phong quan tri")  # no initials in common: alone
    assert [u.name for u in m.units] == ["Phòng Quản trị"]
