#!/usr/bin/env bash
# Summary benchmark: one day of N systems (default 1,000,000) loaded straight into each engine with
# SQL, then the day's summary timed through the real Summarizer, on DuckDB and on PostgreSQL (a
# throwaway local cluster, see bench/postgres.sh). With history > 0 that many earlier days are kept
# too, as retention keeps them. Each engine's run ends with the peak RSS of its JVM. The JVM's options
# come from BENCH_JAVA_OPTIONS (default -Xmx4g); DuckDB's limits from CENSUS_DUCKDB_MEMORY_LIMIT and
# CENSUS_DUCKDB_THREADS, as the server reads them. Usage: bench/summary.sh [systems=1000000] [history=0]
set -euo pipefail
cd "$(dirname "$0")/.."
systems=${1:-1000000}
history=${2:-0}
. bench/postgres.sh
data=$(mktemp -d)
trap 'stop_postgres; rm -rf "$data"' EXIT
[ -f census-cli/target/census.jar ] || mvn -q -pl census-cli -am -DskipTests package
start_postgres
java ${BENCH_JAVA_OPTIONS:--Xmx4g} -cp census-cli/target/census.jar bench/SummaryBench.java duckdb "$data" "$systems" "$history"
java ${BENCH_JAVA_OPTIONS:--Xmx4g} -cp census-cli/target/census.jar bench/SummaryBench.java postgresql "$BENCH_DATABASE" "$systems" "$history"
echo "($(nproc) cores; DuckDB file in $data; PostgreSQL $BENCH_DATABASE)"
