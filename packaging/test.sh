#!/usr/bin/env bash
# Packaging checks: build the bundle, self-test it offscreen, verify the systemd units,
# lint the scripts with ShellCheck, round-trip install/uninstall into a scratch folder.
# Installs the tools it needs with apt when run as root (like scripts/setup.sh).
# Usage: bash packaging/test.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")/.."

TOOLS=(shellcheck systemd logrotate desktop-file-utils cage)
missing=()
for pkg in "${TOOLS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then
    echo "packaging: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "packaging: missing tools. Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

venv=${VENV:-.venv}
started=$SECONDS
bash packaging/build.sh --no-self-test
echo "packaging: bundle built in $((SECONDS - started)) s"
export QT_QPA_PLATFORM=offscreen
YIJIANTONG_BUNDLE="$PWD/dist/yijiantong" "$venv/bin/pytest" tests/packaging "$@"
