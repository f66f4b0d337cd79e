"""Pilot tests of the export dialog on a tiny host app (the sheet comes from test inputs)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static

from reader.core.text import Document
from reader.export.sheet import StudySheet, build_study_sheet
from reader.ui.screens.export_dialog import ExportDialog
from tests.fixtures_study import SHEET_TIMESTAMP, make_test_sources


class Host(App[None]):
    """Opens the dialog and keeps what it returned."""

    def __init__(self, document: Document, folder: Path) -> None:
        super().__init__()
        self.document = document
        self.folder = folder
        self.result: Path | None | str = "not closed"

    def build(self, translation: str, paragraphs: tuple[int, int]) -> StudySheet:
        return build_study_sheet(
            self.document, make_test_sources(), paragraphs, timestamp=SHEET_TIMESTAMP
        )

    def on_mount(self) -> None:
        self.push_screen(
            ExportDialog(self.document, folder=self.folder, build_sheet=self.build),
            self.closed,
        )

    def closed(self, result: Path | None) -> None:
        self.result = result


async def press_export(pilot: Pilot[None]) -> None:
    """Press the Export button the way a click does."""
    pilot.app.screen.query_one("#export-run", Button).press()
    await pilot.pause()


def status_text(app: Host) -> str:
    return str(app.screen.query_one("#export-status", Static).render())


async def test_export_asks_before_overwriting(article: Document, tmp_path: Path) -> None:
    app = Host(article, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        dialog.query_one("#export-format", Select).value = "html"
        await pilot.pause()
        path_input = dialog.query_one("#export-path", Input)
        assert path_input.value == str(tmp_path / "belarus-im-ukraine-krieg.study.html")
        dialog.query_one("#export-paragraphs", Input).value = "9-10"
        await press_export(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        target = tmp_path / "belarus-im-ukraine-krieg.study.html"
        assert target.exists()
        assert f"Wrote {target}" in status_text(app)
        assert "Eisenbahnpartisan" in target.read_text()
        target.write_text("keep me")
        await press_export(pilot)
        await pilot.pause()
        assert "exists. Press Export again" in status_text(app)
        assert target.read_text() == "keep me"
        await press_export(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_text().startswith("<!DOCTYPE html>")
        await pilot.press("escape")
        await pilot.pause()
    assert app.result == target


async def test_bad_range_is_reported(article: Document, tmp_path: Path) -> None:
    app = Host(article, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#export-paragraphs", Input).value = "7-99"
        await press_export(pilot)
        await pilot.pause()
        assert "Paragraphs: '7-99' is outside 1-11" in status_text(app)
        assert list(tmp_path.iterdir()) == []
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is None


async def test_a_new_choice_clears_the_overwrite_warning(article: Document, tmp_path: Path) -> None:
    target = tmp_path / "belarus-im-ukraine-krieg.study.md"
    target.write_text("keep me")
    app = Host(article, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        dialog = app.screen
        await press_export(pilot)
        assert "exists. Press Export again" in status_text(app)
        dialog.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        assert status_text(app) == ""
        # Back to the existing file: it asks again instead of overwriting at once.
        dialog.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        await press_export(pilot)
        assert "exists. Press Export again" in status_text(app)
        assert target.read_text() == "keep me"
        dialog.query_one("#export-paragraphs", Input).value = "2"
        await pilot.pause()
        assert status_text(app) == ""


async def test_reversed_range_is_named(article: Document, tmp_path: Path) -> None:
    app = Host(article, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.query_one("#export-paragraphs", Input).value = "5-3"
        await press_export(pilot)
        assert "Paragraphs: '5-3' is reversed; write the first paragraph first (3-5)" in (
            status_text(app)
        )
        assert list(tmp_path.iterdir()) == []


async def test_dialog_fits_an_80_by_24_terminal(article: Document, tmp_path: Path) -> None:
    app = Host(article, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen_region = app.screen.region
        for selector in ("#export-box", "#export-run", "#export-path", "#export-format"):
            region = app.screen.query_one(selector).region
            assert region.area > 0, selector
            assert screen_region.contains_region(region), (selector, region)
