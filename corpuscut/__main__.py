"""``python -m corpuscut``: the command."""

from corpuscut.cli.entry import main

main()
