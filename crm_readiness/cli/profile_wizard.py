"""The profile wizard of interactive ``assess``: each field checked as it is typed.

Enter keeps the default shown in brackets; a value that does not fit the field
is explained and asked again at once (nothing typed before is lost); ``q``
quits without saving anything.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, get_args

from crm_readiness.cli._common import plain
from crm_readiness.i18n import Lang, t

if TYPE_CHECKING:
    from rich.console import Console

    from crm_readiness.models.profile import OrganizationProfile

ReadLine = Callable[[str], str | None]
QUIT = object()  # sentinel: the user typed q
YES = {"yes", "y", "true", "是", "要"}
NO = {"no", "n", "false", "否", "不"}
NONE_WORDS = {"none", "-", "无", "没有"}
#: industries the packaged industry packs know (any other word is accepted as "other")
INDUSTRY_HINT = "manufacturing / retail / consumer_goods / finance / professional_services / other"


class _Bad(Exception):
    """The typed value does not fit; ``key`` and ``params`` say why (a catalogue message)."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key, self.params = key, params


def _choices(field: str) -> tuple[str, ...]:
    from crm_readiness.models.profile import Deployment, Integration, Module, Size

    literal = {"size": Size, "deployment": Deployment, "scope": Module,
               "integrations": Integration}[field]
    return tuple(str(a) for a in get_args(literal))


def _one(field: str) -> Callable[[str], Any]:
    def parse(raw: str) -> str:
        value = raw.strip().lower()
        if value not in _choices(field):
            raise _Bad("ask.profile.bad_choice", choices=", ".join(_choices(field)))
        return value
    return parse


def _many(field: str, *, allow_none: bool) -> Callable[[str], Any]:
    def parse(raw: str) -> list[str]:
        text = raw.strip().lower()
        if allow_none and text in NONE_WORDS:
            return []
        items = [x.strip() for x in text.replace("，", ",").replace("、", ",").split(",")
                 if x.strip()]
        wrong = [x for x in items if x not in _choices(field)]
        if wrong or not items:
            raise _Bad("ask.profile.bad_list", wrong=", ".join(wrong) or "–",
                       choices=", ".join(_choices(field)))
        return items
    return parse


def _name(raw: str) -> str:
    if not raw.strip():
        raise _Bad("ask.profile.blank")
    return raw.strip()


def _industry(raw: str) -> str:
    value = raw.strip().lower().replace(" ", "_").replace("-", "_")
    if not value:
        raise _Bad("ask.profile.blank")
    return value


def _users(raw: str) -> int:
    text = raw.strip().replace(",", "").replace("_", "")
    if not (text.isascii() and text.isdigit() and len(text) <= 9) or not 1 <= int(text) <= 1_000_000:
        raise _Bad("ask.profile.bad_users")
    return int(text)


def _yes_no(raw: str) -> bool:
    value = raw.strip().lower()
    if value in YES:
        return True
    if value in NO:
        return False
    raise _Bad("ask.profile.bad_yes_no")


def _fields() -> list[tuple[str, str, str, Callable[[str], Any]]]:
    """(profile field, its label's catalogue key, default shown, parser) in the order asked."""
    return [("organization", "ask.profile.organization", "My company", _name),
            ("industry", "ask.profile.industry", "other", _industry),
            ("size", "ask.profile.size", "mid", _one("size")),
            ("users", "ask.profile.users", "100", _users),
            ("deployment", "ask.profile.deployment", "saas", _one("deployment")),
            ("scope", "ask.profile.scope", "sales,service", _many("scope", allow_none=False)),
            ("integrations", "ask.profile.integrations", "none",
             _many("integrations", allow_none=True)),
            ("data_migration", "ask.profile.data_migration", "yes", _yes_no)]


def _ask(out: Console, read: ReadLine, lang: Lang, field: str, key: str, default: str,
         parse: Callable[[str], Any]) -> Any:
    """Ask one field until its value fits; QUIT on ``q`` or end of input."""
    hint = {"industry": INDUSTRY_HINT}.get(field) or (
        " / ".join(_choices(field)) if field in ("size", "deployment", "scope", "integrations")
        else "")
    label = t(key, lang) + (f" ({hint})" if hint else "")
    while True:
        raw = read(f"{label} [{default}]: ")
        if raw is None or raw.strip().lower() == "q":
            return QUIT
        try:
            return parse(raw if raw.strip() else default)
        except _Bad as bad:
            out.print(f"[red]{plain(t(bad.key, lang, **bad.params))}[/]")


def ask_profile(out: Console, read: ReadLine, lang: Lang) -> OrganizationProfile | None:
    """Ask the profile facts the questions depend on; None when the user quits (nothing saved)."""
    from crm_readiness.models.profile import OrganizationProfile

    out.print(f"[dim]{t('ask.profile.keys', lang)}[/]")
    values: dict[str, Any] = {}
    for field, key, default, parse in _fields():
        value = _ask(out, read, lang, field, key, default, parse)
        if value is QUIT:
            out.print(t("ask.profile.quit", lang))
            return None
        values[field] = value
    return OrganizationProfile.model_validate(values)
