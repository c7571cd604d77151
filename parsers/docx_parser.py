"""Word ``.docx`` → ``Document``.

The package is opened with python-docx (part navigation, content-type check);
the WordprocessingML is then read directly with lxml, because python-docx's
convenience views lose what extraction needs:

* blocks in body order: ``w:p`` and ``w:tbl`` interleaved, content controls
  (``w:sdt``) and custom XML unwrapped, text boxes (``w:txbxContent``, one of
  ``mc:Choice``/``mc:Fallback`` only) as paragraphs right after their anchor;
* tables from the ``w:tc`` grid: ``gridSpan``, ``vMerge`` restart/continue,
  ``gridBefore``; ``Table.rows`` holds origin cells only (python-docx's
  ``row.cells`` repeats merged cells); nested tables go to ``Cell.tables``;
* paragraph style: heading level, whole-paragraph bold/italic (run → run style
  → paragraph style → defaults), alignment, automatic numbering computed from
  ``numbering.xml`` and written into the text ("1. ", "a) ", bullets "- ");
* footnotes/endnotes linked to their marks; section headers/footers as
  furniture;
* only text-bearing elements are read (``w:t``, ``w:tab``, ``w:br`` …), so
  drawing anchor numbers (``wp:posOffset``), field codes (``w:instrText``)
  and deleted text never leak into the text;
* runs in legacy Vietnamese fonts (TCVN3 ``.VnTime``, VNI ``VNI-Times``) are
  converted to Unicode.

The zip directory is checked before anything is decompressed (size and ratio
limits), so a zip bomb is refused without being inflated.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from lxml import etree

from core.errors import DocumentError
from core.model import (
    Block, Cell, Document, Footnote, FootnoteRef, Paragraph, ParagraphStyle, SourceInfo, Table,
    TableContinuation,
)
from core.normalize import normalize_text

# --------------------------------------------------------------------------
# Limits and namespaces
# --------------------------------------------------------------------------

MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024  # whole archive (pictures included), as declared in the zip directory
# XML (and .rels) parts: python-docx holds every part in memory and lxml builds each tree, about
# 13 MiB of RSS and 0.1 s of CPU per MiB of WordprocessingML on this machine (a real report's body
# repeated to 102 MiB of XML: 1.35 GiB peak, 9.6 s to parse, 4.2 million characters), so 128 MiB
# of XML stays under 2 GiB; more is refused before anything is inflated.
MAX_XML_BYTES = 128 * 1024 * 1024
MAX_RATIO = 200  # compression ratio allowed for a big member
RATIO_CHECK_MIN_BYTES = 10 * 1024 * 1024  # members smaller than this are not ratio-checked
MAX_MEMBERS = 10_000

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
RT_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
RT_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"
RT_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
RT_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"

_W = "{%s}" % W_NS


def _w(tag: str) -> str:
    return _W + tag


class _Tags(dict):
    """``WT["p"]`` → "{w-namespace}p", built once per name (hot loops)."""

    def __missing__(self, key: str) -> str:
        v = self[key] = _W + key
        return v


WT = _Tags()


# tags (Clark notation) used in the hot loops
P, TBL, TR, TC, R, T, SDT, SDT_CONTENT = (_w(t) for t in ("p", "tbl", "tr", "tc", "r", "t", "sdt", "sdtContent"))
PPR, RPR, TCPR, TRPR = WT["pPr"], WT["rPr"], WT["tcPr"], WT["trPr"]
TXBX = WT["txbxContent"]
ALT = "{%s}AlternateContent" % MC_NS
CHOICE, FALLBACK = "{%s}Choice" % MC_NS, "{%s}Fallback" % MC_NS
VAL = WT["val"]

# paragraph-level containers whose children are read as if they were the paragraph's
_INLINE_WRAPPERS = {_w(t) for t in ("hyperlink", "ins", "smartTag", "customXml", "fldSimple", "moveTo", "dir", "bdo")}
_SKIPPED_INLINE = {_w(t) for t in ("del", "moveFrom", "pPr", "proofErr", "bookmarkStart", "bookmarkEnd",
                                   "commentRangeStart", "commentRangeEnd", "permStart", "permEnd")}
# block-level containers to unwrap
_BLOCK_WRAPPERS = {WT["customXml"], WT["ins"], WT["moveTo"]}

_BOOL_FALSE = {"0", "false", "off", "none"}


def _on(el: etree._Element | None) -> bool | None:
    """A WordprocessingML on/off property: None when absent."""
    if el is None:
        return None
    v = el.get(VAL)
    return v is None or v.lower() not in _BOOL_FALSE


# --------------------------------------------------------------------------
# Package checks (before python-docx touches the file)
# --------------------------------------------------------------------------

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_package(path: Path) -> None:
    """Refuse files that are not a safe, readable Word package, with a reason."""
    with path.open("rb") as f:
        head = f.read(8)
        if head == _OLE_MAGIC:
            data = f.read(4 * 1024 * 1024)
            if "EncryptedPackage".encode("utf-16-le") in data:
                raise DocumentError(str(path), "encrypted (password-protected) Word document")
            raise DocumentError(str(path), "legacy Word 97-2003 (OLE) file with a .docx name; save it as .docx or .doc")
    if not head.startswith(b"PK"):
        raise DocumentError(str(path), "not a Word document (not a ZIP package)")
    try:
        zf = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise DocumentError(str(path), f"corrupt or truncated ZIP package ({exc})") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise DocumentError(str(path), f"too many parts in the package ({len(infos)})")
        total = 0
        for info in infos:
            total += info.file_size
            if info.flag_bits & 0x1:
                raise DocumentError(str(path), "encrypted ZIP package")
            if info.file_size >= RATIO_CHECK_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise DocumentError(
                    str(path),
                    f"refused as a possible zip bomb: part {info.filename} expands "
                    f"{info.file_size // max(info.compress_size, 1)}x to {info.file_size // (1024 * 1024)} MiB",
                )
        if total > MAX_UNCOMPRESSED_BYTES:
            raise DocumentError(
                str(path),
                f"too large: {total // (1024 * 1024)} MiB uncompressed "
                f"(the limit is {MAX_UNCOMPRESSED_BYTES // (1024 * 1024)} MiB)",
            )
        xml = sum(i.file_size for i in infos if i.filename.lower().endswith((".xml", ".rels")))
        if xml > MAX_XML_BYTES:
            raise DocumentError(
                str(path),
                f"too large: {xml / 2**20:.0f} MiB of XML (the limit is {MAX_XML_BYTES // (1024 * 1024)} MiB)",
            )
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names:
            raise DocumentError(str(path), "not an Office document (ZIP without [Content_Types].xml)")
        if "xl/workbook.xml" in names:
            raise DocumentError(str(path), "an Excel workbook, not a Word document")
        if "ppt/presentation.xml" in names:
            raise DocumentError(str(path), "a PowerPoint presentation, not a Word document")
        if not any(n.startswith("word/") and n.endswith(".xml") and "document" in n.rsplit("/", 1)[-1]
                   for n in names):
            raise DocumentError(str(path), "not a Word document (no word/document.xml)")


def _open(path: Path):
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(str(path))
    except PackageNotFoundError:
        raise DocumentError(str(path), "not a Word document (package not readable)") from None
    except KeyError as exc:
        raise DocumentError(str(path), f"broken Word package (missing part {exc})") from None
    except ValueError as exc:
        msg = str(exc)
        if "content type" in msg:
            raise DocumentError(str(path), "not a Word document (" + msg.split(",")[-1].strip() + ")") from None
        raise DocumentError(str(path), f"broken Word package ({msg})") from None
    except etree.XMLSyntaxError as exc:
        raise DocumentError(str(path), f"malformed XML in the Word package ({exc})") from None
    except zipfile.BadZipFile as exc:
        raise DocumentError(str(path), f"corrupt ZIP package ({exc})") from None


def _node_text(el: etree._Element) -> str:
    """The text of a ``w:t``: its own text and what follows each node inside
    it (an unresolved entity reference or a comment is left out, the text
    after it kept)."""
    return (el.text or "") + "".join(c.tail or "" for c in el)


_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_blank_text=False)


def _part_xml(part) -> etree._Element | None:
    el = getattr(part, "element", None)
    if el is not None:
        return el
    blob = getattr(part, "blob", None)
    if not blob:
        return None
    try:
        return etree.fromstring(blob, _XML_PARSER)
    except etree.XMLSyntaxError:
        return None


def _related(part, reltype: str):
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


# --------------------------------------------------------------------------
# Styles
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _StyleProps:
    name: str | None = None
    bold: bool | None = None
    italic: bool | None = None
    font: str | None = None
    align: str | None = None
    outline: int | None = None  # 0-based outline level
    num_id: str | None = None
    ilvl: int | None = None


_ALIGN = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
          "both": "justify", "distribute": "justify", "justify": "justify"}


_B, _I, _RFONTS, _ASCII, _HANSI = WT["b"], WT["i"], WT["rFonts"], WT["ascii"], WT["hAnsi"]
_R_STYLE, _R_VANISH = WT["rStyle"], WT["vanish"]
_R_TAB, _R_PTAB, _R_BR, _R_CR = WT["tab"], WT["ptab"], WT["br"], WT["cr"]
_R_NOBREAK_HYPHEN, _R_SYM, _R_CHAR = WT["noBreakHyphen"], WT["sym"], WT["char"]
_R_FOOTNOTE_REF, _R_ENDNOTE_REF, _R_CUSTOM_MARK = WT["footnoteReference"], WT["endnoteReference"], WT["customMarkFollows"]
_R_DRAWING, _R_PICT = WT["drawing"], WT["pict"]
_UNSET = object()  # a run property the run does not set


def _rpr_props(rpr: etree._Element | None, out: _StyleProps) -> None:
    if rpr is None:
        return
    for child in rpr:
        tag = child.tag
        if tag == _B:
            out.bold = _on(child)
        elif tag == _I:
            out.italic = _on(child)
        elif tag == _RFONTS:
            name = child.get(_ASCII) or child.get(_HANSI)
            if name:
                out.font = name


def _ppr_props(ppr: etree._Element | None, out: _StyleProps) -> None:
    if ppr is None:
        return
    jc = ppr.find(WT["jc"])
    if jc is not None and jc.get(VAL) in _ALIGN:
        out.align = _ALIGN[jc.get(VAL)]
    ol = ppr.find(WT["outlineLvl"])
    if ol is not None and (ol.get(VAL) or "").isdigit():
        out.outline = int(ol.get(VAL))
    num = ppr.find(WT["numPr"])
    if num is not None:
        nid = num.find(WT["numId"])
        if nid is not None:
            out.num_id = nid.get(VAL)
        lvl = num.find(WT["ilvl"])
        if lvl is not None and (lvl.get(VAL) or "").isdigit():
            out.ilvl = int(lvl.get(VAL))


class _Styles:
    """Style lookup with ``basedOn`` inheritance resolved (memoised)."""

    def __init__(self, root: etree._Element | None):
        self._raw: dict[str, etree._Element] = {}
        self._resolved: dict[str, _StyleProps] = {}
        self.defaults = _StyleProps()
        self.default_para: str | None = None
        if root is None:
            return
        dd = root.find(WT["docDefaults"])
        if dd is not None:
            _rpr_props(dd.find(f"{_w('rPrDefault')}/{RPR}"), self.defaults)
            _ppr_props(dd.find(f"{_w('pPrDefault')}/{PPR}"), self.defaults)
        for st in root.iterchildren(WT["style"]):
            sid = st.get(WT["styleId"])
            if sid:
                self._raw[sid] = st
                if st.get(WT["type"]) == "paragraph" and st.get(WT["default"]) in ("1", "true", "on"):
                    self.default_para = sid

    def get(self, sid: str | None, _depth: int = 0) -> _StyleProps:
        if not sid or sid not in self._raw or _depth > 20:
            return self.defaults if _depth == 0 or not sid else _StyleProps()
        hit = self._resolved.get(sid)
        if hit is not None:
            return hit
        st = self._raw[sid]
        based = st.find(WT["basedOn"])
        base = self.get(based.get(VAL), _depth + 1) if based is not None else self.defaults
        props = _StyleProps(None, base.bold, base.italic, base.font, base.align, base.outline, base.num_id, base.ilvl)
        name_el = st.find(WT["name"])
        props.name = name_el.get(VAL) if name_el is not None else sid
        _rpr_props(st.find(RPR), props)
        _ppr_props(st.find(PPR), props)
        self._resolved[sid] = props
        return props


# --------------------------------------------------------------------------
# Numbering
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # lvlRestart: restart after this (1-based) level; 0 = never
    legal: bool = False


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = []
    for v, s in vals:
        while n >= v:
            out.append(s)
            n -= v
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    if n <= 0:
        return str(n)
    k, r = divmod(n - 1, 26)
    return chr(ord("a") + r) * (k + 1)


def format_number(n: int, fmt: str) -> str:
    """A list counter in one of WordprocessingML's number formats."""
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class _Numbering:
    """Counters per list instance (``numId``) and level, with restarts."""

    def __init__(self, root: etree._Element | None):
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for an in root.iterchildren(WT["abstractNum"]):
            self.abstract[an.get(WT["abstractNumId"], "")] = {
                lvl.ilvl: lvl.level for lvl in (self._read_lvl(x) for x in an.iterchildren(WT["lvl"]))
            }
        for num in root.iterchildren(WT["num"]):
            aid = num.find(WT["abstractNumId"])
            overrides: dict[int, _Level] = {}
            for ov in num.iterchildren(WT["lvlOverride"]):
                il = int(ov.get(WT["ilvl"], "0") or 0)
                lvl_el = ov.find(WT["lvl"])
                base = self.abstract.get(aid.get(VAL) if aid is not None else "", {}).get(il, _Level())
                lvl = self._read_lvl(lvl_el).level if lvl_el is not None else _Level(
                    base.start, base.fmt, base.text, base.restart, base.legal)
                so = ov.find(WT["startOverride"])
                if so is not None and (so.get(VAL) or "").lstrip("-").isdigit():
                    lvl.start = int(so.get(VAL))
                overrides[il] = lvl
            self.nums[num.get(WT["numId"], "")] = (aid.get(VAL) if aid is not None else "", overrides)

    @dataclass(slots=True)
    class _Read:
        ilvl: int
        level: _Level

    @classmethod
    def _read_lvl(cls, el: etree._Element) -> "_Numbering._Read":
        lvl = _Level()
        start = el.find(WT["start"])
        if start is not None and (start.get(VAL) or "").lstrip("-").isdigit():
            lvl.start = int(start.get(VAL))
        fmt = el.find(WT["numFmt"])
        if fmt is not None and fmt.get(VAL):
            lvl.fmt = fmt.get(VAL)
        text = el.find(WT["lvlText"])
        if text is not None:
            lvl.text = text.get(VAL) or ""
        rs = el.find(WT["lvlRestart"])
        if rs is not None and (rs.get(VAL) or "").isdigit():
            lvl.restart = int(rs.get(VAL))
        lvl.legal = bool(_on(el.find(WT["isLgl"])))
        return cls._Read(int(el.get(WT["ilvl"], "0") or 0), lvl)

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        entry = self.nums.get(num_id)
        if entry is None:
            return None
        aid, overrides = entry
        if ilvl in overrides:
            return overrides[ilvl]
        return self.abstract.get(aid, {}).get(ilvl)

    def next_label(self, num_id: str | None, ilvl: int | None) -> tuple[str, bool] | None:
        """Advance the counter and return (label, is_bullet); None if no list."""
        if not num_id or num_id == "0":
            return None
        ilvl = ilvl or 0
        lvl = self._level(num_id, ilvl)
        if lvl is None:
            return None
        ctr = self.counters.setdefault(num_id, {})
        ctr[ilvl] = ctr.get(ilvl, lvl.start - 1) + 1
        for deeper in [k for k in ctr if k > ilvl]:
            dl = self._level(num_id, deeper)
            if dl is None or dl.restart != 0:
                del ctr[deeper]
        if lvl.fmt == "bullet":
            return ("-", True)
        if lvl.fmt == "none" and "%" not in lvl.text:
            return (lvl.text.strip(), False) if lvl.text.strip() else None

        def subst(k: int) -> str:
            kl = self._level(num_id, k) or _Level()
            n = ctr.get(k, kl.start)
            return format_number(n, "decimal" if (lvl.legal and k < ilvl) else kl.fmt)

        out: list[str] = []
        s = lvl.text
        i = 0
        while i < len(s):
            if s[i] == "%" and i + 1 < len(s) and s[i + 1].isdigit():
                out.append(subst(int(s[i + 1]) - 1))
                i += 2
            else:
                out.append(s[i])
                i += 1
        label = "".join(out).strip()
        return (label, False) if label else None


