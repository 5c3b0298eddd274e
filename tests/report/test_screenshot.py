"""The screenshot command: Chromium's flags, a fresh profile each time, and clear failures.

Chromium itself is not needed here: a stand-in executable writes the image where the command asks. The real
check (README, "Look at the report") runs Debian's chromium.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from pipeline.report.screenshot import QUIET_FLAGS, ScreenshotError, chromium_command, take_screenshot

STAND_IN = """#!/bin/sh
# Writes a marker where --screenshot= says, and records its arguments beside it.
for argument in "$@"; do
  case "$argument" in --screenshot=*) target="${argument#--screenshot=}";; esac
done
printf 'png' > "$target"
printf '%s\\n' "$@" > "$target.args"
"""


def test_the_command_names_the_page_the_image_and_a_profile(tmp_path):
    page, png, profile = tmp_path / "r.html", tmp_path / "r.png", tmp_path / "profile"
    command = chromium_command(page, png, profile, width=800, height=600)
    assert command[0] == "chromium"
    assert set(QUIET_FLAGS) <= set(command)
    assert {"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"} <= set(command)
    assert f"--user-data-dir={profile}" in command
    assert f"--screenshot={png}" in command
    assert "--window-size=800,600" in command
    assert command[-1] == page.as_uri() and command[-1].startswith("file://")


def test_a_stand_in_browser_gets_a_fresh_profile_that_is_removed(tmp_path):
    browser = tmp_path / "fake-chromium"
    browser.write_text(STAND_IN)
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    page = tmp_path / "r.html"
    page.write_text("<html></html>")
    png = take_screenshot(page, tmp_path / "shots" / "r.png", chromium=str(browser))
    assert png.read_text() == "png"
    arguments = (tmp_path / "shots" / "r.png.args").read_text().splitlines()
    profile = Path(next(a for a in arguments if a.startswith("--user-data-dir="))[len("--user-data-dir="):])
    assert not profile.exists()  # the temporary profile is gone once the screenshot is taken


def test_a_missing_browser_says_which_package_to_install(tmp_path):
    with pytest.raises(ScreenshotError, match="apt-get install chromium"):
        take_screenshot(tmp_path / "r.html", tmp_path / "r.png", chromium="no-such-chromium-here")


def test_a_browser_that_writes_nothing_fails(tmp_path):
    with pytest.raises(ScreenshotError, match="without writing"):
        take_screenshot(tmp_path / "r.html", tmp_path / "r.png", chromium="true")
