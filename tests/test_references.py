"""Cited documents: every surface form, one sentence each (written for these
tests, not copied from the seeds), and the seeds in every built format against
the gold through ``pipeline.evaluate``."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.citation_find import find_citations
from extractors.references import extract_references
from core.model import Document, DocumentHeader, Footnote, Paragraph, SourceInfo

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "tests" / "shared" / "gold" / "seeds"


def doc_of(*paras: str, footnotes: tuple[str, ...] = ()) -> Document:
    d = Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(p) for p in paras])
    d.footnotes = [Footnote(str(i + 1), t) for i, t in enumerate(footnotes)]
    return d.reindex()


def refs_of(*paras: str, header: DocumentHeader | None = None, footnotes: tuple[str, ...] = ()):
    refs, unnumbered = extract_references(doc_of(*paras, footnotes=footnotes), header or DocumentHeader())
    return {r.id: r for r in refs}, unnumbered


# ---------------------------------------------------------------- find


@pytest.mark.parametrize(
    "text, ident",
    [
        ("theo Chỉ thị số 12/CT-TTg ngày 3/4/2019", "12/CT-TTg"),
        ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020", "30/2020/NĐ-CP"),
        ("Luật số 80/2015/QH13", "80/2015/QH13"),
        ("Quyết định số 99-QĐ/TU của Tỉnh ủy", "99-QĐ/TU"),
        ("Quy định số 08-QĐi/TW ngày 25/10/2018", "08-QĐi/TW"),
        ("Kế hoạch liên tịch số 1573-KH/BDVTW-BCSĐCP", "1573-KH/BDVTW-BCSĐCP"),
        ("Chương trình số 07-CTPH/BDVTU-BCSĐ UBND ngày 2/1/2020", "07-CTPH/BDVTU-BCSĐUBND"),
        ("Công văn 4433/BYT-KCB về việc", "4433/BYT-KCB"),
        ("Kế hoạch số 58 /KH-UBND ngày", "58/KH-UBND"),
        ("Kế hoạch 205/KH- SGDĐT của Sở", "205/KH-SGDĐT"),
        ("Quyết định số 77 - QĐ/HU ngày", "77-QĐ/HU"),
        ("Quyết định số 612-\nQĐ/TU ngày", "612-QĐ/TU"),
        ("Chỉ thị số 21/CT-\n\nUBND ngày", "21/CT-UBND"),
        ("Quyết định số 2201/QĐ-TTg(2) của Thủ tướng", "2201/QĐ-TTg"),
        ("Quyết định số 5120/QĐUBND ngày", "5120/QĐ-UBND"),
        ("Chỉ thị số 08/CTUBND của UBND tỉnh", "08/CT-UBND"),
        ("Quyết định 84 QĐ/TWĐTN của Ban Bí thư", "84-QĐ/TWĐTN"),
        ("Thực hiện Nghị quyết số 30c/NQ-CP ngày 08/11/2011 của Chính phủ", "30c/NQ-CP"),
    ],
)
def test_number_forms(text: str, ident: str):
    found = find_citations(text.replace("\n", " "))
    assert [f.id for f in found] == [ident]


@pytest.mark.parametrize(
    "text",
    ["ngày 19/5/1890-19/5/2020", "giai đoạn 2021-2025", "tỷ lệ 3/4 số xã", "điểm 2.1/10", "Phòng TC-HC", "số 15/11",
     "đạt 6/139 đề xuất", "khoản 3b/Điều 5"],
)
def test_not_numbers(text: str):
    assert find_citations(text) == []


# ---------------------------------------------------------------- resolve


def test_type_date_issuer_title_relation():
    refs, _ = refs_of(
        "Căn cứ Thông tư số 12/2021/TT-BYT ngày 14 tháng 7 năm 2021 của Bộ Y tế về hướng dẫn công tác thi đua;",
        "Thực hiện Kế hoạch số 208/KH-UBND ngày 03/02/2022 của UBND tỉnh Quảng Trị về cải cách hành chính.",
        "Các đơn vị tham khảo Công văn số 77/SNV-CCHC ngày 9-3-2022 của Sở Nội vụ.",
    )
    tt = refs["12/2021/TT-BYT"]
    assert (tt.type, tt.type_code, tt.number, tt.year, tt.symbol) == ("Thông tư", "TT", "12", "2021", "TT-BYT")
    assert (tt.date, tt.issuer, tt.relation) == ("2021-07-14", "Bộ Y tế", "based_on")
    assert tt.title.startswith("hướng dẫn công tác thi đua")
    kh = refs["208/KH-UBND"]
    assert (kh.date, kh.issuer, kh.relation, kh.year) == ("2022-02-03", "Ủy ban nhân dân tỉnh Quảng Trị", "implements", None)
    cv = refs["77/SNV-CCHC"]
    assert (cv.type, cv.type_code, cv.date, cv.issuer, cv.relation) == ("Công văn", "CV", "2022-03-09", "Sở Nội vụ", "cites")


def test_title_ends_where_the_lead_in_clause_ends():
    refs, _ = refs_of(
        "Thực hiện Công văn số 456/SYT-NVY ngày 01/3/2024 của Sở Y tế về việc tăng cường phòng chống dịch, "
        "Trung tâm Y tế huyện xây dựng Kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Thực hiện Công văn số 123/UBND-VX ngày 02/02/2024 của UBND tỉnh về việc phối hợp giữa Sở Y tế, "
        "Sở Giáo dục và Đào tạo trong việc triển khai tiêm chủng, Sở Y tế đề nghị các đơn vị thực hiện.",
        "Theo Công văn số 12/SYT-NV của Sở Y tế về việc tăng cường, phòng chống dịch bệnh và hướng dẫn điều trị.",
    )
    assert refs["456/SYT-NVY"].title == "tăng cường phòng chống dịch"
    refs2, _ = refs_of("Kế hoạch thực hiện Chỉ thị số 18-CT/TU ngày 05/9/2022 của Ban Thường vụ Tỉnh ủy về tăng cường "
                       "công tác dân vận", "Thực hiện Chỉ thị số 18-CT/TU (sau đây gọi tắt là Chỉ thị 18), Ban Thường vụ")
    assert refs2["18-CT/TU"].title == "tăng cường công tác dân vận"  # not run on into the next paragraph
    # a body named inside the title does not end it; the one before the main verb does
    assert refs["123/UBND-VX"].title == "phối hợp giữa Sở Y tế, Sở Giáo dục và Đào tạo trong việc triển khai tiêm chủng"
    # lower-case words that happen to spell a body head ("phòng chống") do not end it
    assert refs["12/SYT-NV"].title == "tăng cường, phòng chống dịch bệnh và hướng dẫn điều trị"


def test_with_or_without_so_and_heading_case():
    refs, _ = refs_of("V. THỰC HIỆN QUYẾT ĐỊNH SỐ 90-QĐ/TU NGÀY 2/5/2019 CỦA BAN THƯỜNG VỤ TỈNH ỦY BAN HÀNH QUY CHẾ",
                      "theo Quyết định 91-QĐ/TU ngày 12/6/2019 của Ban Thường vụ Tỉnh uỷ về quy chế.")
    assert refs["90-QĐ/TU"].type == "Quyết định" and refs["90-QĐ/TU"].date == "2019-05-02"
    assert refs["91-QĐ/TU"].issuer == "Ban Thường vụ Tỉnh ủy"  # 'uỷ' → 'ủy'


def test_one_date_shared_by_a_pair_but_not_across_semicolons_or_bodies():
    refs, _ = refs_of(
        "quán triệt Nghị quyết số 19-NQ/TW, Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII;",
        "thực hiện Chỉ thị số 40/CT-TTg; Chỉ thị số 41/CT-TTg ngày 1/12/2020 của Thủ tướng Chính phủ;",
        "theo Chỉ thị số 45/CT-TTg, Quyết định số 300-QĐ/TU của Tỉnh ủy.",
    )
    assert refs["19-NQ/TW"].date == refs["20-NQ/TW"].date == "2017-10-25"
    assert refs["19-NQ/TW"].issuer == "Ban Chấp hành Trung ương Đảng"  # the term 'khóa XII' dropped
    assert refs["40/CT-TTg"].date is None and refs["40/CT-TTg"].issuer is None
    assert refs["45/CT-TTg"].issuer is None and refs["300-QĐ/TU"].issuer == "Tỉnh ủy"


def test_list_under_one_type_and_list_head_issuer():
    refs, _ = refs_of(
        "Tiếp tục thực hiện các Chỉ thị của Ban Thường vụ Huyện ủy, Ủy ban nhân dân huyện: Số 03-CT/HU, ngày 4/01/2021 "
        "về công tác dân vận; số 09-CT/HU ngày 7/7/2021 về phòng chống thiên tai; số 05/CT-UBND ngày 2/8/2021 của "
        "Ủy ban nhân dân huyện về cải cách hành chính.",
        "Thực hiện tốt các quy định của Bộ Chính trị (cụ thể: Quy định về giám sát, ban hành kèm theo Quyết định số "
        "300-QĐ/TW ngày 1/3/2019; Quy định về góp ý, ban hành kèm theo Quyết định số 301-QĐ/TW ngày 1/3/2019).",
    )
    for i in ("03-CT/HU", "09-CT/HU", "05/CT-UBND"):
        assert refs[i].type == "Chỉ thị", i
    assert refs["03-CT/HU"].issuer == "Ban Thường vụ Huyện ủy" == refs["09-CT/HU"].issuer
    assert refs["05/CT-UBND"].issuer == "Ủy ban nhân dân huyện"
    assert refs["300-QĐ/TW"].issuer == refs["301-QĐ/TW"].issuer == "Bộ Chính trị"


def test_joint_issuer_after_giua_and_type_word_after_va():
    refs, _ = refs_of(
        "Chương trình phối hợp số 02-CTPH/BDVHU-UBND ngày 11/4/2022 giữa Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện "
        "về dân vận; Kế hoạch số 77/KH-UBND ngày 5/5/2022 của Ủy ban nhân dân huyện và Quyết định số 78/QĐ-UBND.")
    assert refs["02-CTPH/BDVHU-UBND"].issuer == "Ban Dân vận Huyện ủy và Ủy ban nhân dân huyện"
    assert refs["02-CTPH/BDVHU-UBND"].type == "Chương trình phối hợp"
    assert refs["77/KH-UBND"].issuer == "Ủy ban nhân dân huyện"


def test_date_and_issuer_from_a_footnote_or_a_later_mention_merge_into_one_record():
    refs, _ = refs_of(
        "triển khai Quyết định số 1200/QĐ-BYT(2) trong toàn ngành;",
        "đồng thời rà soát theo Quyết định số 1200/QĐ -BYT đã nêu.",
        footnotes=("Quyết định số 1200/QĐ-BYT ngày 09 tháng 4 năm 2021 của Bộ trưởng Bộ Y tế về việc phê duyệt đề án",),
    )
    assert list(refs) == ["1200/QĐ-BYT"]
    r = refs["1200/QĐ-BYT"]
    assert (r.date, r.issuer, r.relation) == ("2021-04-09", "Bộ trưởng Bộ Y tế", "implements")
    assert len(r.mentions) == 3
    assert r.mentions[1].text == "Quyết định số 1200/QĐ -BYT"  # as written


def test_mentions_keep_what_was_written_and_point_into_the_unit():
    d = doc_of("Mở đầu.", "Thực hiện Chỉ thị số 03/CTUBND ngày 2/2/2022 của UBND tỉnh về dân vận.")
    refs, _ = extract_references(d, DocumentHeader())
    (r,) = refs
    assert r.id == "03/CT-UBND" and r.symbol == "CT-UBND"
    m = r.mentions[0]
    assert m.text == "Chỉ thị số 03/CTUBND"
    assert m.loc.block == 1
    assert d.blocks[1].text[m.loc.start:m.loc.end] == m.text


def test_break_across_paragraphs_is_one_reference_located_in_the_first():
    d = doc_of("trọng tâm là Quyết định số 324-", "QĐ/TU ngày 14/02/2022 của Tỉnh ủy.")
    refs, _ = extract_references(d, DocumentHeader())
    (r,) = refs
    assert (r.id, r.date, r.issuer) == ("324-QĐ/TU", "2022-02-14", "Tỉnh ủy")
    assert r.mentions[0].loc.block == 0


def test_own_number_is_not_a_reference():
    h = DocumentHeader(number="15", symbol="KH-SYT", id="15/KH-SYT")
    refs, _ = refs_of("Số: 15/KH-SYT", "Thực hiện Kế hoạch số 9/KH-UBND của UBND tỉnh.",
                      "Kế hoạch số 15/KH-SYT này thay thế kế hoạch trước.", header=h)
    assert list(refs) == ["9/KH-UBND"]


def test_unnumbered_references():
    _, un = refs_of(
        "thực hiện Luật Phòng, chống tham nhũng năm 2018, Luật Thi đua khen thưởng và Nghị quyết Đại hội đại biểu "
        "Đảng bộ tỉnh lần thứ XVII; Nghị quyết Trung ương 5 (khóa XII) về kinh tế; các Nghị quyết của Đảng; "
        "Luật số 80/2015/QH13; pháp luật hiện hành.")
    texts = [u.text for u in un]
    assert "Luật Thi đua khen thưởng" in texts
    assert "Nghị quyết Trung ương 5 (khóa XII)" in texts
    assert any(t.startswith("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII") for t in texts)
    assert not any("80/2015" in t or "của Đảng" in t for t in texts)


# ---------------------------------------------------------------- seeds vs gold


@pytest.fixture(scope="module")
def report():
    from pipeline.evaluate import evaluate

    return evaluate(GOLD, [RAW])


@pytest.mark.parametrize("fmt", ["txt", "docx", "pdf"])
def test_seed_references_against_gold(report, fmt: str):
    files = [f for f in report.files if f.format == fmt]
    assert len(files) == 5, f"every seed has a .{fmt} sample"
    errors = [f.error for f in files if f.error]
    assert not errors, errors
    assert report.metric("references", "f1", fmt) >= 0.97
    assert report.metric("reference_date", "accuracy", fmt) >= 0.95
    assert report.metric("reference_issuer", "accuracy", fmt) >= 0.9


# ---------------------------------------------------------------- vanban references (tracker.citations)


def _write_outputs(tmp_path: Path) -> Path:
    import json

    d = tmp_path / "structured"
    d.mkdir()
    docs = {
        "a": ("Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ và Kế hoạch số 11/KH-UBND.",
              DocumentHeader(id="5/KH-SYT", number="5", symbol="KH-SYT")),
        "b": ("Triển khai Chỉ thị số 33/CT- TTg; Chỉ thị số 33/CT-TTg (nhắc lại).", DocumentHeader()),
        "c": ("Không trích dẫn văn bản nào.", DocumentHeader()),
    }
    from core.serialize import to_jsonable

    for stem, (text, h) in docs.items():
        refs, _ = extract_references(doc_of(text), h)
        out = {"document": {"id": h.id}, "source": {"path": f"data/raw/{stem}.txt"}, "references": to_jsonable(refs)}
        (d / f"{stem}.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    (d / "broken.json").write_text("{not json", encoding="utf-8")
    return d


def _run_refs(argv: list[str]) -> int:
    import argparse

    from cli import references as citations

    p = argparse.ArgumentParser()
    citations.add_arguments(p)
    return citations.run(p.parse_args(argv))


def test_references_cli_lists_citing_documents_ignoring_case_spaces_and_diacritics(tmp_path, capsys):
    import json

    d = _write_outputs(tmp_path)
    assert _run_refs(["33/ct ttg", "--dir", str(d), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["found"] and out["citing_documents"] == 2
    assert out["date"] == "2021-11-26" and out["issuer"] == "Thủ tướng Chính phủ"
    assert sorted({c["document"] for c in out["citations"]}) == ["5/KH-SYT", "b"]
    assert any(c["mention"] == "Chỉ thị số 33/CT- TTg" for c in out["citations"])
    assert all(c["loc"]["block"] == 0 for c in out["citations"])
    assert _run_refs(["11/KH-ŨBND", "--dir", str(d)]) == 0  # diacritics ignored
    assert "cited by 1 document" in capsys.readouterr().out


def test_references_cli_most_cited_and_errors(tmp_path, capsys):
    import json

    d = _write_outputs(tmp_path)
    assert _run_refs(["--dir", str(d), "--format", "json"]) == 0
    ranked = json.loads(capsys.readouterr().out)
    assert [(r["id"], r["citing_documents"]) for r in ranked] == [("33/CT-TTg", 2), ("11/KH-UBND", 1)]
    assert _run_refs(["--dir", str(d)]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("33/CT-TTg")
    assert _run_refs(["--dir", str(tmp_path / "missing")]) == 2
    assert capsys.readouterr().err.startswith("vanban: no directory")


def test_issuer_ends_where_the_predicate_starts():
    refs, _ = refs_of(
        "theo Quyết định số 810/QĐ-UBND ngày 2/10/2025 của Chủ tịch Ủy ban nhân dân tỉnh công bố danh mục thủ tục;",
        "và Nghị định số 47/2020/NĐ-CP ngày 9/4/2020 của Chính phủ quản lý, kết nối dữ liệu số.",
        "Kế hoạch số 31/KH-UBND ngày 2/3/2024 của Ủy ban nhân dân tỉnh Gia Lai triển khai đề án.")
    assert refs["810/QĐ-UBND"].issuer == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert refs["47/2020/NĐ-CP"].issuer == "Chính phủ"
    assert refs["31/KH-UBND"].issuer == "Ủy ban nhân dân tỉnh Gia Lai"


def test_references_cli_counts_a_document_in_several_formats_once(tmp_path, capsys):
    """The same unnumbered plan as .docx, .pdf and .txt (outputs named as
    ``vanban ingest`` names them) is one citing document, shown from its .docx."""
    import json

    from core.serialize import to_jsonable

    d = tmp_path / "structured"
    d.mkdir()
    texts = {"docx": "Thực hiện Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ.",
             "pdf": "Thực hiện Chỉ thị số 33/CT- TTg ngày 26/11/2021 của Thủ tướng Chính phủ.",
             "txt": "Mở đầu. Thực hiện Chỉ thị số 33/CT-TTg và Chỉ thị số 33/CT-TTg."}
    names = {"docx": "kh.json", "pdf": "kh.pdf.json", "txt": "kh.txt.json"}
    for fmt, text in texts.items():
        refs, _ = extract_references(doc_of(text), DocumentHeader())
        out = {"document": {"id": None}, "source": {"path": f"data/raw/kh.{fmt}", "format": fmt},
               "references": to_jsonable(refs)}
        (d / names[fmt]).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    refs, _ = extract_references(doc_of("Căn cứ Chỉ thị số 33/CT-TTg."), DocumentHeader(id="9/KH-UBND"))
    (d / "other.json").write_text(json.dumps({"document": {"id": "9/KH-UBND"}, "source": {"path": "x/other.pdf"},
                                              "references": to_jsonable(refs)}, ensure_ascii=False), encoding="utf-8")
    assert _run_refs(["33/CT-TTg", "--dir", str(d), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["citing_documents"] == 2
    kh = [c for c in out["citations"] if c["document"] == "kh"]
    assert [(c["path"], c["mention"], c["copies"]) for c in kh] == [("data/raw/kh.docx", "Chỉ thị số 33/CT-TTg", 3)]
    assert _run_refs(["--dir", str(d), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0] == {
        "id": "33/CT-TTg", "citing_documents": 2, "mentions": 2, "type": "Chỉ thị", "date": "2021-11-26",
        "issuer": "Thủ tướng Chính phủ"}


def test_issuer_named_before_the_mention():
    refs, _ = refs_of(
        "Tham mưu tổ chức Hội nghị (theo chỉ đạo của Ủy ban nhân dân tỉnh tại Thông báo số 493/TB-UBND ngày 13/11/2025)./.",
        "Thực hiện ý kiến của Chủ tịch UBND tỉnh tại Công văn số 12/UBND-KT ngày 2/1/2025, Sở báo cáo như sau:",
        "Căn cứ ý kiến của Sở Y tế tại Công văn số 55/UBND-VX ngày 3/1/2025;",
    )
    assert refs["493/TB-UBND"].issuer == "Ủy ban nhân dân tỉnh"
    assert refs["12/UBND-KT"].issuer == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert refs["55/UBND-VX"].issuer is None  # 'Sở Y tế' does not fit the symbol's UBND


def test_issuer_from_the_subject_that_issued_the_document():
    refs, _ = refs_of(
        "Để đẩy mạnh chuyển đổi số, Ủy ban nhân dân huyện đã ban hành Kế hoạch số 45/KH-UBND ngày 02/3/2024 về "
        "chuyển đổi số; Quyết định số 46/QĐ-UBND ngày 05/3/2024 về thành lập tổ công tác.",
        "Sở Xây dựng đã có Công văn số 310/SXD-QLN ngày 7/5/2024 đề nghị các huyện rà soát.",
        "Ngày 12/6/2024, Hội đồng nhân dân tỉnh Hà Giang ban hành Nghị quyết số 08/NQ-HĐND về biên chế.",
        "Sở Y tế triển khai Chỉ thị số 07/CT-SYT ngày 2/2/2024 trong toàn ngành.",
        "Ủy ban nhân dân huyện đã ban hành Kế hoạch số 47/KH-UBND thực hiện Chỉ thị số 09/CT-UBND ngày 1/1/2024.",
        "Ủy ban nhân dân huyện đã ban hành kế hoạch, Sở Nội vụ đã hướng dẫn tại Công văn số 90/UBND-NV ngày 3/3/2024.",
    )
    assert refs["45/KH-UBND"].issuer == refs["46/QĐ-UBND"].issuer == "Ủy ban nhân dân huyện"
    assert refs["310/SXD-QLN"].issuer == "Sở Xây dựng"
    assert (refs["08/NQ-HĐND"].issuer, refs["08/NQ-HĐND"].date) == ("Hội đồng nhân dân tỉnh Hà Giang", "2024-06-12")
    assert refs["07/CT-SYT"].issuer is None  # the subject implements it
    assert refs["09/CT-UBND"].issuer is None  # 'thực hiện': someone else's
    assert refs["90/UBND-NV"].issuer is None  # a new subject stands between


def test_issuer_from_a_list_heading_and_an_agent_phrase():
    refs, _ = refs_of(
        "- UBND tỉnh Hà Nam đã ban hành: Kế hoạch số 21/KH-UBND ngày 3/1/2024 về cải cách hành chính; Quyết định số "
        "22/QĐ-UBND ngày 4/1/2024 về kiểm soát thủ tục; Công văn số 23/UBND-VX ngày 5/1/2024 của UBND tỉnh về y tế.",
        "Thực hiện hướng dẫn của Bộ Xây dựng tại Công văn số 500/BXD-QLN ngày 2/2/2024 về nhà ở, Công văn số "
        "501/BXD-QLN ngày 3/2/2024 về hạ tầng, Sở Xây dựng đã báo cáo.",
    )
    assert refs["21/KH-UBND"].issuer == refs["22/QĐ-UBND"].issuer == "Ủy ban nhân dân tỉnh Hà Nam"
    assert refs["23/UBND-VX"].issuer == "Ủy ban nhân dân tỉnh Hà Nam"  # 'của UBND tỉnh' in that province's list
    assert refs["500/BXD-QLN"].issuer == refs["501/BXD-QLN"].issuer == "Bộ Xây dựng"


def test_title_list_of_one_person_slash_for_hyphen_and_lower_case_body():
    refs, _ = refs_of(
        "theo Thông tư số 05/2024/TT-VPCP ngày 1/8/2024 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ về một cửa;",
        "Ủy ban nhân dân tỉnh Yên Bái ban hành Kế hoạch số 77/KH/UBND ngày 3/2/2024 về pháp chế;",
        "thực hiện Nghị quyết số 12/NQ/TW ngày 5/5/2023 của Bộ Chính trị, Nghị quyết số 12-NQ/TW;",
        "Thực hiện Kế hoạch số 31/KH-SNV, ngày 4 tháng 3 năm 2024 của sở",
        "Nội vụ tỉnh Hòa Bình về tổ chức hội thi.",
    )
    assert refs["05/2024/TT-VPCP"].issuer == "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"
    assert (refs["77/KH/UBND"].type_code, refs["77/KH/UBND"].issuer) == ("KH", "Ủy ban nhân dân tỉnh Yên Bái")
    assert "12/NQ/TW" not in refs and len(refs["12-NQ/TW"].mentions) == 2  # a party number, one document
    assert refs["31/KH-SNV"].issuer == "Sở Nội vụ tỉnh Hòa Bình"


def test_amending_law_is_one_name_and_a_short_form_joins_the_full_one():
    _, un = refs_of(
        "Triển khai Luật sửa đổi, bổ sung một số điều của Luật Thanh tra và các văn bản hướng dẫn;",
        "tuân thủ Luật Tổ chức chính quyền địa phương năm 2025; rà soát theo Luật Tổ chức chính quyền.",
    )
    by = {u.text: u for u in un}
    assert "Luật sửa đổi, bổ sung một số điều của Luật Thanh tra" in by
    assert "Luật Tổ chức chính quyền" not in by
    assert len(by["Luật Tổ chức chính quyền địa phương năm 2025"].mentions) == 2
    _, un2 = refs_of("theo Luật Phòng, chống thiên tai năm 2013 và Luật Đê điều.")
    assert [u.text for u in un2] == ["Luật Phòng, chống thiên tai năm 2013", "Luật Đê điều"]  # not cut at 'Phòng,'
