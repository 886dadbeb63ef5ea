# Sourced by the dashboard benchmarks: load_fleet JAR SYSTEMS DAYS sets $data to a data dir holding a
# simulated fleet of SYSTEMS systems over DAYS days (CENSUS_BENCH_DATA=DIR keeps and reuses it;
# otherwise a new temporary directory, which the caller removes).
load_fleet() {
  local jar=$1 systems=$2 days=$3
  data=${CENSUS_BENCH_DATA:-$(mktemp -d)}
  if [ ! -f "$data/census.duckdb" ]; then
    echo "loading $systems simulated systems over $days days into $data (takes a few minutes)"
    java -jar "$jar" demo --load-only --systems "$systems" --days "$days" --data-dir "$data" | tail -1
  fi
}
