"""Two real ``crm-readiness questionnaire import`` processes into one answers file at once.

Shared by the test (a few trials) and ``benchmarks/concurrent_import.py`` (20 trials).
Each process runs the real CLI entry point (``crm_readiness.cli.main:main``) with
the small workshop checklists in place of the packaged ones, so a trial is fast.

:func:`trial` starts two fresh interpreters (the benchmark: a command as a user runs
it); :func:`forked_trial` forks two processes from this one, whose imports are done,
and releases them into ``main()`` at the same moment (the test: the same entry point,
lock and files, without two interpreter start-ups of about a second of CPU each).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "workshops"
REPO = Path(__file__).resolve().parents[2]
RUN = (
    "import sys\n"
    "import crm_readiness.io.checklists as c\n"
    f"c.checklists_dir = lambda: __import__('pathlib').Path({str(ASSETS / 'checklists')!r})\n"
    "from crm_readiness.cli.main import main\n"
    "sys.argv = ['crm-readiness', *sys.argv[1:]]\n"
    "main()\n"
)


def prepare(folder: Path) -> tuple[Path, Path]:
    """Export and fill two questionnaires (different respondents); return them."""
    from crm_readiness.io.assessment import load_answers
    from crm_readiness.io.checklists import load_checklist_set
    from crm_readiness.workflows.workshop import export_questionnaires
    from tests.workshops.test_questionnaire import NOW, _fill

    checklists = load_checklist_set(packaged_dir=ASSETS / "checklists")
    answers = load_answers(ASSETS / "answers-three.yaml", checklists)
    sales, it = (folder / "sales", folder / "it")
    (a,) = export_questionnaires(checklists, answers, ["sales"], sales, now=NOW)
    (b,) = export_questionnaires(checklists, answers, ["it"], it, now=NOW)
    _fill(a, "Wang Li", {"strategy.sponsor": {6: "Yes / 是"}, "strategy.kpis": {6: "defined"},
                         "strategy.processes": {6: "Ad hoc"}, "data.accuracy": {6: 60}})
    rows = _fill(b, "Chen Gong", {})
    _fill(b, "Chen Gong", {qid: {7: "not my area"} for qid in rows})
    return a, b


def _fresh_target(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "answers.yaml"
    shutil.copyfile(ASSETS / "answers-three.yaml", target)
    return target


def _respondents(target: Path) -> set[str]:
    import yaml

    data = yaml.safe_load(target.read_text("utf-8"))
    return {r["id"] for r in data.get("respondents", [])}


def trial(folder: Path, a: Path, b: Path) -> set[str]:
    """Run both imports at the same time into a fresh answers file; return who is in it."""
    target = _fresh_target(folder)
    env = {**os.environ, "CRM_READINESS_LANG": "en"}
    procs = [subprocess.Popen([sys.executable, "-c", RUN, "questionnaire", "import", str(q),
                               "--answers", str(target)], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
             for q in (a, b)]
    for p in procs:
        out, _ = p.communicate(timeout=120)
        assert p.returncode == 0, out.decode()
    return _respondents(target)


def _forked_import(start: Any, questionnaire: str, target: str, log: str) -> None:
    """In a forked child: wait for the other one, then run the CLI's ``main()`` as
    ``crm-readiness questionnaire import QUESTIONNAIRE --answers TARGET``."""
    import crm_readiness.io.checklists as checklists
    from crm_readiness.cli.main import main

    with open(log, "w", encoding="utf-8") as out:  # the child's own stdout and stderr
        os.dup2(out.fileno(), 1)
        os.dup2(out.fileno(), 2)
    checklists.checklists_dir = lambda: ASSETS / "checklists"  # type: ignore[assignment,attr-defined]
    os.environ["CRM_READINESS_LANG"] = "en"
    sys.argv = ["crm-readiness", "questionnaire", "import", questionnaire, "--answers", target]
    start.wait(60)
    main()


def forked_trial(folder: Path, a: Path, b: Path) -> set[str]:
    """:func:`trial` with the two processes forked from this one and released together."""
    import multiprocessing

    target = _fresh_target(folder)
    ctx = multiprocessing.get_context("fork")
    start = ctx.Barrier(2)
    logs = [folder / f"import-{i}.log" for i in range(2)]
    procs = [ctx.Process(target=_forked_import, args=(start, str(q), str(target), str(log)))
             for q, log in zip((a, b), logs, strict=True)]
    for p in procs:
        p.start()
    for p, log in zip(procs, logs, strict=True):
        p.join(120)
        assert p.exitcode == 0, (p.exitcode, log.read_text("utf-8", errors="replace"))
    return _respondents(target)
