"""Messages of vendor selection: workbooks, scorecards, the specification and the CLI."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- method (README sheet, scorecards, docs) ---
    "vendors.method.scale": {
        "en": "Response scale: native 3 · configurable 2 · custom development 1 · not supported 0.",
        "zh": "响应标度：原生支持 3 · 配置实现 2 · 定制开发 1 · 不支持 0。",
    },
    "vendors.method.map": {
        "en": "Third-party and roadmap answers count as a level set on the Config sheet "
              "(default: third-party = custom development, roadmap = not supported).",
        "zh": "第三方产品与路线图（规划中）按 Config 表中设定的级别计分"
              "（默认：第三方 = 定制开发，路线图 = 不支持）。",
    },
    "vendors.method.unanswered": {
        "en": "An unanswered requirement counts 0 points and is reported per vendor.",
        "zh": "未作答的需求计 0 分，并按供应商列出。",
    },
    "vendors.method.priority": {
        "en": "Priority weight P: must 5 · should 3 · could 1 (editable on Config).",
        "zh": "优先级权重 P：must 5 · should 3 · could 1（可在 Config 表修改）。",
    },
    "vendors.method.fit": {
        "en": "Module fit = Σ P·R / Σ P·3 over the module's requirements (R = response points, "
              "3 = points of native); functional fit = the same over all requirements.",
        "zh": "模块匹配度 = Σ P·R / Σ P·3（对该模块的需求求和；R 为响应分，3 为原生支持的分值）；"
              "功能匹配度 = 对全部需求的同一计算。",
    },
    "vendors.method.criteria": {
        "en": "Each criterion is scored 0–5 against anchored descriptions; functional fit "
              "scores 5 × fit, cost is scored against the budget.",
        "zh": "每个评估维度按锚定描述打 0–5 分；功能匹配维度得分 = 5 × 匹配度，成本维度按预算区间计分。",
    },
    "vendors.method.weights": {
        "en": "Criterion weights are given directly (they must sum to 100%) or derived by AHP.",
        "zh": "评估维度权重可直接给出（合计必须为 100%），或由层次分析法（AHP）推导。",
    },
    "vendors.method.ahp": {
        "en": "AHP: weights = principal eigenvector of the pairwise matrix; CI = (λmax − n)/(n − 1); "
              "CR = CI/RI; judgements with CR > 0.10 are refused unless --accept-inconsistent.",
        "zh": "AHP：权重 = 两两比较矩阵的主特征向量；CI = (λmax − n)/(n − 1)；CR = CI/RI；"
              "CR > 0.10 时拒绝，除非使用 --accept-inconsistent。",
    },
    "vendors.method.cost": {
        "en": "Cost score = 5 at or below the budget minimum, 0 at or above the maximum, "
              "5·(max − cost)/(max − min) in between: never relative to the cheapest bid, so "
              "adding or removing a vendor cannot reorder the others.",
        "zh": "成本得分：不高于预算下限得 5 分，不低于上限得 0 分，其间为 5·(上限 − 成本)/(上限 − 下限)；"
              "不与最低报价比较，因此增删供应商不会改变其他供应商的排序。",
    },
    "vendors.method.knockout": {
        "en": "Knockout: a vendor with any must requirement not supported is scored and shown "
              "but not ranked.",
        "zh": "一票否决：任何 must 需求不支持的供应商仍计分并展示，但不参与排名。",
    },
    "vendors.method.total": {
        "en": "Total = Σ w·s / 5 · 100 (0–100).",
        "zh": "总分 = Σ w·s / 5 · 100（0–100）。",
    },
    "vendors.method.rank": {
        "en": "Rank = 1 + number of eligible vendors whose total is higher by more than the tie "
              "tolerance (0.05 points): totals that close share a rank.",
        "zh": "排名 = 1 + 总分高出并列容差（0.05 分）以上的合格供应商数量：差距在容差内的总分并列同一名次。",
    },
    "vendors.method.robustness": {
        "en": "Robustness: per criterion, the weight change (others rescaled proportionally) "
              "that flips the leader; Monte Carlo over weights drawn from a Dirichlet around the "
              "chosen weights (fixed seed).",
        "zh": "稳健性：对每个维度计算使领先者易主所需的权重变化（其余权重按比例缩放）；"
              "并在所选权重附近按 Dirichlet 分布抽样权重进行蒙特卡洛模拟（固定随机种子）。",
    },
    # --- responses, kinds, statuses, verdicts ---
    "vendors.response.native": {"en": "native: standard function", "zh": "原生支持：标准功能"},
    "vendors.response.configurable": {"en": "configurable: by configuration, no code",
                                      "zh": "配置实现：通过配置实现，无需编码"},
    "vendors.response.custom": {"en": "custom development", "zh": "定制开发"},
    "vendors.response.third_party": {"en": "third-party product or add-on",
                                     "zh": "第三方产品或插件"},
    "vendors.response.roadmap": {"en": "on the roadmap, not available yet",
                                 "zh": "在产品路线图中，尚未提供"},
    "vendors.response.not_supported": {"en": "not supported", "zh": "不支持"},
    "vendors.kind.scored": {"en": "scored 0–5", "zh": "打分 0–5"},
    "vendors.kind.functional_fit": {"en": "functional fit (computed)", "zh": "功能匹配（计算）"},
    "vendors.kind.cost": {"en": "cost vs budget (computed)", "zh": "成本对比预算（计算）"},
    "vendors.weights.direct": {"en": "given directly", "zh": "直接给定"},
    "vendors.weights.ahp": {"en": "AHP pairwise comparisons", "zh": "AHP 两两比较"},
    "vendors.status.eligible": {"en": "eligible", "zh": "合格"},
    "vendors.status.knocked_out": {"en": "knocked out", "zh": "一票否决"},
    "vendors.verdict.robust": {
        "en": "Robust: {leader} leads in {share} of weight scenarios; reasonable changes of the "
              "weights do not change the recommendation.",
        "zh": "结论稳健：{leader} 在 {share} 的权重情景中领先，权重的合理变化不会改变推荐结果。",
    },
    "vendors.verdict.moderate": {
        "en": "Fairly robust: {leader} leads in {share} of weight scenarios; check the criteria "
              "with the smallest flip points with the client.",
        "zh": "基本稳健：{leader} 在 {share} 的权重情景中领先；请与客户确认翻转点最小的维度。",
    },
    "vendors.verdict.fragile": {
        "en": "Close call: {leader} leads in only {share} of weight scenarios; the choice "
              "depends on how the weights are set, so decide them explicitly with the client.",
        "zh": "差距很小：{leader} 仅在 {share} 的权重情景中领先；结果取决于权重设定，请与客户明确确定权重。",
    },
    "vendors.verdict.single": {
        "en": "Only {leader} is eligible ({share} of scenarios): every other vendor is knocked out.",
        "zh": "只有 {leader} 合格（{share} 的情景）：其他供应商均被一票否决。",
    },
    "vendors.verdict.no_leader": {
        "en": "No vendor is eligible ({leader}, {share}): every vendor leaves a must unmet.",
        "zh": "没有合格的供应商（{leader}，{share}）：所有供应商都有未满足的 must 需求。",
    },
    # --- comparison workbook ---
    "vendors.wb.title": {"en": "Vendor comparison", "zh": "供应商对比"},
    "vendors.wb.readme_intro": {
        "en": "This workbook compares CRM vendors on the requirements catalogue and the "
              "evaluation criteria. It was written by crm-readiness and stays live: edit it.",
        "zh": "本工作簿依据需求目录与评估维度对比各 CRM 供应商，由 crm-readiness 生成，公式实时计算，可直接编辑。",
    },
    "vendors.wb.readme_inputs": {
        "en": "Inputs (yellow): weights and points on Config, responses on Requirements "
              "(dropdowns), criterion scores and costs on Criteria.",
        "zh": "输入项（黄色）：Config 表中的权重与分值，Requirements 表中的响应（下拉选择），"
              "Criteria 表中的维度得分与成本。",
    },
    "vendors.wb.readme_live": {
        "en": "Live formulas: points, must gaps, module fits, totals, status and rank on "
              "Requirements, ModuleFit, Criteria, Summary and the Scorecard sheets.",
        "zh": "实时公式：Requirements、ModuleFit、Criteria、Summary 及各评分卡表中的得分、"
              "must 缺口、模块匹配度、总分、状态与排名。",
    },
    "vendors.wb.readme_snapshot": {
        "en": "Snapshots (grey): the AHP matrix on Config and the Sensitivity sheet show what the "
              "engine computed when the file was written; run crm-readiness again to refresh them.",
        "zh": "快照（灰色）：Config 表中的 AHP 矩阵与 Sensitivity 表为生成文件时的计算结果；"
              "如需更新请重新运行 crm-readiness。",
    },
    "vendors.wb.method": {"en": "Method and formulas", "zh": "方法与公式"},
    "vendors.wb.responses": {"en": "Response codes", "zh": "响应代码"},
    "vendors.wb.ri_table": {"en": "Random-index table", "zh": "随机一致性指标（RI）表"},
    "vendors.wb.metadata": {"en": "Run", "zh": "运行信息"},
    "vendors.wb.generated": {"en": "Generated at", "zh": "生成时间"},
    "vendors.wb.tool": {"en": "Tool", "zh": "工具"},
    "vendors.wb.title_label": {"en": "Evaluation", "zh": "评估项目"},
    "vendors.wb.req_count": {"en": "Requirements", "zh": "需求数"},
    "vendors.wb.vendor_count": {"en": "Vendors", "zh": "供应商数"},
    "vendors.wb.weights_from": {"en": "Weights", "zh": "权重来源"},
    "vendors.wb.config_title": {"en": "Configuration", "zh": "参数配置"},
    "vendors.wb.config_hint": {
        "en": "Yellow cells are inputs; every sheet recalculates from them.",
        "zh": "黄色单元格为输入项，各表均据此重新计算。",
    },
    "vendors.wb.priority_weights": {"en": "Priority weights (P)", "zh": "优先级权重（P）"},
    "vendors.wb.response_points": {"en": "Response points (R)", "zh": "响应分值（R）"},
    "vendors.wb.response_map": {"en": "Counts as level", "zh": "计分等同于"},
    "vendors.wb.budget": {"en": "Budget range (nominal TCO)", "zh": "预算区间（名义总体拥有成本）"},
    "vendors.wb.budget_min": {"en": "Budget minimum", "zh": "预算下限"},
    "vendors.wb.budget_max": {"en": "Budget maximum", "zh": "预算上限"},
    "vendors.wb.currency": {"en": "Currency", "zh": "币种"},
    "vendors.wb.criterion_weights": {"en": "Criterion weights", "zh": "评估维度权重"},
    "vendors.wb.weight_sum": {"en": "Sum", "zh": "合计"},
    "vendors.wb.sum_ok": {"en": "OK", "zh": "正确"},
    "vendors.wb.sum_bad": {"en": "must be 100%", "zh": "必须为 100%"},
    "vendors.wb.ahp_title": {"en": "AHP pairwise matrix (snapshot)", "zh": "AHP 两两比较矩阵（快照）"},
    "vendors.wb.ahp_hint": {
        "en": "The weights above were derived from this matrix; edit the matrix in the vendors "
              "file and run crm-readiness again to re-derive them.",
        "zh": "上方权重由此矩阵推导；如需修改，请在供应商文件中修改矩阵并重新运行 crm-readiness。",
    },
    "vendors.wb.id": {"en": "ID", "zh": "编号"},
    "vendors.wb.module": {"en": "Module", "zh": "模块"},
    "vendors.wb.requirement": {"en": "Requirement", "zh": "需求"},
    "vendors.wb.priority": {"en": "Priority", "zh": "优先级"},
    "vendors.wb.priority_weight": {"en": "P", "zh": "权重 P"},
    "vendors.wb.response": {"en": "Response", "zh": "响应"},
    "vendors.wb.level": {"en": "Level", "zh": "级别"},
    "vendors.wb.points": {"en": "Points", "zh": "得分"},
    "vendors.wb.knockout_flag": {"en": "Knockout", "zh": "否决"},
    "vendors.wb.must_gap": {"en": "Gap", "zh": "缺口"},
    "vendors.wb.must_gaps": {"en": "Must gaps", "zh": "must 缺口"},
    "vendors.wb.unanswered": {"en": "Unanswered", "zh": "未作答"},
    "vendors.wb.dv_error": {
        "en": "Choose a response from the list.", "zh": "请从列表中选择响应。",
    },
    "vendors.wb.dv_score": {"en": "Enter a score from 0 to 5.", "zh": "请输入 0 到 5 的分数。"},
    "vendors.wb.vendor": {"en": "Vendor", "zh": "供应商"},
    "vendors.wb.comment": {"en": "Comment", "zh": "说明"},
    "vendors.wb.evidence": {"en": "Evidence", "zh": "证明材料"},
    "vendors.wb.criterion": {"en": "Criterion", "zh": "评估维度"},
    "vendors.wb.kind": {"en": "Kind", "zh": "类型"},
    "vendors.wb.weight": {"en": "Weight", "zh": "权重"},
    "vendors.wb.cost_input": {"en": "Cost (nominal TCO)", "zh": "成本（名义总体拥有成本）"},
    "vendors.wb.total": {"en": "Total", "zh": "总分"},
    "vendors.wb.functional_fit": {"en": "Functional fit", "zh": "功能匹配度"},
    "vendors.wb.fit": {"en": "Fit", "zh": "匹配度"},
    "vendors.wb.radar_title": {"en": "Criterion profiles (0–5)", "zh": "评估维度画像（0–5）"},
    "vendors.wb.bar_title": {"en": "Total score (0–100)", "zh": "总分（0–100）"},
    "vendors.chart.tco": {"en": "Nominal TCO by vendor ({currency})",
                          "zh": "各供应商名义总体拥有成本（{currency}）"},
    "vendors.wb.anchors": {"en": "Anchored scale: what each score means",
                           "zh": "锚定标度：各分值的含义"},
    "vendors.wb.status": {"en": "Status", "zh": "状态"},
    "vendors.wb.rank": {"en": "Rank", "zh": "排名"},
    "vendors.wb.summary_note": {
        "en": "Knocked-out vendors (a must not supported) are scored but not ranked.",
        "zh": "被一票否决的供应商（有 must 需求不支持）仍计分，但不参与排名。",
    },
    "vendors.wb.scorecard": {"en": "Vendor scorecard", "zh": "供应商评分卡"},
    "vendors.wb.score": {"en": "Score", "zh": "得分"},
    "vendors.wb.contribution": {"en": "Points of total", "zh": "贡献分"},
    "vendors.wb.note": {"en": "Note", "zh": "备注"},
    "vendors.wb.gap_list": {"en": "Must requirements not supported (snapshot)",
                            "zh": "不支持的 must 需求（快照）"},
    "vendors.wb.sensitivity_title": {"en": "Sensitivity of the recommendation",
                                     "zh": "推荐结果的敏感性"},
    "vendors.wb.snapshot": {
        "en": "Snapshot computed by crm-readiness at {at}; it does not recalculate when you "
              "edit the workbook.",
        "zh": "此为 crm-readiness 于 {at} 计算的快照；编辑工作簿时不会重新计算。",
    },
    "vendors.wb.flip_at": {"en": "Leader changes at", "zh": "领先者变化的权重"},
    "vendors.wb.flip_delta": {"en": "Change", "zh": "变化量"},
    "vendors.wb.new_leader": {"en": "New leader", "zh": "新领先者"},
    "vendors.wb.no_flip": {"en": "no weight flips the leader", "zh": "任何权重都不会改变领先者"},
    "vendors.wb.mc_title": {
        "en": "Monte Carlo: {runs} weight draws (Dirichlet, concentration {concentration}, "
              "seed {seed})",
        "zh": "蒙特卡洛：{runs} 次权重抽样（Dirichlet，集中度 {concentration}，随机种子 {seed}）",
    },
    "vendors.wb.first_share": {"en": "Share of first places", "zh": "排名第一的比例"},
    "vendors.wb.expected_rank": {"en": "Expected rank", "zh": "期望排名"},
    # --- comparison report and scorecards ---
    "vendors.rep.title": {"en": "Vendor comparison", "zh": "供应商对比"},
    "vendors.rep.leader": {"en": "Leading eligible vendor", "zh": "领先的合格供应商"},
    "vendors.rep.priority_counts": {
        "en": "must {must} · should {should} · could {could}",
        "zh": "必须 {must} · 应该 {should} · 可以 {could}",
    },
    "vendors.rep.ranking": {"en": "Ranking", "zh": "排名"},
    "vendors.rep.knocked_out_by": {"en": "knocked out by unmet must requirements:",
                                   "zh": "因以下 must 需求不支持而被一票否决："},
    "vendors.rep.criteria": {"en": "Criterion scores (0–5)", "zh": "评估维度得分（0–5）"},
    "vendors.rep.missing_note": {
        "en": "* no score or cost given: counted as 0.",
        "zh": "* 未提供得分或成本：按 0 计。",
    },
    "vendors.rep.module_fits": {"en": "Module fit", "zh": "模块匹配度"},
    "vendors.rep.ahp": {"en": "AHP weights and consistency", "zh": "AHP 权重与一致性"},
    "vendors.rep.threshold": {"en": "threshold", "zh": "阈值"},
    "vendors.rep.ahp_accepted": {
        "en": "The judgements are inconsistent (CR above the threshold) and were accepted with "
              "--accept-inconsistent.",
        "zh": "两两比较判断不一致（CR 超过阈值），已通过 --accept-inconsistent 接受。",
    },
    "vendors.rep.pair": {"en": "Most inconsistent judgements", "zh": "最不一致的判断"},
    "vendors.rep.judged": {"en": "Judged", "zh": "判断值"},
    "vendors.rep.implied": {"en": "Implied by the weights", "zh": "权重隐含值"},
    "vendors.rep.robustness": {"en": "Robustness", "zh": "稳健性"},
    "vendors.sc.module_fits": {"en": "Module fit (%)", "zh": "模块匹配度（%）"},
    "vendors.sc.cost": {"en": "Cost (nominal TCO)", "zh": "成本（名义总体拥有成本）"},
    "vendors.sc.missing_scores": {"en": "No score given (counted 0)", "zh": "未打分（按 0 计）"},
    "vendors.sc.responses": {"en": "Responses", "zh": "需求响应"},
    # --- RFP workbook ---
    "vendors.rfp.title": {"en": "Request for proposal: requirement responses",
                          "zh": "需求建议书（RFP）：需求响应表"},
    "vendors.rfp.vendor_name": {"en": "Vendor name", "zh": "供应商名称"},
    "vendors.rfp.vendor_id": {"en": "Vendor id (keep)", "zh": "供应商编号（请勿修改）"},
    "vendors.rfp.how1": {
        "en": "1. On the Responses sheet, choose a response for every requirement from the "
              "dropdown in column G.",
        "zh": "1. 在 Responses 表中，通过 G 列下拉框为每条需求选择响应。",
    },
    "vendors.rfp.how2": {
        "en": "2. Explain how in the Comment column and name a document, demo or reference as "
              "Evidence.",
        "zh": "2. 在“说明”列说明实现方式，并在“证明材料”列注明文档、演示或客户案例。",
    },
    "vendors.rfp.how3": {
        "en": "3. A must requirement answered not supported (or roadmap) excludes the offer from "
              "the ranking.",
        "zh": "3. must 需求若答复“不支持”（或“路线图”），该方案将不参与排名。",
    },
    "vendors.rfp.how4": {
        "en": "4. Do not add, delete or reorder rows or sheets: the file is read back "
              "automatically.",
        "zh": "4. 请勿增删或调整行与工作表的顺序：本文件将被自动读取。",
    },
    "vendors.rfp.meaning": {"en": "Meaning", "zh": "含义"},
    "vendors.rfp.description": {"en": "Description", "zh": "描述"},
    "vendors.rfp.acceptance": {"en": "How it will be verified", "zh": "验收方式"},
    # --- requirements specification (需求说明书) ---
    "vendors.spec.title": {"en": "{org}: CRM requirements specification",
                           "zh": "《{org} CRM系统需求说明书》"},
    "vendors.spec.generated": {"en": "Prepared with crm-readiness on {date}.",
                               "zh": "由 crm-readiness 于 {date} 生成。"},
    "vendors.spec.h_background": {"en": "1. Background and goals", "zh": "一、项目背景与目标"},
    "vendors.spec.h_goals": {"en": "Business goals", "zh": "业务目标"},
    "vendors.spec.h_kpis": {"en": "KPIs and targets", "zh": "关键绩效指标与目标值"},
    "vendors.spec.h_context": {"en": "Current situation, pain points and organisation",
                                "zh": "现状、痛点与项目组织"},
    "vendors.spec.h_scope": {"en": "2. Scope", "zh": "二、项目范围"},
    "vendors.spec.out_of_scope": {"en": "Out of scope for this project:",
                                  "zh": "本期不在范围内："},
    "vendors.spec.priority_legend": {
        "en": "Priorities: must = indispensable, a vendor that cannot meet it is excluded; "
              "should = important; could = desirable.",
        "zh": "优先级：must（必须）= 不可或缺，无法满足的供应商将被排除；should（应该）= 重要；"
              "could（可以）= 期望具备。",
    },
    "vendors.spec.h_functional": {"en": "3. Functional requirements by module and priority",
                                  "zh": "三、功能需求（按模块与优先级）"},
    "vendors.spec.h_integrations": {"en": "4. Integrations", "zh": "四、系统集成需求"},
    "vendors.spec.systems": {"en": "Systems to connect:", "zh": "需对接的系统："},
    "vendors.spec.h_nonfunctional": {"en": "5. Non-functional requirements",
                                     "zh": "五、非功能需求"},
    "vendors.spec.h_migration": {"en": "6. Data migration", "zh": "六、数据迁移需求"},
    "vendors.spec.mig1": {
        "en": "Legacy customer, contact, opportunity and order data will be migrated; the vendor "
              "provides import tools with mapping, validation and an error report.",
        "zh": "需迁移历史客户、联系人、商机与订单数据；供应商须提供含字段映射、校验与错误报告的导入工具。",
    },
    "vendors.spec.mig2": {
        "en": "Data is cleansed before migration: duplicates merged, formats unified, required "
              "fields completed; accuracy target ≥ 95%.",
        "zh": "迁移前完成数据清洗：合并重复、统一格式、补全必填字段；准确率目标 ≥ 95%。",
    },
    "vendors.spec.mig3": {
        "en": "A test migration of a sample (about 100 records) is checked by the business before "
              "the full load.",
        "zh": "正式迁移前，先对约 100 条样本进行试迁移并由业务部门核对。",
    },
    "vendors.spec.mig4": {
        "en": "Ownership of each data domain (data owner) and the cut-over plan are agreed.",
        "zh": "明确各数据域的负责人（数据所有者）并确定切换方案。",
    },
    "vendors.spec.no_migration": {"en": "No legacy data will be migrated.",
                                  "zh": "无需迁移历史数据。"},
    "vendors.spec.no_data_notes": {"en": "No data notes in the answers.",
                                   "zh": "答卷中没有关于数据的补充说明。"},
    "vendors.spec.none_given": {
        "en": "Not stated yet: add notes to the strategy questions of the assessment.",
        "zh": "尚未填写：请在评估的战略类问题中补充说明。",
    },
    "vendors.spec.h_glossary": {"en": "7. Glossary", "zh": "七、术语表"},
    "vendors.spec.term": {"en": "Term", "zh": "术语"},
    "vendors.spec.definition": {"en": "Definition", "zh": "释义"},
    "vendors.spec.item": {"en": "Item", "zh": "项目"},
    "vendors.spec.value": {"en": "Value", "zh": "内容"},
    "vendors.spec.organization": {"en": "Organisation", "zh": "企业名称"},
    "vendors.spec.industry": {"en": "Industry", "zh": "行业"},
    "vendors.spec.size": {"en": "Size", "zh": "企业规模"},
    "vendors.spec.users": {"en": "CRM users at go-live", "zh": "上线用户数"},
    "vendors.spec.deployment": {"en": "Deployment", "zh": "部署方式"},
    "vendors.spec.scope": {"en": "Modules in scope", "zh": "实施模块"},
    "vendors.spec.integrations": {"en": "Integrations", "zh": "集成系统"},
    "vendors.spec.data_migration": {"en": "Data migration", "zh": "数据迁移"},
    "vendors.spec.customization": {"en": "Expected customisation", "zh": "预计定制程度"},
    "vendors.spec.yes": {"en": "yes", "zh": "是"},
    "vendors.spec.no": {"en": "no", "zh": "否"},
    "vendors.prio.must": {"en": "must", "zh": "必须"},
    "vendors.prio.should": {"en": "should", "zh": "应该"},
    "vendors.prio.could": {"en": "could", "zh": "可以"},
    # --- errors ---
    "vendors.err.cost_missing": {"en": "cost file not found: {path}",
                                 "zh": "找不到成本文件：{path}"},
    "vendors.err.no_finance": {
        "en": "cost files need the finance module (crm_readiness.workflows.finance); give the "
              "cost as a number instead",
        "zh": "成本文件需要财务模块（crm_readiness.workflows.finance）；请改为直接填写成本数字",
    },
    "vendors.err.cost_from": {"en": "this cost file is referenced from {file} at {where}",
                              "zh": "该成本文件由 {file} 的 {where} 引用"},
    "vendors.err.inconsistent": {
        "en": "the AHP judgements are inconsistent: CR = {cr} > 0.10 (RI from {table}); most "
              "inconsistent pairs (judged vs implied by the weights): {pairs}. Revise them, or "
              "pass --accept-inconsistent",
        "zh": "AHP 两两比较判断不一致：CR = {cr} > 0.10（RI 取自 {table}）；最不一致的比较对"
              "（判断值 vs 权重隐含值）：{pairs}。请修改判断，或使用 --accept-inconsistent",
    },
    # --- demo ---
    "vendors.demo.section": {"en": "Vendor selection", "zh": "系统选型"},
    "vendors.demo.summary": {"en": "Leader: {leader}; knocked out: {out}.",
                             "zh": "领先：{leader}；一票否决：{out}。"},
    "vendors.demo.html": {"en": "Vendor comparison (HTML)", "zh": "供应商对比（HTML）"},
    "vendors.demo.xlsx": {"en": "Live comparison workbook (Excel)", "zh": "实时对比工作簿（Excel）"},
    "vendors.demo.md": {"en": "Vendor comparison (Markdown)", "zh": "供应商对比（Markdown）"},
    "vendors.demo.json": {"en": "Vendor comparison (JSON)", "zh": "供应商对比（JSON）"},
    "vendors.demo.scorecard": {"en": "Scorecard: {name}", "zh": "评分卡：{name}"},
    "vendors.demo.rfp": {"en": "RFP response workbook for vendors", "zh": "供应商 RFP 响应表"},
    "vendors.demo.spec_html": {"en": "Requirements specification (HTML)",
                               "zh": "需求说明书（HTML）"},
    "vendors.demo.spec_docx": {"en": "Requirements specification (Word)",
                               "zh": "需求说明书（Word）"},
    "vendors.demo.vendors_input": {"en": "Input: vendors file", "zh": "输入：供应商评估文件"},
    "vendors.demo.requirements_input": {"en": "Input: requirements catalogue",
                                        "zh": "输入：需求目录"},
    # --- command line ---
    "vendors.cli.help": {
        "en": "Vendor selection: RFP workbooks, importing responses, the live comparison "
              "workbook and scorecards.",
        "zh": "系统选型：RFP 响应表、导入供应商响应、实时对比工作簿与评分卡。",
    },
    "vendors.cli.requirements_help": {"en": "The requirements catalogue.", "zh": "需求目录。"},
    "vendors.cli.opt_requirements": {
        "en": "Requirements catalogue YAML (default: the one the vendors file names, else the "
              "packaged standard catalogue).",
        "zh": "需求目录 YAML（默认：供应商文件中指定的目录，否则为内置标准目录）。",
    },
    "vendors.cli.compare_help": {
        "en": "Score and rank vendors (fit, AHP or direct weights, knockouts, robustness); write "
              "the live comparison workbook, scorecards, summary and JSON.",
        "zh": "为供应商评分与排名（匹配度、AHP 或直接权重、一票否决、稳健性）；"
              "输出实时对比工作簿、评分卡、汇总与 JSON。",
    },
    "vendors.cli.arg_vendors": {"en": "The vendors file (YAML).", "zh": "供应商评估文件（YAML）。"},
    "vendors.cli.opt_out_compare": {
        "en": "Output folder, or a path ending in .xlsx for the workbook (other formats go next "
              "to it).",
        "zh": "输出文件夹，或以 .xlsx 结尾的工作簿路径（其他格式写在同一目录）。",
    },
    "vendors.cli.opt_accept": {
        "en": "Use AHP weights even when the consistency ratio CR exceeds 0.10.",
        "zh": "即使 AHP 一致性比率 CR 超过 0.10 仍使用其权重。",
    },
    "vendors.cli.ahp_line": {"en": "AHP weights: CR = {cr} (RI: {table}).",
                             "zh": "AHP 权重：CR = {cr}（RI：{table}）。"},
    "vendors.cli.rfp_help": {
        "en": "Write the RFP response workbook a vendor fills in (dropdowns, protected structure).",
        "zh": "生成供应商填写的 RFP 响应工作簿（下拉选择、结构受保护）。",
    },
    "vendors.cli.opt_out_rfp": {"en": "Workbook to write.", "zh": "要写入的工作簿。"},
    "vendors.cli.opt_vendor": {"en": "Vendor name to pre-fill.", "zh": "预先填写的供应商名称。"},
    "vendors.cli.opt_vendor_id": {"en": "Vendor id to pre-fill (letters, digits, _).",
                                  "zh": "预先填写的供应商编号（字母、数字、下划线）。"},
    "vendors.cli.import_help": {
        "en": "Read filled RFP workbooks into the vendors file; every invalid or missing cell is "
              "reported by sheet and cell.",
        "zh": "将已填写的 RFP 工作簿导入供应商文件；逐一报告无效或缺失的单元格（工作表与单元格位置）。",
    },
    "vendors.cli.arg_rfp_files": {"en": "Filled RFP workbooks (.xlsx).",
                                  "zh": "已填写的 RFP 工作簿（.xlsx）。"},
    "vendors.cli.opt_vendors": {
        "en": "Vendors file to create or update (updating needs --force).",
        "zh": "要创建或更新的供应商文件（更新已有文件需 --force）。",
    },
    "vendors.cli.opt_strict": {"en": "Write nothing if any cell is invalid or missing (exit 3).",
                               "zh": "若有任何无效或缺失单元格则不写入（退出码 3）。"},
    "vendors.cli.imported": {"en": "{vendor}: {n} responses imported.",
                             "zh": "{vendor}：已导入 {n} 条响应。"},
    "vendors.cli.import_problems": {
        "en": "{n} cells need attention (listed above); the valid responses were imported.",
        "zh": "{n} 个单元格需要处理（见上方列表）；有效响应已导入。",
    },
    "vendors.cli.init_help": {
        "en": "Copy the packaged standard CRM requirements catalogue for tailoring.",
        "zh": "复制内置的标准 CRM 需求目录以便裁剪。",
    },
    "vendors.cli.arg_init": {"en": "Where to write the catalogue.", "zh": "目录文件的写入位置。"},
    "vendors.cli.opt_answers": {"en": "The assessment answers file (profile and strategy notes).",
                                "zh": "评估答卷文件（企业概况与战略说明）。"},
    "vendors.cli.spec_help": {
        "en": "Write the requirements specification (需求说明书) from the catalogue, the profile "
              "and the strategy answers, as md, html and docx.",
        "zh": "依据需求目录、企业概况与战略答卷生成《需求说明书》（md、html、docx）。",
    },
}

# messages of the evaluation panel, group AHP, demonstrations and honest ranks live in their
# own module to keep files small; they are one catalogue with these
from crm_readiness.i18n._vendors_panel import MESSAGES as _PANEL  # noqa: E402

MESSAGES.update(_PANEL)
