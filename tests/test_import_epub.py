"""EPUB books: chapters in spine order under their titles; DRM, broken books, zip bombs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import cli
from reader.cli.common import open_document
from reader.core.errors import UserError
from reader.core.text import TextLoadError
from reader.importing import epub
from reader.store import Store
from tests.epub_books import ADEPT_ENCRYPTION, FONT_ENCRYPTION, epub2_book, epub3_book

TITLES = ["Erstes Kapitel", "Zweites Kapitel", "Drittes Kapitel"]


def _headings(path: Path) -> list[str]:
    document = open_document(str(path))
    return [block.text for block in document.blocks if block.kind == "heading"]


def test_epub3_chapters_in_spine_order_under_their_titles(tmp_path: Path) -> None:
    book = epub3_book(tmp_path / "bahnhof.epub")
    document = open_document(str(book))
    assert document.title == "Der Bahnhof"
    assert document.blocks[0].kind == "title"
    # The manifest lists the chapters backwards; the spine's order wins. Chapter 2 has no
    # heading of its own: its title comes from the table of contents.
    assert [b.text for b in document.blocks if b.kind == "heading"] == TITLES
    texts = [block.text for block in document.blocks]
    assert texts.index("Zweites Kapitel") + 1 == texts.index("Der Zug kam nie pünktlich.")
    assert dict(document.metadata.extra)["author"] == "Erika Musterfrau"


def test_epub2_with_ncx(tmp_path: Path) -> None:
    book = epub2_book(tmp_path / "alt.epub")
    assert _headings(book) == TITLES
    assert open_document(str(book)).title == "Alte Geschichten"


def test_position_is_kept_per_book(tmp_path: Path, store: Store) -> None:
    book = epub3_book(tmp_path / "bahnhof.epub")
    first = open_document(str(book))
    store.remember_position(first.text_id, first.title, str(first.path), 4, 0)
    moved = book.rename(tmp_path / "anderswo.epub")
    again = open_document(str(moved))
    position = store.position(again.text_id)
    assert position is not None and position.block == 4


def test_font_obfuscation_is_not_drm(tmp_path: Path) -> None:
    book = epub2_book(tmp_path / "fonts.epub", {"META-INF/encryption.xml": FONT_ENCRYPTION})
    assert _headings(book) == TITLES


@pytest.mark.parametrize(
    "extra",
    [{"META-INF/encryption.xml": ADEPT_ENCRYPTION}, {"META-INF/rights.xml": "<rights/>"}],
)
def test_drm_is_one_clear_line(tmp_path: Path, extra: dict[str, str | bytes]) -> None:
    book = epub2_book(tmp_path / "drm.epub", extra)
    with pytest.raises(UserError, match="protected by DRM") as error:
        open_document(str(book))
    assert "\n" not in error.value.message


def test_broken_books_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    whole = epub3_book(tmp_path / "ganz.epub").read_bytes()
    cut = tmp_path / "kaputt.epub"
    cut.write_bytes(whole[: len(whole) // 2])
    assert cli.main(["search", "Zug", str(cut)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("lesepult: ") and "kaputt.epub" in err and err.count("\n") == 1
    not_epub = tmp_path / "leer.epub"
    with zipfile.ZipFile(not_epub, "w") as archive:
        archive.writestr("hallo.txt", "hallo")
    with pytest.raises(UserError, match="not an EPUB"):
        open_document(str(not_epub))
    bad_opf = epub2_book(tmp_path / "opf.epub", {"OEBPS/content.opf": "<package"})
    with pytest.raises(UserError, match="broken EPUB"):
        open_document(str(bad_opf))


def test_a_book_of_a_newer_zip_version_is_one_line(tmp_path: Path) -> None:
    # Found by Hypothesis: zipfile raises NotImplementedError for "zip file version 6.4".
    from tests.test_bad_input_packages import needs_a_newer_zip_reader

    book = needs_a_newer_zip_reader(epub3_book(tmp_path / "neu.epub"))
    with pytest.raises(UserError, match="zip file Python cannot read") as error:
        open_document(str(book))
    assert "\n" not in error.value.message


def test_zip_bomb_and_too_many_entries_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bomb = epub2_book(tmp_path / "bombe.epub", {"OEBPS/nullen.bin": b"\0" * 2_000_000})
    assert bomb.stat().st_size < 100_000
    monkeypatch.setattr(epub, "MAX_UNCOMPRESSED", 1_000_000)
    with pytest.raises(UserError, match="unpacks to more than"):
        open_document(str(bomb))
    many = epub2_book(tmp_path / "viele.epub", {f"x/{n}.txt": "x" for n in range(50)})
    monkeypatch.setattr(epub, "MAX_ENTRIES", 40)
    with pytest.raises(UserError, match="more than 40 files"):
        open_document(str(many))


def test_control_characters_in_a_chapter_are_dropped(tmp_path: Path) -> None:
    book = epub2_book(
        tmp_path / "esc.epub",
        {
            "OEBPS/text/c1.html": "<html><body><h1>Ein\x1b[2J Titel</h1>"
            "<p>Text \x07 hier.</p></body></html>"
        },
    )
    document = open_document(str(book))
    assert not any(ord(c) < 32 and c != "\n" for c in document.source)


@pytest.fixture(scope="module")
def book_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return epub2_book(tmp_path_factory.mktemp("epub") / "b.epub").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_damage_gives_a_book_or_a_load_error(book_bytes: bytes, data: st.DataObject) -> None:
    damaged = bytearray(book_bytes)
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(damaged) - 1))
        damaged[position] = data.draw(st.integers(0, 255))
    if data.draw(st.booleans()):
        damaged = damaged[: data.draw(st.integers(0, len(damaged)))]
    try:
        markdown = epub.epub_to_markdown(bytes(damaged))
    except TextLoadError as error:
        assert "\n" not in str(error)
        return
    assert markdown.startswith("---\n")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_give_a_book_or_a_load_error(data: bytes) -> None:
    try:
        epub.epub_to_markdown(data)
    except TextLoadError:
        pass


async def test_chapter_list_jumps_to_a_chapter(tmp_path: Path, store: Store) -> None:
    from reader.ui.screens.chapters import ChapterListScreen
    from tests.ui_support import reading_app, reading_screen, settle

    document = open_document(str(epub3_book(tmp_path / "bahnhof.epub")))
    app = reading_app(document, store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("C")
        await settle(pilot)
        assert isinstance(app.screen, ChapterListScreen)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        screen = reading_screen(pilot)
        third = next(b.index for b in document.blocks if b.text == "Drittes Kapitel")
        assert screen.cursor.block == third
        await pilot.press("C")
        await settle(pilot)
        listing = app.screen
        assert isinstance(listing, ChapterListScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert reading_screen(pilot).cursor.block == third
