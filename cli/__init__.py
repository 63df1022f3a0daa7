"""corpuscut's command line: a thin Typer layer over the segmenter and summarizer libraries."""
