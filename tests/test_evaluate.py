"""The scorer itself: gold scored against itself is perfect, each rule of the
matching (ids, dates, units, sentences, criteria, header) counts what it says."""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

import pytest

from cli import eval as eval_cli
from pipeline import evaluate as ev

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "shared" / "gold" / "seeds"

GOLD_FILES = sorted(GOLD.glob("*.json"))


def gold_as_prediction(g: dict) -> dict:
    """A perfect extraction in the contract's shape, built from a gold file."""
    obligations = []
    for a in g.get("assignments", []):
        units = [{"name": u, "raw": u, "role": "lead"} for u in a.get("units_lead", [])]
        units += [{"name": u, "raw": u, "role": "support"} for u in a.get("units_support", [])]
        obligations.append({"action": a["action"], "units": units, "source_text": a["source_text"],
                            "deadline": None, "recurrence": None})
    for d in g.get("deadlines", []):
        units = [{"name": u, "raw": u, "role": "lead"} for u in d.get("units") or d.get("units_implied") or []]
        obligations.append({"action": d["action"], "units": units, "source_text": d["text"] + " " + d["action"],
                            "deadline": {"date": d["date"], "text": d["text"]}, "recurrence": None})
    for r in g.get("recurring", []):
        obligations.append({"action": r["action"], "units": [{"name": u} for u in r["units"]],
                            "source_text": r["text"], "deadline": None,
                            "recurrence": {"text": r["text"], "rrule": None}})
    return {
        "document": copy.deepcopy(g["document"]),
        "references": copy.deepcopy(g["references"]),
        "unnumbered_references": [{"text": t} for t in g.get("unnumbered_references", [])],
        "obligations": obligations,
        "units": [{"name": u, "aliases": []} for u in g.get("units", [])],
        "criteria": copy.deepcopy(g.get("criteria", [])),
        "criteria_total": g.get("criteria_total"),
    }


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_against_itself_is_perfect(path: Path):
    g = json.loads(path.read_text(encoding="utf-8"))
    scores, _ = ev.score_document(g, gold_as_prediction(g))
    for name in ("references", "unnumbered_references", "deadlines", "recurring", "assignments", "units", "criteria"):
        s = scores[name]
        assert s.fn == 0, (name, s)
        if name not in ("assignments", "recurring", "deadlines"):  # extra obligations are spurious there
            assert s.fp == 0, (name, s)
    for name in ("reference_date", "reference_issuer", "deadline_unit", "criteria_total",
                 *(f"document.{f}" for f in ev.HEADER_FIELDS)):
        assert scores[name].accuracy in (1.0, None), (name, scores[name])


def test_reference_ids_match_without_spaces_hyphens_case_or_d_stroke():
    gold = {"references": [{"id": "04-CTPH/BDVTU-BCSDUBND", "date": "2016-12-20", "issuer": "Ban Dân vận Tỉnh ủy"},
                           {"id": "3826/QĐUBND", "date": None, "issuer": None},
                           {"id": "33/CT-TTg", "date": "2021-11-26", "issuer": "Thủ tướng Chính phủ"}]}
    pred = {"references": [{"id": "04-ctph/bdvtu-bcsđ ubnd", "date": "2016-12-20", "issuer": "Ban Dân vận Tỉnh uỷ"},
                           {"id": "3826/QĐ-UBND", "date": "2021-09-15", "issuer": None},
                           {"id": "33/CT-TTg", "date": "2021-11-25", "issuer": "Chính phủ"},
                           {"id": "99/KH-UBND"}]}
    s, det = ev.score_document(gold, pred)
    assert (s["references"].tp, s["references"].fp, s["references"].fn) == (3, 1, 0)
    assert s["reference_date"].correct == 1 and s["reference_date"].total == 3
    assert s["reference_issuer"].correct == 2  # 'uỷ' ≡ 'ủy'; both null right; Chính phủ ≠ Thủ tướng Chính phủ
    assert det["references_spurious"] == ["99/KH-UBND"]


