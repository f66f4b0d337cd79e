"""The console entry point ends the process at once, even while a worker thread still runs."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from reader.core.paths import PROJECT_ROOT

# A stand-in for a Textual thread worker still inside SoMaJo: it never ends by itself.
BUSY_WORKER = """
import threading
from reader import cli

def busy_main(argv=None):
    threading.Thread(target=threading.Event().wait).start()
    print("output written before the exit", flush=False)
    return 3

cli.main = busy_main
cli.run()
"""


def test_run_exits_with_the_status_without_waiting_for_a_busy_thread(tmp_path: Path) -> None:
    # Without `finish` the interpreter joins the thread for ever and the timeout fails the test.
    result = subprocess.run(
        [sys.executable, "-c", BUSY_WORKER],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 3
    assert result.stdout == "output written before the exit\n"


def test_the_console_script_and_python_m_use_the_entry_point() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["lesepult"] == "reader.cli:run"
    assert "run()" in (PROJECT_ROOT / "reader" / "__main__.py").read_text(encoding="utf-8")


def test_python_m_reader_still_gives_exit_statuses(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reader", "search", "kein-solches-wort-xyz"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr


def test_the_apps_worker_executor_does_not_wait_for_a_busy_worker() -> None:
    # asyncio shuts the loop's default executor down when the app ends; the stock executor
    # joins every running worker there, before the entry point could end the process.
    import threading

    from reader.ui.app import _UnjoinedExecutor

    executor = _UnjoinedExecutor()
    release = threading.Event()
    executor.submit(release.wait)
    shutting_down = threading.Thread(target=executor.shutdown, kwargs={"wait": True})
    shutting_down.start()
    shutting_down.join(timeout=60)
    stuck = shutting_down.is_alive()
    release.set()
    assert not stuck
