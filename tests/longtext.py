"""A long German text for tests and benchmarks: a made-up novel of any size, always the same.

``make_long_text()`` returns about 1 MB of Markdown (a ``#`` title, ``##`` chapter headings and
thousands of paragraphs) mixed deterministically from a few dozen original sentences written for
this project (so there is no licence question). The sentences hold the cases that trip up
German segmenters: abbreviations ("z. B.", "Dr.", "ca.", "Mio.", "Jh.", "Nr."), „quotes“,
ordinal dates ("am 3. Oktober"), the gender star ("Leser*innen") and dashes. The same
``target_bytes`` and ``seed`` always give the same text.

Mixed from templates, 1 MB holds only a few hundred distinct sentences. With ``distinct=True``
every sentence is instead composed from word lists (time, verb, who, what, where: 63,000
combinations, about 4 MB of text) and no two are the same, so a translation benchmark over the
novel gives the model new work in every batch.
"""

from __future__ import annotations

import random
from pathlib import Path

NOVEL_TITLE = "Die Uhrmacherin von Lindenau"
"""The title line of the generated novel."""

NAMES = ("Marta", "Jakob", "Frau Albrecht", "Dr. Weber", "Onkel Friedrich", "Lene", "Prof. Haas")
PLACES = ("Lindenau", "Halberstadt", "der Hafenstadt", "dem Dorf am See", "Leipzig", "Wien")
NUMBERS = ("drei", "sieben", "zwölf", "zwanzig", "hundert")

