"""The command line: Typer app, one module per command family (the only layer using typer/rich)."""
