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
    "err.interrupted_line": {"en": "Interrupted (Ctrl-C).", "zh": "已中断（Ctrl-C）。"},
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
    # the YAML reader's limits and the workbook reader (crm_readiness/io/yaml_files.py, workbooks.py)
    "file.too_large": {
        "en": "is too large ({size} bytes; the limit is {limit} bytes)",
        "zh": "文件过大（{size} 字节；上限为 {limit} 字节）",
    },
    "file.yaml_too_deep": {
        "en": "nested more than {limit} levels deep",
        "zh": "嵌套层级超过 {limit} 层",
    },
    "file.yaml_too_many_aliases": {
        "en": "uses more than {limit} aliases (*name)",
        "zh": "使用的别名（*name）超过 {limit} 个",
    },
    "file.yaml_alias_expansion": {
        "en": "aliases expand to more than {limit} values (an alias bomb?)",
        "zh": "别名展开后超过 {limit} 个值（疑似别名炸弹）",
    },
    "file.yaml_scalar_too_long": {
        "en": "a single value is longer than {limit} characters",
        "zh": "单个值超过 {limit} 个字符",
    },
    "file.yaml_number_too_large": {
        "en": "number {value} is too large (quote it if it is text)",
        "zh": "数字 {value} 过大（如为文本请加引号）",
    },
    "file.yaml_unknown_tag": {
        "en": "unsupported tag {tag}",
        "zh": "不支持的标签 {tag}",
    },
    "file.yaml_bad_tagged": {
        "en": "{value!r} is not a valid {tag}",
        "zh": "{value!r} 不是有效的 {tag}",
    },
    "file.yaml_bad_key": {
        "en": "a key must be a single text value, not a list or mapping",
        "zh": "键必须是单个文本值，不能是列表或映射",
    },
    "file.yaml_unknown_anchor": {
        "en": "alias *{anchor} refers to no anchor defined before it",
        "zh": "别名 *{anchor} 之前没有定义对应的锚点",
    },
    "file.yaml_multiple_documents": {
        "en": "holds more than one YAML document (---); only one is allowed",
        "zh": "包含多个 YAML 文档（---）；只允许一个",
    },
    "file.yaml_bad_character": {
        "en": "holds a character YAML does not allow ({code}); write control characters "
              "as escapes in double quotes",
        "zh": "包含 YAML 不允许的字符（{code}）；控制字符请在双引号中以转义形式书写",
    },
    "file.workbook_format": {
        "en": "is not a workbook this tool reads ({reason}); expected {formats}",
        "zh": "不是本工具可读取的工作簿（{reason}）；应为 {formats}",
    },
    "file.workbook_corrupt": {
        "en": "the workbook is damaged or cannot be read ({reason}); expected {formats}",
        "zh": "工作簿已损坏或无法读取（{reason}）；应为 {formats}",
    },
    "file.workbook_encrypted": {
        "en": "the workbook is password-protected; save an unprotected copy ({formats})",
        "zh": "工作簿受密码保护；请另存一份未加密的副本（{formats}）",
    },
    "file.workbook_html": {
        "en": "is a web page saved with a spreadsheet name, not a workbook; open it in "
              "Excel or LibreOffice and save it as {formats}",
        "zh": "是以表格文件名保存的网页，而不是工作簿；请用 Excel 或 LibreOffice 打开后另存为 {formats}",
    },
    "file.workbook_text": {
        "en": "is a text file ({kind}), not a workbook; expected {formats}",
        "zh": "是文本文件（{kind}），不是工作簿；应为 {formats}",
    },
    "file.workbook_unknown": {
        "en": "its content is not a workbook format this tool recognises; expected {formats}",
        "zh": "其内容不是本工具能识别的工作簿格式；应为 {formats}",
    },
    "rfp.bad_vendor_cell": {
        "en": "{value!r} cannot be used here ({detail}); a vendor id starts with a "
              "lower-case letter, then lower-case letters, digits or _ (at most 30)",
        "zh": "{value!r} 不能用在此处（{detail}）；供应商编号以小写字母开头，其后为小写字母、数字或 _"
              "（最多 30 个字符）",
    },
    "file.workbook_no_sheet": {
        "en": "the workbook has no sheet {sheet!r}",
        "zh": "工作簿中没有工作表 {sheet!r}",
    },
    "out.exists": {
        "en": "already exists (use --force to replace it)",
        "zh": "已存在（如需覆盖请使用 --force）",
    },
    "out.not_dir": {"en": "is not a folder", "zh": "不是文件夹"},
    "out.written": {"en": "Wrote {path}", "zh": "已写入 {path}"},
    "out.is_dir": {"en": "is a folder, not a file", "zh": "是文件夹，不是文件"},
    "out.parent_not_dir": {"en": "{folder} is not a folder", "zh": "{folder} 不是文件夹"},
    "out.not_writable": {
        "en": "the folder {folder} is not writable: {reason} (nothing was written)",
        "zh": "文件夹 {folder} 不可写：{reason}（未写入任何文件）",
    },
    "out.write_failed": {
        "en": "{reason} (nothing was replaced; existing files are unchanged)",
        "zh": "{reason}（未替换任何文件，原有文件保持不变）",
    },
    "out.locked": {
        "en": "is being updated by another crm-readiness run (lock {lock} held for more than "
              "{seconds} s). Try again when it has finished; if no other run is active, the lock "
              "is stale: delete {lock}",
        "zh": "正被另一个 crm-readiness 进程更新（锁文件 {lock} 已被占用超过 {seconds} 秒）。请待其完成后重试；"
              "若没有其他进程在运行，说明锁已失效，请删除 {lock}",
    },
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
    # help pages and command-line usage errors (crm_readiness/cli/_help.py)
    "opt.version": {"en": "Show the version and exit.", "zh": "显示版本并退出。"},
    "checklist.arg.phase": {"en": "Phase id, e.g. strategy.", "zh": "阶段 id，例如 strategy。"},
    "checklist.arg.paths": {"en": "Checklist files or folders.", "zh": "检查清单文件或文件夹。"},
    "init.arg.directory": {"en": "Folder to create.", "zh": "要创建的文件夹。"},
    # the plan workbook's sheets beside the Gantt (crm_readiness/render/plan.py)
    "plan.sheet_milestones": {"en": "Milestones", "zh": "里程碑"},
    "plan.sheet_mitigations": {"en": "Risk mitigations", "zh": "风险应对"},
    "help.usage": {"en": "Usage:", "zh": "用法："},
    "help.arguments": {"en": "Arguments:", "zh": "参数："},
    "help.options": {"en": "Options:", "zh": "选项："},
    "help.commands": {"en": "Commands:", "zh": "命令："},
    "help.examples": {"en": "Examples:", "zh": "示例："},
    "help.default": {"en": "default:", "zh": "默认："},
    "help.required": {"en": "required", "zh": "必填"},
    "help.opt.help": {"en": "Show this message and exit.", "zh": "显示本帮助并退出。"},
    "help.opt.install_completion": {
        "en": "Install tab completion for the current shell (bash, zsh, fish, PowerShell).",
        "zh": "为当前 shell（bash、zsh、fish、PowerShell）安装 Tab 补全。",
    },
    "help.opt.show_completion": {
        "en": "Print the completion script for the current shell, to copy or customise it.",
        "zh": "输出当前 shell 的补全脚本，便于复制或自定义安装。",
    },
    "usage.try_help": {"en": "Try '{command}' for help.", "zh": "运行 '{command}' 查看帮助。"},
    "usage.error": {"en": "Error: {reason}", "zh": "错误：{reason}"},
    "usage.aborted": {"en": "Aborted.", "zh": "已中止。"},
    "usage.no_such_option": {"en": "No such option: {name}", "zh": "没有此选项：{name}"},
    "usage.possible": {"en": " (possible options: {options})", "zh": "（可能是：{options}）"},
    "usage.no_such_command": {"en": "No such command '{name}'.", "zh": "没有命令 '{name}'。"},
    "usage.missing_command": {"en": "Missing command.", "zh": "缺少命令。"},
    "usage.extra_args": {
        "en": "Got unexpected extra argument(s) ({args}).",
        "zh": "多余的参数：（{args}）。",
    },
    "usage.option_no_value": {
        "en": "Option '{name}' does not take a value.",
        "zh": "选项 '{name}' 不接受值。",
    },
    "usage.option_needs_value": {
        "en": "Option '{name}' needs a value.",
        "zh": "选项 '{name}' 需要一个值。",
    },
    "usage.missing": {"en": "Missing {kind} {name}.", "zh": "缺少{kind} {name}。"},
    "usage.kind.option": {"en": "option", "zh": "选项"},
    "usage.kind.argument": {"en": "argument", "zh": "参数"},
    "usage.bad_value": {"en": "Invalid value for {name}: {reason}", "zh": "{name} 的值无效：{reason}"},
    "usage.reason.number": {"en": "{value!r} is not a number.", "zh": "{value!r} 不是数字。"},
    "usage.reason.integer": {"en": "{value!r} is not a whole number.", "zh": "{value!r} 不是整数。"},
    "usage.reason.bool": {"en": "{value!r} is not yes or no.", "zh": "{value!r} 不是是/否值。"},
    "usage.reason.ge": {"en": "{value} is below the minimum {limit}.", "zh": "{value} 小于最小值 {limit}。"},
    "usage.reason.gt": {"en": "{value} must be greater than {limit}.", "zh": "{value} 必须大于 {limit}。"},
    "usage.reason.le": {"en": "{value} is above the maximum {limit}.", "zh": "{value} 大于最大值 {limit}。"},
    "usage.reason.lt": {"en": "{value} must be less than {limit}.", "zh": "{value} 必须小于 {limit}。"},
    "usage.reason.range": {"en": "{value} is not in the range {limit}.", "zh": "{value} 不在范围 {limit} 内。"},
    "usage.reason.choice": {"en": "{value!r} is not one of {limit}.", "zh": "{value!r} 不在可选值 {limit} 之中。"},
}
