"""Messages of the readiness assessment: commands, prompts, reports."""

MESSAGES: dict[str, dict[str, str]] = {
    # answers-file checks
    "answers.unknown_id_close": {"en": "unknown question id {id!r}; did you mean {ids}?",
                                 "zh": "未知的问题 id {id!r}；您是不是要写 {ids}？"},
    "waiver.needs_owner": {
        "en": "{id} is a go-live gate: answering it not applicable waives it, so say who "
              "waives it, e.g. waived_by: \"CFO Li\"",
        "zh": "{id} 是上线关卡：答“不适用”即豁免该关卡，须写明豁免人，例如 waived_by: \"李总（CFO）\"",
    },
    "reason.waivers": {"en": "{count} gate(s) waived", "zh": "{count} 个关卡已豁免"},
    "report.packs": {"en": "Industry packs", "zh": "行业包"},
    "report.pack_on": {"en": "on for this industry ({count} questions apply)",
                       "zh": "适用于本行业（{count} 道题适用）"},
    "report.pack_off": {"en": "off (another industry)", "zh": "未启用（其他行业）"},
    "report.waivers": {"en": "Waived gates", "zh": "已豁免的关卡"},
    "report.waived": {"en": "waived", "zh": "已豁免"},
    "report.waiver_line": {"en": "waived by {owner}: {reason}", "zh": "豁免人 {owner}：{reason}"},
    "report.waivers_intro": {
        "en": "Gates answered not applicable. They block nothing, but stay on record with their "
              "reason and who waived them; --strict-gates treats them as blockers.",
        "zh": "被答为“不适用”的关卡。它们不构成阻断，但连同原因与豁免人一并记录；"
              "使用 --strict-gates 时视同阻断项。",
    },
    "assess.opt.strict_gates": {
        "en": "Treat waived gates (a gate answered not applicable) as blockers: exit 1 when "
              "any exists.",
        "zh": "将已豁免的关卡（答为“不适用”的关卡）视同阻断项：存在时以退出码 1 结束。",
    },
    "assess.strict_failed": {
        "en": "--strict-gates: {count} waived gate(s) count as blockers.",
        "zh": "--strict-gates：{count} 个已豁免关卡视同阻断项。",
    },
    "assess.opt.out": {
        "en": "Folder of the reports (default: crm-readiness-report/ beside the answers file).",
        "zh": "报告所在文件夹（默认：回答文件旁的 crm-readiness-report/）。",
    },
    "assess.opt.quick": {
        "en": "Quick scan: ask and score only the gates and the questions the checklists flag "
              "quick (about 25); the report says what a full assessment would add.",
        "zh": "快速扫描：只询问并计分关卡及清单中标记为 quick 的问题（约 25 题）；"
              "报告会说明完整评估还会补充哪些内容。",
    },
    "reason.quick_scan": {
        "en": "quick scan: {asked} of {full} questions, {share}% of the weight (a full "
              "assessment is needed for {@verdict.ready})",
        "zh": "快速扫描：{full} 题中的 {asked} 题，占权重 {share}%（需完整评估才能判定“{@verdict.ready}”）",
    },
    "report.quick_title": {"en": "Quick scan", "zh": "快速扫描"},
    "report.quick_intro": {
        "en": "This is a quick scan: {asked} of the {full} questions that apply ({share}% of the "
              "weight), the gates and the highest-weight questions. Coverage below is of the "
              "questions asked. A full assessment (without --quick) adds:",
        "zh": "这是一次快速扫描：在适用的 {full} 题中询问了 {asked} 题（占权重 {share}%），"
              "即全部关卡与权重最高的问题。下方的覆盖率以所问问题为基数。完整评估（不加 --quick）"
              "还会补充：",
    },
    "report.quick_phase": {"en": "{phase}: {count} more question(s), weight {weight}",
                           "zh": "{phase}：再增加 {count} 题，权重 {weight}"},
    # init starters still holding their placeholders
    "workspace.placeholder": {
        "en": "Warning: {path} still holds the starter placeholders ({value!r}): its figures "
              "are illustrative, not yours. Replace them (and that value) before trusting "
              "this result.",
        "zh": "警告：{path} 仍是初始占位内容（{value!r}）：其中的数据只是示例，并非您的数据。"
              "请先替换这些数据（以及该值），再采信本结果。",
    },
    # commands and options
    "assess.help": {
        "en": "Assess readiness: ask the checklist questions (or read --answers), score every "
              "phase, name the go-live blockers, risks and actions, and write reports.",
        "zh": "评估就绪度：逐题提问（或读取 --answers），为各阶段打分，列出上线阻断项、"
              "风险与改进行动，并生成报告。",
    },
    "assess.opt.answers": {
        "en": "Answers file (YAML). Without it, questions are asked interactively and saved to "
              "--save (default crm-answers.yaml).",
        "zh": "回答文件（YAML）。不提供时将交互式提问，并保存到 --save（默认 crm-answers.yaml）。",
    },
    "assess.opt.save": {
        "en": "Where interactive answers are saved (atomically, after every answer).",
        "zh": "交互式回答的保存位置（每答一题即原子写入）。",
    },
    "assess.opt.phase": {
        "en": "Only these phases (repeat or comma-separate), e.g. --phase strategy,data.",
        "zh": "仅评估这些阶段（可重复或逗号分隔），例如 --phase strategy,data。",
    },
    "assess.opt.fail_under": {
        "en": "Exit with code 1 when the overall score is below N (0–100) or the verdict is "
              "{@verdict.not_ready}.",
        "zh": "总分低于 N（0–100）或结论为“{@verdict.not_ready}”时以退出码 1 结束。",
    },
    "assess.opt.interactive": {
        "en": "Ask questions even when --answers is given (to complete or revise it).",
        "zh": "即使提供了 --answers 也逐题提问（用于补全或修改）。",
    },
    "assess.opt.data_profile": {
        "en": "A data-profile JSON (from 'data profile'): fills the measured data questions "
              "and shows measured against claimed.",
        "zh": "数据画像 JSON（由 'data profile' 生成）：填入可度量的数据问题，并对比实测值与自报值。",
    },
    "assess.opt.respondent": {
        "en": "Record interactive answers under this respondent id (others' answers are kept).",
        "zh": "交互式回答记在该答题人 id 名下（他人的回答保持不变）。",
    },
    "assess.opt.snapshot": {
        "en": "Save this run as a named snapshot beside the answers file.",
        "zh": "将本次评估保存为命名快照（与回答文件放在一起）。",
    },
    "pack.unknown_phase": {"en": "unknown phase {phase!r} (known: {known})",
                           "zh": "未知的阶段 {phase!r}（已有：{known}）"},
    "pack.bad_question_id": {"en": "question id {id!r} must start with '{phase}.' and be new",
                             "zh": "问题 id {id!r} 必须以 '{phase}.' 开头且不与已有问题重复"},
    "checklist.packs.help": {
        "en": "List the industry packs: the profile industries that switch each on, the "
              "questions it adds and its requirements-catalogue module.",
        "zh": "列出行业包：启用各行业包的档案行业、其新增的问题及需求目录模块。"},
    "checklist.opt.industry": {"en": "Show whether each pack is on for this industry.",
                               "zh": "显示各行业包对该行业是否启用。"},
    "checklist.pack": {"en": "Industry pack", "zh": "行业包"},
    "checklist.industries": {"en": "Industries", "zh": "行业"},
    "checklist.catalogue_module": {"en": "Catalogue module", "zh": "需求目录模块"},
    "report.pack_on_short": {"en": "on", "zh": "启用"},
    "checklist.help": {"en": "List, show and validate checklists.",
                       "zh": "列出、查看与校验检查清单。"},
    "checklist.list.help": {"en": "List the phase checklists in use.",
                            "zh": "列出当前使用的各阶段检查清单。"},
    "checklist.show.help": {"en": "Show one phase's questions.",
                            "zh": "显示某一阶段的全部问题。"},
    "checklist.validate.help": {
        "en": "Validate checklist files; report every problem with file, path and line.",
        "zh": "校验检查清单文件，逐条报告问题所在的文件、路径与行号。",
    },
    "checklist.valid": {"en": "{path}: valid ({count} questions)",
                        "zh": "{path}：有效（{count} 个问题）"},
    "checklist.valid_one": {"en": "{path}: valid (1 question)", "zh": "{path}：有效（1 个问题）"},
    "checklist.unknown_phase": {"en": "Unknown phase {phase!r}; known: {known}.",
                                "zh": "未知阶段 {phase!r}；已有：{known}。"},
    "demo.help": {
        "en": "Run every capability on the bundled example company and write a folder of "
              "reports with an index.html.",
        "zh": "在内置示例企业上运行全部功能，生成含 index.html 的报告文件夹。",
    },
    "demo.opt.out": {"en": "Folder for the demo (replaced if an earlier demo wrote it).",
                     "zh": "演示输出目录（若为先前演示所生成则会替换）。"},
    "init.help": {
        "en": "Create a workspace with commented starter files for your own project.",
        "zh": "为您的项目创建工作区，附带带注释的起始文件。",
    },
    # interactive
    "ask.keys": {
        "en": "Type a number to answer · Enter keeps the current answer · ? help · s skip · "
              "n not applicable · d don't know · e evidence · m note · b back · q save and quit",
        "zh": "输入数字作答 · 回车保留当前回答 · ? 帮助 · s 跳过 · n 不适用 · d 不知道 · "
              "e 证据 · m 备注 · b 返回上一题 · q 保存并退出",
    },
    "ask.progress": {"en": "{phase} — question {i} of {n} (overall {done}/{total} answered)",
                     "zh": "{phase}——第 {i}/{n} 题（全部已答 {done}/{total}）"},
    "ask.current": {"en": "current answer: {value}", "zh": "当前回答：{value}"},
    "ask.prompt": {"en": "Your answer", "zh": "您的回答"},
    "ask.invalid": {"en": "Please type one of the numbers shown, or ? s n d e m b q.",
                    "zh": "请输入所示编号之一，或 ? s n d e m b q。"},
    "ask.numeric_hint": {"en": "Type a number from {min} to {max}{unit} (45 and 45% mean the same)",
                         "zh": "请输入 {min} 到 {max}{unit} 之间的数字（45 与 45% 含义相同）"},
    "ask.numeric_invalid": {"en": "Please type a number from {min} to {max}{unit}, e.g. 45 or "
                                  "45%, or ? s n d e m b q.",
                            "zh": "请输入 {min} 到 {max}{unit} 之间的数字，例如 45 或 45%，"
                                  "或 ? s n d e m b q。"},
    "ask.ambiguous": {"en": "Did you mean {pct}% (y, Enter) or {raw}% (n)?",
                      "zh": "您指的是 {pct}%（y，回车）还是 {raw}%（n）？"},
    "ask.enter_nothing": {"en": "No answer yet: type a number, or s to skip.",
                          "zh": "尚未作答：请输入数字，或输入 s 跳过。"},
    "ask.current_note": {"en": "note: {text}", "zh": "备注：{text}"},
    "ask.current_evidence": {"en": "evidence: {text}", "zh": "证据：{text}"},
    "ask.note_prompt": {"en": "Note (Enter to cancel):", "zh": "备注（回车取消）："},
    "ask.evidence_prompt": {"en": "Evidence — a document, link or record (Enter to cancel):",
                            "zh": "证据——文档、链接或记录（回车取消）："},
    "ask.kept_for_answer": {"en": "Kept: it is saved with your answer to this question.",
                            "zh": "已记下：将随本题的回答一起保存。"},
    "ask.annotated": {"en": "Saved.", "zh": "已保存。"},
    "ask.dont_know_prompt": {"en": "Don't know: who would know? (optional)",
                             "zh": "不知道：谁可能知道？（可选）"},
    "ask.dont_know_shown": {"en": "don't know ({reason})", "zh": "不知道（{reason}）"},
    "ask.profile.keys": {"en": "Organisation profile · Enter keeps the value in brackets · "
                               "q quits without saving",
                         "zh": "组织档案 · 回车保留方括号中的值 · q 退出且不保存"},
    "ask.profile.organization": {"en": "Organisation name", "zh": "组织名称"},
    "ask.profile.industry": {"en": "Industry", "zh": "行业"},
    "ask.profile.size": {"en": "Size (smb < 100 staff, mid 100–1000, large > 1000)",
                         "zh": "规模（smb 少于100人，mid 100–1000人，large 1000人以上）"},
    "ask.profile.users": {"en": "Expected CRM users", "zh": "预计 CRM 用户数"},
    "ask.profile.deployment": {"en": "Deployment", "zh": "部署方式"},
    "ask.profile.scope": {"en": "Modules in scope, comma-separated", "zh": "范围模块，逗号分隔"},
    "ask.profile.integrations": {"en": "Systems to integrate, comma-separated, or none",
                                 "zh": "需集成的系统，逗号分隔，或 none"},
    "ask.profile.data_migration": {"en": "Migrate legacy data? yes / no",
                                   "zh": "是否迁移历史数据？yes / no"},
    "ask.profile.bad_choice": {"en": "Please type one of: {choices}.",
                               "zh": "请输入以下之一：{choices}。"},
    "ask.profile.bad_list": {"en": "Not known: {wrong}. Choose from: {choices}.",
                             "zh": "无法识别：{wrong}。可选：{choices}。"},
    "ask.profile.blank": {"en": "Please type a value.", "zh": "请输入内容。"},
    "ask.profile.bad_users": {"en": "Please type a whole number from 1 to 1000000.",
                              "zh": "请输入 1 到 1000000 之间的整数。"},
    "ask.profile.bad_yes_no": {"en": "Please type yes or no.", "zh": "请输入 yes 或 no。"},
    "ask.profile.quit": {"en": "Nothing saved.", "zh": "未保存任何内容。"},
    "ask.na_reason": {"en": "Why is it not applicable?", "zh": "为什么不适用？"},
    "ask.na_needs_reason": {"en": "A reason is required.", "zh": "必须说明原因。"},
    "ask.waived_by": {"en": "This is a go-live gate: who waives it (name and role)?",
                      "zh": "这是上线关卡：由谁豁免（姓名与职务）？"},
    "ask.waiver_needs_owner": {"en": "A waived gate needs its owner.",
                               "zh": "豁免关卡必须写明豁免人。"},
    "ask.saved": {"en": "Saved to {path}.", "zh": "已保存到 {path}。"},
    "ask.quit": {"en": "Saved to {path}. Run the same command again to resume.",
                 "zh": "已保存到 {path}。再次运行同一命令即可继续。"},
    "ask.resume": {"en": "Resuming: {done} of {total} questions already answered.",
                   "zh": "继续作答：{total} 题中已答 {done} 题。"},
    "ask.all_done": {"en": "All applicable questions are answered.", "zh": "所有适用问题均已作答。"},
    "ask.help_none": {"en": "(no help for this question)", "zh": "（此题暂无帮助）"},
    "ask.evidence": {"en": "Evidence", "zh": "证据"},
    "ask.no_tty": {
        "en": "No answers file given and standard input is not a terminal: use --answers FILE "
              "(or run in a terminal to answer interactively).",
        "zh": "未提供回答文件且标准输入不是终端：请使用 --answers FILE（或在终端中交互作答）。",
    },
    # summary / reports
    "report.title": {"en": "CRM readiness report", "zh": "CRM 实施就绪度评估报告"},
    "report.generated": {"en": "Generated {when} by crm-readiness {version}",
                         "zh": "由 crm-readiness {version} 于 {when} 生成"},
    "report.profile": {"en": "Organisation profile", "zh": "组织概况"},
    "report.overall": {"en": "Overall readiness", "zh": "总体就绪度"},
    "report.phase": {"en": "Phase", "zh": "阶段"},
    "report.score": {"en": "Score", "zh": "得分"},
    "report.coverage": {"en": "Coverage", "zh": "覆盖率"},
    "report.level": {"en": "Level", "zh": "成熟度"},
    "report.verdict": {"en": "Verdict", "zh": "结论"},
    "report.weight": {"en": "Weight", "zh": "权重"},
    "report.phases": {"en": "Readiness by phase", "zh": "各阶段就绪度"},
    "report.blockers": {"en": "Go-live blockers", "zh": "上线阻断项"},
    "report.no_blockers": {"en": "No go-live blockers.", "zh": "无上线阻断项。"},
    "report.blocker_unanswered": {"en": "not answered (a gate must be answered)",
                                  "zh": "未作答（关卡问题必须作答）"},
    "report.blocker_below": {"en": "score {score} below the minimum {min}",
                             "zh": "得分 {score} 低于最低要求 {min}"},
    "report.risks": {"en": "Risk register", "zh": "风险登记册"},
    "report.no_risks": {"en": "No risks raised.", "zh": "未识别到风险。"},
    "report.top_risks": {"en": "Top risks", "zh": "主要风险"},
    "report.risk": {"en": "Risk", "zh": "风险"},
    "report.category": {"en": "Category", "zh": "类别"},
    "report.likelihood": {"en": "Likelihood", "zh": "可能性"},
    "report.impact": {"en": "Impact", "zh": "影响"},
    "report.exposure": {"en": "Exposure", "zh": "风险值"},
    "report.band": {"en": "Band", "zh": "等级"},
    "report.mitigation": {"en": "Mitigation", "zh": "应对措施"},
    "report.owner": {"en": "Owner", "zh": "负责人"},
    "report.source": {"en": "Raised by", "zh": "来源问题"},
    "report.basis_unanswered": {"en": "unanswered", "zh": "未作答"},
    "report.basis_disagreement": {"en": "disagreement", "zh": "意见分歧"},
    "report.actions": {"en": "Action plan", "zh": "改进行动计划"},
    "report.no_actions": {"en": "Nothing to improve: every question is at full score.",
                          "zh": "无需改进：所有问题均为满分。"},
    "report.rank": {"en": "#", "zh": "序号"},
    "report.action": {"en": "Action", "zh": "行动"},
    "report.priority": {"en": "Priority", "zh": "优先级"},
    "report.gate": {"en": "Gate", "zh": "关卡"},
    "report.question": {"en": "Question", "zh": "问题"},
    "report.answer": {"en": "Answer", "zh": "回答"},
    "report.note": {"en": "Note", "zh": "备注"},
    "report.evidence": {"en": "Evidence", "zh": "证据"},
    "report.details": {"en": "Answers by phase", "zh": "各阶段回答明细"},
    "report.charts": {"en": "Charts", "zh": "图表"},
    "report.radar": {"en": "Phase scores (0–100)", "zh": "各阶段得分（0–100）"},
    "report.heatmap": {"en": "Risk heat map (number of risks)", "zh": "风险热力图（风险数量）"},
    "report.coverage_bars": {"en": "Coverage by phase", "zh": "各阶段覆盖率"},
    "report.method": {"en": "How the scores are computed", "zh": "评分方法"},
    "report.method_text": {
        "en": "Each answer scores 0–1 on its scale. Phase score = 100 × Σ weight × score / "
              "Σ weight over applicable questions; unanswered questions count 0 and lower the "
              "coverage (answered weight ÷ applicable weight). Not-applicable answers (with a "
              "reason) and questions excluded by the profile leave the denominator. Overall = "
              "phase-weighted mean. {@verdict.ready} needs ≥ {ready} and coverage ≥ {coverage}; "
              "below {risks} is {@verdict.not_ready}; any gate below its minimum is a go-live "
              "blocker and makes the verdict {@verdict.not_ready} whatever the averages. Exposure = likelihood × impact "
              "(low ≤ {low}, medium ≤ {medium}, high above). Actions are ranked by weight × gap, "
              "gates first. Several respondents combine by the {rule} of their scores.",
        "zh": "每个回答按其量表计 0–1 分。阶段得分 = 100 × Σ 权重 × 得分 / Σ 权重（仅计适用问题）；"
              "未作答问题计 0 分并降低覆盖率（已答权重 ÷ 适用权重）。标记为不适用（附原因）的回答"
              "及因组织概况而排除的问题不计入分母。总分 = 按阶段权重的加权平均。“{@verdict.ready}”需得分 ≥ "
              "{ready} 且覆盖率 ≥ {coverage}；低于 {risks} 为“{@verdict.not_ready}”；任何关卡问题低于"
              "最低要求即为上线阻断项，无论平均分多高结论均为“{@verdict.not_ready}”。风险值 = 可能性 × 影响"
              "（低 ≤ {low}，中 ≤ {medium}，其上为高）。行动按 权重 × 差距 排序，关卡优先。"
              "多位答题人的得分按{rule}合并。",
    },
    "report.measured": {"en": "Measured against claimed", "zh": "实测值与自报值对比"},
    "report.measured_intro": {
        "en": "These questions were answered by measuring the data (crm-readiness data profile); "
              "the measurement replaces the claimed answer in the scores.",
        "zh": "以下问题由数据实测（crm-readiness data profile）作答；计分时以实测值替代自报值。",
    },
    "report.measured_value": {"en": "Measured", "zh": "实测"},
    "report.claimed_value": {"en": "Claimed", "zh": "自报"},
    "report.measured_delta": {"en": "Score change", "zh": "得分变化"},
    "report.reasons": {"en": "Why", "zh": "原因"},
    "report.excluded": {"en": "not applicable to this profile", "zh": "不适用于该组织概况"},
    "report.unanswered": {"en": "unanswered", "zh": "未作答"},
    "report.dont_know": {"en": "don't know ({reason})", "zh": "不知道（{reason}）"},
    "report.na": {"en": "not applicable: {reason}", "zh": "不适用：{reason}"},
    "report.questions_counts": {
        "en": "{answered} answered · {unanswered} unanswered · {na} not applicable · "
              "{excluded} excluded by profile",
        "zh": "已答 {answered} · 未答 {unanswered} · 不适用 {na} · 因概况排除 {excluded}",
    },
    "report.field.organization": {"en": "Organisation", "zh": "组织"},
    "report.field.industry": {"en": "Industry", "zh": "行业"},
    "report.field.size": {"en": "Size", "zh": "规模"},
    "report.field.users": {"en": "CRM users", "zh": "CRM 用户数"},
    "report.field.deployment": {"en": "Deployment", "zh": "部署方式"},
    "report.field.scope": {"en": "Scope", "zh": "范围"},
    "report.field.integrations": {"en": "Integrations", "zh": "集成系统"},
    "report.field.data_migration": {"en": "Data migration", "zh": "数据迁移"},
    "report.field.customization": {"en": "Customisation", "zh": "定制程度"},
    "report.yes": {"en": "yes", "zh": "是"},
    "report.no": {"en": "no", "zh": "否"},
    "report.gate_failed": {"en": "blocker", "zh": "阻断"},
    # verdicts and reasons
    "verdict.ready": {"en": "Ready", "zh": "已就绪"},
    "verdict.ready_with_risks": {"en": "Ready with risks", "zh": "基本就绪（有风险）"},
    "verdict.not_ready": {"en": "Not ready", "zh": "未就绪"},
    "verdict.unknown": {"en": "Not assessed", "zh": "未评估"},
    "reason.blockers": {"en": "{count} go-live blocker(s)", "zh": "{count} 个上线阻断项"},
    "reason.score_below_risks": {"en": "score {score} is below {min}",
                                 "zh": "得分 {score} 低于 {min}"},
    "reason.score_below_ready": {"en": "score {score} is below the {@verdict.ready} bar of {min}",
                                 "zh": "得分 {score} 低于“{@verdict.ready}”门槛 {min}"},
    "reason.coverage_low": {"en": "only {coverage}% of the weight answered ({@verdict.ready} needs {min}%)",
                            "zh": "仅 {coverage}% 的权重已作答（“{@verdict.ready}”需 {min}%）"},
    "reason.high_risks": {"en": "{count} high-exposure risk(s)", "zh": "{count} 个高风险"},
    "reason.phase_not_ready": {"en": "phase(s) {@verdict.not_ready}: {phases}",
                               "zh": "“{@verdict.not_ready}”的阶段：{phases}"},
    "reason.all_clear": {"en": "score, coverage and risks all within the {@verdict.ready} bar",
                         "zh": "得分、覆盖率与风险均达到“{@verdict.ready}”标准"},
    "reason.no_questions": {"en": "no question applies to this profile",
                            "zh": "没有适用于该组织概况的问题"},
    "band.low": {"en": "low", "zh": "低"},
    "band.medium": {"en": "medium", "zh": "中"},
    "band.high": {"en": "high", "zh": "高"},
    "category.strategy": {"en": "strategy", "zh": "战略"},
    "category.process": {"en": "process", "zh": "流程"},
    "category.technical": {"en": "technical", "zh": "技术"},
    "category.data": {"en": "data", "zh": "数据"},
    "category.people": {"en": "people", "zh": "人员"},
    "category.management": {"en": "management", "zh": "管理"},
    "category.financial": {"en": "financial", "zh": "财务"},
    "category.vendor": {"en": "vendor", "zh": "供应商"},
    "owner.sponsor": {"en": "Executive sponsor", "zh": "高层发起人"},
    "owner.steering_committee": {"en": "Steering committee", "zh": "项目指导委员会"},
    "owner.project_manager": {"en": "Project manager", "zh": "项目经理"},
    "owner.business_lead": {"en": "Business lead", "zh": "业务负责人"},
    "owner.sales_lead": {"en": "Sales lead", "zh": "销售负责人"},
    "owner.marketing_lead": {"en": "Marketing lead", "zh": "市场负责人"},
    "owner.service_lead": {"en": "Service lead", "zh": "客服负责人"},
    "owner.it_lead": {"en": "IT lead", "zh": "IT 负责人"},
    "owner.data_owner": {"en": "Data owner", "zh": "数据负责人"},
    "owner.finance": {"en": "Finance", "zh": "财务"},
    "owner.hr_training": {"en": "HR / training", "zh": "人力资源 / 培训"},
    "owner.procurement": {"en": "Procurement", "zh": "采购"},
    "owner.security_officer": {"en": "Security officer", "zh": "安全负责人"},
    "rule.median": {"en": "median", "zh": "中位数"},
    "rule.mean": {"en": "mean", "zh": "平均值"},
    "rule.weighted": {"en": "role-weighted mean", "zh": "按角色加权平均"},
    "demo.section.assess": {"en": "Readiness assessment", "zh": "就绪度评估"},
    "demo.assess.html": {"en": "Readiness report (HTML)", "zh": "就绪度报告（HTML）"},
    "demo.assess.md": {"en": "Readiness report (Markdown)", "zh": "就绪度报告（Markdown）"},
    "demo.assess.json": {"en": "Result as JSON (schema in docs/)", "zh": "JSON 结果（架构见 docs/）"},
    "demo.assess.answers": {"en": "The answers file behind it", "zh": "对应的回答文件"},
    "demo.assess.measured": {"en": "Readiness with the data phase measured from the export (measured vs claimed)",
                             "zh": "以导出数据实测数据阶段后的就绪度（实测值与自报值对比）"},
    "demo.assess.summary": {"en": "Overall {score} — {verdict}, {blockers} blocker(s)",
                            "zh": "总分 {score}——{verdict}，{blockers} 个阻断项"},
}
