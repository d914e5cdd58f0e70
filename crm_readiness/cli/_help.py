"""Help pages and command-line usage errors in the chosen language, whole at any width.

Typer's rich help lays options out in a table whose text column is cropped
with ``…`` when a word does not fit, and a line of Chinese is one long word;
its usage errors are English. Every command and group of the app uses
:class:`HelpCommand` / :class:`HelpGroup` instead: help is plain text wrapped
here by display width (CJK counts double, a line may break between two Chinese
characters but never before closing punctuation), in the language of
``--lang`` on the command line, else ``CRM_READINESS_LANG`` or the locale, and
ends with the command's examples (its ``epilog``). The root group's
:meth:`HelpGroup.main` shows click's usage errors through the catalogue.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperGroup

if TYPE_CHECKING:
    from typer import _click as click
else:
    try:
        from typer import _click as click  # Typer >= 0.20 vendors click
    except ImportError:  # pragma: no cover - older Typer depends on click
        import click

from crm_readiness.errors import EXIT_INTERRUPTED
from crm_readiness.i18n import Lang, default_lang, normalize_lang, t

__all__ = ["HelpCommand", "HelpGroup", "Interrupted", "help_lang", "interrupted_line", "localize",
           "remember", "render_help",
           "usage_message", "wrap"]

#: help text as registered (in the start-up language) -> its catalogue key and parameters.
_KEYS: dict[str, tuple[str, dict[str, object]]] = {}
_state: dict[str, Lang | None] = {"lang": None}
MAX_WIDTH = 100


def remember(text: str, key: str, params: dict[str, object]) -> str:
    """Record that ``text`` is message ``key``: help is re-rendered in the language asked for."""
    _KEYS[text] = (key, params)
    return text


def localize(text: str | None, lang: Lang) -> str:
    """Return registered help ``text`` in ``lang`` (text not from the catalogue as it is)."""
    if not text:
        return ""
    found = _KEYS.get(text) or _KEYS.get(text.strip())
    return t(found[0], lang, **found[1]) if found else text


def argv_lang(args: Sequence[str]) -> Lang | None:
    """Return the language of ``--lang X`` / ``--lang=X`` in ``args`` (before ``--``), if any."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return normalize_lang(args[i + 1])
        if arg.startswith("--lang="):
            return normalize_lang(arg.partition("=")[2])
    return None


def help_lang() -> Lang:
    """Return the language help and usage errors are shown in."""
    return _state["lang"] or default_lang()


# --- wrapping by display width -----------------------------------------------------------------

_WIDE = "\u2e80-\u303e\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
#: compiled on first use (``re`` caches it): its wide classes take milliseconds, paid only for help
_TOKEN = rf"[{_WIDE}]|[^\s{_WIDE}]+|\s+"
_CLOSING = set("，。、；：？！）》」』】〉％,.;:?!)]}")
_OPENING = set("（《「『【〈([{")


