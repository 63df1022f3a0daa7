"""Each document's language: detected from its start when --language is not given, it picks
the stemmer and stop words and is named in every record."""

from __future__ import annotations

import json

import pytest

from corpuscut.segmenter import Segmenter, split
from corpuscut.segmenter.cues import PATTERN_LISTS, load_cues
from corpuscut.text.datafiles import read_json
from corpuscut.text.language import Language, detect_in_pieces, detect_language, sample_chars
from corpuscut.text.words import supported_languages
from corpuscut.reading import open_text
from corpuscut.batch.engine import Articles, Job, Opened, run_batch
from tests.conftest import SEED

GERMAN = (
    "Bahnstreik legt den Fernverkehr lahm\n"
    "Die Lokführergewerkschaft hat am Montag bundesweit zu einem Streik aufgerufen. Nach Angaben der Bahn "
    "fielen mehr als zwei Drittel der Fernzüge aus, im Regionalverkehr gab es große Einschränkungen.\n"
    "Reisende sollten sich vor Fahrtantritt über ihre Verbindungen informieren, teilte das Unternehmen mit. "
    "Fahrkarten behalten ihre Gültigkeit und können kostenlos erstattet werden.\n"
)
FRENCH = (
    "Le gouvernement présente son budget\n"
    "Le ministre de l'Économie a présenté mercredi le projet de loi de finances pour l'année prochaine. "
    "Il prévoit une baisse des dépenses publiques et une hausse des recettes fiscales.\n"
    "Les syndicats ont critiqué des mesures qu'ils jugent injustes pour les ménages modestes, tandis que "
    "le patronat salue un effort de maîtrise des comptes.\n"
)
UKRAINIAN = "Це текст українською мовою. Уряд у середу представив новий бюджет на наступний рік.\n"


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize(("text", "name", "stem"), [(GERMAN, "german", "fahrkart"), (FRENCH, "french", "syndicat")])
def test_a_paragraph_gets_its_language_and_that_languages_stems(text, name, stem):
    language = detect_language(text)
    assert language == Language(name, name, "detected")
    segmenter = Job().on(language).segmenter()
    normalizer = segmenter.vocabulary.normalizer
    assert normalizer.language == name
    assert stem in normalizer.stems(text)
    # Stop words are the language's own: German "und", French "les" carry no stem.
    assert not normalizer.stems("und die der" if name == "german" else "les des dans")


def test_english_text_is_english_and_too_little_text_defaults_to_english(seed_text):
    assert detect_language(seed_text) == Language("english", "english", "detected")
    assert detect_language("12 34 56").how == "default"
    assert detect_language("").name == "english"


def test_a_language_without_a_stemmer_is_named_but_stemmed_as_english():
    language = detect_language(UKRAINIAN * 3)
    assert language == Language("ukrainian", "english", "detected") and not language.has_stemmer


