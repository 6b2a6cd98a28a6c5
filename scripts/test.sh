#!/usr/bin/env bash
# Set up (if needed) and run every check: lint, format, types, layering, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
venv=${VENV:-.venv}
export QT_QPA_PLATFORM=offscreen
# Compiled bytecode is kept (__pycache__ is ignored by git): the suite starts well over a
# hundred Python processes (hubs, kiosk commands, workers), each of which would otherwise
# compile the project's modules again.
unset PYTHONDONTWRITEBYTECODE
echo "== ruff (lint)";   "$venv/bin/ruff" check .
echo "== ruff (format)"; "$venv/bin/ruff" format --check .
echo "== mypy (strict: kiosk, ui, voice, services)"; "$venv/bin/mypy"
echo "== import-linter"; "$venv/bin/lint-imports"
echo "== pytest"
# One worker per core. Modules whose tests share an expensive, stateful fixture (a
# recogniser that adapts as it hears) keep their order on one worker (xdist_group).
"$venv/bin/pytest" -n "${PYTEST_WORKERS:-auto}" --dist loadgroup "$@"
# A full run (no pytest arguments, as in CI) also builds the bundle and checks the
# packaging: about 1.5 min on 2 cores (packaging/test.sh).
if [ "$#" -eq 0 ]; then
  echo "== packaging"; bash packaging/test.sh -q
fi
