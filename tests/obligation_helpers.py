"""What the obligation tests share: a document made of one paragraph per line of an invented text, the
obligations vanban finds in it, and the one that holds given words."""

from __future__ import annotations

from core.model import Document, DocumentHeader, Paragraph, SourceInfo
from extractors.obligations import extract_obligations


def lines_document(text: str) -> Document:
    """One paragraph per non-empty line of ``text``, as a plain-text file would give them."""
    blocks = [Paragraph(line.strip()) for line in text.strip().splitlines() if line.strip()]
    return Document(source=SourceInfo(path="x.txt", sha256="0", format="txt"), blocks=blocks).reindex()


def obligations_and_units(text: str, **header):
    """``extract_obligations`` on the lines of ``text`` under a header made of ``header``'s fields."""
    return extract_obligations(lines_document(text), DocumentHeader(**header))


def holding(obs, words: str):
    """The first obligation whose source text holds ``words`` (fails, listing them all, when none does)."""
    found = [o for o in obs if words in o.source_text]
    assert found, f"no obligation holds {words!r}: {[o.source_text for o in obs]}"
    return found[0]


def due_by_first_words(obs) -> dict[str, str | None]:
    """The first three words of each task → its due date (ISO), or None."""
    return {" ".join(o.action.split()[:3]): (o.deadline.date if o.deadline else None) for o in obs}
