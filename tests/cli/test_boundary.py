"""The one error boundary in main() and terminal output that escapes user data."""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_readiness._resources import examples_dir
from crm_readiness.cli._common import plain
from crm_readiness.cli.main import app, main
from crm_readiness.errors import EXIT_INTERNAL

EXAMPLES = examples_dir() / "demo"


def _run_main(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["crm-readiness", *args])
    with pytest.raises(SystemExit) as info:
        main()
    code = info.value.code
    return code if isinstance(code, int) else 0


def test_bug_is_one_bilingual_line_and_a_crash_file(monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    import crm_readiness.workflows.workspace as workspace

    def boom(*_a: object, **_k: object) -> list[Path]:
        raise RuntimeError("secret-bug-detail")

    monkeypatch.setattr(workspace, "init_workspace", boom)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    assert _run_main(monkeypatch, "init", str(tmp_path / "ws"), "--lang", "en") == EXIT_INTERNAL
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "internal error in crm-readiness" in lines[0] and "内部错误" in lines[0]
    assert "Traceback" not in err and "secret-bug-detail" not in err
    match = re.search(r"(\S+crm-readiness-crash-\S+\.log)", lines[0])
    assert match, lines[0]
    log = Path(match.group(1))
    assert log.parent == tmp_path
    body = log.read_text(encoding="utf-8")
    assert "Traceback" in body and "RuntimeError: secret-bug-detail" in body


def test_user_errors_and_usage_keep_their_codes(monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    assert _run_main(monkeypatch, "assess", "--answers", str(tmp_path / "nope.yaml")) == 3
    assert _run_main(monkeypatch, "assess", "--no-such-option") == 2
    assert _run_main(monkeypatch, "--version") == 0
    assert "Traceback" not in capsys.readouterr().err


def test_interrupt_is_130(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import crm_readiness.workflows.workspace as workspace

    def interrupted(*_a: object, **_k: object) -> list[Path]:
        raise KeyboardInterrupt

    monkeypatch.setattr(workspace, "init_workspace", interrupted)
    assert _run_main(monkeypatch, "init", str(tmp_path / "ws")) == 130


@pytest.mark.parametrize(("where", "args"), [
    ("root options", ["docs", "charter"]),
    ("command options", ["docs", "charter"]),
    ("command options", ["checklist", "show", "strategy"]),  # a command of a sub-group
])
def test_ctrl_c_while_parsing_is_130_with_one_bilingual_line(
        where: str, args: list[str], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Ctrl-C while click parses the command line, before the command's body runs, is exit
    130 and one line in both languages: never click's silent 130 or "Aborted!" exit 1."""
    from crm_readiness.cli._help import HelpCommand, HelpGroup

    def interrupted(*_a: object, **_k: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(HelpGroup if where == "root options" else HelpCommand, "parse_args",
                        interrupted)
    if args[0] == "docs":
        args = [*args, "--answers", str(EXAMPLES / "answers.yaml"), "--out", str(tmp_path / "out")]
    assert _run_main(monkeypatch, *args, "--lang", "zh") == 130
    err = capsys.readouterr().err
    assert err.strip().splitlines() == ["Interrupted (Ctrl-C). / 已中断（Ctrl-C）。"], err
    assert "Traceback" not in err and not (tmp_path / "out").exists()


HOSTILE = "Acme [bold red]x[/] \x1b[31mred\x1b[0m \x9b2J end"


def test_plain_removes_markup_and_controls() -> None:
    from rich.console import Console

    console = Console(record=True, force_terminal=True, color_system="truecolor", width=200,
                      highlight=False)
    console.print(plain(HOSTILE))
    styled = console.export_text(styles=True)
    assert "\x1b" not in styled  # no style at all: neither the markup nor the ANSI took effect
    assert "[bold red]x[/]" in styled and "␛[31m" in styled and "\x9b" not in styled
    assert "\x1b" not in plain(HOSTILE)


def test_summary_prints_hostile_organisation_as_typed(tmp_path: Path) -> None:
    import yaml

    from crm_readiness._resources import examples_dir

    data = yaml.safe_load((examples_dir() / "demo" / "answers.yaml").read_text(encoding="utf-8"))
    data["profile"]["organization"] = HOSTILE
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["assess", "--answers", str(answers), "--out",
                                      str(tmp_path / "out"), "-f", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x9b" not in result.output
    assert "[bold red]x[/]" in result.output


def test_summary_prints_emoji_codes_as_typed(tmp_path: Path) -> None:
    """``:smile:`` in a name is text, not an emoji code for rich to replace."""
    import yaml

    data = yaml.safe_load((EXAMPLES / "answers.yaml").read_text(encoding="utf-8"))
    data["profile"]["organization"] = "Acme :smile: :thumbs_up: Ltd"
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["assess", "--answers", str(answers), "--out",
                                      str(tmp_path / "out"), "-f", "json", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Acme :smile: :thumbs_up: Ltd" in result.output
    assert "\N{THUMBS UP SIGN}" not in result.output
