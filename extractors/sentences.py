"""Sentences of Vietnamese administrative prose, and a spaCy view of them.

``sentence_spans(text)`` cuts at ". ! ?" followed by a capital letter (or an
opening quote / list label), but never inside

* a citation: "số 33/CT-TTg. Chỉ thị" is cut, "số 33/CT-TTg." at the end is the
  end; "TP. Hồ Chí Minh", "TT. Tỉnh ủy", "v.v. các", "Q. Giám đốc", "KT. GIÁM ĐỐC";
* a number label: "1. Phòng Nội vụ …", "2.1. …" (a label only opens a sentence);
* a decimal or a date: "2,5 điểm", "15.10.2020".

``split_sentences(text)`` returns the spans through a blank spaCy pipeline
(``nlp()``, built once) whose sentence boundaries are set from the same rules,
and whose ``SpanRuler`` marks units (head-word patterns plus any names added
with ``add_unit_patterns``) — the pipeline behind ``vanban show``.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from core.textutil import RX_TIMEOUT

# abbreviations that end in a dot without ending the sentence
_NO_BREAK_BEFORE = regex.compile(
    r"(?:^|[\s(])(?:TP|TT|Tp|TX|Q|KT|TM|TL|TUQ|ThS|TS|BS|PGS|GS|CN|Th\.S|St|v\.v|vv|Ths|Bs|Đ/c|đ/c|ĐC|Ô|Bà|Ông"
    r"|[A-ZĐ])\.$",
    regex.V1,
)
_BOUNDARY = regex.compile(r"(?<=[.!?…])(?:[)\]”\"»'])?\s+(?=[\p{Lu}\d“\"(\-–•+])", regex.V1)
_LABEL_ONLY = regex.compile(r"(?:^|\s)(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])\.$", regex.V1)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (see module doc)."""
    if not text:
        return []
    cuts = [0]
    for m in _BOUNDARY.finditer(text, timeout=RX_TIMEOUT):
        before = text[max(0, m.start() - 12):m.start()]
        if _NO_BREAK_BEFORE.search(before, timeout=RX_TIMEOUT):
            continue
        if _LABEL_ONLY.search(text[max(0, m.start() - 12):m.start()], timeout=RX_TIMEOUT) and _only_label(text, cuts[-1], m.start()):
            continue
        # a number after the dot continues a number or date ("Điều 3. 2" is rare; "15. 10" is not a sentence)
        nxt = text[m.end():m.end() + 1]
        if nxt.isdigit() and not regex.match(r"\d{1,2}(?:\.\d{1,2})*[.)]\s", text[m.end():m.end() + 8], timeout=RX_TIMEOUT):
            continue
        cuts.append(m.end())
    spans = []
    for i, s in enumerate(cuts):
        e = cuts[i + 1] if i + 1 < len(cuts) else len(text)
        seg = text[s:e]
        e2 = s + len(seg.rstrip())
        if e2 > s:
            spans.append((s, e2))
    return spans


def _only_label(text: str, start: int, dot_end: int) -> bool:
    """The text of the would-be sentence is nothing but a list label ("1.", "II.")."""
    return bool(regex.fullmatch(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])\.", text[start:dot_end],
                                timeout=RX_TIMEOUT))


# --------------------------------------------------------------------------
# spaCy
# --------------------------------------------------------------------------

_UNIT_HEAD_PATTERNS = [
    "Phòng", "Ban", "Sở", "Khoa", "Trạm", "Trung tâm", "UBND", "Ủy ban", "Uỷ ban", "Công đoàn", "Đoàn thanh niên",
    "Chi đoàn", "Tổ", "Đảng ủy", "Đảng bộ", "Chi bộ", "Hội", "Bộ", "Cục", "Chi cục", "Văn phòng", "Thanh tra",
    "Bệnh viện", "HĐND", "Hội đồng", "TTYT", "TYT", "Cấp ủy",
]


@lru_cache(maxsize=1)
def nlp():
    """The blank multilingual spaCy pipeline (built once): punctuation split
    by the default prefix/suffix/infix rules, sentence boundaries from
    ``sentence_spans``, a ``SpanRuler`` for units into ``doc.spans["units"]``."""
    import spacy
    from spacy.language import Language

    if "vanban_sentences" not in Language.factories:
        @Language.component("vanban_sentences")
        def _set_sentences(doc):  # noqa: ANN001 - spaCy component signature
            starts = {s for s, _ in sentence_spans(doc.text)}
            for tok in doc:
                tok.is_sent_start = tok.i == 0 or tok.idx in starts or (
                    tok.idx > 0 and any(tok.idx > s >= tok.idx - 1 for s in starts) and False)
            return doc

    n = spacy.blank("xx")
    n.add_pipe("vanban_sentences")
    ruler = n.add_pipe("span_ruler", config={"spans_key": "units", "overwrite": False})
    pats = []
    for head in _UNIT_HEAD_PATTERNS:
        words = head.split()
        pats.append({"label": "UNIT", "pattern": [{"TEXT": w} for w in words[:-1]] + [
            {"TEXT": words[-1]}, {"IS_TITLE": True, "OP": "+"}]})
        pats.append({"label": "UNIT", "pattern": [{"TEXT": w} for w in words] + [{"IS_UPPER": True, "OP": "+"}]})
    pats.append({"label": "UNIT", "pattern": [{"LOWER": "các"}, {"LOWER": {"IN": ["đơn", "cơ", "khoa", "phòng", "xã"]}},
                                              {"LOWER": {"IN": ["vị", "quan"]}, "OP": "?"}]})
    ruler.add_patterns(pats)
    return n


def add_unit_patterns(names: list[str]) -> None:
    """Add exact unit names (a document's registry) to the span ruler."""
    ruler = nlp().get_pipe("span_ruler")
    ruler.add_patterns([{"label": "UNIT", "pattern": n} for n in names if n])


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans through the spaCy pipeline (same boundaries as ``sentence_spans``)."""
    if not text.strip():
        return []
    doc = nlp()(text)
    out = []
    for s in doc.sents:
        e = s.end_char
        while e > s.start_char and text[e - 1].isspace():
            e -= 1
        if e > s.start_char:
            out.append((s.start_char, e))
    return out
