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
        "en": "Most problems listed in the issues workbook per column and rule, and most "
              "duplicate clusters listed (every row is in the CSVs beside it).",
        "zh": "问题工作簿中每列每条规则最多列出的问题数，以及最多列出的重复簇数"
              "（全部行见旁边的 CSV 文件）。",
    },
    "data.opt.memory": {
        "en": "Memory ceiling of the data engine, e.g. 2GB, 1500MiB or 40% (default: a quarter "
              "of the machine's memory, 256 MiB to 2 GiB; env CRM_READINESS_DATA_MEMORY).",
        "zh": "数据引擎的内存上限，如 2GB、1500MiB 或 40%（默认：本机内存的四分之一，"
              "介于 256 MiB 与 2 GiB 之间；环境变量 CRM_READINESS_DATA_MEMORY）。",
    },
    "data.opt.temp_dir": {
        "en": "Folder for the engine's spill files: what does not fit under the memory "
              "ceiling (default: the system temporary folder; env CRM_READINESS_DATA_TEMP).",
        "zh": "数据引擎溢出文件所在的文件夹：内存上限放不下的部分写到这里（默认：系统临时文件夹；"
              "环境变量 CRM_READINESS_DATA_TEMP）。",
    },
    # errors
    "data.err.memory": {
        "en": "{what}: {value!r} is not a memory size (write e.g. 2GB, 1500MiB or 40%; at "
              "least 64 MiB)",
        "zh": "{what}：{value!r} 不是有效的内存大小（示例：2GB、1500MiB 或 40%；至少 64 MiB）",
    },
    "data.err.out_of_memory": {
        "en": "the data engine needed more memory than its ceiling of {limit} for this export: "
              "raise it with --memory-limit (or CRM_READINESS_DATA_MEMORY), e.g. "
              "--memory-limit 4GB, or use fewer threads (CRM_READINESS_DATA_THREADS=1); "
              "nothing was written",
        "zh": "数据引擎处理此导出所需的内存超出了上限 {limit}：请用 --memory-limit"
              "（或 CRM_READINESS_DATA_MEMORY）调高上限，例如 --memory-limit 4GB，"
              "或减少线程（CRM_READINESS_DATA_THREADS=1）；未写入任何文件",
    },
    "data.err.temp_dir": {"en": "{what}: {path} is not an existing folder",
                          "zh": "{what}：{path} 不是已存在的文件夹"},
    "data.err.threads": {"en": "{what}: {value!r} is not a whole number of threads (1 or more)",
                         "zh": "{what}：{value!r} 不是有效的线程数（1 或以上的整数）"},
    "data.err.empty": {"en": "has no data rows", "zh": "没有数据行"},
    "data.err.regex_engine": {
        "en": "the pattern {pattern!r} cannot run in the data engine (RE2: no lookaround, no "
              "backreferences): {detail}",
        "zh": "正则表达式 {pattern!r} 无法在数据引擎中运行（RE2 不支持环视与反向引用）：{detail}",
    },
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
    "data.err.csv_shape": {
        "en": "rows do not all have the same number of fields (near line {line}); check the "
              "delimiter ({delimiter}, or give --delimiter) and unbalanced quotes",
        "zh": "各行字段数不一致（约第 {line} 行）；请检查分隔符（{delimiter}，或用 --delimiter 指定）"
              "以及未配对的引号",
    },
    "data.err.not_tabular": {
        "en": "is a {suffix} file, not an export of records: give a CSV/TSV file or a workbook "
              "(.xlsx, .xlsm, .xlsb, .xls, .ods)",
        "zh": "是 {suffix} 文件，不是记录导出：请提供 CSV/TSV 文件或工作簿（.xlsx、.xlsm、.xlsb、.xls、.ods）",
    },
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
    # terminal, progress, notes
    "data.progress.load": {"en": "Reading the export", "zh": "正在读取导出数据"},
    "data.progress.validate": {"en": "Validating values", "zh": "正在校验取值"},
    "data.progress.metrics": {"en": "Measuring columns", "zh": "正在度量各列"},
    "data.progress.duplicates": {"en": "Finding duplicates", "zh": "正在查找重复客户"},
    "data.progress.done": {"en": "Done", "zh": "完成"},
    "data.progress.write": {"en": "Writing the outputs", "zh": "正在写出结果文件"},
    "data.progress.sample": {"en": "Drawing the sample", "zh": "正在抽取样本"},
    "data.progress.rules": {"en": "Drafting rules", "zh": "正在草拟规则"},
    "data.progress.line": {"en": "[{elapsed}] {stage} … {pct}%{eta}",
                           "zh": "[{elapsed}] {stage}……已完成 {pct}%{eta}"},
    "data.progress.eta": {"en": " (about {left} left)", "zh": "（预计还需约 {left}）"},
    "data.progress.finished": {"en": "[{elapsed}] Done", "zh": "[{elapsed}] 完成"},
    "data.cli.score": {
        "en": "Data-readiness score {score} (target {target}); records passing the mandatory "
              "fields {pass_rate}.",
        "zh": "数据就绪度得分 {score}（目标 {target}）；必填字段全部合格的记录占 {pass_rate}。",
    },
    "data.cli.rules_next": {
        "en": "Review and edit {path}, then run: crm-readiness data profile FILE --rules {path}",
        "zh": "请检查并修改 {path}，然后运行：crm-readiness data profile 文件 --rules {path}",
    },
    "data.opt.csv_safe": {
        "en": "--csv-safe (default): a field starting with = + - @ (or tab, CR, their "
              "full-width forms) gets a leading ' and control characters become visible, so "
              "no spreadsheet evaluates it. --raw: write every value verbatim, for an importer "
              "that never passes through a spreadsheet.",
        "zh": "--csv-safe（默认）：以 = + - @（或制表符、回车及其全角形式）开头的字段前加 '，"
              "控制字符替换为可见符号，任何电子表格都不会将其当作公式执行。--raw：原样写出所有取值，"
              "仅用于不经过电子表格的导入程序。",
    },
    "data.cli.raw_warning": {
        "en": "Warning: --raw wrote values verbatim; a field starting with = + - @ may run as "
              "a formula if this file is opened in Excel or LibreOffice.",
        "zh": "警告：--raw 原样写出了取值；若用 Excel 或 LibreOffice 打开此文件，以 = + - @ "
              "开头的字段可能被当作公式执行。",
    },
    "data.cli.cleaned": {
        "en": "{rows} records written; {changed} values normalised; {clusters} duplicate "
              "clusters marked.",
        "zh": "已写出 {rows} 条记录；规范化 {changed} 个取值；标记 {clusters} 个重复簇。",
    },
    "data.note.rules_inferred": {
        "en": "No rules file was given: the rules were drafted from the data. Run "
              "'data rules init' to keep and edit them.",
        "zh": "未提供规则文件：规则根据数据自动起草。可运行 'data rules init' 保存并修改。",
    },
    "data.note.fuzzy_off": {
        "en": "Fuzzy duplicate matching was switched off: clusters come from exact keys only.",
        "zh": "已关闭模糊查重：重复簇仅依据精确键得出。",
    },
    "data.rules_init.renamed": {
        "en": "WARNING: the header has blank or repeated column names; they were read as\n"
              "{columns}. Give every column its own name in the source file before\n"
              "relying on these rules.",
        "zh": "警告：表头中有空白或重复的列名，已被读作 {columns}。\n"
              "请先在源文件中为每一列取唯一的列名，再使用这些规则。",
    },
    "data.rules_init.header": {
        "en": "Draft rules for {path}, drafted from a sample of the data. Check every column:\n"
              "required, format (cn_mobile, cn_landline, email, date, cn_uscc, number, enum,\n"
              "regex, text), enum, pattern, unique, min/max, thresholds, max_age_days,\n"
              "city_column; and the duplicates block. See docs/data.md.",
        "zh": "根据 {path} 的数据样本起草的规则。请逐列检查：required、format、enum、pattern、\n"
              "unique、min/max、thresholds、max_age_days、city_column 以及 duplicates 部分。\n"
              "详见 docs/data.md。",
    },
    "data.answer_note": {
        "en": "Measured by data profile: {measure} over {rows} records (as of {as_of}).",
        "zh": "由数据画像实测：{measure}，共 {rows} 条记录（基准日 {as_of}）。",
    },
    "data.demo.summary": {
        "en": "{rows} records of a messy export: readiness {score}, {clusters} duplicate clusters.",
        "zh": "一份待清洗导出数据的 {rows} 条记录：就绪度 {score}，{clusters} 个重复簇。",
    },
    # dimensions and verdicts
    "data.dim.completeness": {"en": "Completeness", "zh": "完整性"},
    "data.dim.validity": {"en": "Validity", "zh": "有效性"},
    "data.dim.uniqueness": {"en": "Uniqueness", "zh": "唯一性"},
    "data.dim.consistency": {"en": "Consistency", "zh": "一致性"},
    "data.dim.timeliness": {"en": "Timeliness", "zh": "及时性"},
    "data.dim_help.completeness": {
        "en": "Filled values of the required columns (placeholders count as missing).",
        "zh": "必填列中已填写的取值占比（占位符视为缺失）。",
    },
    "data.dim_help.validity": {
        "en": "Filled values that pass their format, enum, pattern and range.",
        "zh": "已填写取值中符合格式、枚举、模式与范围的占比。",
    },
    "data.dim_help.uniqueness": {
        "en": "Distinct customers per record: 1 − records merged away by duplicate clusters.",
        "zh": "每条记录对应不同客户的程度：1 − 被重复簇合并掉的记录占比。",
    },
    "data.dim_help.consistency": {
        "en": "Landline area codes that agree with the customer's city.",
        "zh": "座机区号与客户所在城市一致的占比。",
    },
    "data.dim_help.timeliness": {
        "en": "Dates within the allowed age of the reference date.",
        "zh": "日期在基准日允许时限之内的占比。",
    },
    # report
    "data.report.title": {"en": "Data readiness profile", "zh": "数据就绪度画像"},
    "data.report.subtitle": {
        "en": "{rows} records from {files} file(s), as of {as_of}",
        "zh": "{files} 个文件共 {rows} 条记录，基准日 {as_of}",
    },
    "data.report.rules": {"en": "rules: {path}", "zh": "规则：{path}"},
    "data.report.rules_inferred": {"en": "rules drafted from the data",
                                   "zh": "规则根据数据自动起草"},
    "data.report.score": {"en": "Data-readiness score", "zh": "数据就绪度得分"},
    "data.report.target": {"en": "target {target}", "zh": "目标 {target}"},
    "data.report.pass_rate": {"en": "Records passing mandatory fields",
                              "zh": "必填字段合格的记录"},
    "data.report.pass_rate_help": {"en": "{n} of {rows} records", "zh": "{rows} 条中的 {n} 条"},
    "data.report.duplicates": {"en": "Duplicates", "zh": "重复客户"},
    "data.report.dup_card": {"en": "records to merge away ({clusters} clusters, {records} records)",
                             "zh": "条可合并掉的记录（{clusters} 个簇，{records} 条记录）"},
    "data.report.changes": {"en": "Values normalisation would change",
                            "zh": "规范化将改写的取值"},
    "data.report.issue_rows": {"en": "{n} records with at least one problem",
                               "zh": "{n} 条记录至少有一个问题"},
    "data.report.dimensions": {"en": "Data-quality dimensions", "zh": "数据质量维度"},
    "data.report.dimension": {"en": "Dimension", "zh": "维度"},
    "data.report.value": {"en": "Value", "zh": "取值"},
    "data.report.target_col": {"en": "Target", "zh": "目标"},
    "data.report.checked": {"en": "Checked", "zh": "检查数"},
    "data.report.not_assessed": {"en": "not assessed", "zh": "未评估"},
    "data.report.ok": {"en": "meets target", "zh": "达标"},
    "data.report.below": {"en": "below target", "zh": "未达标"},
    "data.report.columns": {"en": "Columns", "zh": "各列"},
    "data.report.column": {"en": "Column", "zh": "列"},
    "data.report.format": {"en": "Format", "zh": "格式"},
    "data.report.missing": {"en": "Missing", "zh": "缺失"},
    "data.report.invalid": {"en": "Invalid", "zh": "无效"},
    "data.report.changed": {"en": "Normalised", "zh": "需规范化"},
    "data.report.other": {"en": "Other checks", "zh": "其他检查"},
    "data.report.required": {"en": "required", "zh": "必填"},
    "data.report.unique": {"en": "unique", "zh": "唯一"},
    "data.report.placeholders": {"en": "{n} placeholders", "zh": "{n} 个占位符"},
    "data.report.inconsistent": {"en": "{n} inconsistent ", "zh": "{n} 个不一致 "},
    "data.report.stale": {"en": "{n} stale ", "zh": "{n} 个过期 "},
    "data.report.repeats": {"en": "{n} repeated ", "zh": "{n} 个重复 "},
    "data.report.chart_completeness": {"en": "Completeness per column (%)",
                                       "zh": "各列完整性（%）"},
    "data.report.chart_validity": {"en": "Validity per checked column (%)",
                                   "zh": "各校验列有效性（%）"},
    "data.report.examples": {"en": "Examples", "zh": "示例"},
    "data.report.change_examples": {"en": "As entered → normalised", "zh": "原值 → 规范化值"},
    "data.report.invalid_examples": {"en": "Invalid values", "zh": "无效取值"},
    "data.report.dup_summary": {
        "en": "{clusters} duplicate clusters holding {records} records; merging would remove "
              "{redundant} records.",
        "zh": "共 {clusters} 个重复簇，涉及 {records} 条记录；合并后可去除 {redundant} 条记录。",
    },
    "data.report.weakest": {
        "en": "weakest: {dimension} {value}",
        "zh": "最弱维度：{dimension} {value}",
    },
    "data.report.dup_precision": {
        "en": "Expected precision of the duplicate pairs: {precision} (each link's match "
              "probability under the rules' Fellegi–Sunter model).",
        "zh": "重复记录对的预期精确率：{precision}（按规则中 Fellegi–Sunter 模型给出的每条链接的匹配概率计算）。",
    },
    "data.report.dup_estimated": {
        "en": "The model's m/u and prior were estimated from the data by EM on {pairs} candidate "
              "pairs ({iterations} iterations; u started from {random} random pairs).",
        "zh": "模型的 m/u 与先验概率由数据本身估计：在 {pairs} 对候选记录上运行 EM（{iterations} 次迭代；"
              "u 以 {random} 对随机记录为初值）。",
    },
    "data.report.dup_key_links": {
        "en": "{n} links come from the exact keys alone (a shared key is kept as a duplicate).",
        "zh": "{n} 条链接仅来自精确主键（共享主键即视为重复）。",
    },
    "data.report.dup_fuzzy": {
        "en": "Fuzzy matching compared {pairs} candidate pairs (blocking) and matched {matched}; "
              "{skipped} oversized blocks were skipped.",
        "zh": "模糊匹配在分块后比较了 {pairs} 对候选记录，匹配 {matched} 对；跳过 {skipped} 个过大的分块。",
    },
    "data.report.exact_line": {"en": "{groups} groups, {records} records share a value",
                               "zh": "{groups} 组、{records} 条记录取值相同"},
    "data.report.key": {"en": "Key", "zh": "键"},
    "data.report.groups": {"en": "Groups", "zh": "组数"},
    "data.report.records": {"en": "Records", "zh": "记录数"},
    "data.report.top_values": {"en": "Most shared values", "zh": "共享最多的取值"},
    "data.report.hubs": {"en": "Hub values (not used as evidence)",
                         "zh": "枢纽取值（不作为重复证据）"},
    "data.report.more_hubs": {
        "en": "… and {n} more hub values (the JSON report lists the {kept} most shared of each "
              "column).",
        "zh": "……另有 {n} 个枢纽取值（JSON 报告按列列出共用最多的 {kept} 个）。"},
    "data.report.more_clusters": {
        "en": "The {shown} largest of {total} clusters are shown; every cluster is in the issues "
              "workbook and the duplicates CSV beside it.",
        "zh": "此处列出 {total} 个簇中最大的 {shown} 个；全部簇见问题工作簿及其旁边的重复簇 CSV。",
    },
    "data.report.more_members": {"en": "… and {n} more records of this cluster.",
                                 "zh": "……该簇另有 {n} 条记录。"},
    "data.report.hubs_help": {
        "en": "A key value shared by many records — a switchboard or 400 number, a dummy "
              "mobile — would chain unrelated customers together; it is ignored for matching.",
        "zh": "被大量记录共用的键值（总机号、400 号码、虚拟手机号）会把无关客户串在一起，"
              "匹配时予以忽略。",
    },
    "data.report.cluster": {"en": "Cluster {id} ({size} records)", "zh": "重复簇 {id}（{size} 条记录）"},
    "data.report.row": {"en": "Row", "zh": "行"},
    "data.report.survivor": {"en": "keep", "zh": "建议保留"},
    "data.report.evidence": {"en": "match {score}:", "zh": "匹配度 {score}："},
    "data.report.how_to_read": {"en": "How to read this report", "zh": "如何阅读本报告"},
    "data.report.how_to_read_text": {
        "en": "Each dimension is a share of what could be checked; 'not assessed' is left out "
              "of the score, not counted as zero. The score is the weighted mean of the "
              "assessed dimensions against the 95% target. Fix the columns marked below target "
              "first, then review the duplicate clusters in the issues workbook and test-migrate "
              "the sample.",
        "zh": "每个维度都是可检查部分中的合格比例；“未评估”的维度不计入得分，而不是按零计。"
              "得分为已评估维度的加权平均，目标为 95%。请先修正未达标的列，再在问题工作簿中"
              "复核重复簇，并用样本进行迁移测试。",
    },
    # workbook
    "data.wb.summary": {"en": "Summary", "zh": "概览"},
    "data.wb.issues": {"en": "Issues", "zh": "问题"},
    "data.wb.duplicates": {"en": "Duplicate clusters", "zh": "重复簇"},
    "data.wb.files": {"en": "Files", "zh": "文件"},
    "data.wb.readme": {
        "en": "Issues: one line per problem with the rule broken and the suggested fix. "
              "Duplicate clusters: records of one customer side by side; write merge, keep "
              "separate or review in the decision column.",
        "zh": "问题：每行一个问题，列出违反的规则与建议的修正。重复簇：同一客户的记录并排列出；"
              "请在决定列填写 合并、分别保留 或 待复核。",
    },
    "data.wb.capped": {
        "en": "… at most {n} problems per column and rule are listed (see --max-issue-rows); "
              "every problem row is in {csv}.",
        "zh": "……每列每条规则最多列出 {n} 个问题（见 --max-issue-rows）；全部问题行见 {csv}。",
    },
    "data.wb.counts_title": {
        "en": "Problems per column and rule (at most {n} listed in the Issues sheet; all in {csv})",
        "zh": "按列与规则统计的问题（“问题”表每项最多列出 {n} 条；全部见 {csv}）",
    },
    "data.wb.col.total": {"en": "Problems", "zh": "问题数"},
    "data.wb.col.listed": {"en": "Listed", "zh": "已列出"},
    "data.wb.col.cut": {"en": "Not listed", "zh": "未列出"},
    "data.wb.no_issues": {"en": "No problems were found.", "zh": "未发现问题。"},
    "data.wb.clusters_listed": {
        "en": "Duplicate clusters: {listed} of {total} listed in the clusters sheet; all in {csv}.",
        "zh": "重复簇：共 {total} 个，重复簇表列出 {listed} 个；全部见 {csv}。",
    },
    "data.wb.clusters_capped": {
        "en": "… {listed} of {total} clusters are listed (see --max-issue-rows); every cluster "
              "row is in {csv}.",
        "zh": "……共 {total} 个簇，此处列出 {listed} 个（见 --max-issue-rows）；全部簇记录见 {csv}。",
    },
    "data.wb.more_hubs": {
        "en": "… and {n} more hub values (the JSON report lists the {kept} most shared of each "
              "column).",
        "zh": "……另有 {n} 个枢纽取值（JSON 报告按列列出共用最多的 {kept} 个）。"},
    "data.wb.no_clusters": {"en": "No duplicate clusters were found.", "zh": "未发现重复簇。"},
    "data.wb.yes": {"en": "keep", "zh": "保留"},
    "data.wb.no": {"en": "merge into kept record", "zh": "并入保留记录"},
    "data.wb.col.row": {"en": "Row", "zh": "行"},
    "data.wb.col.file": {"en": "File", "zh": "文件"},
    "data.wb.col.column": {"en": "Column", "zh": "列"},
    "data.wb.col.value": {"en": "Value as entered", "zh": "原值"},
    "data.wb.col.rule": {"en": "Rule broken", "zh": "违反的规则"},
    "data.wb.col.fix": {"en": "Suggested fix", "zh": "建议修正"},
    "data.wb.col.detail": {"en": "Detail", "zh": "说明"},
    "data.wb.col.decision": {"en": "Steward's decision", "zh": "数据专员决定"},
    "data.wb.col.cluster": {"en": "Cluster", "zh": "簇"},
    "data.wb.col.survivor": {"en": "Suggestion", "zh": "建议"},
    "data.wb.col.score": {"en": "Match score", "zh": "匹配度"},
    # rules broken and their fixes
    "data.rule.missing_required": {"en": "required value missing", "zh": "必填值缺失"},
    "data.rule.invalid_format": {"en": "invalid format", "zh": "格式无效"},
    "data.rule.not_in_enum": {"en": "not an allowed value", "zh": "不在允许取值内"},
    "data.rule.pattern": {"en": "does not match the pattern", "zh": "不符合模式"},
    "data.rule.below_min": {"en": "below the minimum", "zh": "低于最小值"},
    "data.rule.above_max": {"en": "above the maximum", "zh": "高于最大值"},
    "data.rule.inconsistent": {"en": "area code disagrees with the city",
                               "zh": "区号与城市不一致"},
    "data.rule.stale": {"en": "out of date", "zh": "已过期"},
    "data.rule.not_unique": {"en": "repeats an earlier value", "zh": "与之前的取值重复"},
    "data.fix.missing_required": {"en": "Fill it in from the source system or the account owner.",
                                  "zh": "从源系统或客户负责人处补全。"},
    "data.fix.pattern": {"en": "Correct the value to the agreed pattern.",
                         "zh": "按约定的模式更正取值。"},
    "data.fix.below_min": {"en": "Check the value; it is below the allowed minimum.",
                           "zh": "核对取值：低于允许的最小值。"},
    "data.fix.above_max": {"en": "Check the value; it is above the allowed maximum.",
                           "zh": "核对取值：高于允许的最大值。"},
    "data.fix.not_in_enum": {"en": "Map it to one of: {detail}.", "zh": "映射为以下之一：{detail}。"},
    "data.fix.inconsistent": {"en": "Check the number or the city; the city's area code is {detail}.",
                              "zh": "核对号码或城市：该城市的区号为 {detail}。"},
    "data.fix.stale": {"en": "Confirm the customer is still active ({detail}).",
                       "zh": "确认该客户是否仍然活跃（{detail}）。"},
    "data.fix.not_unique": {"en": "Same value as row {detail}: merge or correct.",
                            "zh": "与第 {detail} 行取值相同：合并或更正。"},
    "data.fix.format.text": {"en": "Correct the value.", "zh": "更正取值。"},
    "data.fix.format.cn_mobile": {
        "en": "Check the number: a mainland mobile has 11 digits starting 13–19 (+86 allowed).",
        "zh": "核对号码：大陆手机号为 11 位、以 13–19 开头（可带 +86）。",
    },
    "data.fix.format.cn_landline": {
        "en": "Write area code and number, e.g. 021-52345678 (or a 400/800 number).",
        "zh": "写明区号与号码，例如 021-52345678（或 400/800 号码）。",
    },
    "data.fix.format.email": {"en": "Correct the address: name@domain.tld.",
                              "zh": "更正邮箱地址：name@domain.tld。"},
    "data.fix.format.date": {
        "en": "Use a real date, e.g. 2024-05-01 (2024/5/1, 20240501, 2024年5月1日 are read too).",
        "zh": "使用真实存在的日期，例如 2024-05-01（也可识别 2024/5/1、20240501、2024年5月1日）。",
    },
    "data.fix.format.cn_uscc": {
        "en": "Check the 18-character credit code against the business licence (check "
              "character wrong or characters not allowed).",
        "zh": "对照营业执照核对 18 位统一社会信用代码（校验码错误或含不允许的字符）。",
    },
    "data.fix.format.number": {"en": "Write a number, e.g. 1234.5.", "zh": "填写数字，例如 1234.5。"},
    "data.fix.format.enum": {"en": "Map it to one of: {allowed}.", "zh": "映射为以下之一：{allowed}。"},
    "data.fix.format.regex": {"en": "Correct the value to the agreed pattern.",
                              "zh": "按约定的模式更正取值。"},
}
