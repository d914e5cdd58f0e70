"""A deterministic, seeded synthetic Chinese customer export with known answers.

Used by the tests (exact metric counts, duplicate precision and recall), the
benchmarks (a million rows) and the demo (a few thousand rows). Every value
is written with a known status, so the expected counts are exact:

* format variants that stay valid but normalise differently (``+86 138 …``,
  ``2024/5/1``, upper-case e-mail …) — *changed*;
* invalid values (10-digit mobiles, impossible dates, wrong credit-code check
  characters, values outside the enum …) — *invalid*;
* placeholders (无, N/A, 不详, -) and blanks — *missing*;
* landlines whose area code disagrees with the city — *inconsistent*;
* hub values shared by many unrelated customers (a 400 service number, a
  dummy mobile);
* duplicate groups: extra copies of a customer with the legal suffix changed
  or mistyped (有限泽任公司), a (城市) inserted (brackets mismatched, too), a
  one-character typo (also in short two-character names), phones reformatted
  or changed, e-mails upper-cased or changed, fields blanked and dates
  reformatted; and renamed copies that share only the credit code and e-mail;
* the cases that make duplicates look alike without being duplicates:
  namesakes (the same name, another city, nothing else shared), neighbours
  (same city and trade, a name one character apart, an address on the same
  template 高新区1xx号 with another number).
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from crm_readiness.engine.data.regions import AREA_CODES
from crm_readiness.engine.data.synthetic_rules import RULES_YAML
from crm_readiness.engine.data.uscc import ALPHABET, check_character

HEADER: tuple[str, ...] = ("客户编号", "客户名称", "统一社会信用代码", "联系人", "手机", "座机",
                           "邮箱", "城市", "地址", "行业", "客户等级", "最近联系日期")
INDUSTRIES: tuple[str, ...] = ("制造业", "批发零售", "信息技术", "物流运输", "医药健康",
                               "建筑建材", "其他")
LEVELS: tuple[str, ...] = ("A", "B", "C", "D")
AS_OF = date(2025, 6, 30)
MAX_AGE_DAYS = 730
HUB_SERVICE = "400-820-8820"
HUB_MOBILE = "13800138000"

_CITIES = ("北京", "上海", "广州", "深圳", "杭州", "南京", "苏州", "成都", "武汉", "西安",
           "天津", "重庆", "宁波", "青岛", "厦门", "长沙", "郑州", "济南", "合肥", "福州")
_BRAND = ("华瑞泰丰鼎盛恒达宏远金鑫瑞祥佳伟新锐博通嘉德汇源鸿运永兴天成中联同创海纳蓝海正和"
          "安信瀚宇德润众合凯旋明辉联创远航卓越星辰金桥盛世东方宏图信诚华美长城恒通宝丰"
          "华光宇航创新隆昌聚力兴业旭日腾飞锦程振华富达广源天润国泰亿丰万通精工鼎立")
_TRADES = ("机械", "电子", "科技", "贸易", "化工", "物流", "食品", "医药", "建材", "汽车配件",
           "纺织", "环保", "软件", "信息技术", "家具", "五金", "塑胶", "包装", "照明", "光电")
_SUFFIXES = ("有限公司", "有限公司", "有限公司", "股份有限公司", "有限责任公司",
             "集团有限公司", "公司")
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰建国志伟晓东海燕俊峰"
_SYLL = ("zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
         "ma", "hu", "guo", "lin", "he", "gao", "luo", "zheng", "wei", "fang", "jun", "hui",
         "ming", "hong", "jie", "tao", "bin", "ping", "qiang", "lei", "yan", "xin", "hao")
_MAILS = ("qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "aliyun.com")
_ROADS = ("人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "科技路", "工业大道",
          "滨江大道", "新华路")
_PLACEHOLDERS = ("无", "N/A", "不详", "-", "")
#: characters typed for a legal-form character (homophones and near misses of an IME).
_SUFFIX_TYPOS = {"责": "泽则", "限": "线现", "司": "私思", "份": "分", "公": "工功", "有": "友又",
                 "任": "认", "股": "古", "团": "图"}
#: shares of the plan: namesakes and neighbours of an earlier customer, renamed groups.
NAMESAKE_SHARE = 0.02
NEIGHBOUR_SHARE = 0.02
RENAMED_SHARE = 0.15  # of duplicate groups

COLS = {name: i for i, name in enumerate(HEADER)}
__all__ = ["HEADER", "RULES_YAML", "Truth", "csv_bytes", "generate"]


@dataclass
class Truth:
    """What the generator wrote: counts per column and status, duplicate groups, row facts."""

    rows: int = 0
    status: dict[str, Counter[str]] = field(default_factory=dict)
    groups: list[list[int]] = field(default_factory=list)
    inconsistent: int = 0
    dates: list[date | None] = field(default_factory=list)
    required_fail: int = 0
    duplicate_ids: int = 0

    def count(self, column: str, status: str) -> int:
        """Return how many values of ``column`` were written with ``status``."""
        return self.status.get(column, Counter())[status]

    def stale(self, as_of: date = AS_OF, max_age_days: int = MAX_AGE_DAYS) -> int:
        """Return how many valid dates are older than ``max_age_days`` before ``as_of``."""
        cutoff = as_of - timedelta(days=max_age_days)
        return sum(1 for d in self.dates if d is not None and d < cutoff)

    def pairs(self) -> set[tuple[int, int]]:
        """Return every pair of records (i < j) that belong to the same customer."""
        out: set[tuple[int, int]] = set()
        for g in self.groups:
            s = sorted(g)
            out.update((a, b) for k, a in enumerate(s) for b in s[k + 1:])
        return out


@dataclass
class _Entity:
    city: str
    brand: str
    trade: str
    prefix: bool
    suffix: str
    uscc: str | None
    contact: str
    mobile: str | None
    landline: str | None
    email: str | None
    address: str
    industry: str
    level: str
    last: date


def _rand_uscc(rng: random.Random) -> str:
    head = rng.choice(("91", "91", "91", "92", "52", "Y1", "N2"))
    body = head + f"{rng.randint(110000, 659999):06d}" + "".join(
        rng.choice(ALPHABET) for _ in range(9))
    return body + check_character(body)


def _entity(rng: random.Random, city: str | None = None) -> _Entity:
    city = city or rng.choice(_CITIES)
    syll = rng.choice(_SYLL) + rng.choice(_SYLL)
    return _Entity(
        city=city, brand="".join(rng.sample(_BRAND, 2)),
        trade=rng.choice(_TRADES) if rng.random() >= 0.1 else "",
        prefix=rng.random() < 0.35, suffix=rng.choice(_SUFFIXES),
        uscc=_rand_uscc(rng) if rng.random() < 0.65 else None,
        contact=rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2)))),
        mobile=(f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"
                if rng.random() < 0.85 else None),
        landline=(f"{AREA_CODES[city]}-{rng.randint(2, 9)}{rng.randint(0, 9_999_999):07d}"
                  if rng.random() < 0.6 else None),
        email=(f"{syll}{rng.randint(1, 999_999)}@{rng.choice(_MAILS)}" if rng.random() < 0.7
               else None),
        address=(f"{city}市{rng.choice(_ROADS)}{rng.randint(1, 999)}号" if rng.random() >= 0.3
                 else _template_address(city, rng)),
        industry=rng.choice(INDUSTRIES), level=rng.choice(LEVELS),
        last=date(2019, 1, 1) + timedelta(days=rng.randint(0, 2372)))


def _template_address(city: str, rng: random.Random) -> str:
    return f"{city}市高新区{rng.choice(('科技园', '创业园', ''))}{rng.randint(100, 199)}号"


def _name(e: _Entity, *, city_insert: str = "") -> str:
    core = (e.city if e.prefix else "") + e.brand + e.trade
    return core + (city_insert.format(e.city) if city_insert else "") + e.suffix


def _namesake(base: _Entity, rng: random.Random) -> _Entity:
    """Return another customer with ``base``'s name in another city (nothing else shared)."""
    other = _entity(rng, rng.choice([c for c in _CITIES if c != base.city]))
    other.brand, other.trade, other.suffix, other.prefix = (base.brand, base.trade,
                                                            base.suffix, False)
    return other


