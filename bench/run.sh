#!/usr/bin/env bash
# Reproducible benchmark of the gateway: builds it, starts it in production mode (sandbox off, JWTs signed by a
# key made here) against bench/BenchStubs.java (the stubs/ persona data replayed from memory with a fixed delay
# per upstream), drives load with wrk from a separate process on loopback, and prints a table (also written to
# bench/target/latest.md). Not part of `mvn verify`. Bounded: about 7 minutes on 2 cores.
#
# Load: the home query (all four upstreams) as 200 persons shaped like ywtb-1006, and the progress query
# (20 applications with parcels) as 200 persons shaped like ywtb-1015, so no two requests in flight share a
# person's cache entries, and each wrk thread owns its own persons. Each gateway start is first warmed up until its
# throughput settles (bench/lib.sh, settle).
#
# Environment: DURATION (s per scenario, default 8), WARMUP (s, default 3), JIT_WARMUP_MAX (s, default 180),
#              JAVA_OPTS (the gateway JVM's flags),
#              PERSONS (default 200), QUICK=1 (only concurrency 16), CONCURRENCY (default "1 16 64"),
#              GATEWAY_PORT (default 18090), GATEWAY_ARGS (more gateway settings, e.g.
#              "--gateway.store=redis --gateway.redis.key-prefix=bench:" against a Redis on localhost:6379),
#              STUB_PORT (default 18091), DOCUMENTS=trusted (send each document by id, {"documentId": "sha256:…"},
#              to a gateway in gateway.documents.mode=trusted-only with a manifest of the bench documents).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-8}"
WARMUP="${WARMUP:-3}"
GATEWAY_PORT="${GATEWAY_PORT:-18090}"
STUB_PORT="${STUB_PORT:-18091}"
OUT="$ROOT/bench/target"
ISSUER="https://bench.residence-gateway.local"
DELAYED="police=50&housing=80&bdc=30&postal=100"
NO_DELAY="police=0&housing=0&bdc=0&postal=0"
CONCURRENCY="${CONCURRENCY:-1 16 64}"
[[ "${QUICK:-0}" == 1 ]] && CONCURRENCY="16"
mkdir -p "$OUT"

source bench/lib.sh
need_wrk
build_gateway
source bench/gateway-args.sh

BODIES="bench"
DOCUMENT_ARGS=()
if [[ "${DOCUMENTS:-text}" == trusted ]]; then
    trusted_documents "$OUT" home progress
    BODIES="$OUT"
    DOCUMENT_ARGS=(--gateway.documents.mode=trusted-only --gateway.documents.manifest="file:$OUT/documents.json")
fi

PERSONS="${PERSONS:-200}"
java bench/BenchTokens.java "$OUT" "$ISSUER" "$PERSONS" home progress
start_stubs

start_gateway() {
    local started
    started=$(date +%s%N)
    # shellcheck disable=SC2086
    # Admission off: each wrk run's end cancels its requests in flight, which the adaptive limit reads as clients
    # giving up, so it would sit at its floor and shed the concurrency-64 rows. bench/soak.sh measures admission.
    java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$GATEWAY_PORT" "${GATEWAY_PRODUCTION[@]}" "${DOCUMENT_ARGS[@]}" \
        --gateway.admission.enabled=false --logging.level.root=warn "$@" ${GATEWAY_ARGS:-} > "$OUT/gateway.log" 2>&1 &
    GATEWAY_PID=$!
    PIDS+=("$GATEWAY_PID")
    wait_ready "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" "$started"
}

