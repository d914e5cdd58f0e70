"""Reading filled RFP response workbooks back: valid responses in, every bad cell reported.

Each problem names the sheet and cell (``Responses!G7``) so the vendor or the
consultant can fix exactly that cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from crm_readiness.errors import InputFileError, Problem
from crm_readiness.io.workbooks import Sheet, cell_ref, open_workbook
from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import Vendor, VendorResponse, normalize_response
from crm_readiness.models.vendors import rfp_layout as L


@dataclass
class RfpResponses:
    """What one filled RFP workbook says: the vendor, its valid responses and the problems."""

    path: Path
    vendor_name: str | None
    vendor_id: str | None
    responses: dict[str, VendorResponse] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _ref(sheet: str, row: int, col: int) -> str:
    return cell_ref(sheet, row, col)


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def read_rfp(path: Path, catalogue: RequirementsCatalogue) -> RfpResponses:
    """Read a filled RFP workbook; raise only when it is not an RFP workbook at all."""
    with open_workbook(path) as wb:
        missing = [s for s in (L.INSTRUCTIONS, L.RESPONSES) if s not in wb.sheet_names]
        if missing:
            raise InputFileError(path, [Problem.of(s, "rfp.sheet_missing") for s in missing])
        info = wb.sheet(L.INSTRUCTIONS)
        name = _str(info.value(L.VENDOR_NAME_CELL))
        vid = _str(info.value(L.VENDOR_ID_CELL))
        _check_vendor(path, name, vid)
        out = RfpResponses(path=path, vendor_name=name, vendor_id=vid)
        if name is None:
            out.problems.append(Problem.of(f"{L.INSTRUCTIONS}!{L.VENDOR_NAME_CELL}",
                                           "rfp.vendor_name_missing"))
        _rows(wb.sheet(L.RESPONSES), catalogue, out)
        return out


def _check_vendor(path: Path, name: str | None, vid: str | None) -> None:
    """Refuse a vendor id or name cell the vendors file could not hold (exit 3, cell named)."""
    try:
        Vendor(id=vid or "v", name=name or "v")
    except ValidationError as exc:
        problems: list[Problem] = []
        for err in exc.errors(include_url=False):
            field = str(err.get("loc", ("",))[0])
            cell = L.VENDOR_ID_CELL if field == "id" else L.VENDOR_NAME_CELL
            value = (vid if field == "id" else name) or ""
            problems.append(Problem.of(f"{L.INSTRUCTIONS}!{cell}", "rfp.bad_vendor_cell",
                                       value=value[:60], detail=err.get("msg", "")))
        raise InputFileError(path, problems) from None


def _rows(ws: Sheet, catalogue: RequirementsCatalogue, out: RfpResponses) -> None:
    known = {r.id for r in catalogue.requirements}
    seen: set[str] = set()
    sheet = L.RESPONSES
    for r, cells in ws.rows(min_row=L.FIRST_ROW, max_col=L.COL_EVIDENCE):
        rid = _str(cells[L.COL_ID - 1])
        raw = cells[L.COL_RESPONSE - 1]
        comment = _str(cells[L.COL_COMMENT - 1])
        evidence = _str(cells[L.COL_EVIDENCE - 1])
        if rid is None:
            if any(_str(c) for c in cells):
                out.problems.append(Problem.of(_ref(sheet, r, L.COL_ID), "rfp.id_missing"))
            continue
        if rid not in known:
            out.problems.append(Problem.of(_ref(sheet, r, L.COL_ID), "rfp.unknown_id",
                                           rid=repr(rid)))
            continue
        if rid in seen:
            out.problems.append(Problem.of(_ref(sheet, r, L.COL_ID), "rfp.id_twice", rid=rid))
            continue
        seen.add(rid)
        where = _ref(sheet, r, L.COL_RESPONSE)
        if _str(raw) is None:
            out.problems.append(Problem.of(where, "rfp.no_response", rid=rid))
            continue
        try:
            code = normalize_response(str(raw))
            out.responses[rid] = VendorResponse(response=code, comment=comment, evidence=evidence)
        except (ValueError, ValidationError):
            out.problems.append(Problem.of(where, "rfp.bad_response", value=repr(str(raw)),
                                           rid=rid))
    for req in catalogue.requirements:
        if req.id not in seen:
            out.problems.append(Problem.of(sheet, "rfp.row_missing", rid=req.id))