# Each template is one sentence; {name}, {place} and {number} are filled deterministically,
# so the text varies without ever being ungrammatical.
SENTENCES: tuple[str, ...] = (
    "{name} öffnete das Fenster und sah lange auf die nassen Dächer von {place}.",
    "Die Werkstatt roch nach Öl, Messing und altem Holz.",
    "Auf dem Tisch lagen {number} Uhren, und keine von ihnen zeigte die richtige Zeit.",
    "„Man muss einer Uhr zuhören, bevor man sie öffnet“, sagte {name} leise.",
    "Am 3. Oktober kam ein Brief ohne Absender, versiegelt mit grünem Wachs.",
    "Der Zug nach {place} hatte wie immer ca. zwanzig Minuten Verspätung.",
    "Dr. Weber kam jeden Dienstag, trank zwei Tassen Tee und sprach über das Wetter.",
    "Im Archiv lagen Urkunden aus dem 17. Jh., die niemand mehr lesen konnte.",
    "Die Stadt hatte damals ca. 1,2 Mio. Einwohner*innen, heute sind es weniger.",
    "Sie wohnte in der Hauptstr. Nr. 14, im zweiten Stock, gleich über der Bäckerei.",
    "Manche Dinge, z. B. eine Taschenuhr mit Sprung im Glas, erzählen mehr als jedes Tagebuch.",
    "Es war der 24. Februar 1911, ein kalter Freitag, als die große Turmuhr stehen blieb.",
    "Die Nachbar*innen standen im Hof und redeten alle zugleich.",
    "Niemand wusste, wer den Schlüssel zuletzt gehabt hatte.",
    "„Warum fragst du mich das?“, rief {name}. „Ich war doch gar nicht dort!“",
    "Draußen fiel der erste Schnee – leise, als wolle er niemanden wecken.",
    "Die Leser*innen der Lokalzeitung schrieben empörte Briefe an die Redaktion.",
    "Um 7.30 Uhr läutete die Glocke, und die Kinder liefen zur Schule.",
    "Er hatte das Geld, d. h. fast sein ganzes Erbe, in ein einziges Uhrwerk gesteckt.",
    "Prof. Haas behauptete, das Werk stamme aus dem 18. Jahrhundert.",
    "Der Fluss war über Nacht gestiegen und hatte die Wiesen überschwemmt.",
    "Sie zählte die Zahnräder: eins, zwei, drei … und dann verlor sie den Faden.",
    "Seit dem 1. Januar galt in {place} eine neue Ordnung für die Märkte.",
    "Die Miete betrug 450 Euro im Monat, inkl. Heizung.",
    "Wer zu spät kam, musste draußen warten, bis die Uhr zwölf schlug.",
    "{name} lachte, aber in den Augen lag etwas Trauriges.",
    "Im Sommer fuhren sie mit dem Rad an den See, manchmal bis spät in die Nacht.",
    "Der Bürgermeister versprach viel und hielt wenig, wie es Bürgermeister eben tun.",
    "„Die Zeit“, sagte Onkel Friedrich, „ist das Einzige, was man nicht reparieren kann.“",
    "Die Expert*innen aus der Hauptstadt fanden keinen Fehler im Werk.",
    "Das Paket wog ca. 3 kg und war mit Bindfaden verschnürt.",
    "Hinter dem Bahnhof begann der Wald, dunkel und still.",
    "Sie schrieb in ihr Heft: „Heute nichts Besonderes. Morgen vielleicht.“",
    "Ein Hund bellte, irgendwo schlug eine Tür zu.",
    "Am Ende des Monats waren die Vorräte fast aufgebraucht.",
    "Er las die Anzeige zweimal, dann faltete er die Zeitung sorgfältig zusammen.",
    "Vom Turm aus sah man bei klarem Wetter bis nach {place}.",
    "Die alte Frau nickte nur und schob ihm den Teller hin.",
    "Ob es Zufall war oder Absicht, ließ sich später nicht mehr klären.",
    "Die Versammlung fand am Mittwoch, dem 12. März, im Saal des Gasthofs statt.",
    "Im Schaufenster hing ein Schild: „Wegen Krankheit geschlossen“.",
    "Jakob war kein Held, aber er war auch kein Feigling.",
    "Die Glocken der St.-Marien-Kirche klangen an diesem Morgen seltsam dumpf.",
    "Manchmal, wenn es ganz still war, hörte sie das Ticken bis in den Schlaf.",
    "Der Brief endete mit den Worten: „Vergiss nicht, die Uhr aufzuziehen.“",
    "Das Haus Nr. 7 stand seit Jahren leer, und die Kinder erzählten Geschichten darüber.",
    "Sie verdiente kaum genug, um Brot, Milch, Kohlen usw. zu kaufen.",
    "Gegen Abend kam Wind auf, und die Laternen schwankten an ihren Drähten.",
    "Lene fragte, ob sie mitkommen dürfe, und niemand sagte nein.",
    "Der Händler bot {number} Taler für das Werk, doch sie lehnte ab.",
    "War das wirklich erst gestern gewesen?",
    "Die Straße war leer, nur ein Karren stand schief am Rand.",
    "In der Nacht zum 2. Mai brannte die Scheune am Ortsrand ab.",
    "Vor Gericht schwieg er beharrlich, bzw. er sagte nur, was er schon gesagt hatte.",
    "Sie legte das Werkzeug beiseite und atmete tief durch.",
    "Sie hatten sich am 3. Oktober zum ersten Mal gesehen, auf dem Markt von {place}.",
)

CHAPTER_TITLES: tuple[str, ...] = (
    "Die Werkstatt",
    "Ein Brief ohne Absender",
    "Der Winter am Fluss",
    "Die stehengebliebene Turmuhr",
    "Nachbarn",
    "Das Haus Nummer sieben",
    "Der Händler aus Wien",
    "Vor Gericht",
    "Die Nacht zum zweiten Mai",
    "Das letzte Zahnrad",
)


