"""Messages of the finance capability: `tco`, `roi`, reports and the workbook."""

from __future__ import annotations

from crm_readiness.i18n._finance_views import MESSAGES as VIEW_MESSAGES


def _pairs(prefix: str, table: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    return {f"{prefix}.{k}": {"en": en, "zh": zh} for k, (en, zh) in table.items()}


_CATEGORIES = {
    "software": ("Software (licence / subscription)", "软件（许可/订阅）"),
    "implementation": ("Implementation services", "实施服务"),
    "customization": ("Custom development", "定制开发"),
    "data_migration": ("Data migration and cleansing", "数据迁移与清洗"),
    "integration": ("System integration", "系统集成"),
    "training": ("Training and change management", "培训与变革管理"),
    "project_management": ("Project management", "项目管理"),
    "maintenance": ("Maintenance, support and upgrades", "运维、支持与升级"),
    "hosting": ("Hardware and hosting", "硬件与托管"),
    "security": ("Security", "安全"),
    "internal_staff": ("Internal staff time", "内部人员投入"),
    "data_services": ("Third-party data services", "第三方数据服务"),
    "other": ("Other", "其他"),
    "contingency": ("Contingency reserve", "不可预见费（应急储备）"),
}

_COMPONENTS = {
    "software": ("Software", "软件采购"),
    "customization": ("Customisation, implementation and integration", "定制开发、实施与集成"),
    "data_migration": ("Data migration and cleansing", "数据迁移与清洗"),
    "training": ("Training and change management", "培训与变革管理"),
    "project_management": ("Project management", "项目管理"),
    "other": ("Outside the benchmark", "基准之外"),
}

_BENEFITS = {
    "revenue_uplift": ("Revenue uplift (baseline × uplift × gross margin)",
                       "收入提升（基数 × 提升率 × 毛利率）"),
    "time_saved": ("Time saved (hours × people × loaded rate)", "节省工时（小时 × 人数 × 综合费率）"),
    "churn_avoided": ("Churn avoided (customers × churn reduction × margin per customer)",
                      "减少流失（客户数 × 流失率降低 × 单客毛利）"),
    "cost_avoided": ("Cost avoided (retired systems)", "避免的成本（下线旧系统）"),
    "amount": ("Amount per year", "每年金额"),
}

_PARAMS = {
    "amount": ("amount", "金额"),
    "year": ("year", "年份"),
    "per_user": ("price per seat per year", "每席位每年价格"),
    "per_module": ("price per module per year", "每模块每年价格"),
    "modules": ("modules", "模块数"),
    "escalation": ("yearly price escalation", "年度调价率"),
    "start_year": ("first year", "起始年"),
    "end_year": ("last year", "结束年"),
    "hours": ("hours per person per year", "每人每年小时数"),
    "people": ("people", "人数"),
    "rate": ("loaded rate per hour", "每小时综合费率"),
    "risk": ("risk adjustment", "风险调整"),
    "baseline_revenue": ("baseline revenue", "收入基数"),
    "uplift": ("uplift", "提升率"),
    "gross_margin": ("gross margin", "毛利率"),
    "customers": ("customers", "客户数"),
    "churn_reduction": ("churn reduction", "流失率降低"),
    "margin_per_customer": ("margin per customer per year", "单客户年毛利"),
    "ramp": ("share realised in year {k}", "第 {k} 年实现比例"),
}

_DRIVERS = {
    "discount_rate": ("Discount rate", "折现率"),
    "users.initial": ("CRM users (seats) in year 1", "第 1 年 CRM 用户（席位）数"),
    "users.growth": ("Yearly growth of users", "用户年增长率"),
    "contingency": ("Contingency reserve (share of one-time costs)", "不可预见费（占一次性成本比例）"),
    "costs.risk_adjustment": ("Cost risk adjustment (costs increased by)", "成本风险调整（成本上浮）"),
    "benefits.risk_adjustment": ("Benefit risk adjustment (benefits reduced by)",
                                 "收益风险调整（收益下调）"),
}

_METRICS = {
    "npv": ("NPV (净现值)", "净现值（NPV）"),
    "roi_pv": ("ROI on present values", "投资回报率（现值口径）"),
    "roi_simple": ("Simple nominal ROI (Σ benefits − TCO) / TCO", "简单名义投资回报率（Σ收益 − TCO）/ TCO"),
    "irr": ("IRR (内部收益率)", "内部收益率（IRR）"),
    "payback": ("Payback (undiscounted)", "投资回收期（不折现）"),
    "discounted_payback": ("Payback (discounted)", "投资回收期（折现）"),
    "tco_nominal": ("TCO, nominal (总体拥有成本)", "总体拥有成本（TCO，名义）"),
    "tco_pv": ("TCO, present value", "总体拥有成本（现值）"),
    "benefits_nominal": ("Benefits, nominal", "收益（名义）"),
    "benefits_pv": ("Benefits, present value", "收益（现值）"),
    "cost_per_user_year": ("Cost per user per year", "每用户每年成本"),
    "one_time": ("One-time spend (incl. contingency)", "一次性投入（含不可预见费）"),
}

_ROWS = {
    "seats": ("Seats (whole users)", "席位（整数用户）"),
    "costs": ("Costs", "成本"),
    "benefits": ("Benefits", "收益"),
    "net": ("Net cash flow", "净现金流"),
    "cumulative": ("Cumulative net cash flow", "累计净现金流"),
    "discount_factor": ("Discount factor", "折现系数"),
    "pv_costs": ("PV of costs", "成本现值"),
    "pv_benefits": ("PV of benefits", "收益现值"),
    "pv_net": ("PV of net cash flow", "净现金流现值"),
    "cost_risk": ("Cost risk adjustment (+)", "成本风险调整（+）"),
    "benefit_risk": ("Benefit risk adjustment (−)", "收益风险调整（−）"),
    "costs_unadjusted": ("Total costs before risk adjustment", "风险调整前总成本"),
    "costs_adjusted": ("Total costs, risk-adjusted", "风险调整后总成本"),
    "benefits_unadjusted": ("Total benefits before risk adjustment", "风险调整前总收益"),
    "benefits_adjusted": ("Total benefits, risk-adjusted", "风险调整后总收益"),
    "net_unadjusted": ("Net cash flow before risk adjustment", "风险调整前净现金流"),
    "cumulative_unadjusted": ("Cumulative before risk adjustment", "风险调整前累计净现金流"),
}

_FLAGS = {
    "training_low": (
        "Training and change management is {share} of the one-time budget, under {floor}: "
        "insufficient training is behind most failed CRM projects.",
        "培训与变革管理仅占一次性预算的 {share}，低于 {floor}：培训不足是多数 CRM 项目失败的原因。"),
    "split_deviation": (
        "{component}: {share} of the one-time budget against a benchmark of {benchmark}.",
        "{component}：占一次性预算 {share}，基准为 {benchmark}。"),
    "one_time_range": (
        "One-time spend {amount} is outside the {low}–{high} CNY range typical of a mid-size "
        "company.",
        "一次性投入 {amount} 超出中型企业常见的 {low}–{high} 元区间。"),
    "services_ratio": (
        "Implementation, customisation and integration are {ratio}× the software; 1–3× is "
        "typical.",
        "实施、定制与集成费用为软件费用的 {ratio} 倍；常见为 1–3 倍。"),
    "maintenance_share": (
        "Yearly maintenance is {share} of the licence; about 20% is typical.",
        "年度运维费用为许可费的 {share}；通常约为 20%。"),
}

_SCENARIOS = {
    "conservative": ("Conservative", "保守"),
    "expected": ("Expected", "预期"),
    "optimistic": ("Optimistic", "乐观"),
}

_TEXT = {
    # commands and options
    "tco.help": (
        "Total cost of ownership (总体拥有成本) over the horizon from one or more costs files; "
        "several files (one per vendor) are compared side by side.",
        "根据一个或多个成本文件计算测算期内的总体拥有成本（TCO）；多个文件（每家供应商一个）"
        "将并列比较。"),
    "roi.help": (
        "The ROI case (投资回报): NPV, ROI, IRR, payback, risk-adjusted and sensitivity views, "
        "report and live workbook from a costs and a benefits file.",
        "投资回报测算：根据成本与收益文件计算净现值、投资回报率、内部收益率、回收期、风险调整与"
        "敏感性分析，生成报告与可联动的 Excel 工作簿。"),
    "opt.costs": ("Costs file(s) (YAML), one per vendor.", "成本文件（YAML），每家供应商一个。"),
    "opt.costs_one": ("Costs file (YAML).", "成本文件（YAML）。"),
    "opt.benefits": ("Benefits file (YAML).", "收益文件（YAML）。"),
    "opt.swing": ("Tornado swing as a fraction (default from the file, else 0.20).",
                  "龙卷风图的变动幅度（小数；默认取文件设置，否则 0.20）。"),
    "opt.draws": ("Monte Carlo draws (default from the file, else 10000).",
                  "蒙特卡洛模拟次数（默认取文件设置，否则 10000）。"),
    "opt.seed": ("Monte Carlo seed (default from the file).", "蒙特卡洛随机种子（默认取文件设置）。"),
    "opt.format": ("Comma-separated formats: {choices}. The workbook is replaced only with --force.",
                   "以逗号分隔的格式：{choices}。工作簿仅在使用 --force 时覆盖。"),
    # report words
    "year": ("Year {year}", "第 {year} 年"),
    "year_short": ("Y{year}", "第{year}年"),
    "total": ("Total", "合计"),
    "item": ("Item", "项目"),
    "value": ("Value", "数值"),
    "category": ("Category", "类别"),
    "share": ("Share", "占比"),
    "benchmark": ("Benchmark", "基准"),
    "deviation": ("Deviation", "偏差"),
    "amount": ("Amount", "金额"),
    "one_time_col": ("One-time", "一次性"),
    "recurring_col": ("Recurring", "持续性"),
    "driver": ("Driver", "驱动因素"),
    "line": ("Line", "条目"),
    "risk": ("Risk", "风险"),
    "basis.risk_adjusted": ("Risk-adjusted", "风险调整后"),
    "basis.unadjusted": ("Unadjusted", "未调整"),
    "irr.no_sign_change": ("not defined: the cash flows never change sign",
                           "无定义：现金流从未改变符号"),
    "irr.several_sign_changes": ("not defined: the cash flows change sign {n} times",
                                 "无定义：现金流符号变化 {n} 次"),
    "payback.never": ("not within the horizon", "测算期内未回收"),
    "months": ("{months} months", "{months} 个月"),
    "not_applicable": ("n/a", "不适用"),
    "tco.title": ("Total cost of ownership", "总体拥有成本（TCO）"),
    "tco.compare_title": ("TCO comparison", "总体拥有成本对比"),
    "tco.rank": ("Rank", "排名"),
    "tco.vendor": ("Vendor / case", "供应商 / 方案"),
    "roi.title": ("CRM business case: TCO and ROI", "CRM 投资分析：总体拥有成本与投资回报"),
    "summary": ("Executive summary", "管理层摘要"),
    "summary.positive": (
        "Over {years} years the risk-adjusted case returns an NPV of {npv} {currency} on a "
        "present-value cost of {cost} {currency} (ROI {roi}); the investment pays back in "
        "{payback}.",
        "{years} 年测算期内，风险调整后净现值为 {npv} {currency}，成本现值 {cost} {currency}"
        "（投资回报率 {roi}）；投资回收期为 {payback}。"),
    "summary.negative": (
        "Over {years} years the risk-adjusted case does not pay: NPV {npv} {currency} on a "
        "present-value cost of {cost} {currency} (ROI {roi}); payback {payback}.",
        "{years} 年测算期内，风险调整后方案不划算：净现值 {npv} {currency}，成本现值 {cost} "
        "{currency}（投资回报率 {roi}）；投资回收期 {payback}。"),
    "summary.mc": (
        "Monte Carlo ({draws} draws): NPV P10 {p10}, P50 {p50}, P90 {p90}; probability that "
        "NPV > 0: {prob}.",
        "蒙特卡洛模拟（{draws} 次）：净现值 P10 {p10}、P50 {p50}、P90 {p90}；净现值大于 0 的"
        "概率：{prob}。"),
    "summary.basis": ("Risk-adjusted vs unadjusted", "风险调整后与未调整对比"),
    "per_year": ("Cash flow per year", "逐年现金流"),
    "per_year_note": (
        "Year 0 is the initial period and is not discounted; flows fall at the end of each "
        "year; amounts in {currency}.",
        "第 0 年为初始期，不折现；现金流发生在每年年末；金额单位 {currency}。"),
    "breakdown": ("Cost breakdown", "成本构成"),
    "lines": ("Cost and benefit lines", "成本与收益明细"),
    "cost_lines": ("Cost lines", "成本明细"),
    "benefit_lines": ("Benefit lines", "收益明细"),
    "split": ("One-time budget against the benchmark", "一次性预算与基准对比"),
    "split_note": (
        "Domain benchmark for a mid-size company: software 40%, customisation 25%, data "
        "migration 15%, training 12%, project management 8%; contingency excluded.",
        "中型企业基准：软件 40%、定制开发 25%、数据迁移 15%、培训 12%、项目管理 8%；"
        "不含不可预见费。"),
    "hidden": ("Hidden costs: components missing from the case", "隐性成本：方案中缺失的成本项"),
    "hidden_none": ("Every TCO component is present or declared not applicable.",
                    "所有 TCO 成本项均已列出或已声明不适用。"),
    "hidden_intro": ("No line covers these components; add them or declare them under "
                     "not_applicable with a reason:",
                     "以下成本项没有任何条目；请补充，或在 not_applicable 中注明原因："),
    "findings": ("Findings", "发现"),
    "chart.cumulative": ("Cumulative net cash flow", "累计净现金流"),
    "chart.breakdown": ("Cost by category (risk-adjusted, nominal)", "按类别的成本（风险调整后，名义）"),
    "chart.tornado": ("Tornado: NPV when each driver moves ±{swing}", "龙卷风图：各驱动因素变动 ±{swing} 时的净现值"),
    "sensitivity": ("Sensitivity", "敏感性分析"),
    "tornado": ("Tornado", "龙卷风图"),
    "npv_low": ("NPV at low", "低值时净现值"),
    "npv_high": ("NPV at high", "高值时净现值"),
    "low": ("Low", "低"),
    "high": ("High", "高"),
    "mode": ("Mode", "众数"),
    "base": ("Base", "基准"),
    "swing": ("Swing", "波动幅度"),
    "scenarios": ("Scenarios", "情景分析"),
    "scenario": ("Scenario", "情景"),
    "scenario_derived": ("derived: ranged drivers at their unfavourable / mode / favourable end",
                         "自动生成：各驱动因素取不利 / 众数 / 有利端"),
    "monte_carlo": ("Monte Carlo", "蒙特卡洛模拟"),
    "mc.note": ("Triangular distributions (low / mode / high), {draws} draws, seed {seed}.",
                "三角分布（低 / 众数 / 高），{draws} 次，随机种子 {seed}。"),
    "mc.prob": ("P(NPV > 0)", "净现值大于 0 的概率"),
    "mc.mean": ("Mean NPV", "净现值均值"),
    "break_even": ("Break-even", "盈亏平衡点"),
    "break_even.value": (
        "NPV reaches zero when {driver} is {value} (base {base}, {change}).",
        "当 {driver} 为 {value} 时净现值为零（基准 {base}，变动 {change}）。"),
    "break_even.none": (
        "NPV does not reach zero for {driver} between 0 and 100× its base value.",
        "{driver} 在 0 至基准值 100 倍之间时净现值均不为零。"),
    "assumptions": ("Assumptions", "假设"),
    "method": ("Method", "方法说明"),
    "method.text": (
        "Total-economic-impact conventions: year 0 is the initial period (undiscounted), "
        "then {years} years of end-of-year cash flows discounted at {rate}. NPV = CF0 + "
        "Σ CFt/(1+r)^t. ROI on present values = (PV benefits − PV costs) / PV costs; simple "
        "nominal ROI = (Σ benefits − TCO) / TCO. IRR only when the cash flows change sign "
        "exactly once. Payback = (k−1) + (−cumulative(k−1)) / CF(k) years for the last year k "
        "in which the cumulative flow crosses zero and stays ≥ 0, undiscounted unless "
        "labelled. Risk adjustment: costs × (1 + risk), benefits × (1 − risk). Seats are whole numbers: ceil(users × (1 + "
        "growth)^(t−1)). Nothing is rounded before the totals; figures are rounded for display "
        "only. See docs/finance.md.",
        "采用总体经济影响（TEI）惯例：第 0 年为初始期（不折现），其后 {years} 年的现金流均按"
        "年末发生、以 {rate} 折现。净现值 = CF0 + Σ CFt/(1+r)^t。现值口径投资回报率 =（收益现值"
        " − 成本现值）/ 成本现值；简单名义投资回报率 =（Σ收益 − TCO）/ TCO。仅当现金流符号恰好"
        "变化一次时才给出内部收益率。投资回收期 = (k−1) + (−第 k−1 年累计值) / 第 k 年现金流，"
        "k 为累计现金流最后一次由负转为 ≥ 0 且此后保持 ≥ 0 的年份，未注明时为不折现口径。"
        "风险调整：成本 × (1 + 风险)，收益 × (1 − 风险)。席位为整数：ceil(用户数 × (1 + 增长率)^(t−1))。合计前不做任何舍入，"
        "仅在展示时舍入。详见 docs/finance.md。"),
    "generated": ("Generated by crm-readiness; figures rounded for display only.",
                  "由 crm-readiness 生成；数字仅在展示时舍入。"),
    # workbook
    "wb.inputs": ("Inputs", "输入"),
    "wb.cashflow": ("Cash flow", "现金流"),
    "wb.sensitivity": ("Sensitivity", "敏感性"),
    "wb.inputs_note": (
        "Every assumption is one cell with a defined name; change a value and the Cash flow "
        "sheet recalculates. The horizon ({years} years) is fixed by the layout.",
        "每项假设都是一个带名称的单元格；修改数值后“现金流”工作表会自动重算。测算期（{years} 年）"
        "由表格结构决定。"),
    "wb.sensitivity_note": (
        "Snapshot of values computed by crm-readiness for the inputs as generated; these cells "
        "do not recalculate when inputs change — run crm-readiness roi again.",
        "以下为 crm-readiness 按生成时输入计算的数值快照；修改输入后不会自动重算——请重新运行 "
        "crm-readiness roi。"),
    "wb.description": ("Description", "说明"),
    "wb.kind": ("Kind", "类型"),
    "wb.name": ("Defined name", "名称"),
    "wb.results": ("Results", "结果"),
    "wb.risk_share": ("Risk share", "风险比例"),
    "wb.helpers": ("Helper rows (sign changes, payback)", "辅助行（符号变化、回收期）"),
    "wb.not_defined": ("not defined", "无定义"),
    "wb.payback_years": ("Payback (years, undiscounted)", "投资回收期（年，不折现）"),
    "wb.payback_months": ("Payback (months, undiscounted)", "投资回收期（月，不折现）"),
    "wb.roi_simple_adj": ("Simple nominal ROI, risk-adjusted", "简单名义投资回报率（风险调整后）"),
    "wb.roi_simple_unadj": ("Simple nominal ROI, unadjusted", "简单名义投资回报率（未调整）"),
    "wb.npv_unadj": ("NPV, unadjusted", "净现值（未调整）"),
    "wb.tco_unadj": ("TCO nominal, unadjusted", "总体拥有成本（名义，未调整）"),
    "wb.by_category": ("Cost by category (risk-adjusted, nominal)", "按类别成本（风险调整后，名义）"),
    "kind.money": ("money", "金额"),
    "kind.rate": ("rate (decimal)", "比率（小数）"),
    "kind.count": ("count", "数量"),
    "kind.hours": ("hours", "小时"),
    "kind.year": ("year", "年份"),
}

MESSAGES: dict[str, dict[str, str]] = {
    **_pairs("finance.cat", _CATEGORIES),
    **_pairs("finance.component", _COMPONENTS),
    **_pairs("finance.benefit", _BENEFITS),
    **_pairs("finance.param", _PARAMS),
    **_pairs("finance.driver", _DRIVERS),
    **_pairs("finance.metric", _METRICS),
    **_pairs("finance.row", _ROWS),
    **_pairs("finance.flag", _FLAGS),
    **_pairs("finance.scenario", _SCENARIOS),
    **_pairs("finance", _TEXT),
}
MESSAGES.update(VIEW_MESSAGES)
