"""One lock for every call into PDFium.

PDFium is not thread-safe: two threads calling into it at once, even on
different documents, can crash the process (a segmentation fault was seen when
the ingest flow's thread pool OCR-rendered one scan while reading another's
signature stamps).  pypdfium2 does not serialise calls itself, so every use of
it in vanban runs inside ``PDFIUM_LOCK``; only the PDFium part is held (the
Tesseract subprocess runs outside it)."""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
