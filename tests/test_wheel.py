"""A built wheel works outside the checkout: it ships the bundled texts and glossary data.

The wheel is built from this checkout and installed with ``--no-deps --no-index`` into a fresh
venv that sees the test venv's packages through a ``.pth`` line (no network needed). The
installed ``lesepult`` then runs from another folder, so nothing can come from the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from reader.core.paths import PROJECT_ROOT

pytestmark = pytest.mark.slow


# The installed copy must not see this checkout, whatever the test run's own PYTHONPATH.
def clean_environment() -> dict[str, str]:
    """This process's environment now (the test's own user folders) without PYTHONPATH."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}


@pytest.fixture(scope="module")
def installed_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh venv holding the wheel built from this checkout."""
    root = tmp_path_factory.mktemp("wheel")
    wheels = root / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
        + ["--wheel-dir", str(wheels), str(PROJECT_ROOT)],
        check=True,
        capture_output=True,
        cwd=root,
        env=clean_environment(),
    )
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-c",
                "import sysconfig; print(sysconfig.get_paths()['purelib'])",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    # The test venv's packages, but not its editable finder (a plain path line runs no .pth).
    (site / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (wheel,) = wheels.glob("lesepult-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
        + ["--quiet", "--no-deps", "--no-index", "--ignore-installed", str(wheel)],
        check=True,
        capture_output=True,
        env=clean_environment(),
    )
    return venv / "bin"


def test_the_wheel_holds_the_texts_and_the_glossary(installed_wheel: Path) -> None:
    (wheel,) = (installed_wheel.parent.parent / "dist").glob("lesepult-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "reader/bundled_texts/belarus-im-ukraine-krieg.md" in names
    assert "reader/bundled_texts/belarus-im-ukraine-krieg.en.md" in names
    assert "glossary/data/belarus-im-ukraine-krieg.yaml" in names
    assert "reader/ui/screens/reading.tcss" in names


def run_installed(
    installed_wheel: Path, folder: Path, program: str, *arguments: str
) -> subprocess.CompletedProcess[str]:
    """Run a program of the fresh venv in ``folder``, outside the checkout."""
    return subprocess.run(
        [str(installed_wheel / program), *arguments],
        capture_output=True,
        text=True,
        cwd=folder,
        # Read now, not at import: the user directories the autouse fixture points into a
        # temporary folder, so the installed copy never opens the real store.
        env=clean_environment(),
    )


def test_installed_wheel_opens_the_default_text(installed_wheel: Path, tmp_path: Path) -> None:
    result = run_installed(installed_wheel, tmp_path, "lesepult", "texts", "--json")
    assert result.returncode == 0, result.stderr
    texts = json.loads(result.stdout)
    assert any(
        text["bundled"] and text["path"].endswith("/belarus-im-ukraine-krieg.md") for text in texts
    )
    search = run_installed(installed_wheel, tmp_path, "lesepult", "search", "Lukaschenko", "--json")
    assert search.returncode == 0, search.stderr
    assert json.loads(search.stdout)


def test_installed_package_is_not_the_checkout(installed_wheel: Path, tmp_path: Path) -> None:
    code = "import reader.core.paths as p; print(p.BUNDLED_TEXTS_DIR.resolve())"
    where = run_installed(installed_wheel, tmp_path, "python", "-c", code)
    assert where.returncode == 0, where.stderr
    folder = Path(where.stdout.strip())
    assert not folder.is_relative_to(PROJECT_ROOT)
    assert (folder / "belarus-im-ukraine-krieg.md").is_file()
    glossary = run_installed(installed_wheel, tmp_path, "lesepult", "glossary", "list", "--json")
    assert glossary.returncode == 0, glossary.stderr
    assert len(json.loads(glossary.stdout)["entries"]) > 50