# The distinct sentences: "{time} {verb} {who} {what} {where}." in the order of a German
# main clause (the verb second). Every combination is grammatical; the abbreviations and
# ordinal dates are here too.
TIMES = (
    "Am Montag", "Am 3. Oktober", "Gegen Abend", "Um 7.30 Uhr", "Im Sommer",
    "Am nächsten Morgen", "Kurz vor Mitternacht", "Am Mittwoch, dem 12. März,",
    "Nach dem Regen", "Im 18. Jh.",
)  # fmt: skip
VERBS = ("brachte", "schickte", "trug", "lieferte", "schleppte", "zeigte", "verkaufte")
WHO = (
    "Marta", "Jakob", "Frau Albrecht", "Dr. Weber", "Onkel Friedrich", "Lene", "Prof. Haas",
    "der Händler", "die alte Frau", "der Bürgermeister",
)  # fmt: skip
WHAT = (
    "drei Uhren", "eine Taschenuhr mit Sprung im Glas", "das alte Uhrwerk", "zwölf Zahnräder",
    "einen Brief ohne Absender", "ca. 3 kg Messing", "die Urkunden aus dem Archiv",
    "ein Paket mit Bindfaden", "den Schlüssel zur Werkstatt", "zwei Körbe voller Äpfel",
)  # fmt: skip
WHERE = (
    "nach Lindenau", "nach Halberstadt", "in die Hafenstadt", "zum Dorf am See", "nach Leipzig",
    "nach Wien", "in das Haus Nr. 7 am Markt", "zum Bahnhof", "in den Saal des Gasthofs",
)  # fmt: skip
DISTINCT_SENTENCES = len(TIMES) * len(VERBS) * len(WHO) * len(WHAT) * len(WHERE)
"""How many distinct sentences there are (63,000); beyond them the sequence starts again."""
# A multiplier coprime to DISTINCT_SENTENCES walks every combination once, in a mixed order.
_STRIDE = 31337


def distinct_sentence(number: int) -> str:
    """The ``number``-th distinct sentence (0-based; distinct for 0 … DISTINCT_SENTENCES - 1)."""
    code = (number * _STRIDE) % DISTINCT_SENTENCES
    parts = []
    for words in (WHERE, WHAT, WHO, VERBS, TIMES):
        code, index = divmod(code, len(words))
        parts.append(words[index])
    where, what, who, verb, time = parts
    return f"{time} {verb} {who} {what} {where}."


def _paragraph(rng: random.Random) -> str:
    # Distinct templates per paragraph, so no sentence follows itself.
    templates = rng.sample(SENTENCES, rng.randint(2, 6))
    return " ".join(
        template.format(
            name=rng.choice(NAMES), place=rng.choice(PLACES), number=rng.choice(NUMBERS)
        )
        for template in templates
    )


def _distinct_paragraph(rng: random.Random, first: int) -> tuple[str, int]:
    """A paragraph of distinct sentences from number ``first`` on, and the next number."""
    count = rng.randint(2, 6)
    return " ".join(distinct_sentence(first + n) for n in range(count)), first + count


def make_long_text(target_bytes: int = 1_000_000, seed: int = 0, distinct: bool = False) -> str:
    """A deterministic German Markdown novel of at least ``target_bytes`` UTF-8 bytes.

    ``distinct`` composes every sentence anew (:func:`distinct_sentence`), so none repeats
    (up to :data:`DISTINCT_SENTENCES` sentences); otherwise templates are mixed.
    """
    rng = random.Random(seed)
    # A seed starts the distinct sentences elsewhere, so two seeds give different texts.
    sentence_number = seed * 1000
    parts = [f"# {NOVEL_TITLE}\n"]
    size = len(parts[0].encode("utf-8"))
    chapter = 0
    while size < target_bytes:
        chapter += 1
        title = CHAPTER_TITLES[(chapter - 1) % len(CHAPTER_TITLES)]
        heading = f"\n## {chapter}. Kapitel: {title}\n"
        parts.append(heading)
        size += len(heading.encode("utf-8"))
        for _ in range(rng.randint(20, 60)):
            if distinct:
                body, sentence_number = _distinct_paragraph(rng, sentence_number)
            else:
                body = _paragraph(rng)
            paragraph = "\n" + body + "\n"
            parts.append(paragraph)
            size += len(paragraph.encode("utf-8"))
            if size >= target_bytes:
                break
    return "".join(parts)


def write_long_text(path: Path, target_bytes: int = 1_000_000, seed: int = 0) -> Path:
    """Write :func:`make_long_text` to ``path`` as UTF-8 and return ``path``."""
    path.write_text(make_long_text(target_bytes, seed), encoding="utf-8")
    return path
