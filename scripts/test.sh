#!/usr/bin/env bash
# Set up and run the whole test suite: the README's test command, and what CI runs.
#
# It makes .venv, installs caselens with its development extras, and, where it can,
# the system pieces some tests need (a PostgreSQL server for the store tests, Pango
# for PDF reports, Chromium for the web app's browser tests). Tests whose system piece is missing
# skip and say why; in CI (CI=true) every piece is installed, so nothing skips for that.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[dev]'

# System packages, only as root with apt (CI, a fresh machine); never silently elsewhere.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    need=()
    command -v pg_ctl >/dev/null 2>&1 || [ -x /usr/lib/postgresql/15/bin/pg_ctl ] || need+=(postgresql)
    ldconfig -p 2>/dev/null | grep -q libpangoft2 || need+=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b fonts-dejavu-core)
    command -v chromium >/dev/null 2>&1 || need+=(chromium)
    if [ ${#need[@]} -gt 0 ]; then
        echo "Installing system packages: ${need[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
    fi
fi

# A throwaway PostgreSQL server for the store tests, stopped on exit.
if [ -z "${CASELENS_TEST_POSTGRES_URL:-}" ]; then
    # shellcheck source=scripts/pg_temp.sh
    . scripts/pg_temp.sh
    pg_temp_start || echo "PostgreSQL not available: the PostgreSQL store tests will skip."
fi

.venv/bin/ruff check src tests scripts benchmarks
.venv/bin/ruff format --check src tests scripts benchmarks
.venv/bin/mypy
.venv/bin/lint-imports  # the layers of ARCHITECTURE.md ([tool.importlinter] in pyproject.toml)
.venv/bin/python -m pytest -n 2 "$@"
