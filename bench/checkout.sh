#!/usr/bin/env bash
# Starts a platform jar on a fresh data directory (auth and voucher rate limits raised: every buyer signs up from
# this one address), runs checkout.py against it, and stops it.
#
#   bench/checkout.sh app/target/stoa-app.jar [label] [checkout.py arguments...]
#
# Environment: JAVA (default: the JDK 25 here), PORT (18080), JFR=1 to record the app from its start
# (bench/out/<label>-checkout-app.jfr, written when it stops). Output in bench/out/<label>-checkout.txt.
set -euo pipefail
jar=$(realpath "$1"); label=${2:-run}; shift $(( $# > 1 ? 2 : 1 ))
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
port=${PORT:-18080}
here=$(cd "$(dirname "$0")" && pwd)
out=$here/out; mkdir -p "$out"
data=$(mktemp -d /tmp/stoa-bench-XXXX)

jfr=(); [ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=settings=profile,filename="$out/$label-checkout-app.jfr")
"$java" "${jfr[@]}" -jar "$jar" --stoa.data-dir="$data" --server.port="$port" \
    --stoa.rate-limit.auth.requests=1000000 --stoa.rate-limit.redeem.user-requests=1000000 \
    --stoa.rate-limit.redeem.address-requests=1000000 > "$out/$label-checkout.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do grep -q "Started StoaApplication" "$out/$label-checkout.log" && break; sleep 1; done
grep -q "Started StoaApplication" "$out/$label-checkout.log" || { echo "did not start, see $out/$label-checkout.log"; exit 1; }

python3 "$here/checkout.py" --base "http://localhost:$port" --pid $app --data-dir "$data" "$@" | tee "$out/$label-checkout.txt"
