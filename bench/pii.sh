#!/usr/bin/env bash
# PII detector cost benchmark (JMH): PiiDetectors.standard() per value over a fixed realistic mix
# (versions, enum and platform values, a few longer strings and a few personal values), next to
# lower-casing the same values in the same run. Usage: bench/pii.sh [JMH options]
# On a shared machine keep your ~/.m2 untouched: MAVEN_OPTS=-Dmaven.repo.local=/tmp/m2-copy bench/pii.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -DskipTests -pl census-sdk,census-server -am install
mvn -q -f bench/jmh/pom.xml package
java -jar bench/jmh/target/benchmarks.jar PiiDetectorsBenchmark -rf text -rff bench/jmh/target/pii.txt "$@"
awk '/scanPerValue/ {p=$4} /baselineLowerCasePerValue/ {b=$4} END {if (b > 0) printf "scan / toLowerCase ratio: %.1f\n", p / b}' bench/jmh/target/pii.txt