def _neighbour(base: _Entity, rng: random.Random) -> _Entity:
    """Return another customer of ``base``'s city and trade, name one character apart."""
    other = _entity(rng, base.city)
    chars = list(base.brand)
    pos = rng.randrange(len(chars))
    chars[pos] = rng.choice([ch for ch in _BRAND if ch not in base.brand])
    other.brand, other.trade, other.suffix, other.prefix = ("".join(chars), base.trade,
                                                            base.suffix, base.prefix)
    other.address = _template_address(base.city, rng)
    return other


def _suffix_typo(suffix: str, rng: random.Random) -> str:
    spots = [i for i, ch in enumerate(suffix) if ch in _SUFFIX_TYPOS]
    if len(suffix) < 4 or not spots:
        return suffix
    i = rng.choice(spots)
    return suffix[:i] + rng.choice(_SUFFIX_TYPOS[suffix[i]]) + suffix[i + 1:]


def _variant(e: _Entity, rng: random.Random) -> tuple[_Entity, str, bool]:
    """Return a copy of ``e`` as another rep typed it, the (城市) inserted (or ""), and a typo."""
    c = _Entity(**vars(e))
    city_insert = ""
    typo = False
    for change in rng.sample(("suffix", "city", "typo", "phone_fmt", "phone_new", "mail_up",
                              "mail_new", "blank", "date", "suffix_typo"), rng.randint(1, 3)):
        if change == "suffix":
            c.suffix = rng.choice([s for s in _SUFFIXES if s != e.suffix])
        elif change == "suffix_typo":
            c.suffix = _suffix_typo(c.suffix, rng)
        elif change == "city":
            city_insert = rng.choice(("（{}）", "（{}）", "（{})", "({}）"))
        elif change == "typo":
            typo = True
            pos = rng.randrange(2)
            chars = list(c.brand)
            chars[pos] = rng.choice([ch for ch in _BRAND if ch not in c.brand])
            c.brand = "".join(chars)
        elif change == "phone_new" and c.mobile:
            c.mobile = f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}"
        elif change == "mail_new" and c.email:
            c.email = c.email.split("@")[0] + "@" + rng.choice(_MAILS)
        elif change == "blank":
            field_name = rng.choice(("mobile", "email", "uscc", "landline"))
            setattr(c, field_name, None)
        elif change == "date":
            c.last = e.last + timedelta(days=rng.randint(1, 200))
    return c, city_insert, typo


