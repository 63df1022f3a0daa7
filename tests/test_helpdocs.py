"""GNOME's help pages as articles: the held-out part is fixed by each page's name, the same
pages in every language, and never among the pages the boundary model is fitted on."""

from __future__ import annotations

from corpuscut.segmenter import helpdocs

WORDS = ("Bounce keys ignore key presses that are rapidly repeated, for example when a hand tremor makes "
         "you press a key several times when you only want to press it once. Open the settings to turn it on.")


def _help_folder(root, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    words = WORDS
    for code in helpdocs.LANGUAGES:
        folder = root / code / "gnome-help"
        folder.mkdir(parents=True)
        for key in keys:
            body = "".join(f"<p>{code} {key} {words}</p>" for _ in range(3))
            (folder / f"{key}.page").write_text(
                f'<page xmlns="http://projectmallard.org/1.0/" type="topic" id="{key}">'
                f"<info><desc>ignored</desc></info><title>{code} title of {key}</title>{body}</page>",
                encoding="utf-8")


def test_help_pages_fitted_on_are_the_tune_part_in_every_language_never_held_out(tmp_path):
    keys = [f"topic-{n}" for n in range(30)]
    _help_folder(tmp_path, keys)
    assert helpdocs.present(tmp_path)
    fit = helpdocs.fitting_articles(tmp_path, "fit")
    decoder = helpdocs.fitting_articles(tmp_path, "decoder")
    assert set(fit) == set(helpdocs.LANGUAGES.values())
    tune = {k for k in keys if helpdocs.help_part(k) == "tune"}
    for language in fit:
        fitted = {a.headline.split()[-1] for a in fit[language]}
        kept = {a.headline.split()[-1] for a in decoder[language]}
        assert fitted | kept == tune and fitted and not fitted & kept
    # the same pages in every language, each in its own
    assert {a.headline.split()[-1] for a in fit["german"]} == {a.headline.split()[-1] for a in fit["english"]}
    assert all(a.headline.startswith("de ") for a in fit["german"])


