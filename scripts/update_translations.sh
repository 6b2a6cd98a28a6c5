#!/usr/bin/env bash
# Re-extract every translatable string from the sources into locales/*.ts, keeping
# existing translations. Run after adding or changing a user-visible string, then
# translate the entries lupdate marks "unfinished" (Qt Linguist, or by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${VENV:-.venv}
mapfile -t sources < <(git ls-files --cached --others --exclude-standard 'kiosk/*.py' 'ui/*.py' | sort)
for locale in zh_CN zh_HK en; do
  "$venv/bin/pyside6-lupdate" -locations none -no-obsolete -source-language en \
    -target-language "$locale" "${sources[@]}" -ts "locales/yijiantong_${locale}.ts"
done