def _cells(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _tokens(text: str) -> list[str]:
    """Split into break units: a Chinese character, a run of other text, or a space."""
    out: list[str] = []
    glue = False
    for tok in re.findall(_TOKEN, text):
        if out and not tok.isspace() and (glue or tok[0] in _CLOSING):
            out[-1] += tok
        else:
            out.append(tok)
        glue = not tok.isspace() and tok[-1] in _OPENING
    return out


def wrap(text: str, width: int, indent: int = 0, first: str | None = None) -> list[str]:
    """Wrap ``text`` to ``width`` display cells; ``first`` replaces the first line's indent.

    Nothing is dropped: a unit wider than the line is cut by characters.
    """
    pad = " " * indent
    lines: list[str] = []
    for para in text.split("\n"):
        line = first if first is not None and not lines else pad
        used = _cells(line)
        start = used
        for tok in _tokens(para.strip()):
            if tok.isspace():
                if used > start:
                    line, used = line + " ", used + 1
                continue
            size = _cells(tok)
            if used + size > width and used > start:
                lines.append(line.rstrip())
                line, used = pad, indent
                start = used
            while used + size > width and len(tok) > 1:  # a unit longer than the line
                cut = 1
                while cut < len(tok) and used + _cells(tok[:cut + 1]) <= width:
                    cut += 1
                lines.append(line + tok[:cut])
                tok, line, used = tok[cut:], pad, indent
                size = _cells(tok)
            line, used = line + tok, used + size
        lines.append(line.rstrip())
    return lines


# --- help pages --------------------------------------------------------------------------------

def _width() -> int:
    return max(40, min(shutil.get_terminal_size((80, 24)).columns, MAX_WIDTH))


def _label(key: str, lang: Lang) -> str:
    """Return a label followed by a space, or none after a full-width colon."""
    text = t(key, lang)
    return text if text.endswith("：") else text + " "


def _extras(extra: str, lang: Lang) -> str:
    """Translate ``[default: x; required]`` as Typer writes it."""
    extra = extra.replace("default: ", _label("help.default", lang))
    return extra.replace("required", t("help.required", lang))


#: options Typer and click add themselves, with their text from the catalogue
_BUILTIN = {"help": "help.opt.help", "install_completion": "help.opt.install_completion",
            "show_completion": "help.opt.show_completion"}


def _param_rows(cmd: click.Command, ctx: click.Context,
                lang: Lang) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    arguments: list[tuple[str, str]] = []
    options: list[tuple[str, str]] = []
    for param in cmd.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        record = param.get_help_record(ctx)
        raw = getattr(param, "help", None) or ""
        if record is None:
            names, full = str(getattr(param, "human_readable_name", param.name)), raw
        else:
            names, full = record
        extra = full[len(raw):].strip() if full.startswith(raw) else ""
        builtin = _BUILTIN.get(param.name or "")
        text = t(builtin, lang) if builtin else localize(raw, lang)
        if extra:
            text = f"{text}  {_extras(extra, lang)}".strip()
        (arguments if param.param_type_name == "argument" else options).append((names, text))
    return arguments, options


def render_help(cmd: click.Command, ctx: click.Context, lang: Lang) -> str:
    """Return the help page of ``cmd`` in ``lang``, wrapped to the terminal (every word kept)."""
    width = _width()
    usage = " ".join(cmd.collect_usage_pieces(ctx))
    lines = wrap(f"{ctx.command_path} {usage}", width, 4, first=_label("help.usage", lang))
    if cmd.help:
        lines.append("")
        lines += wrap(localize(cmd.help, lang), width, 2)
    arguments, options = _param_rows(cmd, ctx, lang)
    for title, rows in (("help.arguments", arguments), ("help.options", options)):
        if rows:
            lines += ["", t(title, lang)]
            for names, text in rows:
                lines += wrap(names, width, 6, first="  ")
                if text:
                    lines += wrap(text, width, 6)
    group: Any = cmd
    if hasattr(group, "list_commands"):  # a group (Typer >= 0.20's groups are no click.Group)
        subs = [(name, sub) for name in group.list_commands(ctx)
                if (sub := group.get_command(ctx, name)) is not None and not sub.hidden]
        if subs:
            column = min(max(len(name) for name, _ in subs) + 4, 20)
            lines += ["", t("help.commands", lang)]
            for name, sub in subs:
                summary = localize(sub.help, lang).split("\n\n")[0]
                head = f"  {name}".ljust(column)
                if len(head) > column:
                    lines.append(head)
                    head = " " * column
                lines += wrap(summary, width, column, first=head)
    if cmd.epilog:
        lines += ["", t("help.examples", lang)]
        for line in localize(cmd.epilog, lang).split("\n"):
            if line.startswith("crm-readiness"):
                lines += wrap(line, width, 8, first="    ")
            else:
                lines += wrap(line, width, 2)
    return "\n".join(lines) + "\n"


#: click >= 8.2 raises this for a group called without a command (older click printed help itself)
_NO_ARGS: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())


