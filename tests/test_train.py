"""The boundary model's trainer runs end to end and writes a model the segmenter loads."""

from __future__ import annotations

from corpuscut.segmenter import Segmenter, load_model
from corpuscut.segmenter.features import FEATURES
from corpuscut.segmenter.train import main
from tests.conftest import SAMPLES


def _fake_bbc(root, lines):  # type: ignore[no-untyped-def]
    """A BBC-shaped folder (articles/<topic>/<NNN>.txt: headline, blank line, paragraphs)."""
    for n in range(1, 41):
        topic = root / "bbc-news-summary" / "articles" / ("business" if n % 2 else "sport")
        topic.mkdir(parents=True, exist_ok=True)
        paragraphs = [lines[(n * 7 + k) % len(lines)] for k in range(3)]
        (topic / f"{n:03d}.txt").write_text(f"Headline number {n}\n\n" + "\n\n".join(paragraphs) + "\n")


def test_training_writes_a_model_the_segmenter_loads(tmp_path, capsys):
    lines = [line.strip() for path in sorted(SAMPLES.glob("*.txt")) for line in path.read_text().splitlines()]
    _fake_bbc(tmp_path, [line for line in lines if len(line.split()) >= 12])
    out = tmp_path / "model.json"
    assert main(["--data", str(tmp_path), "--out", str(out), "--dumps-per-shape", "2"]) == 0
    model = load_model(out)
    assert model.names == FEATURES and len(model.weights) == len(FEATURES)
    assert "decoder:" in capsys.readouterr().out
    assert Segmenter(model=model).split("One line.\nAnother line.\n")


def test_fallback_tuning_on_a_choi_shaped_folder_writes_the_chosen_prior_into_the_model(tmp_path, capsys):
    from corpuscut.segmenter.tune_fallback import DIRICHLET_GRID, PRIOR_SCALE_GRID, VECTOR_PRIOR_SCALE_GRID, VECTOR_WEIGHT_GRID
    from corpuscut.segmenter.tune_fallback import main as tune_main

    topics = [
        ["wheat", "field", "farmer", "harvest", "rain"], ["symphony", "violin", "conductor", "concert", "orchestra"],
        ["bridge", "steel", "cable", "river", "engineer"], ["senator", "tax", "bill", "voter", "vote"],
    ]
    for name in ("3-5", "6-8"):
        folder = tmp_path / "choi" / "4" / name
        folder.mkdir(parents=True)
        for sample in range(2):
            parts = ["=========="]
            for t, words in enumerate(topics * 3):
                parts += [f"the {words[(s + t + sample) % 5]} and the {words[(s + 2) % 5]} met the {words[s % 5]} ."
                          for s in range(3 + t % 3)]
                parts.append("==========")
            (folder / f"{sample}.ref").write_text("\n".join(parts) + "\n", encoding="latin-1")
    out = tmp_path / "model.json"
    assert tune_main(["--data", str(tmp_path), "--out", str(out)]) == 0
    fallback = load_model(out).fallback
    assert fallback is not None and fallback.dirichlet in DIRICHLET_GRID and fallback.prior_scale in PRIOR_SCALE_GRID
    assert fallback.vector_weight == 0.0 or (
        fallback.vector_weight in VECTOR_WEIGHT_GRID and fallback.vector_prior_scale in VECTOR_PRIOR_SCALE_GRID
    )
    printed = capsys.readouterr().out
    assert "<- chosen" in printed and "3-5" in printed and "6-8" in printed
    assert load_model(out).weights == load_model().weights  # only the fallback changed


def test_fallback_tuning_without_choi_data_says_it_is_skipped(tmp_path, capsys):
    from corpuscut.segmenter.tune_fallback import main as tune_main

    assert tune_main(["--data", str(tmp_path), "--out", str(tmp_path / "model.json")]) == 1
    assert "SKIPPED" in capsys.readouterr().err and not (tmp_path / "model.json").exists()
