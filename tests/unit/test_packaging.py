"""The built wheel carries every data file the package reads: name lists, cue tables, Cypher.

An editable install reads them from the source tree, so only a real wheel shows a file
the package data globs leave out.
"""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# source folder -> folder inside the installed package
DATA_FOLDERS = {"kg/resources": "kg/resources", "schema": "kg/schema", "loaders": "kg/loaders", "queries": "kg/queries"}


def tracked_files(folder: str) -> set[str]:
    listed = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=True)
    return {line for line in listed.stdout.splitlines() if not line.endswith(".py")}


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    if not (ROOT / ".git").exists():
        pytest.skip("needs the git checkout to list the tracked data files")
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True, text=True,
    )
    assert built.returncode == 0, f"pip wheel failed (it fetches the build backend like any install):\n{built.stderr}"
    (wheel,) = out.glob("kg-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.mark.parametrize("folder", sorted(DATA_FOLDERS))
def test_every_tracked_data_file_ships_in_the_wheel(folder, wheel_names):
    expected = {DATA_FOLDERS[folder] + path.removeprefix(folder) for path in tracked_files(folder)}
    assert expected, f"no data files tracked under {folder}"
    assert expected - wheel_names == set()


def test_the_wheel_carries_the_cue_tables_the_extractor_reads(wheel_names):
    for name in ("type_cues.json", "result_cues.json", "relation_cues.json", "generic_names.txt", "familiar_terms.txt", "methods.jsonl"):
        assert f"kg/resources/{name}" in wheel_names
