# Set-up and everyday commands. Needs only python3 (3.10+); everything else comes from PyPI.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DATA ?= ../shared/data
# GNOME's help in several languages (Debian's gnome-user-docs), for bench-languages.
HELP_DOCS ?= /usr/share/help

.PHONY: demo test bench bench-split bench-summarize bench-batch bench-sentences bench-languages bench-body fuzz fuzz-atheris train clean

$(BIN)/corpuscut: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test,bench,dask,parquet,warc]'
	@touch $@

## Split and summarize the user's sample dump.
demo: $(BIN)/corpuscut
	$(BIN)/corpuscut digest samples/kursk-taiwan-dump.txt

## Run the test suite.
test: $(BIN)/corpuscut
	$(BIN)/python -m pytest -q

## Every benchmark, figures printed (reads $(DATA); skips what is absent).
bench: bench-split bench-summarize bench-batch bench-sentences bench-languages bench-body

bench-split: $(BIN)/corpuscut
	$(BIN)/python -m tests.benchmarks.bench_split --data $(DATA)

bench-summarize: $(BIN)/corpuscut
	$(BIN)/python -m tests.benchmarks.bench_summarize --data $(DATA)

bench-batch: $(BIN)/corpuscut
	$(BIN)/python -m tests.benchmarks.bench_batch --data $(DATA) --sizes 1,10,100 --jobs 1,2 --repeat 3 --side-by-side --dask

bench-sentences: $(BIN)/corpuscut
	$(BIN)/python -m tests.benchmarks.bench_sentences --data $(DATA)

## Language detection and splitting in German, Spanish, French (and English) dumps.
bench-languages: $(BIN)/corpuscut
	$(BIN)/python -m tests.benchmarks.bench_languages --data $(DATA) --help-docs $(HELP_DOCS)

bench-body: $(BIN)/corpuscut
	$(BIN)/python -m tests.benchmarks.bench_body --data $(DATA)

## Fuzz the whole pipeline for five minutes.
fuzz: $(BIN)/corpuscut
	$(BIN)/python -m tests.benchmarks.fuzz --seconds 300

## Coverage-guided fuzzing with atheris for five minutes.
fuzz-atheris: $(BIN)/corpuscut
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python -m tests.benchmarks.fuzz_atheris -max_total_time=300 -seed_inputs=samples/kursk-taiwan-dump.txt,samples/bbc-noisy.txt,samples/bbc-separators.txt

## Refit the boundary model on the training part of the BBC data, and the body model on the WCXB training pages.
train: $(BIN)/corpuscut
	$(BIN)/python -m corpuscut.segmenter.train --data $(DATA) --out segmenter/data/model.json
	$(BIN)/python -m corpuscut.segmenter.tune_fallback --data $(DATA) --model segmenter/data/model.json --out segmenter/data/model.json
	$(BIN)/python -m corpuscut.summarizer.train --data $(DATA) --out summarizer/data/newsrank.json
	$(BIN)/python -m corpuscut.segmenter.train_body --data $(DATA) --out segmenter/data/body-model.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
