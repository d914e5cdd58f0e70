"""Messages of the migration capability: target schema, mapping workbook, rehearsal."""

from crm_readiness.i18n._examples import _ex

MESSAGES: dict[str, dict[str, str]] = {
    # commands and options
    "data.map.help": {
        "en": "Draft a source → target mapping workbook against the target CRM's schema: "
              "column names (English and Chinese) and value shapes, transforms, picklist value "
              "maps. Never guesses across types; unmapped columns are left for you.",
        "zh": "按目标 CRM 的结构起草源字段→目标字段映射工作簿：依据列名（中英文）和取值形态，"
              "附转换规则与下拉选项对照。绝不跨类型猜测；无法确定的列留给您来映射。",
    },
    "data.rehearse.help": {
        "en": "Rehearse the migration: run the (cleansed) export through the mapping against "
              "the target schema — type, length, required, picklist, unique-key and lookup "
              "violations; load-failure forecast, reconciliation counts and effort. Repeat "
              "--target to compare vendors.",
        "zh": "迁移预演：将（清洗后的）导出数据按映射对照目标结构运行——类型、长度、必填、"
              "下拉选项、唯一键与查找关系违规；给出导入失败预测、对账数与工作量。重复 --target "
              "可比较多家供应商。",
    },
    "data.opt.target": {
        "en": "Target schema (YAML): objects, fields, types, picklists, keys, lookups.",
        "zh": "目标结构文件（YAML）：对象、字段、类型、下拉选项、键与查找关系。",
    },
    "data.opt.targets": {
        "en": "Target schema (YAML); repeat it to compare shortlisted vendors.",
        "zh": "目标结构文件（YAML）；可重复以比较入围供应商。",
    },
    "data.opt.mapping": {
        "en": "Mapping workbook from `data map` (one per --target, in order; a target without "
              "one uses the drafted mapping).",
        "zh": "`data map` 生成的映射工作簿（与 --target 按顺序一一对应；没有映射的目标使用自动"
              "起草的映射）。",
    },
    "data.opt.map_out": {"en": "Mapping workbook to write.", "zh": "要写出的映射工作簿。"},
    "data.opt.minutes_per_issue": {
        "en": "Steward minutes to fix one rejected record (effort estimate).",
        "zh": "数据专员修正一条被拒记录所需分钟数（用于工作量估算）。",
    },
    "assess.opt.data_rehearsal": {
        "en": "A rehearsal JSON (from 'data rehearse'): answers the field-mapping and "
              "test-migration questions the answers file leaves open.",
        "zh": "迁移预演 JSON（由 'data rehearse' 生成）：回答回答文件中尚未作答的字段映射与"
              "迁移测试问题。",
    },
    "rehearse.err.json": {"en": "not a rehearsal result written by 'data rehearse'",
                          "zh": "不是 'data rehearse' 生成的预演结果"},
    "data.progress.rehearse": {"en": "Rehearsing the load", "zh": "正在预演导入"},
    "data.cli.mapped": {
        "en": "Mapped {mapped} of {columns} columns ({values} picklist values to check). "
              "Review {path}, then run: crm-readiness data rehearse FILE --target TARGET "
              "--mapping {path}",
        "zh": "已映射 {columns} 列中的 {mapped} 列（{values} 个下拉选项取值待核对）。请检查 "
              "{path}，然后运行：crm-readiness data rehearse 文件 --target 目标结构 --mapping "
              "{path}",
    },
    "data.cli.rehearsed": {
        "en": "{target}: {loaded} records expected to load, {rejected} rejected (load rate "
              "{rate}); steward effort {hours} h.",
        "zh": "{target}：预计成功导入 {loaded} 条，被拒 {rejected} 条（导入率 {rate}）；数据专员"
              "工作量 {hours} 小时。",
    },
    "ex.data.map": _ex("Draft the mapping of an export onto the target CRM:",
                       "起草导出数据到目标 CRM 的映射：",
                       "crm-readiness data map customers.csv -t target.yaml "
                       "-o mapping.xlsx"),
    "ex.data.rehearse": _ex("Rehearse the load with the edited mapping:"
                            "|Compare two shortlisted vendors' schemas:",
                            "用修改后的映射预演导入：|比较两家入围供应商的结构：",
                            "crm-readiness data rehearse clean.csv -t target.yaml "
                            "-m mapping.xlsx",
                            "crm-readiness data rehearse clean.csv --target a.yaml "
                            "--target b.yaml"),
    # target schema problems
    "target.values_need_picklist": {
        "en": "picklist values are given for a field of type {type}; only picklist fields "
              "have values",
        "zh": "类型为 {type} 的字段给出了下拉选项值；只有 picklist 字段才有选项值",
    },
    "target.picklist_needs_values": {"en": "a picklist field needs its values",
                                     "zh": "picklist 字段须给出选项值（values）"},
    "target.references_need_lookup": {
        "en": "references is given for a field of type {type}; only lookup fields reference "
              "an object",
        "zh": "类型为 {type} 的字段给出了 references；只有 lookup 字段才引用其他对象",
    },
    "target.lookup_needs_references": {"en": "a lookup field needs references: OBJECT",
                                       "zh": "lookup 字段须给出 references: 对象名"},
    "target.length_not_for_type": {
        "en": "length applies to text, phone, email, picklist and lookup fields, not {type}",
        "zh": "length 仅适用于 text、phone、email、picklist 和 lookup 字段，不适用于 {type}",
    },
    "target.unknown_field": {
        "en": "object {object} has no field {field!r} (fields: {fields})",
        "zh": "对象 {object} 没有字段 {field!r}（现有字段：{fields}）",
    },
    "target.unknown_object": {
        "en": "no object {object!r} in the target schema (objects: {objects})",
        "zh": "目标结构中没有对象 {object!r}（现有对象：{objects}）",
    },
    "target.parent_without_key": {
        "en": "object {object} has no key: a lookup to it needs `key: FIELD` on it",
        "zh": "对象 {object} 没有 key：引用它的 lookup 字段要求它声明 `key: 字段名`",
    },
    # mapping workbook
    "map.col.source": {"en": "Source column", "zh": "源列"},
    "map.col.object": {"en": "Target object", "zh": "目标对象"},
    "map.col.field": {"en": "Target field", "zh": "目标字段"},
    "map.col.transform": {"en": "Transform", "zh": "转换"},
    "map.col.basis": {"en": "Drafted from", "zh": "起草依据"},
    "map.col.type": {"en": "Field type", "zh": "字段类型"},
    "map.col.filled": {"en": "Filled (sample)", "zh": "已填（样本）"},
    "map.col.examples": {"en": "Example values", "zh": "示例取值"},
    "map.col.note": {"en": "Why unmapped", "zh": "未映射原因"},
    "map.col.source_value": {"en": "Source value", "zh": "源取值"},
    "map.col.target_value": {"en": "Picklist value", "zh": "目标选项值"},
    "map.col.count": {"en": "Records", "zh": "记录数"},
    "map.basis.name": {"en": "name", "zh": "名称"},
    "map.basis.synonym": {"en": "synonym", "zh": "同义词"},
    "map.basis.shape": {"en": "value shape", "zh": "取值形态"},
    "map.basis.lookup": {"en": "parent key", "zh": "父对象键"},
    "map.basis.workbook": {"en": "workbook", "zh": "工作簿"},
    "map.note.ambiguous": {"en": "several target fields fit equally: choose one",
                           "zh": "多个目标字段同样匹配：请选择其一"},
    "map.note.type_mismatch": {"en": "the name matches but the values are of another type",
                               "zh": "名称匹配，但取值属于其他类型"},
    "map.note.empty": {"en": "no values", "zh": "没有取值"},
    "map.note.no_match": {"en": "no target field matches its name or values",
                          "zh": "没有目标字段与其名称或取值匹配"},
    "map.target.object": {"en": "Object", "zh": "对象"},
    "map.target.field": {"en": "Field", "zh": "字段"},
    "map.target.type": {"en": "Type", "zh": "类型"},
    "map.target.length": {"en": "Length", "zh": "长度"},
    "map.target.required": {"en": "Required", "zh": "必填"},
    "map.target.values": {"en": "Picklist values", "zh": "选项值"},
    "map.target.references": {"en": "Lookup to", "zh": "查找对象"},
    "map.yes": {"en": "yes", "zh": "是"},
    "map.bad_header": {
        "en": "this is not a mapping workbook column: found {got!r}, expected {want}",
        "zh": "这不是映射工作簿的列：读到 {got!r}，应为 {want}",
    },
    "map.sheet_missing": {
        "en": "sheet {sheet!r} is missing: not a mapping workbook from `data map` "
              "(sheets: {sheets})",
        "zh": "缺少工作表 {sheet!r}：这不是 `data map` 生成的映射工作簿（现有工作表：{sheets}）",
    },
    "map.no_source": {"en": "a target is given without a source column",
                      "zh": "给出了目标字段，但没有源列"},
    "map.unknown_column": {
        "en": "no column {name!r} in the export (columns: {columns})",
        "zh": "导出数据中没有列 {name!r}（现有列：{columns}）",
    },
    "map.unknown_transform": {
        "en": "unknown transform {transform!r} (one of: {transforms})",
        "zh": "未知的转换 {transform!r}（可选：{transforms}）",
    },
    "map.transform_type": {
        "en": "transform {transform} changes the type of a {type} field (allowed: {allowed})",
        "zh": "转换 {transform} 会改变 {type} 字段的类型（可用：{allowed}）",
    },
    "map.field_twice": {"en": "{field} is already filled by {first}",
                        "zh": "{field} 已由 {first} 填充"},
    "map.not_picklist": {"en": "{field} is not a picklist field of the target schema",
                         "zh": "{field} 不是目标结构中的下拉选项字段"},
    "map.no_source_value": {"en": "the source value is empty", "zh": "源取值为空"},
    "map.unknown_value": {
        "en": "{value!r} is not a value of this picklist (values: {values})",
        "zh": "{value!r} 不是该下拉字段的选项值（选项：{values}）",
    },
    "map.value_twice": {"en": "source value {value!r} is mapped twice",
                        "zh": "源取值 {value!r} 被映射了两次"},
    # rehearsal report
    "rehearse.title": {"en": "Migration rehearsal", "zh": "迁移预演"},
    "rehearse.chart_load": {"en": "Records expected to load, per object (%)",
                            "zh": "各对象预计成功导入的记录比例（%）"},
    "rehearse.comparison": {"en": "Migration fit by target", "zh": "各目标系统的迁移适配度"},
    "rehearse.against": {"en": "Against {target}", "zh": "目标：{target}"},
    "rehearse.subtitle": {
        "en": "{rows} source rows from {files} file(s) · mapping {mapping} · schema {target}",
        "zh": "源数据 {rows} 行，来自 {files} 个文件 · 映射 {mapping} · 结构 {target}",
    },
    "rehearse.summary": {"en": "{loaded} records expected to load, {rejected} rejected",
                         "zh": "预计成功导入 {loaded} 条，被拒 {rejected} 条"},
    "rehearse.effort": {
        "en": "Effort: {records} records × {per_low}–{per_high} CNY (cleansing service, per "
              "the guides) = {low}–{high} CNY; steward {hours} h for {issues} rejected records "
              "at {minutes} min each.",
        "zh": "工作量：{records} 条 × {per_low}–{per_high} 元/条（参考指南中的数据清洗服务单价）"
              "= {low}–{high} 元；数据专员处理 {issues} 条被拒记录、每条 {minutes} 分钟，共 "
              "{hours} 小时。",
    },
    "rehearse.unmapped_columns": {"en": "Source columns not migrated",
                                  "zh": "不迁移的源列"},
    "rehearse.reconciliation": {"en": "Reconciliation counts for the cut-over",
                                "zh": "切换时核对的对账数"},
    "rehearse.forecast": {"en": "Load-failure forecast per field",
                          "zh": "按字段的导入失败预测"},
    "rehearse.merged": {"en": "merged duplicates not loaded", "zh": "条重复记录已合并、不导入"},
    "rehearse.unmapped": {"en": "(not mapped)", "zh": "（未映射）"},
    "rehearse.col.target": {"en": "Target", "zh": "目标系统"},
    "rehearse.col.mapped_fields": {"en": "Fields mapped", "zh": "已映射字段"},
    "rehearse.col.unmapped_required": {"en": "Required unmapped", "zh": "未映射的必填字段"},
    "rehearse.col.loaded": {"en": "Expected loaded", "zh": "预计导入"},
    "rehearse.col.rejected": {"en": "Expected rejected", "zh": "预计被拒"},
    "rehearse.col.load_rate": {"en": "Load rate", "zh": "导入率"},
    "rehearse.col.steward_hours": {"en": "Steward hours", "zh": "专员工时"},
    "rehearse.col.object": {"en": "Object", "zh": "对象"},
    "rehearse.col.source_rows": {"en": "Source rows", "zh": "源行数"},
    "rehearse.col.mapped_rows": {"en": "Mapped rows", "zh": "映射行数"},
    "rehearse.col.field": {"en": "Field", "zh": "字段"},
    "rehearse.col.source": {"en": "Source column", "zh": "源列"},
    "rehearse.col.filled": {"en": "Filled", "zh": "有值"},
    "rehearse.col.examples": {"en": "Examples", "zh": "示例"},
    "rehearse.kind.type": {"en": "Type", "zh": "类型"},
    "rehearse.kind.length": {"en": "Too long", "zh": "超长"},
    "rehearse.kind.required": {"en": "Missing required", "zh": "必填缺失"},
    "rehearse.kind.picklist": {"en": "Unmapped picklist", "zh": "选项未对照"},
    "rehearse.kind.duplicate": {"en": "Duplicate key", "zh": "唯一键重复"},
    "rehearse.kind.orphan": {"en": "Orphaned", "zh": "孤立记录"},
    "rehearse.footnote": {
        "en": "A record is rejected when any field breaks a rule; a repeated unique key "
              "rejects every record after the first; an orphan's lookup matches no record "
              "of the parent object. * = required.",
        "zh": "任一字段违反规则即整条记录被拒；唯一键重复时第一条之后的记录均被拒；孤立记录"
              "的查找值在父对象中找不到对应记录。* = 必填。",
    },
    "rehearse.drafted": {"en": "drafted from the data", "zh": "根据数据自动起草"},
    "rehearse.err.no_target": {"en": "give at least one --target schema",
                               "zh": "请至少给出一个 --target 目标结构"},
    "rehearse.err.mappings": {"en": "more --mapping than --target files",
                              "zh": "--mapping 的数量多于 --target"},
    "rehearse.answer_note": {
        "en": "Rehearsal against {target}: {loaded} expected to load, {rejected} rejected, "
              "{gaps} required field(s) unmapped.",
        "zh": "对照 {target} 的预演：预计导入 {loaded} 条、被拒 {rejected} 条，{gaps} 个必填"
              "字段未映射。",
    },
    "rehearse.demo.summary": {
        "en": "Best fit {target}: load rate {rate}, {rejected} records to fix, about {hours} "
              "steward hours.",
        "zh": "最适配 {target}：导入率 {rate}，需修正 {rejected} 条记录，约 {hours} 专员工时。",
    },
    "dash.fit_best": {"en": "Best migration fit", "zh": "迁移适配度最高"},
    "dash.fit_load_rate": {"en": "Expected load rate", "zh": "预计导入率"},
    "dash.fit_rejected": {"en": "Records to fix before loading", "zh": "导入前需修正的记录"},
    "dash.fit_hours": {"en": "Steward hours", "zh": "数据专员工时"},
    "rehearse.demo.target": {"en": "Target CRM schema (input)", "zh": "目标 CRM 结构（输入）"},
    "rehearse.demo.mapping": {"en": "Drafted field mapping workbook",
                              "zh": "自动起草的字段映射工作簿"},
    "rehearse.demo.cleansed": {"en": "Cleansed copy rehearsed", "zh": "用于预演的清洗副本"},
    "rehearse.demo.report.html": {"en": "Migration rehearsal report",
                                  "zh": "迁移预演报告"},
    "rehearse.demo.report.md": {"en": "Migration rehearsal (Markdown)",
                                "zh": "迁移预演（Markdown）"},
    "rehearse.demo.report.json": {"en": "Migration rehearsal (JSON)", "zh": "迁移预演（JSON）"},
}
