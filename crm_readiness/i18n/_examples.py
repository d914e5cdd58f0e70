"""The examples at the end of every command's help (its ``epilog``).

A line starting with ``crm-readiness`` is a command line (the same in both
languages); any other line says what it does. tests/cli/test_help.py parses
every example and runs the cheap ones on the demo inputs.
"""


def _ex(en: str, zh: str, *commands: str) -> dict[str, str]:
    """Return an example entry: one description per command line, ``|`` between them."""
    en_parts, zh_parts = en.split("|"), zh.split("|")
    return {
        "en": "\n".join(f"{d}\n{c}" for d, c in zip(en_parts, commands, strict=True)),
        "zh": "\n".join(f"{d}\n{c}" for d, c in zip(zh_parts, commands, strict=True)),
    }


MESSAGES: dict[str, dict[str, str]] = {
    "ex.root": _ex("Try every capability on a sample company:|Assess your own answers file:",
                   "在示例企业上体验全部功能：|评估你自己的回答文件：",
                   "crm-readiness demo --out crm-readiness-demo --lang zh",
                   "crm-readiness assess --answers answers.yaml"),
    "ex.assess": _ex("Score an answers file; write Markdown, HTML and a workbook:"
                     "|Fail (exit 1) in a script when the score is below 60:",
                     "为回答文件打分，输出 Markdown、HTML 与工作簿：|在脚本中总分低于 60 时以退出码 1 结束：",
                     "crm-readiness assess -a answers.yaml -f md,html,xlsx -o report",
                     "crm-readiness assess -a answers.yaml --fail-under 60 -f json"),
    "ex.checklist": _ex("List the phase checklists:", "列出各阶段检查清单：",
                        "crm-readiness checklist list"),
    "ex.checklist.list": _ex("List the phase checklists in Chinese:", "以中文列出各阶段检查清单：",
                             "crm-readiness checklist list --lang zh"),
    "ex.checklist.show": _ex("Show the questions of the strategy phase:", "查看战略阶段的问题：",
                             "crm-readiness checklist show strategy"),
    "ex.checklist.validate": _ex("Check your own checklist files before using them:",
                                 "使用前检查自己的检查清单文件：",
                                 "crm-readiness checklist validate my-checklists/"),
    "ex.compare": _ex("Compare two snapshots saved beside the answers file:",
                      "比较保存在回答文件旁的两个快照：",
                      "crm-readiness compare -a answers.yaml before after -o changes"),
    "ex.data": _ex("Profile a customer export against its rules:", "按规则为客户数据导出做画像：",
                   "crm-readiness data profile customers.csv -r customers-rules.yaml"),
    "ex.data.profile": _ex("Profile an export; write reports and the issues workbook:"
                           "|Read one sheet of a workbook; fail below a score of 80:",
                           "为导出数据做画像，输出报告与问题工作簿：|读取工作簿的一个工作表；得分低于 80 时失败：",
                           "crm-readiness data profile customers.csv -r customers-rules.yaml",
                           "crm-readiness data profile export.xlsx --sheet 1 --fail-under 80"),
    "ex.data.clean": _ex("Write a cleansed copy with duplicate clusters marked:",
                         "写出标注了重复簇的清洗副本：",
                         "crm-readiness data clean customers.csv -r customers-rules.yaml "
                         "-o clean.csv"),
    "ex.data.rules": _ex("Draft a rules file from the data, then edit it:",
                         "根据数据起草规则文件，然后编辑：",
                         "crm-readiness data rules init customers.csv -o rules.yaml"),
    "ex.data.rules.init": _ex("Draft a rules file from the data, then edit it:",
                              "根据数据起草规则文件，然后编辑：",
                              "crm-readiness data rules init customers.csv -o rules.yaml"),
    "ex.demo": _ex("Write the demo in Chinese and open its index.html:",
                   "生成中文演示并打开其中的 index.html：",
                   "crm-readiness demo --out crm-readiness-demo --lang zh"),
    "ex.docs": _ex("Write the project charter and the go-live checklist as Word files:"
                   "|Write every document as HTML and Markdown, the costs included:",
                   "以 Word 格式生成项目章程与上线检查清单：|以 HTML 与 Markdown 生成全部文档，并纳入成本：",
                   "crm-readiness docs charter,golive -a answers.yaml -f docx",
                   "crm-readiness docs all -a answers.yaml --costs costs.yaml -f html,md"),
    "ex.history": _ex("List the snapshots of an assessment:", "列出一次评估的快照：",
                      "crm-readiness history -a answers.yaml"),
    "ex.init": _ex("Start your own project from commented starter files:",
                   "用带注释的起始文件开始自己的项目：",
                   "crm-readiness init my-crm-project"),
    "ex.plan": _ex("Plan an implementation starting on 1 September:",
                   "规划 9 月 1 日开始的实施：",
                   "crm-readiness plan -a answers.yaml --start 2026-09-01 -o plan"),
    "ex.questionnaire": _ex("Export a questionnaire workbook for every role:",
                            "为每个角色导出问卷工作簿：",
                            "crm-readiness questionnaire export --role all -o questionnaires"),
    "ex.questionnaire.export": _ex("Export questionnaires for sales and IT only:",
                                   "只为销售与 IT 导出问卷：",
                                   "crm-readiness questionnaire export --role sales,it "
                                   "-a answers.yaml"),
    "ex.questionnaire.import": _ex("Merge the filled questionnaires into the answers file:",
                                   "将填好的问卷合并进回答文件：",
                                   "crm-readiness questionnaire import filled/*.xlsx "
                                   "-a answers.yaml"),
    "ex.requirements": _ex("Copy the standard requirements catalogue to tailor it:",
                           "复制标准需求目录以便裁剪：",
                           "crm-readiness requirements init requirements.yaml"),
    "ex.requirements.init": _ex("Copy the standard requirements catalogue to tailor it:",
                                "复制标准需求目录以便裁剪：",
                                "crm-readiness requirements init requirements.yaml"),
    "ex.roi": _ex("Build the ROI case from a costs and a benefits file:"
                  "|Fewer Monte Carlo draws, fixed seed, HTML only:",
                  "由成本与收益文件生成投资回报分析：|减少蒙特卡洛抽样次数、固定随机种子、只输出 HTML：",
                  "crm-readiness roi costs.yaml benefits.yaml -o finance",
                  "crm-readiness roi costs.yaml benefits.yaml --draws 2000 --seed 7 -f html"),
    "ex.spec": _ex("Write the requirements specification as Markdown and Word:",
                   "以 Markdown 与 Word 格式输出需求说明书：",
                   "crm-readiness spec --answers answers.yaml --format md,docx"),
    "ex.tco": _ex("Compare the total cost of two vendors' offers:", "比较两家供应商报价的总体拥有成本：",
                  "crm-readiness tco costs-yunfan.yaml costs-novasales.yaml -o tco"),
    "ex.vendors": _ex("Score and rank the vendors in a vendors file:", "为供应商文件中的供应商打分排名：",
                      "crm-readiness vendors compare vendors.yaml"),
    "ex.vendors.compare": _ex("Score the vendors; write the live comparison workbook:",
                              "为供应商打分，输出实时比较工作簿：",
                              "crm-readiness vendors compare vendors.yaml --out comparison.xlsx"),
    "ex.vendors.import": _ex("Read the vendors' filled RFP workbooks into the vendors file:",
                             "将供应商填写的 RFP 工作簿读入供应商文件：",
                             "crm-readiness vendors import responses/*.xlsx --vendors vendors.yaml"),
    "ex.vendors.rfp": _ex("Write an RFP workbook pre-filled for one vendor:",
                          "为某家供应商写出预填的 RFP 工作簿：",
                          "crm-readiness vendors rfp --vendor Yunfan --out rfp-yunfan.xlsx"),
}
