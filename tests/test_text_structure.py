"""Text structure on real-looking lines: datelines, titles, footnotes, sign-offs (issue 9)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.structure import dateline_length
from reader.core.text import Document, parse_document

DATELINES = [
    ("BERLIN taz | Der Kanzler kam.", "BERLIN taz | "),
    ("KYJIW/BERLIN taz | Die Lage ist ernst.", "KYJIW/BERLIN taz | "),
    ("Berlin (Reuters) - Die Bundesregierung will die Steuern senken.", "Berlin (Reuters) - "),
    ("NÜRNBERG (dpa-AFX) - Der Sportartikelhersteller Adidas hat", "NÜRNBERG (dpa-AFX) - "),
    ("Hamburg (dpa) – Ein Großbrand hat in der Nacht", "Hamburg (dpa) – "),
    ("Frankfurt/Main (AFP) — Die Europäische Zentralbank", "Frankfurt/Main (AFP) — "),
    ("Bad Homburg (ots) - Die Fresenius SE hat", "Bad Homburg (ots) - "),
    ("Frankfurt am Main (dpa/lhe) - Nach dem Unfall", "Frankfurt am Main (dpa/lhe) - "),
    ("Halle-Neustadt (epd) - Die Kirche lädt ein.", "Halle-Neustadt (epd) - "),
    ("WASHINGTON (AP) - Der Präsident sagte", "WASHINGTON (AP) - "),
    ("Wien (APA) – Die Regierung hat", "Wien (APA) – "),
    ("Berlin, 3. März 2024 (ots) - Die Stiftung", "Berlin, 3. März 2024 (ots) - "),
]


@pytest.mark.parametrize(("text", "dateline"), DATELINES, ids=[d for _, d in DATELINES])
def test_agency_datelines_are_recognised(text: str, dateline: str) -> None:
    assert dateline_length(text) == len(dateline)


NOT_DATELINES = [
    "(Reuters) Die Bundesregierung will die Steuern senken.",
    "(Anmerkung der Redaktion) - Der Text wurde gekürzt.",
    "Die Regierung (SPD) – so hieß es – will sparen.",
    "Er (selbst) - so sagt er - hat nichts gewusst.",
    "Merkel (CDU) - die frühere Kanzlerin - sprach.",
    "Der Minister sagte (siehe oben) - und ging.",
    "Berlin ist groß - und laut.",
    "Im Jahr 2022 (laut Statistik) - stiegen die Preise.",
]


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_ordinary_sentences_are_not_datelines(text: str) -> None:
    assert dateline_length(text) == 0


def test_agency_dateline_paragraph_makes_the_one_before_it_the_teaser() -> None:
    document = parse_document(
        "Adidas hebt die Prognose an\n\n"
        "Der Konzern verdient mehr als erwartet. Die Aktie steigt.\n\n"
        "NÜRNBERG (dpa-AFX) - Der Sportartikelhersteller Adidas hat seine Prognose erhöht.\n",
        "news.txt",
    )
    assert [block.kind for block in document.blocks] == ["title", "teaser", "paragraph"]
    assert document.blocks[2].dateline_length == len("NÜRNBERG (dpa-AFX) - ")


@pytest.mark.parametrize(
    "title",
    [
        "Wer hat Angst vor dem Wolf?",
        "Schluss mit dem Zögern!",
        "Die Wende kam im Herbst.",
    ],
)
def test_short_first_line_with_final_punctuation_is_the_title(title: str) -> None:
    document = parse_document(
        f"{title}\n\nIm Oktober 1989 gingen in Leipzig Tausende auf die Straße. Sie riefen.\n",
        "t.txt",
    )
    assert document.blocks[0].kind == "title"
    assert document.title == title


@pytest.mark.parametrize(
    "first",
    [
        "Es war einmal ein König. Der hatte drei Töchter.",
        "Im Oktober 1989 gingen in Leipzig Tausende von Menschen auf die Straße und"
        " riefen: Wir sind das Volk!",
        "Er kam.\nSie ging.",
    ],
)
def test_a_first_paragraph_of_sentences_is_not_a_title(first: str) -> None:
    document = parse_document(f"{first}\n\nDann geschah lange nichts.\n", "t.txt")
    assert document.blocks[0].kind == "paragraph"


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            "Die Stadt hat 5000 Einwohner.[1] Sie liegt am Rhein.",
            ["Die Stadt hat 5000 Einwohner.[1]", "Sie liegt am Rhein."],
        ),
        (
            "Die Stadt hat 5000 Einwohner. [12] Sie liegt am Rhein.",
            ["Die Stadt hat 5000 Einwohner. [12]", "Sie liegt am Rhein."],
        ),
        (
            "Die Burg wurde 1200 gebaut.[2][3] Heute ist sie ein Museum.",
            ["Die Burg wurde 1200 gebaut.[2][3]", "Heute ist sie ein Museum."],
        ),
        (
            "Er starb in Wien.¹ Seine Werke blieben.",
            ["Er starb in Wien.¹", "Seine Werke blieben."],
        ),
        (
            "Die Stadt liegt am Rhein[1]. Sie ist alt.",
            ["Die Stadt liegt am Rhein[1].", "Sie ist alt."],
        ),
    ],
)
def test_footnote_markers_stay_with_their_sentence(paragraph: str, sentences: list[str]) -> None:
    document = parse_document(f"Titel\n\n{paragraph}\n", "t.txt")
    assert [sentence.text for sentence in document.sentences(1)] == sentences


def test_a_list_of_notes_keeps_its_markers_at_the_start() -> None:
    document = parse_document(
        "Titel\n\nEin Satz steht hier.\n\n[1] Müller, Berlin 2003. [2] Schmidt, Wien 2005.\n",
        "t.txt",
    )
    assert [s.text for s in document.sentences(2)][1].startswith("[2]")


@pytest.mark.parametrize(
    "closing",
    [
        "Viele Grüße, dein Tom",
        "Mit freundlichen Grüßen",
        "Herzliche Grüße\nAnna",
        "Liebe Grüße",
        "Hochachtungsvoll",
        "Dein Tom",
        "Liebe Anna,",
    ],
)
def test_letter_greetings_and_sign_offs_are_not_headings(closing: str) -> None:
    document = parse_document(
        f"Ein Brief\n\nIch schreibe dir aus Wien. Es geht mir gut.\n\n{closing}\n", "brief.txt"
    )
    assert document.blocks[2].kind == "paragraph"


def test_the_name_under_a_sign_off_is_not_a_heading() -> None:
    document = parse_document(
        "Ein Brief\n\nIch schreibe dir aus Wien. Es geht mir gut.\n\nHerzliche Grüße\n\nAnna\n",
        "brief.txt",
    )
    assert [block.kind for block in document.blocks] == [
        "title",
        "paragraph",
        "paragraph",
        "paragraph",
    ]


@pytest.mark.parametrize("heading", ["Die Lage im Süden", "Ihre Rechte", "Was jetzt kommt"])
def test_ordinary_headings_stay_headings(heading: str) -> None:
    document = parse_document(
        f"Titel\n\nEin erster Absatz. Mit Sätzen.\n\n{heading}\n\nNoch ein Absatz.\n", "t.txt"
    )
    assert document.blocks[2].kind == "heading"


def test_bundled_article_structure_is_unchanged(article: Document) -> None:
    kinds = [block.kind for block in article.blocks]
    assert kinds[:2] == ["title", "teaser"]
    assert article.blocks[2].dateline_length == len("BERLIN taz | ")
    assert sum(1 for block in article.blocks if block.dateline_length) == 1
    assert kinds.count("title") == 1
    sentences = [s for block in article.blocks for s in article.sentences(block.index)]
    assert not any(s.text.startswith("[") for s in sentences)


# A recipe blog (tests/data/real/informal-frauhoffmanns-apfelkuchen.md): the ingredients and
# steps are markdown lists, one item a line.
RECIPE = """Omas Apfelkuchen

