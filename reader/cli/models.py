"""CLI subcommands ``models list|install|remove``: the Argos packages, with a download bar.

Registered by ``reader.cli.translation``; the package work is ``reader.translation.models``.
Everything shown from the index or a package folder goes through ``reader.core.display.one_line``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli.common import print_json
from reader.core.display import one_line
from reader.core.errors import ExitCode, NoModelError
from reader.translation.decoding import DEVICES
from reader.translation.engine import device_line
from reader.translation.models import (
    MISSING_MODEL_HELP,
    ModelError,
    ModelInfo,
    fetch_index,
    find_available,
    install_available,
    install_from_file,
    installed_model,
    installed_models,
    package_size,
    readable_size,
    remove,
)


def register_models(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``models list|install|remove`` to the ``lesepult`` parser."""
    models = subparsers.add_parser(
        "models",
        help="list, install or remove translation models",
        description="Manage Argos Translate model packages (German→English).",
    )
    actions = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="installed models and, when the index can be reached, available ones"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--offline", action="store_true", help="do not ask the package index")
    listing.set_defaults(func=command_models_list)
    install = actions.add_parser(
        "install",
        help="install the German→English model from the package index or a file",
        description="Download the German→English package from the Argos package index"
        " (ARGOS_PACKAGE_INDEX), verify it, install it; or install a local .argosmodel file.",
    )
    install.add_argument("--file", type=Path, metavar="PATH", help="an .argosmodel file")
    install.add_argument(
        "--allow-redirects",
        action="store_true",
        help="follow a download redirect to another host or scheme (refused by default;"
        " also LESEPULT_ALLOW_REDIRECTS=1)",
    )
    install.set_defaults(func=command_models_install)
    removal = actions.add_parser("remove", help="remove an installed model")
    removal.add_argument("code", metavar="CODE", help="package code, e.g. translate-de_en")
    removal.set_defaults(func=command_models_remove)


class ProgressBar:
    """A one-line download progress bar on stderr."""

    WIDTH = 30

    def __init__(self, label: str) -> None:
        self.label = label
        self.shown = -1

    def __call__(self, done: int, total: int | None) -> None:
        """Redraw when the shown percentage (or megabyte, without a total) changes."""
        step = done * 100 // total if total else done // 1_000_000
        if step == self.shown:
            return
        self.shown = step
        megabytes = f"{done / 1e6:.1f}" + (f"/{total / 1e6:.1f} MB" if total else " MB")
        if total:
            filled = self.WIDTH * done // total
            bar = "[" + "#" * filled + "-" * (self.WIDTH - filled) + f"] {step:3d}% "
        else:
            bar = ""
        sys.stderr.write(f"\r{self.label} {bar}{megabytes}")
        sys.stderr.flush()

    def finish(self) -> None:
        """End the bar's line."""
        if self.shown >= 0:
            sys.stderr.write("\n")


def command_models_list(arguments: argparse.Namespace) -> int:
    """List installed and available models."""
    installed = installed_models()
    available: list[dict[str, Any]] = []
    index_problem = None
    skipped: tuple[str, ...] = ()
    if not arguments.offline:
        try:
            available, skipped = _available(installed.models)
        except ModelError as error:
            index_problem = error.message
    in_use = newest_german_english(installed.models)
    device = device_line()  # the same line the app's models screen shows
    rows = [
        {"code": m.code, "version": m.version, "from": m.from_code, "to": m.to_code,
         "path": str(m.path), "tokenizer": m.tokenizer, "in_use": m == in_use,
         "size": package_size(m.path)}
        for m in installed.models
    ]  # fmt: skip
    if arguments.json:
        print_json(
            {
                "installed": rows,
                "device": device,
                "problems": list(installed.problems),
                "available": available,
                "index_problem": index_problem,
                "index_skipped": list(skipped),
            }
        )
        return ExitCode.OK
    shown = None if arguments.offline else available
    _print_listing(rows, installed.problems, shown, skipped, index_problem)
    print(one_line(f"Device: {device}"))
    return ExitCode.OK


