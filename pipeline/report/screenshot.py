"""A PNG of the report as a browser draws it: headless Chromium (Debian's `chromium` package).

The check a person makes by eye: charts placed, names not codes, nothing cut
off. Chromium runs with a fresh profile folder, no network services of its own
(no sync, component updates or background fetches) and no GPU, and writes the
top ``width`` × ``height`` pixels of the page.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = "chromium"  # Debian's package installs /usr/bin/chromium
QUIET_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--hide-scrollbars")
WIDTH, HEIGHT = 1280, 4000
TIMEOUT_SECONDS = 120


class ScreenshotError(RuntimeError):
    """Chromium is missing, failed, or wrote no image."""


def chromium_command(page: Path, png: Path, profile: Path, *, chromium: str = CHROMIUM, width: int = WIDTH,
                     height: int = HEIGHT) -> list[str]:
    """The command that draws ``page`` (an HTML file) into ``png`` using the profile folder ``profile``."""
    return [chromium, *QUIET_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png.resolve()}",
            f"--window-size={width},{height}", page.resolve().as_uri()]


def take_screenshot(page: Path, png: Path, *, chromium: str = CHROMIUM, width: int = WIDTH,
                    height: int = HEIGHT) -> Path:
    """Draw ``page`` with headless Chromium into ``png`` and return it; fails naming what went wrong."""
    executable = shutil.which(chromium)
    if executable is None:
        raise ScreenshotError(f"{chromium!r} is not installed: on Debian, `apt-get install chromium`")
    png.parent.mkdir(parents=True, exist_ok=True)
    png.unlink(missing_ok=True)  # so an image left by an earlier call is not mistaken for this one's
    with tempfile.TemporaryDirectory(prefix="report-chromium-") as profile:
        command = chromium_command(page, png, Path(profile), chromium=executable, width=width, height=height)
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise ScreenshotError(f"{executable} did not finish within {TIMEOUT_SECONDS} s") from None
    if result.returncode != 0 or not png.is_file():
        tail = "\n".join(result.stderr.strip().splitlines()[-5:])
        raise ScreenshotError(f"{executable} exited {result.returncode} without writing {png}: {tail}")
    return png
