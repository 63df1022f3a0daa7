"""Text basics that the segmenter, the summarizer and the batch engine share.

- :mod:`.lines`: a text's lines with their offsets.
- :mod:`.words`: words for lexical comparison (lower-cased, stop words dropped, stemmed).
- :mod:`.language`: a document's language, told from its start, and its stemmer.
- :mod:`.stems`: a text's stems as integer ids, unit by unit.
- :mod:`.compiled`: inner loops compiled with Numba once a process has enough work.
- :mod:`.datafiles`: the JSON data files that hold cues, word lists and model weights.
"""
