"""Sentences of Vietnamese administrative prose, and a spaCy view of them.

``sentence_spans(text)`` cuts at ". ! ?" followed by a capital letter (or an
opening quote / list label), but never inside

* a citation: "số 33/CT-TTg. Chỉ thị" is cut, "số 33/CT-TTg." at the end is the
  end; "TP. Hồ Chí Minh", "TT. Tỉnh ủy", "v.v. các", "Q. Giám đốc", "KT. GIÁM ĐỐC";
* a number label: "1. Phòng Nội vụ …", "2.1. …" (a label only opens a sentence);
* a decimal or a date: "2,5 điểm", "15.10.2020".

``split_sentences(text)`` is what the extractors call: the same spans, with
blank text giving none.  ``nlp()`` is a blank spaCy pipeline (built once) whose
sentence boundaries are set from the same rules and whose ``SpanRuler`` marks
units (head-word patterns plus any names added with ``add_unit_patterns``), for
the review view and the baselines.  The extractors do not run it: spaCy's
tokenizer is quadratic on long runs of punctuation (50,000 commas) and an
open-ended ``IS_TITLE +`` pattern matches n²/2 spans on "Phòng " × n, while
``sentence_spans`` is linear in the text and gives the same cuts (a cut always
follows white space, so it always falls on a spaCy token start).
"""

from __future__ import annotations

from functools import lru_cache

from core import regex_cached as regex

from core.textutil import RX_TIMEOUT, rx_timeout

