"""``vanban show FILE --out review.html``: what was found, marked in the text.

A reviewer opens the page in a browser and checks each finding against the
source.  One section per place in the document that holds something found —
a body paragraph, or a table row (its cells joined by " │ ") — headed with
its location (block, page, table, row) and rendered by spaCy's displaCy with
labelled spans:

* ``TASK`` — the sentence or cell an obligation was read from (span style only);
* ``UNIT:lead`` / ``UNIT:support`` / ``UNIT:responsible`` / ``UNIT:monitor`` —
  the units as written;
* ``DEADLINE``, ``RECUR``, ``REPORT_TO``, ``REF`` (a cited document, numbered
  or not).

Under each section a short list gives what the extractors made of it
(canonical unit names, ISO due date, RRULE, reference id), and units that are
not written in the text (inherited from a heading or the recipients) are named
there as *implied*.  ``--style ent`` draws non-overlapping entity boxes instead
of stacked span underlines (``TASK`` is left out there).

Public functions: ``collect_sections(doc, header, obligations, refs,
unnumbered) -> list[Section]``, ``render_html(doc, …) -> str``,
``review_file(path, style) -> str``; CLI ``add_arguments`` / ``run``.
"""

from __future__ import annotations

import html
import warnings as warnings_
from dataclasses import dataclass, field
from pathlib import Path

from core import regex_cached as regex

from core.model import (
    Document,
    DocumentHeader,
    Loc,
    Obligation,
    Reference,
    UnnumberedReference,
)
from core.textutil import RX_TIMEOUT
from extractors.header import extract_header
from extractors.obligations import extract_obligations
from extractors.references import extract_references
from extractors.sentences import nlp
from parsers import parse

CELL_SEP = " │ "

COLORS = {
    "TASK": "#e8e8e8",
    "UNIT:lead": "#7aecec",
    "UNIT:responsible": "#7aecec",
    "UNIT:support": "#bfeeb7",
    "UNIT:monitor": "#c887fb",
    "DEADLINE": "#feca74",
    "RECUR": "#ffeb80",
    "REPORT_TO": "#aa9cfc",
    "REF": "#ff9561",
}

# --------------------------------------------------------------------------
# Sections: the text of one paragraph or table row, and what lies on it
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Section:
    """One place in the document: its text, labelled char spans, and notes."""

    title: str  # location, e.g. "block 12 · page 3 · table 0 · row 4"
    text: str
    order: tuple[int, int]  # (block, row) for reading order
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, start: int, end: int, label: str) -> None:
        if 0 <= start < end <= len(self.text) and (start, end, label) not in self.spans:
            self.spans.append((start, end, label))


@dataclass(slots=True)
class _Place:
    section: Section
    base: int  # offset of the cell's text in the section text (0 for a paragraph)
    length: int  # length of the cell's / paragraph's text


def _where(page: int | None, block: int | None, table: int | None = None, row: int | None = None) -> str:
    parts = [f"block {block}"]
    if page is not None:
        parts.append(f"page {page}")
    if table is not None:
        parts.append(f"table {table}")
    if row is not None:
        parts.append(f"row {row}")
    return " · ".join(parts)


class _Index:
    """Every paragraph and table row of a document as a (lazy) section, and
    the place of each paragraph / cell inside them."""

    def __init__(self, doc: Document) -> None:
        self.sections: dict[tuple, Section] = {}
        self.places: dict[tuple, _Place] = {}
        self.unplaced = Section("not located in the text", "", (10 ** 9, 0))
        rows: dict[tuple, list] = {}
        for unit in doc.text_units():
            loc = unit.loc
            if unit.cell is None:
                sec = Section(_where(loc.page, loc.block), unit.text, (loc.block or 0, -1))
                self.sections[("p", loc.block)] = sec
                self.places[("p", loc.block)] = _Place(sec, 0, len(unit.text))
            else:
                rows.setdefault((loc.block, loc.table, loc.row), []).append(unit)
        for (block, table, row), units in rows.items():
            parts: list[str] = []
            pos = 0
            cells = []
            for u in units:
                if parts:
                    parts.append(CELL_SEP)
                    pos += len(CELL_SEP)
                cells.append((u, pos))
                parts.append(u.text)
                pos += len(u.text)
            page = units[0].loc.page
            sec = Section(_where(page, block, table, row), "".join(parts), (block or 0, row or 0))
            self.sections[("r", block, table, row)] = sec
            for u, off in cells:
                self.places[("c", block, table, row, u.loc.col)] = _Place(sec, off, len(u.text))

    def place(self, loc: Loc | None) -> _Place | None:
        if loc is None or loc.block is None:
            return None
        if loc.table is not None and loc.row is not None:
            p = self.places.get(("c", loc.block, loc.table, loc.row, loc.col))
            if p is None:  # a row without the column: the whole row
                sec = self.sections.get(("r", loc.block, loc.table, loc.row))
                return _Place(sec, 0, len(sec.text)) if sec else None
            return p
        return self.places.get(("p", loc.block))

    def used(self) -> list[Section]:
        out = [s for s in self.sections.values() if s.spans or s.notes]
        out.sort(key=lambda s: s.order)
        if self.unplaced.notes:
            out.append(self.unplaced)
        return out


