"""Adoption from the export: a synthetic 200 users × 90 days, counted by hand; bad exports located."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from crm_readiness.engine.review_adoption import adoption
from crm_readiness.errors import InputFileError
from crm_readiness.io.review_csv import load_adoption, open_adoption

START = date(2026, 1, 1)  # day 0; 31 January is day 30, 28 February day 58, 31 March day 89


def _export(path: Path) -> Path:
    """200 users × 90 days. Users 0–149 log in every day and create 2 records on even days;
    users 150–179 log in only in January; users 180–199 never do anything. Team = user % 4."""
    lines = ["user,team,date,records_created,records_updated,logins"]
    for u in range(200):
        for d in range(90):
            day = START + timedelta(days=d)
            if u < 150:
                created, logins = (2 if d % 2 == 0 else 0), 1
            elif u < 180:
                created, logins = 0, (1 if day.month == 1 else 0)
            else:
                created, logins = 0, 0
            lines.append(f"u{u:03d},t{u % 4},{day.isoformat()},{created},0,{logins}")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_hand_counted_active_users(tmp_path: Path) -> None:
    path = _export(tmp_path / "adoption.csv")
    assert len(load_adoption(path)) == 18_000  # the row reader that locates problems
    with open_adoption(path) as table:
        a = adoption(table.conn, seats=250)
    # window: the 30 days ending on 31 March (the last date) = 2 March (day 60) … 31 March
    assert (a.as_of, a.window_start) == (date(2026, 3, 31), date(2026, 3, 2))
    assert (a.users, a.active_users, a.inactive_users) == (200, 150, 50)
    assert a.active_share == Decimal("0.6")
    assert a.daily_active_mean == 150
    # even days 60, 62, … 88: 15 days × 2 records; one login a day
    assert a.records_per_active_user == 30 and a.logins_per_active_user == 30
    assert [(m.month, m.active_users, m.records, m.logins) for m in a.months] == [
        ("2026-01", 180, 150 * 16 * 2, 180 * 31),   # even days 0 … 30: 16
        ("2026-02", 150, 150 * 14 * 2, 150 * 28),   # days 31 … 58, even: 32 … 58 = 14
        ("2026-03", 150, 150 * 15 * 2, 150 * 31)]   # days 59 … 89, even: 60 … 88 = 15
    t0 = a.teams[0]
    # team t0: users 0, 4, … 196 = 50; active ones < 150: 0, 4, … 148 = 38
    assert (t0.team, t0.users, t0.active_users, t0.logins) == ("t0", 50, 38, 38 * 30)
    assert sum(t.active_users for t in a.teams) == 150


def test_review_date_limits_the_window(tmp_path: Path) -> None:
    with open_adoption(_export(tmp_path / "adoption.csv")) as table:
        jan = adoption(table.conn, as_of=date(2026, 1, 31))
    assert (jan.active_users, jan.seats, jan.active_share) == (180, None, None)
    assert [m.month for m in jan.months] == ["2026-01"]


@pytest.mark.parametrize(("text", "where", "words"), [
    ("user,date\nu1,2026-01-01\n", ("", 1), "records_created"),
    ("user,date,records_created,records_updated,logins\nu1,2026-13-01,1,0,1\n",
     ("date", 2), "YYYY-MM-DD"),
    ("user,date,records_created,records_updated,logins\nu1,2026-01-01,-1,0,1\n",
     ("records_created", 2), "whole number"),
    ("user,date,records_created,records_updated,logins\n,2026-01-01,1,0,1\n",
     ("user", 2), "empty"),
])
def test_bad_export_is_located(tmp_path: Path, text: str, where: tuple[str, int],
                               words: str) -> None:
    path = tmp_path / "adoption.csv"
    path.write_text(text, "utf-8")
    with pytest.raises(InputFileError) as info:
        open_adoption(path)
    problem = info.value.problems[0]
    assert (problem.location, problem.line) == where and words in problem.text("en")
    assert problem.message_zh and str(path) in info.value.text("zh")


def test_export_edges(tmp_path: Path) -> None:
    ok = tmp_path / "ok.csv"
    ok.write_text("\ufeffUser,Date,Records_Created,Records_Updated,Logins,note\n"
                  'u1,2026-01-02,,,1,"a, b"\nu2,2026-01-02,0,0,0,\n', "utf-8")
    with open_adoption(ok) as table:
        a = adoption(table.conn)
    assert (a.users, a.active_users, a.logins_per_active_user) == (2, 1, 1)
    assert [t.team for t in a.teams] == [""]
    for name, data in (("gbk.csv", "user,date,records_created,records_updated,logins\n"
                                   "王,2026-01-01,1,0,1\n".encode("gbk")),
                       ("ragged.csv", b"user,date,records_created,records_updated,logins\n"
                                      b"u1,2026-01-01,1,0,1,9,9\nu2\n"),
                       ("big.csv", b"user,date,records_created,records_updated,logins\n"
                                   b"u1,2026-01-01,99999999,0,1\n")):
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(InputFileError) as info:
            open_adoption(path)
        assert info.value.path == path and info.value.problems
    with pytest.raises(InputFileError):
        open_adoption(tmp_path / "missing.csv")
