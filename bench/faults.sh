#!/usr/bin/env bash
# Fault drill: the production site under load while PostgreSQL restarts, Redis stops and a webhook receiver
# hangs and fails; see bench/README.md. Options: bench/faults.py --help (--dry-run stops no service).
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python bench/faults.py "$@"
