"""Labels of profile codes (industry, size, modules, integrations) in both languages.

A leaf (models._base and the catalogue only): the reports print these labels,
so importing them must not pull in the documents' models.
"""

from __future__ import annotations

from crm_readiness.models._base import Text, tr


def profile_label(prefix: str, code: str) -> Text | str:
    """Return the label of a profile code (prefix ``docs.size.``, ``docs.module.`` …); an industry
    the catalogue does not know (the profile allows any) as written."""
    from crm_readiness.i18n import catalogue

    key = prefix + code
    return tr(key) if key in catalogue() else code


def labels(prefix: str, codes: tuple[str, ...]) -> Text:
    """Return a comma list of labels in both languages."""
    items = [profile_label(prefix, c) for c in codes]
    en = ", ".join(i if isinstance(i, str) else i.en for i in items)
    zh = "、".join(i if isinstance(i, str) else i.zh for i in items)
    return Text(en=en or "–", zh=zh or "–")