def test_one_prediction_cannot_match_two_gold_references():
    gold = {"references": [{"id": "17-CT/TU"}, {"id": "17/CT-UBND"}]}
    s, _ = ev.score_document(gold, {"references": [{"id": "17-CT/TU"}]})
    assert (s["references"].tp, s["references"].fn) == (1, 1)


def test_deadlines_are_a_multiset_of_dates_and_units_are_checked():
    gold = {"deadlines": [
        {"date": "2023-11-06", "text": "trước ngày 06/11/2023", "units": ["Các đơn vị thuộc, trực thuộc"]},
        {"date": "2023-11-06", "text": "trước ngày 06/11/2023", "units": ["Phòng Dân số - Truyền thông và Giáo dục sức khỏe"]},
        {"date": "2023-11-10", "text": "trước ngày 10/11/2023", "units": ["Phòng Tổ chức - Hành chính"]},
    ]}

    def ob(date, unit):
        return {"deadline": {"date": date, "text": ""}, "units": [{"name": unit, "raw": unit}], "source_text": ""}

    pred = {"obligations": [ob("2023-11-06", "Phòng Dân số - Truyền thông và GDSK"), ob("2023-11-10", "Phòng TC-HC"),
                            ob("2023-12-01", "Phòng Nội vụ")]}
    s, _ = ev.score_document(gold, pred)
    assert (s["deadlines"].tp, s["deadlines"].fp, s["deadlines"].fn) == (2, 1, 1)
    assert s["deadline_unit"].accuracy == 1.0  # the 06/11 pair chosen is the one whose unit agrees


def test_period_deadlines_are_due_on_the_last_day_of_their_period():
    gold = {"deadlines_period": [
        {"period": "2026-04", "text": "trong tháng 4/2026", "units": ["Sở Tư pháp"]},
        {"period": "2026-Q2", "text": "trong quý II/2026", "units": ["Sở Tư pháp"]},
        {"period": "2024-H1", "text": "6 tháng đầu năm 2024", "units": ["Sở Tư pháp"]},
    ]}

    def ob(date):
        return {"deadline": {"date": date, "text": ""}, "units": [{"name": "Sở Tư pháp"}], "source_text": ""}

    s, d = ev.score_document(gold, {"obligations": [ob("2026-04-30"), ob("2026-06-30"), ob("2024-06-01")]})
    assert (s["deadlines"].tp, s["deadlines"].fp, s["deadlines"].fn) == (2, 1, 1)
    assert d["deadlines_missed"] == ["6 tháng đầu năm 2024"]
    assert ev.period_end("2024-02") == "2024-02-29" and ev.period_end("2025-Q4") == "2025-12-31"
    assert ev.period_end("2025-13") is None and ev.period_end("") is None


def test_a_year_end_read_from_a_year_alone_is_never_counted_wrong():
    def ob(date, text):
        return {"deadline": {"date": date, "text": text}, "units": [], "source_text": ""}

    pred = {"obligations": [ob("2026-12-31", "Năm 2026"), ob("2026-12-31", "trước ngày 31/12/2026")]}
    s, _ = ev.score_document({"deadlines": []}, pred)
    assert (s["deadlines"].tp, s["deadlines"].fp, s["deadlines"].fn) == (0, 1, 0)  # only the written day counts


def test_a_heads_title_equals_the_body_it_heads():
    assert ev.name_match("Giám đốc Sở Y tế", "Sở Y tế")
    assert ev.name_match("Chủ tịch UBND cấp xã", "Ủy ban nhân dân cấp xã")
    assert ev.name_match("Các Bộ trưởng", "Các bộ")
    assert ev.name_match("Lãnh đạo Sở Công Thương", "Sở Công Thương")
    assert ev.name_match("Chánh Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh")
    assert ev.name_match("Trưởng phòng Tổ chức cán bộ", "Phòng Tổ chức cán bộ")
    assert ev.body_of_head("Trường Đại học Cần Thơ") == "Trường Đại học Cần Thơ"  # a school is no title
    assert ev.body_of_head("Chánh án Tòa án nhân dân tỉnh") == "tòa án nhân dân tỉnh"
    assert not ev.name_match("Giám đốc Sở Y tế", "Sở Tư pháp")


