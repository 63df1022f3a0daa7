# Set-up and everyday commands. Needs only python3 (3.10+); everything else comes from PyPI.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DATA ?= ../shared/data
# GNOME's help in several languages (Debian's gnome-user-docs), for bench-languages.
HELP_DOCS ?= /usr/share/help

.PHONY: demo test bench bench-split bench-summarize bench-batch bench-sentences bench-languages bench-body bench-hostile fuzz fuzz-atheris train clean

# What the demo needs: the package alone. Everything else (tests, benchmarks, Dask, Parquet,
# WARC) only for the targets that use it.
DEMO = $(VENV)/.installed-demo
FULL = $(VENV)/.installed-full
PIP = $(BIN)/python -m pip install --quiet --disable-pip-version-check

$(DEMO): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	@touch $@

$(FULL): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) -e '.[test,bench,dask,parquet,warc]'
	@touch $@ $(DEMO)

## Split and summarize the user's sample dump (installs only the package).
demo: $(DEMO)
	$(BIN)/corpuscut digest samples/kursk-taiwan-dump.txt

## Run the test suite.
test: $(FULL)
	$(BIN)/python -m pytest -q

## Every benchmark, figures printed (reads $(DATA); skips what is absent).
bench: bench-split bench-summarize bench-batch bench-sentences bench-languages bench-body

## The splitting benchmark (a few minutes); `make bench-split ARGS=--quick` for a sample.
bench-split: $(FULL)
	$(BIN)/python -m tests.benchmarks.bench_split --data $(DATA) --help-docs $(HELP_DOCS) $(ARGS)

bench-summarize: $(FULL)
	$(BIN)/python -m tests.benchmarks.bench_summarize --data $(DATA)

bench-batch: $(FULL)
	$(BIN)/python -m tests.benchmarks.bench_batch --data $(DATA) --sizes 1,10,100 --jobs 1,2 --repeat 3 --side-by-side --dask --small-files 2000

bench-sentences: $(FULL)
	$(BIN)/python -m tests.benchmarks.bench_sentences --data $(DATA)

## Language detection and splitting in German, Spanish, French (and English) dumps.
## Hostile inputs at full size (a 5 GB zstd bomb, a 202 MB line, ...): time and peak memory.
bench-hostile: $(FULL)
	$(BIN)/python -m tests.benchmarks.bench_hostile

bench-languages: $(FULL)
	$(BIN)/python -m tests.benchmarks.bench_languages --data $(DATA) --help-docs $(HELP_DOCS)

bench-body: $(FULL)
	$(BIN)/python -m tests.benchmarks.bench_body --data $(DATA)

## Fuzz the whole pipeline for five minutes.
fuzz: $(FULL)
	$(BIN)/python -m tests.benchmarks.fuzz --seconds 300

## Coverage-guided fuzzing with atheris for five minutes.
fuzz-atheris: $(FULL)
	$(BIN)/python -m pip install --quiet -e '.[fuzz]'
	$(BIN)/python -m tests.benchmarks.fuzz_atheris -max_total_time=300 -seed_inputs=samples/kursk-taiwan-dump.txt,samples/bbc-noisy.txt,samples/bbc-separators.txt

## Refit the boundary model on the training parts of every corpus (BBC, Reuters, CNN/DailyMail, Inshorts, the WCXB pages' main texts, and the tune part of GNOME's help where HELP_DOCS holds it), and the body, headline and page models on the WCXB training pages.
train: $(FULL)
	$(BIN)/python -m corpuscut.segmenter.train --data $(DATA) --help-docs $(HELP_DOCS) --out segmenter/data/model.json
	$(BIN)/python -m corpuscut.segmenter.tune_fallback --data $(DATA) --model segmenter/data/model.json --out segmenter/data/model.json
	$(BIN)/python -m corpuscut.summarizer.train --data $(DATA) --out summarizer/data/newsrank.json
	$(BIN)/python -m corpuscut.segmenter.train_body --data $(DATA) --out segmenter/data/body-model.json
	$(BIN)/python -m corpuscut.segmenter.train_headline --data $(DATA) --out segmenter/data/headline-model.json
	$(BIN)/python -m corpuscut.segmenter.train_pages --data $(DATA) --out segmenter/data/page-model.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis
