"""Settings: stored in the user store, changed from the CLI and kept by the app's keys."""

from __future__ import annotations

import pytest

from reader.cli import main
from reader.cli.common import open_store
from reader.core.text import Document
from reader.settings import SETTINGS, get_setting
from reader.store import Store
from reader.ui.widgets.parallel_view import ParallelTextView
from tests.ui_support import reading_app, reading_screen, settle


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda setting: setting.key)
def test_every_setting_starts_at_its_default_and_can_be_changed(
    setting: object, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.settings import Setting

    assert isinstance(setting, Setting)
    assert main(["settings", setting.key]) == 0
    assert f"{setting.key} = {setting.default}" in capsys.readouterr().out
    other = next(choice for choice in setting.choices if choice != setting.default)
    assert main(["settings", setting.key, other]) == 0
    assert get_setting(open_store(), setting.key) == other


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["settings", "colour"], "no setting called 'colour'"),
        (["settings", "word-colours", "maybe"], "word-colours takes on or off"),
    ],
)
def test_bad_settings_get_one_line(
    arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(arguments) == 2
    error = capsys.readouterr().err
    assert message in error and error.count("\n") == 1


async def test_the_app_keeps_toggled_settings(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press("c", "v")
        await settle(pilot)
    assert get_setting(store, "word-colours") == "off"
    assert get_setting(store, "layout") == "stacked"
    again = reading_app(article, store)
    async with again.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = reading_screen(pilot)
        assert screen.query_one(ParallelTextView).stacked
        assert not screen.colour_words
        assert not any(
            "status" in d.component for ds in screen.view.decorations.values() for d in ds
        )