def test_fuzzy_names_expand_abbreviations_but_keep_different_bodies_apart():
    assert ev.name_match("Phòng TC-HC", "Phòng Tổ chức - Hành chính")
    assert ev.name_match("Ủy ban nhân dân tỉnh", "UBND tỉnh")
    assert ev.name_match("Ban Dân vận Huyện uỷ", "ban dan van huyen ủy")
    assert not ev.name_match("Phòng Nội vụ", "Sở Nội vụ")
    assert not ev.name_match("Sở Y tế", "Sở Y tế tỉnh Kon Tum")
    assert not ev.name_match("Phòng Tổ chức - Hành chính", "Phòng Tài chính - Kế toán")


def test_assignments_need_sentence_overlap_and_a_matching_unit():
    gold = {"assignments": [{"units_lead": ["Phòng Nội vụ"], "units_support": ["Ban Dân vận Huyện ủy"],
                             "action": "Tham mưu UBND huyện quyết định thành lập đoàn thẩm định",
                             "source_text": "Giao Phòng Nội vụ chủ trì, phối hợp với Ban Dân vận Huyện uỷ tham mưu UBND huyện quyết định thành lập"}]}
    sentence = ("Giao Phòng Nội vụ chủ trì, phối hợp với Ban Dân vận Huyện uỷ tham mưu UBND huyện quyết định "
                "thành lập đoàn thẩm định việc đánh giá, xếp loại.")
    right = {"obligations": [{"source_text": sentence, "action": "", "units": [{"name": "Phòng Nội vụ"}]}]}
    wrong_unit = {"obligations": [{"source_text": sentence, "action": "", "units": [{"name": "Văn phòng HĐND"}]}]}
    wrong_text = {"obligations": [{"source_text": "Phòng Nội vụ tổng hợp báo cáo kết quả về Sở Nội vụ.",
                                   "action": "", "units": [{"name": "Phòng Nội vụ"}]}]}
    assert ev.score_document(gold, right)[0]["assignments"].tp == 1
    assert ev.score_document(gold, wrong_unit)[0]["assignments"].tp == 0
    assert ev.score_document(gold, wrong_text)[0]["assignments"].tp == 0


def test_criteria_match_code_and_points_over_the_flattened_tree():
    gold = {"criteria": [{"code": "I", "max_points": 14, "children": [
        {"code": "1", "max_points": 2, "children": []}, {"code": "2", "max_points": 2, "children": []}]},
        {"code": "II", "max_points": 10, "children": [{"code": "1", "max_points": 5, "children": []}]}],
        "criteria_total": 24}
    pred = {"criteria": [{"code": "I.", "max_points": "14", "children": [
        {"code": "1", "max_points": 2.0, "children": []}, {"code": "2", "max_points": 3, "children": []}]},
        {"code": "II", "max_points": 10, "children": [{"code": "1.", "max_points": 5, "children": []}]}],
        "criteria_total": 24.0}
    s, det = ev.score_document(gold, pred)
    assert (s["criteria"].tp, s["criteria"].fp, s["criteria"].fn) == (4, 1, 1)
    assert s["criteria_total"].accuracy == 1.0
    assert det["criteria_missed"] == [["2", 2.0]]


def test_header_fields_fold_and_partial_dates_and_annex_parent():
    gold = {"document": {"type": "Bảng tổng hợp", "number": None, "symbol": None, "date": None,
                         "issuer": "Trung tâm Y tế huyện Tư Mơ Rông", "signer": {"name": "Chu Quốc Hiệu"},
                         "subject": "Thực hiện phong trào thi đua “Dân vận khéo” năm 2020",
                         "attached_to": {"type": "Kế hoạch", "symbol": "KH-YTTRM", "date_partial": "2022-01"}}}
    pred = {"document": {"type": "KẾ HOẠCH", "number": None, "symbol": "KH-YTTRM", "date": None,
                         "date_partial": "2022-01", "issuer": "TRUNG TÂM Y TẾ HUYỆN TƯ MƠ RÔNG",
                         "signer": {"name": "Chu Quốc Hiệu"},
                         "subject": 'Thực hiện phong trào thi đua "Dân vận khéo" năm 2020.'}}
    s, _ = ev.score_document(gold, pred)
    for f in ("type", "number", "symbol", "date", "issuer", "signer", "subject"):
        assert s[f"document.{f}"].accuracy == 1.0, f
    pred["document"]["issuer"] = "Sở Y tế"
    assert ev.score_document(gold, pred)[0]["document.issuer"].accuracy == 0.0


