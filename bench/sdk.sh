#!/usr/bin/env bash
# SDK cost benchmark (JMH): building one report (collectors, PII checks, canonical JSON) next to a
# baseline call measured in the same run. Usage: bench/sdk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests install
mvn -q -f bench/jmh/pom.xml package
java -jar bench/jmh/target/benchmarks.jar SdkReportBenchmark -rf text -rff bench/jmh/target/result.txt "$@"
awk '/previewReport/ {p=$4} /baselineRandomUuid/ {b=$4} END {if (b > 0) printf "preview / UUID.randomUUID ratio: %.1f\n", p / b}' bench/jmh/target/result.txt