# --------------------------------------------------------------------------
# Legacy fonts
# --------------------------------------------------------------------------


def legacy_encoding_of_font(font: str | None) -> tuple[str, bool] | None:
    """The legacy Vietnamese encoding a font name implies and whether the font
    is capitals-only: ".VnTime" → ("tcvn3", False), ".VnTimeH" → ("tcvn3",
    True), "VNI-Times" → ("vni", False); None for a Unicode font."""
    if not font:
        return None
    try:
        from core.legacy_encoding import legacy_font_encoding  # helper H1
    except ImportError:  # pragma: no cover - until core/legacy_encoding.py lands
        name = font.strip()
        if name.startswith(".Vn"):
            return "tcvn3", name.endswith("H")
        if name.upper().startswith(("VNI-", "VNI ")):
            return "vni", False
        return None
    return legacy_font_encoding(font)


def _legacy_converter() -> Callable[..., str] | None:
    """``core.legacy_encoding.to_unicode(text, encoding, upper=)`` (helper H1)."""
    try:
        from core.legacy_encoding import to_unicode
    except ImportError:  # pragma: no cover
        return None
    return to_unicode


# --------------------------------------------------------------------------
# Paragraph reading
# --------------------------------------------------------------------------


@dataclass(slots=True)
class _Piece:
    text: str
    bold: bool
    italic: bool
    visible: bool  # counts for whole-paragraph bold/italic


