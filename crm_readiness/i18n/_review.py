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
}