class HelpCommand(TyperCommand):
    """A command whose help is :func:`render_help` in the chosen language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write(render_help(self, ctx, help_lang()))


class Interrupted(Exception):
    """Ctrl-C while the command line was parsed or a command ran, carried past click.

    Click turns a ``KeyboardInterrupt`` into a silent exit 130 (vendored click) or into
    "Aborted!" and exit 1 (older click); :class:`HelpGroup` carries it out as this
    exception instead, so the root prints the one documented line and exits 130.
    """


def interrupted_line() -> str:
    """The one bilingual line printed on Ctrl-C outside an interactive session."""
    return " / ".join(t("err.interrupted_line", lang) for lang in ("en", "zh"))


class HelpGroup(TyperGroup):
    """A group whose help is :func:`render_help`; as the root, it shows usage errors in the chosen language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write(render_help(self, ctx, help_lang()))

    def make_context(self, info_name: str | None, args: list[str],
                     parent: click.Context | None = None, **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except KeyboardInterrupt as exc:  # while parsing this group's options
            raise Interrupted from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt as exc:  # a sub-command's parsing, or a body without its own handler
            raise Interrupted from exc

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        lang = argv_lang(argv) or default_lang()
        _state["lang"] = lang
        try:
            value = super().main(args=argv, prog_name=prog_name, complete_var=complete_var,
                                standalone_mode=False, windows_expand_args=windows_expand_args,
                                **extra)
        except _NO_ARGS as exc:
            if not standalone_mode:
                raise
            typer.echo(exc.format_message(), nl=False)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            if not standalone_mode:
                raise
            typer.echo(usage_message(exc, lang), err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            typer.echo(t("usage.aborted", lang), err=True)
            sys.exit(1)
        except Interrupted:
            if not standalone_mode:
                raise
            typer.echo(interrupted_line(), err=True)
            sys.exit(EXIT_INTERRUPTED)
        if not standalone_mode:
            return value
        sys.exit(value if isinstance(value, int) else 0)


# --- usage errors ------------------------------------------------------------------------------

#: patterns of click's usage messages (compiled on first use: only a usage error needs them)
_GENERIC = (
    (r"No such command '(?P<name>.*)'\.?", "usage.no_such_command"),
    (r"Got unexpected extra argument(?:\(s\)|s)? \((?P<args>.*)\)\.?",
     "usage.extra_args"),
    (r"Missing command\.?", "usage.missing_command"),
    (r"Option '(?P<name>[^']*)' does not take a value\.?", "usage.option_no_value"),
    (r"Option '(?P<name>[^']*)' requires (?:an argument|\d+ arguments)\.?",
     "usage.option_needs_value"),
)
_CLICK_REASONS = (
    (r"'(?P<value>.*)' is not a valid float(?: range)?\.", "usage.reason.number"),
    (r"'(?P<value>.*)' is not a valid integer(?: range)?\.", "usage.reason.integer"),
    (r"'(?P<value>.*)' is not a valid boolean\.", "usage.reason.bool"),
    (r"(?P<value>\S+) is not in the range (?P<limit>.*)\.", "usage.reason.range"),
    (r"'(?P<value>.*)' is not (?:one of )?(?P<limit>.*)\.", "usage.reason.choice"),
)
_KINDS = {"option": "usage.kind.option", "argument": "usage.kind.argument"}
_REASONS = {
    "float_parsing": "usage.reason.number", "float_type": "usage.reason.number",
    "int_parsing": "usage.reason.integer", "int_type": "usage.reason.integer",
    "int_from_float": "usage.reason.integer", "bool_parsing": "usage.reason.bool",
    "greater_than_equal": "usage.reason.ge", "greater_than": "usage.reason.gt",
    "less_than_equal": "usage.reason.le", "less_than": "usage.reason.lt",
    "enum": "usage.reason.choice", "literal_error": "usage.reason.choice",
}


def _reason(exc: click.exceptions.BadParameter, lang: Lang) -> str:
    """Return why a value was refused, from the validation error behind it when there is one."""
    cause = exc.__cause__
    errors = getattr(cause, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            first = found[0]
            key = _REASONS.get(str(first.get("type")))
            if key is not None:
                limits = {k: v for k, v in (first.get("ctx") or {}).items()
                          if k in ("ge", "gt", "le", "lt", "expected")}
                return t(key, lang, value=first.get("input"), limit=next(iter(limits.values()), ""))
    for pattern, key in _CLICK_REASONS:  # click's own types (Typer < 0.20)
        match = re.fullmatch(pattern, str(exc.message))
        if match:
            return t(key, lang, **match.groupdict())
    return str(exc.message)


def _hint(exc: click.exceptions.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return " / ".join(repr(h) for h in hint) if not isinstance(hint, str) else hint
    if exc.param is not None:
        param: Any = exc.param
        try:
            return str(param.get_error_hint())  # Typer >= 0.20
        except TypeError:  # click's signature
            return str(param.get_error_hint(exc.ctx))
    return ""


def usage_message(exc: click.ClickException, lang: Lang) -> str:
    """Return click's error ``exc`` as usage line, help hint and reason, in ``lang``."""
    if isinstance(exc, click.exceptions.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "")
        kind_text = t(_KINDS[kind], lang) if kind in _KINDS else kind
        reason = t("usage.missing", lang, kind=kind_text, name=_hint(exc))
    elif isinstance(exc, click.exceptions.BadParameter):
        reason = t("usage.bad_value", lang, name=_hint(exc), reason=_reason(exc, lang))
    elif isinstance(exc, click.exceptions.NoSuchOption):
        reason = t("usage.no_such_option", lang, name=exc.option_name)
        if exc.possibilities:
            reason += t("usage.possible", lang, options=", ".join(sorted(exc.possibilities)))
    else:
        reason = exc.format_message()
        for pattern, key in _GENERIC:
            match = re.fullmatch(pattern, exc.message)
            if match:
                reason = t(key, lang, **match.groupdict())
                break
    lines: list[str] = []
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        usage = " ".join(ctx.command.collect_usage_pieces(ctx))
        lines.append(f"{_label('help.usage', lang)}{ctx.command_path} {usage}")
        if ctx.command.get_help_option(ctx) is not None:
            lines.append(t("usage.try_help", lang,
                           command=f"{ctx.command_path} {ctx.help_option_names[0]}"))
        lines.append("")
    lines.append(t("usage.error", lang, reason=reason))
    return "\n".join(lines)
