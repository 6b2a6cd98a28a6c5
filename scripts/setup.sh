#!/usr/bin/env bash
# Set up Yijiantong on Debian 12: system packages, a virtualenv with every Python
# dependency, and compiled translations. Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3 python3-venv python3-pip git
  fonts-noto-cjk                 # Chinese text (without it Chinese shows as boxes)
  espeak-ng sox alsa-utils       # offline speech output and audio tools
  libportaudio2                  # microphone access (sounddevice)
  xvfb xauth                     # a virtual screen for the demo on headless machines
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-render-util0 libxcb-image0  # Qt's X11/xcb platform plugin
  baresip-core chromium chromium-driver  # emergency SIP call; headless operator-page tests
  postgresql                     # the hub tests run on PostgreSQL too (a cluster of their own)
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: these system packages are missing. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    echo "then run this command again." >&2
    exit 1
  fi
fi

venv=${VENV:-.venv}
if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating virtualenv $venv"
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --upgrade pip
echo "setup: installing Python packages (first run downloads about 250 MB)"
"$venv/bin/python" -m pip install -q -e '.[dev,hub]'

for ts in locales/yijiantong_*.ts; do
  "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
echo "setup: done"
