#!/usr/bin/env bash
# Build the one-folder kiosk bundle with PyInstaller:
#   dist/yijiantong/yijiantong       the kiosk  (try: dist/yijiantong/yijiantong --self-test)
#   dist/yijiantong/yijiantong-hub   the reference hub
# Sets the project up first (scripts/setup.sh: venv, compiled translations), installs the
# pinned PyInstaller into the venv, builds, then runs the bundle's self-test offscreen.
# Usage: bash packaging/build.sh [--no-self-test]
set -euo pipefail
cd "$(dirname "$0")/.."

self_test=1
for arg in "$@"; do
  case "$arg" in
    --no-self-test) self_test=0 ;;
    *) echo "usage: bash packaging/build.sh [--no-self-test]" >&2; exit 2 ;;
  esac
done

venv=${VENV:-.venv}
if [ ! -x "$venv/bin/python" ] || [ ! -f locales/yijiantong_zh_CN.qm ]; then
  bash scripts/setup.sh
fi
"$venv/bin/python" -m pip install -q -r packaging/requirements.txt

# Recompile translations so the bundle never carries stale .qm files.
for ts in locales/yijiantong_*.ts; do
  "$venv/bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done

started=$SECONDS
"$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/yijiantong.spec
echo "build: bundle in dist/yijiantong ($(du -sh dist/yijiantong | cut -f1)) after $((SECONDS - started)) s"

if [ "$self_test" -eq 1 ]; then
  QT_QPA_PLATFORM=offscreen dist/yijiantong/yijiantong --self-test
fi
