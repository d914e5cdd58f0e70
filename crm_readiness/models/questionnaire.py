"""The questionnaire workbook's layout, shared by its writer (render) and its reader (io).

One workbook per role: a ``Questions`` sheet (respondent cells on top, one row
per question below), a hidden ``Lists`` sheet holding each answer scale's
choices (the dropdowns reference its ranges) and a hidden ``_meta`` sheet that
identifies the file.
"""


from pydantic import Field

from crm_readiness.models._base import ResultModel, Text
from crm_readiness.models.checklist import Role

FORMAT = 1
MAGIC = "crm-readiness questionnaire"
QUESTIONS_SHEET = "Questions"
LISTS_SHEET = "Lists"
META_SHEET = "_meta"

NAME_CELL = "B4"
ID_CELL = "B5"
ROLE_CELL = "B6"
HEADER_ROW = 8
FIRST_ROW = 9

COL_ID = 1
COL_PHASE = 2
COL_TEXT_EN = 3
COL_TEXT_ZH = 4
COL_HELP = 5
COL_ANSWER = 6
COL_NA = 7
COL_NOTE = 8
COL_EVIDENCE = 9
COL_HINT = 10
COL_ALLOWED = 11
COL_DONT_KNOW = 12
COL_OPTIONAL = 13
SIZE_CELL = "A3"

#: the dropdown entry (and typed spellings) meaning "I don't know"
DONT_KNOW_EN = "Don't know"
DONT_KNOW_ZH = "不知道"
DONT_KNOW_SPELLINGS = frozenset({"don't know", "dont know", "dont_know", "unknown", "不知道",
                                 "don't know / 不知道", "?"})
#: the marker of a row offered as optional (beyond the role's cap)
OPTIONAL_MARK = "optional / 可选"


def choice_entry(label: Text) -> str:
    """Return a dropdown entry: the choice's label in both languages (``Defined / 已定义``)."""
    return f"{label.en} / {label.zh}"


class ImportedFile(ResultModel):
    """What one questionnaire workbook contributed."""

    path: str
    respondent: str | None = None
    role: Role | None = None
    answers: int = Field(default=0, description="Answers taken from the file.")
    problems: int = Field(default=0, description="Invalid or missing cells.")
    applied: bool = False


class ImportReport(ResultModel):
    """The outcome of ``questionnaire import``."""

    files: tuple[ImportedFile, ...]
    applied_answers: int
    new_respondents: tuple[str, ...] = ()
