"""Messages of printing: paper, PDF, the running header and page numbers, the demo dashboard."""

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
    "err.pdf_failed": {
        "en": "the PDF could not be made: {reason}",
        "zh": "无法生成 PDF：{reason}",
    },
    "print.page_of": {"en": "Page {page} of {pages}", "zh": "第 {page} 页，共 {pages} 页"},
    "print.appendices": {"en": "Appendices", "zh": "附录"},
}
