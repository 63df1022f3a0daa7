"""The boundary model's trainer runs end to end and writes a model the segmenter loads."""

from __future__ import annotations

from segmenter import Segmenter, load_model
from segmenter.features import FEATURES
from segmenter.train import main
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
