"""The one model module of vanban.

Two families of types live here:

* the **document model** that every parser produces (``Document`` made of
  ``Paragraph`` and ``Table`` blocks, ``Cell``s, ``Footnote``s and page
  furniture), each item carrying where it stands in the source;
* the **records** that extractors return (``DocumentHeader``, ``Reference``,
  ``Obligation``, ``Criterion`` …), each with a ``Loc`` pointing back into the
  document model so a person can check it.

Everything is a plain typed dataclass; ``core.serialize`` turns records
into the JSON of CONTRACT.md.  Nothing in this module does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal, Union

# --------------------------------------------------------------------------
# Location
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Loc:
    """Where something stands in the source document.

    ``page`` is 1-based and only set where the format knows pages (PDF, or a
    text file with form feeds / page markers).  ``block`` is the index of the
    paragraph or table in ``Document.blocks``.  ``table``/``row``/``col``
    address a table cell (``table`` is the index among the document's tables).
    ``footnote`` is the index in ``Document.footnotes`` of a footnote the thing
    stands in (``block`` is then the block holding the footnote's mark).
    ``start``/``end`` are character offsets in the text of that block, of that
    cell when the location is in a table, or of the footnote when ``footnote``
    is set.
    """

    page: int | None = None
    block: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    start: int | None = None
    end: int | None = None
    footnote: int | None = None

    def span(self, start: int, end: int) -> "Loc":
        """The same place narrowed to ``text[start:end]`` (offsets relative to
        this location's own start when it already has one)."""
        base = self.start or 0
        # the constructor, not ``dataclasses.replace`` (which inspects the
        # fields on every call: a few percent of extraction, called per match)
        return Loc(self.page, self.block, self.table, self.row, self.col, base + start, base + end, self.footnote)


# --------------------------------------------------------------------------
# Document model (what parsers produce)
# --------------------------------------------------------------------------

ParagraphRole = Literal["body", "page_header", "page_footer"]


@dataclass(slots=True)
class ParagraphStyle:
    """Presentation facts that carry meaning for extraction."""

    heading_level: int | None = None  # 1 = top heading; None = body text
    bold: bool = False  # the whole paragraph (ignoring spaces) is bold
    italic: bool = False
    numbering: str | None = None  # automatic list label materialised, e.g. "1.", "a)"
    list_level: int | None = None  # 0-based list indent level, when numbered
    align: str | None = None  # "left" | "center" | "right" | "justify"
    style_name: str | None = None  # the source's own style name, when known


@dataclass(slots=True)
class FootnoteRef:
    """A footnote mark inside a paragraph or cell: ``offset`` is where the mark
    stands in the text (the mark itself is not part of the text)."""

    footnote_id: str
    offset: int


@dataclass(slots=True)
class Paragraph:
    text: str
    index: int = -1  # block index in Document.blocks (set by Document.reindex)
    page: int | None = None
    style: ParagraphStyle = field(default_factory=ParagraphStyle)
    role: ParagraphRole = "body"
    footnote_refs: list[FootnoteRef] = field(default_factory=list)

    kind: Literal["paragraph"] = "paragraph"

    @property
    def loc(self) -> Loc:
        return Loc(page=self.page, block=self.index, start=0, end=len(self.text))


@dataclass(slots=True)
class Cell:
    """One origin cell of a table: the cell as written, spanning
    ``row_span`` × ``col_span`` grid positions from (``row``, ``col``).

    ``text`` joins the cell's paragraphs with "\\n"; ``paragraphs`` keeps them
    (with their style) for extractors that care about bold or line structure.
    """

    row: int
    col: int
    text: str
    row_span: int = 1
    col_span: int = 1
    bold: bool = False  # all non-blank text in the cell is bold
    paragraphs: list[Paragraph] = field(default_factory=list)
    tables: list["Table"] = field(default_factory=list)  # nested tables
    footnote_refs: list[FootnoteRef] = field(default_factory=list)


@dataclass(slots=True)
class TableContinuation:
    """A table stitched from pieces: where each continuation starts.

    ``first_row`` is the row index in the stitched table where the piece's
    first kept row landed; ``page`` the page it came from (when known);
    ``dropped_header_rows`` how many repeated header rows were removed.
    """

    first_row: int
    page: int | None = None
    dropped_header_rows: int = 0
    joined_row: bool = False  # the piece's first row was the rest of the row before (broken across the page)


@dataclass(slots=True)
class Table:
    """A table as rows of origin cells (no repeated covered cells)."""

    rows: list[list[Cell]]
    n_cols: int
    index: int = -1  # block index in Document.blocks
    table_index: int = -1  # index among the document's tables
    page: int | None = None  # page of the first row
    header_rows: int = 0  # how many leading rows form the header
    continuations: list[TableContinuation] = field(default_factory=list)
    nested: bool = False

    kind: Literal["table"] = "table"

    @property
    def n_rows(self) -> int:
        return len(self.rows)

    def grid(self) -> list[list[Cell | None]]:
        """The full n_rows × n_cols grid; a spanned position holds the same
        origin ``Cell`` object; a position no cell covers holds ``None``."""
        out: list[list[Cell | None]] = [[None] * self.n_cols for _ in self.rows]
        for r_cells in self.rows:
            for c in r_cells:
                for r in range(c.row, min(c.row + c.row_span, len(out))):
                    for k in range(c.col, min(c.col + c.col_span, self.n_cols)):
                        out[r][k] = c
        return out

    def text_grid(self) -> list[list[str]]:
        """Cell text at each cell's origin position, "" at covered positions."""
        out = [[""] * self.n_cols for _ in self.rows]
        for r_cells in self.rows:
            for c in r_cells:
                if c.row < len(out) and c.col < self.n_cols:
                    out[c.row][c.col] = c.text
        return out

    def cell_at(self, row: int, col: int) -> Cell | None:
        return self.grid()[row][col]

    def cell_loc(self, cell: Cell) -> Loc:
        return Loc(
            page=self.page, block=self.index, table=self.table_index,
            row=cell.row, col=cell.col, start=0, end=len(cell.text),
        )


Block = Union[Paragraph, Table]


@dataclass(slots=True)
class Footnote:
    id: str  # the mark as written ("1", "*", "(3)")
    text: str
    page: int | None = None
    ref_block: int | None = None  # block holding the mark, when linked


@dataclass(slots=True)
class PageInfo:
    """How the text of one page was obtained."""

    number: int
    method: Literal["text", "ocr", "none"] = "text"
    confidence: float | None = None  # 0..1 (OCR mean confidence, or text-layer quality)
    note: str | None = None


@dataclass(slots=True)
class SourceInfo:
    path: str
    sha256: str
    format: str  # "docx" | "pdf" | "doc" | "txt" | "md"
    pages: int | None = None
    size_bytes: int | None = None
    encoding: str | None = None  # "unicode", or the legacy encoding the text was converted from


@dataclass(slots=True)
class TextUnit:
    """One piece of running text: a body paragraph or one table cell."""

    text: str
    loc: Loc
    block: Block
    cell: Cell | None = None


@dataclass(slots=True)
class Document:
    source: SourceInfo
    blocks: list[Block] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    furniture: list[Paragraph] = field(default_factory=list)  # page headers/footers, page numbers
    pages: list[PageInfo] = field(default_factory=list)
    warnings: list["Warning"] = field(default_factory=list)

    def reindex(self) -> "Document":
        """Number blocks and tables in order (parsers call this last)."""
        t = 0
        for i, b in enumerate(self.blocks):
            b.index = i
            if isinstance(b, Table):
                b.table_index = t
                t += 1
                for row in b.rows:
                    for cell in row:
                        for p in cell.paragraphs:
                            p.index = i
                            p.page = p.page if p.page is not None else b.page
        return self

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def text_units(self, *, nested: bool = True) -> Iterator[TextUnit]:
        """Every paragraph and every table cell, in reading order, with its
        ``Loc`` (offsets cover the whole text of the unit)."""
        for b in self.blocks:
            if isinstance(b, Paragraph):
                yield TextUnit(b.text, b.loc, b)
            else:
                yield from _table_units(b, nested)

    def plain_text(self) -> str:
        """Body text, paragraphs separated by blank lines, table rows as
        tab-separated lines; for search and diagnostics, not for offsets."""
        parts: list[str] = []
        for b in self.blocks:
            if isinstance(b, Paragraph):
                parts.append(b.text)
            else:
                parts.append("\n".join("\t".join(r) for r in b.text_grid()))
        return "\n\n".join(parts)


def _table_units(t: Table, nested: bool) -> Iterator[TextUnit]:
    for row in t.rows:
        for cell in row:
            yield TextUnit(cell.text, t.cell_loc(cell), t, cell)
            if nested:
                for inner in cell.tables:
                    yield from _table_units(inner, nested)


# --------------------------------------------------------------------------
# Records (what extractors return)
# --------------------------------------------------------------------------


@dataclass(slots=True)
class Warning:  # noqa: A001 - the contract's own word
    code: str
    message: str
    loc: Loc | None = None


@dataclass(slots=True)
class Signer:
    name: str | None = None
    title: str | None = None
    authority: str | None = None  # "TM" | "KT" | "TL" | "TUQ" | "Q"
    loc: Loc | None = None


@dataclass(slots=True)
class DocumentHeader:
    """The document's own identity, laid out per Nghị định 30/2020/NĐ-CP."""

    type: str | None = None
    type_code: str | None = None
    number: str | None = None
    symbol: str | None = None
    id: str | None = None
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    date: str | None = None  # ISO yyyy-mm-dd
    date_partial: str | None = None  # "yyyy-mm" or "yyyy" when only part is written (drafts)
    subject: str | None = None
    signer: Signer | None = None
    recipients: list[str] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    locs: dict[str, Loc] = field(default_factory=dict)  # field name -> where it was read


@dataclass(slots=True)
class Mention:
    text: str  # as written in the source
    loc: Loc


Relation = Literal["implements", "based_on", "cites"]


@dataclass(slots=True)
class Reference:
    """One distinct cited document, merged across its mentions."""

    id: str
    type: str | None = None
    type_code: str | None = None
    number: str | None = None
    year: str | None = None
    symbol: str | None = None
    date: str | None = None
    issuer: str | None = None
    title: str | None = None
    relation: Relation = "cites"
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class UnnumberedReference:
    """A cited document without number ("Luật Tiếp công dân năm 2013")."""

    text: str
    type: str | None = None
    year: str | None = None
    mentions: list[Mention] = field(default_factory=list)


UnitRole = Literal["lead", "support", "responsible", "monitor"]


@dataclass(slots=True)
class UnitMention:
    name: str  # canonical name
    raw: str  # as written
    role: UnitRole = "lead"
    loc: Loc | None = None
    implied: bool = False  # not written in the sentence: inherited from its heading or the recipients


@dataclass(slots=True)
class Deadline:
    date: str | None  # ISO date the task is due (last day of a month/quarter/year period)
    text: str  # as written: "trước ngày 10/11/2023"
    kind: str = "date"  # "date" | "month" | "quarter" | "year" | "relative"
    inferred_year: bool = False  # the year was not written and was taken from the document date
    loc: Loc | None = None


@dataclass(slots=True)
class Recurrence:
    text: str
    rrule: str | None = None  # RFC 5545 RRULE value, e.g. "FREQ=MONTHLY;INTERVAL=6"
    note: str | None = None  # e.g. report cut-off per Nghị định 09/2019/NĐ-CP
    loc: Loc | None = None


@dataclass(slots=True)
class Obligation:
    action: str
    units: list[UnitMention] = field(default_factory=list)
    deadline: Deadline | None = None
    recurrence: Recurrence | None = None
    report_to: str | None = None
    source_text: str = ""
    loc: Loc | None = None


@dataclass(slots=True)
class Unit:
    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Criterion:
    code: str | None
    title: str
    text: str = ""
    path: str | None = None
    max_points: float | None = None
    choose_one: bool = False
    units: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    children: list["Criterion"] = field(default_factory=list)
    loc: Loc | None = None


@dataclass(slots=True)
class CriteriaResult:
    criteria: list[Criterion] = field(default_factory=list)
    total: float | None = None
    warnings: list[Warning] = field(default_factory=list)
