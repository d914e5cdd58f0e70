"""Messages past the decision: hypercare and benefits reviews in the plan, KPIs, ``review``."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- plan: hypercare and reviews ------------------------------------------------------
    "plan.hypercare": {"en": "Hypercare after the roll-out", "zh": "推广后的上线保障期"},
    "plan.hypercare_span": {"en": "{start} to {end} — {weeks} week(s) (baseline {base})",
                            "zh": "{start} 至 {end}，共 {weeks} 周（基准 {base} 周）"},
    "plan.entry_criteria": {"en": "Entry criteria", "zh": "进入标准"},
    "plan.reviews": {"en": "Benefits reviews after the roll-out",
                     "zh": "推广后的效益评估"},
    "plan.review_at": {"en": "+{months} months", "zh": "+{months} 个月"},
    "plan.measures": {"en": "What is measured", "zh": "评估内容"},
    "plan.criterion.hc_cutover_done": {"en": "Cut-over complete; old tools read-only",
                                       "zh": "切换完成，旧工具改为只读"},
    "plan.criterion.hc_team_named": {"en": "Hypercare team named with on-call hours",
                                     "zh": "上线保障团队已指定并明确值守时间"},
    "plan.criterion.hc_reconciled": {"en": "Migrated data reconciled with the source",
                                     "zh": "迁移数据已与源系统对账"},
    "plan.criterion.hc_no_critical_defects": {"en": "Open critical defects: {target}",
                                              "zh": "未关闭的严重缺陷：{target}"},
    "plan.criterion.hc_tickets_normal": {"en": "Support tickets back to normal volume",
                                         "zh": "支持工单量恢复正常"},
    "plan.criterion.hc_handover": {"en": "Handover to the regular support tiers signed",
                                   "zh": "已签字移交常规支持体系"},
    "plan.criterion.rv_adoption": {"en": "Active users against licensed seats",
                                   "zh": "活跃用户数与授权席位对比"},
    "plan.criterion.rv_data_quality": {"en": "Data-quality drift since go-live",
                                       "zh": "上线以来的数据质量变化"},
    "plan.criterion.rv_kpi_trend": {"en": "KPI trend against baseline",
                                    "zh": "KPI 相对基线的趋势"},
    "plan.criterion.rv_kpi_targets": {"en": "KPIs against their targets and deadlines",
                                      "zh": "KPI 与目标值及期限对比"},
    "plan.criterion.rv_benefits": {"en": "Realised benefits against the business case",
                                   "zh": "已实现效益与商业论证对比"},
    "plan.criterion.rv_reforecast": {"en": "Re-forecast NPV and ROI beside the approved case",
                                     "zh": "重新预测的净现值和投资回报率与批准方案对比"},
    "plan.criterion.rv_retrospective": {
        "en": "Retrospective: financial, customer and organisational results, lessons kept",
        "zh": "复盘：财务、客户与组织三个维度的结果，记录经验教训"},
    # --- kpis.yaml validation ---------------------------------------------------------
    "review.value_out_of_range": {"en": "must be a finite number no larger than {limit} in size",
                                  "zh": "必须是有限数值，绝对值不超过 {limit}"},
    "review.amount_out_of_range": {"en": "must be a finite amount, not negative, not absurdly large",
                                   "zh": "必须是有限金额，不能为负数，也不能大得离谱"},
    "review.target_before_baseline": {
        "en": "the target date {target} must be after the baseline date {baseline}",
        "zh": "目标日期 {target} 必须晚于基线日期 {baseline}"},
    "review.target_not_better": {
        "en": "the target must improve on the baseline in the stated direction ({direction} is better)",
        "zh": "目标值必须按所述方向优于基线（方向：{direction}）"},
    "review.measurement_before_baseline": {
        "en": "measurement dated {date} is before the baseline date {baseline}",
        "zh": "测量日期 {date} 早于基线日期 {baseline}"},
    "review.measurements_not_ascending": {
        "en": "measurement dated {date} is not after the previous one; list them oldest first, one per date",
        "zh": "测量日期 {date} 不晚于上一条；请按日期从早到晚排列，每个日期一条"},
    "review.duplicate_kpi": {"en": "KPI id {id!r} is used twice; ids must be unique",
                             "zh": "KPI id {id!r} 重复；id 必须唯一"},
    "review.duplicate_cost_year": {"en": "year {year} has actual costs twice",
                                   "zh": "第 {year} 年的实际成本重复出现"},
    "review.unknown_question": {"en": "unknown question id {id!r}: not in the checklists",
                                "zh": "未知的问题 id {id!r}：检查清单中没有该问题"},
    "review.unknown_benefit": {"en": "unknown benefit id {id!r}; benefits.yaml has: {known}",
                               "zh": "未知的收益 id {id!r}；benefits.yaml 中有：{known}"},
    "review.cost_year_outside": {"en": "year {year} is after the horizon ({horizon} years)",
                                 "zh": "第 {year} 年超出测算期（{horizon} 年）"},
    "review.year1_start_needed": {
        "en": "year1_start (the first day of year 1 of the business case) is needed to compare with the business case",
        "zh": "与商业论证对比需要 year1_start（商业论证第 1 年的第一天）"},
}
