"""Messages shared by every command: errors, files, formats, the demo."""

MESSAGES: dict[str, dict[str, str]] = {
    "app.help": {
        "en": "Is this company ready to implement a CRM? Readiness assessment, vendor "
              "selection, TCO/ROI and data readiness from plain YAML/CSV/XLSX files.",
        "zh": "企业是否已准备好实施 CRM？基于 YAML/CSV/XLSX 文件完成就绪度评估、"
              "系统选型、总体拥有成本/投资回报与数据就绪度分析。",
    },
    "opt.lang": {
        "en": "Language of prompts and reports: en or zh (default: from the locale).",
        "zh": "提示与报告的语言：en 或 zh（默认取自系统区域设置）。",
    },
    "opt.out": {"en": "Folder to write the reports into.", "zh": "报告输出目录。"},
    "opt.format": {
        "en": "Comma-separated report formats: {choices}.",
        "zh": "报告格式，以逗号分隔：{choices}。",
    },
    "opt.force": {
        "en": "Replace existing files instead of refusing.",
        "zh": "覆盖已存在的文件（默认拒绝覆盖）。",
    },
    "opt.checklists": {
        "en": "Folder of extra or overriding checklist YAML files.",
        "zh": "附加或覆盖内置检查清单的 YAML 文件夹。",
    },
    "err.usage_format": {
        "en": "Unknown format {value!r}; choose from {choices}.",
        "zh": "未知格式 {value!r}；可选：{choices}。",
    },
    "err.usage_lang": {
        "en": "Unknown language {value!r}; use en or zh.",
        "zh": "未知语言 {value!r}；请使用 en 或 zh。",
    },
    "err.interrupted": {
        "en": "Interrupted. Everything answered so far is saved.",
        "zh": "已中断。此前的所有回答均已保存。",
    },
    "err.internal": {
        "en": "internal error in crm-readiness {version}: please report it; details in {path}",
        "zh": "crm-readiness {version} 内部错误：请报告此问题；详情见 {path}",
    },
    "file.not_found": {"en": "file not found", "zh": "文件不存在"},
    "file.is_dir": {"en": "is a folder, not a file", "zh": "是文件夹而不是文件"},
    "file.unreadable": {"en": "cannot be read: {reason}", "zh": "无法读取：{reason}"},
    "file.not_utf8": {
        "en": "is not UTF-8 text (byte {pos})",
        "zh": "不是 UTF-8 文本（第 {pos} 字节）",
    },
    "file.empty": {"en": "is empty", "zh": "文件为空"},
    "file.yaml_syntax": {"en": "YAML syntax error: {detail}", "zh": "YAML 语法错误：{detail}"},
    "file.yaml_duplicate_key": {
        "en": "key {key!r} appears twice",
        "zh": "键 {key!r} 重复出现",
    },
    "file.yaml_not_mapping": {
        "en": "the document must be a mapping (key: value)",
        "zh": "文档顶层必须是映射（键: 值）",
    },
    "out.exists": {
        "en": "already exists (use --force to replace it)",
        "zh": "已存在（如需覆盖请使用 --force）",
    },
    "out.not_dir": {"en": "is not a folder", "zh": "不是文件夹"},
    "out.written": {"en": "Wrote {path}", "zh": "已写入 {path}"},
    "demo.title": {"en": "crm-readiness demo", "zh": "crm-readiness 演示"},
    "demo.done": {
        "en": "Demo written to {path} — open {index} in a browser.",
        "zh": "演示已写入 {path}——请在浏览器中打开 {index}。",
    },
    "demo.index_intro": {
        "en": "Every capability of crm-readiness run on a fictional mid-size manufacturer. "
              "Each link opens a report; the input files are in the inputs/ folder.",
        "zh": "在一家虚构的中型制造企业上运行 crm-readiness 的全部功能。"
              "每个链接打开一份报告；输入文件位于 inputs/ 文件夹。",
    },
    "demo.not_ours": {
        "en": "exists and was not written by crm-readiness demo (use --force to replace it)",
        "zh": "已存在且并非由 crm-readiness demo 生成（如需覆盖请使用 --force）",
    },
    "init.done": {
        "en": "Workspace created in {path}. Next: edit profile and answers, then run "
              "'crm-readiness assess --answers {answers}'.",
        "zh": "工作区已创建于 {path}。下一步：编辑组织概况与回答，然后运行 "
              "'crm-readiness assess --answers {answers}'。",
    },
}