ROWS="$OUT/rows.md"
: > "$ROWS"
run_scenario() {
    local cache=$1 delays=$2 scenario=$3 concurrency=$4 threads=1
    [[ "$concurrency" -gt 1 ]] && threads=2
    curl -fs "http://127.0.0.1:$STUB_PORT/__bench/delays?$delays" >/dev/null
    PERSON_GROUP=$scenario wrk_run "http://127.0.0.1:$GATEWAY_PORT/graphql" "$BODIES/$scenario.json" \
        "$OUT/tokens-$scenario.txt" "$threads" "$concurrency" "$WARMUP" >/dev/null
    curl -fs "http://127.0.0.1:$STUB_PORT/__bench/reset" >/dev/null
    local before after result requests seconds
    before=$(tree_ticks "$GATEWAY_PID")
    result=$(PERSON_GROUP=$scenario wrk_run "http://127.0.0.1:$GATEWAY_PORT/graphql" "$BODIES/$scenario.json" \
        "$OUT/tokens-$scenario.txt" "$threads" "$concurrency" "$DURATION")
    after=$(tree_ticks "$GATEWAY_PID")
    local counts
    counts=$(curl -fs "http://127.0.0.1:$STUB_PORT/__bench/counts")
    requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
    seconds=$(sed 's/.*seconds=\([0-9.]*\).*/\1/' <<<"$result")
    python3 - "$cache" "$delays" "$scenario" "$concurrency" "$result" "$counts" "$before" "$after" \
        "$(getconf CLK_TCK)" >> "$ROWS" <<'PY'
import sys
cache, delays, scenario, concurrency, result, counts, before, after, tck = sys.argv[1:]
r = dict(kv.split("=") for kv in result.split()[1:])
c = dict(kv.split("=") for kv in counts.split())
n = max(1, int(r["requests"]))
cpu = (int(after) - int(before)) / int(tck)
per = lambda u: "%.2f" % (int(c[u]) / n)
delay = "none" if "=0" in delays and "50" not in delays else "50/80/30/100"
print("| %s | %s | %s | %s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %.2f |" % (
    cache, delay, scenario, concurrency, n / float(r["seconds"]), r["p50"], r["p90"], r["p99"], r["errors"],
    per("police"), per("housing"), per("bdc"), per("postal"), cpu * 1000 / n))
PY
    tail -1 "$ROWS"
}

READY=()
PEAK=()
SETTLING=()
for cache in cold warm; do
    if [[ "$cache" == cold ]]; then start_gateway "${CACHE_OFF[@]}"; else start_gateway; fi
    READY+=("$cache: ${READY_MS} ms")
    echo "gateway ($cache caches) ready in ${READY_MS} ms; warming up until throughput settles"
    for scenario in home progress; do
        settle "http://127.0.0.1:$GATEWAY_PORT/graphql" "$BODIES/$scenario.json" "$OUT/tokens-$scenario.txt"
        SETTLING+=("$cache $scenario: $SETTLED_NOTE after $SETTLED_S s at $SETTLED_QPS q/s")
        echo "${SETTLING[-1]}"
    done
    for delays in "$NO_DELAY" "$DELAYED"; do
        for scenario in home progress; do
            for concurrency in $CONCURRENCY; do
                run_scenario "$cache" "$delays" "$scenario" "$concurrency"
            done
        done
    done
    PEAK+=("$cache: $(awk '/VmHWM/ {printf "%.0f MiB", $2/1024}' "/proc/$GATEWAY_PID/status")")
    kill "$GATEWAY_PID"; wait "$GATEWAY_PID" 2>/dev/null || true
done

{
    echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)," \
        "$(machine_line)."
    echo "Each scenario: ${WARMUP} s warm-up, then ${DURATION} s measured; ${PERSONS} persons per query, each wrk" \
        "thread its own; wrk (2 threads) and the stub server on the same machine. JIT warm-up (concurrency 16," \
        "until two 5 s windows in a row are within 3 % of the one before): $(printf '%s; ' "${SETTLING[@]}" | sed 's/; $//')."
    echo
    echo "Start to ready: ${READY[*]}. Peak RSS: ${PEAK[*]}."
    echo
    echo "| caches | delays (ms) | query | conc. | q/s | p50 ms | p90 ms | p99 ms | errors | police/q | housing/q | bdc/q | postal/q | CPU ms/q |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    cat "$ROWS"
} > "$OUT/latest.md"
echo
cat "$OUT/latest.md"
