"""Help that reads: whole at 80 columns in both languages, usage errors in the chosen language,
examples on every command that parse and run."""

from __future__ import annotations

import re
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from rich.cells import cell_len
from typer.testing import CliRunner

from crm_readiness.cli._help import localize, wrap
from crm_readiness.cli.main import app
from crm_readiness.i18n import LANGS, Lang, t

EXAMPLES = Path(__file__).resolve().parents[2] / "crm_readiness" / "examples" / "demo"
CJK = re.compile(r"[\u4e00-\u9fff]")


def _walk(cmd: Any, path: list[str]) -> Iterator[tuple[list[str], Any]]:
    yield path, cmd
    for name in sorted(getattr(cmd, "commands", {})):
        yield from _walk(cmd.commands[name], [*path, name])


COMMANDS = [(path, cmd) for path, cmd in _walk(typer.main.get_command(app), []) if not cmd.hidden]


def _invoke(args: list[str], lang: Lang, **env: str) -> Any:
    return CliRunner().invoke(app, args, env={"COLUMNS": "80", "CRM_READINESS_LANG": lang, **env})


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_tree_is_walked() -> None:
    names = {" ".join(p) for p, _ in COMMANDS}
    assert {"", "assess", "checklist show", "data rules init", "vendors compare"} <= names
    assert len(COMMANDS) >= 28


@pytest.mark.parametrize("lang", LANGS)
def test_every_help_page_is_whole_at_80_columns(lang: Lang) -> None:
    for path, cmd in COMMANDS:
        result = _invoke([*path, "--help"], lang)
        where = f"{' '.join(path) or 'crm-readiness'} ({lang})"
        assert result.exit_code == 0, (where, result.output)
        out = result.output
        assert max(cell_len(line) for line in out.splitlines()) <= 80, where
        body = _squash(out)
        texts = [localize(cmd.help, lang)]
        for param in cmd.params:
            if getattr(param, "hidden", False) or not getattr(param, "help", None):
                continue
            if param.name not in ("install_completion", "show_completion"):
                texts.append(localize(param.help, lang))
        # nothing cut: the only ellipses are those the texts themselves hold ("gbk …")
        assert out.count("…") == sum(text.count("…") for text in texts), where
        for text in texts:
            assert _squash(text) in body, (where, text)
            if lang == "zh":
                assert CJK.search(text), (where, "not translated", text)
        assert _squash(t("help.opt.help", lang)) in body, where
        if not path:
            for key in ("help.opt.install_completion", "help.opt.show_completion"):
                assert _squash(t(key, lang)) in body, where
        examples = _examples(cmd, lang)
        assert 1 <= len(examples) <= 2, where
        tail = out[out.rindex(t("help.examples", lang)):]  # the page ends with its examples
        for line in examples:
            assert line in tail, (where, line)
            assert len(line) <= 76, line  # shown whole, indented by 4, at 80 columns
        if lang == "zh":
            assert "Options:" not in out and "Usage:" not in out and "[default:" not in out, where


def test_assess_help_under_zh_shows_every_option_text_in_full() -> None:
    """The issue's case: ``COLUMNS=80 crm-readiness assess --help`` with --lang zh."""
    result = CliRunner().invoke(app, ["assess", "--help", "--lang", "zh"],
                                env={"COLUMNS": "80", "CRM_READINESS_LANG": "en"})
    assert result.exit_code == 0
    body = _squash(result.output)
    for key in ("assess.opt.answers", "assess.opt.save", "assess.opt.fail_under",
                "assess.opt.data_profile", "assess.opt.respondent", "opt.lang", "opt.force", "opt.paper"):
        assert _squash(t(key, "zh")) in body, key
    assert _squash(t("opt.format", "zh", choices="md, html, json, xlsx, pdf")) in body
    assert "…" not in result.output and "选项：" in result.output


def test_wrap_breaks_between_chinese_characters_not_before_punctuation() -> None:
    text = "总分低于 N（0–100）或结论为“未就绪”时以退出码 1 结束，" * 3
    lines = wrap(text, 30, 4)
    assert all(cell_len(line) <= 30 for line in lines)
    assert _squash("".join(lines)) == _squash(text)
    assert not any(line.strip()[0] in "，。）" for line in lines)
    long_word = "x" * 70
    assert _squash("".join(wrap(long_word, 30, 2))) == long_word  # cut, never dropped