def test_recurring_matches_by_text_overlap():
    gold = {"recurring": [{"text": "Định kỳ 6 tháng, một năm", "action": "báo cáo kết quả"}]}
    pred = {"obligations": [
        {"source_text": "Định kỳ 6 tháng, một năm báo cáo kết quả tổ chức thực hiện phong trào thi đua",
         "recurrence": {"text": "Định kỳ 6 tháng, một năm", "rrule": "FREQ=MONTHLY;INTERVAL=6"}, "units": []},
        {"source_text": "Hằng quý báo cáo tiến độ", "recurrence": {"text": "Hằng quý"}, "units": []}]}
    s, _ = ev.score_document(gold, pred)
    assert (s["recurring"].tp, s["recurring"].fp, s["recurring"].fn) == (1, 1, 0)


def test_recurring_short_gold_text_pairs_with_the_prediction_of_the_same_task():
    gold = [
        {"text": "Hằng năm", "action": "rà soát danh mục thủ tục hành chính", "units": ["Sở Tư pháp"]},
        {"text": "định kỳ hằng năm tổ chức đối thoại với doanh nghiệp", "units": ["Sở Tài chính"]},
    ]
    preds = [
        {"source_text": "Hằng năm tổ chức đối thoại với doanh nghiệp trên địa bàn",
         "action": "tổ chức đối thoại với doanh nghiệp", "recurrence": {"text": "Hằng năm"},
         "units": [{"name": "Sở Tài chính"}]},
        {"source_text": "Hằng năm rà soát danh mục thủ tục hành chính",
         "action": "rà soát danh mục thủ tục hành chính", "recurrence": {"text": "Hằng năm"},
         "units": [{"name": "Sở Tư pháp"}]},
    ]
    # "Hằng năm" fits both predictions equally; taking the first (another task) would leave the
    # second gold item, which only the first prediction fits, unmatched
    scores: dict = {}
    ev.score_recurring(gold, preds, scores, {})
    assert (scores["recurring"].tp, scores["recurring"].fp, scores["recurring"].fn) == (2, 0, 0)


def test_recurring_without_a_rule_is_scored_neither_way():
    # GUIDELINES: "định kỳ" naming no period is a recurrence without a rule, not scored either way
    gold = [
        {"text": "định kỳ tổng hợp, báo cáo kết quả về Sở Nội vụ", "units": ["Phòng Nội vụ"]},
        {"text": "báo cáo định kỳ hằng quý", "units": ["Phòng Nội vụ"]},
    ]
    preds = [
        {"source_text": "Định kỳ báo cáo kết quả thực hiện về Ủy ban nhân dân huyện theo quy định",
         "action": "báo cáo kết quả thực hiện", "recurrence": {"text": "Định kỳ", "rrule": None}, "units": []},
        {"source_text": "Phòng Văn hóa thường xuyên kiểm tra, định kỳ theo quy định báo cáo",
         "action": "kiểm tra", "recurrence": {"text": "định kỳ theo quy định", "rrule": None}, "units": []},
    ]
    scores: dict = {}
    ev.score_recurring(gold, preds, scores, {})
    # the rule-less gold item is no miss, the two rule-less predictions no false positives; the quarterly one is missed
    assert (scores["recurring"].tp, scores["recurring"].fp, scores["recurring"].fn) == (0, 0, 1)
    assert ev.rule_less("báo cáo định kỳ theo quy định") and not ev.rule_less("định kỳ quý")
    assert not ev.rule_less("Định kỳ 6 tháng") and not ev.rule_less("hằng tháng")