def _hint(place: _Place, loc: Loc) -> tuple[int, int]:
    """Range of the section text that ``loc`` points at."""
    s = place.base + (loc.start or 0)
    e = place.base + (loc.end if loc.end is not None else place.length)
    return max(0, min(s, len(place.section.text))), max(0, min(e, len(place.section.text)))


def _search(text: str, needle: str | None, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """``needle`` in ``text[lo:hi]``, white space and case not minded."""
    if not needle:
        return None
    words = needle.split()
    if not words:
        return None
    pat = r"\s+".join(regex.escape(w) for w in words)
    m = regex.compile(pat, regex.IGNORECASE | regex.V1).search(
        text, lo, len(text) if hi is None else hi, timeout=RX_TIMEOUT)
    return (m.start(), m.end()) if m else None


def _locate(place: _Place, loc: Loc, needle: str | None) -> tuple[int, int] | None:
    """Where ``needle`` stands: the range ``loc`` gives when it reads the
    needle, else the needle searched in that range, then in the section."""
    text = place.section.text
    s, e = _hint(place, loc)
    if needle is None:
        return (s, e) if e > s else None
    if " ".join(text[s:e].split()).casefold() == " ".join(needle.split()).casefold():
        return s, e
    return _search(text, needle, s, e) or _search(text, needle)


def _fmt_deadline(ob: Obligation) -> str | None:
    d = ob.deadline
    if d is None:
        return None
    extra = f", {d.kind}" + (", year inferred" if d.inferred_year else "")
    return f"deadline {d.date or '?'} ({d.text}{extra})"


def _obligation_note(ob: Obligation) -> str:
    units = ", ".join(
        f"{u.name} ({u.role}{', implied' if getattr(u, 'implied', False) else ''})" for u in ob.units) or "no unit"
    parts = [f"obligation: {ob.action[:160]}{'…' if len(ob.action) > 160 else ''}", f"units: {units}"]
    dl = _fmt_deadline(ob)
    if dl:
        parts.append(dl)
    if ob.recurrence is not None:
        parts.append(f"recurrence {ob.recurrence.rrule or '?'} ({ob.recurrence.text})")
    if ob.report_to:
        parts.append(f"report to {ob.report_to}")
    return " — ".join(parts)


def collect_sections(
    doc: Document,
    obligations: list[Obligation],
    refs: list[Reference] = (),  # type: ignore[assignment]
    unnumbered: list[UnnumberedReference] = (),  # type: ignore[assignment]
) -> list[Section]:
    """The sections of ``doc`` that hold something found, in reading order."""
    idx = _Index(doc)
    for ob in obligations:
        place = idx.place(ob.loc)
        if place is None:
            idx.unplaced.notes.append(_obligation_note(ob))
            continue
        sec = place.section
        task = _locate(place, ob.loc, None) if ob.loc else None
        if task:
            sec.add(*task, "TASK")
        sec.notes.append(_obligation_note(ob))
        for u in ob.units:
            if getattr(u, "implied", False):
                continue
            uplace = idx.place(u.loc) or place
            at = _locate(uplace, u.loc or ob.loc, u.raw)
            if at:
                uplace.section.add(*at, f"UNIT:{u.role}")
            elif uplace.section is not sec and (at := _search(sec.text, u.raw)):
                sec.add(*at, f"UNIT:{u.role}")
        for item, label, needle in ((ob.deadline, "DEADLINE", ob.deadline.text if ob.deadline else None),
                                    (ob.recurrence, "RECUR", ob.recurrence.text if ob.recurrence else None)):
            if item is None:
                continue
            iloc = item.loc or ob.loc
            iplace = idx.place(iloc) or place
            at = _locate(iplace, iloc, needle) if iloc else _search(sec.text, needle)
            if at:
                iplace.section.add(*at, label)
        if ob.report_to:
            at = None
            if task:
                at = _search(sec.text, ob.report_to, *task)
            at = at or _search(sec.text, ob.report_to)
            if at:
                sec.add(*at, "REPORT_TO")
    for r in refs:
        for m in r.mentions:
            place = idx.place(m.loc)
            at = _locate(place, m.loc, m.text) if place else None
            if place is None or at is None:
                idx.unplaced.notes.append(f"REF {r.id}: {m.text}")
                continue
            place.section.add(*at, "REF")
            note = f"REF {r.id} ({r.relation}" + (f", {r.date}" if r.date else "") + ")"
            if note not in place.section.notes:
                place.section.notes.append(note)
    for u in unnumbered:
        for m in u.mentions:
            place = idx.place(m.loc)
            at = _locate(place, m.loc, m.text) if place else None
            if place is None or at is None:
                continue
            place.section.add(*at, "REF")
            note = f"REF (unnumbered) {u.text}"
            if note not in place.section.notes:
                place.section.notes.append(note)
    return idx.used()


# --------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------


_PIECE = regex.compile(r"\S+|\s+", regex.V1)


def _words_doc(text: str):
    """A spaCy ``Doc`` of ``text`` cut at white space only, so that displaCy's
    span view (which joins tokens with one space) reads as written
    ("96/KH-UBND", not "96 /KH - UBND"); ``doc.text == text``."""
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    for m in _PIECE.finditer(text, timeout=RX_TIMEOUT):
        w = m.group(0)
        if not w[0].isspace():
            words.append(w)
            spaces.append(False)
            continue
        if words and not words[-1][0].isspace() and w[0] == " ":
            spaces[-1] = True
            w = w[1:]
        if w:
            words.append(w)
            spaces.append(False)
    return Doc(nlp().vocab, words=words, spaces=spaces)


def _spacy_doc(section: Section, style: str):
    from spacy.util import filter_spans

    sdoc = _words_doc(section.text)
    spans = []
    for s, e, label in sorted(section.spans, key=lambda x: (x[0], -x[1])):
        sp = sdoc.char_span(s, e, label=label, alignment_mode="expand")
        if sp is not None and len(sp):
            spans.append(sp)
    if style == "ent":
        sdoc.ents = filter_spans([sp for sp in spans if sp.label_ != "TASK"])
    else:
        sdoc.spans["sc"] = spans
    sdoc.user_data["title"] = section.title
    return sdoc


_PAGE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 1.5em 3em; color: #222; }}
section {{ border-top: 1px solid #ccc; margin-top: 1.2em; }}
h2 {{ font-size: 1em; color: #555; margin: .8em 0 .2em; }}
ul.found {{ font-size: .9em; color: #333; margin: .2em 0 .6em; }}
table.meta td {{ padding: 0 1em 0 0; vertical-align: top; }}
</style>
</head>
<body>
<h1>{title}</h1>
{meta}
{body}
</body>
</html>
"""


def _meta_table(doc: Document, header: DocumentHeader, counts: dict[str, int], warnings: list[str]) -> str:
    rows = [
        ("file", doc.source.path), ("format", doc.source.format),
        ("document", " ".join(x for x in (header.type, header.id) if x) or "?"),
        ("issuer", header.issuer or "?"), ("date", header.date or header.date_partial or "?"),
        ("subject", header.subject or "?"),
    ] + [(k, str(v)) for k, v in counts.items()] + [("warning", w) for w in warnings]
    cells = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in rows)
    return f'<table class="meta">{cells}</table>'


def render_html(doc: Document, header: DocumentHeader, obligations: list[Obligation],
                refs: list[Reference], unnumbered: list[UnnumberedReference],
                style: str = "span", warnings: list[str] | None = None) -> str:
    """The whole review page for one document."""
    from spacy import displacy

    sections = collect_sections(doc, obligations, refs, unnumbered)
    labels = sorted({lab for s in sections for _a, _b, lab in s.spans})
    colors = {lab: COLORS.get(lab, "#ddd") for lab in labels}
    parts = []
    for sec in sections:
        markup = ""
        if sec.text:
            sdoc = _spacy_doc(sec, style)
            opts = {"colors": colors} if style == "ent" else {"colors": colors, "spans_key": "sc"}
            sdoc.user_data.pop("title", None)
            with warnings_.catch_warnings():  # W006: a section whose only finding is a TASK has no entities
                warnings_.simplefilter("ignore", UserWarning)
                markup = displacy.render(sdoc, style=style, page=False, jupyter=False, options=opts)
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in sec.notes)
        parts.append(f"<section><h2>{html.escape(sec.title)}</h2>\n{markup}\n"
                     + (f'<ul class="found">{notes}</ul>' if notes else "") + "</section>")
    counts = {
        "obligations": len(obligations),
        "with deadline": sum(1 for o in obligations if o.deadline),
        "with recurrence": sum(1 for o in obligations if o.recurrence),
        "references": len(refs),
        "sections shown": len(sections),
    }
    title = f"vanban review — {Path(doc.source.path).name}"
    return _PAGE.format(title=html.escape(title), meta=_meta_table(doc, header, counts, warnings or []),
                        body="\n".join(parts) or "<p>Nothing found.</p>")


def review_file(path: str | Path, style: str = "span") -> str:
    """Parse ``path``, run the extractors, return the review page.
    Raises ``DocumentError`` when the file cannot be read."""
    doc = parse(path)
    warnings: list[str] = []

    def guarded(name, fn, fallback):
        try:
            return fn()
        except Exception as exc:  # an extractor bug must not hide the rest of the view
            warnings.append(f"{name} failed: {type(exc).__name__}: {exc}")
            return fallback

    header = guarded("header", lambda: extract_header(doc), DocumentHeader())
    refs, unnumbered = guarded("references", lambda: extract_references(doc, header), ([], []))
    obligations, _units = guarded("obligations", lambda: extract_obligations(doc, header), ([], []))
    return render_html(doc, header, obligations, refs, unnumbered, style=style, warnings=warnings)
