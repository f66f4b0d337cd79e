"""The models screen: installed and available translation packages; install and remove them.

All package work (reading the packages folder, fetching the index, downloading, installing,
removing) runs in thread workers that only post messages; the handlers update the widgets.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, ProgressBar, Static
from textual.worker import Worker, WorkerState

from reader.core.display import one_line
from reader.translation.engine import device_line
from reader.translation.models import (
    MISSING_MODEL_HELP,
    AvailableModel,
    InstalledModels,
    ModelError,
    ModelInfo,
    fetch_index,
    install_available,
    install_from_file,
    installed_model,
    installed_models,
    language_pair,
    package_size,
    readable_size,
    remove,
)

MAX_SHOWN_PROBLEMS = 5
"""Skipped index entries listed on the screen (the rest are counted)."""
REMOVE_CONFIRM_SECONDS = 5.0
"""How long a first ``d`` waits for the second one that confirms a removal."""


class ModelsScreen(Screen[None]):
    """Lists installed and available German→English packages; installs and removes them.

    Posts :class:`ModelsScreen.ModelsChanged` after every install or removal so the host can
    reload its engine.
    """

    CSS_PATH = "models.tcss"
    BINDINGS = [
        Binding("escape", "close", "Back", id="models.close"),
        Binding("r", "refresh", "Refresh", id="models.refresh"),
        Binding("i", "install", "Install selected", id="models.install"),
        Binding("f", "install_file", "Install from file", id="models.install_file"),
        Binding("d", "remove", "Remove (press twice)", id="models.remove"),
    ]

    @dataclass
    class ModelsChanged(Message):
        """A package was installed or removed."""

        model: ModelInfo | None
        """The German→English model now in use, or None when none is left."""

    @dataclass
    class Listed(Message):
        """The packages folder and the index were read."""

        installed: InstalledModels
        """What is installed."""
        available: tuple[AvailableModel, ...]
        """What the index offers (empty when it could not be reached)."""
        index_problems: tuple[str, ...]
        """Why the index could not be read, or which of its entries were skipped."""
        sizes: dict[str, int] = field(default_factory=dict)
        """Bytes on disk of each installed package, by model id (read in the worker)."""
        device: str = ""
        """Where the model runs, the line ``translate`` and ``models list`` print."""

    @dataclass
    class DownloadProgressed(Message):
        """Bytes of a download arrived."""

        done: int
        """Bytes downloaded."""
        total: int | None
        """Bytes in all, when the server says."""

    @dataclass
    class ChangeFinished(Message):
        """An install or removal ended."""

        message: str
        """What happened, for the status line."""
        failed: bool
        """Whether it failed."""

    def __init__(self) -> None:
        super().__init__()
        self.installed: InstalledModels = InstalledModels((), ())
        self.available: tuple[AvailableModel, ...] = ()
        self.busy = False
        # (model id, monotonic deadline) of a removal waiting for its confirming second press.
        self.pending_removal: tuple[str, float] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="models-body"):
            yield Label("Installed translation models", classes="models-caption")
            yield DataTable(id="models-installed", cursor_type="row", zebra_stripes=True)
            yield Static("", id="models-device", markup=False)
            yield Label("Available from the Argos package index", classes="models-caption")
            yield DataTable(id="models-available", cursor_type="row", zebra_stripes=True)
            yield Input(
                placeholder="path to an .argosmodel file, then Enter",
                id="models-file",
                classes="hidden",
            )
            yield ProgressBar(id="models-progress", classes="hidden", show_eta=False)
            yield Static("Reading packages…", id="models-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        for table_id in ("#models-installed", "#models-available"):
            self.query_one(table_id, DataTable).add_columns("Package", "Version", "Languages")
        # The size on disk; the Argos index gives no size, so the available list has none.
        self.query_one("#models-installed", DataTable).add_column("Size", key="size")
        self.action_refresh()

    # Listing -----------------------------------------------------------------------------

    def action_refresh(self) -> None:
        """Read the packages folder and the index again."""
        self.query_one("#models-status", Static).update("Reading packages…")
        self.list_models()

    @work(thread=True, exclusive=True, exit_on_error=False, group="models-listing")
    def list_models(self) -> None:
        """Read installed packages and the index (slow: network) in a thread."""
        try:
            installed = installed_models()
        except ModelError as error:
            installed = InstalledModels((), (error.message,))
        sizes = {model.model_id: package_size(model.path) for model in installed.models}
        try:
            index = fetch_index(timeout=10.0)
            available, problems = index.models, index.problems
        except ModelError as error:
            available, problems = (), (error.message,)
        self.post_message(self.Listed(installed, available, problems, sizes, device_line()))

    def on_models_screen_listed(self, event: ModelsScreen.Listed) -> None:
        self.installed = event.installed
        self.available = tuple(
            model for model in event.available if (model.from_code, model.to_code) == ("de", "en")
        )
        device = f"Device: {event.device}" if event.device else ""
        self.query_one("#models-device", Static).update(one_line(device))
        installed_table = self.query_one("#models-installed", DataTable)
        installed_table.clear()
        german_english = [
            m for m in event.installed.models if (m.from_code, m.to_code) == ("de", "en")
        ]
        in_use = german_english[-1] if german_english else None
        for model in event.installed.models:
            installed_table.add_row(
                Text(model.code),
                Text(model.version + (" (in use)" if model == in_use else "")),
                Text(language_pair(model.from_code, model.to_code)),
                Text(readable_size(event.sizes.get(model.model_id)), justify="right"),
                key=model.model_id,
            )
        available_table = self.query_one("#models-available", DataTable)
        available_table.clear()
        installed_ids = {model.model_id for model in event.installed.models}
        for available in self.available:
            mark = " (installed)" if available.model_id in installed_ids else ""
            available_table.add_row(  # Text cells: index data is not markup
                Text(available.code),
                Text(available.version + mark),
                Text(language_pair(available.from_code, available.to_code)),
                key=available.model_id,
            )
        lines = [] if event.installed.models else [MISSING_MODEL_HELP]
        lines += [f"Unusable (skipped): {problem}" for problem in event.installed.problems]
        lines += [f"Index: {problem}" for problem in event.index_problems[:MAX_SHOWN_PROBLEMS]]
        if len(event.index_problems) > MAX_SHOWN_PROBLEMS:
            lines.append(f"Index: {len(event.index_problems) - MAX_SHOWN_PROBLEMS} more skipped")
        if not lines:
            lines.append("Ready.")
        status = "\n".join(one_line(line) for line in lines)
        self.query_one("#models-status", Static).update(status)

    # Changes -----------------------------------------------------------------------------

    def _start_change(self, description: str) -> bool:
        if self.busy:
            self.notify("Wait for the current install or removal to finish.", severity="warning")
            return False
        self.busy = True
        self.query_one("#models-status", Static).update(description)
        return True

    def action_install(self) -> None:
        """Download and install the available package under the cursor."""
        table = self.query_one("#models-available", DataTable)
        if not self.available or table.cursor_row < 0:
            self.notify("No available package to install.", severity="warning")
            return
        chosen = self.available[min(table.cursor_row, len(self.available) - 1)]
        if self._start_change(f"Downloading {chosen.model_id}…"):
            progress = self.query_one("#models-progress", ProgressBar)
            progress.update(total=None, progress=0)
            progress.remove_class("hidden")
            self.install_from_index(chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="models-change")
    def install_from_index(self, model: AvailableModel) -> None:
        """Download and install in a thread."""

        def report(done: int, total: int | None) -> None:
            self.post_message(self.DownloadProgressed(done, total))

        try:
            before = installed_models().models
            installed = install_available(model, progress=report)
        except ModelError as error:
            self.post_message(self.ChangeFinished(error.message, failed=True))
            return
        self.post_message(self.ChangeFinished(_installed_message(installed, before), failed=False))

    def on_models_screen_download_progressed(self, event: ModelsScreen.DownloadProgressed) -> None:
        self.query_one("#models-progress", ProgressBar).update(
            total=event.total, progress=event.done
        )

    def action_install_file(self) -> None:
        """Show the file field."""
        field = self.query_one("#models-file", Input)
        field.remove_class("hidden")
        field.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        path = event.value.strip()
        event.input.add_class("hidden")
        if path and self._start_change(f"Installing {path}…"):
            self.install_file(Path(path).expanduser())

    @work(thread=True, exclusive=True, exit_on_error=False, group="models-change")
    def install_file(self, path: Path) -> None:
        """Install a package file in a thread."""
        try:
            before = installed_models().models
            installed = install_from_file(path)
        except ModelError as error:
            self.post_message(self.ChangeFinished(error.message, failed=True))
            return
        self.post_message(self.ChangeFinished(_installed_message(installed, before), failed=False))

    def action_remove(self) -> None:
        """Remove the installed package under the cursor once ``d`` is pressed again to confirm."""
        table = self.query_one("#models-installed", DataTable)
        models = self.installed.models
        if not models or table.cursor_row < 0:
            self.notify("No installed package to remove.", severity="warning")
            return
        chosen = models[min(table.cursor_row, len(models) - 1)]
        pending, self.pending_removal = self.pending_removal, None
        now = time.monotonic()
        if pending is None or pending[0] != chosen.model_id or now > pending[1]:
            # Removing loses a download of about 100 MB: one key press must not do it.
            self.pending_removal = (chosen.model_id, now + REMOVE_CONFIRM_SECONDS)
            megabytes = package_size(chosen.path) / 1e6
            question = f"Press d again to remove {chosen.model_id} (about {megabytes:.0f} MB)."
            self.query_one("#models-status", Static).update(question)
            self.notify(question, severity="warning", timeout=REMOVE_CONFIRM_SECONDS)
            return
        if self._start_change(f"Removing {chosen.model_id}…"):
            self.remove_model(chosen.model_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="models-change")
    def remove_model(self, model_id: str) -> None:
        """Remove a package in a thread."""
        try:
            removed = remove(model_id)
        except ModelError as error:
            self.post_message(self.ChangeFinished(error.message, failed=True))
            return
        self.post_message(self.ChangeFinished(f"Removed {removed.model_id}.", failed=False))

    def on_models_screen_change_finished(self, event: ModelsScreen.ChangeFinished) -> None:
        self.busy = False
        self.query_one("#models-progress", ProgressBar).add_class("hidden")
        message = one_line(event.message)
        self.query_one("#models-status", Static).update(message)
        self.notify(message, severity="error" if event.failed else "information", markup=False)
        if not event.failed:
            self.post_message(self.ModelsChanged(installed_model()))
            self.list_models()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # A bug (not a ModelError) in a worker: show it instead of staying "busy" forever.
        if event.state == WorkerState.ERROR and event.worker.group == "models-change":
            self.post_message(self.ChangeFinished(f"Failed: {event.worker.error}", failed=True))
        if event.state == WorkerState.ERROR and event.worker.group == "models-listing":
            failure = f"Failed to read packages: {event.worker.error}"
            self.post_message(self.Listed(InstalledModels((), (failure,)), (), ()))

    def action_close(self) -> None:
        """Back to the previous screen."""
        self.dismiss(None)


def _installed_message(installed: ModelInfo, before: tuple[ModelInfo, ...]) -> str:
    """``Installed X.``, saying which other version of the same package it replaced."""
    replaced = [m.version for m in before if m.code == installed.code and m != installed]
    note = f" (replaced version {', '.join(replaced)})" if replaced else ""
    return f"Installed {installed.model_id}{note}."
