#!/usr/bin/env bash
# Set up (if needed) and start the demo kiosk in a window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
venv=${VENV:-.venv}
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "demo: no screen found; running on a virtual screen (Xvfb). Stop with Ctrl-C." >&2
  echo "demo: to look at pages without a screen use: $venv/bin/yijiantong screenshot --list" >&2
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$venv/bin/yijiantong" demo "$@"
fi
exec "$venv/bin/yijiantong" demo "$@"
