"""Find English phrases in a Chinese report: runs of two or more Latin words.

What is stripped first, because it is no sentence: markup (tags, styles,
scripts-free SVG attributes), URLs, file names, ids and codes (tokens with
``-``, ``_``, ``.`` or digits), numbers with their units, and the allow-list
of proper names, abbreviations and units below. What is left and still holds
two Latin words in a row is English prose a Chinese reader should not meet.
"""

from __future__ import annotations

import html
import re

#: proper names, abbreviations and units a Chinese report keeps in Latin letters
_NAMES = """
    CRM SaaS ERP NPV IRR TCO ROI KPI KPIs CNY USD EUR RMB VAT SLA SSO API APIs CSV JSON HTML
    XLSX YAML PDF SQL ETL MDM RFP RFI PoC POC UAT IT HR BI OA PM ID IDs URL UTF GB AI
    NovaSales Yunfan EntLink YunfanCRM Salesforce HubSpot Dynamics Zoho Fxiaoke Excel WeCom WeChat
    DingTalk Feishu Lark Kingdee Yonyou SAP Oracle Microsoft Tencent Alibaba Office
    PIPL MLPS ISO GDPR DSAR RACI RAG MoSCoW SMART GMV ARR MRR CAC LTV FTE RPO RTO
    Okabe Ito Saaty Mon Tue Wed Thu Fri Sat Sun x GB TB MB SSD CPU
    """
#: proper names of several words: the demo company's and panelists' names as written
NAMES: tuple[str, ...] = ("Huadong Precision Machinery", "Chen Jing", "Liu Qiang", "Wang Fang")
ALLOWED: frozenset[str] = frozenset(w.lower() for w in _NAMES.split())

_DROP_BLOCKS = re.compile(r"<(style|script|title)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]*>")
_COMMAND = re.compile(r"crm-readiness(?: [a-z][a-z-]*){0,3}")
_URL = re.compile(r"\b(?:https?|mailto|file):\S+|www\.\S+")
_MD_LINK = re.compile(r"\]\([^)]*\)")
_FILE = re.compile(r"\S+\.(?:html|md|json|xlsx|xlsm|xls|csv|yaml|yml|docx|pdf|svg|txt|ods)\b", re.I)
#: tokens holding a digit, an underscore, a dot between letters or an inner hyphen: ids, codes
_CODE = re.compile(r"[A-Za-z0-9]*(?:[0-9_]|[A-Za-z]\.[A-Za-z]|[A-Za-z]-[A-Za-z0-9])[\w.\-/]*")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ \t]*[,:;/&()]?[ \t]+[A-Za-z][A-Za-z'’]*)+")


def visible_text(markup: str) -> str:
    """Return the text a reader sees in HTML or Markdown: tags, URLs, links dropped."""
    text = _DROP_BLOCKS.sub(" ", markup)
    text = _TAG.sub("\n", text)
    text = html.unescape(text)
    text = _MD_LINK.sub("] ", text)
    return text.replace("\\", "")


def english_phrases(text: str) -> list[str]:
    """Return every run of two or more Latin words left after ids, names and units."""
    for name in NAMES:
        text = text.replace(name, " ")
    text = _COMMAND.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _FILE.sub(" ", text)
    text = _CODE.sub(" ", text)
    # a lone capital letter is a code (customer grades A–E, option letters), not a word
    text = _WORD.sub(lambda m: "\x00" if m.group(0).lower() in ALLOWED
                     or (len(m.group(0)) == 1 and m.group(0).isupper()) else m.group(0), text)
    return [m.group(0) for m in _RUN.finditer(text)]
