#!/usr/bin/env bash
# Subscription benchmark (issue 13): N screens (default 1,000 then 5,000) watch 100 applications over WebSocket;
# police (bench/LiveStubs.java) adds a timeline step to every application every CHANGE seconds. Reports what the
# agency pays (application reads per minute: must stay O(applications), not O(screens)), delivery latency from
# the step at the agency to the screen (p50/p99; bounded by the poll interval), gateway heap per subscription
# (after a full GC, open minus before) and gateway CPU during the window. Not part of `mvn verify`.
#
# Environment: SUBSCRIBERS (default "1000 5000"), INTERVAL (poll interval of an application under review, s,
#              default 5), CHANGE (s between steps, default 20), WINDOW (measured seconds, default 60),
#              GATEWAY_PORT (18092), STUB_PORT (18093), MANAGEMENT_PORT (18094), GATEWAY_ARGS (more gateway
#              settings, e.g. "--gateway.store=redis --gateway.redis.key-prefix=bench-live:" against localhost:6379).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
SUBSCRIBERS="${SUBSCRIBERS:-1000 5000}"
APPLICATIONS=100
INTERVAL="${INTERVAL:-5}"
CHANGE="${CHANGE:-20}"
WINDOW="${WINDOW:-60}"
GATEWAY_PORT="${GATEWAY_PORT:-18092}"
STUB_PORT="${STUB_PORT:-18093}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-18094}"
OUT="$ROOT/bench/target"
ISSUER="https://bench.residence-gateway.local"
mkdir -p "$OUT"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

echo "building the gateway"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
JAR="$(ls target/residence-gateway-*.jar | grep -v '\.original' | head -1)"
CP="$(cat "$OUT/classpath.txt")"
source bench/gateway-args.sh

java bench/BenchTokens.java "$OUT" "$ISSUER" "$APPLICATIONS" live
java -cp "$CP" bench/LiveStubs.java "$STUB_PORT" "$APPLICATIONS" "$CHANGE" > "$OUT/live-stubs.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 200); do curl -fs "http://127.0.0.1:$STUB_PORT/__live/counts" >/dev/null 2>&1 && break; sleep 0.1; done

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
heap_kib() { jcmd "$1" GC.run >/dev/null; jcmd "$1" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {gsub("K,?", "", $(i+1)); print $(i+1); exit}}'; }

ROWS="$OUT/subscriptions.md"
: > "$ROWS"
for n in $SUBSCRIBERS; do
    java -jar "$JAR" --server.port="$GATEWAY_PORT" "${GATEWAY_PRODUCTION[@]}" \
        --management.server.port="$MANAGEMENT_PORT" --management.server.address=127.0.0.1 \
        --gateway.live.intervals.under-review="${INTERVAL}s" --gateway.live.max-per-person=100000 \
        --gateway.live.max-per-instance=100000 \
        --gateway.cache.resources.police-application.ttl=0 --gateway.cache.resources.police-application.stale-if-error=0 \
        ${GATEWAY_ARGS:-} > "$OUT/gateway-subscriptions.log" 2>&1 &
    GATEWAY_PID=$!
    PIDS+=("$GATEWAY_PID")
    for _ in $(seq 1 600); do
        curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
        sleep 0.1
    done
    before_heap=$(heap_kib "$GATEWAY_PID")
    java -cp "$CP" bench/Subscribers.java "$GATEWAY_PORT" "$OUT/tokens-live.txt" "$n" "$APPLICATIONS" "$WINDOW" \
        > "$OUT/subscribers.log" 2>&1 &
    SUBSCRIBERS_PID=$!
    PIDS+=("$SUBSCRIBERS_PID")
    until grep -q '^OPEN' "$OUT/subscribers.log"; do
        kill -0 "$SUBSCRIBERS_PID" 2>/dev/null || { cat "$OUT/subscribers.log"; exit 1; }
        sleep 0.2
    done
    open_heap=$(heap_kib "$GATEWAY_PID")
    curl -fs "http://127.0.0.1:$STUB_PORT/__live/reset" >/dev/null
    cpu_before=$(ticks "$GATEWAY_PID")
    wait "$SUBSCRIBERS_PID" || true
    cpu_after=$(ticks "$GATEWAY_PID")
    reads=$(curl -fs "http://127.0.0.1:$STUB_PORT/__live/counts" | sed 's/reads=//')
    result=$(grep '^RESULT' "$OUT/subscribers.log")
    python3 - "$n" "$result" "$reads" "$WINDOW" "$before_heap" "$open_heap" "$cpu_before" "$cpu_after" \
        "$(getconf CLK_TCK)" "$APPLICATIONS" "$INTERVAL" >> "$ROWS" <<'PY'
import sys
n, result, reads, window, before, opened, c0, c1, tck, apps, interval = sys.argv[1:]
r = dict(kv.split("=") for kv in result.split()[1:])
per_min = int(reads) * 60.0 / int(window)
expected = int(apps) * 60.0 / int(interval)
cpu = (int(c1) - int(c0)) / int(tck) / int(window) * 100
print("| %s | %s | %.0f (%.0f expected) | %s | %s | %s | %.1f KiB | %.1f %% | %s | %s |" % (
    n, apps, per_min, expected, r["p50"], r["p99"], r["events"],
    (int(opened) - int(before)) / float(n), cpu, r["errors"], r["unacknowledged"]))
PY
    tail -1 "$ROWS"
    kill "$GATEWAY_PID"; wait "$GATEWAY_PID" 2>/dev/null || true
done

{
    echo "| screens | applications | police reads/min | delivery p50 | delivery p99 | events | heap/subscription | gateway CPU | errors | never acknowledged |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    cat "$ROWS"
    echo
    echo "Poll interval ${INTERVAL} s, a step every ${CHANGE} s, ${WINDOW} s measured;" \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(java -version 2>&1 | head -1)."
} | tee "$OUT/subscriptions-latest.md"
