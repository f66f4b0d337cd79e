"""Editing and removing the reader's own glossary entries: core, CLI and glossary screen."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.widgets import Input, OptionList

from glossary.loading import load_glossaries, user_glossary_path
from glossary.schema import GlossaryEntry
from glossary.user_entries import (
    find_user_entry,
    remove_user_entry,
    update_user_entry,
    user_entries,
)
from reader.cli import main
from reader.core.errors import UserError
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.entry_edit import EditEntryFormScreen
from reader.ui.screens.glossary import GlossaryScreen
from reader.ui.screens.glossary_own import OwnEntriesScreen

USER_FILE = """\
# my own words
glossary: Mine
version: '1'
entries:
  - term: Teppich
    kind: noun
    gender: m
    renderings: [carpet]
    explanation: Auf dem Boden.
  # the next one is from Kafka
  - term: Ungeziefer
    kind: noun
    renderings: [vermin]
    explanation: Ein Tier.
  - term: trotten
    kind: verb
    renderings: [trot]
    explanation: Langsam gehen.
"""


def write_user_file(path: Path, text: str = USER_FILE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def terms(path: Path) -> list[str]:
    return [entry.term for entry in user_entries(path)]


def test_update_replaces_only_that_entry_and_keeps_comments(
    tmp_path: Path, sample_glossary_file: Path
) -> None:
    path = write_user_file(tmp_path / "glossary.yaml")
    original = find_user_entry("ungeziefer", user_file=path)
    changed = dataclasses.replace(original, renderings=("vermin", "pests"), plural="")
    update_user_entry(original, changed, path, [sample_glossary_file])
    text = path.read_text(encoding="utf-8")
    assert "# my own words" in text and "# the next one is from Kafka" in text
    assert terms(path) == ["Teppich", "Ungeziefer", "trotten"]
    assert find_user_entry("Ungeziefer", user_file=path).renderings == ("vermin", "pests")
    assert not list(path.parent.glob(".*"))  # written atomically, nothing left behind


def test_update_refuses_a_clash_and_a_curated_term(
    tmp_path: Path, sample_glossary_file: Path
) -> None:
    path = write_user_file(tmp_path / "glossary.yaml")
    before = path.read_text(encoding="utf-8")
    original = find_user_entry("Teppich", user_file=path)
    with pytest.raises(UserError, match="'trotten' \\(verb\\) is already in your glossary"):
        update_user_entry(
            original,
            dataclasses.replace(original, term="trotten", kind="verb", gender=None),
            path,
            [sample_glossary_file],
        )
    with pytest.raises(UserError, match="already in the curated glossary"):
        update_user_entry(
            original, dataclasses.replace(original, term="Partisan"), path, [sample_glossary_file]
        )
    with pytest.raises(UserError, match="renderings"):
        update_user_entry(original, dataclasses.replace(original, renderings=()), path)
    assert path.read_text(encoding="utf-8") == before


def test_remove_drops_one_entry_then_the_last(tmp_path: Path) -> None:
    path = write_user_file(tmp_path / "glossary.yaml")
    remove_user_entry(find_user_entry("Ungeziefer", user_file=path), path)
    assert terms(path) == ["Teppich", "trotten"]
    assert "# my own words" in path.read_text(encoding="utf-8")
    for term in ("trotten", "Teppich"):
        remove_user_entry(find_user_entry(term, user_file=path), path)
    assert terms(path) == []
    with pytest.raises(UserError, match="no entry 'Teppich'"):
        find_user_entry("Teppich", user_file=path)


def test_a_missing_or_broken_file_is_one_user_error(tmp_path: Path) -> None:
    entry = GlossaryEntry("Haus", "noun", ("house",), "Ein Haus.", origin="user")
    with pytest.raises(UserError, match="no glossary entries yet"):
        remove_user_entry(entry, tmp_path / "none.yaml")
    broken = write_user_file(tmp_path / "broken.yaml", "entries: [\n")
    with pytest.raises(UserError, match="fix your glossary first"):
        update_user_entry(entry, entry, broken)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_any_user_file_text_gives_only_user_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8")
    entry = GlossaryEntry("Haus", "noun", ("house",), "Ein Haus.", origin="user")
    for action in (
        lambda: update_user_entry(entry, entry, path, []),
        lambda: remove_user_entry(entry, path),
        lambda: find_user_entry("Haus", user_file=path),
    ):
        try:
            action()
        except UserError:
            pass


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(min_size=1, max_size=40).filter(str.strip),
    st.text(min_size=1, max_size=80).filter(str.strip),
)
def test_edits_of_any_text_read_back_or_are_refused(
    tmp_path: Path, rendering: str, explanation: str
) -> None:
    path = write_user_file(tmp_path / "round.yaml")
    original = find_user_entry("Teppich", user_file=path)
    changed = dataclasses.replace(original, renderings=(rendering,), explanation=explanation)
    try:
        update_user_entry(original, changed, path, [])
    except UserError:
        assert path.read_text(encoding="utf-8") == USER_FILE
        return
    stored = find_user_entry("Teppich", user_file=path)
    assert (stored.renderings, stored.explanation) == (changed.renderings, changed.explanation)
    assert terms(path) == ["Teppich", "Ungeziefer", "trotten"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_cli_add_edit_remove(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "glossary",
        "add",
        "Ungeziefer",
        "--renderings",
        "vermin",
        "--explanation",
        "Ein Tier.",
    )
    assert status == 0 and out.startswith("added Ungeziefer (noun) to ")
    status, out, _ = run(
        capsys,
        "glossary",
        "edit",
        "ungeziefer",
        "--renderings",
        "vermin; pests",
        "--gender",
        "n",
    )
    assert status == 0 and out.startswith("changed Ungeziefer (noun)")
    entry = find_user_entry("Ungeziefer")
    assert (entry.renderings, entry.gender) == (("vermin", "pests"), "n")
    status, _, err = run(capsys, "glossary", "edit", "Ungeziefer")
    assert (status, err.startswith("lesepult: nothing to change")) == (2, True)
    status, _, err = run(capsys, "glossary", "edit", "Krieg", "--explanation", "x")
    assert status == 1 and "no entry 'Krieg' in your glossary" in err
    assert run(capsys, "glossary", "remove", "UNGEZIEFER")[0] == 0
    assert user_entries() == ()


class Host(App[None]):
    """Records what the glossary screen tells its host."""

    def __init__(self, screen: GlossaryScreen) -> None:
        super().__init__()
        self.glossary_screen = screen
        self.changes: list[OwnEntriesScreen.EntryChanged] = []

    def on_mount(self) -> None:
        self.push_screen(self.glossary_screen)

    def on_own_entries_screen_entry_changed(self, event: OwnEntriesScreen.EntryChanged) -> None:
        self.changes.append(event)


async def test_glossary_screen_edits_and_removes_own_entries(sample_glossary_file: Path) -> None:
    path = write_user_file(user_glossary_path())
    glossary = load_glossaries([sample_glossary_file], path)
    screen = GlossaryScreen(glossary)
    app = Host(screen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        entry_list = screen.query_one("#glossary-list", OptionList)
        entry_list.focus()
        entry_list.highlighted = 0  # a curated entry: neither edited nor removed
        await pilot.pause()
        await pilot.press("e")
        assert app.screen is screen
        teppich = [e.term for e in screen.glossary.entries].index("Teppich")
        entry_list.highlighted = teppich
        await pilot.pause()
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EditEntryFormScreen)
        assert form.query_one("#entry-renderings", Input).value == "carpet"
        assert form.query_one("#entry-explanation", Input).value == "Auf dem Boden."
        form.query_one("#entry-renderings", Input).value = "carpet; rug"
        await pilot.press("ctrl+s")
        while app.screen is form:
            await pilot.pause()
        assert find_user_entry("Teppich").renderings == ("carpet", "rug")
        assert screen.glossary.entries[teppich].renderings == ("carpet", "rug")
        assert app.changes[-1].removed is False
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        while len(app.changes) < 2:
            await pilot.pause()
        assert app.changes[-1].removed is True
        assert "Teppich" not in [e.term for e in screen.glossary.entries]
        assert terms(path) == ["Ungeziefer", "trotten"]
        assert entry_list.option_count == len(screen.glossary.entries)
