"""Messages of the decision page every report opens with, its appendices, the path to Ready."""

MESSAGES: dict[str, dict[str, str]] = {
    "decision.title": {"en": "Decision", "zh": "决策摘要"},
    "decision.blockers": {"en": "Blockers", "zh": "阻断项"},
    "decision.no_blockers": {"en": "Nothing blocks the decision.", "zh": "没有阻碍决策的事项。"},
    "decision.next_actions": {"en": "Next actions", "zh": "下一步行动"},
    "decision.no_actions": {"en": "Nothing left to do.", "zh": "没有待办事项。"},
    "decision.top_risks": {"en": "Top risks by exposure", "zh": "按风险值排列的主要风险"},
    "decision.of_total": {"en": "{shown} of {total}", "zh": "共 {total} 项，列出 {shown} 项"},
    "decision.no_risks": {"en": "No risks raised.", "zh": "未识别到风险。"},
    "decision.appendix": {"en": "Appendix", "zh": "附录"},
    "decision.appendix_intro": {
        "en": "The full registers behind the decision page; open a section to read it.",
        "zh": "决策摘要所依据的完整登记表；展开各节即可查看。"},
    "path.title": {"en": "What it takes to reach Ready", "zh": "达到“就绪”需要做什么"},
    "path.already": {"en": "Every phase is Ready: nothing to lift.",
                     "zh": "所有阶段均已就绪，无需再提升。"},
    "path.summary": {
        "en": "Completing {steps} action(s) to their target answers lifts every phase below "
              "the bar over it: re-scored, the overall score becomes {score} ({verdict}). The "
              "plan holds {weeks} week(s) of stretch for closing these gaps.",
        "zh": "将 {steps} 项行动完成到目标答案，即可使所有未达标阶段越过门槛：重新评分后总分为 "
              "{score}（{verdict}）。实施计划为弥补这些差距预留了 {weeks} 周的延长时间。"},
    "path.today": {"en": "Today", "zh": "当前"},
    "path.steps": {"en": "Actions", "zh": "行动数"},
    "path.after": {"en": "Once done", "zh": "完成后"},
    "path.plan_weeks": {"en": "Plan weeks", "zh": "计划周数"},
    "path.unreachable": {"en": "(answers alone do not reach Ready)",
                         "zh": "（仅靠改进回答无法达到就绪）"},
    "path.target": {"en": "Target answer", "zh": "目标答案"},
    "path.gain": {"en": "Score gain", "zh": "得分提升"},
    "path.method": {
        "en": "Failing gates and high risks first, then the largest score gain per action; "
              "every phase is re-scored with the actions done. Plan weeks: the stretch the "
              "implementation plan gives the stages each phase's gap feeds.",
        "zh": "先处理未通过的关卡和高风险，再按每项行动的得分提升从大到小选择；完成后逐阶段重新"
              "评分验证。计划周数：实施计划因该阶段差距而为相关阶段延长的周数。"},
    "path.terminal": {
        "en": "To reach Ready: {steps} action(s), re-scored {score} ({verdict}); the plan holds "
              "{weeks} week(s) for these gaps",
        "zh": "达到就绪：需 {steps} 项行动，重新评分 {score}（{verdict}）；计划为这些差距预留 "
              "{weeks} 周"},
    "report.likelihood_short": {"en": "L", "zh": "可能"},
    "report.impact_short": {"en": "I", "zh": "影响"},
}