def test_detection_reads_only_the_start_and_not_how_the_input_was_cut():
    # German for the first sample_chars characters, then far more English: German it is, whether
    # the text is read whole or one character at a time.
    german = (GERMAN * (sample_chars() // len(GERMAN) + 1))[: sample_chars()]
    text = german + SEED.read_text(encoding="utf-8") * 60
    whole = detect_language(text)
    language, pieces = detect_in_pieces(iter(text))
    assert whole.name == language.name == "german"
    assert "".join(pieces) == text  # nothing read for detection is lost


def test_every_split_and_digest_record_names_its_documents_language(run, tmp_path):
    paths = []
    for name, text in (("de.txt", GERMAN), ("fr.txt", FRENCH)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    for command in ("split", "digest"):
        out = records(run([command, "-f", "jsonl", *paths]).out_text)
        assert {(r["source"].rsplit("/", 1)[-1], r["language"]) for r in out} == {("de.txt", "german"), ("fr.txt", "french")}
    summaries = records(run(["summarize", "-f", "jsonl", *paths]).out_text)
    assert [r["language"] for r in summaries] == ["german", "french"]


def test_language_forces_the_stemmer_and_the_records_language(run, tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    out = records(run(["split", "-f", "jsonl", "--language", "english", str(path)]).out_text)
    assert out and {r["language"] for r in out} == {"english"}
    bad = run(["split", "--language", "klingon", str(path)])
    assert bad.exit_code == 2 and "no stemmer" in bad.err_text


def test_json_lines_documents_each_get_their_own_language(run, tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in (FRENCH, GERMAN)), encoding="utf-8")
    out = records(run(["split", "-f", "jsonl", "--text-field", "text", str(path)]).out_text)
    assert [(r["source"].rsplit("#", 1)[-1], r["language"]) for r in out if r["index"] == 1] == [("1", "french"), ("2", "german")]


def test_a_language_without_a_stemmer_is_said_once_on_stderr(run, tmp_path):
    paths = []
    for n in range(2):
        path = tmp_path / f"uk{n}.txt"
        path.write_text(UKRAINIAN * 3, encoding="utf-8")
        paths.append(str(path))
    result = run(["split", "-f", "jsonl", *paths])
    assert result.exit_code == 0
    assert result.err_text.count("ukrainian, which has no stemmer") == 1
    assert {r["language"] for r in records(result.out_text)} == {"ukrainian"}
    assert "no stemmer" not in run(["split", "-q", "-f", "jsonl", *paths]).err_text


def test_the_batch_keeps_one_segmenter_per_language_and_gives_each_document_its_language(tmp_path):
    paths = []
    for name, text in (("a.txt", GERMAN), ("b.txt", FRENCH), ("c.txt", GERMAN)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    events = list(run_batch(Job(summarize=True), paths, lambda s: [open_text(s)]))
    assert [e.language.name for e in events if isinstance(e, Opened)] == ["german", "french", "german"]
    assert all(e.language.name in ("german", "french") for e in events if isinstance(e, Articles))
    german = Job().on(Language("german", "german"))
    assert german.segmenter() is german.segmenter() is Job(language="german").segmenter()
    assert german.summarizer().language == "german"


def test_a_long_start_without_spaces_is_read_in_stretches_across_it():
    from corpuscut.text.language import _sample

    chinese = "北京时间周三，政府宣布了新的预算计划，其中包括增加国防开支和基础设施投资。" * 3000
    sample = _sample(chinese[: sample_chars()])
    assert len(sample) < 10_000 and sample.count("\n") == 7
    assert detect_language(chinese) == Language("chinese", "english", "detected")


GERMAN_SIGNED = (
    "Die Bundesregierung hat am Mittwoch ein neues Gesetz zur Förderung erneuerbarer Energien beschlossen. "
    "Das Kabinett billigte den Entwurf nach langen Verhandlungen zwischen den Ministerien.\n"
    "Der Wirtschaftsminister sprach von einem wichtigen Schritt für den Klimaschutz. Kritiker bemängeln "
    "jedoch, dass die Maßnahmen nicht weit genug gehen und zu spät kommen.\n"
    "Mit Material von dpa und AFP\n"
)
GERMAN_NEXT = (
    "Der Fußballverein aus München hat das Spitzenspiel gegen Dortmund mit drei zu eins gewonnen. Die "
    "Mannschaft zeigte vor ausverkauftem Haus eine starke Leistung.\n"
    "Der Trainer lobte nach dem Spiel vor allem die Abwehr. In der Tabelle liegt die Mannschaft nun wieder "
    "an der Spitze, zwei Punkte vor dem Verfolger.\n"
)


@pytest.mark.parametrize(("language", "line", "cue"), [
    ("german", "Von Anna Schmidt und Jörg Müller", "byline"),
    ("german", "Berlin (dpa) - Die Regierung hat am Montag", "dateline"),
    ("german", "Montag, 5. Dezember 2026", "date"),
    ("german", "05.12.2026, 14:30 Uhr", "date"),
    ("german", "Wir verwenden Cookies, um Ihnen ein besseres Angebot zu machen", "boilerplate"),
    ("german", "Mit Material von dpa", "end_cue"),
    ("spanish", "Por María García", "byline"),
    ("spanish", "MADRID, 5 Dic. (EUROPA PRESS) - El Gobierno", "dateline"),
    ("spanish", "lunes, 5 de diciembre de 2026", "date"),
    ("spanish", "Un resumen de la jornada. Leer más", "teaser_end"),
    ("spanish", "Todos los derechos reservados.", "end_cue"),
    ("french", "Par Hélène Lefèvre et Jean Dupont", "byline"),
    ("french", "Paris (AFP) – Le gouvernement a présenté", "dateline"),
    ("french", "Publié le 5 décembre 2026 à 14h30", "date"),
    ("french", "Le gouvernement présente son budget. Lire la suite", "teaser_end"),
    ("french", "R : Parce que le budget est serré.", "item"),
])
def test_a_documents_language_adds_its_own_cue_words(language, line, cue):
    assert getattr(load_cues(language=language).shape(line), cue)
    assert not getattr(load_cues().shape(line), cue)  # not an English cue


@pytest.mark.parametrize("line", ["Von der Leyen sagt, das Gesetz komme", "Das geht nicht mehr", "Por el momento, no",
                                  "Par ailleurs, le ministre a dit"])
def test_a_languages_cue_words_need_their_context(line):
    for language in ("german", "spanish", "french"):
        shape = load_cues(language=language).shape(line)
        assert not (shape.byline or shape.teaser_end or shape.end_cue)


def test_every_languages_cue_lists_are_known_lists_that_compile():
    every = read_json("corpuscut.segmenter", "data/cues-languages.json")
    for language in (k for k in every if not k.startswith("_")):
        assert language in supported_languages()
        assert set(every[language]) <= {*PATTERN_LISTS, "title_case"}
        load_cues(language=language)  # every pattern compiles with RE2 and Python's re


def test_a_detected_language_uses_its_cue_words_to_split():
    text = GERMAN_SIGNED + GERMAN_NEXT
    assert [a.start for a in split(text)] == [0, len(GERMAN_SIGNED)]
    assert [a.start for a in Segmenter(language="german").split(text)] == [0, len(GERMAN_SIGNED)]
    # Without the German cue list, the credit line is not known as one: the second article is
    # not found where it starts (the credit line stays in it, or the articles are one).
    assert [a.start for a in Segmenter(language="german", cues=load_cues()).split(text)] != [0, len(GERMAN_SIGNED)]


@pytest.mark.parametrize(("line", "teaser"), [
    ("Un proyector tiene una gama muy reducida y los colores parecerán «lavados».", False),
    ("Sur un projecteur, les couleurs paraissent « délavées »", False),
    ("Das Projekt »HP Linux Imaging and Printing« stellt die Treiber bereit.", False),
    ("Ministers agreed a deal on the budget late on Monday, officials said. More »", True),
    ("The minister said the plan would cut costs for families »", True),
])
def test_a_closing_guillemet_ends_no_teaser_and_an_arrow_does(line, teaser):
    for language in (None, "spanish", "french", "german"):
        assert load_cues(language=language).shape(line).teaser_end is teaser


def test_in_german_a_lines_capitals_do_not_make_it_title_case():
    line = "Die Einstellungen von Dateien zeigen"  # every noun is capitalised in German
    assert load_cues(language="german").shape(line).title_case == 0.0
    assert load_cues(language="french").shape(line).title_case == 0.6
    assert load_cues().shape(line).title_case == 0.6
    # a line of one word is capitalised in every language: as title case as in English
    assert load_cues(language="german").shape("Skalieren").title_case == load_cues().shape("Scale").title_case == 1.0


def test_a_help_pages_share_title_is_no_share_line():
    cues = load_cues()
    assert not cues.shape("Share your desktop").aside and not cues.shape("Share adjusted for stock dividends.").aside
    assert all(cues.shape(line).aside for line in ("Share", "Share this article", "Subscribe to our newsletter",
                                                   "Sign up for alerts", "Share:"))


def test_english_function_words_are_stop_words_of_translated_text():
    from corpuscut.text.words import WordNormalizer

    # an English line left in a Spanish page: only its content words count
    assert WordNormalizer("spanish").stems("Some of the applications have icons in the dash") == \
        WordNormalizer("spanish").stems("applications icons dash")
    assert {"the", "and", "with"} <= WordNormalizer("german").stop_words & WordNormalizer("french").stop_words


def test_the_stems_of_many_tokens_at_once_are_each_tokens_own():
    from corpuscut.text.words import WordNormalizer

    tokens = ["running", "the", "U.S.", "cats'", "a", "running", "généreux", "x2", "", "ponies", "'s", "--"]
    assert WordNormalizer("english").token_stems(tokens) == [WordNormalizer("english").word_stems(t) for t in tokens]
    french = WordNormalizer("french")
    assert french.token_stems(["généreux", "maisons"]) == [french.word_stems("généreux"), french.word_stems("maisons")]
