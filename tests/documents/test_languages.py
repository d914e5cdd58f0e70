"""Each language is that language: no English sentence in a Chinese document and no Chinese in an
English one, beyond what users wrote (names, notes, evidence) and the catalogue's terms and codes."""

from __future__ import annotations

import html
import io
import re
import zipfile

from crm_readiness.io.assessment import load_answers_file
from crm_readiness.io.data_sources import load_profile_result
from crm_readiness.io.vendors import load_catalogue
from crm_readiness.models._base import Text
from crm_readiness.models.document import Document, Section, Table
from crm_readiness.render import Format
from tests.documents.conftest import DEMO, PROFILE, Rendered

#: three or more English words in a row
ENGLISH_RUN = re.compile(r"[A-Za-z][a-z'’]+(?:[ ,/-]+[A-Za-z][a-z'’]+){2,}")
GLOSS = re.compile(r"\([^()]*[\u4e00-\u9fff][^()]*\)|《[^》]*》")
CJK = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def _user_strings(doc: Document) -> list[str]:
    """What users wrote (shown as written in both languages), longest first."""
    answers = load_answers_file(DEMO / "answers.yaml")
    catalogue = load_catalogue(DEMO / "requirements.yaml")
    # a bilingual note is shown in the document's language: either may appear
    written = [s for given in answers.answers.values() for a in given
               for x in (a.note, a.evidence, a.respondent) if x
               for s in ((x.en, x.zh) if isinstance(x, Text) else (x,))]
    # the catalogue is the user's too: its glossary terms, and definitions naming Chinese terms
    written += [x for g in catalogue.glossary for x in (g.term, g.definition.en)] + [doc.organization]
    written += [x.en for r in catalogue.requirements for x in (r.title, r.description, r.acceptance) if x]
    written += [c.name for c in load_profile_result(PROFILE).columns]  # the export's column names
    return sorted(set(written), key=len, reverse=True)


def _html_text(data: bytes) -> str:
    page = re.sub(r"<(style|head)\b.*?</\1>", " ", data.decode("utf-8"), flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                      if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n))
    return html.unescape(" ".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)))


def _strip(text: str, doc: Document) -> str:
    for s in _user_strings(doc):
        text = text.replace(s, " ")
    return re.sub(r"`?crm-readiness [a-z -]+`?|--[a-z-]+", " ", text)  # commands and options


def _texts(doc: Document) -> list[Text]:
    out: list[Text] = [doc.title]

    def walk(section: Section) -> None:
        out.append(section.title) if isinstance(section.title, Text) else None
        for block in section.blocks:
            values = ([c.header for c in block.columns] + [v for row in block.rows for v in row]
                      if isinstance(block, Table) else
                      list(getattr(block, "items", ())) + [getattr(block, "text", "")])
            out.extend(v for v in values if isinstance(v, Text))
        for sub in section.subsections:
            walk(sub)

    for section in doc.sections:
        walk(section)
    return out


def test_chinese_documents_have_no_english_sentences(demo_docs: dict[str, Document],
                                                     rendered: Rendered) -> None:
    for kind, doc in demo_docs.items():
        english = {x.en for x in _texts(doc) if x.en != x.zh and len(x.en) >= 8 and " " in x.en}
        assert len(english) > 10, kind
        for fmt, extract in ((Format.html, _html_text), (Format.docx, _docx_text)):
            text = _strip(extract(rendered(kind, fmt, "zh")), doc)
            assert len(CJK.findall(text)) > 300, (kind, fmt)
            runs = ENGLISH_RUN.findall(text)
            assert runs == [], (kind, fmt, runs[:5])
            leaked = [e for e in english if e in text]
            assert leaked == [], (kind, fmt, leaked[:3])


def test_english_documents_have_no_chinese(demo_docs: dict[str, Document], rendered: Rendered) -> None:
    for kind, doc in demo_docs.items():
        for fmt, extract in ((Format.html, _html_text), (Format.docx, _docx_text)):
            text = _strip(extract(rendered(kind, fmt, "en")), doc)
            # the checklists gloss a term with its Chinese name: service loop (报修到完成), 《…》
            text = GLOSS.sub(" ", text)
            assert len(ENGLISH_RUN.findall(text)) > 20, (kind, fmt)
            found = CJK.findall(text)
            assert found == [], (kind, fmt, "".join(found[:20]))
