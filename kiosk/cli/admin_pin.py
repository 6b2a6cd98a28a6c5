"""``yijiantong admin set-pin``: set the admin PIN from a terminal (or stdin), no Qt.

The PIN is read twice, without echo on a terminal; from a pipe it reads two lines, so an
installer script can set it. Only the scrypt hash is stored (services/admin_pin.py).
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import TextIO

from services import admin_pin
from services.store import StorageError, Store

EXIT_OK = 0
EXIT_BAD_PIN = 2
EXIT_STORAGE = 4


def _read(prompt: str, stdin: TextIO) -> str:
    if stdin.isatty():
        return getpass.getpass(prompt)
    line = stdin.readline()
    return line.rstrip("\r\n")


def set_pin(data_dir: Path, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    out = out or sys.stdout
    first = _read("New admin PIN (4 to 12 digits): ", stdin)
    second = _read("The same PIN again: ", stdin)
    if first != second:
        print("The two PINs were different; nothing was changed.", file=out)
        return EXIT_BAD_PIN
    try:
        admin_pin.validate_pin(first)
    except admin_pin.CredentialError:
        print("A PIN has 4 to 12 digits (0-9); nothing was changed.", file=out)
        return EXIT_BAD_PIN
    try:
        with Store(data_dir).connect() as conn:
            admin_pin.set_admin_pin(conn, first)
    except StorageError as exc:
        print(f"Cannot use the data folder: {exc}", file=out)
        return EXIT_STORAGE
    print("The admin PIN is set.", file=out)
    return EXIT_OK
