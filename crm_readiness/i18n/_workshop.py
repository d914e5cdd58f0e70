"""Messages of workshops and progress: questionnaires, consensus, snapshots, plan."""

MESSAGES: dict[str, dict[str, str]] = {
    # consensus, disagreement risks
    "workshop.team.sales": {"en": "the sales team", "zh": "销售团队"},
    "workshop.team.marketing": {"en": "marketing", "zh": "市场部"},
    "workshop.team.service": {"en": "customer service", "zh": "客服部"},
    "workshop.team.it": {"en": "IT", "zh": "IT 部门"},
    "workshop.team.finance": {"en": "finance", "zh": "财务部"},
    "workshop.team.executive": {"en": "the executives", "zh": "管理层"},
    "workshop.team.unknown": {"en": "some respondents", "zh": "部分答题人"},
    "workshop.join": {"en": " and ", "zh": "与"},
    "workshop.risk.title": {
        "en": "{high} and {low} disagree on: {question}",
        "zh": "{high}与{low}对此意见不一：{question}",
    },
    "workshop.risk.title_within": {
        "en": "Respondents within {teams} disagree on: {question}",
        "zh": "{teams}内部对此意见不一：{question}",
    },
    "workshop.risk.mitigation": {
        "en": "Put it on the workshop agenda: each side shows its evidence, agree on one "
              "answer and one owner, then re-assess.",
        "zh": "列入研讨会议程：各方出示依据，就答案与负责人达成一致后重新评估。",
    },
    "workshop.role.sales": {"en": "Sales", "zh": "销售"},
    "workshop.role.marketing": {"en": "Marketing", "zh": "市场"},
    "workshop.role.service": {"en": "Customer service", "zh": "客户服务"},
    "workshop.role.it": {"en": "IT", "zh": "信息技术"},
    "workshop.role.finance": {"en": "Finance", "zh": "财务"},
    "workshop.role.executive": {"en": "Executive", "zh": "管理层"},
    "workshop.now": {"en": "now", "zh": "当前"},
    # report: consensus section, agenda, trend
    "workshop.consensus": {"en": "Consensus across respondents", "zh": "答题人共识分析"},
    "workshop.consensus_intro": {
        "en": "Several people answered; their scores are combined by the {rule}. {count} "
              "question(s) have two or more answers; {disputed} are disputed (score spread "
              "≥ {threshold}).",
        "zh": "多人作答时按{rule}合并得分。共有 {count} 个问题收到两份及以上回答，其中 "
              "{disputed} 个存在分歧（得分极差 ≥ {threshold}）。",
    },
    "workshop.name": {"en": "Name", "zh": "姓名"},
    "workshop.answered": {"en": "Answers", "zh": "作答数"},
    "workshop.agenda": {"en": "Workshop agenda", "zh": "研讨会议程"},
    "workshop.agenda_intro": {
        "en": "The disputed questions, most worth discussing first: ranked by score spread × "
              "question weight. Each side brings its evidence; agree on one answer and re-assess.",
        "zh": "存在分歧的问题，按“得分极差 × 问题权重”排序，越靠前越值得优先讨论。"
              "各方出示依据，就答案达成一致后重新评估。",
    },
    "workshop.no_disputes": {"en": "No disputed question: the respondents broadly agree.",
                             "zh": "没有存在分歧的问题：答题人意见基本一致。"},
    "workshop.who_said_what": {"en": "Who said what", "zh": "各方回答"},
    "workshop.spread": {"en": "Spread", "zh": "极差"},
    "workshop.agreement": {"en": "Agreement per question", "zh": "各问题一致性"},
    "workshop.status": {"en": "Status", "zh": "状态"},
    "workshop.disputed": {"en": "disputed", "zh": "有分歧"},
    "workshop.agreed": {"en": "agreed", "zh": "一致"},
    "workshop.low_side": {"en": "Lowest answers", "zh": "最低分一方"},
    "workshop.high_side": {"en": "Highest answers", "zh": "最高分一方"},
    "workshop.trend": {"en": "Readiness over time (snapshots)", "zh": "就绪度趋势（快照）"},
    "workshop.trend_caption": {"en": "Score per phase over {count} assessment runs (0–100).",
                               "zh": "各阶段得分在 {count} 次评估中的变化（0–100）。"},
    # assessment workbook
    "workshop.xlsx.sheet.phases": {"en": "Phase scores", "zh": "阶段得分"},
    "workshop.xlsx.sheet.answers": {"en": "Answers", "zh": "回答明细"},
    "workshop.xlsx.sheet.risks": {"en": "Risk register", "zh": "风险登记册"},
    "workshop.xlsx.sheet.actions": {"en": "Action plan", "zh": "行动计划"},
    "workshop.xlsx.sheet.agenda": {"en": "Workshop agenda", "zh": "研讨会议程"},
    "workshop.xlsx.combined": {"en": "Combined", "zh": "合并得分"},
    "workshop.xlsx.respondent": {"en": "Respondent", "zh": "答题人"},
    "workshop.xlsx.role": {"en": "Role", "zh": "角色"},
    "workshop.xlsx.owner": {"en": "Owner (edit)", "zh": "负责人（可编辑）"},
    "workshop.xlsx.due": {"en": "Due date (edit)", "zh": "截止日期（可编辑）"},
    "workshop.xlsx.status": {"en": "Status (edit)", "zh": "状态（可编辑）"},
    "workshop.xlsx.comment": {"en": "Comment (edit)", "zh": "备注（可编辑）"},
    "workshop.xlsx.date_error": {"en": "Enter a date (YYYY-MM-DD).",
                                 "zh": "请输入日期（YYYY-MM-DD）。"},
    # options shared by the workshop commands
    "workshop.opt.answers": {"en": "The answers file (YAML); snapshots live beside it.",
                             "zh": "回答文件（YAML）；快照保存在其旁边。"},
    # questionnaire
    "questionnaire.help": {
        "en": "Questionnaire workbooks for many respondents: export one per role, import the "
              "filled ones into the answers file.",
        "zh": "面向多位答题人的问卷工作簿：按角色导出，填好后导入回答文件。",
    },
    "questionnaire.export.help": {
        "en": "Write an xlsx questionnaire per role (bilingual, dropdown answers, protected "
              "layout) with the questions that role can answer.",
        "zh": "按角色生成 xlsx 问卷（中英双语、下拉选项、结构受保护），只含该角色可回答的问题。",
    },
    "questionnaire.import.help": {
        "en": "Read filled questionnaires and merge their answers, with respondent and role, "
              "into the answers file (atomically). Every invalid or missing cell is reported by "
              "sheet and cell; a file with problems changes nothing unless --partial.",
        "zh": "读取已填写的问卷，将答案连同答题人与角色原子地合并进回答文件。逐一报告无效或缺失"
              "的单元格（工作表与单元格位置）；有问题的文件不会写入任何内容，除非使用 --partial。",
    },
    "questionnaire.opt.role": {
        "en": "sales, marketing, service, it, finance, executive, a comma list, or all.",
        "zh": "sales、marketing、service、it、finance、executive，逗号分隔的列表，或 all。",
    },
    "questionnaire.opt.partial": {
        "en": "Apply the valid answers even when some cells are invalid or missing.",
        "zh": "即使部分单元格无效或缺失，也导入其余有效答案。",
    },
    "questionnaire.arg.files": {"en": "Filled questionnaire workbooks (.xlsx).",
                                "zh": "已填写的问卷工作簿（.xlsx）。"},
    "questionnaire.unknown_role": {"en": "Unknown role {role!r}; use one of: {roles}, or all.",
                                   "zh": "未知角色 {role!r}；可用：{roles}，或 all。"},
    "questionnaire.no_questions": {
        "en": "No question applies to role(s) {roles} for this profile.",
        "zh": "按当前组织概况，没有适用于角色 {roles} 的问题。",
    },
    "questionnaire.not_ours": {
        "en": "not a crm-readiness questionnaire (export one with 'questionnaire export')",
        "zh": "不是 crm-readiness 问卷（请用 'questionnaire export' 导出）",
    },
    "questionnaire.bad_role": {"en": "role {value!r} is not valid (one of: {roles}) or was changed",
                               "zh": "角色 {value!r} 无效（应为：{roles}）或已被改动"},
    "questionnaire.no_name": {"en": "the respondent's name is missing",
                              "zh": "缺少答题人姓名"},
    "questionnaire.unknown_question": {
        "en": "unknown question id {id!r} (were the checklists changed? export again)",
        "zh": "未知的问题 id {id!r}（检查清单是否已变更？请重新导出）",
    },
    "questionnaire.missing": {"en": "{id}: no answer and no not-applicable reason",
                              "zh": "{id}：既未作答也未填写不适用原因"},
    "questionnaire.both": {"en": "{id}: give an answer or a not-applicable reason, not both",
                           "zh": "{id}：回答与不适用原因只能填写其一"},
    "questionnaire.invalid": {"en": "{id}: {value!r} is not allowed; use one of: {allowed}",
                              "zh": "{id}：{value!r} 不是允许的取值；可用：{allowed}"},
    "questionnaire.role_conflict": {
        "en": "respondent id {id!r} is already declared with role {role}; give another ID",
        "zh": "答题人 id {id!r} 已以角色 {role} 声明；请填写其他 ID",
    },
    "questionnaire.duplicate": {"en": "respondent id {id!r} also answers in {other}",
                                "zh": "答题人 id {id!r} 也出现在 {other} 中"},
    "questionnaire.undeclared": {
        "en": "The answers file names respondent(s) {ids} without declaring them; declare them "
              "under 'respondents' (id, name, role) before importing questionnaires.",
        "zh": "回答文件引用了未声明的答题人 {ids}；导入问卷前请在 respondents 中声明"
              "（id、name、role）。",
    },
    "questionnaire.nothing_applied": {
        "en": "Nothing was imported; fix the cells above or use --partial.",
        "zh": "未导入任何内容；请修正上述单元格，或使用 --partial。",
    },
    "questionnaire.imported": {
        "en": "{path}: {respondent} ({role}) — {count} answer(s), {problems} problem(s)",
        "zh": "{path}：{respondent}（{role}）— {count} 个回答，{problems} 个问题",
    },
    "questionnaire.skipped": {"en": "Skipped cells in {path}:", "zh": "{path} 中被跳过的单元格："},
    "questionnaire.merged": {"en": "Merged {count} answer(s) into {path}.",
                             "zh": "已将 {count} 个回答合并进 {path}。"},
    "questionnaire.nothing": {"en": "No answers were imported.", "zh": "没有导入任何回答。"},
    "questionnaire.xlsx.size": {
        "en": "{count} questions, about {minutes} minutes; {optional} optional question(s) "
              "below them if you can",
        "zh": "{count} 道题，约 {minutes} 分钟；其后另有 {optional} 道可选题，可酌情作答",
    },
    "questionnaire.xlsx.dont_know": {"en": "Don't know — who would?",
                                      "zh": "不知道——谁会知道？"},
    "questionnaire.xlsx.optional": {"en": "Optional", "zh": "可选"},
    "questionnaire.xlsx.optional_heading": {
        "en": "Optional — answer if you can (about {minutes} more minutes)",
        "zh": "可选题——能答则答（约再需 {minutes} 分钟）",
    },
    "questionnaire.dont_know_and_value": {
        "en": "{id}: give an answer or say you don't know, not both",
        "zh": "{id}：请填写答案或注明“不知道”，不要同时填写",
    },
    "questionnaire.sized": {
        "en": "{path}: {count} questions, about {minutes} minutes (+ {optional} optional)",
        "zh": "{path}：{count} 道题，约 {minutes} 分钟（另有 {optional} 道可选题）",
    },
    "questionnaire.opt.max_questions": {
        "en": "Most questions per role (the most important first); the rest are offered as "
              "optional.",
        "zh": "每个角色的最多题数（按重要性排序）；其余作为可选题提供。",
    },
    "questionnaire.opt.data_profile": {
        "en": "A data-profile JSON exists: measured data questions go to IT only (they do "
              "anyway when the profile migrates data).",
        "zh": "已有数据画像 JSON：可度量的数据问题只发给 IT（迁移数据时本就如此）。",
    },
    "questionnaire.xlsx.title": {"en": "CRM readiness questionnaire", "zh": "CRM 就绪度问卷"},
    "questionnaire.xlsx.instructions_dk": {
        "en": "Not sure? Pick \"Don't know\" (or write who would know in the Don't know column): "
              "it counts as unanswered, never as the lowest answer.",
        "zh": "不确定？请选“不知道”（或在“不知道”列写明谁会知道）：按未作答处理，绝不按最低分计。",
    },
    "questionnaire.xlsx.instructions": {
        "en": "Fill the yellow cells: your name, then for each question pick an answer (or give "
              "the reason it does not apply), with a note and evidence if you have them",
        "zh": "请填写黄色单元格：先填姓名，再为每个问题选择答案（或填写不适用原因），可附备注与证据",
    },
    "questionnaire.xlsx.name": {"en": "Respondent name", "zh": "答题人姓名"},
    "questionnaire.xlsx.id": {"en": "Respondent ID (optional)", "zh": "答题人 ID（可选）"},
    "questionnaire.xlsx.role": {"en": "Role", "zh": "角色"},
    "questionnaire.xlsx.help": {"en": "Help", "zh": "说明"},
    "questionnaire.xlsx.na": {"en": "Not applicable because", "zh": "不适用原因"},
    "questionnaire.xlsx.hint": {"en": "Evidence that helps", "zh": "可提供的证据"},
    "questionnaire.xlsx.allowed": {"en": "Allowed answers", "zh": "可选答案"},
    "questionnaire.xlsx.invalid": {"en": "Pick an answer from the list", "zh": "请从列表中选择答案"},
    # snapshots and history
    "snapshot.bad_name": {
        "en": "Snapshot name {name!r} is not valid: use letters, digits, '.', '_' or '-' "
              "(up to 64), e.g. 2025-q1.",
        "zh": "快照名称 {name!r} 无效：只能使用字母、数字、'.'、'_' 或 '-'（最多 64 个），"
              "例如 2025-q1。",
    },
    "snapshot.exists": {"en": "snapshot {name!r} already exists (use --force to replace it)",
                        "zh": "快照 {name!r} 已存在（使用 --force 覆盖）"},
    "snapshot.unknown": {"en": "No snapshot {name!r}; saved snapshots: {known}.",
                         "zh": "没有名为 {name!r} 的快照；已保存：{known}。"},
    "snapshot.none": {
        "en": "No snapshots for {path} yet; save one with 'assess --answers FILE --snapshot NAME'.",
        "zh": "{path} 尚无快照；可用 'assess --answers FILE --snapshot NAME' 保存。",
    },
    "snapshot.history": {"en": "Snapshots", "zh": "评估快照"},
    "snapshot.name": {"en": "Snapshot", "zh": "快照"},
    "snapshot.taken": {"en": "Taken", "zh": "时间"},
    "snapshot.versions": {"en": "Checklists", "zh": "检查清单版本"},
    "history.help": {
        "en": "List the assessment snapshots saved beside an answers file.",
        "zh": "列出回答文件旁保存的评估快照。",
    },
    # compare
    "compare.help": {
        "en": "Compare two snapshots: per-phase score, coverage and verdict, blockers closed "
              "and opened, risks added and retired, actions done; questions added or retired "
              "by a checklist upgrade are shown as such.",
        "zh": "比较两个快照：各阶段得分、覆盖率与结论，已关闭与新增的阻断项，新增与消除的风险，"
              "已完成的行动；检查清单升级带来的新增或删除问题单独列出。",
    },
    "compare.arg.a": {"en": "Earlier snapshot (name or .json file).",
                      "zh": "较早的快照（名称或 .json 文件）。"},
    "compare.arg.b": {"en": "Later snapshot (name or .json file).",
                      "zh": "较晚的快照（名称或 .json 文件）。"},
    "compare.title": {"en": "Progress: {a} → {b}", "zh": "进展：{a} → {b}"},
    "compare.score_a": {"en": "Before", "zh": "之前"},
    "compare.score_b": {"en": "After", "zh": "之后"},
    "compare.delta": {"en": "Change", "zh": "变化"},
    "compare.like_for_like": {"en": "Like for like", "zh": "同口径变化"},
    "compare.checklist_effect": {"en": "Checklist effect", "zh": "清单变更影响"},
    "compare.like_for_like_help": {
        "en": "Like for like = the score change over the questions both snapshots share; the "
              "checklist effect is the rest, caused by questions added or retired.",
        "zh": "同口径变化 = 两次快照共有问题上的得分变化；清单变更影响为其余部分，"
              "由新增或删除的问题造成。",
    },
    "compare.checklist": {"en": "Checklist changes", "zh": "清单变更"},
    "compare.phase_added": {"en": "new phase", "zh": "新增阶段"},
    "compare.phase_retired": {"en": "phase retired", "zh": "已删除阶段"},
    "compare.n_added": {"en": "{count} question(s) added", "zh": "新增 {count} 个问题"},
    "compare.n_retired": {"en": "{count} question(s) retired", "zh": "删除 {count} 个问题"},
    "compare.blockers_closed": {"en": "Blockers closed", "zh": "已关闭的阻断项"},
    "compare.blockers_opened": {"en": "Blockers opened", "zh": "新增的阻断项"},
    "compare.blockers_retired": {"en": "Blockers whose question was retired",
                                 "zh": "问题已删除的阻断项"},
    "compare.new_question": {"en": "new question", "zh": "新问题"},
    "compare.risks_added": {"en": "Risks added", "zh": "新增风险"},
    "compare.risks_retired": {"en": "Risks retired", "zh": "已消除风险"},
    "compare.risks_changed": {"en": "Risks whose exposure changed", "zh": "风险值变化的风险"},
    "compare.actions_done": {"en": "Actions done", "zh": "已完成的行动"},
    "compare.actions_new": {"en": "New actions", "zh": "新增行动"},
    "compare.questions_changed": {"en": "Answers that changed", "zh": "回答有变化的问题"},
    "compare.questions_added": {"en": "Questions added (new in the checklists)",
                                "zh": "新增问题（检查清单新加入）"},
    "compare.questions_retired": {"en": "Questions retired from the checklists",
                                  "zh": "检查清单已删除的问题"},
    "compare.checklist_changes": {"en": "Questions added or retired by the checklists",
                                  "zh": "检查清单新增或删除的问题"},
    "compare.checklist_changes_help": {
        "en": "Not answer changes: the checklists were upgraded between the two snapshots.",
        "zh": "这些并非回答变化，而是两次快照之间检查清单发生了升级。",
    },
    "compare.added": {"en": "added", "zh": "新增"},
    "compare.retired": {"en": "retired", "zh": "已删除"},
    "compare.na_short": {"en": "n/a", "zh": "不适用"},
    # plan
    "plan.help": {
        "en": "Build the implementation plan: benchmark stage durations for the profile, "
              "stretched where the assessment shows gaps (each reason stated), milestones with "
              "exit criteria and risk mitigations on the timeline; Gantt in HTML and xlsx.",
        "zh": "生成实施计划：按组织概况套用各阶段基准工期，并根据评估短板延长（逐条说明原因），"
              "含带退出标准的里程碑与时间轴上的风险应对；HTML 与 xlsx 甘特图。",
    },
    "plan.opt.start": {"en": "Start date, YYYY-MM-DD.", "zh": "开始日期，YYYY-MM-DD。"},
    "plan.bad_start": {"en": "--start {value!r} is not a date; use YYYY-MM-DD.",
                       "zh": "--start {value!r} 不是日期；请使用 YYYY-MM-DD。"},
    "plan.title": {"en": "CRM implementation plan", "zh": "CRM 实施计划"},
    "plan.span": {"en": "{start} to {end} — {weeks} weeks", "zh": "{start} 至 {end}，共 {weeks} 周"},
    "plan.gantt": {"en": "Timeline (Gantt)", "zh": "时间轴（甘特图）"},
    "plan.gantt_caption": {
        "en": "Bars: stages (dashed part: stretched beyond the benchmark); diamonds: milestones; "
              "triangles: risk mitigations due (colour = exposure band).",
        "zh": "横条为各阶段（虚线部分为超出基准的延长）；菱形为里程碑；三角形为风险应对截止点"
              "（颜色表示风险等级）。",
    },
    "plan.stages": {"en": "Stages", "zh": "实施阶段"},
    "plan.stage": {"en": "Stage", "zh": "阶段"},
    "plan.start": {"en": "Start", "zh": "开始"},
    "plan.end": {"en": "End", "zh": "结束"},
    "plan.weeks": {"en": "Weeks", "zh": "周数"},
    "plan.benchmark": {"en": "Benchmark (weeks)", "zh": "基准（周）"},
    "plan.baseline": {"en": "baseline", "zh": "基准"},
    "plan.why": {"en": "Why this long", "zh": "工期说明"},
    "plan.at_benchmark": {"en": "at the benchmark for this size", "zh": "按该规模的基准工期"},
    "plan.stretched": {"en": "stretched beyond the benchmark", "zh": "超出基准的延长部分"},
    "plan.legend.mitigation": {"en": "mitigation of a {band} risk", "zh": "{band}风险的应对"},
    "plan.waves": {"en": "{waves} roll-out wave(s), one region or business line each",
                   "zh": "分 {waves} 批推广，每批一个区域或业务线"},
    "plan.weeks_delta": {"en": "{sign}{weeks} wk:", "zh": "{sign}{weeks} 周："},
    "plan.milestones": {"en": "Milestones and exit criteria", "zh": "里程碑与退出标准"},
    "plan.milestone": {"en": "Milestone", "zh": "里程碑"},
    "plan.date": {"en": "Date", "zh": "日期"},
    "plan.exit_criteria": {"en": "Exit criteria", "zh": "退出标准"},
    "plan.mitigations": {"en": "Risk mitigations on the timeline", "zh": "时间轴上的风险应对"},
    "plan.due": {"en": "Due", "zh": "截止"},
    "plan.sheet": {"en": "Plan (Gantt)", "zh": "实施计划（甘特图）"},
    "plan.assumptions": {"en": "Assumptions", "zh": "假设"},
    "plan.assumption.plan_weeks": {
        "en": "Durations are plan weeks of 7 calendar days; a stage of n weeks ends 7n − 1 days "
              "after it starts, and the next starts the day after.",
        "zh": "工期以“计划周”计，每周 7 个自然日；n 周的阶段在开始后第 7n − 1 天结束，"
              "下一阶段次日开始。",
    },
    "plan.assumption.no_holidays": {
        "en": "Public holidays (e.g. Spring Festival) are not deducted: add slack around them.",
        "zh": "未扣除法定节假日（如春节），请在其前后预留余量。",
    },
    "plan.assumption.sequential": {
        "en": "Stages run one after another; overlapping them shortens the plan but adds risk.",
        "zh": "各阶段依次进行；并行可缩短工期，但会增加风险。",
    },
    "plan.stage.requirements": {"en": "Requirements analysis", "zh": "需求分析"},
    "plan.stage.selection": {"en": "Vendor selection", "zh": "系统选型"},
    "plan.stage.design": {"en": "Solution design", "zh": "方案设计"},
    "plan.stage.build": {"en": "Build and configuration", "zh": "系统配置与开发"},
    "plan.stage.migration_uat": {"en": "Data migration and UAT", "zh": "数据迁移与用户验收测试"},
    "plan.stage.training_golive": {"en": "Training and go-live", "zh": "培训与上线"},
    "plan.stage.pilot": {"en": "Pilot", "zh": "试点运行"},
    "plan.stage.rollout": {"en": "Phased roll-out", "zh": "分批推广"},
    "plan.milestone.requirements": {"en": "Requirements signed off", "zh": "需求确认"},
    "plan.milestone.selection": {"en": "Vendor contracted", "zh": "供应商签约"},
    "plan.milestone.design": {"en": "Design approved", "zh": "方案评审通过"},
    "plan.milestone.build": {"en": "Build complete", "zh": "配置开发完成"},
    "plan.milestone.migration_uat": {"en": "Migration and UAT passed", "zh": "迁移与验收通过"},
    "plan.milestone.training_golive": {"en": "Pilot go-live", "zh": "试点上线"},
    "plan.milestone.pilot": {"en": "Pilot review passed", "zh": "试点评审通过"},
    "plan.milestone.rollout": {"en": "Roll-out complete", "zh": "全面推广完成"},
    "plan.criterion.spec_signed": {
        "en": "Requirements specification (functional and non-functional, prioritised) signed",
        "zh": "《CRM系统需求说明书》（功能与非功能需求，已排优先级）签字确认"},
    "plan.criterion.kpis_set": {"en": "SMART KPIs with baselines agreed",
                                "zh": "已确定带基线的 SMART 指标"},
    "plan.criterion.process_maps": {"en": "Lead-to-cash and service processes mapped",
                                    "zh": "线索到回款与服务流程已梳理"},
    "plan.criterion.scripted_demos": {"en": "{target} vendors scored on scripted demos",
                                      "zh": "{target} 家供应商完成脚本化演示评分"},
    "plan.criterion.budget_approved": {"en": "Full TCO with contingency approved",
                                       "zh": "含预备金的完整 TCO 已获批"},
    "plan.criterion.contract_signed": {"en": "Contract and SLAs signed",
                                       "zh": "合同与服务等级协议已签署"},
    "plan.criterion.design_signed": {"en": "Solution design approved by the steering committee",
                                     "zh": "方案设计经指导委员会批准"},
    "plan.criterion.permissions": {"en": "Role-based permissions reviewed",
                                   "zh": "基于角色的权限已评审"},
    "plan.criterion.config_complete": {"en": "Configuration complete and demonstrated",
                                       "zh": "配置完成并已演示"},
    "plan.criterion.integrations_tested": {"en": "Every integration tested end to end",
                                           "zh": "所有集成接口完成端到端测试"},
    "plan.criterion.sample_migration": {"en": "Sample migration of {target} records verified",
                                        "zh": "{target} 条样本数据试迁移并核验"},
    "plan.criterion.migration_accuracy": {"en": "Migrated data accuracy {target}",
                                          "zh": "迁移后数据准确率 {target}"},
    "plan.criterion.completeness": {"en": "Mandatory-field completeness {target}",
                                    "zh": "必填字段完整率 {target}"},
    "plan.criterion.uat_signed": {"en": "User acceptance test signed by the business",
                                  "zh": "业务部门签署用户验收测试"},
    "plan.criterion.seed_users": {"en": "Seed users trained in every pilot team",
                                  "zh": "每个试点团队的种子用户已完成培训"},
    "plan.criterion.pilot_trained": {"en": "{target} of pilot users trained by role",
                                     "zh": "{target} 的试点用户完成分角色培训"},
    "plan.criterion.user_satisfaction": {"en": "User satisfaction {target}",
                                         "zh": "用户满意度 {target}"},
    "plan.criterion.follow_up": {"en": "Lead follow-up within {target}",
                                 "zh": "线索跟进响应 {target}"},
    "plan.criterion.data_accuracy": {"en": "Customer data accuracy {target}",
                                     "zh": "客户数据准确率 {target}"},
    "plan.criterion.all_live": {"en": "All users live; old tools retired",
                                "zh": "全部用户上线，旧工具停用"},
    "plan.criterion.kpi_linked": {
        "en": "CRM data completeness and follow-up timeliness {target} of the sales KPI",
        "zh": "CRM 数据完整性与跟进及时性占销售考核 {target}"},
    "plan.stretch.extended_requirements": {
        "en": "data migration or integrations need data collection and vendor talks "
              "(benchmark {min}–{max} weeks)",
        "zh": "数据迁移或系统集成需要收集数据并与供应商沟通（基准 {min}–{max} 周）"},
    "plan.stretch.integrations": {"en": "{count} integration(s) to build and test: {systems}",
                                  "zh": "需开发并测试 {count} 个集成：{systems}"},
    "plan.stretch.on_premise": {"en": "{deployment} hosting: servers and environments to set up",
                                "zh": "{deployment} 部署：需搭建服务器与环境"},
    "plan.stretch.customization_heavy": {"en": "heavy customisation: top of the benchmark range",
                                         "zh": "定制程度高：取基准区间上限"},
    "plan.stretch.customization_none": {"en": "no customisation: bottom of the benchmark range",
                                        "zh": "无定制：取基准区间下限"},
    "plan.stretch.no_migration": {"en": "no data migration: user acceptance test only",
                                  "zh": "无数据迁移：仅用户验收测试"},
    "plan.stretch.phase_gap": {
        "en": "assessment phase '{phase}' scores {score} ({verdict}, {blockers} blocker(s)): "
              "+{percent}% to close the gaps",
        "zh": "评估阶段“{phase}”得分 {score}（{verdict}，{blockers} 个阻断项）："
              "延长 {percent}% 以弥补短板"},
    # demo
    "demo.section.workshop": {"en": "Workshops and progress", "zh": "研讨会与进展跟踪"},
    "demo.workshop.report": {"en": "Five-respondent assessment with consensus and agenda (HTML)",
                             "zh": "五人作答的评估报告，含共识分析与研讨议程（HTML）"},
    "demo.workshop.report.summary": {
        "en": "{respondents} respondents, {disputed} disputed question(s) on the agenda",
        "zh": "{respondents} 位答题人，{disputed} 个分歧问题列入议程"},
    "demo.workshop.xlsx": {"en": "Assessment workbook for the project office (xlsx)",
                           "zh": "项目办公室跟踪用评估工作簿（xlsx）"},
    "demo.workshop.compare": {"en": "Progress between two snapshots a quarter apart (HTML)",
                              "zh": "相隔一个季度的两次快照对比（HTML）"},
    "demo.workshop.compare.summary": {"en": "overall {delta}, {closed} blocker(s) closed",
                                      "zh": "总分 {delta}，关闭 {closed} 个阻断项"},
    "demo.workshop.plan": {"en": "Implementation plan with Gantt (HTML; also xlsx)",
                           "zh": "含甘特图的实施计划（HTML；另有 xlsx）"},
    "demo.workshop.plan.summary": {"en": "{weeks} weeks, ending {end}",
                                   "zh": "共 {weeks} 周，{end} 结束"},
    "demo.workshop.questionnaires": {"en": "Questionnaire workbooks, one per role",
                                     "zh": "按角色划分的问卷工作簿"},
    "demo.workshop.answers": {"en": "The five-respondent answers file and its snapshots",
                              "zh": "五人作答的回答文件及其快照"},
}
