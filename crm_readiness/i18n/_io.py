"""Messages of the file readers (io/): answers, checklists, vendors files, validation errors."""

MESSAGES: dict[str, dict[str, str]] = {
    "err.input_file_one": {"en": "Invalid input file: {path} (1 problem)",
                           "zh": "输入文件无效：{path}（1 个问题）"},
    "err.input_file_many": {"en": "Invalid input file: {path} ({n} problems)",
                            "zh": "输入文件无效：{path}（{n} 个问题）"},
    "err.at_line_column": {"en": "line {line}, column {column}", "zh": "第 {line} 行，第 {column} 列"},
    "err.cannot_write": {"en": "Cannot write {path}: {reason}", "zh": "无法写入 {path}：{reason}"},
    "err.at_line": {"en": "line {line}", "zh": "第 {line} 行"},
    "err.position": {"en": "({pos})", "zh": "（{pos}）"},
    "io.answers.unknown_question": {
        "en": "unknown question id {qid}",
        "zh": "未知的问题 id {qid}",
    },
    "io.answers.unknown_phase": {
        "en": "unknown question id {qid}; known phases: {phases}",
        "zh": "未知的问题 id {qid}；已有阶段：{phases}",
    },
    "io.answers.value_not_allowed": {
        "en": "{value} is not allowed here; use one of: {allowed}",
        "zh": "{value} 不是允许的取值；可用：{allowed}",
    },
    "io.answers.respondent_undeclared": {
        "en": "respondent {respondent} is not declared under respondents",
        "zh": "答题人 {respondent} 未在 respondents 中声明",
    },
    "io.checklists.unknown_scale": {
        "en": "unknown answer scale {scale} (known: {known})",
        "zh": "未知的答案量表 {scale}（已有：{known}）",
    },
    "io.checklists.measure_needs_numeric": {
        "en": "a measured question needs a numeric (percent) scale",
        "zh": "可度量的问题需要数值（百分比）量表",
    },
    "io.checklists.value_not_in_scale": {
        "en": "{value} is not a value of the question's scale",
        "zh": "{value} 不是该问题量表中的取值",
    },
    "io.checklists.folder_missing": {
        "en": "checklist folder not found",
        "zh": "检查清单文件夹不存在",
    },
    "io.checklists.scoring_missing": {
        "en": "scoring.yaml is missing",
        "zh": "缺少 scoring.yaml",
    },
    "io.vendors.header": {
        "en": "Vendors file for crm-readiness vendors compare.",
        "zh": "供应商评估文件（用于 crm-readiness vendors compare）。",
    },
    "rfp.sheet_missing": {
        "en": "sheet missing: not a crm-readiness RFP workbook",
        "zh": "缺少工作表：不是 crm-readiness 的 RFP 工作簿",
    },
    "rfp.vendor_name_missing": {"en": "vendor name missing", "zh": "缺少供应商名称"},
    "rfp.id_missing": {"en": "requirement id missing", "zh": "缺少需求编号"},
    "rfp.unknown_id": {"en": "unknown requirement id {rid}", "zh": "未知需求编号 {rid}"},
    "rfp.id_twice": {"en": "requirement {rid} appears twice", "zh": "需求 {rid} 重复出现"},
    "rfp.no_response": {"en": "no response for {rid}", "zh": "{rid} 未填写响应"},
    "rfp.bad_response": {
        "en": "{value} is not a valid response for {rid} (choose from the list)",
        "zh": "{value} 不是 {rid} 的有效响应（请从下拉列表选择）",
    },
    "rfp.row_missing": {
        "en": "requirement {rid} is missing from the sheet",
        "zh": "工作表中缺少需求 {rid}",
    },
    "io.finance.id_twice": {"en": "id {id} is used twice; ids must be unique",
                            "zh": "id {id} 重复；id 必须唯一"},
    "io.finance.year_after_horizon": {"en": "year {year} is after the horizon ({n} years)",
                                      "zh": "年份 {year} 超出测算期（{n} 年）"},
    "io.finance.start_after_horizon": {"en": "start_year {year} is after the horizon ({n} years)",
                                       "zh": "start_year {year} 超出测算期（{n} 年）"},
    "io.finance.amounts_too_many": {
        "en": "{count} amounts for {years} years (year 0 to {n}): remove the extra ones",
        "zh": "给出了 {count} 个金额，但测算期只有 {years} 个年度（第 0 至 {n} 年）：请删去多余的",
    },
    "io.finance.amounts_too_few": {
        "en": "{count} amounts for {years} years (year 0 to {n}): give every year, or say what "
              "the later years are with ramp_rest: last (the last amount repeats) or "
              "ramp_rest: zero",
        "zh": "给出了 {count} 个金额，但测算期有 {years} 个年度（第 0 至 {n} 年）：请逐年填写，"
              "或用 ramp_rest: last（沿用最后一个金额）或 ramp_rest: zero（之后为零）说明后续年度",
    },
    "io.finance.benefit_outside_horizon": {
        "en": "the benefit has no year inside the horizon (starts in year {year}, horizon {n} "
              "years)",
        "zh": "该收益在测算期内没有任何年度（第 {year} 年开始，测算期 {n} 年）",
    },
    "io.finance.ramp_too_short": {
        "en": "the ramp gives {count} of the {years} years from year {start} to {n}: add the "
              "later shares, or say what they are with ramp_rest: last (the last share "
              "repeats) or ramp_rest: zero",
        "zh": "ramp 只给出了第 {start} 至 {n} 年共 {years} 个年度中的 {count} 个：请补全后续比例，"
              "或用 ramp_rest: last（沿用最后一个比例）或 ramp_rest: zero（之后为零）说明",
    },
    "io.finance.unknown_driver": {"en": "unknown driver {driver}; known drivers include: {hint}",
                                  "zh": "未知的驱动因素 {driver}；可用的包括：{hint}"},
    # pydantic error types (io/yaml_files.py): English is pydantic's own text; the
    # entries give the Chinese wording and keep the English for completeness.
    "pyd.missing": {"en": "Field required", "zh": "缺少必填字段"},
    "pyd.extra_forbidden": {"en": "Extra inputs are not permitted", "zh": "不允许的字段（拼写错误？）"},
    "pyd.literal_error": {"en": "Input should be {expected}", "zh": "取值无效，应为：{expected}"},
    "pyd.enum": {"en": "Input should be {expected}", "zh": "取值无效，应为：{expected}"},
    "pyd.int_parsing": {"en": "Input should be a valid integer", "zh": "应为整数"},
    "pyd.int_type": {"en": "Input should be a valid integer", "zh": "应为整数"},
    "pyd.int_from_float": {"en": "Input should be a valid integer", "zh": "应为整数"},
    "pyd.float_parsing": {"en": "Input should be a valid number", "zh": "应为数字"},
    "pyd.float_type": {"en": "Input should be a valid number", "zh": "应为数字"},
    "pyd.decimal_parsing": {"en": "Input should be a valid decimal", "zh": "应为数字"},
    "pyd.decimal_type": {"en": "Input should be a valid decimal", "zh": "应为数字"},
    "pyd.bool_parsing": {"en": "Input should be a valid boolean", "zh": "应为 true 或 false"},
    "pyd.bool_type": {"en": "Input should be a valid boolean", "zh": "应为 true 或 false"},
    "pyd.string_type": {"en": "Input should be a valid string", "zh": "应为文本"},
    "pyd.list_type": {"en": "Input should be a valid list", "zh": "应为列表"},
    "pyd.dict_type": {"en": "Input should be a valid dictionary", "zh": "应为映射（键: 值）"},
    "pyd.model_type": {"en": "Input should be a valid dictionary", "zh": "应为映射（键: 值）"},
    "pyd.greater_than": {"en": "Input should be greater than {gt}", "zh": "应大于 {gt}"},
    "pyd.greater_than_equal": {"en": "Input should be greater than or equal to {ge}",
                               "zh": "应大于或等于 {ge}"},
    "pyd.less_than": {"en": "Input should be less than {lt}", "zh": "应小于 {lt}"},
    "pyd.less_than_equal": {"en": "Input should be less than or equal to {le}",
                            "zh": "应小于或等于 {le}"},
    "pyd.too_short": {"en": "List should have at least {min_length} items",
                      "zh": "至少需要 {min_length} 项"},
    "pyd.too_long": {"en": "List should have at most {max_length} items",
                     "zh": "最多允许 {max_length} 项"},
    "pyd.string_too_short": {"en": "String should have at least {min_length} characters",
                             "zh": "至少需要 {min_length} 个字符"},
    "pyd.string_pattern_mismatch": {"en": "String should match pattern {pattern}",
                                    "zh": "格式不符合要求：{pattern}"},
    "pyd.date_parsing": {"en": "Input should be a valid date", "zh": "应为日期（YYYY-MM-DD）"},
    "pyd.date_from_datetime_parsing": {"en": "Input should be a valid date",
                                       "zh": "应为日期（YYYY-MM-DD）"},
    "pyd.union_tag_invalid": {"en": "Input tag does not match the expected tags {expected_tags}",
                              "zh": "类型无效，应为：{expected_tags}"},
}
