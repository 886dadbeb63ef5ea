#!/usr/bin/env bash
# The ingestion benchmark of bench/ingest.sh, with the server on PostgreSQL (a throwaway local cluster,
# see bench/postgres.sh) instead of DuckDB. Usage: bench/ingest-postgres.sh [seconds=20] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/postgres.sh
trap stop_postgres EXIT
start_postgres
CENSUS_BENCH_DATABASE="$BENCH_DATABASE" bench/ingest.sh "$@"
