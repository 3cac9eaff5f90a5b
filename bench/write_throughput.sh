#!/usr/bin/env bash
# Starts a platform jar on a fresh data directory, warms it up, measures write throughput twice
# (write_throughput.py), optionally records JFR during the second run, and stops it.
#
#   bench/write_throughput.sh app/target/stoa-app.jar [label] [extra app arguments...]
#
# Environment: JAVA (default: the JDK 25 here), PORT (18080), WARMUP (180 s), DURATION (60 s),
# JFR=1 to record the app and Elasticsearch during the second run (bench/out/<label>-{app,es}.jfr).
set -euo pipefail
jar=$(realpath "$1"); label=${2:-run}; shift $(( $# > 1 ? 2 : 1 ))
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
jcmd=$(dirname "$java")/jcmd
port=${PORT:-18080}
here=$(cd "$(dirname "$0")" && pwd)
out=$here/out; mkdir -p "$out"
data=$(mktemp -d /tmp/stoa-bench-XXXX)

"$java" -jar "$jar" --stoa.data-dir="$data" --server.port="$port" "$@" > "$out/$label.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do grep -q "Started StoaApplication" "$out/$label.log" && break; sleep 1; done
grep -q "Started StoaApplication" "$out/$label.log" || { echo "did not start, see $out/$label.log"; exit 1; }

run() { python3 "$here/write_throughput.py" --base "http://localhost:$port" --pid $app --data-dir "$data" "$@"; }
echo "== $label: warm-up ${WARMUP:-180} s, then run 1"
run --warmup "${WARMUP:-180}" --duration "${DURATION:-60}" | tee "$out/$label-1.txt"
if [ "${JFR:-0}" = 1 ]; then
  "$jcmd" $app JFR.start name=bench settings=profile duration="${DURATION:-60}s" filename="$out/$label-app.jfr" > /dev/null
  "$jcmd" "$(cat "$data/elasticsearch/es.pid")" JFR.start name=bench settings=profile duration="${DURATION:-60}s" \
      filename="$out/$label-es.jfr" > /dev/null
fi
echo "== $label: run 2"
run --warmup 0 --duration "${DURATION:-60}" | tee "$out/$label-2.txt"
sleep 3 # let JFR write its files
