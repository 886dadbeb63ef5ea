#!/usr/bin/env bash
# The ingestion benchmark of bench/ingest.sh with pulpcore's own protobuf Analytics message posted to
# POST / (bench/post-pulp.lua), as Pulp installations post it; also printed as a multiple of Pulp's own
# analytics site. Usage: bench/ingest-pulp.sh [seconds=20] [connections=64]
set -euo pipefail
cd "$(dirname "$0")/.."
CENSUS_BENCH_FORMAT=pulp bench/ingest.sh "$@"