def _tmp_corpus(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir, docs = tmp_path / "gold", tmp_path / "docs"
    gold_dir.mkdir()
    docs.mkdir()
    g = json.loads(GOLD_FILES[-1].read_text(encoding="utf-8"))
    (gold_dir / "x.json").write_text(json.dumps(g, ensure_ascii=False), encoding="utf-8")
    (docs / "x.txt").write_text("nội dung", encoding="utf-8")
    (docs / "x.md").write_text("nội dung", encoding="utf-8")
    (docs / "y.txt").write_text("không có gold", encoding="utf-8")
    return gold_dir, docs


def test_evaluate_scores_every_format_of_each_gold_stem(tmp_path: Path):
    gold_dir, docs = _tmp_corpus(tmp_path)
    g = json.loads((gold_dir / "x.json").read_text(encoding="utf-8"))
    perfect = gold_as_prediction(g)
    report = ev.evaluate(gold_dir, [docs], extract=lambda p: perfect if p.suffix == ".txt" else {})
    assert sorted((f.stem, f.format) for f in report.files) == [("x", "md"), ("x", "txt")]
    assert report.metric("references", fmt="txt") == 1.0
    assert report.metric("references", "recall", fmt="md") == 0.0
    only_txt = ev.evaluate(gold_dir, [docs], formats=["txt"], extract=lambda p: perfect)
    assert [f.format for f in only_txt.files] == ["txt"]
    text = ev.format_report(report)
    assert "Micro-average, format txt" in text and "references" in text


def test_cli_json_output(tmp_path: Path, monkeypatch, capsys):
    gold_dir, docs = _tmp_corpus(tmp_path)
    g = json.loads((gold_dir / "x.json").read_text(encoding="utf-8"))
    import pipeline.assemble

    monkeypatch.setattr(pipeline.assemble, "extract_file", lambda p, content=True: gold_as_prediction(g))
    parser = argparse.ArgumentParser()
    eval_cli.add_arguments(parser)
    args = parser.parse_args([str(gold_dir), str(docs), "--format", "txt", "--json"])
    assert eval_cli.run(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["overall"]["references"]["f1"] == 1.0
    assert [f["format"] for f in out["files"]] == ["txt"]


def test_cli_missing_gold_dir_is_one_line_error(tmp_path: Path, capsys):
    parser = argparse.ArgumentParser()
    eval_cli.add_arguments(parser)
    assert eval_cli.run(parser.parse_args([str(tmp_path / "nope"), str(tmp_path)])) == 2
    err = capsys.readouterr().err
    assert err.startswith("vanban:") and err.count("\n") == 1


def test_by_size_scores_letters_and_full_documents_apart(tmp_path: Path):
    """The issue's figures split short letters and excerpts from full documents: `--by-size`
    gives each its own micro-average, by the characters of the document's own text."""
    gold_dir, docs = _tmp_corpus(tmp_path)
    g = json.loads((gold_dir / "x.json").read_text(encoding="utf-8"))
    perfect = gold_as_prediction(g)

    def extract(p: Path) -> dict:
        n = ev.SHORT_CHARS + 1 if p.suffix == ".md" else 500
        body = {"blocks": [{"kind": "paragraph", "text": "a" * (n - 10)},
                           {"kind": "table", "cells": [{"text": "b" * 10}]}]}
        return {**(perfect if p.suffix == ".txt" else {}), "content": body}

    report = ev.evaluate(gold_dir, [docs], extract=extract)
    by_file = {f.format: (f.chars, f.size) for f in report.files}
    assert by_file == {"txt": (500, "short"), "md": (ev.SHORT_CHARS + 1, "full")}
    assert report.metric("references") < 1.0
    assert report.overall(size="short")["references"].f1 == 1.0
    assert report.overall(size="full")["references"].recall == 0.0
    text = ev.format_report(report, by_size=True)
    assert "short documents" in text and "full documents" in text
    assert "short documents" not in ev.format_report(report)
    assert set(report.as_dict()["by_size"]) == {"short", "full"}