@dataclass(slots=True)
class _ParaRead:
    pieces: list[_Piece] = field(default_factory=list)
    refs: list[tuple[str, int]] = field(default_factory=list)  # (note key, pieces before the mark)
    boxes: list[etree._Element] = field(default_factory=list)  # w:txbxContent anchored here
    length: int = 0
    custom_mark: bool = False

    def add(self, text: str, bold: bool, italic: bool, visible: bool = True) -> None:
        if text:
            self.pieces.append(_Piece(text, bold, italic, visible))
            self.length += len(text)


class _Reader:
    """Reads one package's paragraphs and tables into the model."""

    def __init__(self, styles: _Styles, numbering: _Numbering, path: str):
        self.styles = styles
        self.numbering = numbering
        self.path = path
        self.note_marks: dict[str, str] = {}  # "f12" / "e3" -> mark as written
        self.note_order: list[str] = []
        self.custom_notes: set[str] = set()  # keys whose mark is typed after the reference
        self._fn_count = 0
        self._en_count = 0
        self.converter = _legacy_converter()
        self.legacy_used: set[str] = set()
        self.legacy_unconverted = False
        self._fonts: dict[str | None, tuple[str, bool] | None] = {}

    # ---- blocks ---------------------------------------------------------

    def blocks(self, container: etree._Element, nested: bool = False) -> list[Block]:
        out: list[Block] = []
        for child in self._block_children(container):
            tag = child.tag
            if tag == P:
                para, boxes = self.paragraph(child)
                if para is not None:
                    out.append(para)
                for box in boxes:
                    out.extend(self.blocks(box, nested))
            elif tag == TBL:
                t = self.table(child, nested)
                if t is not None:
                    out.append(t)
        return out

    def _block_children(self, container: etree._Element) -> Iterator[etree._Element]:
        for child in container:
            tag = child.tag
            if tag in (P, TBL):
                yield child
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    yield from self._block_children(content)
            elif tag in _BLOCK_WRAPPERS:
                yield from self._block_children(child)
            elif tag == ALT:
                branch = _alt_branch(child)
                if branch is not None:
                    yield from self._block_children(branch)

    # ---- paragraphs -----------------------------------------------------

    def paragraph(self, p: etree._Element) -> tuple[Paragraph | None, list[etree._Element]]:
        ppr = p.find(PPR)
        pstyle_id = None
        own = _StyleProps()
        if ppr is not None:
            ps = ppr.find(WT["pStyle"])
            pstyle_id = ps.get(VAL) if ps is not None else None
            _ppr_props(ppr, own)
        sp = self.styles.get(pstyle_id or self.styles.default_para)
        read = _ParaRead()
        self._inline(p, read, sp)
        raw = _normalized_text(read)

        num_id = own.num_id if own.num_id is not None else sp.num_id
        ilvl = own.ilvl if own.ilvl is not None else sp.ilvl
        label = None
        bullet = False
        if num_id:  # Word shows the label even on an empty list paragraph
            got = self.numbering.next_label(num_id, ilvl)
            if got is not None:
                label, bullet = got
        text, refs = _finish(raw, read.refs)
        if not text and label is None:
            return None, read.boxes
        style = ParagraphStyle(style_name=sp.name if pstyle_id else None)
        style.align = own.align or sp.align
        style.heading_level = _heading_level(sp.name if pstyle_id else None,
                                             own.outline if own.outline is not None else sp.outline)
        vis = [pc for pc in read.pieces if pc.visible and pc.text.strip()]
        style.bold = bool(vis) and all(pc.bold for pc in vis)
        style.italic = bool(vis) and all(pc.italic for pc in vis)
        if label is not None:
            prefix = "- " if bullet else label + " "
            style.numbering = None if bullet else label
            style.list_level = ilvl or 0
            text = (prefix + text).strip()
            refs = [(k, off + len(prefix)) for k, off in refs]
        para = Paragraph(text=text, style=style,
                         footnote_refs=[FootnoteRef(self.note_marks.get(k, k), off) for k, off in refs])
        return para, read.boxes

    def _inline(self, el: etree._Element, read: _ParaRead, sp: _StyleProps) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, read, sp)
            elif tag in _INLINE_WRAPPERS:
                self._inline(child, read, sp)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, read, sp)
            elif tag == ALT:
                branch = _alt_branch(child)
                if branch is not None:
                    self._inline(branch, read, sp)
            elif tag == "{%s}oMath" % M_NS or tag == "{%s}oMathPara" % M_NS:
                read.add("".join(_node_text(t) for t in child.iter("{%s}t" % M_NS)), False, False)
            # w:del, w:moveFrom, bookmarks, proofing marks, pPr: nothing to read

    def _run(self, r: etree._Element, read: _ParaRead, sp: _StyleProps) -> None:
        # the hottest loop of the parser: one pass over the run's properties, the
        # tags compared with module constants (see _R_* above)
        bold, italic, font = sp.bold, sp.italic, sp.font
        rpr = r.find(RPR)
        if rpr is not None:
            rstyle = vanish = None
            own_bold = own_italic = own_font = _UNSET
            for child in rpr:
                tag = child.tag
                if tag == _B:
                    own_bold = _on(child)
                elif tag == _I:
                    own_italic = _on(child)
                elif tag == _RFONTS:
                    name = child.get(_ASCII) or child.get(_HANSI)
                    if name:
                        own_font = name
                elif tag == _R_STYLE:
                    if rstyle is None:
                        rstyle = child
                elif tag == _R_VANISH:
                    if vanish is None:
                        vanish = child
            if rstyle is not None:
                cs = self.styles.get(rstyle.get(VAL))
                if cs is not self.styles.defaults:
                    if cs.bold is not None:
                        bold = cs.bold
                    if cs.italic is not None:
                        italic = cs.italic
                    if cs.font:
                        font = cs.font
            if own_bold is not _UNSET:
                bold = own_bold
            if own_italic is not _UNSET:
                italic = own_italic
            if own_font is not _UNSET:
                font = own_font
            if vanish is not None and _on(vanish):
                return
        bold, italic = bool(bold), bool(italic)
        enc = self._fonts[font] if font in self._fonts else self._legacy_of(font)
        for child in r:
            tag = child.tag
            if tag == T:
                txt = _node_text(child)
                if read.custom_mark and read.refs:
                    # the run after a custom-mark reference holds the mark itself
                    key = read.refs[-1][0]
                    self.note_marks[key] = normalize_text(txt).strip() or self.note_marks.get(key, key)
                    read.custom_mark = False
                    continue
                if enc:
                    txt = self._convert_legacy(txt, enc)
                read.add(txt, bold, italic)  # normalised per paragraph (_normalized_text)
            elif tag == RPR:
                continue
            elif tag == _R_TAB or tag == _R_PTAB:
                read.add("\t", bold, italic, visible=False)
            elif tag == _R_BR or tag == _R_CR:
                read.add("\n", bold, italic, visible=False)
            elif tag == _R_NOBREAK_HYPHEN:
                read.add("-", bold, italic)
            elif tag == _R_SYM:
                ch = child.get(_R_CHAR) or ""
                try:
                    code = int(ch, 16)
                except ValueError:
                    continue
                if code < 0xE000 or code > 0xF8FF:  # private-use symbol-font glyphs carry no text
                    read.add(chr(code), bold, italic)
            elif tag == _R_FOOTNOTE_REF or tag == _R_ENDNOTE_REF:
                custom = _on(child.find(_R_CUSTOM_MARK)) or \
                    child.get(_R_CUSTOM_MARK) in ("1", "true", "on")
                key = self._note_key(child, tag == _R_FOOTNOTE_REF, custom)
                if key:
                    read.refs.append((key, len(read.pieces)))  # piece count; offset set later
                    if custom:
                        read.custom_mark = True
            elif tag == _R_DRAWING or tag == _R_PICT or tag == ALT:
                read.boxes.extend(_text_boxes(child))
            # w:instrText, w:delText, w:fldChar, w:footnoteRef, w:object …: no text

    def _legacy_of(self, font: str | None) -> tuple[str, bool] | None:
        if font not in self._fonts:
            self._fonts[font] = legacy_encoding_of_font(font)
        return self._fonts[font]

    def _note_key(self, el: etree._Element, foot: bool, custom: bool = False) -> str | None:
        nid = el.get(WT["id"])
        if nid is None:
            return None
        key = ("f" if foot else "e") + nid
        if key not in self.note_marks:
            if custom:  # a custom mark does not take a number (ECMA-376 customMarkFollows)
                self.custom_notes.add(key)
                self.note_marks[key] = "*"  # replaced by the mark typed in the next run
            elif foot:
                self._fn_count += 1
                self.note_marks[key] = str(self._fn_count)
            else:
                self._en_count += 1
                self.note_marks[key] = _roman(self._en_count)
            self.note_order.append(key)
        return key

    def _convert_legacy(self, txt: str, legacy: tuple[str, bool]) -> str:
        enc, upper = legacy
        if self.converter is None:
            self.legacy_unconverted = True
            return txt
        try:
            out = self.converter(txt, enc, upper=upper)
        except TimeoutError:  # the machine was busy: redo the document, never keep the garbled text silently
            raise
        except Exception:  # noqa: BLE001 - a converter failure must not lose the text
            self.legacy_unconverted = True
            return txt
        self.legacy_used.add(enc)
        return out

    # ---- tables ---------------------------------------------------------

    def table(self, tbl: etree._Element, nested: bool) -> Table | None:
        grid = tbl.find(WT["tblGrid"])
        n_grid = len(grid.findall(WT["gridCol"])) if grid is not None else 0
        rows: list[list[Cell]] = []
        # origin cell covering each column in the previous row (for vMerge continue)
        above: dict[int, Cell] = {}
        width = 0
        header_rows = 0
        header_run = True
        page_starts: list[int] = []  # rows forced to a new page (the table runs on over a page break)
        for r_idx, tr in enumerate(_rows(tbl)):
            trpr = tr.find(TRPR)
            col = 0
            if trpr is not None:
                gb = trpr.find(WT["gridBefore"])
                if gb is not None and (gb.get(VAL) or "").isdigit():
                    col = int(gb.get(VAL))
                if header_run and _on(trpr.find(WT["tblHeader"])):
                    header_rows += 1
                else:
                    header_run = False
            else:
                header_run = False
            row_cells: list[Cell] = []
            now: dict[int, Cell] = {}
            for tc in _cells(tr):
                tcpr = tc.find(TCPR)
                span = 1
                vmerge = None
                hmerge = None
                if tcpr is not None:
                    gs = tcpr.find(WT["gridSpan"])
                    if gs is not None and (gs.get(VAL) or "").isdigit():
                        span = max(1, int(gs.get(VAL)))
                    vm = tcpr.find(WT["vMerge"])
                    if vm is not None:
                        vmerge = vm.get(VAL) or "continue"
                    hm = tcpr.find(WT["hMerge"])
                    if hm is not None:
                        hmerge = hm.get(VAL) or "continue"
                if hmerge == "continue" and row_cells and row_cells[-1].col + row_cells[-1].col_span == col:
                    prev = row_cells[-1]
                    prev.col_span += span
                    for k in range(col, col + span):
                        now[k] = prev
                    col += span
                    continue
                if vmerge == "continue" and col in above and above[col].col == col:
                    origin = above[col]
                    if origin.row + origin.row_span == r_idx:
                        origin.row_span += 1
                    extra = self._cell_content(tc)
                    if extra[0]:
                        origin.paragraphs.extend(extra[0])
                        origin.text = "\n".join(p.text for p in origin.paragraphs)
                    for k in range(col, col + max(span, origin.col_span)):
                        now[k] = origin
                    col += max(span, origin.col_span) if origin.col_span > span else span
                    continue
                paras, tables, refs = self._cell_content(tc)
                cell = Cell(row=r_idx, col=col, text="\n".join(p.text for p in paras), col_span=span,
                            paragraphs=paras, tables=tables, footnote_refs=refs)
                vis = [p for p in paras if p.text.strip()]
                cell.bold = bool(vis) and all(p.style.bold for p in vis)
                row_cells.append(cell)
                for k in range(col, col + span):
                    now[k] = cell
                col += span
            width = max(width, col)
            rows.append(row_cells)
            above = now
            if r_idx > 0 and _row_starts_page(tr):
                page_starts.append(r_idx)
        if not rows:
            return None
        n_cols = max(n_grid, width)
        return Table(rows=rows, n_cols=n_cols, header_rows=header_rows, nested=nested,
                     continuations=[TableContinuation(first_row=r) for r in page_starts])

    def _cell_content(self, tc: etree._Element) -> tuple[list[Paragraph], list[Table], list[FootnoteRef]]:
        paras: list[Paragraph] = []
        tables: list[Table] = []
        for b in self.blocks(tc, nested=True):
            if isinstance(b, Paragraph):
                paras.append(b)
            else:
                b.nested = True
                tables.append(b)
        refs: list[FootnoteRef] = []
        off = 0
        for p in paras:
            refs.extend(FootnoteRef(r.footnote_id, r.offset + off) for r in p.footnote_refs)
            off += len(p.text) + 1
        return paras, tables, refs

    # ---- notes, furniture -----------------------------------------------

    def notes(self, root: etree._Element | None, foot: bool) -> list[Footnote]:
        if root is None:
            return []
        tag = WT["footnote"] if foot else WT["endnote"]
        prefix = "f" if foot else "e"
        by_key: dict[str, Footnote] = {}
        for note in root.iterchildren(tag):
            if note.get(WT["type"]) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            key = prefix + (note.get(WT["id"]) or "")
            if key not in self.note_marks:
                continue  # never referenced from the body
            texts = [b.text for b in self.blocks(note) if isinstance(b, Paragraph)]
            mark = self.note_marks[key]
            if key in self.custom_notes and texts and texts[0].startswith(mark):
                texts[0] = texts[0][len(mark):].lstrip()  # the custom mark typed in the note
            by_key[key] = Footnote(id=self.note_marks[key], text="\n".join(texts))
        return [by_key[k] for k in self.note_order if k in by_key]

    def furniture(self, doc_part, body: etree._Element) -> list[Paragraph]:
        out: list[Paragraph] = []
        seen: set[str] = set()
        sects = list(body.iter(WT["sectPr"]))
        for sect in sects:
            for ref in sect:
                if ref.tag not in (WT["headerReference"], WT["footerReference"]):
                    continue
                rid = ref.get("{%s}id" % R_NS)
                if not rid or rid in seen or rid not in doc_part.rels:
                    continue
                seen.add(rid)
                rel = doc_part.rels[rid]
                if rel.is_external:
                    continue
                root = _part_xml(rel.target_part)
                if root is None:
                    continue
                role = "page_header" if ref.tag == WT["headerReference"] else "page_footer"
                for b in self.blocks(root):
                    for p in _flatten(b):
                        p.role = role
                        out.append(p)
        return out


