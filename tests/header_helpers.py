"""What the header and reference tests share: a document made of one paragraph per given line of an
invented text, the header vanban reads in it, and the references it finds, by id."""

from __future__ import annotations

from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from extractors.header import extract_header
from extractors.references import extract_references

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def doc_of(*lines: str) -> Document:
    return Document(SourceInfo("t.txt", "", "txt"), blocks=[Paragraph(x) for x in lines]).reindex()


def header_of(*lines: str):
    return extract_header(doc_of(*lines))


def refs_of(*lines: str, header: DocumentHeader | None = None):
    doc = doc_of(*lines)
    refs, _ = extract_references(doc, header if header is not None else extract_header(doc))
    return {r.id: r for r in refs}
