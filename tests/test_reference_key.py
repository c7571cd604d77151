"""One key for a cited document's number and symbol, whoever compares it:
the scorer, the store and the citation graph (`vanban references`).
The documents are invented."""
from __future__ import annotations

import json

from cli.main import main
from core.textutil import reference_key
from pipeline.assemble import extract_file
from tracker.citations import build_graph, citing, load_outputs


def test_reference_key_forms():
    k = reference_key("19/2018/NQ-CP")
    assert reference_key("19-2018/NQ-CP") == k
    assert reference_key("19 / 2018 / NQ - CP") == k
    assert reference_key("19/2018/nq–cp") == k
    assert reference_key("33/CT-TTg") == reference_key("33/CT TTG")
    assert reference_key("04/2015/NĐ-CP") == reference_key("04/2015/ND-CP")
    # a party number's own hyphen is no year: it stays apart from "324/…"-less forms
    assert reference_key("324-QĐ/TU") == reference_key("324 QĐ/TU")
    assert reference_key("19-2018/NQ-CP") != reference_key("19/NQ-CP")
    assert reference_key("1920-18/QĐ") != k
    assert reference_key(None) == reference_key("") == ""


LETTER = """ỦY BAN NHÂN DÂN
TỈNH BÌNH AN
Số: {num}/UBND-KT
Bình An, ngày 03 tháng 4 năm 2024
V/v thực hiện {cite}
Kính gửi: Sở Tài chính.
Thực hiện {cite} của Chính phủ, Ủy ban nhân dân tỉnh đề nghị Sở Tài chính báo cáo kết quả trước ngày 30/4/2024.
"""


def test_citation_graph_joins_year_dash_and_slash(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    out.mkdir()
    (raw / "a.txt").write_text(LETTER.format(num=11, cite="Nghị quyết số 19-2018/NQ-CP ngày 15 tháng 5 năm 2018"), encoding="utf-8")
    (raw / "b.txt").write_text(LETTER.format(num=12, cite="Nghị quyết số 19/2018/NQ-CP ngày 15/5/2018"), encoding="utf-8")
    for p in sorted(raw.iterdir()):
        data = extract_file(p)
        assert [r["id"] for r in data["references"]], p
        (out / (p.stem + ".json")).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    graph = build_graph(load_outputs(out))
    node = citing(graph, "19/2018/NQ-CP")
    assert node is not None and sorted(c.document for c in node.citations) == ["11/UBND-KT", "12/UBND-KT"]
    assert citing(graph, "19-2018/nq-cp") is node
    assert main(["references", "19/2018/NQ-CP", "--dir", str(out)]) == 0


def test_obligations_by_reference_groups_both_spellings(tmp_path, capsys):
    from tracker.store import Store

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(LETTER.format(num=11, cite="Nghị quyết số 19-2018/NQ-CP ngày 15 tháng 5 năm 2018"), encoding="utf-8")
    (raw / "b.txt").write_text(LETTER.format(num=12, cite="Nghị quyết số 19/2018/NQ-CP ngày 15/5/2018"), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'v.db'}"
    with Store(url) as s:
        for p in sorted(raw.iterdir()):
            s.upsert_document(extract_file(p))
    assert main(["obligations", "--by", "reference", "--format", "json", "--db", url]) == 0
    groups = json.loads(capsys.readouterr().out)["groups"]
    assert [reference_key(g["key"]) for g in groups] == [reference_key("19/2018/NQ-CP")]
    assert len(groups[0]["obligations"]) == 2
