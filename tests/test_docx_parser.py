"""DOCX parser on the real Word files of the corpus and on small hand-written
packages (numbering, text boxes, anchors, field codes, bad files)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from parsers import parse, source_info
from parsers import docx_parser
from core.errors import DocumentError
from core.model import Paragraph, Table

REAL = Path(__file__).parent / "shared" / "corpus" / "real"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"



def _real(name: str) -> Path:
    return REAL / name


def _raw_tables(path: Path) -> list[etree._Element]:
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    return list(root.iter(W + "tbl"))


# --------------------------------------------------------------------------
# Real documents
# --------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(REAL.glob("*.docx")) if REAL.is_dir() else [], ids=lambda p: p.name[:30])
def test_every_real_docx_parses(path: Path):
    doc = parse(path)
    assert doc.source.format == "docx"
    assert len(doc.blocks) > 3
    assert sum(len(p.text) for p in doc.paragraphs) > 300
    # blocks are indexed in order and tables numbered
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert [t.table_index for t in doc.tables] == list(range(len(doc.tables)))
    for t in doc.tables:
        for r, row in enumerate(t.rows):
            for c in row:
                assert c.row == r and 0 <= c.col and c.col + c.col_span <= t.n_cols


def test_30_2020_header_and_signature_tables():
    path = _real("30_2020_ND_CP.docx")
    doc = parse(path)
    assert len(doc.tables) == len([t for t in _raw_tables(path)]) == 2
    head, sign = doc.tables
    assert (head.n_rows, head.n_cols) == (1, 2)
    left, right = head.rows[0]
    assert left.text.splitlines()[0] == "CHÍNH PHỦ"
    assert "Số: 30/2020/NĐ-CP" in left.text
    assert right.text.splitlines()[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert right.text.endswith("Hà Nội, ngày 05 tháng 3 năm 2020")
    assert sign.rows[0][0].text.startswith("Nơi nhận:\n- Ban Bí thư Trung ương Đảng;")
    assert "Nguyễn Xuân Phúc" in sign.rows[0][1].text
    # the head table comes first, before the body paragraphs
    assert doc.blocks[0] is head
    texts = [p.text for p in doc.paragraphs]
    assert "NGHỊ ĐỊNH" in texts and any(t.startswith("Điều 1.") for t in texts)


def test_phuluc3_spans_from_the_grid():
    path = _real("Phuluc3.docx")
    doc = parse(path)
    # the raw XML says: a 5-column grid; row 0 has a 4-row vMerge at grid col 2
    # and a gridSpan=2 cell; row 4 is one gridSpan=4 cell; python-docx's
    # row.cells would repeat the merged cells instead
    raw = next(t for t in _raw_tables(path) if "Lưu: VT, …9" in "".join(t.itertext())
               and "QUYỀN HẠN, CHỨC VỤ" in "".join(t.itertext()))
    assert len(raw.find(W + "tblGrid")) == 5
    t = next(t for t in doc.tables if "QUYỀN HẠN, CHỨC VỤ" in t.rows[0][-1].text
             and any("Lưu: VT, …9" in c.text for r in t.rows for c in r))
    assert (t.n_rows, t.n_cols) == (5, 5)
    spans = {(c.row, c.col): (c.row_span, c.col_span) for r in t.rows for c in r}
    assert spans[(0, 2)] == (4, 1)  # vMerge restart + 3 continue
    assert spans[(0, 3)] == (1, 2)  # gridSpan 2
    assert spans[(1, 1)] == (3, 1)
    assert spans[(4, 0)] == (1, 4)
    assert (2, 2) not in spans and (3, 1) not in spans  # covered cells are not repeated
    assert t.rows[0][1].text == "Nơi nhận:"
    assert t.rows[1][0].text == "" and t.rows[1][1].text.startswith("- ………;\n- ………;\n- Lưu: VT")
    assert t.cell_at(3, 2) is t.cell_at(0, 2)
    assert t.rows[4][0].text.startswith("Ghi chú:")


def test_phuluc3_numbering_materialised_in_cells():
    doc = parse(_real("Phuluc3.docx"))
    t = doc.tables[0]
    assert [c.text for c in t.rows[0]] == ["STT", "Tên loại văn bản hành chính", "Chữ viết tắt"]
    col0 = [r[0].text for r in t.rows[1:]]
    # the numbers are automatic (w:numPr, lvlText "%1."): 1..27, then a new list restarts at 1
    assert col0[:27] == [f"{i}." for i in range(1, 28)]
    assert t.rows[28][1].text == "Bản sao văn bản" and t.rows[28][0].text == ""
    assert col0[28:31] == ["1.", "2.", "3."]
    assert t.rows[1][0].paragraphs[0].style.numbering == "1."
    assert t.rows[1][0].paragraphs[0].style.list_level == 0
    assert [t.rows[1][1].text, t.rows[1][2].text] == ["Nghị quyết (cá biệt)", "NQ"]


def test_draft_has_no_drawing_anchor_numbers():
    path = _real("Văn bản chỉ đạo cải thiện các chỉ số về CCHC năm 2025.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert "<wp:posOffset>" in xml  # the noise source is there
    doc = parse(path)
    import regex
    every = "\n".join(u.text for u in doc.text_units())
    assert not regex.search(r"\d{8,}", every)
    head = doc.tables[0]
    assert head.rows[0][0].text == "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG"
    assert head.rows[1][0].text.replace(" ", "") == "Số:/UBND-NC"


def test_footnotes_linked_to_their_marks():
    doc = parse(_real("BAO CAO CCHC NAM 2025.docx"))
    root = etree.fromstring(zipfile.ZipFile(_real("BAO CAO CCHC NAM 2025.docx")).read("word/footnotes.xml"))
    real_notes = [n for n in root.iter(W + "footnote") if n.get(W + "type") is None]
    assert len(doc.footnotes) == len(real_notes) == 17
    assert [f.id for f in doc.footnotes] == [str(i) for i in range(1, 18)]
    first = doc.footnotes[0]
    assert first.text.startswith("Thường trực Tỉnh ủy và Ủy ban nhân dân tỉnh đã thành lập các đoàn công tác")
    assert "\u0002" not in first.text and not first.text[0].isdigit()
    host = doc.blocks[first.ref_block]
    assert isinstance(host, Paragraph)
    ref = next(r for r in host.footnote_refs if r.footnote_id == "1")
    assert host.text[:ref.offset].endswith("các cấp, các ngành")
    for f in doc.footnotes:
        assert f.ref_block is not None


def test_tables_split_in_two_are_stitched():
    doc = parse(_real("BAO CAO CCHC NAM 2025.docx"))
    raw_top = len(etree.fromstring(zipfile.ZipFile(_real("BAO CAO CCHC NAM 2025.docx")).read("word/document.xml"))
                  .find(W + "body").findall(W + "tbl"))
    stitched = [t for t in doc.tables if t.continuations]
    assert len(doc.tables) == raw_top - len(stitched) == 9
    t = stitched[0]
    cont = t.continuations[0]
    assert cont.dropped_header_rows == 2 and t.header_rows == 2
    assert t.rows[cont.first_row - 1][0].text == "3.2.1." and t.rows[cont.first_row][0].text == "3.2.2."


def test_furniture_from_headers():
    doc = parse(_real("Văn bản chỉ đạo cải thiện các chỉ số về CCHC năm 2025.docx"))
    assert doc.furniture and all(p.role in ("page_header", "page_footer") for p in doc.furniture)
    assert not any(p.text == f.text for p in doc.paragraphs for f in doc.furniture if f.text.isdigit())


# --------------------------------------------------------------------------
# Hand-written packages
# --------------------------------------------------------------------------

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"')


def make_docx(path: Path, body: str, *, numbering: str | None = None, footnotes: str | None = None,
              styles: str | None = None) -> Path:
    parts = {"word/document.xml": f'<w:document {NS}><w:body>{body}</w:body></w:document>'}
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>']
    rels = []
    for name, xml, ctype, rtype in (
        ("numbering", numbering, "numbering", "numbering"),
        ("footnotes", footnotes, "footnotes", "footnotes"),
        ("styles", styles, "styles", "styles"),
    ):
        if xml is None:
            continue
        root = {"numbering": "w:numbering", "footnotes": "w:footnotes", "styles": "w:styles"}[name]
        parts[f"word/{name}.xml"] = f"<{root} {NS}>{xml}</{root}>"
        overrides.append(f'<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-'
                         f'officedocument.wordprocessingml.{ctype}+xml"/>')
        rels.append(f'<Relationship Id="r{name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/{rtype}" Target="{name}.xml"/>')
    parts["[Content_Types].xml"] = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>' + "".join(overrides) + "</Types>")
    parts["_rels/.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(rels) + "</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in parts.items():
            z.writestr(name, xml)
    return path


def p(text: str, ppr: str = "", rpr: str = "") -> str:
    return f'<w:p>{f"<w:pPr>{ppr}</w:pPr>" if ppr else ""}<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def num(num_id: int, lvl: int = 0) -> str:
    return f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


NUMBERING = (
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>'
    '</w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="lowerRoman"/>'
    '<w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>'
)


def _parse(path: Path):
    return parse(path)


def test_numbering_counters_levels_and_restarts(tmp_path):
    body = "".join([
        p("MỤC ĐÍCH", num(1, 0)),
        p("Mục tiêu", num(1, 1)),
        p("Chi tiết", num(1, 2)),
        p("Chi tiết nữa", num(1, 2)),
        p("điểm", num(1, 3)),
        p("điểm khác", num(1, 3)),
        p("Yêu cầu", num(1, 1)),
        p("Chi tiết sau", num(1, 2)),
        p("NHIỆM VỤ", num(1, 0)),
        p("Nhiệm vụ một", num(1, 1)),
        p("gạch đầu dòng", num(2, 0)),
        p("thứ tư", num(3, 0)),
        p("thứ năm", num(3, 0)),
        p("danh sách mới", num(4, 0)),
        p("không đánh số"),
    ])
    doc = _parse(make_docx(tmp_path / "n.docx", body, numbering=NUMBERING))
    assert [x.text for x in doc.paragraphs] == [
        "I. MỤC ĐÍCH", "1. Mục tiêu", "1.1. Chi tiết", "1.2. Chi tiết nữa", "a) điểm", "b) điểm khác",
        "2. Yêu cầu", "2.1. Chi tiết sau", "II. NHIỆM VỤ", "1. Nhiệm vụ một", "- gạch đầu dòng",
        "(iv) thứ tư", "(v) thứ năm", "III. danh sách mới", "không đánh số",
    ]
    styles = [x.style for x in doc.paragraphs]
    assert styles[0].numbering == "I." and styles[0].list_level == 0
    assert styles[4].numbering == "a)" and styles[4].list_level == 3
    assert styles[10].numbering is None and styles[10].list_level == 0  # a bullet is not a label
    assert styles[14].numbering is None and styles[14].list_level is None


def test_spans_grid_before_and_nested_tables(tmp_path):
    def tc(text: str, pr: str = "") -> str:
        return f"<w:tc>{f'<w:tcPr>{pr}</w:tcPr>' if pr else ''}{p(text) if text else '<w:p/>'}</w:tc>"

    inner = f'<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr>{tc("x")}{tc("y")}</w:tr></w:tbl>'
    body = (
        '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>'
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + tc("A", '<w:gridSpan w:val="2"/>') + tc("B", '<w:vMerge w:val="restart"/>') + tc("C") + '</w:tr>'
        '<w:tr>' + tc("a1") + tc("a2") + tc("", "<w:vMerge/>") + f'<w:tc>{p("c2")}{inner}<w:p/></w:tc>' + '</w:tr>'
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + tc("b2") + tc("", "<w:vMerge/>") + tc("d3") + '</w:tr>'
        '</w:tbl>'
    )
    doc = _parse(make_docx(tmp_path / "t.docx", body))
    (t,) = doc.tables
    assert t.n_cols == 4 and t.n_rows == 3 and t.header_rows == 1
    assert [(c.row, c.col, c.row_span, c.col_span, c.text) for r in t.rows for c in r] == [
        (0, 0, 1, 2, "A"), (0, 2, 3, 1, "B"), (0, 3, 1, 1, "C"),
        (1, 0, 1, 1, "a1"), (1, 1, 1, 1, "a2"), (1, 3, 1, 1, "c2"),
        (2, 1, 1, 1, "b2"), (2, 3, 1, 1, "d3"),
    ]
    assert t.cell_at(2, 0) is None  # gridBefore leaves the first column empty
    nested = t.rows[1][2].tables
    assert len(nested) == 1 and nested[0].nested and nested[0].text_grid() == [["x", "y"]]


def test_text_boxes_once_and_no_anchor_or_field_noise(tmp_path):
    box = '<w:txbxContent>' + p("DỰ THẢO") + '</w:txbxContent>'
    anchor = ('<w:drawing><wp:anchor><wp:positionH relativeFrom="column"><wp:posOffset>59245520</wp:posOffset>'
              '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>33000</wp:posOffset>'
              '</wp:positionV><a:graphic><a:graphicData><wps:wsp><wps:txbx>' + box +
              '</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>')
    body = (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">' + anchor + '</mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox>' + box + '</v:textbox></v:shape></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r><w:r><w:t>TỈNH LÂM ĐỒNG</w:t></w:r></w:p>'
        '<w:p><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:del><w:r><w:delText>bỏ đi</w:delText></w:r></w:del><w:ins><w:r><w:t>, thêm</w:t></w:r></w:ins></w:p>'
        '<w:p><w:r><w:t>dòng một</w:t><w:br/><w:t>dòng hai</w:t><w:tab/><w:t>cột</w:t></w:r></w:p>'
    )
    doc = _parse(make_docx(tmp_path / "b.docx", body))
    assert [x.text for x in doc.paragraphs] == ["TỈNH LÂM ĐỒNG", "DỰ THẢO", "Trang 2, thêm", "dòng một\ndòng hai\tcột"]


def test_bold_from_runs_and_styles_heading_alignment(tmp_path):
    styles = (
        '<w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Tieude"><w:name w:val="Tieu de"/><w:basedOn w:val="Heading2"/>'
        '<w:pPr><w:jc w:val="center"/></w:pPr></w:style>'
        '<w:style w:type="character" w:styleId="Nghieng"><w:name w:val="Nghieng"/><w:rPr><w:i/></w:rPr></w:style>'
    )
    body = (
        p("Căn cứ", "", "<w:b/>")
        + '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Điều 1. </w:t></w:r><w:r><w:t>nội dung</w:t></w:r></w:p>'
        + p("Chương I", '<w:pStyle w:val="Heading2"/>')
        + p("KẾ HOẠCH", '<w:pStyle w:val="Tieude"/>')
        + p("thường", '<w:pStyle w:val="Heading2"/>', '<w:b w:val="0"/>')
        + '<w:p><w:r><w:rPr><w:rStyle w:val="Nghieng"/></w:rPr><w:t>(ghi chú)</w:t></w:r><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>'
        + p("Mục", '<w:outlineLvl w:val="2"/><w:jc w:val="both"/>')
    )
    doc = _parse(make_docx(tmp_path / "s.docx", body, styles=styles))
    got = [(x.text, x.style.bold, x.style.italic, x.style.heading_level, x.style.align) for x in doc.paragraphs]
    assert got == [
        ("Căn cứ", True, False, None, None),
        ("Điều 1. nội dung", False, False, None, None),
        ("Chương I", True, False, 2, None),
        ("KẾ HOẠCH", True, False, None, "center"),
        ("thường", False, False, 2, None),
        ("(ghi chú)", False, True, None, None),
        ("Mục", False, False, 3, "justify"),
    ]


def test_footnote_marks_and_offsets(tmp_path):
    notes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="5"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Nghị định 30.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>Ghi chú hai.</w:t></w:r></w:p></w:footnote>'
    )
    body = (
        '<w:p><w:r><w:t>Căn cứ Nghị định</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r>'
        '<w:r><w:t xml:space="preserve"> và hướng dẫn</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r></w:p>'
    )
    doc = _parse(make_docx(tmp_path / "f.docx", body, footnotes=notes))
    (para,) = doc.paragraphs
    assert para.text == "Căn cứ Nghị định và hướng dẫn"
    assert [(r.footnote_id, r.offset) for r in para.footnote_refs] == [("1", 16), ("2", 29)]
    assert [(f.id, f.text, f.ref_block) for f in doc.footnotes] == [("1", "Nghị định 30.", 0), ("2", "Ghi chú hai.", 0)]


def test_custom_footnote_mark_takes_no_number_and_is_not_note_text(tmp_path):
    # Word: a custom mark ("(*)") is typed after the reference and again at the
    # head of the note; it does not take a number, so the next note is 1
    notes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>(*)</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> Ghi chú riêng.</w:t></w:r></w:p></w:footnote>'
        '<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Nghị định 30.</w:t></w:r></w:p></w:footnote>'
    )
    body = (
        '<w:p><w:r><w:t>Căn cứ</w:t></w:r><w:r><w:footnoteReference w:customMarkFollows="1" w:id="1"/></w:r>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>(*)</w:t></w:r>'
        '<w:r><w:t xml:space="preserve"> Nghị định</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    )
    doc = _parse(make_docx(tmp_path / "c.docx", body, footnotes=notes))
    (para,) = doc.paragraphs
    assert para.text == "Căn cứ Nghị định"
    assert [(r.footnote_id, r.offset) for r in para.footnote_refs] == [("(*)", 6), ("1", 16)]
    assert [(f.id, f.text) for f in doc.footnotes] == [("(*)", "Ghi chú riêng."), ("1", "Nghị định 30.")]


# --------------------------------------------------------------------------
# Bad files
# --------------------------------------------------------------------------


def _reason(path: Path) -> str:
    with pytest.raises(DocumentError) as err:
        parse(path)
    msg = str(err.value)
    assert "\n" not in msg and path.name in msg
    return err.value.reason


def _reason_direct(path: Path) -> str:
    with pytest.raises(DocumentError) as err:
        docx_parser.parse(path, source_info(path, "docx"))
    return err.value.reason


def test_corrupt_zip(tmp_path):
    good = make_docx(tmp_path / "g.docx", p("x"))
    bad = tmp_path / "truncated.docx"
    bad.write_bytes(good.read_bytes()[:60])
    assert "corrupt" in _reason(bad)


def test_empty_file(tmp_path):
    f = tmp_path / "empty.docx"
    f.write_bytes(b"")
    assert "empty" in _reason(f)


def test_zip_bomb_refused_before_inflating(tmp_path):
    f = tmp_path / "bomb.docx"
    with zipfile.ZipFile(f, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<" + b" " * (60 * 1024 * 1024) + b"/>")
    assert f.stat().st_size < 1024 * 1024
    reason = _reason(f)
    assert "zip bomb" in reason and "word/document.xml" in reason


def test_total_uncompressed_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(docx_parser, "MAX_UNCOMPRESSED_BYTES", 1000)
    f = make_docx(tmp_path / "big.docx", p("x" * 2000))
    assert "uncompressed" in _reason_direct(f)


def test_not_a_word_document(tmp_path):
    f = tmp_path / "sheet.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "Excel" in _reason(f)
    g = tmp_path / "plain.docx"
    with zipfile.ZipFile(g, "w") as z:
        z.writestr("hello.txt", "hi")
    assert "not an Office document" in _reason(g)


def test_missing_document_part(tmp_path):
    f = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(f, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/styles.xml", "<w:styles/>")
    assert "word/document.xml" in _reason(f)


def test_wrong_content_pdf_named_docx(tmp_path):
    f = tmp_path / "fake.docx"
    f.write_bytes(b"%PDF-1.4\n" + b"x" * 100)
    assert "PDF" in _reason(f)


def test_encrypted_ole_package(tmp_path):
    f = tmp_path / "locked.docx"
    f.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512)
    assert "encrypted" in _reason_direct(f)


def test_malformed_xml(tmp_path):
    f = make_docx(tmp_path / "m.docx", "<w:p><w:r><w:t>unclosed</w:r></w:p>")
    reason = _reason(f)
    assert "XML" in reason or "malformed" in reason


def test_legacy_font_runs_converted(tmp_path):
    from core.legacy_encoding import from_unicode

    tcvn3 = from_unicode("Sở Y tế tỉnh Kon Tum", "tcvn3")
    vni = from_unicode("Phòng Tổ chức", "vni")
    assert tcvn3 != "Sở Y tế tỉnh Kon Tum" and vni != "Phòng Tổ chức"
    body = (
        p(tcvn3, "", '<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>')
        + p(vni, "", '<w:rFonts w:ascii="VNI-Times" w:hAnsi="VNI-Times"/>')
        + p("Unicode vẫn giữ nguyên")
    )
    doc = _parse(make_docx(tmp_path / "legacy.docx", body))
    assert [x.text for x in doc.paragraphs] == ["Sở Y tế tỉnh Kon Tum", "Phòng Tổ chức", "Unicode vẫn giữ nguyên"]
    assert doc.source.encoding == "tcvn3+vni"
