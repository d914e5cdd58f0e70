"""Messages of the clerical review: the issues workbook's review sheet and labels read back."""

MESSAGES: dict[str, dict[str, str]] = {
    "data.opt.review": {
        "en": "Borderline candidate pairs in the issues workbook's clerical-review sheet "
              "(stratified over the match score around the threshold, seeded; 0 = none).",
        "zh": "问题工作簿“人工复核”表中的临界候选记录对数量（围绕匹配阈值按得分分层抽样，"
              "固定种子；0 = 不生成）。",
    },
    "data.opt.labels": {
        "en": "An issues workbook whose clerical-review decisions are used as labels: "
              "'same' pairs are linked, 'different' pairs kept apart, and the report states "
              "the measured precision.",
        "zh": "已填写人工复核决定的问题工作簿，作为标注使用：“同一客户”的记录对被合并，"
              "“不同客户”的记录对被分开，报告给出实测精确率。",
    },
    "data.progress.clerical": {"en": "Drawing the clerical-review pairs",
                               "zh": "正在抽取人工复核记录对"},
    "data.opt.rules_labels": {
        "en": "An issues workbook with clerical-review decisions: the match model is estimated "
              "with the labelled pairs kept at their decision (same = match, different = not).",
        "zh": "已填写人工复核决定的问题工作簿：估计匹配模型时，已标注的记录对按其决定固定"
              "（同一客户 = 匹配，不同客户 = 不匹配）。",
    },
    "data.wb.clerical": {"en": "Clerical review", "zh": "人工复核"},
    "data.rv.col.pair_id": {"en": "Pair id", "zh": "记录对编号"},
    "data.rv.col.decision": {"en": "Decision", "zh": "决定"},
    "data.rv.col.note": {"en": "Note", "zh": "备注"},
    "data.rv.col.probability": {"en": "Match probability", "zh": "匹配概率"},
    "data.rv.col.score": {"en": "Match score", "zh": "匹配得分"},
    "data.rv.col.model_match": {"en": "Rules link them", "zh": "规则判为重复"},
    "data.rv.col.same_cluster": {"en": "Same cluster", "zh": "同一簇"},
    "data.rv.col.file_a": {"en": "File A", "zh": "文件 A"},
    "data.rv.col.row_a": {"en": "Row A", "zh": "行号 A"},
    "data.rv.col.id_a": {"en": "Id A", "zh": "编号 A"},
    "data.rv.col.file_b": {"en": "File B", "zh": "文件 B"},
    "data.rv.col.row_b": {"en": "Row B", "zh": "行号 B"},
    "data.rv.col.id_b": {"en": "Id B", "zh": "编号 B"},
    "data.rv.col.fp_a": {"en": "Fingerprint A", "zh": "指纹 A"},
    "data.rv.col.fp_b": {"en": "Fingerprint B", "zh": "指纹 B"},
    "data.rv.col.value_a": {"en": "{column} A", "zh": "{column}（记录 A）"},
    "data.rv.col.value_b": {"en": "{column} B", "zh": "{column}（记录 B）"},
    "data.rv.col.agreement": {"en": "{column}: agreement", "zh": "{column}：一致程度"},
    "data.rv.decision.same": {"en": "same", "zh": "同一客户"},
    "data.rv.decision.different": {"en": "different", "zh": "不同客户"},
    "data.rv.decision.unsure": {"en": "unsure", "zh": "不确定"},
    "data.rv.agree.equal": {"en": "equal", "zh": "相同"},
    "data.rv.agree.disagree": {"en": "disagree", "zh": "不一致"},
    "data.rv.agree.empty": {"en": "– (empty)", "zh": "–（空值）"},
    "data.rv.agree.at_least": {"en": "similar ≥ {x}", "zh": "相似度 ≥ {x}"},
    "data.rv.yes": {"en": "yes", "zh": "是"},
    "data.rv.no": {"en": "no", "zh": "否"},
    "data.rv.prompt": {
        "en": "Choose same, different or unsure",
        "zh": "请选择：同一客户、不同客户或不确定",
    },
    "data.rv.readme": {
        "en": "{n} borderline pairs of {in_band} in the band {lo}–{hi} around the threshold "
              "{threshold} ({scanned} of {candidates} candidate pairs scored; {strata} equal "
              "score bands, seed {seed}). Fill the Decision column (same / different / unsure) "
              "and run data profile again with --labels THIS-FILE.",
        "zh": "阈值 {threshold} 附近 {lo}–{hi} 区间内共 {in_band} 对临界记录，本表列出 {n} 对"
              "（已对 {candidates} 对候选中的 {scanned} 对评分；按得分等分为 {strata} 层，种子 "
              "{seed}）。请填写“决定”列（同一客户 / 不同客户 / 不确定），然后使用 --labels "
              "本文件 再次运行 data profile。",
    },
    "data.rv.none": {
        "en": "No candidate pair lies in the band {lo}–{hi} around the threshold {threshold}.",
        "zh": "阈值 {threshold} 附近 {lo}–{hi} 区间内没有候选记录对。",
    },
    # the report
    "data.report.clerical": {"en": "Clerical review", "zh": "人工复核"},
    "data.report.clerical_sample": {
        "en": "{n} borderline pairs (of {in_band} in the band {lo}–{hi}) are in the issues "
              "workbook's Clerical review sheet for the steward to decide.",
        "zh": "问题工作簿的“人工复核”表列出 {n} 对临界记录（{lo}–{hi} 区间共 {in_band} 对），"
              "供数据专员判定。",
    },
    "data.report.labels": {
        "en": "Labels from {source}: {labelled} decided pairs ({same} same, {different} "
              "different, {unsure} unsure; {moved} records found at another row). Of the "
              "labelled pairs the rules link, {confirmed} were confirmed and {rejected} "
              "rejected: measured precision {measured} (model's estimate {expected}); {missed} "
              "'same' pairs the rules miss. {forced} links added, {apart} links dropped to keep "
              "'different' pairs apart.",
        "zh": "来自 {source} 的标注：共 {labelled} 对已判定（同一客户 {same}、不同客户 "
              "{different}、不确定 {unsure}；{moved} 条记录在其他行找到）。规则判为重复的已标注"
              "记录对中，{confirmed} 对被确认、{rejected} 对被否定：实测精确率 {measured}（模型"
              "估计 {expected}）；规则漏判的“同一客户”记录对 {missed} 对。新增 {forced} 条关联，"
              "为分开“不同客户”去掉 {apart} 条关联。",
    },
    "data.report.labels_conflicts": {
        "en": "{n} 'same' pairs were not linked: a 'different' label keeps their clusters "
              "apart.",
        "zh": "{n} 对“同一客户”未被合并：另一条“不同客户”标注使其所在簇保持分开。",
    },
    # reading labels back
    "data.labels.no_sheet": {
        "en": "not an issues workbook of data profile: it has no '{en}' / '{zh}' sheet",
        "zh": "不是 data profile 生成的问题工作簿：没有“{en}”/“{zh}”工作表",
    },
    "data.labels.no_header": {
        "en": "the column '{header}' is missing from the header row",
        "zh": "表头行缺少“{header}”列",
    },
    "data.labels.bad_decision": {
        "en": "'{value}' is not a decision; use one of: {allowed}",
        "zh": "“{value}”不是有效的决定；请使用：{allowed}",
    },
    "data.labels.bad_row": {
        "en": "'{value}' is not a row number",
        "zh": "“{value}”不是行号",
    },
    "data.labels.bad_fingerprint": {
        "en": "'{value}' is not a record fingerprint (16 hexadecimal digits)",
        "zh": "“{value}”不是记录指纹（16 位十六进制数字）",
    },
    "data.labels.unknown_pair": {
        "en": "pair id '{value}' does not belong to the fingerprints of its row (edited or "
              "from another workbook)",
        "zh": "记录对编号“{value}”与该行的记录指纹不符（被修改或来自其他工作簿）",
    },
    "data.labels.duplicate_pair": {
        "en": "pair '{value}' is decided twice (also in {other})",
        "zh": "记录对“{value}”被重复判定（另见 {other}）",
    },
    "data.labels.stale": {
        "en": "pair '{value}': record {side} (row {row}) is not in the data any more or has "
              "changed since the review; re-review the pair or clear its decision",
        "zh": "记录对“{value}”：记录 {side}（第 {row} 行）已不在数据中或自复核以来已修改；"
              "请重新复核或清除其决定",
    },
    "data.labels.needs_fuzzy": {
        "en": "--labels needs fuzzy duplicates: the rules must have a duplicates.fuzzy block "
              "and --no-fuzzy must not be given",
        "zh": "--labels 需要模糊查重：规则文件须包含 duplicates.fuzzy，且不能使用 --no-fuzzy",
    },
}