class _Writer:
    """Writes one record's values with their known status, noise included."""

    def __init__(self, rng: random.Random, truth: Truth) -> None:
        self.rng = rng
        self.truth = truth

    def _mark(self, column: str, status: str) -> None:
        self.truth.status.setdefault(column, Counter())[status] += 1

    def _missing_or(self, column: str, value: str | None, p: float = 0.03,
                    row: list[str] | None = None) -> str | None:
        """Return ``value``, or None after appending a placeholder/blank to ``row``."""
        if value is None or self.rng.random() < p:
            word = self.rng.choice(_PLACEHOLDERS)
            self._mark(column, "placeholder" if word else "blank")
            if row is not None:
                row.append(word)
            return None
        return value

    def record(self, rid: str, e: _Entity, *, city_insert: str,
               hub_mobile: bool, hub_service: bool) -> list[str]:
        r, mark = self.rng, self._mark
        row: list[str] = []
        # 客户编号: unique ids, a few repeated
        row.append(rid)
        mark("客户编号", "ok")
        name = _name(e, city_insert=city_insert)
        mark("客户名称", "changed" if city_insert else "ok")
        row.append(name)
        # 统一社会信用代码
        u = self._missing_or("统一社会信用代码", e.uscc, 0.0, row)
        if u:
            x = r.random()
            if x < 0.02:
                bad = ALPHABET[(ALPHABET.index(u[-1]) + 1) % 31]
                u = u[:-1] + bad
                mark("统一社会信用代码", "invalid")
            elif x < 0.06:
                u = u.lower()
                mark("统一社会信用代码", "changed")
            else:
                mark("统一社会信用代码", "ok")
            row.append(u)
        # 联系人 (required)
        contact = e.contact
        if r.random() < 0.01:
            contact = r.choice(_PLACEHOLDERS)
            mark("联系人", "placeholder" if contact else "blank")
            required_ok = False
        else:
            mark("联系人", "ok")
            required_ok = True
        row.append(contact)
        # 手机
        m = HUB_MOBILE if hub_mobile else self._missing_or("手机", e.mobile, row=row)
        if hub_mobile:
            mark("手机", "ok")
        elif m:
            x = r.random()
            if x < 0.02:
                m = m[:10] if r.random() < 0.5 else "12" + m[2:]
                mark("手机", "invalid")
            elif x < 0.07:
                m = r.choice((f"+86 {m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}",
                              f"86{m}"))
                mark("手机", "changed")
            else:
                mark("手机", "ok")
        if m:
            row.append(m)
        # 座机
        tel = HUB_SERVICE if hub_service else self._missing_or("座机", e.landline, row=row)
        if hub_service:
            mark("座机", "ok")
        elif tel:
            x = r.random()
            area, local = tel.split("-")
            if x < 0.015:
                tel = local[:5]
                mark("座机", "invalid")
            elif x < 0.03:
                other = r.choice([c for c in _CITIES if AREA_CODES[c] != area])
                tel = f"{AREA_CODES[other]}-{local}"
                mark("座机", "ok")
                self.truth.inconsistent += 1
            elif x < 0.08:
                tel = r.choice((f"({area}){local}", f"{area} {local[:4]} {local[4:]}"))
                mark("座机", "changed")
            else:
                mark("座机", "ok")
        if tel:
            row.append(tel)
        # 邮箱
        mail = self._missing_or("邮箱", e.email, row=row)
        if mail:
            x = r.random()
            if x < 0.02:
                mail = mail.replace("@", r.choice(("", "#", "@@")))
                mark("邮箱", "invalid")
            elif x < 0.06:
                mail = mail.upper()
                mark("邮箱", "changed")
            else:
                mark("邮箱", "ok")
            row.append(mail)
        # 城市 (required)
        row.append(e.city)
        mark("城市", "ok")
        # 地址
        addr = self._missing_or("地址", e.address, 0.05, row)
        if addr:
            mark("地址", "ok")
            row.append(addr)
        # 行业 (enum)
        ind = self._missing_or("行业", e.industry, 0.04, row)
        if ind:
            if r.random() < 0.02:
                ind = ind[:2] + "类"
                mark("行业", "invalid")
            else:
                mark("行业", "ok")
            row.append(ind)
        # 客户等级 (enum, case-insensitive)
        lvl = e.level
        x = r.random()
        if x < 0.01:
            lvl = "E"
            mark("客户等级", "invalid")
        elif x < 0.04:
            lvl = lvl.lower()
            mark("客户等级", "changed")
        else:
            mark("客户等级", "ok")
        row.append(lvl)
        # 最近联系日期
        d = e.last
        x = r.random()
        if x < 0.03:
            row.append("")
            mark("最近联系日期", "blank")
            self.truth.dates.append(None)
        elif x < 0.045:
            row.append(f"{d.year}-{d.month:02d}-{31 if d.month in (2, 4, 6, 9, 11) else 32}")
            mark("最近联系日期", "invalid")
            self.truth.dates.append(None)
        else:
            fmt = r.random()
            if fmt < 0.1:
                row.append(f"{d.year}/{d.month}/{d.day}")
                mark("最近联系日期", "changed")
            elif fmt < 0.15:
                row.append(f"{d.year}年{d.month}月{d.day}日")
                mark("最近联系日期", "changed")
            elif fmt < 0.2:
                row.append(d.strftime("%Y%m%d"))
                mark("最近联系日期", "changed")
            else:
                row.append(d.isoformat())
                mark("最近联系日期", "ok")
            self.truth.dates.append(d)
        if not required_ok:
            self.truth.required_fail += 1
        return row


