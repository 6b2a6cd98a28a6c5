"""The kiosk's configuration: one declared schema, validated once at start-up.

Every option is declared exactly once, as a field of :class:`Config` (type, default,
allowed values, one-line description); :data:`OPTIONS` is read off those fields. Values
come from, in rising priority: the defaults, a TOML file in the config dir,
``YIJIANTONG_<OPTION>`` environment variables, and command-line flags.

A bad value never stops the kiosk: it is reported as a :class:`ConfigProblem` naming
the key and the allowed values, and that option falls back to its default. A kiosk
that refuses to start because of a typo in a settings file leaves a senior with
nothing at all.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("yijiantong.config")

LOCALES: tuple[str, ...] = ("zh_CN", "zh_HK", "en")
DEFAULT_LOCALE = "zh_CN"
TEXT_SCALES: tuple[int, ...] = (100, 125, 150, 200)
THEMES: tuple[str, ...] = ("light", "dark")
SERVICES: tuple[str, ...] = ("appointments", "meals", "benefits", "emergency")
VOICE_ENGINES: tuple[str, ...] = ("auto", "vosk", "pocketsphinx", "off")
ENV_PREFIX = "YIJIANTONG_"
CONFIG_FILE_NAME = "config.toml"


@dataclass(frozen=True)
class Option:
    """Declaration of one option: its type, allowed values and a one-line description."""

    name: str
    type: type
    default: Any
    description: str
    choices: tuple[Any, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    item_choices: tuple[str, ...] | None = None  # for list options

    def allowed(self) -> str:
        """Human description of what this option accepts, used in error messages."""
        if self.choices is not None:
            return "one of " + ", ".join(str(c) for c in self.choices)
        if self.item_choices is not None:
            return "a list drawn from " + ", ".join(self.item_choices)
        if self.type is bool:
            return "true or false"
        if self.type is int:
            return f"a whole number from {self.minimum} to {self.maximum}"
        return "text"


def setting(
    default: Any,
    description: str,
    *,
    choices: tuple[Any, ...] | None = None,
    minimum: int | None = None,
    maximum: int | None = None,
    item_choices: tuple[str, ...] | None = None,
    secret: bool = False,
) -> Any:
    """A :class:`Config` field with its declaration (the field's type is its annotation).

    A ``secret`` value stays in the settings file: reports show only whether it is set."""
    meta = {
        "description": description,
        "choices": choices,
        "minimum": minimum,
        "maximum": maximum,
        "item_choices": item_choices,
        "secret": secret,
    }
    return field(default=default, metadata=meta)


def _engine_setting(locale: str) -> Any:
    return setting(
        "auto",
        f"Speech recogniser for {locale}: auto (vosk when its model is installed, else "
        "pocketsphinx for English), vosk, pocketsphinx (English only) or off.",
        choices=VOICE_ENGINES,
    )


@dataclass(frozen=True)
class Config:
    """Validated configuration values, each declared once: type (the annotation), default,
    description and allowed values. Build with :func:`load_config`, never by hand."""

    locale: str = setting(DEFAULT_LOCALE, "Language each session starts in.", choices=LOCALES)
    text_scale: int = setting(
        100, "Text size (percent) each session starts at.", choices=TEXT_SCALES
    )
    theme: str = setting("light", "Colour theme; both are high contrast (>= 7:1).", choices=THEMES)
    fullscreen: bool = setting(True, "Run fullscreen and frameless (kiosk mode).")
    idle_timeout_s: int = setting(
        90,
        "Seconds without a touch before the 'are you still there?' warning.",
        minimum=20,
        maximum=1800,
    )
    idle_warning_s: int = setting(
        30,
        "Seconds the warning stays up before the session is wiped (at least 20).",
        minimum=20,
        maximum=300,
    )
    hub_url: str = setting("", "Base URL of the service hub; empty when not yet enrolled.")
    speech_enabled: bool = setting(True, "Speak every screen aloud.")
    speech_rate_wpm: int = setting(150, "Speech rate in words per minute.", minimum=80, maximum=250)
    volume_percent: int = setting(
        80, "Speech volume at the start of a session.", minimum=0, maximum=100
    )
    # -- voice input (ui/voice_bridge.py); "off" turns voice input off for that language --
    voice_engine_zh_CN: str = _engine_setting("zh_CN")  # noqa: N815  (named after the locale)
    voice_engine_zh_HK: str = _engine_setting("zh_HK")  # noqa: N815
    voice_engine_en: str = _engine_setting("en")
    microphone: str = setting("", "Microphone (sound device name); empty for the default one.")
    always_listen_emergency: bool = setting(
        False, "Listen all the time for the emergency phrase (help / 救命) only."
    )
    kiosk_name: str = setting("", "Name of this kiosk, shown to staff and the hub.")
    kiosk_location: str = setting("", "Where this kiosk stands, e.g. the community centre.")
    printer: str = setting(
        "",
        "Printer for appointment slips: a printer name, 'pdf:FOLDER' to write PDFs, "
        "or empty for none.",
    )
    service_area: str = setting(
        "",
        "Service area (street) id of this kiosk: only canteens serving it are offered. "
        "Empty offers every canteen in the catalogue.",
    )
    services: tuple[str, ...] = setting(
        SERVICES, "Which services the home screen shows, in order.", item_choices=SERVICES
    )
    # -- emergency call (ui/flows/emergency.py) --
    emergency_numbers: str = setting(
        "120",
        "Numbers the emergency screen tells people to call when the service centre cannot "
        "be reached: comma-separated NUMBER=LABEL entries, e.g. "
        "'120, 021-12345678=On-site staff 值班人员'. 120 is always shown.",
    )
    emergency_key: str = setting(
        "F12",
        "Keyboard key (Qt key name, e.g. F12 or Pause) that raises an alarm, for a USB "
        "emergency button; empty for none.",
    )
    emergency_drill: bool = setting(False, "Drill mode: alarms are marked as drills, no call.")
    onsite_alert: bool = setting(True, "Sound and flash an alert for on-site staff on an alarm.")
    emergency_cancel_s: int = setting(
        10, "Seconds the emergency screen offers Cancel after a press.", minimum=3, maximum=60
    )
    emergency_unreachable_s: int = setting(
        30,
        "Seconds without the service centre before the numbers to call are shown.",
        minimum=3,
        maximum=120,
    )
    sip_account: str = setting("", "SIP address of this kiosk (sip:user@domain); empty: no call.")
    sip_password: str = setting(
        "", "SIP password; when set, the kiosk registers its account.", secret=True
    )
    sip_centre_uri: str = setting("", "SIP address of the service centre to call on an alarm.")
    sip_listen: str = setting("0.0.0.0:5060", "Local address:port baresip listens on for SIP.")
    sip_audio_player: str = setting("alsa,default", "baresip audio output (driver,device).")
    sip_audio_source: str = setting("alsa,default", "baresip audio input (driver,device).")
    sip_ring_timeout_s: int = setting(
        60,
        "Seconds the call rings without an answer before it is given up.",
        minimum=3,
        maximum=300,
    )
    purge_after_days: int = setting(
        30,
        "Days a delivered request's personal data (ID number, name, phone) stays on this "
        "kiosk before it is removed automatically; 0 keeps it until staff remove it.",
        minimum=0,
        maximum=3650,
    )
    log_level: str = setting(
        "INFO", "Detail of the log file.", choices=("DEBUG", "INFO", "WARNING", "ERROR")
    )

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """Every value, secrets included (to build a changed copy; never to show)."""
        out = dataclasses.asdict(self)
        out["services"] = list(self.services)
        return out

    def as_report(self) -> dict[str, Any]:
        """Every value for a report: secrets only as whether they are set."""
        out = self.as_dict()
        for name in SECRET_OPTIONS:
            out[name] = SECRET_SHOWN if out[name] else ""
        return out

    def secret_values(self) -> list[str]:
        """The secrets in use, for scrubbing from anything that leaves the kiosk."""
        return [str(getattr(self, name)) for name in SECRET_OPTIONS if getattr(self, name)]


# The annotation (a string under postponed evaluation) names the value type.
_TYPES: dict[str, type] = {"str": str, "int": int, "bool": bool, "tuple[str, ...]": list}


def _declared(f: dataclasses.Field[Any]) -> Option:
    meta = f.metadata
    return Option(
        f.name,
        _TYPES[str(f.type)],
        list(f.default) if isinstance(f.default, tuple) else f.default,
        meta["description"],
        choices=meta["choices"],
        minimum=meta["minimum"],
        maximum=meta["maximum"],
        item_choices=meta["item_choices"],
    )


OPTIONS: tuple[Option, ...] = tuple(_declared(f) for f in dataclasses.fields(Config))
OPTIONS_BY_NAME: dict[str, Option] = {o.name: o for o in OPTIONS}
SECRET_OPTIONS: tuple[str, ...] = tuple(
    f.name for f in dataclasses.fields(Config) if f.metadata.get("secret")
)
SECRET_SHOWN = "(set, not shown)"


@dataclass(frozen=True)
class ConfigProblem:
    """One rejected value: which key, where it came from, and what is allowed."""

    key: str
    source: str
    value: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class LoadedConfig:
    config: Config
    path: Path
    problems: list[ConfigProblem] = field(default_factory=list)


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _coerce_bool(raw: Any, from_text: bool) -> bool:
    if isinstance(raw, bool):
        return raw
    word = str(raw).strip().lower() if from_text else None
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ValueError("not a boolean")


def _coerce_int(option: Option, raw: Any, from_text: bool) -> int:
    if isinstance(raw, bool) or not (isinstance(raw, int) or from_text):
        raise ValueError("not a whole number")
    value = raw if isinstance(raw, int) else int(str(raw).strip())
    if option.minimum is not None and value < option.minimum:
        raise ValueError("too small")
    if option.maximum is not None and value > option.maximum:
        raise ValueError("too large")
    return value


def _coerce_list(option: Option, raw: Any, from_text: bool) -> tuple[str, ...]:
    if isinstance(raw, list | tuple):
        items = list(raw)
    elif from_text:
        items = [s.strip() for s in str(raw).split(",")]
    else:
        raise ValueError("not a list of names")
    if not all(isinstance(i, str) for i in items):
        raise ValueError("not a list of names")
    if option.item_choices and any(i not in option.item_choices for i in items):
        raise ValueError("unknown entry")
    if len(set(items)) != len(items) or not items:
        raise ValueError("empty or repeated entries")
    return tuple(items)


def _coerce(option: Option, raw: Any, *, from_text: bool) -> Any:
    """Convert ``raw`` to the option's type or raise ValueError with the reason."""
    value: Any
    if option.type is bool:
        value = _coerce_bool(raw, from_text)
    elif option.type is int:
        value = _coerce_int(option, raw, from_text)
    elif option.type is list:
        value = _coerce_list(option, raw, from_text)
    elif isinstance(raw, str):
        value = raw.strip()
    else:
        raise ValueError("not text")
    if option.choices is not None and value not in option.choices:
        raise ValueError("not an allowed value")
    return value


def _apply(
    values: dict[str, Any],
    updates: Mapping[str, Any],
    source: str,
    problems: list[ConfigProblem],
    *,
    from_text: bool,
) -> None:
    for key, raw in updates.items():
        option = OPTIONS_BY_NAME.get(key)
        if option is None:
            problems.append(
                ConfigProblem(
                    key,
                    source,
                    str(raw),
                    f"unknown setting {key!r}; known settings: {', '.join(OPTIONS_BY_NAME)}",
                )
            )
            continue
        try:
            values[key] = _coerce(option, raw, from_text=from_text)
        except (ValueError, TypeError):
            problems.append(
                ConfigProblem(
                    key,
                    source,
                    str(raw),
                    f"{key} = {raw!r} is not valid; it must be {option.allowed()}. "
                    f"Using the default ({option.default!r}).",
                )
            )


def read_toml(path: Path, problems: list[ConfigProblem]) -> dict[str, Any]:
    """Read the settings file; an unreadable or broken file is a problem, not a crash."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        return _unreadable(path, exc, problems)
    import tomllib  # only when there is a file to parse: it is not needed to start without one

    try:
        with fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return _unreadable(path, exc, problems)


def _unreadable(path: Path, exc: Exception, problems: list[ConfigProblem]) -> dict[str, Any]:
    problems.append(
        ConfigProblem(
            "*",
            str(path),
            "",
            f"cannot read the settings file {path}: {exc}. Starting on default settings.",
        )
    )
    return {}


def load_config(
    path: Path,
    *,
    environ: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> LoadedConfig:
    """Defaults < TOML file < environment < command line; validated in one pass."""
    environ = os.environ if environ is None else environ
    problems: list[ConfigProblem] = []
    values: dict[str, Any] = {}
    _apply(values, read_toml(path, problems), str(path), problems, from_text=False)
    env_values = {
        name: environ[ENV_PREFIX + name.upper()]
        for name in OPTIONS_BY_NAME
        if ENV_PREFIX + name.upper() in environ
    }
    _apply(values, env_values, "environment", problems, from_text=True)
    if overrides:
        given = {k: v for k, v in overrides.items() if v is not None}
        _apply(values, given, "command line", problems, from_text=True)
    for problem in problems:
        log.warning("configuration problem: %s", problem)
    return LoadedConfig(Config(**values), path, problems)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def save_config(config: Config, path: Path) -> None:
    """Write every option with its description as a comment, atomically."""
    lines = ["# Yijiantong kiosk settings. Each option is described above its value.", ""]
    for option in OPTIONS:
        lines.append(f"# {option.description} Allowed: {option.allowed()}.")
        lines.append(f"{option.name} = {_toml_value(getattr(config, option.name))}")
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    tmp.replace(path)


def describe_options() -> str:
    """Text block for ``--help``: every option, its default and what it accepts."""
    rows = [
        f"  {o.name:<16} {o.description} (default {o.default!r}; {o.allowed()})" for o in OPTIONS
    ]
    return "settings (config.toml or YIJIANTONG_<NAME>):\n" + "\n".join(rows)


class ConfigNotifier:
    """Holds the live configuration and tells subscribers which keys changed.

    Qt-free on purpose: the composition root re-emits changes as a Qt signal so widgets
    restyle and retranslate live.
    """

    def __init__(self, loaded: LoadedConfig) -> None:
        self._loaded = loaded
        self._subscribers: list[Callable[[Config, Sequence[str]], None]] = []

    @property
    def config(self) -> Config:
        return self._loaded.config

    @property
    def path(self) -> Path:
        return self._loaded.path

    @property
    def problems(self) -> list[ConfigProblem]:
        return list(self._loaded.problems)

    @property
    def options(self) -> tuple[Option, ...]:
        return OPTIONS

    def save(self) -> None:
        """Write the current values to the settings file (call it off the GUI thread)."""
        save_config(self.config, self._loaded.path)

    def subscribe(self, callback: Callable[[Config, Sequence[str]], None]) -> None:
        self._subscribers.append(callback)

    def update(self, *, persist: bool = False, **changes: Any) -> list[ConfigProblem]:
        """Validate and apply ``changes``; invalid ones are returned and not applied."""
        problems: list[ConfigProblem] = []
        values = self.config.as_dict()
        _apply(values, changes, "settings screen", problems, from_text=False)
        fields: dict[str, Any] = {k: tuple(v) if k == "services" else v for k, v in values.items()}
        new = Config(**fields)
        changed = [k for k in OPTIONS_BY_NAME if getattr(new, k) != getattr(self.config, k)]
        self._loaded = LoadedConfig(new, self._loaded.path, self._loaded.problems)
        if persist:
            save_config(new, self._loaded.path)
        if changed:
            for callback in list(self._subscribers):
                callback(new, changed)
        return problems
