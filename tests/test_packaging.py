"""A wheel of the project carries every module the stages run.

An installed package (``pip install .``, a wheel) holds the code without
``models/`` (the rules are given with ``--models``). The wheel is built from
a copy of the sources (the build leaves ``build/`` behind) without build
isolation, so no download is needed, unpacked, and run on the samples from a
folder outside the repository with only the unpacked wheel on the path: a
module or data file the package list misses fails here, not on a user's
machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pyarrow.dataset as ds

from pipeline.config import MODELS_DIR, PROJECT_ROOT


def test_an_unpacked_wheel_runs_the_pipeline_on_the_samples(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(PROJECT_ROOT / name, source / name)
    shutil.copytree(PROJECT_ROOT / "pipeline", source / "pipeline",
                    ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--wheel-dir", str(dist), str(source)], check=True, capture_output=True)
    (wheel,) = dist.glob("tradenews_pipeline-*.whl")
    unpacked = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(unpacked)
        entry_points = archive.read(next(n for n in archive.namelist() if n.endswith("entry_points.txt")))
    assert b"tradenews = pipeline.cli:main" in entry_points
    assert not (unpacked / "models").exists(), "the rules are not part of the package"

    models = tmp_path / "models"  # writable: the stages build the spaCy pipeline under it
    shutil.copytree(MODELS_DIR, models, ignore=shutil.ignore_patterns(".built"))
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    located = subprocess.run([sys.executable, "-c", "import pipeline; print(pipeline.__file__)"],
                             cwd=workdir, env=env, check=True, capture_output=True, text=True)
    assert located.stdout.startswith(str(unpacked)), located.stdout
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "pipeline", "run", "--raw", str(PROJECT_ROOT / "data/raw/text"),
                          "--out", str(out), "--models", str(models)],
                         cwd=workdir, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    assert ds.dataset(out / "events", partitioning="hive").count_rows() > 0
