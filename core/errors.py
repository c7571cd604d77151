"""Errors a user sees: one line naming the file and the reason."""

from __future__ import annotations


class DocumentError(Exception):
    """A file that cannot be read. ``str()`` is the one-line message the CLI
    prints: ``cannot read FILE: reason``."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"cannot read {path}: {reason}")
        self.path = str(path)
        self.reason = reason


class MissingTool(DocumentError):
    """A system program the format needs (LibreOffice, Tesseract) is absent."""
