"""Where things sit in the panel scoring and demonstration outcome workbooks (writer and reader).

Panel workbook (one per panelist): sheet ``Scores`` with the panelist cells on
top, one row per scored criterion, and per vendor a score (dropdown 0–5 in
half points) and a comment column; a hidden ``_meta`` sheet identifies it.
Outcome workbook (one per vendor): sheet ``Outcomes``, one row per must and
should requirement with the claim and an outcome dropdown and a note.
"""


PANEL_MAGIC = "crm-readiness panel scores v1"
DEMO_MAGIC = "crm-readiness demonstration outcomes v1"
META_SHEET = "_meta"
LISTS_SHEET = "Lists"

SCORES_SHEET = "Scores"
NAME_CELL = "B3"
ID_CELL = "B4"
ROLE_CELL = "B5"
VENDOR_NAME_ROW = 7
VENDOR_ID_ROW = 8
SCORE_HEADER_ROW = 9
FIRST_ROW = 10
COL_CRITERION = 1
COL_NAME = 2
COL_ANCHORS = 3
FIRST_VENDOR_COL = 4   # vendor i: score at 4 + 2i, comment at 5 + 2i
SCORE_STEPS = tuple(x / 2 for x in range(11))   # 0, 0.5, … 5

OUTCOMES_SHEET = "Outcomes"
VENDOR_CELL = "B3"
VENDOR_ID_CELL = "B4"
DEMO_HEADER_ROW = 6
DEMO_FIRST_ROW = 7
COL_REQ = 1
COL_PRIORITY = 2
COL_TITLE = 3
COL_CLAIM = 4
COL_SHOW = 5
COL_OUTCOME = 6
COL_NOTE = 7


def score_col(i: int) -> int:
    """Column of vendor ``i``'s score."""
    return FIRST_VENDOR_COL + 2 * i


def comment_col(i: int) -> int:
    """Column of vendor ``i``'s comment."""
    return FIRST_VENDOR_COL + 2 * i + 1
