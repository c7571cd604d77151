"""Parsers: one module per input format, each turning a file into a ``Document``.

``parse(path)`` is the entry point: it checks the file (exists, not empty, not
huge, content matches the extension), fills ``SourceInfo`` and hands the file
to the format's parser.  Every parser module exposes
``parse(path: Path, source: SourceInfo) -> Document`` and raises
``DocumentError`` for input it cannot read.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from core.errors import DocumentError
from core.model import Document, SourceInfo

MAX_FILE_BYTES = 200 * 1024 * 1024  # larger files are refused, not loaded
# Text a document may hold, chosen from what this machine extracts (``bench/size_curve.py``):
# parse + extract is linear, about 4-10 s of CPU and 60 MiB of RSS per MB of ordinary or odd
# text (a seed repeated, one paragraph of task sentences, "Phòng " × n …), so 4 million
# characters (about 5 MB; the largest real document of the corpus holds 70,000) fits the
# per-document budget of ``pipeline.budget`` (120 s of CPU, 3 GiB).  Text made of nothing but
# citations costs up to 60 s per MB: past about 2 MB of it the budget stops the references step
# and the document is reported degraded.
MAX_TEXT_CHARS = 4_000_000
MAX_TEXT_FILE_BYTES = 2 * MAX_TEXT_CHARS  # a .txt/.md file past this is refused before it is read

# extension -> (format name, parser module)
FORMATS: dict[str, tuple[str, str]] = {
    ".docx": ("docx", "parsers.docx_parser"),
    ".pdf": ("pdf", "parsers.pdf_parser"),
    ".doc": ("doc", "parsers.doc_parser"),
    ".txt": ("txt", "parsers.text_parser"),
    ".md": ("md", "parsers.text_parser"),
}

_MAGIC = {
    "docx": (b"PK\x03\x04",),
    "pdf": (b"%PDF",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}


def supported(path: Path) -> bool:
    return path.suffix.lower() in FORMATS


def sniff_format(head: bytes) -> str | None:
    """The format the first bytes say, if they say one."""
    for fmt, magics in _MAGIC.items():
        if any(head.startswith(m) for m in magics):
            return fmt
    # a PDF may have junk before the header (allowed within the first 1024 bytes)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    return None


def source_info(path: Path, fmt: str) -> SourceInfo:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return SourceInfo(path=str(path), sha256=h.hexdigest(), format=fmt, size_bytes=path.stat().st_size)


def parse(path: str | Path) -> Document:
    """Parse one file into the document model, or raise ``DocumentError``."""
    import importlib

    p = Path(path)
    if not _utf8_name(str(p)):  # its name could not be written in the JSON, the index or a terminal
        raise DocumentError(str(p), "file name is not valid UTF-8 (rename the file)")
    if not p.exists():
        raise DocumentError(str(p), "no such file")
    if not p.is_file():
        raise DocumentError(str(p), "not a regular file")
    ext = p.suffix.lower()
    if ext not in FORMATS:
        raise DocumentError(str(p), f"unsupported file type '{ext or '(none)'}' (supported: {', '.join(FORMATS)})")
    size = p.stat().st_size
    if size == 0:
        raise DocumentError(str(p), "empty file")
    if size > MAX_FILE_BYTES:
        raise DocumentError(str(p), f"file too large ({size // (1024 * 1024)} MiB > {MAX_FILE_BYTES // (1024 * 1024)} MiB)")
    fmt, module = FORMATS[ext]
    with p.open("rb") as f:
        head = f.read(2048)
    actual = sniff_format(head)
    # an encrypted Office file is an OLE container whatever its extension: the
    # docx parser recognises it and says "encrypted"
    if fmt in _MAGIC and actual != fmt and not (fmt == "docx" and actual == "doc"):
        what = f"a {actual.upper()} file" if actual else "not a valid file of that type"
        raise DocumentError(str(p), f"content is {what}, but the extension says .{fmt}")
    if fmt in ("txt", "md") and actual is not None:
        raise DocumentError(str(p), f"content is a {actual.upper()} file, but the extension says .{fmt}")
    if fmt in ("txt", "md") and size > MAX_TEXT_FILE_BYTES:
        raise DocumentError(str(p), f"too large: {size / 2**20:.1f} MiB of text (the limit is "
                                    f"{MAX_TEXT_FILE_BYTES / 2**20:.1f} MiB)")
    source = source_info(p, fmt)
    try:
        doc = importlib.import_module(module).parse(p, source)
    except DocumentError as exc:
        if exc.path == str(p):
            raise
        # a converter works on a temporary copy: the user's file is the one named
        raise _renamed(exc, str(p)) from None
    except MemoryError:
        raise DocumentError(str(p), "out of memory while parsing", transient=True) from None
    except TimeoutError as exc:  # a time limit under load: worth another try, not "malformed"
        raise DocumentError(str(p), f"time limit reached while parsing ({exc})", transient=True) from None
    except Exception as exc:  # a parser bug or a malformed file: one line, never a traceback
        raise DocumentError(str(p), f"malformed {fmt.upper()} ({type(exc).__name__}: {exc})") from exc
    check_text_size(doc, str(p))
    return doc


def check_text_size(doc: Document, path: str) -> None:
    """Refuse a document holding more than ``MAX_TEXT_CHARS`` characters of text."""
    n = sum(len(u.text) for u in doc.text_units()) + sum(len(f.text) for f in doc.footnotes)
    if n > MAX_TEXT_CHARS:
        raise DocumentError(path, f"too much text: {n:,} characters (the limit is {MAX_TEXT_CHARS:,})")


def _utf8_name(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.fsdecode kept the raw bytes as surrogates
        return False
    return True


def _renamed(exc: DocumentError, path: str) -> DocumentError:
    """The same error about ``path`` (its reason, kind and transience kept)."""
    new = DocumentError.__new__(type(exc))
    DocumentError.__init__(new, path, exc.reason, transient=exc.transient)
    return new
