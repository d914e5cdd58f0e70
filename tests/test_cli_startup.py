"""main() builds only the family of the command it runs, and collects garbage less often."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from crm_readiness.cli import main as cli_main


def _names(app: object) -> set[str]:
    group = get_command(app)  # type: ignore[arg-type]
    return set(group.commands)  # type: ignore[attr-defined]


def test_every_command_maps_to_the_family_registering_it() -> None:
    assert _names(cli_main.build_app()) == set(cli_main.COMMANDS)
    for family in cli_main.FAMILIES:
        expected = {c for c, f in cli_main.COMMANDS.items() if f == family}
        assert _names(cli_main.build_app((family,))) == expected, family


@pytest.mark.parametrize("argv", [["assess", "--help"], ["data", "rules", "init", "--help"],
                                  ["vendors", "panel", "export", "--help"], ["tco", "--help"]])
def test_a_command_alone_shows_the_same_help_as_in_the_full_app(argv: list[str]) -> None:
    runner = CliRunner()
    full = runner.invoke(cli_main.app, argv, prog_name="crm-readiness")
    alone = runner.invoke(cli_main.app_for(argv), argv, prog_name="crm-readiness")
    assert full.exit_code == alone.exit_code == 0
    assert alone.output == full.output


def test_root_options_and_unknown_commands_get_the_full_app() -> None:
    for argv in ([], ["--help"], ["--version"], ["asess"]):
        assert _names(cli_main.app_for(argv)) == set(cli_main.COMMANDS), argv
    assert _names(cli_main.app_for(["assess", "--answers", "data"])) == {"assess"}


def test_main_imports_only_the_command_run_and_tunes_the_collector() -> None:
    code = ("import gc, sys\n"
            "from crm_readiness.cli import main as m\n"
            "sys.argv = ['crm-readiness', 'assess', '--help']\n"
            "try:\n    m.main()\nexcept SystemExit:\n    pass\n"
            "cli = sorted(k for k in sys.modules if k.startswith('crm_readiness.cli.'))\n"
            "print(','.join(cli), file=sys.stderr)\n"
            "import os\n"
            "print(gc.get_threshold()[0], gc.get_freeze_count() > 0,\n"
            "      os.environ.get('PYDANTIC_DISABLE_PLUGINS'), file=sys.stderr)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env=env)
    modules, tuning = proc.stderr.strip().splitlines()[-2:]
    assert "crm_readiness.cli.assess" in modules.split(",")
    for other in ("data", "vendors", "finance", "workshop", "review", "documents", "checklist"):
        assert f"crm_readiness.cli.{other}" not in modules.split(","), other
    threshold, frozen, plugins = tuning.split()
    assert int(threshold) >= 10_000 and frozen == "True"
    assert plugins == "__all__"  # pydantic does not scan every installed package for plugins
