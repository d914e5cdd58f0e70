"""The one safe-cell rule, in Python and as DuckDB SQL (a leaf: imports nothing of ours).

Every text the tool puts into a workbook cell or a CSV field goes through
:func:`safe_text` (workbooks: ``crm_readiness.render.cells.put``; CSV written by
DuckDB ``COPY``: :func:`safe_text_sql`, tested equal to :func:`safe_text`).

The rule:

1. Control characters become visible *control pictures*: a C0 control other
   than tab, line feed and carriage return becomes U+2400 + its code (``\\x01``
   → ``␁``, ESC → ``␛``), DEL becomes ``␡``; U+FFFE, U+FFFF and lone surrogates
   (not allowed in XML) become U+FFFD. Nothing is dropped, and openpyxl never
   raises ``IllegalCharacterError``.
2. A value whose first character is ``=``, ``+``, ``-``, ``@``, tab or carriage
   return, or the full-width ``＝ ＋ － ＠``, gets a leading apostrophe ``'``
   so no spreadsheet evaluates it — unless the whole value is a plain number
   (``-5``, ``+3.2``, ``1e5``, ``-.5E-3``: ASCII digits only), which is
   harmless and kept as typed. A phone number such as ``+86 138 0000 0000`` is
   not a plain number, so it *is* written as ``'+86 138 0000 0000``.

This module lives at the package root (like :mod:`crm_readiness.errors`) so
render, io and the data engine can all import it.
"""

from __future__ import annotations

import re

#: first characters that make a spreadsheet read a value as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")

_PLAIN_NUMBER = r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?"
_PLAIN_NUMBER_RE = re.compile(_PLAIN_NUMBER)

#: control characters and their visible replacements.
_CONTROLS = [chr(c) for c in range(0x20) if c not in (0x09, 0x0A, 0x0D)] + ["\x7f"]
_PICTURES = [chr(0x2400 + ord(c)) for c in _CONTROLS[:-1]] + ["\u2421"]
_XML_ILLEGAL = ["\ufffe", "\uffff"]
_TABLE = {ord(c): p for c, p in zip(_CONTROLS, _PICTURES, strict=True)}
_TABLE.update({ord(c): "\ufffd" for c in _XML_ILLEGAL})
_NEEDS_WORK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def is_plain_number(value: str) -> bool:
    """Return whether ``value`` is a plain decimal number (``-5``, ``+3.2``, ``1e5``)."""
    return _PLAIN_NUMBER_RE.fullmatch(value) is not None


def needs_quote(value: str) -> bool:
    """Return whether ``value`` would be read as a formula (after controls are replaced)."""
    return value.startswith(FORMULA_START) and not is_plain_number(value)


def visible_controls(value: str) -> str:
    """Return ``value`` with control and XML-illegal characters replaced visibly."""
    # printable text (str.isprintable: no Cc, Cs or Cn character, so none of the class) is
    # nearly every value, and the check costs a fifth of the search
    if value.isprintable() or _NEEDS_WORK.search(value) is None:
        return value
    return _SURROGATE.sub("\ufffd", value.translate(_TABLE))


def safe_text(value: str) -> str:
    """Return ``value`` safe for any cell or CSV field (see the module docstring)."""
    out = visible_controls(value)
    return "'" + out if needs_quote(out) else out


def _sql_chars(chars: list[str]) -> str:
    return " || ".join(f"chr({ord(c)})" for c in chars)


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_FROM = _sql_chars(_CONTROLS + _XML_ILLEGAL)
_TO = _sql_literal("".join(_PICTURES) + "\ufffd" * len(_XML_ILLEGAL))
_STARTS = "".join(c for c in FORMULA_START if c not in "\t\r-")
_QUOTE_STARTS = ", ".join([_sql_literal(c) for c in _STARTS] + ["'-'", "chr(9)", "chr(13)"])

#: RE2 class of the characters rule 1 replaces (DuckDB text is valid UTF-8: no surrogates).
_CONTROL_RE = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x{FFFE}\x{FFFF}]"
_CONTROL_CLASS = _sql_literal(_CONTROL_RE)

#: the full rule over ``{expr}``: controls replaced, then the quote when it starts a formula.
_FULL_SQL = (
    "(CASE WHEN (left(translate({expr}, " + _FROM + ", " + _TO + "), 1) IN ("
    + _QUOTE_STARTS
    + ") AND NOT regexp_full_match(translate({expr}, " + _FROM + ", " + _TO + "), "
    + _sql_literal(_PLAIN_NUMBER) + ")) THEN '''' || translate({expr}, " + _FROM + ", " + _TO
    + ") ELSE translate({expr}, " + _FROM + ", " + _TO + ") END)"
)


def _re2_char(c: str) -> str:
    return f"\\x{{{ord(c):04X}}}"


#: RE2 of a value either rule may change: a formula's first character, or a character of
#: :data:`_CONTROL_RE` anywhere.
_NEEDS_WORK_SQL = _sql_literal("^[" + "".join(_re2_char(c) for c in FORMULA_START) + "]|"
                               + _CONTROL_RE)
#: DuckDB SQL equal to :func:`safe_text` over ``{expr}`` (a VARCHAR expression);
#: NULL stays NULL. Only built-in functions: regexp_matches, translate, left,
#: regexp_full_match. Nearly every value needs neither rule, which one RE2 search tells
#: (17 % cheaper than a control-character search and a first-character test: min of 6
#: runs over 4.8 M values); the long ``translate`` runs only where a control character is
#: (three of them per value made a million-row problem CSV slow).
SAFE_TEXT_SQL = (
    "(CASE WHEN NOT regexp_matches({expr}, " + _NEEDS_WORK_SQL + ") THEN {expr}"
    " WHEN regexp_matches({expr}, " + _CONTROL_CLASS + ") THEN " + _FULL_SQL
    + " WHEN NOT regexp_full_match({expr}, " + _sql_literal(_PLAIN_NUMBER)
    + ") THEN '''' || {expr} ELSE {expr} END)"
)


def safe_text_sql(expr: str) -> str:
    """Return the SQL of :func:`safe_text` applied to the VARCHAR SQL expression ``expr``."""
    return SAFE_TEXT_SQL.replace("{expr}", f"({expr})")