def _available(installed: tuple[ModelInfo, ...]) -> tuple[list[dict[str, Any]], tuple[str, ...]]:
    """The package index's models (marked when installed) and its skipped entries."""
    index = fetch_index(timeout=10.0)
    available = [
        {
            "code": model.code,
            "version": model.version,
            "from": model.from_code,
            "to": model.to_code,
            "installed": any(i.model_id == model.model_id for i in installed),
        }
        for model in index.models
    ]
    return available, index.problems


def _print_listing(
    rows: list[dict[str, Any]],
    problems: tuple[str, ...],
    available: list[dict[str, Any]] | None,
    skipped: tuple[str, ...],
    index_problem: str | None,
) -> None:
    """``models list`` as text; ``available`` is None when the index was not asked."""
    print("Installed:")
    for row in rows:
        mark = "  (in use)" if row["in_use"] else ""
        line = f"  {row['code']} {row['version']}  ({row['from']}→{row['to']}){mark}  {row['path']}"
        line += f"  {readable_size(row['size'])}"
        print(one_line(line))
    if not rows:
        print("  none. " + MISSING_MODEL_HELP)
    for problem in problems:
        print(one_line(f"  unusable (skipped): {problem}"))
    if index_problem:
        print(one_line(f"Available: unknown ({index_problem})"))
    elif available is not None:
        print("Available:")
        for entry in available:
            mark = "  (installed)" if entry["installed"] else ""
            line = f"  {entry['code']} {entry['version']}  ({entry['from']}→{entry['to']}){mark}"
            print(one_line(line))
        for problem in skipped:
            print(one_line(f"  {problem}"))


def command_models_install(arguments: argparse.Namespace) -> int:
    """Install the German→English model from the index or a file."""
    before = installed_models().models
    if arguments.file is not None:
        model = install_from_file(arguments.file.expanduser())
    else:
        allow = arguments.allow_redirects or None  # None: LESEPULT_ALLOW_REDIRECTS decides
        wanted = find_available(fetch_index(allow_redirects=allow))
        current = installed_model()
        if current is not None and current.model_id == wanted.model_id:
            print(f"{current.model_id} is already installed ({current.path})")
            return ExitCode.OK
        bar = ProgressBar(f"downloading {wanted.model_id}")
        try:
            model = install_available(wanted, progress=bar, allow_redirects=allow)
        finally:
            bar.finish()
    languages = f"{model.from_code}→{model.to_code}"
    print(one_line(f"installed {model.model_id} ({languages}) in {model.path}"))
    for old in before:
        if old.code == model.code and old.model_id != model.model_id:
            print(one_line(f"replaced {old.model_id} (one version per package; its stored"
                           " translations are kept under its own name)"))  # fmt: skip
    return ExitCode.OK


def command_models_remove(arguments: argparse.Namespace) -> int:
    """Remove an installed model."""
    model = remove(arguments.code)
    print(f"removed {model.model_id} ({model.path})")
    return ExitCode.OK


def newest_german_english(models: tuple[ModelInfo, ...]) -> ModelInfo | None:
    """The package translations use, as ``installed_model`` picks it (newest last)."""
    matching = [m for m in models if (m.from_code, m.to_code) == ("de", "en")]
    return matching[-1] if matching else None


def model_in_use() -> ModelInfo:
    """The German→English model; one warning line per broken package folder it skipped."""
    listing = installed_models()
    for problem in listing.problems:
        print(one_line(f"lesepult: warning: skipped {problem}"), file=sys.stderr)
    model = newest_german_english(listing.models)
    if model is None:
        raise NoModelError(MISSING_MODEL_HELP)
    return model


def add_device_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--device`` option of the commands that run the model."""
    parser.add_argument(
        "--device",
        choices=DEVICES,
        help="where the model runs: auto (a CUDA GPU when CTranslate2 finds one), cpu or cuda"
        " (default: ARGOS_DEVICE_TYPE, else auto)",
    )
