"""A plain, non-editable `pip install .` carries its resources: `fieldapp screening score` works from it."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import tomllib
import venv
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_lists_every_package() -> None:
    listed = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["packages"]
    found = find_packages(str(ROOT), include=["fieldapp*", "ui*"])
    assert sorted(listed) == sorted([*found, "fieldapp.bundled"])


def test_a_non_editable_install_scores_a_screening(tmp_path: Path) -> None:
    """Once: "The indicator folder … does not exist" from an installed copy."""
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The dependencies come from this test's own environment (no download); fieldapp itself is built
    # and installed into the new one as a wheel would be, not linked to this source tree.
    paths = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    purelib = subprocess.run(
        [str(python), "-c", paths], capture_output=True, text=True, check=True
    ).stdout.strip()
    (Path(purelib) / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", "utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # Built from a copy, as from a release tarball: setuptools writes build/ beside the sources.
    source = tmp_path / "source"
    for part in ("fieldapp", "ui", "resources"):
        shutil.copytree(ROOT / part, source / part, ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    pip = [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--no-index"]
    done = subprocess.run([*pip, str(source)], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    where = "import fieldapp, fieldapp.assets as a; print(fieldapp.__file__); print(a.resource_root())"
    installed = subprocess.run(
        [str(python), "-c", where], capture_output=True, text=True, cwd=tmp_path, env=env, check=True
    ).stdout.split()
    assert all(Path(p).is_relative_to(Path(purelib)) for p in installed), installed  # not the source tree
    document = tmp_path / "screening.json"
    document.write_text(
        json.dumps({"answers": {"CD.violence": "present", "CD.isolation": "present"}}), "utf-8"
    )
    score = subprocess.run(
        [str(env_dir / "bin" / "fieldapp"), "screening", "score", str(document), "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert score.returncode == 0, score.stderr
    assert json.loads(score.stdout)["outcome"]
    respondent = (
        "from fieldapp.screening.respondent import shown; t = shown('SC.quota', 'bn'); print(t.language)"
    )
    language = subprocess.run(
        [str(python), "-c", respondent], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120
    )
    assert language.stdout.strip() == "bn", language.stderr  # the respondent texts came along too
