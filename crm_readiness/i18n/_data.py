"""Messages of data readiness: the ``data`` commands, errors, reports and the workbook."""

MESSAGES: dict[str, dict[str, str]] = {
    # commands and options
    "data.help": {
        "en": "Data readiness: profile, validate and deduplicate the customer data to migrate.",
        "zh": "数据就绪度：对待迁移的客户数据进行画像、校验与去重。",
    },
    "data.profile.help": {
        "en": "Measure a CSV/XLSX export against a rules file: completeness, validity, "
              "uniqueness, consistency, timeliness, duplicates and a readiness score; write "
              "reports, the steward's issues workbook and a migration-test sample.",
        "zh": "按规则文件度量 CSV/XLSX 导出数据：完整性、有效性、唯一性、一致性、及时性、"
              "重复客户与数据就绪度得分；生成报告、数据专员问题工作簿与迁移测试样本。",
    },
    "data.rules.help": {"en": "Rules files (data contracts).", "zh": "规则文件（数据契约）。"},
    "data.rules_init.help": {
        "en": "Draft a rules file from a sample of the data (column names and value shapes → "
              "suggested formats) for you to edit.",
        "zh": "根据数据样本（列名与取值形态 → 建议格式）起草规则文件，供您修改。",
    },
    "data.clean.help": {
        "en": "Write a cleansed copy: normalised values, duplicate cluster ids and a suggested "
              "surviving record per cluster. The source is never modified.",
        "zh": "生成清洗后的副本：规范化取值、重复簇编号及每簇建议保留的记录。源文件不会被修改。",
    },
    "data.arg.files": {
        "en": "CSV or XLSX files of one export (read together).",
        "zh": "同一批导出的 CSV 或 XLSX 文件（合并读取）。",
    },
    "data.opt.rules": {
        "en": "Rules file (YAML). Without it, rules are drafted from the data.",
        "zh": "规则文件（YAML）。不提供时根据数据自动起草规则。",
    },
    "data.opt.encoding": {
        "en": "CSV encoding (utf-8, gb18030, gbk …); detected when not given.",
        "zh": "CSV 编码（utf-8、gb18030、gbk 等）；不指定时自动识别。",
    },
    "data.opt.sheet": {"en": "XLSX sheet to read (default: the first).",
                       "zh": "要读取的 XLSX 工作表（默认第一个）。"},
    "data.opt.delimiter": {"en": "CSV delimiter; sniffed when not given.",
                           "zh": "CSV 分隔符；不指定时自动识别。"},
    "data.opt.sample": {
        "en": "Rows in the migration-test sample (stratified: problem rows and duplicates "
              "represented); 0 writes none.",
        "zh": "迁移测试样本的行数（分层抽样，问题行与重复记录均有代表）；0 表示不生成。",
    },
    "data.opt.fuzzy": {
        "en": "Find fuzzy duplicate clusters (when the rules define them).",
        "zh": "查找模糊重复簇（规则中已定义时）。",
    },
    "data.opt.fail_under": {
        "en": "Exit with code 1 when the data-readiness score is below N (0–100).",
        "zh": "数据就绪度得分低于 N（0–100）时以退出码 1 结束。",
    },
    "data.opt.rules_out": {"en": "Where to write the draft rules file.",
                           "zh": "草拟规则文件的输出路径。"},
    "data.opt.clean_out": {"en": "Where to write the cleansed copy (CSV).",
                           "zh": "清洗后副本（CSV）的输出路径。"},
    "data.opt.max_issues": {
        "en": "Most problem rows listed in the issues workbook.",
        "zh": "问题工作簿中最多列出的问题行数。",
    },
    # errors
    "data.err.empty": {"en": "has no data rows", "zh": "没有数据行"},
    "data.err.binary": {
        "en": "is a binary file, not CSV text (an XLSX workbook needs the .xlsx suffix)",
        "zh": "是二进制文件而不是 CSV 文本（XLSX 工作簿须使用 .xlsx 后缀）",
    },
    "data.err.encoding": {
        "en": "is not valid {encoding} text at line {line} (byte {pos}); give the right "
              "--encoding (utf-8, gb18030)",
        "zh": "第 {line} 行（第 {pos} 字节）不是有效的 {encoding} 文本；请用 --encoding "
              "指定正确的编码（utf-8、gb18030）",
    },
    "data.err.encoding_unknown": {
        "en": "is neither UTF-8 nor GB18030/GBK text; give its --encoding",
        "zh": "既不是 UTF-8 也不是 GB18030/GBK 文本；请用 --encoding 指定编码",
    },
    "data.err.unknown_encoding": {"en": "unknown encoding {encoding!r}",
                                  "zh": "未知编码 {encoding!r}"},
    "data.err.csv": {"en": "cannot be read as CSV: {detail}", "zh": "无法按 CSV 读取：{detail}"},
    "data.err.xlsx": {"en": "cannot be read as a workbook: {detail}",
                      "zh": "无法按工作簿读取：{detail}"},
    "data.err.sheet": {"en": "has no sheet {sheet!r} (sheets: {sheets})",
                       "zh": "没有工作表 {sheet!r}（现有工作表：{sheets}）"},
    "data.err.column_missing": {
        "en": "column {column!r} is not in the data (columns: {columns})",
        "zh": "数据中没有列 {column!r}（现有列：{columns}）",
    },
    "data.err.profile_json": {"en": "is not a data-profile JSON file {detail}",
                              "zh": "不是数据画像 JSON 文件 {detail}"},
    "data.err.same_as_source": {
        "en": "is one of the source files; the source is never overwritten",
        "zh": "是源文件之一；源文件不会被覆盖",
    },
    "data.err.fail_under": {
        "en": "Data-readiness score {score} is below {limit}.",
        "zh": "数据就绪度得分 {score} 低于 {limit}。",
    },
}
