"""Where things sit in the mapping workbook: shared by its writer and its reader.

Sheet names are fixed (the same in every language); each header cell holds
the column's label in the workbook's language, and the reader accepts either
language's label.
"""


FIELDS = "Fields"
VALUES = "Values"
TARGET = "Target"
HEADER_ROW = 1
FIRST_ROW = 2
#: Fields sheet: columns read back first, then information columns (key = catalogue suffix)
FIELD_COLUMNS: tuple[str, ...] = ("source", "object", "field", "transform", "basis", "type",
                                  "filled", "examples", "note")
FIELD_READ = 4
#: Values sheet
VALUE_COLUMNS: tuple[str, ...] = ("object", "field", "source_value", "target_value", "count")
VALUE_READ = 4
