"""Entries that stay in their text (issue 12): scope, part of speech and names, on real texts.

The real texts are short excerpts in ``tests/data/real/scope-*.md`` (source and licence in
their front matter). The curated taz glossary used to mark the wrong words there: the
social-media "Post" in "die Deutsche Post", the noun "Verweis" on the verb "verweisen", the
adverb "bestimmt" (surely) on "ein bestimmtes Kochbuch", the noun "Sanktion" on
"sanktioniert", and a first name paired with a surname further on.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.loading import (
    curated_glossary_paths,
    entry_to_data,
    load_glossaries,
    parse_glossary_text,
    validate_entry_data,
)
from glossary.lookup import WordLookup
from glossary.matching import GlossaryMatcher, TermMatch
from glossary.schema import SCOPES, GlossaryEntry, GlossarySet
from glossary.scope import TextScopes, order_by_scope
from reader.cli import main
from reader.core.paths import BUNDLED_TEXTS_DIR
from reader.core.text import Document, Sentence, load_document, parse_document
from reader.store import Store
from reader.ui.widgets.parallel_view import Decoration

REAL = Path(__file__).resolve().parent / "data" / "real"
SCOPE_TEXTS = sorted(REAL.glob("scope-*.md"))
ARTICLE_STEM = "belarus-im-ukraine-krieg"


@pytest.fixture(scope="module")
def curated() -> GlossarySet:
    glossary = load_glossaries(curated_glossary_paths(), BUNDLED_TEXTS_DIR / "no-user-file.yaml")
    assert glossary.problems == (), [str(p) for p in glossary.problems]
    return glossary


@pytest.fixture(scope="module")
def curated_matcher(curated: GlossarySet) -> GlossaryMatcher:
    return GlossaryMatcher(curated)


def real(name: str) -> Document:
    return load_document(REAL / name)


def found(matcher: GlossaryMatcher, document: Document) -> list[tuple[str, list[str]]]:
    """Each match in ``document`` as (term, the words it marks)."""
    return [
        (match.entry.term, words_of(match, sentence))
        for sentence in document.all_sentences()
        for match in matcher.matches(sentence)
    ]


def words_of(match: TermMatch, sentence: Sentence) -> list[str]:
    return [sentence.tokens[index].text for index in match.token_indexes]


def sentence_with(document: Document, text: str) -> Sentence:
    return next(s for s in document.all_sentences() if text in s.text)


def general(term: str, kind: str, *forms: str, rendering: str = "-") -> GlossaryEntry:
    return GlossaryEntry(
        term=term, kind=kind, renderings=(rendering,), explanation="-", forms=forms
    )


# ------------------------------------------------------------------ the real texts are real


@pytest.mark.parametrize("path", SCOPE_TEXTS, ids=lambda path: path.name)
def test_real_texts_name_their_source_and_licence(path: Path) -> None:
    document = load_document(path)
    head = path.read_text(encoding="utf-8").split("---")[1]
    assert "url: http" in head and "licence:" in head
    assert 0 < len(document.source) < 1500  # short excerpts only


# ------------------------------------------------------------------ schema and validation


HEADER = 'glossary: "T"\nversion: "1"\n'
ENTRY = "  - term: Post\n    kind: noun\n    renderings: [post]\n    explanation: A post.\n"


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        (
            HEADER + "scope: text\nentries:\n" + ENTRY,
            5,
            "entries[0].scope",
            "is text, so in_text must name the texts",
        ),
        (
            HEADER + "entries:\n" + ENTRY + "    scope: text\n",
            8,
            "entries[0].scope",
            "is text, so in_text must name the texts",
        ),
        (
            HEADER + "entries:\n" + ENTRY + "    scope: local\n",
            8,
            "entries[0].scope",
            "'local' is not general or text",
        ),
        (HEADER + "scope: 3\nentries: []\n", 3, "scope", "must be a text"),
        (
            HEADER + "entries:\n" + ENTRY + "    in_text: [ok, ../../etc/passwd]\n",
            8,
            "entries[0].in_text[1]",
            "is not a text's file name",
        ),
    ],
)
def test_scope_problems_name_file_line_and_field(
    text: str, line: int, field: str, message: str
) -> None:
    parsed = parse_glossary_text(text, "scoped.yaml")
    assert parsed.entries == ()
    assert [(p.line, p.field) for p in parsed.problems] == [(line, field)]
    assert message in parsed.problems[0].message
    assert str(parsed.problems[0]).startswith(f"scoped.yaml:{line}: {field}: ")


def test_file_scope_is_the_default_and_an_entry_may_override_it() -> None:
    text = (
        HEADER
        + "scope: text\nentries:\n"
        + ENTRY
        + "    in_text: [belarus-im-ukraine-krieg]\n"
        + ENTRY.replace("Post", "Lage")
        + "    scope: general\n"
    )
    parsed = parse_glossary_text(text, "scoped.yaml")
    assert parsed.problems == ()
    assert [(e.term, e.scope) for e in parsed.entries] == [("Post", "text"), ("Lage", "general")]
    assert parse_glossary_text(HEADER + "entries:\n" + ENTRY, "x").entries[0].scope == "general"


def test_a_users_scoped_entry_survives_the_round_trip() -> None:
    entry = GlossaryEntry(
        term="Post",
        kind="noun",
        renderings=("post",),
        explanation="A post.",
        in_text=(ARTICLE_STEM,),
        scope="text",
    )
    data = entry_to_data(entry)
    assert data["scope"] == "text"
    assert validate_entry_data(data) == ()
    assert "scope" not in entry_to_data(general("Lage", "noun"))


def test_cli_validate_prints_scope_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(HEADER + "entries:\n" + ENTRY + "    scope: text\n", encoding="utf-8")
    assert main(["glossary", "validate", str(path)]) == 1
    assert f"{path}:8: entries[0].scope: is text, so in_text" in capsys.readouterr().out


def test_curated_people_and_senses_are_scoped_to_the_article(curated: GlossarySet) -> None:
    scope_of = {entry.term: entry.scope for entry in curated.entries}
    for term in ("Putin", "Lawrow", "Naiew", "Post", "bestimmt", "Verweis", "Bildung"):
        assert scope_of[term] == "text", term
    for term in ("Genderstern", "Konjunktiv I", "es heißt", "Lage", "aktuell", "Angriff"):
        assert scope_of[term] == "general", term
    assert all(e.in_text for e in curated.entries if e.scope == "text")


SCOPE_VALUES = st.one_of(st.sampled_from([*SCOPES, "Text", ""]), st.text(max_size=8))
STEMS = st.lists(st.one_of(st.just(ARTICLE_STEM), st.text(max_size=12)), max_size=3)


@settings(max_examples=400, deadline=None)
@given(file_scope=SCOPE_VALUES, entry_scope=SCOPE_VALUES, stems=STEMS)
def test_any_scope_value_gives_entries_or_problems_never_an_error(
    file_scope: str, entry_scope: str, stems: list[str]
) -> None:
    import json  # YAML flow scalars accept JSON strings, so any text is quoted safely

    text = (
        HEADER
        + f"scope: {json.dumps(file_scope)}\nentries:\n"
        + ENTRY
        + f"    scope: {json.dumps(entry_scope)}\n"
        + f"    in_text: {json.dumps(stems)}\n"
    )
    parsed = parse_glossary_text(text, "generated.yaml")
    assert bool(parsed.entries) != bool(parsed.problems)
    for entry in parsed.entries:
        assert entry.scope in SCOPES
        assert entry.scope == "general" or entry.in_text


# ------------------------------------------------------------------ scope in matching


@pytest.mark.parametrize("path", SCOPE_TEXTS, ids=lambda path: path.name)
def test_no_entry_written_for_the_article_marks_another_text(
    curated_matcher: GlossaryMatcher, path: Path
) -> None:
    document = load_document(path)
    marked = [
        match.entry.term
        for sentence in document.all_sentences()
        for match in curated_matcher.matches(sentence)
        if match.entry.scope == "text"
    ]
    assert marked == []


@pytest.mark.parametrize(
    ("name", "term"),
    [
        ("scope-post-blog.md", "Post"),
        ("scope-post-forum.md", "Post"),
        ("scope-verwies-freiepresse.md", "Verweis"),
        ("scope-msdocs-praeprozessor.md", "Verweis"),
        ("scope-bestimmt-blog.md", "bestimmt"),
        ("scope-msdocs-anweisungen.md", "bestimmt"),
        ("scope-names-klitschko.md", "Putin"),
        ("scope-sanktioniert-cash.md", "vorsehen"),
    ],
)
def test_the_taz_senses_stay_out_of_other_texts(
    curated_matcher: GlossaryMatcher, name: str, term: str
) -> None:
    assert term not in {found_term for found_term, _ in found(curated_matcher, real(name))}


@pytest.mark.parametrize(
    ("name", "term"),
    [
        ("scope-names-latenight.md", "Lage"),
        ("scope-names-latenight.md", "Ukraine"),
        ("scope-sanktioniert-cash.md", "zwar … aber"),
        ("scope-msdocs-praeprozessor.md", "zwar … aber"),
    ],
)
def test_general_entries_still_apply_everywhere(
    curated_matcher: GlossaryMatcher, name: str, term: str
) -> None:
    assert term in {found_term for found_term, _ in found(curated_matcher, real(name))}


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("heißt es in einem Post", "Post"),
        ("Lawrow hat bestimmt", "bestimmt"),
        ("ein Verweis auf die Ukraine", "Verweis"),
        ("Wladimir Putin", "Putin"),
    ],
)
def test_the_article_keeps_its_own_entries_wherever_it_is_read_from(
    curated: GlossarySet, article: Document, tmp_path: Path, text: str, term: str
) -> None:
    copy = tmp_path / "anywhere" / "my-copy.md"
    copy.parent.mkdir()
    shutil.copy(BUNDLED_TEXTS_DIR / f"{ARTICLE_STEM}.md", copy)
    matcher = GlossaryMatcher(curated)
    for document in (article, load_document(copy)):
        sentence = sentence_with(document, text)
        assert term in {match.entry.term for match in matcher.matches(sentence)}


def test_a_sentence_belongs_to_the_texts_it_occurs_in(article: Document) -> None:
    scopes = TextScopes([ARTICLE_STEM, "no-such-text"])
    sentence = sentence_with(article, "heißt es in einem Post")
    assert scopes.texts_of(sentence.text) == {ARTICLE_STEM}
    assert scopes.texts_of("Die Deutsche Post, die jetzt vielleicht DHL heißt.") == frozenset()
    assert TextScopes([]).texts_of(sentence.text) == frozenset()
    assert scopes.texts_of("Breitere Beteiligung") == frozenset()  # too short to tell


# ------------------------------------------------------------------ part of speech


@pytest.fixture(scope="module")
def general_matcher() -> GlossaryMatcher:
    """General entries of the words the issue names: only part of speech can keep them apart."""
    return GlossaryMatcher(
        GlossarySet(
            entries=(
                general("Sanktion", "noun", "Sanktionen"),
                general("Verweis", "noun", "Verweise"),
                general("bestimmt", "adverb", "bestimmt"),
                general("Post", "noun", "Post"),
                general("Putin", "name", "Wladimir Putin"),
            )
        )
    )


@pytest.mark.parametrize(
    ("name", "term"),
    [
        ("scope-sanktioniert-cash.md", "Sanktion"),  # "wird ... nicht sanktioniert"
        ("scope-verwies-freiepresse.md", "Verweis"),  # "Der Mann verwies mich ..."
        ("scope-msdocs-praeprozessor.md", "Verweis"),  # "verweist auf beides"
        ("scope-bestimmt-blog.md", "bestimmt"),  # "ein ganz bestimmtes Kochbuch"
        ("scope-msdocs-anweisungen.md", "bestimmt"),  # "eine bestimmte Aktion"
    ],
)
def test_an_entry_does_not_mark_a_word_of_another_part_of_speech(
    general_matcher: GlossaryMatcher, name: str, term: str
) -> None:
    assert term not in {found_term for found_term, _ in found(general_matcher, real(name))}


def test_nouns_are_still_found_as_nouns_and_in_compounds(general_matcher: GlossaryMatcher) -> None:
    matches = found(general_matcher, real("scope-msdocs-anweisungen.md"))
    assert ("Verweis", ["Präprozessorverweis"]) in matches
    post = found(general_matcher, real("scope-post-forum.md"))
    assert post.count(("Post", ["Post"])) == 2  # part of speech cannot tell this Post apart


def test_a_participle_is_not_the_adverb_bestimmt(
    general_matcher: GlossaryMatcher, article: Document
) -> None:
    # Constructed: no real text with "für ihn bestimmt" was found; HanTa tags it VV(PP).
    document = parse_document("# Titel\n\nDer Brief war für ihn bestimmt.\n", "test")
    assert found(general_matcher, document) == []
    surely = sentence_with(article, "Lawrow hat bestimmt")
    assert "bestimmt" in {match.entry.term for match in general_matcher.matches(surely)}


# ------------------------------------------------------------------ names


@pytest.mark.parametrize("name", ["scope-names-klitschko.md", "scope-names-latenight.md"])
def test_a_first_name_is_not_paired_with_a_surname_further_on(
    general_matcher: GlossaryMatcher, name: str
) -> None:
    document = real(name)
    for sentence in document.all_sentences():
        for match in general_matcher.matches(sentence):
            if match.entry.term != "Putin":
                continue
            assert words_of(match, sentence) in (["Wladimir", "Putin"], ["Putin"], ["Putins"])
            assert match.token_indexes == tuple(
                range(match.token_indexes[0], match.token_indexes[-1] + 1)
            )
    marked = [words for term, words in found(general_matcher, document) if term == "Putin"]
    assert marked  # Putin himself is still found


def test_names_match_only_as_written(curated_matcher: GlossaryMatcher, article: Document) -> None:
    belarus = [words for term, words in found(curated_matcher, article) if term == "Belarus"]
    assert ["Belarus"] in belarus
    # Never in the adjective ("belarussischen" does not contain "Belarus" as written).
    assert all(not words[0].startswith("belarussisch") for words in belarus), belarus
    lower = parse_document("# Titel\n\nDie belarus-Frage bleibt offen.\n", "test")
    assert "Belarus" not in {term for term, _ in found(curated_matcher, lower)}


# ------------------------------------------------------------------ the lookup panel's order


MAIL = GlossaryEntry(
    term="Post", kind="noun", renderings=("mail",), explanation="The mail, the post office."
)
SOCIAL = GlossaryEntry(
    term="Post",
    kind="other",
    renderings=("post",),
    explanation="A social-media post.",
    in_text=(ARTICLE_STEM,),
    scope="text",
)


def test_order_by_scope_puts_the_texts_own_entries_first() -> None:
    article_texts = frozenset({ARTICLE_STEM})
    assert order_by_scope([MAIL, SOCIAL], article_texts) == [SOCIAL, MAIL]
    assert order_by_scope([MAIL, SOCIAL], frozenset()) == [MAIL]
    assert order_by_scope([SOCIAL, MAIL], None) == [MAIL, SOCIAL]


def test_lookup_panel_orders_glossary_entries_by_scope(article: Document) -> None:
    lookup = WordLookup(GlossarySet(entries=(MAIL, SOCIAL)), None, "no dictionary in this test")
    in_article = sentence_with(article, "heißt es in einem Post")
    index = [token.text for token in in_article.tokens].index("Post")
    assert lookup.lookup("Post", in_article, index).glossary == (SOCIAL, MAIL)
    elsewhere = sentence_with(real("scope-post-blog.md"), "Deutsche Post")
    index = [token.text for token in elsewhere.tokens].index("Post")
    assert lookup.lookup("Post", elsewhere, index).glossary == (MAIL,)
    assert lookup.lookup("Post").glossary == (MAIL, SOCIAL)
    assert lookup.glossary_entries("Post") == (MAIL, SOCIAL)


# ------------------------------------------------------------------ the CLI and the reader


def test_glossary_where_respects_scope(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "where", "Post", str(REAL / "scope-post-blog.md")]) == 1
    capsys.readouterr()
    assert main(["glossary", "where", "Post", "--json"]) == 0  # the bundled article
    assert "heißt es in einem Post" in capsys.readouterr().out
    assert main(["glossary", "where", "Lage", str(REAL / "scope-names-latenight.md")]) == 0


def marked_words(document: Document, decorations: dict[int, tuple[Decoration, ...]]) -> set[str]:
    """The words the reading view marks as glossary terms (not the vocabulary colours)."""
    return {
        document.source[d.start : d.end]
        for block in decorations.values()
        for d in block
        if d.component.startswith("parallel-view--glossary")
    }


async def test_the_reader_marks_only_entries_that_apply_to_its_text(
    store: Store, article: Document
) -> None:
    from tests.ui_support import open_reader

    other = real("scope-post-forum.md")
    async with open_reader(other, store) as (_, _, screen):
        assert "Post" not in marked_words(other, screen.view.decorations)
    async with open_reader(article, store) as (_, _, screen):
        marked = marked_words(article, screen.view.decorations)
        assert {"Post", "Putin", "Lage"} <= marked