def generate(rows: int, seed: int = 20240501, dup_share: float = 0.08,
             hub_share: float = 0.004) -> tuple[list[list[str]], Truth]:
    """Return ``rows`` records (without header) and what was written, deterministically."""
    rng = random.Random(seed)
    truth = Truth()
    plan: list[tuple[_Entity, str, int, bool]] = []  # entity, (城市) inserted, group, copy?
    entities: list[_Entity] = []
    group = 0
    while len(plan) < rows:
        x = rng.random()
        if entities and x < NAMESAKE_SHARE:
            base = rng.choice(entities)
            e = _namesake(base, rng) if not base.prefix else _entity(rng)
        elif entities and x < NAMESAKE_SHARE + NEIGHBOUR_SHARE:
            base = rng.choice(entities)
            e = _neighbour(base, rng) if "高新区" in base.address else _entity(rng)
        else:
            e = _entity(rng)
        entities.append(e)
        group += 1
        plan.append((e, "", group, False))
        if rng.random() < dup_share:
            if rng.random() < RENAMED_SHARE:
                # renamed copies: another name, only the credit code and the e-mail shared
                e.uscc = e.uscc or _rand_uscc(rng)
                e.email = e.email or f"{rng.choice(_SYLL)}{rng.randint(1, 999_999)}@qq.com"
                for _ in range(rng.choice((1, 2))):
                    r = _entity(rng, e.city)
                    r.uscc, r.email = e.uscc, e.email
                    plan.append((r, "", group, True))
                continue
            for _ in range(rng.choice((1, 1, 1, 2, 3))):
                v, city_insert, _typo = _variant(e, rng)
                plan.append((v, city_insert, group, True))
    plan = plan[:rows]
    rng.shuffle(plan)
    writer = _Writer(rng, truth)
    out: list[list[str]] = []
    members: dict[int, list[int]] = {}
    hub_every = int(1 / hub_share) if hub_share > 0 else 0
    for idx, (e, city_insert, g, _copy) in enumerate(plan):
        members.setdefault(g, []).append(idx)
        rid = f"C{idx + 1:06d}" if idx < 999_999 else f"C{idx + 1:07d}"
        if idx and rng.random() < 0.002:
            rid = out[rng.randrange(idx)][0]
            truth.duplicate_ids += 1
        hub_m = bool(hub_every) and idx % hub_every == 7
        hub_s = bool(hub_every) and idx % hub_every == 3
        out.append(writer.record(rid, e, city_insert=city_insert, hub_mobile=hub_m,
                                 hub_service=hub_s))
    truth.rows = len(out)
    truth.groups = [m for m in members.values() if len(m) > 1]
    return out, truth


def csv_bytes(rows: int, seed: int = 20240501, *, encoding: str = "utf-8-sig",
              ) -> tuple[bytes, Truth]:
    """Return a generated export as CSV bytes (header first) and what was written in it."""
    import csv
    import io

    data, truth = generate(rows, seed)
    buf = io.StringIO(newline="")
    w = csv.writer(buf)
    w.writerow(HEADER)
    w.writerows(data)
    return buf.getvalue().encode(encoding), truth
