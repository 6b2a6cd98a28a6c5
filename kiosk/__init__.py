"""Yijiantong kiosk: composition root, CLI, configuration and session handling."""

from importlib import metadata

try:
    __version__ = metadata.version("yijiantong")
except metadata.PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+source"