def _flatten(b: Block) -> Iterator[Paragraph]:
    if isinstance(b, Paragraph):
        yield b
        return
    for row in b.rows:
        for cell in row:
            yield from cell.paragraphs
            for t in cell.tables:
                yield from _flatten(t)


def _row_starts_page(tr: etree._Element) -> bool:
    """A row whose first paragraph starts a new page (``pageBreakBefore`` or a
    page break before any text)."""
    for tc in _cells(tr):
        p = tc.find(P)
        if p is None:
            continue
        ppr = p.find(PPR)
        if ppr is not None and _on(ppr.find(WT["pageBreakBefore"])):
            return True
        for el in p.iter(T, WT["br"]):
            if el.tag == T and (el.text or "").strip():
                break
            if el.tag == WT["br"] and el.get(WT["type"]) == "page":
                return True
    return False


def _children_tagged(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children of ``el`` with ``tag``, looking through content controls and
    custom-XML wrappers (a row or cell may sit inside either)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children_tagged(content, tag)
        elif child.tag in _BLOCK_WRAPPERS:
            yield from _children_tagged(child, tag)


def _rows(tbl: etree._Element) -> Iterator[etree._Element]:
    return _children_tagged(tbl, TR)


def _cells(tr: etree._Element) -> Iterator[etree._Element]:
    return _children_tagged(tr, TC)


def _alt_branch(alt: etree._Element) -> etree._Element | None:
    """One branch of ``mc:AlternateContent``: the first Choice, else Fallback."""
    choice = alt.find(CHOICE)
    if choice is not None:
        return choice
    return alt.find(FALLBACK)


def _text_boxes(el: etree._Element) -> list[etree._Element]:
    """Outermost ``w:txbxContent`` under a drawing/picture, reading only one
    branch of every ``mc:AlternateContent`` (Choice and Fallback hold the same
    text box twice)."""
    out: list[etree._Element] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            tag = child.tag
            if tag == TXBX:
                out.append(child)
            elif tag == ALT:
                branch = _alt_branch(child)
                if branch is not None:
                    walk(branch)
            elif isinstance(tag, str):
                walk(child)

    if el.tag == ALT:
        branch = _alt_branch(el)
        if branch is not None:
            walk(branch)
    else:
        walk(el)
    return out


def _normalized_text(read: _ParaRead) -> str:
    """The paragraph's text through ``normalize_text``, once for the whole
    paragraph when that keeps every offset; else piece by piece. Turns
    ``read.refs`` from piece counts into character offsets."""
    raw = "".join(pc.text for pc in read.pieces)
    text = normalize_text(raw)
    if len(text) != len(raw):
        for pc in read.pieces:
            pc.text = normalize_text(pc.text)
        text = "".join(pc.text for pc in read.pieces)
    if read.refs:
        ends = [0]
        for pc in read.pieces:
            ends.append(ends[-1] + len(pc.text))
        read.refs = [(k, min(ends[n], len(text))) for k, n in read.refs]
    return text


def _finish(raw: str, refs: list[tuple[str, int]]) -> tuple[str, list[tuple[str, int]]]:
    """Strip the paragraph text and shift mark offsets to match."""
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    out = [(k, min(max(off - lead, 0), len(text))) for k, off in refs]
    return text, out


def _heading_level(style_name: str | None, outline: int | None) -> int | None:
    if style_name:
        n = style_name.strip().lower()
        if n == "title":
            return 1
        if n.startswith("heading "):
            tail = n[len("heading "):].strip()
            if tail.isdigit() and 1 <= int(tail) <= 9:
                return int(tail)
    if outline is not None and 0 <= outline < 9:
        return outline + 1
    return None


# --------------------------------------------------------------------------
# Table stitching
# --------------------------------------------------------------------------


def _stitch(blocks: list[Block]) -> list[Block]:
    """Join a table split in two (repeated header) into one logical table:
    helper H1's ``core.tables.stitch_tables`` when present."""
    try:
        from core.tables import stitch_tables  # type: ignore[import-not-found]
    except ImportError:
        return _stitch_local(blocks)
    return stitch_tables(blocks)


def _row_key(row: list[Cell]) -> tuple:
    return tuple((c.col, c.col_span, " ".join(c.text.split())) for c in row)


def _stitch_local(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if isinstance(b, Table) and isinstance(prev, Table) and prev.n_cols == b.n_cols and prev.rows:
            k = max(prev.header_rows, 1)
            if len(b.rows) > k and len(prev.rows) > k and \
                    all(_row_key(prev.rows[i]) == _row_key(b.rows[i]) and any(c.text.strip() for c in prev.rows[i])
                        for i in range(k)):
                base = len(prev.rows)
                for r_cells in b.rows[k:]:
                    new_r = len(prev.rows)
                    for c in r_cells:
                        c.row = new_r
                    prev.rows.append(r_cells)
                prev.continuations.append(TableContinuation(first_row=base, page=b.page, dropped_header_rows=k))
                continue
        out.append(b)
    return out


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def _app_pages(docx_doc) -> int | None:
    try:
        pkg = docx_doc.part.package
        for part in pkg.iter_parts():
            if str(part.partname).endswith("/docProps/app.xml"):
                root = etree.fromstring(part.blob, _XML_PARSER)
                for el in root.iter():
                    if isinstance(el.tag, str) and el.tag.endswith("}Pages") and (el.text or "").strip().isdigit():
                        return int(el.text.strip()) or None
    except Exception:  # noqa: BLE001 - the page count is a hint only
        return None
    return None


def parse(path: Path, source: SourceInfo) -> Document:
    """Parse a ``.docx`` file into the document model (raises ``DocumentError``)."""
    path = Path(path)
    check_package(path)
    d = _open(path)
    part = d.part
    body = d.element.body
    if body is None:
        raise DocumentError(str(path), "Word document without a body")
    styles_part = _related(part, RT_STYLES)
    num_part = _related(part, RT_NUMBERING)
    reader = _Reader(_Styles(_part_xml(styles_part) if styles_part is not None else None),
                     _Numbering(_part_xml(num_part) if num_part is not None else None), str(path))
    blocks = reader.blocks(body)
    fn_part = _related(part, RT_FOOTNOTES)
    en_part = _related(part, RT_ENDNOTES)
    footnotes = reader.notes(_part_xml(fn_part) if fn_part is not None else None, foot=True)
    footnotes += reader.notes(_part_xml(en_part) if en_part is not None else None, foot=False)
    furniture = reader.furniture(part, body)
    blocks = _stitch(blocks)
    if source.pages is None:
        source.pages = _app_pages(d)
    if reader.legacy_used:
        source.encoding = "+".join(sorted(reader.legacy_used))
    elif source.encoding is None:
        source.encoding = "unicode"
    doc = Document(source=source, blocks=blocks, footnotes=footnotes, furniture=furniture)
    doc.reindex()
    _link_notes(doc)
    if reader.legacy_unconverted:
        from core.model import Warning as ModelWarning

        doc.warnings.append(ModelWarning("legacy_font", "text in a legacy Vietnamese font (TCVN3/VNI) was left unconverted"))
    return doc


def _link_notes(doc: Document) -> None:
    by_id = {f.id: f for f in doc.footnotes}
    for b in doc.blocks:
        refs: Iterable[FootnoteRef]
        if isinstance(b, Paragraph):
            refs = b.footnote_refs
        else:
            refs = [r for row in b.rows for c in row for r in c.footnote_refs]
        for r in refs:
            f = by_id.get(r.footnote_id)
            if f is not None and f.ref_block is None:
                f.ref_block = b.index
