"""Use cases that chain loaders, engines and renderers, with no terminal I/O.

The CLI and ``demo`` call these; each capability has one module here.
"""
