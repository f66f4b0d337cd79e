"""CLI subcommands for vocabulary (``lesepult words``) and study sheets (``lesepult export``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import add_text_argument, open_document, open_store, print_json
from reader.cli.words_more import register as register_more
from reader.core.errors import ExitCode, UserError
from reader.core.paths import BUNDLED_TEXTS_DIR
from reader.export.sheet import counted
from reader.vocabulary import STATUSES, Vocabulary, parse_status, parse_status_filter, status_label

FORMAT_CHOICES = ("md", "html", "anki", "csv")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the ``lesepult`` parser."""
    words = subparsers.add_parser(
        "words",
        help="your vocabulary: list, set statuses, import/export CSV, statistics",
        description="Your vocabulary: a status per lemma (new, learning 1-4, known, ignored)"
        " and the words you looked up.",
    )
    actions = words.add_subparsers(dest="words_command", metavar="ACTION", required=True)
    _register_words_list(actions)
    _register_words_set(actions)
    _register_words_files(actions)
    register_more(actions, _lemma_of)
    _register_export(subparsers)


def _register_words_list(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = actions.add_parser("list", help="list words with their status")
    listing.add_argument(
        "--status",
        metavar="S",
        help=f"only this status ({', '.join(STATUSES)}, learning-1..4,"
        " or learning: every learning level)",
    )
    listing.add_argument("--text", metavar="T", help="only words looked up in this text")
    listing.add_argument(
        "--meanings",
        action="store_true",
        help="suggest a meaning (glossary, else dictionary) for words you gave none",
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=command_words_list)


def _register_words_set(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    setting = actions.add_parser(
        "set",
        help="set the status of a word (its lemma)",
        description="Set a word's status;"
        " the word is reduced to its lemma first (erörterten -> erörtern) unless --exact.",
    )
    setting.add_argument("word", metavar="WORD")
    setting.add_argument("status", metavar="STATUS", help="new, 1-4, learning-1..4, known, ignored")
    setting.add_argument("--exact", action="store_true", help="store WORD as given")
    setting.set_defaults(func=command_words_set)


def _register_words_files(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    importing = actions.add_parser(
        "import",
        help="read statuses from a CSV file",
        description="Read statuses from CSV with a 'lemma' or 'term' column and a 'status'"
        " column (Lute, LWT and LingQ spellings such as W, I, 98, 99 are understood).",
    )
    importing.add_argument("file", metavar="FILE.csv", type=Path)
    importing.set_defaults(func=command_words_import)

    exporting = actions.add_parser(
        "export",
        help="write your vocabulary as CSV",
        description="Write your vocabulary as"
        " CSV with the columns term, lemma, status, translation, sentence, text, added.",
    )
    exporting.add_argument("file", metavar="FILE.csv", type=Path)
    exporting.add_argument("--force", action="store_true", help="overwrite an existing file")
    exporting.set_defaults(func=command_words_export)


def _register_export(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = subparsers.add_parser(
        "export",
        help="write a study sheet: Markdown, printable HTML, Anki deck or CSV",
        description="Write a study sheet of a text: each paragraph with its English, the"
        " glossary terms as numbered notes and your vocabulary. Stamped with the text, the"
        " translation source, the glossary version and the date (SOURCE_DATE_EPOCH when set).",
    )
    add_text_argument(export)
    export.add_argument("--format", choices=FORMAT_CHOICES, default="md", help="default: md")
    export.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        type=Path,
        help="where to write (default: <text>.study.<ext> in the current directory)",
    )
    export.add_argument("--paragraphs", metavar="RANGE", help="e.g. 3-5, 3, 3- or -5")
    export.add_argument(
        "--translation",
        choices=("machine", "reference", "edited", "best"),
        default="best",
        help="which English: stored machine output, the curated reference, your corrections,"
        " or the best there is (edited > machine > reference; default)",
    )
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.set_defaults(func=command_export)


def _lemma_of(word: str) -> str:
    """The lemma of a word typed on its own, with HanTa; the word itself if that fails."""
    if not any(character.isalpha() for character in word):
        return word  # HanTa has nothing to say about numbers or punctuation (and fails on "")
    try:
        from glossary.lemmas import word_lemma
    except ImportError:
        return word
    lemma, _ = word_lemma(word)
    return lemma or word


def command_words_list(arguments: argparse.Namespace) -> int:
    """List vocabulary entries."""
    vocabulary = Vocabulary(open_store())
    text_id = _text_id(arguments.text) if arguments.text is not None else None
    try:
        if arguments.status is not None:
            parse_status_filter(arguments.status)
    except ValueError as error:
        raise UserError(f"--status: {error}") from error
    entries = vocabulary.entries(status=arguments.status, text_id=text_id)
    suggested: dict[str, str] = {}
    if arguments.meanings:
        from reader.vocabulary_meanings import suggested_meanings

        for batch in suggested_meanings([entry.lemma for entry in entries if not entry.meaning]):
            suggested.update(batch)
    if arguments.json:
        print_json(
            [
                {
                    "lemma": entry.lemma,
                    "status": status_label(entry.status),
                    "word": entry.word,
                    "sentence": entry.sentence,
                    "text_id": entry.text_id,
                    "lookups": entry.lookups,
                    "meaning": entry.meaning,
                    "note": entry.note,
                    **({"suggested_meaning": suggested.get(entry.lemma, "")} if suggested else {}),
                }
                for entry in entries
            ]
        )
        return ExitCode.OK
    for entry in entries:
        seen = f"  {entry.lookups}x: {entry.sentence}" if entry.lookups else ""
        meaning = f" = {entry.meaning}" if entry.meaning else ""
        if not meaning and entry.lemma in suggested:
            meaning = f" ≈ {suggested[entry.lemma]}"
        note = f"  (note: {entry.note})" if entry.note else ""
        print(f"{status_label(entry.status):<11} {entry.lemma}{meaning}{note}{seen}")
    if not entries:
        print("no words yet")
    return ExitCode.OK


def _text_id(name: str) -> str:
    """The id of the text named by a text id (16 hex digits), a bundled name or a path."""
    name = name.strip()
    if len(name) == 16 and all(c in "0123456789abcdef" for c in name):
        return name
    path = Path(name).expanduser()
    bundled = BUNDLED_TEXTS_DIR / f"{name}.md"
    if name and (path.is_file() or (not path.suffix and bundled.is_file())):
        return open_document(name).text_id
    # name.en.md files are reference translations, not texts to read.
    names = sorted(text.stem for text in BUNDLED_TEXTS_DIR.glob("*.md") if "." not in text.stem)
    raise UserError(
        f"--text: no such text {name!r}; name a bundled text ({', '.join(names) or 'none'}),"
        " the path of a text file, or a text id (16 hex digits, as `words list --json` shows)"
    )


def command_words_set(arguments: argparse.Namespace) -> int:
    """Set one word's status."""
    try:
        status = parse_status(arguments.status)
    except ValueError as error:
        raise UserError(str(error)) from error
    word = arguments.word.strip()
    if not word:
        raise UserError("WORD is empty; give a word, such as erörterten")
    lemma = word if arguments.exact else _lemma_of(word)
    Vocabulary(open_store()).set_status(lemma, status)
    via = f" (lemma of {word})" if lemma != word else ""
    print(f"{lemma}{via}: {status_label(status)}")
    return ExitCode.OK


def command_words_import(arguments: argparse.Namespace) -> int:
    """Import statuses from CSV."""
    result = Vocabulary(open_store()).import_csv(arguments.file)
    for problem in result.skipped:
        print(f"skipped {problem}")
    print(f"imported {counted(result.imported, 'status', 'statuses')} from {arguments.file}")
    return ExitCode.NOT_FOUND if result.skipped and not result.imported else ExitCode.OK


def command_words_export(arguments: argparse.Namespace) -> int:
    """Export the vocabulary as CSV."""
    translation = None
    try:
        from glossary import load_glossaries

        glossaries = load_glossaries()

        def translation(lemma: str) -> str:
            return next((e.renderings[0] for e in glossaries.find(lemma) if e.renderings), "")
    except ImportError:
        pass
    count = Vocabulary(open_store()).export_csv(arguments.file, arguments.force, translation)
    print(f"wrote {counted(count, 'word')} to {arguments.file}")
    return ExitCode.OK


def command_export(arguments: argparse.Namespace) -> int:
    """Write a study sheet."""
    from reader.export import default_export_path, parse_paragraph_range, write_export
    from reader.export.sources import build_sheet_for

    document = open_document(arguments.text, arguments.encoding)
    paragraph_range = parse_paragraph_range(arguments.paragraphs, len(document.blocks))
    sheet = build_sheet_for(document, open_store(), arguments.translation, paragraph_range)
    path = arguments.output or default_export_path(sheet, arguments.format)
    inputs = [document.path] if document.path else []
    write_export(sheet, arguments.format, path, arguments.force, inputs)
    print(f"wrote {path} ({sheet.summary})")
    return ExitCode.OK
