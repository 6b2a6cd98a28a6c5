"""The configuration schema: precedence, validation messages, defaults on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import (
    OPTIONS,
    Config,
    ConfigNotifier,
    describe_options,
    load_config,
    save_config,
)


def test_every_option_is_declared_with_type_default_and_description() -> None:
    config = Config()
    for option in OPTIONS:
        assert option.description.strip(), option.name
        assert getattr(config, option.name) == (
            tuple(option.default) if option.type is list else option.default
        )
        assert option.name in describe_options()


def test_defaults_when_no_file(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "missing.toml", environ={})
    assert loaded.config == Config()
    assert loaded.problems == []


def test_precedence_file_then_environment_then_cli(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('locale = "en"\ntext_scale = 150\ntheme = "dark"\n', encoding="utf-8")
    env = {"YIJIANTONG_TEXT_SCALE": "200", "YIJIANTONG_THEME": "light"}
    loaded = load_config(path, environ=env, overrides={"theme": "dark", "locale": None})
    assert loaded.config.locale == "en"  # file
    assert loaded.config.text_scale == 200  # environment beats file
    assert loaded.config.theme == "dark"  # command line beats environment
    assert loaded.problems == []


def test_invalid_value_names_key_and_allowed_values_and_uses_default(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('text_scale = 175\nlocale = "fr"\nidle_timeout_s = 5\n', encoding="utf-8")
    loaded = load_config(path, environ={})
    assert loaded.config.text_scale == 100
    assert loaded.config.locale == "zh_CN"
    assert loaded.config.idle_timeout_s == 90
    messages = {p.key: p.message for p in loaded.problems}
    assert "100, 125, 150, 200" in messages["text_scale"]
    assert "zh_CN, zh_HK, en" in messages["locale"]
    assert "20 to 1800" in messages["idle_timeout_s"]
    assert all(str(path) in str(p) for p in loaded.problems)


def test_unreadable_toml_starts_on_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("locale = [unclosed\n", encoding="utf-8")
    loaded = load_config(path, environ={})
    assert loaded.config == Config()
    assert len(loaded.problems) == 1
    assert "cannot read the settings file" in loaded.problems[0].message


def test_a_settings_path_that_cannot_be_opened_starts_on_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.mkdir()  # opening a directory fails with an OSError that is not "not found"
    loaded = load_config(path, environ={})
    assert loaded.config == Config()
    assert len(loaded.problems) == 1
    assert "cannot read the settings file" in loaded.problems[0].message


def test_binary_garbage_and_unknown_keys(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert load_config(path, environ={}).config == Config()
    path.write_text('colour = "red"\n', encoding="utf-8")
    loaded = load_config(path, environ={})
    assert "unknown setting 'colour'" in loaded.problems[0].message


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("0", False), ("off", False), ("YES", True)]
)
def test_environment_booleans(tmp_path: Path, raw: str, expected: bool) -> None:
    loaded = load_config(tmp_path / "x.toml", environ={"YIJIANTONG_FULLSCREEN": raw})
    assert loaded.config.fullscreen is expected


def test_services_list_validated(tmp_path: Path) -> None:
    env = {"YIJIANTONG_SERVICES": "meals, emergency"}
    assert load_config(tmp_path / "x.toml", environ=env).config.services == ("meals", "emergency")
    bad = load_config(tmp_path / "x.toml", environ={"YIJIANTONG_SERVICES": "meals,taxi"})
    assert bad.config.services == Config().services
    assert "taxi" in bad.problems[0].value


def test_save_and_reload_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    config = Config(locale="zh_HK", text_scale=125, kiosk_name='Centre "A"', services=("meals",))
    save_config(config, path)
    assert load_config(path, environ={}).config == config
    assert "# Text size" in path.read_text(encoding="utf-8")


def test_notifier_reports_only_changed_keys(tmp_path: Path) -> None:
    notifier = ConfigNotifier(load_config(tmp_path / "c.toml", environ={}))
    seen: list[list[str]] = []
    notifier.subscribe(lambda _config, keys: seen.append(list(keys)))
    problems = notifier.update(theme="dark", text_scale=100, locale="xx", persist=True)
    assert seen == [["theme"]]
    assert problems and problems[0].key == "locale"
    assert load_config(tmp_path / "c.toml", environ={}).config.theme == "dark"
