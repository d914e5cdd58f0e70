"""Messages of printing (paper, PDF, page numbers) and of the demo dashboard (index.html)."""

MESSAGES: dict[str, dict[str, str]] = {
    "opt.paper": {
        "en": "Paper the HTML and PDF reports are laid out for: a4 or letter.",
        "zh": "HTML 与 PDF 报告的纸张：a4 或 letter（美式信纸）。",
    },
    "err.usage_paper": {
        "en": "Unknown paper {value!r}; use a4 or letter.",
        "zh": "未知纸张 {value!r}；请使用 a4 或 letter。",
    },
    "err.pdf_missing": {
        "en": "--format pdf needs the PDF extra, which is not usable here ({reason}). "
              "Install it with: pip install \"crm-readiness[pdf]\" (WeasyPrint; on Debian or Ubuntu "
              "also: apt install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk). Nothing was written.",
        "zh": "--format pdf 需要 PDF 扩展，当前无法使用（{reason}）。请安装：pip install \"crm-readiness[pdf]\""
              "（WeasyPrint；Debian 或 Ubuntu 还需：apt install libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-cjk）。"
              "未写入任何文件。",
    },
    "err.pdf_not_installed": {"en": "weasyprint is not installed", "zh": "未安装 weasyprint"},
    "print.page_of": {"en": "Page {page} of {pages}", "zh": "第 {page} 页，共 {pages} 页"},
    "demo.opt.pdf": {
        "en": "Also lay out every HTML report as a PDF beside it (needs the PDF extra; slower).",
        "zh": "同时为每份 HTML 报告生成同名 PDF（需安装 PDF 扩展；较慢）。",
    },
    "dash.verdict": {"en": "Verdict", "zh": "结论"},
    "dash.score": {"en": "Readiness score (0–100)", "zh": "就绪度得分（0–100）"},
    "dash.blockers": {"en": "Go-live blockers", "zh": "上线阻断项"},
    "dash.plan_weeks": {"en": "Plan length (weeks)", "zh": "实施计划（周）"},
    "dash.plan_end": {"en": "Plan ends", "zh": "计划结束"},
    "dash.npv": {"en": "NPV, risk-adjusted ({currency})", "zh": "风险调整后净现值（{currency}）"},
    "dash.payback": {"en": "Payback (months)", "zh": "回收期（月）"},
    "dash.tco": {"en": "TCO over the horizon ({currency})", "zh": "测算期总体拥有成本（{currency}）"},
    "dash.tco_lowest": {"en": "Lowest TCO", "zh": "总体拥有成本最低"},
    "dash.leader": {"en": "Leading vendor", "zh": "领先供应商"},
    "dash.leader_score": {"en": "Leader's score (0–100)", "zh": "领先者得分（0–100）"},
    "dash.vendors": {"en": "Vendors compared", "zh": "参与比较的供应商"},
    "dash.data_score": {"en": "Data readiness", "zh": "数据就绪度"},
    "dash.data_target": {"en": "Target", "zh": "目标"},
    "dash.rows": {"en": "Records profiled", "zh": "画像记录数"},
    "dash.documents": {"en": "Documents written", "zh": "已生成文档"},
    "dash.kpis_on_track": {"en": "KPIs on track", "zh": "达标 KPI"},
    "dash.kpis_off_track": {"en": "KPIs off track", "zh": "偏离 KPI"},
    "dash.golive": {"en": "Go-live readiness", "zh": "上线就绪度"},
    "dash.other_files": {"en": "Inputs and other files", "zh": "输入文件及其他文件"},
    "dash.print": {
        "en": "Every HTML report prints on A4 with page numbers; for PDFs run the demo with --pdf "
              "(needs the PDF extra).",
        "zh": "每份 HTML 报告均可按 A4 打印并带页码；如需 PDF，请使用 --pdf 运行演示（需安装 PDF 扩展）。",
    },
}
