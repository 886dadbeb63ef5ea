#!/usr/bin/env bash
# Dashboard benchmark: a product page's HTML and every API call behind its charts (the CSV/JSON
# series each chart links to) at 365 days of summaries. Cold = rendered from the database (each
# request a URL the cache has not seen); warm = from the summary cache; 304 = revalidation.
# Usage: bench/pages.sh [systems=1000] [days=365] [cold-samples=15]
set -euo pipefail
cd "$(dirname "$0")/.."
systems=${1:-1000}
days=${2:-365}
samples=${3:-15}
port=${CENSUS_BENCH_PORT:-18182}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f census-cli/target/census.jar ] || mvn -q -DskipTests package
jar=census-cli/target/census.jar
. bench/fleet.sh
load_fleet "$jar" "$systems" "$days"
java -jar "$jar" serve --port "$port" --data-dir "$data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; [ -n "${CENSUS_BENCH_DATA:-}" ] || rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 150); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done

to=$(date -u -d yesterday +%F)
from=$(date -u -d "$to - $((days - 1)) days" +%F)
range="from=$from&to=$to&channel=production"
page="/p/demo?$range"
first=$(curl -s -o /dev/null -w '%{time_total}' "$base$page" | awk '{printf "%.1f", $1 * 1000}')
# the API calls of the page: every CSV and JSON link beside its charts
mapfile -t api < <(curl -sf "$base$page" | grep -o 'href="/api/v1/products/demo/series/[^"]*"' | sed -e 's/^href="//' -e 's/"$//' -e 's/&amp;/\&/g' | awk '!seen[$0]++')
echo "page $page: $(curl -sf "$base$page" | wc -c) bytes, ${#api[@]} API links"
echo "first request after start (reads $days days of summaries from DuckDB): $first ms"

# median and max of the cold (uncached) time of a path, in ms, over distinct URLs
cold() {
  local path=$1 sep='?'
  [[ $path == *\?* ]] && sep='&'
  for i in $(seq 1 "$samples"); do
    curl -s -o /dev/null -w '%{time_total}\n' "$base$path${sep}bench=$RANDOM$i"
  done | sort -n | awk '{t[NR] = $1 * 1000} END {printf "%6.1f %6.1f", t[int((NR + 1) / 2)], t[NR]}'
}
# warm for a 304: the time of a revalidation with the answer's own ETag
revalidate() {
  local etag
  etag=$(curl -sf -D - -o /dev/null "$base$1" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
  curl -s -o /dev/null -H "If-None-Match: $etag" -w '%{http_code} %{time_total}' "$base$1" | awk '{printf "%s in %.1f ms", $1, $2 * 1000}'
}

echo "warm-up"
for _ in 1 2 3; do cold "$page" >/dev/null; for path in "${api[@]}"; do curl -s -o /dev/null "$base$path"; done; done

printf '%-78s %8s %8s\n' "cold (rendered, ms)" median max
printf '%-78s %s\n' "$page" "$(cold "$page")"
printf '%-78s %s\n' "/p/demo (default: 90 days)" "$(cold /p/demo)"
worst=0
for path in "${api[@]}"; do
  line=$(cold "$path")
  printf '%-78s %s\n' "${path%%\?*}${path#*channel=production}" "$line"
done | tee "$data/api-cold.txt"
awk '{if ($(NF - 1) > m) {m = $(NF - 1); p = $1}} END {printf "slowest API call (median): %.1f ms (%s)\n", m, p}' "$data/api-cold.txt"

echo "warm (from the cache; wrk 2 threads, 8 connections, 10 s)"
for path in "$page" "${api[0]}"; do
  wrk -t2 -c8 -d10s --latency "$base$path" | awk -v p="${path%%\?*}" '/Requests\/sec/ {r = $2} $1 == "50%" {m = $2} $1 == "99%" {q = $2} END {printf "%-40s %8.0f req/s, p50 %s, p99 %s\n", p, r, m, q}'
done
echo "revalidation of the page: $(revalidate "$page")"
echo "($(nproc) cores; $systems systems, $days days of summaries; DuckDB file in $data)"
