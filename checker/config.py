"""Settings from a config file, the way pip-tools, ruff and sqlfluff find and apply theirs.

The first of ``.check-claims.toml`` (keys at the top level), ``pyproject.toml``
(``[tool.check-claims]``) or ``setup.cfg`` (``[check-claims]``) that has settings is used,
looking in the current folder and then each parent. Keys are the command's long option
names; their values become click's ``default_map``, so the command line always wins.
"""
from __future__ import annotations

import configparser
import difflib
import json
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

#: The files that may hold settings, in the order they are tried in each folder.
FILES = (".check-claims.toml", "pyproject.toml", "setup.cfg")
#: Where in them, in words.
WHERE = ".check-claims.toml, [tool.check-claims] in pyproject.toml, [check-claims] in setup.cfg"
#: Options that make no sense in a config file.
NOT_SETTINGS = ("config", "help", "version")


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Config:
    path: Path
    values: dict

    @property
    def origin(self) -> str:
        """The file and section, as a user would look for them: 'setup.cfg [check-claims]'."""
        if self.path.suffix == ".cfg":
            return f"{self.path} [check-claims]"
        return f"{self.path} [tool.check-claims]" if self.path.name == "pyproject.toml" else str(self.path)


def find(start: Path) -> Config | None:
    """The settings nearest to `start`: its own folder first, then each parent."""
    for folder in (start, *start.parents):
        for name in FILES:
            if (folder / name).is_file() and (values := read(folder / name)) is not None:
                return Config(folder / name, values)
    return None


def read(path: Path) -> dict | None:
    """The check-claims settings in `path`, or None when the file has no such section."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if path.suffix == ".cfg":
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text, source=str(path))
        except configparser.Error as exc:
            raise ConfigError(f"{path}: {_ini_problem(exc, text)}") from None
        return dict(parser["check-claims"]) if parser.has_section("check-claims") else None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc})") from None
    if path.name == "pyproject.toml":
        tool = document.get("tool", {})
        values = tool.get("check-claims") if isinstance(tool, dict) else None
        if values is not None and not isinstance(values, dict):
            raise ConfigError(f"{path}: [tool.check-claims] must be a table of settings, got {values!r}")
        return values
    return document


def _ini_problem(exc: configparser.Error, text: str) -> str:
    """configparser's error as one line saying where and what: its own messages put the line
    on later lines (or only in a list), and the one-line error kept only 'Source contains
    parsing errors: setup.cfg'."""
    lines = text.split("\n")  # as configparser counts them: not at \f, \v, U+2028...
    if isinstance(exc, configparser.MissingSectionHeaderError):
        return f"line {exc.lineno}: no [section] header before {exc.line.strip()!r}"
    if isinstance(exc, configparser.ParsingError):
        lineno = exc.errors[0][0]
        return f"line {lineno}: expected 'key = value', got {lines[lineno - 1].strip()!r}"
    if isinstance(exc, configparser.DuplicateOptionError):
        return f"line {exc.lineno}: {exc.option!r} set twice in [{exc.section}]"
    if isinstance(exc, configparser.DuplicateSectionError):
        return f"line {exc.lineno}: section [{exc.section}] given twice"
    return exc.message.splitlines()[0]


def load(explicit: Path | None, cwd: Path) -> Config | None:
    """The file given with --config (which must have settings), else the nearest one."""
    if explicit is None:
        return find(cwd)
    values = read(explicit)
    if values is None:
        raise ConfigError(f"{explicit}: no check-claims settings in it")
    return Config(explicit, values)


def settings(command: click.Command) -> dict[str, click.Option]:
    """{long option name without dashes: option} for every option a config file may set."""
    found = {}
    for param in command.params:
        if isinstance(param, click.Option) and param.name not in NOT_SETTINGS:
            longs = [o for o in param.opts + param.secondary_opts if o.startswith("--")]
            found[longs[0][2:]] = param
    return found


def default_map(config: Config, command: click.Command) -> dict:
    """click's default_map for `command` from a config, checked in one place: unknown keys are
    errors with a suggestion; each value is checked for its type (`_checked`) and then converted
    and validated by the option itself, exactly as on the command line; a relative path is
    taken from the config file's folder, as its author meant."""
    known = settings(command)
    result = {}
    for key, value in config.values.items():
        if key in NOT_SETTINGS:  # not "unknown": the user has seen it in --help
            raise ConfigError(f"{config.origin}: '{key}' is a command-line option only")
        option = known.get(key)
        if option is None:
            close = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(sorted(known))})"
            raise ConfigError(f"{config.origin}: unknown option '{key}'{hint}")
        try:
            value = _checked(option, value)
        except ValueError as exc:
            raise ConfigError(f"{config.origin}: {key}: {exc}") from None
        if isinstance(option.type, click.Path) and isinstance(value, str) and not Path(value).is_absolute():
            value = str(config.path.parent / value)
        try:
            option.process_value(click.Context(command), value)
        except click.BadParameter as exc:
            raise ConfigError(f"{config.origin}: {key}: {exc.message}") from None
        result[option.name] = value
    return result


def _checked(option: click.Option, value):
    """The value as the option takes it: text is read as if typed on the command line (all of
    setup.cfg is text); a TOML number, boolean or list must be of the option's own type, since
    click would quietly bend it (1.5 bytes to 1, 5 to the path '5', true to the path 'True').
    Raises ValueError saying what was expected."""
    native, wanted = _kind(option)
    if option.multiple:
        if isinstance(value, str):
            return _items(value)
        if isinstance(value, list) and all(isinstance(item, str) and item.strip() for item in value):
            return value
        raise ValueError(f"expected a list of {wanted}, got {_toml(value)}")
    if isinstance(value, date):  # TOML's own dates (published = 2024-01-09) are their ISO text
        value = value.isoformat()
    if option.name == "formats" and isinstance(value, list) and all(isinstance(item, str) for item in value):
        return ",".join(value)  # the one option that takes a comma-separated list
    if isinstance(value, str) and not value.strip():
        raise ValueError(f"empty (expected {wanted})")
    if not isinstance(value, (str, *native)) or isinstance(value, bool) and bool not in native:
        raise ValueError(f"expected {wanted}, got {_toml(value)}")
    return value


def _kind(option: click.Option) -> tuple[tuple[type, ...], str]:
    """The TOML types an option takes besides text, and what it takes in words."""
    kind = option.type
    if option.is_flag:
        return (bool,), "true or false"
    if isinstance(kind, click.types.IntParamType):
        return (int,), "a whole number"
    if isinstance(kind, click.types.FloatParamType):
        return (int, float), "a number"
    if isinstance(kind, click.Choice):
        return (), "one of " + ", ".join(map(str, kind.choices))
    return (), "a path" if isinstance(kind, click.Path) else "text"


def _toml(value) -> str:
    """A config value as its author wrote it: true, 1.5, "x", [1, 2]."""
    return json.dumps(value, ensure_ascii=False, default=str)


def _items(value: str) -> list:
    """A list option written as text: one item a line, or comma-separated."""
    return [item.strip() for line in value.splitlines() for item in line.split(",") if item.strip()]