@pytest.mark.parametrize(("args", "en", "zh"), [
    (["assess", "--no-such-option"], "No such option: --no-such-option", "没有此选项：--no-such-option"),
    (["checklist", "show"], "Missing argument 'phase'", "缺少参数 'phase'"),
    (["assess", "--fail-under", "abc"], "'abc' is not a number", "'abc' 不是数字"),
    (["assess", "--fail-under", "150"], "above the maximum 100", "大于最大值 100"),
    (["no-such-command"], "No such command 'no-such-command'", "没有命令 'no-such-command'"),
    (["assess", "--out"], "Option '--out' needs a value", "选项 '--out' 需要一个值"),
    (["init", "a", "b"], "unexpected extra argument", "多余的参数"),
])
def test_usage_errors_speak_the_chosen_language(args: list[str], en: str, zh: str) -> None:
    for lang, expected, other in (("en", en, zh), ("zh", zh, en)):
        result = _invoke(args, lang)
        assert result.exit_code == 2, (lang, result.output)
        assert expected in result.output, (lang, result.output)
        assert other not in result.output
        assert ("错误：" if lang == "zh" else "Error: ") in result.output
        assert "Traceback" not in result.output


def test_lang_on_the_command_line_wins_for_usage_errors() -> None:
    result = CliRunner().invoke(app, ["assess", "--lang", "zh", "--fail-under", "x"],
                                env={"CRM_READINESS_LANG": "en"})
    assert result.exit_code == 2 and "的值无效" in result.output
    assert "运行 'crm-readiness assess -h' 查看帮助。" in result.output


def test_a_group_without_command_shows_its_help() -> None:
    result = _invoke(["checklist"], "zh")
    assert result.exit_code == 2
    assert "命令：" in result.output and "validate" in result.output


def _examples(cmd: Any, lang: Lang) -> list[str]:
    text = localize(cmd.epilog, lang)
    return [line for line in text.split("\n") if line.startswith("crm-readiness")]


def test_examples_are_the_same_command_lines_in_both_languages() -> None:
    for path, cmd in COMMANDS:
        assert _examples(cmd, "zh") == _examples(cmd, "en"), path
        assert localize(cmd.epilog, "zh") != localize(cmd.epilog, "en"), path


def test_every_example_parses() -> None:
    """Each example's command and options exist: ``--help`` appended exits 0 on that command."""
    for path, cmd in COMMANDS:
        for line in _examples(cmd, "en"):
            args = shlex.split(line)[1:]
            result = _invoke([*args, "--help"], "en")
            assert result.exit_code == 0, (line, result.output)
            words = [a for a in args if not a.startswith("-")]
            target = " ".join(["crm-readiness", *words[:len(path)]])
            assert target in result.output.splitlines()[0], (line, path)


CHEAP = [
    "crm-readiness checklist list --lang zh",
    "crm-readiness checklist show strategy",
    "crm-readiness requirements init requirements.yaml",
    "crm-readiness vendors rfp --vendor Yunfan --out rfp-yunfan.xlsx",
    "crm-readiness init my-crm-project",
    "crm-readiness tco costs-yunfan.yaml costs-novasales.yaml -o tco",
]


def test_cheap_examples_run_on_the_demo_inputs(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shown = {line for _, cmd in COMMANDS for line in _examples(cmd, "en")}
    for name in ("costs-yunfan.yaml", "costs-novasales.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    for line in CHEAP:
        assert line in shown, line
        if line.startswith("crm-readiness requirements init"):
            (tmp_path / "requirements.yaml").unlink(missing_ok=True)
        result = _invoke(shlex.split(line)[1:], "en")
        assert result.exit_code == 0, (line, result.output)
    assert (tmp_path / "rfp-yunfan.xlsx").is_file() and (tmp_path / "my-crm-project").is_dir()
    assert any((tmp_path / "tco").iterdir())