Das braucht Ihr:

- 250g + ein bisschen weiche Butter
- 500g Mehl
- 2 Eier

Und so geht`s:

1. Backofen auf 180°C vorheizen.
2. Butter, Mehl und Eier zu einem glatten Teig
   kneten und zu einer Rolle formen.
"""


def test_each_list_item_is_a_paragraph_without_its_marker() -> None:
    document = parse_document(RECIPE, "rezept.md")
    texts = [(block.kind, block.text) for block in document.blocks]
    assert texts[2:5] == [
        ("paragraph", "250g + ein bisschen weiche Butter"),
        ("paragraph", "500g Mehl"),
        ("paragraph", "2 Eier"),  # short, without final punctuation, and still no heading
    ]
    # A numbered item's second line continues it.
    assert texts[-1] == (
        "paragraph",
        "Butter, Mehl und Eier zu einem glatten Teig\n   kneten und zu einer Rolle formen.",
    )
    assert [s.text for s in document.sentences(document.blocks[-2].index)] == [
        "Backofen auf 180°C vorheizen."
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "- Nur ein Punkt, kein Verzeichnis.",  # one marker line is no list
        "Am 1. April kam er an.\nAm 2. Mai fuhr er fort.",  # numbers inside lines
        "Er kam – und ging wieder.",
        "– Ja, sagte er.\n– Nein, sagte sie.",  # dialogue dashes are text, no list markers
    ],
)
def test_a_paragraph_with_fewer_than_two_item_lines_stays_whole(paragraph: str) -> None:
    document = parse_document(f"Titel\n\n{paragraph}\n", "t.txt")
    assert [block.text for block in document.blocks[1:]] == [paragraph]


@settings(max_examples=500, deadline=None)
@given(
    lines=st.lists(
        st.tuples(
            st.sampled_from(["", "- ", "* ", "1. ", "2) ", "• ", "  - ", "-", "– "]),
            st.text(alphabet="ab .-\t", max_size=12),
        ),
        max_size=8,
    )
)
def test_list_items_are_non_empty_pieces_of_their_paragraph(lines: list[tuple[str, str]]) -> None:
    paragraph = "\n".join(marker + text for marker, text in lines)
    source = f"Titel\n\nWort {paragraph} Wort\n"
    document = parse_document(source, "t.txt")
    previous_end = 0
    for block in document.blocks:
        assert block.text and not block.text[0].isspace() and not block.text[-1].isspace()
        assert document.source[block.start : block.end] == block.text
        assert block.start >= previous_end
        previous_end = block.end
