"""The fallback's word vectors: the shipped file, the dispersion of a segment, and a text
that only meaning can cut."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from corpuscut.segmenter import Segmenter, load_model
from corpuscut.segmenter.vectors import WordVectors, dispersion_band, load_vectors
from corpuscut.text.words import WordNormalizer


def test_english_vectors_ship_with_the_package_and_other_languages_have_none():
    vectors = load_vectors("english")
    assert vectors is not None and vectors.matrix.shape == (50_000, 50)
    assert np.allclose(np.linalg.norm(vectors.matrix, axis=1), 1.0, atol=2e-3)
    assert {"court", "jury", "goal"} <= vectors.index.keys()
    # Neighbours in meaning are nearer than strangers.
    near = vectors.matrix[vectors.index["jury"]] @ vectors.matrix[vectors.index["verdict"]]
    far = vectors.matrix[vectors.index["jury"]] @ vectors.matrix[vectors.index["football"]]
    assert near > far + 0.3
    assert load_vectors("german") is None


def test_line_sums_add_the_unit_vectors_of_known_content_words_only():
    vectors = WordVectors({"court": 0, "jury": 1, "the": 2}, np.eye(3, dtype=np.float32))
    sums, mass = vectors.line_sums(["The jury, the COURT and zzyzx.", "", "the the"], WordNormalizer())
    assert mass.tolist() == [2.0, 0.0, 0.0]  # "the" is a stop word, "zzyzx" unknown
    assert sums.tolist() == [[1.0, 1.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=12), st.integers(1, 6), st.integers(0, 10_000))
def test_dispersion_band_is_each_segments_squared_distance_of_its_words_to_their_mean(counts, reach, seed):
    rng = np.random.default_rng(seed)
    words = [rng.normal(size=(c, 3)) for c in counts]
    words = [w / np.linalg.norm(w, axis=1, keepdims=True) for w in words]
    sums = np.array([w.sum(0) for w in words])
    band = dispersion_band(sums, np.array(counts, dtype=float), reach)
    n = len(counts)
    assert band.shape == (n + 1, reach + 1)
    for i in range(n + 1):
        for k in range(reach + 1):
            inside = np.concatenate([np.zeros((0, 3)), *words[i:i + k]]) if 0 < k and i + k <= n else np.zeros((0, 3))
            expected = ((inside - inside.mean(0)) ** 2).sum() if len(inside) else 0.0
            assert abs(band[i, k] - expected) < 1e-9


def test_without_cues_word_vectors_cut_two_subjects_that_share_no_stems():
    """Each sentence of a subject uses other words than its neighbours (surgeon, nurses,
    physician; striker, referee, midfielder): stems alone cut at random, the vectors' dispersion
    finds the change of subject."""
    topics = [
        ["the surgeon examined the patient in the hospital", "nurses in the clinic gave the patient medicine",
         "doctors prescribed drugs for the infection", "a physician treated her illness with antibiotics",
         "the medical staff gave him an injection for the pain", "his disease needed treatment by a specialist doctor"],
        ["the striker scored a late goal in the match", "fans cheered as the football team won the game",
         "the referee blew his whistle for a penalty kick", "the midfielder passed the ball to the winger",
         "supporters sang in the stadium after the victory", "the coach praised his players after the league game"],
    ]
    text = "\n".join(f"{sentence} ." for topic in topics for sentence in topic) + "\n"
    model = load_model()

    def starts(weight: float, scale: float) -> list[int]:
        # (a text this short taken by the fallback: the shipped one leaves texts under 24 lines to
        # the boundary model)
        fallback = replace(model.fallback, vector_weight=weight, vector_prior_scale=scale, min_lines=10)
        return [text.count("\n", 0, a.start) + 1 for a in Segmenter(model=replace(model, fallback=fallback)).split(text)]

    assert starts(1.5, 1.3) == [1, 7]
    assert starts(0.0, 1.3) != [1, 7]