# abbreviations that end in a dot without ending the sentence
_NO_BREAK_BEFORE = regex.compile(
    r"(?:^|[\s(])(?:TP|TT|Tp|TX|Q|KT|TM|TL|TUQ|ThS|TS|BS|PGS|GS|CN|Th\.S|St|v\.v|vv|Ths|Bs|Đ/c|đ/c|ĐC|Ô|Bà|Ông"
    r"|[A-ZĐ])\.$",
    regex.V1,
)
# the label a list item or a field line may open with, as a pattern prefix: a bullet ("-", "+", "•"), a number
# ("2.", "1.2)", "3.1.4.") or a letter ("a)"); used by the field and card readers (deadlines, obligations)
ITEM_LABEL_PREFIX = r"^[ ]*(?:[-–+•*][ ]*|\d{1,2}(?:\.\d{1,2}){0,2}[.)][ ]*|[a-zđ]\)[ ]*)?"
_BOUNDARY = regex.compile(r"(?<=[.!?…])(?:[)\]”\"»'])?\s+(?=[\p{Lu}\d“\"(\-–•+])", regex.V1)
_LABEL_ONLY = regex.compile(r"(?:^|\s)(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])\.$", regex.V1)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (see module doc)."""
    if not text:
        return []
    cuts = [0]
    for m in _BOUNDARY.finditer(text, timeout=rx_timeout(text)):
        before = text[max(0, m.start() - 12):m.start()]
        if _NO_BREAK_BEFORE.search(before, timeout=rx_timeout(before)):
            continue
        if _LABEL_ONLY.search(before, timeout=rx_timeout(before)) and _only_label(text, cuts[-1], m.start()):
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


_ONLY_LABEL = regex.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6}|[a-zđ])\.", regex.V1)


def _only_label(text: str, start: int, dot_end: int) -> bool:
    """The text of the would-be sentence is nothing but a list label ("1.", "II.").  Matched in
    place: a slice of everything since the last cut, at every boundary skipped, was quadratic."""
    return bool(_ONLY_LABEL.fullmatch(text, start, dot_end, timeout=rx_timeout(text)))


# --------------------------------------------------------------------------
# spaCy
# --------------------------------------------------------------------------

_UNIT_HEAD_PATTERNS = [
    "Phòng", "Ban", "Sở", "Khoa", "Trạm", "Trung tâm", "UBND", "Ủy ban", "Uỷ ban", "Công đoàn", "Đoàn thanh niên",
    "Chi đoàn", "Tổ", "Đảng ủy", "Đảng bộ", "Chi bộ", "Hội", "Bộ", "Cục", "Chi cục", "Văn phòng", "Thanh tra",
    "Bệnh viện", "HĐND", "Hội đồng", "TTYT", "TYT", "Cấp ủy",
]


# at most this many name words after a head: an open "+" matches every (start, end) pair of a run
# of title-case words, n²/2 spans ("Phòng " × 5000 took minutes and gigabytes)
_NAME_WORDS = "{1,14}"


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
            # one array write: setting ``Token.is_sent_start`` token by token re-checks the
            # whole document's annotation each time (quadratic on a long paragraph)
            import numpy
            from spacy.attrs import SENT_START

            starts = {s for s, _ in sentence_spans(doc.text)}
            flags = numpy.array([[1 if tok.i == 0 or tok.idx in starts else -1] for tok in doc], dtype="int32")
            if len(doc):
                doc.from_array([SENT_START], flags.reshape(len(doc), 1).astype("uint64"))
            return doc

    n = spacy.blank("xx")
    n.tokenizer = _RunCappedTokenizer(n.tokenizer)
    n.add_pipe("vanban_sentences")
    ruler = n.add_pipe("span_ruler", config={"spans_key": "units", "overwrite": False})
    pats = []
    for head in _UNIT_HEAD_PATTERNS:
        words = head.split()
        pats.append({"label": "UNIT", "pattern": [{"TEXT": w} for w in words[:-1]] + [
            {"TEXT": words[-1]}, {"IS_TITLE": True, "OP": _NAME_WORDS}]})
        pats.append({"label": "UNIT", "pattern": [{"TEXT": w} for w in words] + [{"IS_UPPER": True, "OP": _NAME_WORDS}]})
    pats.append({"label": "UNIT", "pattern": [{"LOWER": "các"}, {"LOWER": {"IN": ["đơn", "cơ", "khoa", "phòng", "xã"]}},
                                              {"LOWER": {"IN": ["vị", "quan"]}, "OP": "?"}]})
    ruler.add_patterns(pats)
    return n


_RUN = 64  # characters of a run without white space that spaCy's tokenizer gets at once
_LONG_RUN = regex.compile(r"\S{%d}" % (_RUN + 1), regex.V1)


class _RunCappedTokenizer:
    """spaCy's tokenizer, fed runs without white space of at most ``_RUN`` characters.

    Its affix loop rescans the rest of a run for every prefix or suffix it strips, quadratic on
    long runs of punctuation (50,000 commas: minutes).  Text without such a run is tokenized as
    is; a longer run is cut into pieces of ``_RUN`` characters whose tokens are joined without
    space, so that ``doc.text`` is still the text."""

    def __init__(self, tokenizer):  # noqa: ANN001 - a spaCy Tokenizer
        self.tokenizer = tokenizer
        self.vocab = tokenizer.vocab

    def __call__(self, text: str):  # noqa: ANN204 - returns a spacy Doc
        if not _LONG_RUN.search(text, timeout=rx_timeout(text)):
            return self.tokenizer(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for m in regex.finditer(r"\S+|\s+", text, timeout=RX_TIMEOUT):
            piece = m.group(0)
            if piece[0].isspace():
                # white space after a word is its trailing space; the rest are space tokens, as spaCy makes
                if words and not spaces[-1] and not words[-1][0].isspace() and piece[0] == " ":
                    spaces[-1] = True
                    piece = piece[1:]
                if piece:
                    words.append(piece)
                    spaces.append(False)
                continue
            for i in range(0, len(piece), _RUN):
                for tok in self.tokenizer(piece[i:i + _RUN]):
                    words.append(tok.text)
                    spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts, batch_size: int = 1000):  # noqa: ANN001, ANN201
        for t in texts:
            yield self(t)


def add_unit_patterns(names: list[str]) -> None:
    """Add exact unit names (a document's registry) to the span ruler."""
    ruler = nlp().get_pipe("span_ruler")
    ruler.add_patterns([{"label": "UNIT", "pattern": n} for n in names if n])


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (those of ``sentence_spans``; none for blank text), in time linear in
    the text, without running spaCy (see module doc)."""
    if not text.strip():
        return []
    return sentence_spans(text)
