"""Tests of the text model: blocks, sentences, tokens, offsets, lazy segmentation, reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.paths import DEFAULT_TEXT
from reader.core.text import Document, load_document, load_reference, parse_document
from tests.longtext import NOVEL_TITLE, make_long_text, write_long_text

SEED_ARTICLE = Path("/work/shared/seed/000_bd67178a037e1169.txt")


def sentences_of(paragraph: str) -> list[str]:
    """The sentence texts SoMaJo finds in one paragraph placed after a title."""
    document = parse_document(f"Titel\n\n{paragraph}", "test.txt", path=Path("test.txt"))
    assert [block.kind for block in document.blocks] == ["title", "paragraph"]
    return [sentence.text for sentence in document.sentences(1)]


def tokens_of(paragraph: str) -> list[str]:
    """The token texts of one paragraph."""
    document = parse_document(f"Titel\n\n{paragraph}", "test.txt", path=Path("test.txt"))
    return [token.text for sentence in document.sentences(1) for token in sentence.tokens]


def assert_offsets_consistent(document: Document) -> None:
    """Every block, sentence and token slices back to its own text from the source."""
    source = document.source
    for block in document.blocks:
        assert source[block.start : block.end] == block.text
        previous_end = block.start
        for position, sentence in enumerate(document.sentences(block.index)):
            assert sentence.block == block.index
            assert sentence.index == position
            assert block.start <= sentence.start < sentence.end <= block.end
            assert source[sentence.start : sentence.end] == sentence.text
            # Only whitespace may lie between sentences: nothing of the text gets lost.
            assert source[previous_end : sentence.start].strip() == ""
            previous_end = sentence.end
            token_end = sentence.start
            for token in sentence.tokens:
                assert source[token.start : token.end] == token.text
                assert source[token_end : token.start].strip() == ""
                token_end = token.end
            assert token_end == sentence.end
        assert source[previous_end : block.end].strip() == ""


# Sentence splitting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param(
            "Das kostet z. B. zehn Euro. Dann gehen wir.",
            ["Das kostet z. B. zehn Euro.", "Dann gehen wir."],
            id="z. B.",
        ),
        pytest.param(
            "Dr. Müller kommt morgen. Er bringt Kuchen mit.",
            ["Dr. Müller kommt morgen.", "Er bringt Kuchen mit."],
            id="Dr.",
        ),
        pytest.param(
            "Es waren ca. 300 Leute da. Alle tanzten.",
            ["Es waren ca. 300 Leute da.", "Alle tanzten."],
            id="ca.",
        ),
        pytest.param(
            "Die Stadt hat 1,2 Mio. Einwohner. Sie wächst.",
            ["Die Stadt hat 1,2 Mio. Einwohner.", "Sie wächst."],
            id="Mio.",
        ),
        pytest.param(
            "Die Kirche stammt aus dem 13. Jh. und ist berühmt. Viele besuchen sie.",
            ["Die Kirche stammt aus dem 13. Jh. und ist berühmt.", "Viele besuchen sie."],
            id="Jh.",
        ),
        pytest.param(
            "Er wohnt in Haus Nr. 5 am Markt. Wir besuchen ihn.",
            ["Er wohnt in Haus Nr. 5 am Markt.", "Wir besuchen ihn."],
            id="Nr.",
        ),
        pytest.param(
            "Prof. Dr. Schmidt kam um 7.30 Uhr. Er war müde.",
            ["Prof. Dr. Schmidt kam um 7.30 Uhr.", "Er war müde."],
            id="Prof. Dr. and a time",
        ),
        pytest.param(
            "„Komm her“, sagte sie. „Jetzt!“",
            ["„Komm her“, sagte sie.", "„Jetzt!“"],
            id="quotes",
        ),
        pytest.param(
            "Er sagte: „Ich komme nicht.“ Dann ging er.",
            ["Er sagte: „Ich komme nicht.“", "Dann ging er."],
            id="closing quote after the full stop",
        ),
        pytest.param(
            "Am 24. Februar 2022 begann der Krieg. Niemand war überrascht.",
            ["Am 24. Februar 2022 begann der Krieg.", "Niemand war überrascht."],
            id="ordinal date with year",
        ),
        pytest.param(
            "Wir treffen uns am 3. Oktober in Berlin. Bis dann!",
            ["Wir treffen uns am 3. Oktober in Berlin.", "Bis dann!"],
            id="ordinal date",
        ),
        pytest.param(
            "Die Expert*innen warnen. Die Politiker*innen schweigen.",
            ["Die Expert*innen warnen.", "Die Politiker*innen schweigen."],
            id="gender star",
        ),
        pytest.param(
            "Wohin gehst du? Nach Hause … vielleicht.",
            ["Wohin gehst du?", "Nach Hause … vielleicht."],
            id="question and ellipsis",
        ),
    ],
)
def test_tricky_german_sentences_split_correctly(paragraph: str, expected: list[str]) -> None:
    assert sentences_of(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "token", "kind"),
    [
        ("Die Expert*innen warnen.", "Expert*innen", "regular"),
        ("Die Belaruss*innen schweigen.", "Belaruss*innen", "regular"),
        ("Es waren ca. 300 Leute da.", "ca.", "abbreviation"),
        ("Dr. Müller kommt.", "Dr.", "abbreviation"),
        ("Das Haus Nr. 5 steht leer.", "Nr.", "abbreviation"),
        ("Am 24. Februar 2022 begann es.", "24.", "ordinal"),
        ("Wir treffen uns am 3. Oktober.", "3.", "ordinal"),
        ("Am 24. Februar 2022 begann es.", "2022", "number"),
    ],
)
def test_token_is_kept_whole_with_its_kind(paragraph: str, token: str, kind: str) -> None:
    document = parse_document(f"Titel\n\n{paragraph}", "test.txt", path=Path("test.txt"))
    tokens = {t.text: t for s in document.sentences(1) for t in s.tokens}
    assert token in tokens
    assert tokens[token].kind == kind


@pytest.mark.parametrize(
    ("word", "is_word"),
    [("Expert*innen", True), ("ca.", True), ("24.", False), ("2022", False), ("„", False)],
)
def test_is_word_tells_words_from_numbers_and_punctuation(word: str, is_word: bool) -> None:
    document = parse_document(
        "Titel\n\nAm 24. Februar 2022 waren ca. 300 Expert*innen „dort“.",
        "test.txt",
        path=Path("test.txt"),
    )
    tokens = {t.text: t for s in document.sentences(1) for t in s.tokens}
    assert tokens[word].is_word is is_word


def test_original_spacing_and_line_breaks_are_kept() -> None:
    paragraph = "Er kam  spät.\nSie   kam\tnoch später. Dann\naßen sie."
    document = parse_document(f"Titel\n\n{paragraph}", "test.txt", path=Path("test.txt"))
    assert [s.text for s in document.sentences(1)] == [
        "Er kam  spät.",
        "Sie   kam\tnoch später.",
        "Dann\naßen sie.",
    ]
    assert document.blocks[1].text == paragraph
    assert_offsets_consistent(document)


# The bundled article --------------------------------------------------------------------------


def test_article_blocks_have_the_expected_kinds(article: Document) -> None:
    kinds = [block.kind for block in article.blocks]
    assert kinds == ["title", "teaser"] + ["paragraph"] * 4 + ["heading"] + ["paragraph"] * 4
    assert article.blocks[0].text == "Belarus im Ukraine-Krieg: Auf alles vorbereitet"
    assert article.blocks[6].text == "Breitere Beteiligung"


def test_article_dateline_is_found_only_in_the_first_paragraph(article: Document) -> None:
    dateline = "BERLIN taz | "
    assert article.blocks[2].dateline_length == len(dateline)
    assert article.blocks[2].text.startswith(dateline)
    assert [b.index for b in article.blocks if b.dateline_length] == [2]


def test_article_has_33_sentences_with_consistent_offsets(article: Document) -> None:
    assert sum(1 for _ in article.all_sentences()) == 33
    assert_offsets_consistent(article)


def test_article_metadata_comes_from_the_front_matter(article: Document) -> None:
    assert article.title == "Belarus im Ukraine-Krieg: Auf alles vorbereitet"
    assert article.metadata.source == "taz"
    assert article.metadata.date == "2022-12"
    assert article.metadata.reference == "belarus-im-ukraine-krieg.en.md"


def test_article_text_id_is_stable_across_loads(article: Document) -> None:
    assert load_document(DEFAULT_TEXT).text_id == article.text_id
    assert re.fullmatch(r"[0-9a-f]{16}", article.text_id)


@pytest.mark.skipif(not SEED_ARTICLE.exists(), reason=f"the seed article {SEED_ARTICLE} is absent")
def test_article_body_reproduces_the_seed_exactly(article: Document) -> None:
    seed_lines = SEED_ARTICLE.read_text(encoding="utf-8").splitlines()
    # The seed's first line is "date ... title" in its own format; the body lines follow.
    seed_body = [line.strip() for line in seed_lines[1:] if line.strip()]
    assert [block.text for block in article.blocks[1:]] == seed_body


# The curated reference translation -------------------------------------------------------------


def test_reference_has_one_line_per_german_sentence_in_every_block(article: Document) -> None:
    reference = load_reference(article)
    assert reference is not None
    assert len(reference.blocks) == len(article.blocks)
    for block in article.blocks:
        english = reference.blocks[block.index]
        german = article.sentences(block.index)
        assert len(english) == len(german), (block.index, english, [s.text for s in german])
        assert all(line.strip() == line and line for line in english)


def test_reference_title_heading_and_dateline_are_aligned(article: Document) -> None:
    reference = load_reference(article)
    assert reference is not None
    assert reference.blocks[0] == ("Belarus in the Ukraine war: prepared for anything",)
    assert reference.blocks[6] == ("Broader involvement",)
    assert reference.blocks[2][0].startswith("BERLIN taz | ")


@pytest.mark.parametrize(
    "name",
    [
        "Lavrov",
        "Shoigu",
        "Zelensky",
        "Kyiv",
        "Lukashenko",
        "Aleinik",
        "Makei",
        "Naiev",  # issue 12: one spelling, Ukraine's official transliteration
        "Charter 97",
        "Novichok",
    ],
)
def test_reference_uses_english_spellings_of_names(article: Document, name: str) -> None:
    reference = load_reference(article)
    assert reference is not None
    assert name in " ".join(line for block in reference.blocks for line in block)


def test_reference_front_matter_marks_it_as_curated() -> None:
    import yaml

    text = DEFAULT_TEXT.with_name("belarus-im-ukraine-krieg.en.md").read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---\n")[1])
    assert front["translator"] == "Lesepult team (curated)"
    assert front["language"] == "en"


# The long text ------------------------------------------------------------------------------


def test_long_text_is_deterministic_and_large() -> None:
    text = make_long_text()
    assert text == make_long_text()
    assert len(text.encode("utf-8")) >= 1_000_000
    assert make_long_text(seed=1) != text
    assert text.startswith(f"# {NOVEL_TITLE}\n")


@pytest.mark.parametrize(
    "needle",
    [
        "z. B.",
        "Dr.",
        "ca.",
        "Mio.",
        "Jh.",
        "Nr.",
        "„",
        "*innen",
        "am 3. Oktober",
        "24. Februar 1911",
    ],
)
def test_long_text_contains_the_tricky_cases(needle: str) -> None:
    assert needle in make_long_text(200_000)


def test_long_text_loads_lazily_and_segments_on_demand(tmp_path: Path) -> None:
    path = write_long_text(tmp_path / "roman.md")
    document = load_document(path)
    assert document._cache == {}, "loading must not segment anything"
    assert document.title == NOVEL_TITLE
    kinds = [block.kind for block in document.blocks]
    assert kinds[0] == "title"
    assert kinds.count("heading") >= 10
    assert kinds.count("paragraph") >= 2000
    middle = len(document.blocks) // 2
    while document.blocks[middle].kind != "paragraph":
        middle += 1
    sentences = document.sentences(middle)
    assert len(sentences) >= 2
    assert set(document._cache) == {middle}
    assert document.sentences(middle) is sentences, "a segmented block is cached"
    block = document.blocks[middle]
    assert document.source[sentences[0].start : sentences[-1].end] == block.text


def test_long_text_sample_has_consistent_offsets() -> None:
    document = parse_document(make_long_text(30_000, seed=3), "roman.md", path=Path("roman.md"))
    assert_offsets_consistent(document)
