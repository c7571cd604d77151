"""Legacy Word ``.doc`` → ``Document``: LibreOffice (headless) converts the
file to .docx in a temporary folder, ``parsers.docx_parser`` parses that.

``soffice_convert`` is the one place that runs LibreOffice (also used by
``tools/render_pdf.py``): a private user profile per call so parallel runs
do not clash over LibreOffice's lock, a time limit, the process group killed
on timeout.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from core.errors import DocumentError, MissingTool
from core.model import Document, SourceInfo

SOFFICE_TIMEOUT_S = 120


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(src: Path, fmt: str, out_dir: Path, *, timeout: float = SOFFICE_TIMEOUT_S,
                    infilter: str | None = None) -> Path:
    """Convert ``src`` to format ``fmt`` ("docx", "pdf", "doc") into
    ``out_dir``; returns the new file. ``infilter`` forces the import filter
    (so a damaged file is refused instead of being read as plain text).
    Raises ``DocumentError``."""
    exe = soffice_path()
    if exe is None:
        raise MissingTool(str(src), "LibreOffice is not installed (install the 'libreoffice-writer' package; "
                                    "it provides 'soffice')")
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vanban-lo-") as profile:
        cmd = [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        if infilter:
            cmd.append(f"--infilter={infilter}")
        cmd += ["--convert-to", fmt, "--outdir", str(out_dir), str(src)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
                                env=dict(os.environ, HOME=profile))
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.communicate()
            raise DocumentError(str(src), f"LibreOffice conversion to .{fmt} took longer than {timeout:.0f} s") from None
    target = out_dir / f"{src.stem}.{fmt}"
    if proc.returncode != 0 or not target.exists() or target.stat().st_size == 0:
        msg = (err or out or b"").decode("utf-8", "replace").strip().splitlines()
        msg = [m for m in msg if "javaldx" not in m]
        raise DocumentError(str(src), f"LibreOffice could not convert the file to .{fmt}"
                                      + (f" ({msg[-1][:160]})" if msg else ""))
    return target


def parse(path: Path, source: SourceInfo) -> Document:
    """Parse a .doc by converting it to .docx first."""
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        tmp_dir = Path(tmp)
        # a plain ASCII name: LibreOffice names its output after the input
        local = tmp_dir / "in" / "document.doc"
        local.parent.mkdir()
        shutil.copyfile(path, local)
        docx = soffice_convert(local, "docx", tmp_dir / "out", infilter="MS Word 97")
        from parsers import docx_parser  # the .docx parser does the rest

        doc = docx_parser.parse(docx, source)
    doc.source = source
    source.format = "doc"
    return doc
