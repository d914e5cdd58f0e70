"""Where everything sits in the comparison workbook, so formulas can refer to it."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from crm_readiness.models.requirements import RequirementsCatalogue
from crm_readiness.models.vendors import Comparison

REQ_FIRST = 3          # first data row on the Requirements sheet (two header rows)
REQ_FIXED = 5          # ID, module, title, priority, priority weight
CRIT_FIRST = 3         # first criterion row on the Criteria sheet (row 2 holds costs)
CONFIG_WEIGHTS = 26    # first criterion row of the weights table on the Config sheet


def col(n: int) -> str:
    """Return the column letter of 1-based column ``n``."""
    letter: str = get_column_letter(n)
    return letter


def weight_name(criterion: str) -> str:
    """Return the defined name of a criterion's weight cell."""
    return "W_" + criterion.upper()


@dataclass
class Layout:
    """Cell positions shared by every sheet of the comparison workbook."""

    result: Comparison
    catalogue: RequirementsCatalogue
    modules: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        used = {r.module for r in self.catalogue.requirements}
        self.modules = [m for m in self.catalogue.module_ids() if m in used]

    @property
    def n_req(self) -> int:
        """Number of requirements."""
        return len(self.catalogue.requirements)

    @property
    def req_last(self) -> int:
        """Last data row on the Requirements sheet."""
        return REQ_FIRST + self.n_req - 1

    def resp_col(self, i: int) -> int:
        """Column of vendor ``i``'s response on the Requirements sheet."""
        return REQ_FIXED + 1 + 3 * i

    def pts_col(self, i: int) -> int:
        """Column of vendor ``i``'s points."""
        return self.resp_col(i) + 1

    def gap_col(self, i: int) -> int:
        """Column of vendor ``i``'s must-gap flag."""
        return self.resp_col(i) + 2

    def demo_col(self, i: int) -> int:
        """Column of vendor ``i``'s demonstration outcome (after every vendor's block)."""
        return REQ_FIXED + 1 + 3 * len(self.result.vendors) + i

    def effective(self, i: int, r: int) -> str:
        """Return the expression of vendor ``i``'s response on row ``r`` after its demonstration:
        the claim, unless an outcome other than as_claimed was recorded for a claim."""
        rc, dc = col(self.resp_col(i)), col(self.demo_col(i))
        return (f'IF(OR({rc}{r}="",{dc}{r}="",{dc}{r}="as_claimed"),{rc}{r},'
                f"IFERROR(VLOOKUP({dc}{r},DEMO_TABLE,2,FALSE),{rc}{r}))")

    def req_range(self, column: int, absolute_col: bool = True) -> str:
        """Return ``Requirements!$X$3:$X$N`` for a column."""
        c = col(column)
        d = "$" if absolute_col else ""
        return f"Requirements!{d}{c}${REQ_FIRST}:{d}{c}${self.req_last}"

    # ModuleFit sheet: header row 1, one row per module, then the overall row
    def module_row(self, module: str) -> int:
        """Row of ``module`` on the ModuleFit sheet."""
        return 2 + self.modules.index(module)

    @property
    def fit_row(self) -> int:
        """Row of the overall functional fit on the ModuleFit sheet."""
        return 2 + len(self.modules)

    @staticmethod
    def vendor_col(i: int, first: int = 4) -> int:
        """Column of vendor ``i`` on ModuleFit (first=4) or Criteria (first=5)."""
        return first + i

    def crit_row(self, k: int) -> int:
        """Row of criterion ``k`` on the Criteria sheet."""
        return CRIT_FIRST + k

    @property
    def total_row(self) -> int:
        """Row of the totals on the Criteria sheet."""
        return CRIT_FIRST + len(self.result.criteria)

    def summary_row(self, i: int) -> int:
        """Row of vendor ``i`` on the Summary sheet."""
        return 2 + i

    @property
    def summary_last(self) -> int:
        """Last vendor row on the Summary sheet."""
        return 1 + len(self.result.vendors)
