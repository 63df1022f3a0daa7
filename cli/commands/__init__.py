"""One module per command: a plain function taking the Environment and the Options, made a
Typer command by :func:`cli.options.command`."""
