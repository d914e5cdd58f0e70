"""Where things sit in the RFP response workbook: shared by its writer and its reader."""


FORMAT_MARK = "crm-readiness RFP v1"
INSTRUCTIONS = "Instructions"
RESPONSES = "Responses"
LISTS = "Lists"
MARK_CELL = "A1"            # on Instructions: title; the mark is in MARK_CELL_META
MARK_CELL_META = "D1"
VENDOR_NAME_CELL = "B4"
VENDOR_ID_CELL = "B5"
FIRST_ROW = 2               # first requirement row on Responses
COL_ID = 1
COL_MODULE = 2
COL_TITLE = 3
COL_DESCRIPTION = 4
COL_PRIORITY = 5
COL_ACCEPTANCE = 6
COL_RESPONSE = 7
COL_COMMENT = 8
COL_EVIDENCE = 9
