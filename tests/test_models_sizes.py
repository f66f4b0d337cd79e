"""The models screen shows each installed package's size on disk (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import DataTable

from reader.cli import main
from reader.translation import installed_model
from reader.translation.models import install_from_file, package_size, readable_size
from reader.ui.screens.models import ModelsScreen
from tests.ui_support import settle


@pytest.mark.parametrize(
    ("size", "shown"),
    [(None, "?"), (120, "1 kB"), (740_400, "740 kB"), (98_300_000, "98 MB")],
)
def test_sizes_read_as_kilo_or_megabytes(size: int | None, shown: str) -> None:
    assert readable_size(size) == shown


async def test_the_installed_table_shows_the_size_on_disk(tiny_package: Path) -> None:
    install_from_file(tiny_package)
    model = installed_model()
    assert model is not None
    app: App[None] = App()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(ModelsScreen())
        await settle(pilot)
        table = app.screen.query_one("#models-installed", DataTable)
        assert [str(column.label) for column in table.columns.values()][-1] == "Size"
        assert str(table.get_row_at(0)[-1]) == readable_size(package_size(model.path))


def test_models_list_shows_the_size_too(
    tiny_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    install_from_file(tiny_package)
    model = installed_model()
    assert model is not None
    size = package_size(model.path)
    assert main(["models", "list", "--offline", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["installed"][0]["size"] == size
    assert main(["models", "list", "--offline"]) == 0
    assert readable_size(size) in capsys.readouterr().out
