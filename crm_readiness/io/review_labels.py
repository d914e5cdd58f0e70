"""Reading a steward's clerical-review decisions back from an issues workbook (``--labels``).

The workbook is read through :func:`crm_readiness.io.workbooks.open_workbook`;
the sheet is found by its name in either language and its columns by their
headers in either language, so a workbook written in Chinese is read by an
English run and columns may be moved. Rows with an empty decision are skipped.
Every problem — a foreign workbook, a missing header, a decision that is not
same / different / unsure (in either language), a row that is not a number, a
pair id that does not belong to its fingerprints, a pair decided twice — is
collected with its cell and reported at once (exit 3).
"""

from __future__ import annotations

import re
from pathlib import Path

from crm_readiness.engine.data.clerical import pair_id
from crm_readiness.errors import InputFileError, Problem
from crm_readiness.i18n import LANGS, t
from crm_readiness.io.workbooks import Cell, cell_ref, open_workbook
from crm_readiness.models.data.clerical import DECISIONS, READ_COLUMNS, Decision, LabelledPair

_FP = re.compile(r"[0-9a-f]{16}")
_ROW = re.compile(r"[0-9]{1,9}")


def _words() -> dict[str, Decision]:
    words: dict[str, Decision] = {}
    for d in DECISIONS:
        words[d] = d
        for lang in LANGS:
            words[t(f"data.rv.decision.{d}", lang).casefold()] = d
    return words


def _text(v: Cell) -> str:
    return "" if v is None else str(v).strip()


def read_labels(path: Path) -> tuple[LabelledPair, ...]:
    """Return the decided pairs of the clerical-review sheet of issues workbook ``path``."""
    with open_workbook(path) as wb:
        names = [t("data.wb.clerical", lang)[:31] for lang in LANGS]
        name = next((n for n in names if n in wb.sheet_names), None)
        if name is None:
            raise InputFileError(path, [Problem.of("", "data.labels.no_sheet", en=names[0],
                                                   zh=names[1])])
        sheet = wb.sheet(name)
        rows = sheet.rows()
        first = next(rows, None)
        header = [_text(v) for v in (first[1] if first else [])]
        col: dict[str, int] = {}
        problems: list[Problem] = []
        for key in READ_COLUMNS:
            texts = {t(f"data.rv.col.{key}", lang) for lang in LANGS}
            found = next((k for k, h in enumerate(header) if h in texts), None)
            if found is None:
                problems.append(Problem.of(cell_ref(name, 1, 1), "data.labels.no_header",
                                           header=t(f"data.rv.col.{key}", "en")))
            else:
                col[key] = found
        if problems:
            raise InputFileError(path, problems)
        words = _words()
        allowed = ", ".join(dict.fromkeys(
            t(f"data.rv.decision.{d}", lang) for lang in LANGS for d in DECISIONS))
        seen: dict[str, str] = {}
        out: list[LabelledPair] = []
        for number, cells in rows:
            def get(key: str, cells: list[Cell] = cells) -> str:
                k = col[key]
                return _text(cells[k]) if k < len(cells) else ""

            raw = get("decision")
            if not raw:
                continue
            here: list[Problem] = []

            def at(key: str, number: int = number) -> str:
                return cell_ref(name, number, col[key] + 1)

            decision = words.get(raw.casefold())
            if decision is None:
                here.append(Problem.of(at("decision"), "data.labels.bad_decision", value=raw,
                                       allowed=allowed))
            nums: dict[str, int] = {}
            for key in ("row_a", "row_b"):
                v = get(key)
                if _ROW.fullmatch(v) and int(v) >= 2:
                    nums[key] = int(v)
                else:
                    here.append(Problem.of(at(key), "data.labels.bad_row", value=v))
            fps: dict[str, str] = {}
            for key in ("fp_a", "fp_b"):
                v = get(key).lower()
                if _FP.fullmatch(v):
                    fps[key] = v
                else:
                    here.append(Problem.of(at(key), "data.labels.bad_fingerprint", value=v))
            pid = get("pair_id")
            if len(fps) == 2 and pid != pair_id(fps["fp_a"], fps["fp_b"]):
                here.append(Problem.of(at("pair_id"), "data.labels.unknown_pair", value=pid))
            elif pid in seen:
                here.append(Problem.of(at("pair_id"), "data.labels.duplicate_pair", value=pid,
                                       other=seen[pid]))
            if here:
                problems += here
                continue
            assert decision is not None
            seen[pid] = at("pair_id")
            out.append(LabelledPair(
                pair_id=pid, left_file=get("file_a") or None, left_row=nums["row_a"],
                left_fingerprint=fps["fp_a"], right_file=get("file_b") or None,
                right_row=nums["row_b"], right_fingerprint=fps["fp_b"], decision=decision,
                note=get("note") or None, cell=at("pair_id")))
        if problems:
            raise InputFileError(path, problems)
        return tuple(out)


def stale_error(path: Path, stale: list[tuple[LabelledPair, str]]) -> InputFileError:
    """Return the exit-3 error naming every labelled pair whose record changed or is gone."""
    return InputFileError(path, [Problem.of(
        lab.cell, "data.labels.stale", value=lab.pair_id, side="A" if side == "left" else "B",
        row=lab.left_row if side == "left" else lab.right_row) for lab, side in stale])
