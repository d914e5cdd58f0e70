"""Messages of the evaluation panel, group AHP, demonstrations (claimed vs shown) and ties."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- honest ranks ---
    "vendors.rep.tie": {
        "en": "Tied: {names} have totals within {tol} points of each other and share rank {rank}.",
        "zh": "并列：{names} 的总分相差不超过 {tol} 分，并列第 {rank} 名。",
    },
    "vendors.rep.close_call": {
        "en": "Close call: {leader} leads {runner} by {margin} points, less than the {spread} "
              "points by which that margin moves across the weight scenarios (half the central "
              "90% range). Treat the two as level and decide on the criteria that separate them.",
        "zh": "差距很小：{leader} 领先 {runner} {margin} 分，小于该差距在各权重情景下的波动幅度 "
              "{spread} 分（中间 90% 区间的一半）。请视二者为同一水平，依据区分二者的维度作出决定。",
    },
    "vendors.rep.tolerance": {
        "en": "Totals within {tol} points of each other are treated as equal and share a rank.",
        "zh": "总分相差不超过 {tol} 分视为相同，并列同一名次。",
    },
    "vendors.wb.tie_tolerance": {"en": "Tie tolerance (points): closer totals share a rank",
                                 "zh": "并列容差（分）：差距更小的总分并列"},
    # --- panel scoring workbook and import ---
    "vendors.panel.xlsx.title": {"en": "Vendor evaluation: panel scoring sheet",
                                 "zh": "供应商评估：评审打分表"},
    "vendors.panel.xlsx.instructions": {
        "en": "Score every vendor 0–5 on each criterion against the anchored descriptions, on "
              "your own, before the calibration meeting; add a comment for each score. Leave a "
              "score empty to abstain. Only the yellow cells can be edited.",
        "zh": "请在校准会议前独立地按锚定描述为每个供应商在各维度打 0–5 分，并为每个分数填写说明；"
              "留空表示弃权。只有黄色单元格可以编辑。",
    },
    "vendors.panel.xlsx.name": {"en": "Panelist", "zh": "评审人"},
    "vendors.panel.xlsx.id": {"en": "Panelist id", "zh": "评审人编号"},
    "vendors.panel.xlsx.role": {"en": "Role", "zh": "角色"},
    "vendors.panel.xlsx.anchors": {"en": "What each score means", "zh": "各分值含义"},
    "vendors.panel.xlsx.dv_error": {"en": "Choose a score from 0 to 5 (half points allowed).",
                                    "zh": "请选择 0 到 5 的分数（可用半分）。"},
    "vendors.import.nothing": {
        "en": "Nothing was imported: fix the cells above (or pass --partial to import the files "
              "without problems).",
        "zh": "未导入任何内容：请修正以上单元格（或使用 --partial 仅导入没有问题的文件）。",
    },
    "vendors.import.not_ours": {
        "en": "not a workbook written by crm-readiness for this step (export it again)",
        "zh": "不是 crm-readiness 为此步骤生成的工作簿（请重新导出）",
    },
    "vendors.panel.bad_panelist": {
        "en": "panelist {id!r} is not on the panel (panel: {known})",
        "zh": "评审人 {id!r} 不在评审小组中（小组：{known}）",
    },
    "vendors.panel.bad_vendor": {"en": "unknown vendor id {id!r}", "zh": "未知供应商 id {id!r}"},
    "vendors.panel.bad_criterion": {"en": "{id!r} is not a scored criterion",
                                    "zh": "{id!r} 不是需打分的评估维度"},
    "vendors.panel.bad_score": {
        "en": "{value!r} is not a score for {criterion} / {vendor}: choose 0–5 in half points",
        "zh": "{value!r} 不是 {criterion} / {vendor} 的有效分数：请选择 0–5（可用半分）",
    },
    "vendors.panel.no_panel": {
        "en": "the vendors file has no 'panel' block with the panelists",
        "zh": "供应商文件中没有列出评审人的 panel 配置",
    },
    "vendors.panel.twice": {"en": "panelist {id} is also in {other}",
                            "zh": "评审人 {id} 也出现在 {other} 中"},
    # --- demonstrations: scripts, outcomes, claim gaps ---
    "vendors.show.outcome": {"en": "Outcome", "zh": "演示结果"},
    "vendors.show.outcome.as_claimed": {"en": "shown as claimed", "zh": "按声明演示"},
    "vendors.show.outcome.configuration": {"en": "shown with configuration",
                                           "zh": "经配置演示"},
    "vendors.show.outcome.custom": {"en": "shown with custom work", "zh": "经定制演示"},
    "vendors.show.outcome.not_shown": {"en": "not shown", "zh": "未演示"},
    "vendors.show.claimed": {"en": "Claimed in the RFP", "zh": "RFP 声明"},
    "vendors.show.how": {"en": "What to show (verification)", "zh": "演示内容（验证方法）"},
    "vendors.show.script_title": {"en": "Demonstration script", "zh": "脚本化演示"},
    "vendors.show.script_intro": {
        "en": "Ask the vendor to show each requirement live, musts first, in the order below, "
              "in its standard product; record for each what was shown in the outcome workbook.",
        "zh": "请供应商按下列顺序（must 优先）在标准产品中现场演示每项需求，"
              "并在演示结果工作簿中记录每项的实际演示情况。",
    },
    "vendors.show.xlsx_title": {"en": "Demonstration outcomes", "zh": "演示验证结果"},
    "vendors.show.xlsx_instructions": {
        "en": "For each requirement choose what the demonstration showed; leave it empty when "
              "it was not part of the demonstration. Only the yellow cells can be edited.",
        "zh": "请为每项需求选择演示的实际情况；未纳入演示的留空。只有黄色单元格可以编辑。",
    },
    "vendors.show.xlsx_dv_error": {"en": "Choose an outcome from the list.",
                                   "zh": "请从列表中选择演示结果。"},
    "vendors.show.bad_requirement": {"en": "unknown requirement id {id!r}",
                                     "zh": "未知需求 id {id!r}"},
    "vendors.show.bad_outcome": {
        "en": "{value!r} is not an outcome for {id} (choose from the list)",
        "zh": "{value!r} 不是 {id} 的有效演示结果（请从列表中选择）",
    },
    # --- CLI ---
    "vendors.cli.panel_help": {
        "en": "The evaluation panel: export a scoring workbook per panelist, import them back.",
        "zh": "评审小组：为每位评审人导出打分工作簿，并导入回收。",
    },
    "vendors.cli.panel_export_help": {
        "en": "Write one protected scoring workbook per panelist of the vendors file's 'panel' "
              "(criteria with their anchors, a score dropdown and a comment per vendor).",
        "zh": "为供应商文件 panel 中的每位评审人生成受保护的打分工作簿（含维度锚定描述、"
              "每个供应商的分数下拉框与说明列）。",
    },
    "vendors.cli.panel_import_help": {
        "en": "Read filled scoring workbooks into the panel scores file; every invalid cell is "
              "reported by sheet and cell and nothing is imported while any file has one.",
        "zh": "将已填写的打分工作簿导入评审打分文件；逐一报告无效单元格（工作表与单元格），"
              "只要有文件存在问题就不导入任何内容。",
    },
    "vendors.cli.demo_help": {
        "en": "Claimed versus demonstrated: demonstration scripts and outcome workbooks.",
        "zh": "声明与演示对照：脚本化演示与演示结果工作簿。",
    },
    "vendors.cli.demo_script_help": {
        "en": "Write per vendor a demonstration script of the must and should requirements "
              "(md, html) and a workbook to record what was shown (xlsx).",
        "zh": "为每个供应商生成 must 与 should 需求的演示脚本（md、html）和记录演示结果的工作簿（xlsx）。",
    },
    "vendors.cli.demo_import_help": {
        "en": "Read filled outcome workbooks into the demonstration outcomes file; outcomes "
              "then override the RFP claims in vendors compare.",
        "zh": "将已填写的演示结果工作簿导入演示结果文件；此后 vendors compare 以演示结果代替 RFP 声明计分。",
    },
    "vendors.cli.opt_partial": {
        "en": "Import the files without problems even when others have some.",
        "zh": "即使其他文件有问题，也导入没有问题的文件。",
    },
    "vendors.cli.arg_filled": {"en": "Filled workbooks (.xlsx).", "zh": "已填写的工作簿（.xlsx）。"},
    "vendors.cli.applied": {"en": "{file}: {n} entries imported.",
                            "zh": "{file}：已导入 {n} 项。"},
    # --- reports: panel, group AHP, claims ---
    "vendors.rep.credibility": {"en": "Credibility", "zh": "可信度"},
    "vendors.rep.claim_gaps": {"en": "Claim gaps (claimed vs demonstrated)",
                               "zh": "声明差距（声明与演示对照）"},
    "vendors.rep.knocks_out": {"en": "a must claimed but not shown: knocked out",
                               "zh": "must 需求声明支持但未能演示：一票否决"},
    "vendors.rep.credibility_note": {
        "en": "Credibility = share of the demonstrated claims shown at least at the claimed "
              "level ({confirmed} of {shown}).",
        "zh": "可信度 = 经演示的声明中达到所声明级别的比例（{shown} 项中 {confirmed} 项）。",
    },
    "vendors.rep.panel": {"en": "Evaluation panel", "zh": "评审小组"},
    "vendors.rep.panel_intro": {
        "en": "{n} panelists scored independently; scores combine by the {rule}. A score more "
              "than {outlier} points from the combined score is marked as an outlier.",
        "zh": "{n} 位评审人独立打分，按{rule}合并；与合并分相差超过 {outlier} 分的分数标记为离群值。",
    },
    "vendors.rep.rule.median": {"en": "median", "zh": "中位数"},
    "vendors.rep.rule.mean": {"en": "mean", "zh": "平均值"},
    "vendors.rep.halo": {
        "en": "Halo check: {panelist} scored {vendor} highest on every criterion ({n}); "
              "ask for the reasons criterion by criterion.",
        "zh": "光环效应检查：{panelist} 在全部 {n} 个维度上都给 {vendor} 最高分；请逐个维度询问理由。",
    },
    "vendors.rep.agenda": {"en": "Calibration agenda (most disputed first: spread × weight)",
                           "zh": "校准议程（按分歧 × 权重排序，分歧最大者优先）"},
    "vendors.rep.no_agenda": {"en": "No score has a spread of {spread} points or more.",
                              "zh": "没有分差达到 {spread} 分的打分。"},
    "vendors.rep.panel_scores": {"en": "Panel scores", "zh": "评审打分"},
    "vendors.rep.spread": {"en": "Spread", "zh": "分差"},
    "vendors.rep.priority": {"en": "Spread × weight", "zh": "分差 × 权重"},
    "vendors.rep.low_high": {"en": "Lowest – highest", "zh": "最低 – 最高"},
    "vendors.rep.combined": {"en": "Combined", "zh": "合并分"},
    "vendors.rep.panelist": {"en": "Panelist", "zh": "评审人"},
    "vendors.rep.group": {"en": "Group", "zh": "小组"},
    "vendors.rep.ahp_group": {
        "en": "Group AHP: {n} panelists' judgements combined by {how}; each panelist's own "
              "weights and consistency below, the group's matrix and CR above.",
        "zh": "群组 AHP：{n} 位评审人的判断按{how}合并；下表为每位评审人的权重与一致性，"
              "上方为小组矩阵与 CR。",
    },
    "vendors.rep.ahp_agg.judgements": {"en": "the geometric mean of the judgements",
                                       "zh": "判断值的几何平均"},
    "vendors.rep.ahp_agg.priorities": {"en": "the geometric mean of their priorities",
                                       "zh": "各自权重的几何平均"},
    "vendors.sc.panel_score": {"en": "panel of {n}, spread {spread}",
                               "zh": "{n} 人评审，分差 {spread}"},
    # --- demo entries ---
    "vendors.demo.panel_xlsx": {"en": "Panel scoring workbook: {who}", "zh": "评审打分工作簿：{who}"},
    "vendors.demo.script_html": {"en": "Demonstration script: {vendor}", "zh": "演示脚本：{vendor}"},
    "vendors.demo.outcome_xlsx": {"en": "Demonstration outcome workbook: {vendor}",
                                  "zh": "演示结果工作簿：{vendor}"},
    "vendors.demo.script_docx": {"en": "Demonstration script (Word): {vendor}",
                                 "zh": "演示脚本（Word）：{vendor}"},
    "vendors.demo.panel_input": {"en": "Input: panel scores", "zh": "输入：评审打分"},
    "vendors.demo.outcomes_input": {"en": "Input: demonstration outcomes",
                                    "zh": "输入：演示验证结果"},
    # --- model and store messages ---
    "vendors.model.ahp_one_of": {
        "en": "give either 'comparisons' (one judge) or 'panelists' (a panel), not both",
        "zh": "请给出 comparisons（一位评审）或 panelists（评审小组）二者之一",
    },
    "vendors.model.ahp_no_panelists": {"en": "'panelists' is empty: name at least one",
                                       "zh": "panelists 为空：请至少给出一位"},
    "vendors.model.sub_no_parent": {
        "en": "{id} is not a criterion of this file: a group lists ids from 'criteria'",
        "zh": "{id} 不是本文件中的评估维度：分组只能列出 criteria 中的 id",
    },
    "vendors.rep.ahp_sub": {"en": "Sub-criteria: each group's weight split by its own matrix",
                            "zh": "子维度：各分组的权重按其自身判断矩阵再分配"},
    "vendors.rep.ahp_sub_group": {"en": "Group (weight)", "zh": "分组（权重）"},
    "vendors.rep.ahp_local": {"en": "Share in group", "zh": "组内占比"},
    "vendors.model.group_is_criterion": {
        "en": "group {id} has the id of a criterion: give the group its own id",
        "zh": "分组 {id} 与某个评估维度同名：请为分组另取 id",
    },
    "vendors.model.group_twice": {
        "en": "criterion {id} is already in group {other}: a criterion belongs to one group",
        "zh": "评估维度 {id} 已属于分组 {other}：每个维度只能属于一个分组",
    },
    "vendors.panel.too_long": {
        "en": "text longer than {max} characters ({n}): shorten it",
        "zh": "文本超过 {max} 个字符（{n} 个）：请缩短",
    },
    "vendors.panel.replace_needs_force": {
        "en": "already holds different entries for {ids} (use --force to replace them)",
        "zh": "已包含 {ids} 的不同记录（如需替换请使用 --force）",
    },
    # --- checks of the vendors file and the RFP workbook ---
    "vendors.check.weights_and_ahp": {
        "en": "give weights directly or an 'ahp' block, not both",
        "zh": "请直接给出权重或提供 ahp 两两比较，二者只能选其一"},
    "vendors.check.no_weight": {"en": "no weight for {ids} (or give an 'ahp' block)",
                                "zh": "{ids} 缺少权重（或提供 ahp 两两比较）"},
    "vendors.check.weight_sum": {"en": "weights sum to {pct}; they must sum to 100%",
                                 "zh": "权重合计为 {pct}，必须等于 100%"},
    "vendors.check.unknown_criterion": {"en": "unknown criterion {id}", "zh": "未知评估维度 {id}"},
    "vendors.check.self_pair": {"en": "a criterion is not compared with itself",
                                "zh": "评估维度不与自身比较"},
    "vendors.check.bad_judgement": {"en": "{value} is not a judgement like 3 or 1/3",
                                    "zh": "{value} 不是有效的判断值（如 3 或 1/3）"},
    "vendors.check.judgement_range": {"en": "judgement {value} is outside Saaty's 1/9–9 scale",
                                      "zh": "判断值 {value} 超出 Saaty 1/9–9 标度"},
    "vendors.check.pair_twice": {"en": "pair ({a}, {b}) is given twice",
                                 "zh": "比较对 ({a}, {b}) 重复给出"},
    "vendors.check.pair_missing": {"en": "missing comparison of pair ({a}, {b})",
                                   "zh": "缺少比较对 ({a}, {b})"},
    "vendors.check.criterion_ids_repeat": {"en": "criterion ids repeat: {ids}",
                                           "zh": "评估维度 id 重复：{ids}"},
    "vendors.check.one_of_kind": {"en": "at most one criterion of kind {kind}",
                                  "zh": "类型为 {kind} 的评估维度最多一个"},
    "vendors.check.cost_needs_budget": {"en": "a cost criterion needs a 'budget' with min and max",
                                        "zh": "成本维度需要提供 budget（min 与 max）"},
    "vendors.check.vendor_id_repeats": {"en": "vendor id {id} repeats", "zh": "供应商 id {id} 重复"},
    "vendors.check.unknown_requirement": {"en": "unknown requirement id {id}",
                                          "zh": "未知需求 id {id}"},
    "vendors.check.not_scored": {"en": "{id} is not a scored criterion (scored: {scored})",
                                 "zh": "{id} 不是需打分的评估维度（需打分：{scored}）"},
    "vendors.rfp.sheet_missing": {"en": "sheet missing: not a crm-readiness RFP workbook",
                                  "zh": "缺少工作表：不是 crm-readiness 的 RFP 工作簿"},
    "vendors.rfp.no_vendor_name": {"en": "vendor name missing", "zh": "缺少供应商名称"},
    "vendors.rfp.no_id": {"en": "requirement id missing", "zh": "缺少需求编号"},
    "vendors.rfp.unknown_id": {"en": "unknown requirement id {id}", "zh": "未知需求编号 {id}"},
    "vendors.rfp.twice": {"en": "requirement {id} appears twice", "zh": "需求 {id} 重复出现"},
    "vendors.rfp.no_response": {"en": "no response for {id}", "zh": "{id} 未填写响应"},
    "vendors.rfp.bad_response": {
        "en": "{value} is not a valid response for {id} (choose from the list)",
        "zh": "{value} 不是 {id} 的有效响应（请从下拉列表选择）"},
    "vendors.rfp.missing_row": {"en": "requirement {id} is missing from the sheet",
                                "zh": "工作表中缺少需求 {id}"},
}
