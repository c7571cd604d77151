"""Errors a user sees: one line naming the file and the reason."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be read. ``str()`` is the one-line message the CLI
    prints: ``cannot read FILE: reason``."""

    def __init__(self, path: str, reason: str, *, transient: bool = False):
        super().__init__(f"cannot read {printable(str(path))}: {printable(reason)}")
        self.path = str(path)
        self.reason = reason
        self.transient = transient  # the machine was busy (a time limit): worth another try


def printable(text: str) -> str:
    """``text`` safe for one terminal line: control characters (newline, ESC
    …) and bytes of a file name that are not UTF-8 (surrogate escapes) are
    written as ``\\n``, ``\\x1b``, ``\\xff``; everything else, Vietnamese
    included, is kept."""
    if text.isprintable():
        return text
    out = []
    for ch in text:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:  # os.fsdecode's escape of a raw byte
            out.append(f"\\x{o - 0xDC00:02x}")
        elif ch.isprintable() or ch == " ":
            out.append(ch)
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)


class MissingTool(DocumentError):
    """A system program the format needs (LibreOffice, Tesseract) is absent."""
