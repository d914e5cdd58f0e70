"""Finance messages of the tax, accounting, funding and explanation views (merged into _finance)."""

from __future__ import annotations

_VIEWS = {
    "cat.vat": ("Non-recoverable input VAT", "不可抵扣的进项增值税"),
    "param.vat_rate": ("VAT rate", "增值税税率"),
    "param.vat_recoverable": ("input VAT recoverable (1 = yes, 0 = no)", "进项税可抵扣（1 是，0 否）"),
    "param.amortisation_years": ("amortisation period (years)", "摊销年限（年）"),
    "param.share": ("share of the one-time costs", "占一次性成本比例"),
    "param.year_amount": ("amount in year {year}", "第 {year} 年金额"),
    "kind.flag": ("flag (1 = yes, 0 = no)", "标志（1 是，0 否）"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "flag.one_time_range": (
        "One-time spend {amount} is outside the {low}–{high} range of the {size} benchmark "
        "({source}).",
        "一次性投入 {amount} 超出 {size} 规模基准的 {low}–{high} 区间（来源：{source}）。"),
    "flag.one_time_unchecked": (
        "No sourced one-time budget range for a {size} company: the range is not checked (give "
        "benchmark_one_time with its source to check it).",
        "没有有出处的 {size} 规模企业一次性预算区间：不做区间检查（可填写 benchmark_one_time "
        "并注明出处）。"),
    "payback.dips": ("(the cumulative falls below zero again in year {years})",
                     "（累计现金流在第 {years} 年再次低于零）"),
    "metric.funding_nominal": ("Funding (grants, subsidies)", "资金支持（补助、补贴）"),
    "metric.funding_pv": ("Funding, present value", "资金支持（现值）"),
    "metric.tco_net_nominal": ("TCO net of funding", "扣除资金支持后的 TCO"),
    "row.funding_unadjusted": ("Funding before risk adjustment", "风险调整前资金支持"),
    "row.funding_risk": ("Funding risk adjustment (−)", "资金支持风险调整（−）"),
    "row.funding_adjusted": ("Funding (grants, subsidies), risk-adjusted",
                             "资金支持（补助、补贴，风险调整后）"),
    "row.benefits_risk": ("Benefit risk adjustment (−)", "收益风险调整（−）"),
    "row.pv_funding": ("PV of funding", "资金支持现值"),
    "row.cumulative_pv": ("Cumulative PV of net cash flow", "累计净现金流现值"),
    "funding_lines": ("Funding (grants, subsidies)", "资金支持（补助、补贴）"),
    "funding": ("Funding: grants and subsidies", "资金支持：补助与补贴"),
    "funding.kind": ("Kind", "类型"),
    "funding.conditions": ("Conditions", "条件"),
    "funding.grant": ("grant", "补助"),
    "funding.subsidy": ("subsidy", "补贴"),
    "funding.tax_incentive": ("tax incentive", "税收优惠"),
    "funding.net": (
        "Funding is money in, shown apart from the costs: TCO {tco} − funding {funding} = net "
        "cost {net} {currency} (risk-adjusted). It counts in the NPV in the year it is received.",
        "资金支持为现金流入，与成本分开列示：TCO {tco} − 资金支持 {funding} = 净成本 {net} "
        "{currency}（风险调整后）。它按到账年度计入净现值。"),
    "vat": ("VAT (增值税)", "增值税"),
    "vat.note": (
        "Amounts in the files are net of VAT. Recoverable input VAT is deducted from output VAT "
        "and is not a cost; non-recoverable VAT is part of the cost (cash view). Risk-adjusted.",
        "文件中的金额均为不含税金额。可抵扣的进项税可抵减销项税，不构成成本；不可抵扣的增值税计入"
        "成本（现金口径）。风险调整后。"),
    "vat.excluding": ("Costs excluding VAT", "不含税成本"),
    "vat.input": ("Input VAT", "进项税额"),
    "vat.recoverable": ("of which recoverable (not a cost)", "其中可抵扣（不计入成本）"),
    "vat.non_recoverable": ("of which non-recoverable (in the costs)", "其中不可抵扣（计入成本）"),
    "vat.including": ("Costs including VAT (gross outlay)", "含税成本（付款总额）"),
    "pnl": ("P&L view (损益口径)", "损益口径"),
    "pnl.note": (
        "Beside the cash view: opex is expensed in its year; capex (with its non-recoverable VAT) "
        "is amortised straight-line from the year after the spend; contingency is opex; funding "
        "is recognised when received. Risk-adjusted.",
        "与现金口径并列：费用化支出计入当年；资本化支出（含不可抵扣增值税）自支出次年起按直线法"
        "摊销；不可预见费计入费用；资金支持按到账年度确认。风险调整后。"),
    "pnl.opex": ("Operating expenses (opex)", "费用化支出"),
    "pnl.capex": ("Capitalised spend (capex, cash)", "资本化支出（现金）"),
    "pnl.amortisation": ("Amortisation", "摊销"),
    "pnl.expenses": ("P&L expenses (opex + amortisation)", "损益费用（费用化支出 + 摊销）"),
    "pnl.result": ("P&L result", "损益结果"),
    "pnl.book_value": ("Book value left at the horizon", "测算期末账面余值"),
    "pnl.book_value_text": ("Book value not yet amortised at year {year}: {value}.",
                            "第 {year} 年末尚未摊销的账面价值：{value}。"),
    "qualitative": ("Qualitative benefits (not in the NPV)", "定性收益（不计入净现值）"),
    "qualitative.note": (
        "Benefits the board should weigh that the NPV does not count, each with an owner, the "
        "evidence and how it will be observed.",
        "董事会应当考虑但净现值不计入的收益，逐项列明负责人、依据与观察方式。"),
    "qualitative.title": ("Benefit", "收益"),
    "qualitative.owner": ("Owner", "负责人"),
    "qualitative.evidence": ("Evidence", "依据"),
    "qualitative.observed_by": ("How it will be observed", "观察方式"),
    "option.apart": (
        "Flexibility (option) value, not in the headline: {name} — {value} {currency} "
        "risk-adjusted ({probability} likely), PV {pv}; NPV with it would be {npv}.",
        "灵活性（期权）价值，不计入核心指标：{name} —— 风险调整后 {value} {currency}（可能性 "
        "{probability}），现值 {pv}；计入后净现值为 {npv}。"),
    "option.in_headline": (
        "Flexibility (option) value included as asked: {name} — {value} {currency} risk-adjusted "
        "({probability} likely), PV {pv}; NPV including it: {npv} (the figures above exclude it).",
        "按要求计入灵活性（期权）价值：{name} —— 风险调整后 {value} {currency}（可能性 "
        "{probability}），现值 {pv}；计入后净现值：{npv}（上方数字不含该项）。"),
    "mc.position_above": (
        "The base-case NPV {npv} lies at the {pct} point of the simulated distribution, above "
        "its median {p50}.",
        "基准情景净现值 {npv} 位于模拟分布的 {pct} 分位，高于中位数 {p50}。"),
    "mc.position_below": (
        "The base-case NPV {npv} lies at the {pct} point of the simulated distribution, below "
        "its median {p50}.",
        "基准情景净现值 {npv} 位于模拟分布的 {pct} 分位，低于中位数 {p50}。"),
    "mc.skewed": (
        "Why: the base case takes each driver at its most likely value (the mode), but these "
        "ranges are asymmetric, so the draws spread further to one side: {drivers}.",
        "原因：基准情景取各驱动因素的最可能值（众数），但以下区间不对称，抽样更多地落在一侧："
        "{drivers}。"),
    "mc.symmetric": (
        "The ranges are symmetric; the gap comes from non-linear effects (whole seats, "
        "discounting) and sampling.",
        "各区间对称；差异来自非线性因素（整数席位、折现）与抽样。"),
    "mc.more": (" and {n} more", " 等另 {n} 项"),
    "tornado.line": ("{line} ({factors})", "{line}（{factors}）"),
    "tornado.yearly": ("all yearly amounts", "全部逐年金额"),
    "tornado.rule": (
        "One bar per distinct effect: a line whose value is a product of drivers (hours × "
        "people × rate) or given year by year is one bar, its factors listed. Ties (equal to the "
        "cent) keep the order of the files. Break-even is computed on the top bar.",
        "每个独立影响一根条形：由多个驱动因素相乘（小时 × 人数 × 费率）或逐年给出的条目合为一根，"
        "并列出其因子。波动幅度相同（精确到分）时按文件中的顺序排列。盈亏平衡点基于排名第一的条形计算。"),
    "break_even.line": ("the value of {line}", "{line}的数值"),
    "tco.horizon_used": ("Compared over {years} years (the files' common horizon).",
                         "按 {years} 年比较（各文件共同的测算期）。"),
    "tco.horizon_restated": ("Compared over {years} years, restated with --horizon.",
                             "按 {years} 年比较（已用 --horizon 统一测算期）。"),
    "tco.exchange_used": ("Converted at {rates}.", "换算汇率：{rates}。"),
    "wb.vat_rate": ("VAT rate", "增值税税率"),
    "wb.vat_recoverable": ("VAT recoverable", "进项可抵扣"),
    "wb.capex": ("Capex (1) / opex (0)", "资本化（1）/ 费用化（0）"),
    "wb.irr_unadj": ("IRR, unadjusted", "内部收益率（未调整）"),
    "wb.dpayback_years": ("Payback (years, discounted)", "投资回收期（年，折现）"),
    "wb.dpayback_months": ("Payback (months, discounted)", "投资回收期（月，折现）"),
    "wb.sign_net": ("Sign of the net cash flow (zeros skipped)", "净现金流符号（跳过零值）"),
    "wb.sign_pv": ("Sign of the PV of net cash flow", "净现金流现值符号"),
    "wb.sign_unadjusted": ("Sign of the unadjusted net cash flow", "未调整净现金流符号"),
    "wb.cross_net": ("Crossing of zero (payback candidate)", "穿越零点（回收期候选）"),
    "wb.cross_pv": ("Crossing of zero, discounted", "穿越零点（折现）"),
    "wb.cross_unadjusted": ("Crossing of zero, unadjusted", "穿越零点（未调整）"),
    "err.currency_mismatch": (
        "{second} is in {second_value} but {first} is in {first_value}: costs in different "
        "currencies are not compared; convert one file, or give the rate with "
        "--rate {second_value}=<{first_value} per 1 {second_value}>.",
        "{second} 的币种为 {second_value}，而 {first} 为 {first_value}：不同币种的成本不做比较；"
        "请换算其中一个文件，或用 --rate {second_value}=<1 {second_value} 折合的 {first_value}> 给出汇率。"),
    "err.horizon_mismatch": (
        "{second} covers {second_value} years but {first} covers {first_value}: TCOs over "
        "different horizons are not compared; give --horizon N to restate every file over N "
        "years.",
        "{second} 的测算期为 {second_value} 年，而 {first} 为 {first_value} 年：不同测算期的 TCO "
        "不做比较；请用 --horizon N 将所有文件统一为 N 年。"),
    "err.currency_mismatch_vendors": (
        "{second} is in {second_value} but {first} is in {first_value}: the cost criterion "
        "needs one currency across the cost files and the budget.",
        "{second} 的币种为 {second_value}，而 {first} 为 {first_value}：成本维度要求各成本文件与"
        "预算使用同一币种。"),
    "err.horizon_mismatch_vendors": (
        "{second} covers {second_value} years but {first} covers {first_value}: the cost "
        "criterion needs one horizon across the cost files and the budget (set horizon_years "
        "alike).",
        "{second} 的测算期为 {second_value} 年，而 {first} 为 {first_value} 年：成本维度要求各成本"
        "文件与预算的测算期一致（请统一 horizon_years）。"),
    "err.restate_short": (
        "restated over {years} years, this list of amounts is too short: add the later years "
        "or a ramp_rest rule (last or zero).",
        "统一为 {years} 年后，该金额列表不够长：请补充后续年度，或给出 ramp_rest 规则（last 或 "
        "zero）。"),
    "err.rate": ("--rate must look like USD=7.1 (one unit of that currency in the first file's "
                 "currency; got {value})",
                 "--rate 的格式应为 USD=7.1（1 单位该币种折合第一个文件币种的数额；当前为 {value}）"),
    "opt.horizon": ("Restate every costs file over N years (1–30) so different horizons "
                    "compare.", "将所有成本文件统一为 N 年（1–30）后再比较不同测算期。"),
    "opt.rate": ("Exchange rate CUR=RATE (1 CUR in the first file's currency); repeatable.",
                 "汇率 CUR=RATE（1 单位 CUR 折合第一个文件的币种）；可重复。"),
    "metric.net_tco": ("TCO net of funding", "扣除资金支持后的 TCO"),
    "hidden_declared": ("Declared not applicable (no hidden-cost warning), with the reason:",
                        "已声明不适用（不提示隐性成本）及原因："),
    "model.finite": ("must be a finite number", "必须是有限的数值"),
    "model.above_bound": ("{value} is above the upper bound 1e15 (1 000 000 000 000 000)",
                          "{value} 超过上限 1e15（1 000 000 000 000 000）"),
    "model.amounts_empty": ("amounts is empty: give one figure per year from year 0, e.g. "
                            "[0, 120000, 150000]",
                            "amounts 为空：请从第 0 年起逐年填写，例如 [0, 120000, 150000]"),
    "model.capex_needs_years": ("a capex line needs amortisation_years (e.g. 3)",
                                "资本化条目需要填写 amortisation_years（摊销年限，例如 3）"),
    "model.years_only_capex": ("amortisation_years is only used with accounting: capex",
                               "amortisation_years 仅用于 accounting: capex"),
    "model.amounts_no_escalation": (
        "amounts gives every year's figure: drop escalation, start_year and end_year",
        "amounts 已逐年给出金额：请去掉 escalation、start_year 与 end_year"),
    "model.ramp_rest_list": ("ramp_rest is only used with a list of amounts or a ramp",
                             "ramp_rest 仅用于列表形式的 amounts 或 ramp"),
    "model.amount_or_share": ("give exactly one of amount or share",
                              "amount 与 share 必须且只能填一项"),
    "model.per_user_needs_users": ("a per_user line needs users: {initial: N}",
                                   "存在按用户计价（per_user）的条目时需要填写 users: {initial: N}"),
    "model.na_reason": ("not_applicable.{key} needs a reason", "not_applicable.{key} 需要说明理由"),
    "model.needs_ramp": ("a benefit needs ramp (share per year, e.g. [0.5, 0.8, 1.0]) or amounts",
                         "收益需要 ramp（每年实现比例，例如 [0.5, 0.8, 1.0]）或 amounts"),
    "model.amount_or_amounts": ("give exactly one of amount (with ramp) or amounts",
                                "amount（配合 ramp）与 amounts 必须且只能填一项"),
    "model.amounts_no_ramp": ("amounts gives every year's figure: drop ramp and start_year",
                              "amounts 已逐年给出金额：请去掉 ramp 与 start_year"),
}

MESSAGES: dict[str, dict[str, str]] = {
    f"finance.{k}": {"en": en, "zh": zh} for k, (en, zh) in _VIEWS.items()
}
