"""Every user-facing message exists in English and Chinese with the same placeholders."""

from __future__ import annotations

import string
from functools import cache

from crm_readiness.i18n import CATALOGUES, catalogue, normalize_lang


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_and_the_same_placeholders() -> None:
    messages = catalogue()
    assert len(messages) > 100 and len(CATALOGUES) >= 2
    for key, entry in messages.items():
        assert set(entry) == {"en", "zh"}, key
        assert entry["en"].strip() and entry["zh"].strip(), key
        assert _fields(entry["en"]) == _fields(entry["zh"]), key


def test_chinese_text_is_chinese() -> None:
    # a zh entry identical to en is allowed only for symbols, codes and placeholders
    for key, entry in catalogue().items():
        if entry["zh"] == entry["en"]:
            stripped = entry["en"].translate(str.maketrans("", "", "{}#%/–-—.:,()"))
            assert not any(c.isalpha() and c.isascii() for c in stripped.replace("reason", "")), key


def test_locale_names_map_to_languages() -> None:
    assert normalize_lang("zh_CN.UTF-8") == "zh"
    assert normalize_lang("zh-Hans") == "zh"
    assert normalize_lang("en_GB.UTF-8") == "en"
    assert normalize_lang("C.UTF-8") == "en"
    assert normalize_lang("fr_FR") is None


# --- every key used exists, every key is used ------------------------------------------

import ast  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

_ROOT = Path(__file__).resolve().parents[1]
_KEY = re.compile(r"[a-z_]+(?:\.[a-z0-9_]+)+")
#: keys built at run time, f"verdict.{v}": the prefixes, each used by an f-string somewhere.
DYNAMIC_PREFIXES = (
    "band.",
    "category.",
    "compare.phase_",
    "demo.workshop.",
    "report.basis_",
    "decision.data.fix.",
    "decision.finance.verdict.",
    "decision.review.verdict.",
    "data.dim.",
    "data.dim_help.",
    "data.rv.col.",
    "data.rv.decision.",
    "data.rv.agree.",
    "data.fix.",
    "data.note.",
    "data.progress.",
    "data.rule.",
    "pyd.",
    "data.wb.col.",
    "map.col.",
    "map.basis.",
    "map.note.",
    "map.target.",
    "rehearse.kind.",
    "rehearse.demo.report",
    "docs.customization.",
    "docs.deployment.",
    "docs.fmt.",
    "docs.golive.rep.",
    "docs.iface.",
    "docs.industry.",
    "docs.integration.",
    "docs.migration.rec.",
    "docs.migobj.",
    "docs.module.",
    "docs.proc.",
    "docs.raci.",
    "docs.role.",
    "docs.size.",
    "docs.topic.",
    "docs.training.adopt.",
    "docs.training.aud.",
    "docs.training.focus.",
    "docs.training.mat.",
    "finance.basis.",
    "finance.benefit.",
    "finance.cat.",
    "finance.component.",
    "finance.driver.",
    "finance.flag.",
    "finance.kind.",
    "finance.metric.",
    "finance.param.",
    "finance.row.",
    "finance.scenario.",
    "owner.",
    "plan.assumption.",
    "plan.criterion.",
    "review.status.",
    "review.dim.",
    "review.dim_figure.",
    "review.trend.",
    "plan.milestone.",
    "plan.stage.",
    "plan.stretch.",
    "reason.",
    "rule.",
    "verdict.",
    "vendors.kind.",
    "vendors.method.",
    "vendors.prio.",
    "vendors.rep.ahp_agg.",
    "vendors.rep.rule.",
    "vendors.show.outcome.",
    "vendors.response.",
    "vendors.status.",
    "vendors.verdict.",
    "vendors.wb.",
    "vendors.weights.",
    "workshop.role.",
    "workshop.team.",
)
#: functions whose first argument is a catalogue key
_KEY_FUNCS = {"t", "tr", "h", "MessageError", "_err", "err", "_t"}


@cache  # three tests read the same parse of every source file
def _sources() -> tuple[set[str], set[str], list[tuple[str, str]]]:
    """Return (string constants, f-string prefixes, (place, key) of t()-style calls)."""
    consts: set[str] = set()
    prefixes: set[str] = set()
    calls: list[tuple[str, str]] = []
    for path in (_ROOT / "crm_readiness").rglob("*.py"):
        if path.parent.name == "i18n":
            continue  # the catalogue itself
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                consts.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str):
                    prefixes.add(head.value)
            elif isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                first = node.args[0]
                if (name in _KEY_FUNCS and isinstance(first, ast.Constant)
                        and isinstance(first.value, str) and _KEY.fullmatch(first.value)):
                    calls.append((f"{path.name}:{node.lineno}", first.value))
    for path in (_ROOT / "templates").rglob("*.j2"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\bt\(\s*['\"]([^'\"]+)['\"](?!\s*~)", text):
            calls.append((path.name, match.group(1)))
            consts.add(match.group(1))
        for match in re.finditer(r"['\"]([a-z_]+(?:\.[a-z0-9_]+)*[._])['\"]\s*~", text):
            prefixes.add(match.group(1))
        consts.update(re.findall(r"['\"](" + _KEY.pattern + r")['\"]", text))
    return consts, prefixes, calls


def test_every_key_used_in_code_exists() -> None:
    messages = catalogue()
    _, _, calls = _sources()
    assert len(calls) > 300
    missing = sorted({f"{where}: {key}" for where, key in calls if key not in messages})
    assert missing == []


def test_every_key_in_the_catalogue_is_used() -> None:
    consts, _, _ = _sources()
    unused = [k for k in catalogue()
              if k not in consts and not k.startswith(DYNAMIC_PREFIXES)]
    assert unused == []


def test_dynamic_prefixes_are_real() -> None:
    consts, prefixes, _ = _sources()
    keys = list(catalogue())
    for prefix in DYNAMIC_PREFIXES:
        # some f-string, template concatenation or key + "…" builds it
        assert any(p.endswith(prefix) for p in prefixes) or any(
            c.startswith(prefix) for c in consts), prefix
        assert any(k.startswith(prefix) for k in keys), prefix


def test_no_en_zh_literal_messages() -> None:
    bad = []
    for path in (_ROOT / "crm_readiness").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"\"[^\"]* \|\| [^\"]*[\u4e00-\u9fff]", line):
                bad.append(f"{path.name}:{n}")
    assert bad == []


def test_readers_hold_no_inline_messages() -> None:
    """io/ and errors.py take every message from the catalogue: no Chinese literal outside
    docstrings (an English-only literal would show up as a missing Chinese text here)."""
    cjk = re.compile(r"[\u4e00-\u9fff]")
    found: list[str] = []
    files = [*sorted((_ROOT / "crm_readiness" / "io").glob("*.py")),
             _ROOT / "crm_readiness" / "errors.py"]
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                        ast.AsyncFunctionDef))
                      and n.body and isinstance(n.body[0], ast.Expr)
                      and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in docstrings and cjk.search(node.value)):
                found.append(f"{path.name}:{node.lineno} {node.value[:40]!r}")
    assert not found, found
