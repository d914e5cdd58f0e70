"""The issues workbook's *Clerical review* sheet: borderline pairs side by side, to decide.

One row per pair of the :class:`ClericalSample`: the pair id, the steward's
**decision** (a list: same / different / unsure, in the workbook's language)
and a note, the rules' score and decision, both records' file, row and id,
each compared field's two values and agreement level, and the two records'
fingerprints (what ``--labels`` maps the decision back with). Cells go
through the one safe-cell rule; the page is set up like the other sheets.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from crm_readiness.i18n import Lang, t
from crm_readiness.models.data.clerical import (
    DECISIONS,
    LEAD_COLUMNS,
    TAIL_COLUMNS,
    ClericalSample,
    ReviewPair,
)
from crm_readiness.render.cells import print_setup_sheet, streaming_sheet, write_only_cell

_BOLD = Font(bold=True)
_HEAD = PatternFill("solid", fgColor="E5E7EB")
_DECIDE = PatternFill("solid", fgColor="FEF9C3")
_WIDTHS = {"pair_id": 14, "decision": 14, "note": 24, "score": 12, "model_match": 10,
           "same_cluster": 10, "file_a": 16, "row_a": 8, "id_a": 12, "file_b": 16, "row_b": 8,
           "id_b": 12, "fp_a": 18, "fp_b": 18}


def headers(sample: ClericalSample, lang: Lang) -> list[str]:
    """Return the sheet's header row."""
    def lead(k: str) -> str:
        if k == "score":
            k = "probability" if sample.method == "probabilistic" else "score"
        return t(f"data.rv.col.{k}", lang)

    fields = [t(f"data.rv.col.{k}", lang, column=c) for c in sample.columns
              for k in ("value_a", "value_b", "agreement")]
    return ([lead(k) for k in LEAD_COLUMNS] + fields
            + [t(f"data.rv.col.{k}", lang) for k in TAIL_COLUMNS])


def agreement_text(code: str, lang: Lang) -> str:
    """Return an agreement level (``equal``, ``>=0.85``, ``disagree``, ``empty``) in words."""
    if code.startswith(">="):
        return t("data.rv.agree.at_least", lang, x=code[2:])
    return t(f"data.rv.agree.{code}", lang)


def _values(pair: ReviewPair, lang: Lang) -> list[object]:
    yes, no = t("data.rv.yes", lang), t("data.rv.no", lang)
    decision = t(f"data.rv.decision.{pair.decision}", lang) if pair.decision else ""
    lead: list[object] = [pair.pair_id, decision, pair.note or "", pair.score,
                          yes if pair.model_match else no, yes if pair.same_cluster else no,
                          pair.left.file, pair.left.row, pair.left.id or "", pair.right.file,
                          pair.right.row, pair.right.id or ""]
    fields: list[object] = []
    for f in pair.fields:
        fields += [f.left or "", f.right or "", agreement_text(f.agreement, lang)]
    return lead + fields + [pair.left.fingerprint, pair.right.fingerprint]


def add_review_sheet(wb: Workbook, sample: ClericalSample, lang: Lang) -> None:
    """Add the clerical-review sheet of ``sample`` to write-only workbook ``wb``."""
    ws = streaming_sheet(wb, t("data.wb.clerical", lang)[:31])
    head = headers(sample, lang)
    keys = list(LEAD_COLUMNS) + [""] * (3 * len(sample.columns)) + list(TAIL_COLUMNS)
    for n, key in enumerate(keys, start=1):
        ws.column_dimensions[get_column_letter(n)].width = _WIDTHS.get(key, 16)
    ws.freeze_panes = "C2"
    print_setup_sheet(ws, columns=len(head))
    last = len(sample.pairs) + 1
    if sample.pairs:
        words = ",".join(t(f"data.rv.decision.{d}", lang) for d in DECISIONS)
        dv = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True,
                            showErrorMessage=True, showInputMessage=True,
                            prompt=t("data.rv.prompt", lang), error=t("data.rv.prompt", lang))
        dv.add(f"B2:B{last}")
        ws.data_validations.append(dv)
    ws.append([write_only_cell(ws, h, font=_BOLD, fill=_HEAD) for h in head])
    for pair in sample.pairs:
        row = _values(pair, lang)
        ws.append([write_only_cell(ws, v, fill=_DECIDE if k == 1 else None)
                   for k, v in enumerate(row)])
    ws.append([])
    lo, hi = (f"{x:.3g}" for x in sample.band)
    if sample.pairs:
        text = t("data.rv.readme", lang, n=len(sample.pairs), in_band=sample.in_band, lo=lo,
                 hi=hi, threshold=f"{sample.threshold:g}", scanned=sample.scanned_pairs,
                 candidates=sample.candidate_pairs, strata=sample.strata, seed=sample.seed)
    else:
        text = t("data.rv.none", lang, lo=lo, hi=hi, threshold=f"{sample.threshold:g}")
    ws.append([write_only_cell(ws, text, font=_BOLD)])
