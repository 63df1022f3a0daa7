"""A dump that mixes languages: each article's own language is told from its text, named in its
record and used for its summary; short or unsure articles keep the input's language."""

from __future__ import annotations

import json

from corpuscut import digest, split
from corpuscut.summarizer import Summarizer
from corpuscut.summarizer.length import Length
from corpuscut.text.language import Language, article_language, detect_language

ENGLISH = (
    "Storm closes ports along the northern coast\n"
    "High winds and heavy rain closed roads and ports across the northern coast on Monday, and thousands of "
    "homes were left without power as the storm moved inland during the afternoon.\n"
    "The weather service said the worst of the storm would pass by Tuesday morning, but warned that rivers "
    "could keep rising for several days after the rain had stopped.\n"
    "Ferry operators cancelled all crossings until further notice, and the coast guard asked people to stay "
    "away from the harbour walls while the waves remained high.\n"
)
GERMAN = (
    "Neue Brücke über den Fluss\n"
    "Die Stadt baut eine neue Brücke über den Fluss. "
    "Es ist so, dass er und sie es nicht mehr wissen, was sie dann noch tun, wenn es so ist, und das ist es. "
    "Die Brücke soll den Verkehr in der Stadt entlasten und die Brücke wird im Sommer eröffnet. "
    "Der Bau der Brücke kostet die Stadt viel Geld, sagt der Bürgermeister der Stadt.\n"
    "Die Arbeiten beginnen im Frühjahr, teilte die Verwaltung am Dienstag mit. Während der Bauzeit bleibt "
    "die alte Brücke für Fußgänger und Radfahrer geöffnet.\n"
)
SPANISH_QUOTING_ENGLISH = (
    "El museo abre una sala dedicada a la música popular\n"
    "El museo de la ciudad inauguró el jueves una nueva sala dedicada a la historia de la música popular, "
    "con instrumentos, fotografías y grabaciones que los visitantes pueden escuchar durante el recorrido.\n"
    "La directora explicó que la exposición nació de una donación de una familia de músicos de la región, "
    "que guardó durante décadas cartas, discos y carteles de conciertos.\n"
    "En la entrada, una frase del cantante recibe a los visitantes:\n"
    "\"We played every night in a different town, and every town taught us a new song that we never forgot.\"\n"
    "La sala estará abierta de martes a domingo y la entrada será gratuita durante el primer mes, según "
    "informó el ayuntamiento en un comunicado.\n"
)
SECOND_ENGLISH = (
    "Council approves new budget for schools\n"
    "The city council approved a new budget for schools on Wednesday after a long debate, adding money for "
    "teachers, repairs to old buildings and free meals for younger pupils.\n"
    "Several members said the plan did not go far enough, but agreed that the repairs could not wait another "
    "year, and the vote passed by a wide margin late in the evening.\n"
    "The budget will take effect at the start of the next school year, the council said in a statement.\n"
)
MIXED = ENGLISH + GERMAN + SECOND_ENGLISH + SPANISH_QUOTING_ENGLISH
TITLES = [text.split("\n", 1)[0] for text in (ENGLISH, GERMAN, SECOND_ENGLISH, SPANISH_QUOTING_ENGLISH)]


def records(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_a_mixed_dumps_records_carry_each_articles_language(run, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    assert detect_language(MIXED).name == "english"
    for command in ("split", "digest"):
        out = records(run([command, "-f", "jsonl", str(path)]).out_text)
        assert [r["title"] for r in out] == TITLES
        assert [r["language"] for r in out] == ["english", "german", "english", "spanish"]
    assert [a.language for a in split(MIXED)] == ["english", "german", "english", "spanish"]


def test_language_given_holds_for_every_article(run, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    out = records(run(["split", "-f", "jsonl", "--language", "english", str(path)]).out_text)
    assert len(out) == 4 and {r["language"] for r in out} == {"english"}


def test_a_german_articles_summary_is_made_with_german_stop_words(run, tmp_path):
    # SumBasic picks the sentence of the most frequent words: with English stop words the
    # German function words ("der", "die", "es") count as content, and another sentence wins.
    body = GERMAN.split("\n", 1)[1]
    one = Length(sentences=1)
    german = Summarizer("sum-basic", language="german").summarize(body, one).text
    assert german != Summarizer("sum-basic", language="english").summarize(body, one).text
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    out = records(run(["digest", "-f", "jsonl", "-m", "sum-basic", "-n", "1", str(path)]).out_text)
    assert out[1]["language"] == "german" and out[1]["summary"] == german
    pairs = digest(MIXED, summarizer=None)
    assert pairs[1][0].language == "german"
    assert pairs[1][1].text == Summarizer(language="german").summarize(pairs[1][0].body).text


def test_a_short_or_unsure_article_keeps_the_inputs_language():
    english = Language("english", "english", "detected")
    assert article_language("Bahnstreik legt den Fernverkehr lahm\nMehr dazu später.\n", english) == english
    assert article_language("", english) == english
    assert article_language(GERMAN, english) == Language("german", "german", "detected")
    # A given language is never second-guessed.
    given = Language("english", "english", "given")
    assert article_language(GERMAN, given) == given


def test_a_short_foreign_teaser_in_a_dump_is_labelled_with_the_inputs_language(run, tmp_path):
    teaser = "Kurz gemeldet\nDer Bahnstreik ist vorbei, die Züge fahren wieder.\n"
    path = tmp_path / "dump.txt"
    path.write_text(ENGLISH + "----\n" + teaser + "----\n" + SECOND_ENGLISH, encoding="utf-8")
    out = records(run(["split", "-f", "jsonl", str(path)]).out_text)
    assert [r["title"] for r in out] == [TITLES[0], "Kurz gemeldet", TITLES[2]]
    assert {r["language"] for r in out} == {"english"}


def test_a_spanish_page_quoting_an_english_sentence_stays_whole_and_spanish(run, tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(SECOND_ENGLISH + SPANISH_QUOTING_ENGLISH + ENGLISH, encoding="utf-8")
    out = records(run(["split", "-f", "jsonl", str(path)]).out_text)
    assert [r["title"] for r in out] == [TITLES[2], TITLES[3], TITLES[0]]
    assert [r["language"] for r in out] == ["english", "spanish", "english"]


def test_the_screen_header_counts_the_articles_of_each_language(run, tmp_path):
    path = tmp_path / "mixed.txt"
    path.write_text(MIXED, encoding="utf-8")
    header = run(["split", str(path)], tty=True, width=400).out_text.splitlines()[0]
    assert "english 2, german 1, spanish 1" in header
    path.write_text(ENGLISH + SECOND_ENGLISH, encoding="utf-8")
    header = run(["split", str(path)], tty=True, width=400).out_text.splitlines()[0]
    assert " · english · 2 articles" in header
