"""Header and references on unseen documents (issue 11, sixth session): shapes of the misses read on the
dev5 split, each tested with text written for this file (no text copied from a gold file or a corpus
document), in varied wording."""

from __future__ import annotations

from pathlib import Path

import parsers
from header_helpers import MOTTO, header_of, refs_of


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- a converter's page marker ("----- [Trang 2] -----") is page furniture, never glued to a line ---------

def test_a_decorated_page_marker_is_furniture_and_opens_a_page(tmp_path):
    for first, second in (("----- [Trang 1] -----", "----- [Trang 2] -----"), ("=== Page 1 ===", "=== Page 2 ==="),
                          ("[TRANG 1]", "[TRANG 2]"), ("-- Trang 1/2 --", "-- Trang 2/2 --")):
        text = (f"{first}\n\nSỞ NÔNG NGHIỆP TỈNH AN LẠC\n\nSố: 45/SNN-KH\n\n{MOTTO[0]}\n{MOTTO[1]}\n\n"
                "Tân Phú, ngày 3 tháng 5 năm 2031\n\nKính gửi: Các phòng chuyên môn.\n\n"
                "Sở đề nghị các phòng rà soát danh mục giống cây trồng và gửi kết quả về\n\n"
                f"{second}\n\nVăn phòng Sở trước ngày 20/5/2031.\n")
        doc = parsers.parse(_write(tmp_path, "m.txt", text))
        texts = [p.text for p in doc.paragraphs]
        assert texts[0] == "SỞ NÔNG NGHIỆP TỈNH AN LẠC", first
        assert not any("Trang" in t or "Page" in t or "TRANG" in t for t in texts), first
        assert [f.text for f in doc.furniture] == [first, second]
        assert texts[-1].endswith("gửi kết quả về Văn phòng Sở trước ngày 20/5/2031."), first  # runs on over the page
        assert doc.source.pages == 2, first
        h = header_of(*texts)
        assert h.issuer == "Sở Nông nghiệp tỉnh An Lạc", first


def test_a_line_that_only_mentions_a_page_stays_text(tmp_path):
    text = "Xem bảng tổng hợp tại Trang 4 của phụ lục.\n\n[Trang tin điện tử của Sở]\n"
    doc = parsers.parse(_write(tmp_path, "n.txt", text))
    assert [p.text for p in doc.paragraphs] == ["Xem bảng tổng hợp tại Trang 4 của phụ lục.",
                                                "[Trang tin điện tử của Sở]"]
    assert doc.furniture == []
