"""What the pipeline publishes through temporary files and folders gets the modes the umask allows.

`tempfile` makes 0600 files and 0700 folders: the built spaCy pipeline under
``models/.built`` and the HTML report were unreadable to any user but the one
who wrote them (a cron job running as another user then rejected every article).
"""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime

import spacy

from pipeline import permissions
from pipeline.io import write_text_atomic
from pipeline.nlp.build import VERSION_FILE, save_nlp
from pipeline.report import ReportWindow, write_report


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_modes_are_what_the_umask_allows():
    assert permissions.FOLDER_MODE == 0o777 & ~current_umask()
    assert permissions.FILE_MODE == 0o666 & ~current_umask()


def test_the_saved_spacy_pipeline_is_a_folder_others_may_read(tmp_path):
    target = tmp_path / ".built" / "trade_nlp"
    save_nlp(spacy.blank("en"), target, "v1")
    assert mode(target) == permissions.FOLDER_MODE
    assert mode(target / VERSION_FILE) == permissions.FILE_MODE
    save_nlp(spacy.blank("en"), target, "v2")  # replacing it keeps the modes
    assert mode(target) == permissions.FOLDER_MODE


def test_reports_are_files_others_may_read(sample_run, tmp_path):
    out, _ = sample_run
    report = write_report(out, tmp_path / "report.html", ReportWindow(),
                          generated_at=datetime(2025, 7, 2, tzinfo=UTC))
    assert mode(report) == permissions.FILE_MODE
    assert mode(write_text_atomic("{}", tmp_path / "evaluation.json")) == permissions.FILE_MODE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evaluation.json", "report.html"]  # no temporary left
