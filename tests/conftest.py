"""Shared test fixtures and paths.

Prefect runs against a temporary database inside the project
(``PREFECT_HOME=.prefect``), analytics off; the harness starts once per session
and only for the tests that ask for it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("PREFECT_HOME", str(ROOT / ".prefect"))
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# `vanban ingest` uses a Prefect server answering at the local address (flows/server.py); the tests
# never use one that happens to run on this machine: the probed port is one where nothing listens
os.environ.setdefault("PREFECT_SERVER_API_PORT", "9")

RAW = ROOT / "data" / "raw"
SHARED = ROOT / "tests" / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds"
REAL = SHARED / "corpus" / "real"
SEED_STEMS = sorted(p.stem for p in RAW.glob("*.txt"))
# the sample PDFs with a text layer: the seeds' and three real ones (an e-signed letter among them)
TEXT_LAYER_PDFS = sorted(RAW.glob("*.pdf")) + [p for p in (
    REAL / "TTr BC CCHC nam 2025.pdf",
    REAL / "17.9.2025.Vv lay y kien du thao BC so ket 2021-2025.pdf",
    REAL / "2003_CD-VPCP_07102025_2-signed.pdf",
) if p.exists()]


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def real_gold_run():
    """``vanban eval tests/gold/real tests/shared/corpus/real`` once per session:
    (EvalReport, {stem: output JSON}); OCR makes it the slowest fixture."""
    from pipeline.assemble import extract_file
    from pipeline.evaluate import evaluate

    outputs: dict[str, dict] = {}

    def extract(path: Path) -> dict:
        out = extract_file(path, content=False)
        outputs[path.stem] = out
        return out

    return evaluate(ROOT / "tests" / "gold" / "real", [REAL], extract=extract), outputs
