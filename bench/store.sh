#!/usr/bin/env bash
# Group-commit cost benchmark (JMH): one DuckDB commit of 1, 16, 64, 256 and 1,024 reports, the
# writer thread's whole job per batch. Prints reports/s per batch size and the gain over a batch of one.
# Usage: bench/store.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests install
mvn -q -f bench/jmh/pom.xml package
java -jar bench/jmh/target/benchmarks.jar StoreAppendBenchmark -rf text -rff bench/jmh/target/store.txt "$@"
awk '/commitBatch/ {batch=$2; us=$5; rate=batch * 1e6 / us; if (batch == 1) one=rate;
       printf "batch %5d: %8.0f us/commit %8.0f reports/s  x%.1f over a batch of one\n", batch, us, rate, rate / one}' \
    bench/jmh/target/store.txt
