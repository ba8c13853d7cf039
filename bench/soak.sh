#!/usr/bin/env bash
# Soak: a busy Monday morning held for MINUTES minutes. RESIDENTS distinct residents (half on the home screen,
# half on the progress screen with 20 applications and parcels), CONCURRENCY connections, a fixed small heap,
# caches at their defaults, agencies healthy and without delay (bench/BenchStubs.java). Every minute it samples
# q/s, p50/p99, errors and shed requests (wrk), the heap after GC (the GC log), RSS, the caches' estimated bytes
# and budget, and whether any breaker refused a call; health is asked every 2 s and must answer within 1 s.
# Then an overload run (OVERLOAD_CONCURRENCY, far beyond capacity) must shed fast and keep the admitted p99
# within 2x of an unloaded run's. Writes bench/target/soak.md; exits 1 when a check fails.
#
# A 30 s JIT warm-up at concurrency 4 comes first and is not measured.
#
# Environment: RESIDENTS (30000), CONCURRENCY (32), MINUTES (10, at most 30), HEAP (512m),
#              OVERLOAD_CONCURRENCY (512), OVERLOAD_SECONDS (45), LATENCY_TARGET (200ms, the admission p99), GATEWAY_PORT (18090), STUB_PORT (18091),
#              MANAGEMENT_PORT (18092), EXTRA (extra gateway arguments),
#              GATEWAY_CPUS / LOAD_CPUS (e.g. 1 and 0: the gateway on its own core, the stubs and the load
#              generators on the other, with taskset, so the generators' own queueing does not steal the
#              gateway's CPU; default: not pinned).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
RESIDENTS="${RESIDENTS:-30000}"
CONCURRENCY="${CONCURRENCY:-32}"
MINUTES="${MINUTES:-10}"
(( MINUTES > 30 )) && MINUTES=30
HEAP="${HEAP:-512m}"
OVERLOAD_CONCURRENCY="${OVERLOAD_CONCURRENCY:-512}"
OVERLOAD_SECONDS="${OVERLOAD_SECONDS:-45}"
# The p99 objective admission keeps: about twice the soak's p99 on these stubs, which answer at once.
LATENCY_TARGET="${LATENCY_TARGET:-200ms}"
GATEWAY_PORT="${GATEWAY_PORT:-18090}"
STUB_PORT="${STUB_PORT:-18091}"
MANAGEMENT_PORT="${MANAGEMENT_PORT:-18092}"
OUT="$ROOT/bench/target/soak"
ISSUER="https://bench.residence-gateway.local"
JVM_FLAGS="-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC -Xlog:gc:file=$OUT/gc.log:uptime"
ON_GATEWAY_CPUS=(); ON_LOAD_CPUS=()
[[ -n "${GATEWAY_CPUS:-}" ]] && ON_GATEWAY_CPUS=(taskset -c "$GATEWAY_CPUS")
[[ -n "${LOAD_CPUS:-}" ]] && ON_LOAD_CPUS=(taskset -c "$LOAD_CPUS")
mkdir -p "$OUT"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
    [[ "$(id -u)" == 0 ]] || { echo "wrk is needed: sudo apt-get install wrk" >&2; exit 1; }
    apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
fi

echo "building the gateway"
mvn -B -q -DskipTests package
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
JAR="$(ls target/residence-gateway-*.jar | grep -v '\.original' | head -1)"

HALF=$(( RESIDENTS / 2 ))
if [[ -f "$OUT/public.pem" && -f "$OUT/tokens-home.txt" && "$(wc -l < "$OUT/tokens-home.txt")" == "$HALF" \
        && -n "$(find "$OUT/tokens-home.txt" -mmin -90)" ]]; then
    echo "reusing the tokens of $RESIDENTS residents signed in the last 90 minutes"
else
    echo "signing tokens for $RESIDENTS residents"
    java bench/BenchTokens.java "$OUT" "$ISSUER" "$HALF" home progress
fi
"${ON_LOAD_CPUS[@]}" java -cp "$(cat "$OUT/classpath.txt")" bench/BenchStubs.java "$STUB_PORT" stubs > "$OUT/stubs.log" 2>&1 &
PIDS+=("$!")
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$STUB_PORT/__bench/counts" >/dev/null 2>&1 && break; sleep 0.1; done

rm -f "$OUT/gc.log"
source bench/gateway-args.sh
# shellcheck disable=SC2086
"${ON_GATEWAY_CPUS[@]}" java $JVM_FLAGS -jar "$JAR" --server.port="$GATEWAY_PORT" "${GATEWAY_PRODUCTION[@]}" \
    --management.server.port="$MANAGEMENT_PORT" --management.server.address=127.0.0.1 \
    --management.endpoints.web.exposure.include=health,metrics \
    --gateway.admission.latency-target="$LATENCY_TARGET" \
    --logging.level.root=warn ${EXTRA:-} > "$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
