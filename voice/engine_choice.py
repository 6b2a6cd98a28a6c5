"""The choice of speech-recognition engine per locale, from the settings and what is
installed.

Engine per locale (``engine_for_locale`` setting): ``"vosk"`` needs an installed model,
``"pocketsphinx"`` works for English with the model inside the wheel, ``"auto"`` (the
default) picks vosk when its model is installed and otherwise pocketsphinx for English,
``"none"`` turns voice input off.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from voice.engine import EngineState, RecognitionEngine, UnavailableEngine

ENGINE_CHOICES = ("auto", "vosk", "pocketsphinx", "none")
DEFAULT_ENGINES: Mapping[str, str] = {"zh_CN": "auto", "zh_HK": "auto", "en": "auto"}


def create_engine(
    locale: str,
    models_dir: Path,
    engine_for_locale: Mapping[str, str] = DEFAULT_ENGINES,
) -> RecognitionEngine:
    """Build the engine the settings ask for; an :class:`UnavailableEngine` says why not."""
    from voice.models import installed_model_for

    choice = engine_for_locale.get(locale, "auto")
    if choice not in ENGINE_CHOICES:
        return UnavailableEngine(
            f"unknown speech engine {choice!r} for {locale}; use one of "
            + ", ".join(ENGINE_CHOICES)
        )
    if choice == "none":
        return UnavailableEngine(f"voice input is turned off for {locale}")
    model_dir = installed_model_for(models_dir, locale)
    if choice == "vosk" or (choice == "auto" and model_dir is not None):
        from voice.vosk_engine import VoskEngine

        if model_dir is None:
            return UnavailableEngine(
                f"no vosk model installed for {locale}; run `yijiantong voice models list`",
                EngineState.NO_MODEL,
            )
        return VoskEngine(model_dir)
    if locale == "en":
        from voice.sphinx_engine import SphinxEngine

        return SphinxEngine()
    return UnavailableEngine(
        f"no speech model installed for {locale}; run `yijiantong voice models list`",
        EngineState.NO_MODEL,
    )
