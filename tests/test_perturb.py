"""The invariance probe (tools/perturb.py): each rewrite says the same thing in
other words, never touches a document's symbols, and the probe scores the
rewritten copies with the real extractors."""

from __future__ import annotations

import json

from tools.perturb import BY_NAME, REWRITES, rewrite_gold, run_probe


def test_each_rewrite_changes_what_it_names_and_keeps_the_capital():
    cases = {
        "truoc-ngay": ("Trước ngày 20/11/2025, các phòng gửi báo cáo trước ngày 25/11/2025.",
                       "Chậm nhất là ngày 20/11/2025, các phòng gửi báo cáo chậm nhất là ngày 25/11/2025."),
        "cham-nhat": ("gửi chậm nhất vào ngày 05/01/2026", "gửi trước ngày 05/01/2026"),
        "co-trach-nhiem": ("Sở Tài chính có trách nhiệm bố trí kinh phí.", "Sở Tài chính chịu trách nhiệm bố trí kinh phí."),
        "de-nghi": ("Đề nghị các xã rà soát; theo đề nghị của Sở Nội vụ.",
                    "Yêu cầu các xã rà soát; theo đề nghị của Sở Nội vụ."),
        "hang-nam": ("báo cáo hằng năm và Hằng quý", "báo cáo hàng năm và Hàng quý"),
        "ubnd": ("Ủy ban nhân dân các huyện; UỶ BAN NHÂN DÂN TỈNH", "UBND các huyện; UBND TỈNH"),
        "ngay-so": ("ban hành ngày 5/3/2025 và số 12/2025/NĐ-CP", "ban hành ngày 05 tháng 3 năm 2025 và số 12/2025/NĐ-CP"),
        "ngay-chu": ("Hà Nội, ngày 05 tháng 3 năm 2025", "Hà Nội, ngày 05/3/2025"),
    }
    for name, (before, after) in cases.items():
        assert BY_NAME[name].apply(before)[0] == after, name


def test_wrap_breaks_long_lines_only_and_leaves_the_gold_quotes_alone():
    long = "Sở Y tế chủ trì, phối hợp với các cơ quan liên quan xây dựng kế hoạch triển khai và báo cáo kết quả."
    text = f"{long}\nNgắn.\nSTT\tNội dung công việc rất dài {long}"
    new, n = BY_NAME["wrap"].apply(text)
    assert n == 1
    lines = new.split("\n")
    assert all(len(ln) <= 72 for ln in lines[:-2]) and " ".join(lines[:-2]) == long
    assert lines[-2:] == ["Ngắn.", text.split("\n")[-1]]  # a short line and a table row (tabs) stay
    gold = {"assignments": [{"source_text": long}]}
    assert rewrite_gold(gold, BY_NAME["wrap"]) == gold
    assert BY_NAME["bullet-plus"].apply("- Rà soát;\n  – Báo cáo.")[0] == "+ Rà soát;\n  + Báo cáo."


def test_swaps_exchange_names_both_ways_and_whole_words_only():
    assert BY_NAME["tinh-swap"].apply("UBND tỉnh Quảng Ngãi; Cần Thơ, ngày 5 tháng 3; Hà Nộii")[0] == \
        "UBND tỉnh Điện Biên; Hà Nội, ngày 5 tháng 3; Hà Nộii"


def test_no_rewrite_touches_a_symbol_or_an_id():
    text = "Căn cứ Quyết định số 123/QĐ-UBND, Công văn 45/UBND-VX và Văn phòng HĐND&UBND huyện."
    for rw in REWRITES:
        new = rw.apply(text)[0]
        for code in ("123/QĐ-UBND", "45/UBND-VX", "HĐND&UBND"):
            assert code in new, (rw.name, new)


def test_the_gold_is_rewritten_as_its_document_but_not_its_file_name_or_notes():
    gold = {"file": "a trước ngày.txt", "notes": "trước ngày: the due date",
            "deadlines": [{"date": "2025-11-20", "text": "gửi trước ngày 20/11/2025", "units": ["Sở Y tế"]}],
            "assignments": [{"source_text": "Sở Y tế gửi báo cáo trước ngày 20/11/2025."}]}
    out = rewrite_gold(gold, BY_NAME["truoc-ngay"])
    assert out["file"] == gold["file"] and out["notes"] == gold["notes"]
    assert out["deadlines"][0]["text"] == "gửi chậm nhất là ngày 20/11/2025"
    assert out["deadlines"][0]["date"] == "2025-11-20"
    assert out["assignments"][0]["source_text"] == "Sở Y tế gửi báo cáo chậm nhất là ngày 20/11/2025."


LETTER = """UBND TỈNH AN PHÚ
SỞ NỘI VỤ

Số: 88/SNV-TCBC

An Phú, ngày 03 tháng 11 năm 2025

Kính gửi: Ủy ban nhân dân các huyện

Sở Nội vụ đề nghị Ủy ban nhân dân các huyện rà soát biên chế và gửi báo cáo về Sở Nội vụ trước ngày 20/11/2025.

GIÁM ĐỐC
Lê Văn An
"""


def test_the_probe_scores_the_rewritten_copies_with_the_real_extractors(tmp_path):
    docs, gold_dir = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold_dir.mkdir()
    (docs / "cv88.txt").write_text(LETTER, encoding="utf-8")
    gold = {"file": "cv88.txt", "document": {}, "references": [], "unnumbered_references": [],
            "deadlines": [{"date": "2025-11-20", "text": "gửi báo cáo về Sở Nội vụ trước ngày 20/11/2025",
                           "units": ["UBND các huyện"]}],
            "deadlines_period": [], "recurring": [], "criteria": [], "criteria_total": None,
            "assignments": [{"units_lead": ["Ủy ban nhân dân các huyện"], "units_support": [], "units_implied": [],
                             "action": "rà soát biên chế và gửi báo cáo",
                             "source_text": "Sở Nội vụ đề nghị Ủy ban nhân dân các huyện rà soát biên chế và gửi báo "
                                            "cáo về Sở Nội vụ trước ngày 20/11/2025."}],
            "units": ["Ủy ban nhân dân các huyện"], "notes": ""}
    (gold_dir / "cv88.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    rows = {r.rewrite.name: r for r in run_probe(gold_dir, docs, [BY_NAME["truoc-ngay"], BY_NAME["ubnd"],
                                                                   BY_NAME["hang-nam"], BY_NAME["wrap"]])}
    assert (rows["truoc-ngay"].docs, rows["truoc-ngay"].places) == (1, 1)
    assert (rows["ubnd"].docs, rows["ubnd"].places) == (1, 2)
    assert rows["hang-nam"].docs == 0  # nothing to rewrite: nothing scored
    assert rows["wrap"].docs == 1  # the task's sentence runs over two lines
    for name in ("truoc-ngay", "ubnd", "wrap"):
        r = rows[name]
        assert r.before["deadlines"].f1 == 1.0, name
        assert r.after["deadlines"].f1 == 1.0, name  # the same due date, said otherwise
        assert r.after["assignments"].recall == r.before["assignments"].recall == 1.0, name
