"""Pilot tests of the models screen and the translation dialogs, each on a tiny host app."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable, Input, Static

from reader.translation import installed_model
from reader.ui.screens.edit_translation import (
    REVERT,
    AlternativesScreen,
    EditTranslationScreen,
    EnglishBox,
)
from reader.ui.screens.models import ModelsScreen
from tests.fixtures_translation import PackageServer
from tests.ui_support import settle

PACKAGE_NAME = "translate-de_en-0_1.argosmodel"


class HostApp(App[None]):
    """Records the messages screens post up and the values dialogs dismiss with."""

    def __init__(self) -> None:
        super().__init__()
        self.changes: list[ModelsScreen.ModelsChanged] = []
        self.results: list[str | None] = []

    def on_models_screen_models_changed(self, event: ModelsScreen.ModelsChanged) -> None:
        self.changes.append(event)


def status(app: App[None]) -> str:
    return str(app.screen.query_one("#models-status", Static).render())


async def test_models_screen_installs_from_the_index_and_removes(
    package_server: PackageServer, tiny_package: Path
) -> None:
    package_server.publish_package(PACKAGE_NAME, tiny_package.read_bytes())
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModelsScreen())
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#models-installed", DataTable).row_count == 0
        assert screen.query_one("#models-available", DataTable).row_count == 1
        assert "lesepult models install" in status(app)

        await pilot.press("i")
        await settle(pilot)
        assert installed_model() is not None
        assert [change.model for change in app.changes] == [installed_model()]
        assert screen.query_one("#models-installed", DataTable).row_count == 1

        await pilot.press("d", "d")
        await settle(pilot)
        assert installed_model() is None
        assert app.changes[-1].model is None
        assert screen.query_one("#models-installed", DataTable).row_count == 0


async def test_models_screen_installs_a_file_and_shows_index_problems(
    tiny_package: Path,
) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModelsScreen())
        await settle(pilot)
        assert "cannot reach the model index" in status(app)
        await pilot.press("f")
        field = app.screen.query_one("#models-file", Input)
        assert app.focused is field
        field.value = str(tiny_package)
        await pilot.press("enter")
        await settle(pilot)
        assert app.changes and app.changes[0].model == installed_model()
        assert app.screen.query_one("#models-installed", DataTable).row_count == 1


async def test_models_screen_reports_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.argosmodel"
    bad.write_text("nope")
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModelsScreen())
        await pilot.pause()
        await pilot.press("f")
        app.screen.query_one("#models-file", Input).value = str(bad)
        await pilot.press("enter")
        await settle(pilot)
        assert "not an Argos model package" in status(app)
        assert app.changes == []


async def test_edit_dialog_returns_the_new_english() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(
            EditTranslationScreen("Putin besucht Minsk.", "Putin visit"), app.results.append
        )
        await pilot.pause()
        field = app.screen.query_one("#edit-english", EnglishBox)
        assert app.focused is field
        field.text = "Putin visits Minsk."
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == ["Putin visits Minsk."]


async def test_edit_dialog_cancel_and_revert() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(EditTranslationScreen("Ein Satz.", "A sentence."), app.results.append)
        await pilot.pause()
        await pilot.press("ctrl+r")  # no correction to revert: ignored
        await pilot.press("escape")
        await pilot.pause()
        app.push_screen(
            EditTranslationScreen("Ein Satz.", "A sentence.", revert_to="machine"),
            app.results.append,
        )
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.results == [None, REVERT]


async def test_alternatives_dialog_picks_one() -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        choices = ("Putin visits Minsk.", "Putin is visiting Minsk.", "Putin calls on Minsk.")
        app.push_screen(AlternativesScreen("Putin besucht Minsk.", choices), app.results.append)
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        app.push_screen(AlternativesScreen("Putin besucht Minsk.", choices), app.results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == ["Putin is visiting Minsk.", None]


def languages_column(app: App[None], table_id: str) -> list[str]:
    table = app.screen.query_one(table_id, DataTable)
    return [str(table.get_row_at(row)[2]) for row in range(table.row_count)]


async def test_models_screen_asks_before_removing_and_names_languages_alike(
    package_server: PackageServer, tiny_package: Path
) -> None:
    package_server.publish_package(PACKAGE_NAME, tiny_package.read_bytes())
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModelsScreen())
        await settle(pilot)
        await pilot.press("f")
        app.screen.query_one("#models-file", Input).value = str(tiny_package)
        await pilot.press("enter")
        await settle(pilot)
        model = installed_model()
        assert model is not None
        assert languages_column(app, "#models-installed") == ["German → English"]
        assert languages_column(app, "#models-available") == ["German → English"]

        await pilot.press("d")
        await settle(pilot)
        assert installed_model() == model  # one press only asks
        assert status(app).startswith(f"Press d again to remove {model.model_id} (about ")
        assert status(app).endswith(" MB).")
        assert len(app.changes) == 1

        await pilot.press("d")
        await settle(pilot)
        assert installed_model() is None
        assert app.changes[-1].model is None


async def test_models_screen_lists_good_entries_beside_bad_ones_and_broken_folders(
    package_server: PackageServer, tiny_package: Path
) -> None:
    from reader.translation.models import argos_packages_dir, install_from_file
    from tests.tiny_argos import index_entry

    install_from_file(tiny_package)
    broken = argos_packages_dir() / "translate-de_en-9_9"
    broken.mkdir()
    (broken / "metadata.json").write_text("[]")
    link = package_server.base_url + PACKAGE_NAME
    package_server.publish(
        [
            {**index_entry("translate-de_en", "2.0", [link]), "source_languages": 5},
            {**index_entry("translate-de_en", "3.0", [link]), "languages": 5},
            {**index_entry("translate-de_en", "4.0", [link]), "links": link},
            index_entry("translate-de_en", "0.1", [link]),
        ]
    )
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModelsScreen())
        await settle(pilot)
        screen = app.screen
        assert screen.query_one("#models-installed", DataTable).row_count == 1
        assert screen.query_one("#models-available", DataTable).row_count == 1
        shown = status(app)
        assert "Reading packages" not in shown
        assert shown.count("Unusable (skipped)") == 1
        assert shown.count("entry 1 skipped") + shown.count("entry 2 skipped") == 2
        assert "entry 3 skipped" in shown


async def test_models_screen_says_where_the_model_runs_as_the_cli_does(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main
    from reader.translation.engine import device_line

    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cpu")
    monkeypatch.setenv("LESEPULT_THREADS", "3")
    expected = "translating on the CPU (3 threads; as requested)"
    assert device_line() == expected
    assert main(["models", "list", "--offline"]) == 0
    assert f"Device: {expected}" in capsys.readouterr().out.splitlines()
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModelsScreen())
        await settle(pilot)
        shown = str(app.screen.query_one("#models-device", Static).render())
        assert shown == f"Device: {expected}"


def test_a_device_that_cannot_be_used_is_one_line_on_the_models_screen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.translation.engine import device_line

    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "tpu")
    assert device_line() == "device 'tpu': choose auto, cpu or cuda"
