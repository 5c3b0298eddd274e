"""The written report gets the mode the process umask allows (0o666 & ~umask), not tempfile's private 0600.

Each case runs in a fresh interpreter whose umask is set before `pipeline` is imported, as a cron job or a
shell with its own umask would start it; the test's own process umask is left alone.
"""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import PROJECT_ROOT

WRITE_REPORT = """
import os, sys
os.umask(int(sys.argv[1], 8))
from datetime import UTC, datetime
from pathlib import Path
from pipeline.report import ReportWindow, write_report
write_report(Path(sys.argv[2]), Path(sys.argv[3]), ReportWindow(), generated_at=datetime(2025, 1, 1, tzinfo=UTC))
"""


@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664), (0o077, 0o600)])
def test_report_mode_follows_the_umask(tmp_path: Path, umask: int, expected: int):
    output = tmp_path / "report.html"
    subprocess.run([sys.executable, "-c", WRITE_REPORT, f"{umask:o}", str(tmp_path / "no-tables"), str(output)],
                   cwd=PROJECT_ROOT, check=True, capture_output=True)
    assert stat.S_IMODE(output.stat().st_mode) == expected
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary file left beside it