PIDS+=("$GATEWAY_PID")
for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
    sleep 0.1
done

metric() {  # metric NAME [TAG...]: the first measurement's value, summed over every tag value
    local query="" tag
    for tag in "${@:2}"; do query="$query&tag=$tag"; done
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/metrics/$1?${query#&}" 2>/dev/null \
        | python3 -c 'import json,sys; print(int(json.load(sys.stdin)["measurements"][0]["value"]))' 2>/dev/null \
        || echo 0
}

: > "$OUT/health.log"
( while kill -0 "$GATEWAY_PID" 2>/dev/null; do
      curl -s -o /dev/null -w '%{http_code} %{time_total}\n' --max-time 1 \
          "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health" >> "$OUT/health.log" || echo "000 1.000" >> "$OUT/health.log"
      sleep 2
  done ) &
PIDS+=("$!")

export TOKENS_HOME="$OUT/tokens-home.txt" TOKENS_PROGRESS="$OUT/tokens-progress.txt" WRK_THREADS=2
ROWS="$OUT/rows.md"
: > "$ROWS"
GC_SEEN=0
FAILED=()
P99_SECOND=""
BUDGET=$(metric gateway.cache.budget)
(( BUDGET > 0 )) || { echo "cannot read the gateway's metrics on port $MANAGEMENT_PORT" >&2; exit 1; }
echo "soak: $RESIDENTS residents, concurrency $CONCURRENCY, heap $HEAP, cache budget $(( BUDGET / 1048576 )) MiB, $MINUTES min"
echo "JIT warm-up: 60 s at concurrency 8 (not measured)"
"${ON_LOAD_CPUS[@]}" wrk -t2 -c8 -d60s --timeout 5s -s bench/mixed.lua "http://127.0.0.1:$GATEWAY_PORT/graphql" > /dev/null
GC_SEEN=$(wc -l < "$OUT/gc.log")
HEALTH_SEEN=$(wc -l < "$OUT/health.log")
# The first requests of a cold start make BenchStubs render each answer with WireMock, which can take longer
# than an attempt's time-out: a breaker may rightly open then. Refusals are counted from the end of the warm-up.
REFUSED_IN_WARMUP=$(metric resilience4j.circuitbreaker.not.permitted.calls)
echo "breaker refusals during the warm-up: $REFUSED_IN_WARMUP"
for minute in $(seq 1 "$MINUTES"); do
    result=$("${ON_LOAD_CPUS[@]}" wrk -t2 -c"$CONCURRENCY" -d60s --timeout 5s -s bench/mixed.lua \
        "http://127.0.0.1:$GATEWAY_PORT/graphql" | grep '^RESULT')
    after_gc=$(tail -n +"$(( GC_SEEN + 1 ))" "$OUT/gc.log" | sed -n 's/.*Pause.*->\([0-9]*\)M(\([0-9]*\)M).*/\1/p' | sort -n)
    heap_live=$(head -1 <<<"$after_gc")
    heap_after=$(tail -1 <<<"$after_gc")
    GC_SEEN=$(wc -l < "$OUT/gc.log")
    rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$GATEWAY_PID/status")
    cache=$(metric gateway.cache.bytes)
    refused=$(( $(metric resilience4j.circuitbreaker.not.permitted.calls) - REFUSED_IN_WARMUP ))
    stalls=$(metric gateway.stalls)
    health_max=$(tail -n +"$(( HEALTH_SEEN + 1 ))" "$OUT/health.log" | awk '{ if ($2 > m) m = $2 } END { printf "%.3f", m }')
    health_bad=$(tail -n +"$(( HEALTH_SEEN + 1 ))" "$OUT/health.log" | awk '$1 != 200 || $2 >= 1.0' | wc -l)
    HEALTH_SEEN=$(wc -l < "$OUT/health.log")
    python3 - "$minute" "$result" "${heap_live:-0}/${heap_after:-0}" "$rss" "$cache" "$refused" "$stalls" "$health_max" \
        "$health_bad" >> "$ROWS" <<'PY'
import sys
minute, result, heap, rss, cache, refused, stalls, health, bad = sys.argv[1:]
r = dict(kv.split("=") for kv in result.split()[1:])
print("| %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %s | %s |" % (
    minute, int(r["requests"]) / float(r["seconds"]), r["p50"], r["p99"], r["errors"], r["timeouts"], r["shed"],
    heap, rss, int(cache) / 1048576.0, refused, stalls, health))
PY
    tail -1 "$ROWS"
    errors=$(sed 's/.*errors=\([0-9]*\).*/\1/' <<<"$result")
    timeouts=$(sed 's/.*timeouts=\([0-9]*\).*/\1/' <<<"$result")
    p99=$(sed 's/.*p99=\([0-9.]*\).*/\1/' <<<"$result")
    shed=$(sed 's/.*shed=\([0-9]*\).*/\1/' <<<"$result")
    (( errors + timeouts + shed > 0 )) \
        && FAILED+=("minute $minute: $errors errors, $timeouts timeouts, $shed shed while the agencies were healthy")
    (( refused > 0 )) && FAILED+=("minute $minute: a breaker refused $refused calls")
    (( health_bad > 0 )) && FAILED+=("minute $minute: health missed its second $health_bad times")
    (( cache > BUDGET )) && FAILED+=("minute $minute: caches hold $cache bytes, over the budget of $BUDGET")
    HEAP_MB=$(( ${HEAP%m} ))
    (( ${heap_live:-0} * 100 > HEAP_MB * 85 )) && FAILED+=("minute $minute: heap after GC ${heap_live} MiB, over 85 % of $HEAP")
    [[ "$minute" == 2 ]] && P99_SECOND="$p99"
    P99_LAST="$p99"
done
if [[ -n "$P99_SECOND" ]] && python3 -c "import sys; sys.exit(0 if $P99_LAST <= 1.5 * $P99_SECOND else 1)"; then :; \
    elif [[ -n "$P99_SECOND" ]]; then FAILED+=("p99 grew from $P99_SECOND ms (minute 2) to $P99_LAST ms (last minute)"); fi

echo "overload: unloaded reference at concurrency 4, then $OVERLOAD_CONCURRENCY for $OVERLOAD_SECONDS s"
unloaded=$("${ON_LOAD_CPUS[@]}" java bench/Overload.java "http://127.0.0.1:$GATEWAY_PORT/graphql" 4 30 "$TOKENS_HOME" "$TOKENS_PROGRESS")
overload=$("${ON_LOAD_CPUS[@]}" java bench/Overload.java "http://127.0.0.1:$GATEWAY_PORT/graphql" "$OVERLOAD_CONCURRENCY" \
    "$OVERLOAD_SECONDS" "$TOKENS_HOME" "$TOKENS_PROGRESS")
limit_after=$(metric gateway.admission.limit)
echo "$unloaded"; echo "$overload (admission limit after it: $limit_after)"
u99=$(grep '^OVERLOAD' <<<"$unloaded" | sed 's/.*admitted_p99=\([0-9.]*\).*/\1/')
o99=$(grep '^OVERLOAD' <<<"$overload" | sed 's/.*admitted_p99=\([0-9.]*\).*/\1/')
oshed=$(grep '^OVERLOAD' <<<"$overload" | sed 's/.* shed=\([0-9]*\).*/\1/')
python3 -c "import sys; sys.exit(0 if $o99 <= 2 * $P99_LAST else 1)" \
    || FAILED+=("overload: admitted p99 $o99 ms, more than 2x the soak's $P99_LAST ms at concurrency $CONCURRENCY")
(( oshed > 0 )) || FAILED+=("overload: nothing was shed at concurrency $OVERLOAD_CONCURRENCY")

{
    echo "Soak of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
        "$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)."
    echo "Breaker refusals during the 60 s warm-up (not measured): $REFUSED_IN_WARMUP."
    echo "CPUs: gateway ${GATEWAY_CPUS:-any}, stubs and load ${LOAD_CPUS:-any}. JVM flags: \`$JVM_FLAGS\`. $RESIDENTS residents (home and progress alternating, each wrk thread its own)," \
        "concurrency $CONCURRENCY, caches at their defaults (budget $(( BUDGET / 1048576 )) MiB), no upstream delay."
    echo
    echo "| minute | q/s | p50 ms | p99 ms | errors | timeouts | shed | heap after GC MiB (min/max) | RSS MiB | cache MiB | breaker refusals | stalls | health max s |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    cat "$ROWS"
    echo
    echo "Overload: unloaded (concurrency 4): \`$unloaded\`; overload: \`$overload\`, admission limit after it" \
        "$limit_after. Latencies are the load generator's, which shares the 2 cores with the gateway and the stubs."
    echo
    if (( ${#FAILED[@]} )); then printf -- '- FAILED: %s\n' "${FAILED[@]}"; else echo "All checks passed."; fi
} > "$OUT/../soak.md"
echo
cat "$OUT/../soak.md"
(( ${#FAILED[@]} == 0 ))
