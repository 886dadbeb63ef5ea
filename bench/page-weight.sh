#!/usr/bin/env bash
# Weight and speed of the 365-day product page, before and after, measured in the same run: the
# page at BASE (default 9fb6c8c, main before issue 11) and the page of this tree, each served by
# its own census jar from the same DuckDB file. Weight: the page's HTML (its chart data embedded)
# plus every script and stylesheet it loads, each gzipped (-9) as a server would send it. Speed:
# time to the last chart painted in headless chromium, from the page's own performance timings
# (bench/PageTiming.java, over the DevTools protocol), median of SAMPLES loads.
# Usage: bench/page-weight.sh [systems=1000] [days=365] [samples=9]
# CENSUS_BENCH_DATA=DIR keeps and reuses the loaded fleet; CENSUS_BENCH_BASE=COMMIT another baseline.
set -euo pipefail
cd "$(dirname "$0")/.."
systems=${1:-1000}
days=${2:-365}
samples=${3:-9}
base_commit=${CENSUS_BENCH_BASE:-9fb6c8c}
port=${CENSUS_BENCH_PORT:-18183}
devtools=${CENSUS_BENCH_DEVTOOLS:-19223}
chromium=${CENSUS_CHROMIUM:-/usr/bin/chromium}
jar=census-cli/target/census.jar
[ -f "$jar" ] || mvn -q -o -pl census-cli -am -DskipTests package
baseline=/tmp/census-baseline-$base_commit
if [ ! -f "$baseline/$jar" ]; then
  [ -d "$baseline" ] || git worktree add --detach "$baseline" "$base_commit"
  (cd "$baseline" && mvn -q -o -pl census-cli -am -DskipTests package)
fi
. bench/fleet.sh
load_fleet "$jar" "$systems" "$days"
profile=$(mktemp -d)
"$chromium" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --disable-extensions --user-data-dir="$profile" \
  --remote-debugging-port="$devtools" --window-size=1280,900 about:blank >"$profile/chromium.log" 2>&1 &
browser=$!
server=
trap 'kill $browser $server 2>/dev/null; wait 2>/dev/null || true; rm -rf "$profile"; [ -n "${CENSUS_BENCH_DATA:-}" ] || rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$devtools/json/version" >/dev/null && break; sleep 0.2; done

base="http://127.0.0.1:$port"
to=$(date -u -d yesterday +%F)
from=$(date -u -d "$to - $((days - 1)) days" +%F)
page="/p/demo?from=$from&to=$to&channel=production"
gz() { curl -sf "$base$1" | gzip -9 | wc -c; }

measure() {
  local name=$1 served=$2
  java -jar "$served" serve --port "$port" --data-dir "$data" >"$data/server-$name.log" 2>&1 &
  server=$!
  for _ in $(seq 1 150); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.2; done
  sleep 5 # the server reads the last 365 days into memory as it starts
  local html raw assets=0 asset
  html=$(gz "$page")
  raw=$(curl -sf "$base$page" | wc -c)
  for asset in $(curl -sf "$base$page" | grep -oE '(src|href)="/(static|webjars)/[^"]*"' | sed -E 's/^(src|href)="//; s/"$//' | sort -u); do
    assets=$((assets + $(gz "$asset")))
  done
  echo "== $name ($served)"
  echo "HTML: $raw bytes, $html gzipped; scripts and styles: $assets gzipped; total: $((html + assets)) bytes gzipped"
  java bench/PageTiming.java "$devtools" "$base$page" "$samples" | tail -n +2
  kill $server; wait $server 2>/dev/null || true; server=
}

measure "before ($base_commit)" "$baseline/$jar"
measure "after ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- census-server || echo +changes))" "$jar"
echo "($(nproc) cores; $systems systems, $days days of summaries; page $page)"
