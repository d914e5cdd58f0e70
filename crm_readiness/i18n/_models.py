"""Validation messages of the input models (raised as ``MessageError(key, **params)``)."""

MESSAGES: dict[str, dict[str, str]] = {
    "model.text_both_languages": {
        "en": "give this text in both languages: {en: ..., zh: ...}",
        "zh": "此处文字须中英文都填写：{en: ..., zh: ...}",
    },
    "model.text_blank": {
        "en": "give the text as a string or as {en: ..., zh: ...} with at least one language",
        "zh": "请填写文字：字符串，或 {en: ..., zh: ...}（至少填一种语言）",
    },
    "model.must_not_be_blank": {
        "en": "must not be blank",
        "zh": "不能为空",
    },
    "model.not_applicable_needs_a_reason": {
        "en": "not applicable needs a reason, e.g. na: \"no legacy data\"",
        "zh": "不适用必须说明原因，例如 na: \"没有历史数据\"",
    },
    "model.give_a_value_or_na": {
        "en": "give a value, na (not applicable, with a reason) or dont_know",
        "zh": "请填写 value、na（不适用及原因）或 dont_know（不知道）",
    },
    "model.give_either_a_value_or": {
        "en": "give either a value, na or dont_know, not several",
        "zh": "value、na 与 dont_know 只能填写其一",
    },
    "model.waived_by_goes_with_na": {
        "en": "waived_by goes with na (a waived gate)",
        "zh": "waived_by 只能与 na（豁免的关卡）一起填写",
    },
    "model.respondent_ids_repeat": {
        "en": "respondent ids repeat: {ids}",
        "zh": "答题人 id 重复：{ids}",
    },
    "model.choice_values_repeat": {
        "en": "choice values repeat: {values}",
        "zh": "选项值重复：{values}",
    },
    "model.max_must_be_greater_than": {
        "en": "max must be greater than min",
        "zh": "max 必须大于 min",
    },
    "model.bands_must_be_in_increasing": {
        "en": "bands must be in increasing at_least order",
        "zh": "分段须按 at_least 递增",
    },
    "model.the_first_band_must_start": {
        "en": "the first band must start at or below min",
        "zh": "第一个分段须从 min 或更低处开始",
    },
    "model.a_rule_needs_score_below_or": {
        "en": "a rule needs score_below or value_in",
        "zh": "规则需要 score_below 或 value_in",
    },
    "model.gate_min_needs_gate_true": {
        "en": "gate_min needs gate: true",
        "zh": "设置 gate_min 需要 gate: true",
    },
    "model.risks_must_end_with_exactly": {
        "en": "risks must end with exactly one 'default' rule",
        "zh": "risks 必须以且仅以一条 default 规则结尾",
    },
    "model.question_ids": {
        "en": "question ids must be unique and start with '{prefix}.': {problems}",
        "zh": "问题 id 须唯一且以 '{prefix}.' 开头：{problems}",
    },
    "model.medium_max_must_exceed_low_max": {
        "en": "medium_max must exceed low_max",
        "zh": "medium_max 必须大于 low_max",
    },
    "model.maturity_bands_must_be_levels": {
        "en": "maturity bands must be levels 1..5 with increasing min_score from 0",
        "zh": "成熟度须为 1..5 级且 min_score 从 0 递增",
    },
    "model.ready_with_risks_min_must_not_exceed_ready_min": {
        "en": "ready_with_risks_min must not exceed ready_min",
        "zh": "ready_with_risks_min 不能大于 ready_min",
    },
    "model.regex_invalid": {
        "en": "not a valid regular expression: {detail}",
        "zh": "不是有效的正则表达式：{detail}",
    },
    "model.format_enum_needs_an_enum": {
        "en": "format enum needs an enum list",
        "zh": "format 为 enum 时须给出 enum 列表",
    },
    "model.format_regex_needs_a_pattern": {
        "en": "format regex needs a pattern",
        "zh": "format 为 regex 时须给出 pattern",
    },
    "model.max_age_days_applies_to_date_columns": {
        "en": "max_age_days applies to date columns",
        "zh": "max_age_days 仅适用于日期列",
    },
    "model.city_column_applies_to_cn_landline_columns": {
        "en": "city_column applies to cn_landline columns",
        "zh": "city_column 仅适用于 cn_landline 列",
    },
    "model.typos_in_must_be_one_of": {
        "en": "typos_in must be one of the blocking columns",
        "zh": "typos_in 必须是 columns 中的一列",
    },
    "model.fuzzy_levels_descending": {
        "en": "levels must be similarities between 0 and 1, highest first",
        "zh": "levels 必须是 0 到 1 之间的相似度，从高到低排列",
    },
    "model.fuzzy_m_u_per_level": {
        "en": "m and u need one probability (between 0 and 1) per level and one for "
              "'disagree': {levels} values",
        "zh": "m 和 u 需要每个级别一个概率（0 到 1 之间），另加“不一致”一个：共 {levels} 个值",
    },
    "model.fuzzy_probabilistic_needs_m_u": {
        "en": "method probabilistic needs prior and, on every field, m and u",
        "zh": "method 为 probabilistic 时需要 prior，且每个字段都需要 m 和 u",
    },
    "model.city_column_unknown": {
        "en": "city_column must name a column declared under columns: {columns}",
        "zh": "city_column 必须指向 columns 中已声明的列：{columns}",
    },
    "model.min_max_apply_to_number": {
        "en": "min/max apply to number and date columns",
        "zh": "min/max 仅适用于数字列和日期列",
    },
    "model.must_not_be_negative": {
        "en": "must not be negative",
        "zh": "不能为负数",
    },
    "model.rate_as_percent": {
        "en": "{value} would mean {percent}%; write rates as decimal fractions (0.10 = 10%)",
        "zh": "{value} 相当于 {percent}%；比率请写成小数（0.10 即 10%）",
    },
    "model.growth_range": {
        "en": "{value} is outside -0.9..1; write rates as decimal fractions (0.05 = 5%)",
        "zh": "{value} 超出 -0.9..1 的范围；比率请写成小数（0.05 即 5%）",
    },
    "model.a_benefit_needs_at_least": {
        "en": "a benefit needs at least one year: give ramp, e.g. [0.5, 0.8, 1.0]",
        "zh": "收益至少需要一个年度：请填写 ramp，例如 [0.5, 0.8, 1.0]",
    },
    "model.reserved_id": {
        "en": "{value} is reserved; choose another id",
        "zh": "{value} 为保留字，请另取 id",
    },
    "model.no_benefit_lines": {
        "en": "no benefit lines",
        "zh": "没有收益条目",
    },
    "model.give_exactly_one_of_per_user": {
        "en": "give exactly one of per_user, per_module (with modules), amount or amounts",
        "zh": "per_user、per_module（需配合 modules）、amount、amounts 必须且只能填一项",
    },
    "model.per_module_needs_modules_how_many": {
        "en": "per_module needs modules (how many)",
        "zh": "per_module 需同时填写 modules（模块数）",
    },
    "model.modules_is_only_used_with": {
        "en": "modules is only used with per_module",
        "zh": "modules 仅与 per_module 一起使用",
    },
    "model.end_year_is_before_start_year": {
        "en": "end_year is before start_year",
        "zh": "end_year 早于 start_year",
    },
    "model.no_cost_lines_add_one_time": {
        "en": "no cost lines: add one_time, recurring or staff lines",
        "zh": "没有成本条目：请添加 one_time、recurring 或 staff",
    },
    "model.need_low_mode_high": {
        "en": "need low <= mode <= high",
        "zh": "需满足 low <= mode <= high",
    },
    "model.max_must_not_be_below": {
        "en": "max must not be below min",
        "zh": "max 不能小于 min",
    },
    "model.unknown_priority": {
        "en": "unknown priority {value}; use must, should or could (high, medium, low are accepted)",
        "zh": "未知优先级 {value}；请使用 must、should 或 could（也接受 high、medium、low）",
    },
    "model.requirement_ids_repeat": {
        "en": "requirement ids repeat: {ids}",
        "zh": "需求 id 重复：{ids}",
    },
    "model.modules_undeclared": {
        "en": "modules not declared under 'modules': {modules}",
        "zh": "未在 modules 中声明的模块：{modules}",
    },
    "model.unknown_response": {
        "en": "unknown response {value}; use native, configurable, custom, third_party, roadmap or not_supported",
        "zh": "未知响应 {value}；请使用 native、configurable、custom、third_party、roadmap 或 not_supported",
    },
    "model.unknown_response_at": {
        "en": "{rid}: unknown response {value}; use native, configurable, custom, third_party, "
              "roadmap or not_supported",
        "zh": "{rid}：未知响应 {value}；请使用 native、configurable、custom、third_party、roadmap "
              "或 not_supported",
    },
    "model.unknown_responses": {
        "en": "unknown responses: {items}; use native, configurable, custom, third_party, roadmap or not_supported",
        "zh": "未知响应：{items}；请使用 native、configurable、custom、third_party、roadmap 或 not_supported",
    },
    "model.cost_must_be_a_number": {
        "en": "cost must be a number or a file path",
        "zh": "成本应为数字或文件路径",
    },
    "model.cost_must_not_be_negative": {
        "en": "cost must not be negative",
        "zh": "成本不能为负数",
    },
    "model.anchor_range": {
        "en": "anchor scores must be 0–5, got {scores}",
        "zh": "锚定分值须为 0–5，实际为 {scores}",
    },
    "model.budget_max_must_exceed_min": {
        "en": "budget max must exceed min",
        "zh": "预算上限必须大于下限",
    },
    "model.points_must_not_increase_from": {
        "en": "points must not increase from native to not_supported",
        "zh": "分值须从 native 到 not_supported 不递增",
    },
}
