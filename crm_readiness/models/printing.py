"""How a report is printed: the paper it is laid out for (``--paper``)."""


from typing import Literal

Paper = Literal["a4", "letter"]
PAPERS: tuple[Paper, ...] = ("a4", "letter")
DEFAULT_PAPER: Paper = "a4"
