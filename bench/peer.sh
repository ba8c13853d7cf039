#!/usr/bin/env bash
# Cost per query, side by side in one run: our gateway and Hive Gateway (Node.js; GraphQL Mesh composes the
# agencies' own contracts, stubs/*/openapi.yaml, into its supergraph), against the same bench/BenchStubs.java,
# asking the same four reads (police permit, bdc e-licences, bdc photos, housing rental contracts) for the same
# 200 persons. Ours runs in production mode with every cache off, so each query reads its four upstreams.
# The peer is installed here by `npm ci` from bench/peer/package-lock.json (pinned versions, nothing global).
#
# Contenders: ours (JWT check as always), hive (one process, no auth), hive-fork2 (two workers), hive-jwt (one
# process checking the same RS256 token as ours). Each is warmed until its throughput settles (bench/lib.sh,
# settle), then measured: no upstream delay at concurrency 1, 16 and 64, and the delays 50/80/30/100 ms at 16
# and 64. Each wrk thread owns its own persons, so no person is in flight twice.
#
# Writes bench/target/peer/peer.md and prints it. Not part of `mvn verify`. About 10 minutes on 2 cores.
# Environment: DURATION (s per scenario, 10), WARMUP (s before each, 3), PERSONS (200), JIT_WARMUP_MAX (180),
#              CONTENDERS (default "ours hive hive-fork2 hive-jwt"), JAVA_OPTS (our JVM's flags),
#              PROFILE=1 (also record ours with JFR and summarise where its CPU goes, bench/JfrTop.java),
#              GATEWAY_PORT (18090), STUB_PORT (18091), PEER_PORT (18093).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-3}"
PERSONS="${PERSONS:-200}"
GATEWAY_PORT="${GATEWAY_PORT:-18090}"
STUB_PORT="${STUB_PORT:-18091}"
PEER_PORT="${PEER_PORT:-18093}"
CONTENDERS="${CONTENDERS:-ours hive hive-fork2 hive-jwt}"
OUT="$ROOT/bench/target/peer"
ISSUER="https://bench.residence-gateway.local"
NO_DELAY="police=0&housing=0&bdc=0&postal=0"
DELAYED="police=50&housing=80&bdc=30&postal=100"
mkdir -p "$OUT"
source bench/lib.sh

need_wrk
command -v npm >/dev/null || { echo "Node.js and npm are needed for the peer (Debian: apt-get install nodejs npm)" >&2; exit 1; }
build_gateway
source bench/gateway-args.sh
java bench/BenchTokens.java "$OUT" "$ISSUER" "$PERSONS" home
start_stubs

echo "installing the peer (npm ci) and composing its supergraph from stubs/*/openapi.yaml"
(cd bench/peer && { [[ "$(cat node_modules/.installed-from 2>/dev/null)" == "$(sha256sum < package-lock.json)" ]] \
        || { npm ci --no-audit --no-fund --loglevel=error >/dev/null && sha256sum < package-lock.json > node_modules/.installed-from; }; } \
    && STUB_PORT="$STUB_PORT" node_modules/.bin/mesh-compose -o "$OUT/supergraph.graphql" > "$OUT/compose.log" 2>&1)
HIVE_VERSION=$(node -p "require('./bench/peer/node_modules/@graphql-hive/gateway/package.json').version")

# Starts a contender; sets URL, BODY, NO_AUTH, CONTENDER_PID and READY_MS.
start_contender() {
    local started
    started=$(date +%s%N)
    case "$1" in
        ours)
            # shellcheck disable=SC2086
            # Admission off, as the peer has none: each wrk run's end cancels its requests in flight, which the
            # adaptive limit reads as clients giving up, so after the warm-up it sat at its floor (16) and shed most
            # of a concurrency-64 row. bench/soak.sh measures admission.
            java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$GATEWAY_PORT" "${GATEWAY_PRODUCTION[@]}" "${CACHE_OFF[@]}" \
                --gateway.admission.enabled=false --logging.level.root=warn > "$OUT/ours.log" 2>&1 &
            CONTENDER_PID=$!
            URL="http://127.0.0.1:$GATEWAY_PORT/graphql" BODY=bench/four.json NO_AUTH=0
            wait_ready "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" "$started"
            ;;
        hive*)
            local fork=1 key=""
            [[ "$1" == hive-fork2 ]] && fork=2
            [[ "$1" == hive-jwt ]] && key="$OUT/public.pem"
            (cd bench/peer && PEER_JWT_KEY="$key" PEER_JWT_ISSUER="$ISSUER" exec node_modules/.bin/hive-gateway \
                supergraph "$OUT/supergraph.graphql" --host 127.0.0.1 --port "$PEER_PORT" --fork "$fork" \
                > "$OUT/$1.log" 2>&1) &
            CONTENDER_PID=$!
            URL="http://127.0.0.1:$PEER_PORT/graphql" BODY=bench/peer/four.json NO_AUTH=1
            [[ -n "$key" ]] && NO_AUTH=0
            wait_ready "http://127.0.0.1:$PEER_PORT/readiness" "$started"
            ;;
    esac
    PIDS+=("$CONTENDER_PID")
}

# Workers first, then their parent: Hive's --fork master, stopped before its workers, was seen to wait for them
# forever. Whatever is left after 10 s is killed.
stop_contender() {
    local pids
    pids=$(tree "$CONTENDER_PID" | tac)
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    for _ in $(seq 1 100); do kill -0 "$CONTENDER_PID" 2>/dev/null || break; sleep 0.1; done
    for p in $pids; do kill -9 "$p" 2>/dev/null || true; done
    wait "$CONTENDER_PID" 2>/dev/null || true
}

ROWS="$OUT/rows.tsv"
: > "$ROWS"
SETTLING=()
measure() {
    local name=$1 delays=$2 concurrency=$3 threads=1
    (( concurrency > 1 )) && threads=2
    curl -fs "http://127.0.0.1:$STUB_PORT/__bench/delays?$delays" >/dev/null
    wrk_run "$URL" "$BODY" "$OUT/tokens-home.txt" "$threads" "$concurrency" "$WARMUP" "$NO_AUTH" >/dev/null
    curl -fs "http://127.0.0.1:$STUB_PORT/__bench/reset" >/dev/null
    local before after result counts rss
    before=$(tree_ticks "$CONTENDER_PID")
    result=$(wrk_run "$URL" "$BODY" "$OUT/tokens-home.txt" "$threads" "$concurrency" "$DURATION" "$NO_AUTH")
    after=$(tree_ticks "$CONTENDER_PID")
    rss=$(tree_mib "$CONTENDER_PID" VmRSS)
    counts=$(curl -fs "http://127.0.0.1:$STUB_PORT/__bench/counts")
    local delay=none
    [[ "$delays" == "$DELAYED" ]] && delay=50/80/30/100
    echo -e "$name\t$delay\t$concurrency\t$result\t$counts\t$(( after - before ))\t$rss" >> "$ROWS"
    echo "$name, delays $delay, concurrency $concurrency: $result"
}

# After the measured rows (so the recording's overhead is in none of them): a JFR recording of our gateway during
# one more no-delay run at concurrency 64, summarised by bench/JfrTop.java.
profile_ours() {
    curl -fs "http://127.0.0.1:$STUB_PORT/__bench/delays?$NO_DELAY" >/dev/null
    jcmd "$CONTENDER_PID" JFR.start name=cold settings=profile >/dev/null
    wrk_run "$URL" "$BODY" "$OUT/tokens-home.txt" 2 64 "$DURATION" >/dev/null
    jcmd "$CONTENDER_PID" JFR.stop name=cold filename="$OUT/ours.jfr" >/dev/null
    java bench/JfrTop.java "$OUT/ours.jfr" > "$OUT/profile.md"
}

for contender in $CONTENDERS; do
    start_contender "$contender"
    echo "$contender ready in $READY_MS ms; warming up until its throughput settles"
    settle "$URL" "$BODY" "$OUT/tokens-home.txt" "$NO_AUTH"
    SETTLING+=("$contender: ready in $READY_MS ms, $SETTLED_NOTE after $SETTLED_S s at $SETTLED_QPS q/s")
    echo "${SETTLING[-1]}"
    for concurrency in 1 16 64; do measure "$contender" "$NO_DELAY" "$concurrency"; done
    for concurrency in 16 64; do measure "$contender" "$DELAYED" "$concurrency"; done
    [[ "$contender" == ours && "${PROFILE:-0}" == 1 ]] && profile_ours
    echo -e "$contender\tpeak\t$(tree_mib "$CONTENDER_PID" VmHWM)" >> "$OUT/peaks.tsv.new"
    stop_contender
done
mv "$OUT/peaks.tsv.new" "$OUT/peaks.tsv"

{
    echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown); $(machine_line);" \
        "Hive Gateway $HIVE_VERSION on Node.js $(node --version)."
    echo "Each row: ${WARMUP} s warm-up, then ${DURATION} s measured; ${PERSONS} persons, each wrk thread its own;" \
        "wrk and the stub server on the same machine. The four reads (bench/four.json, bench/peer/four.json)."
    echo
    for line in "${SETTLING[@]}"; do echo "- $line"; done
    echo
    python3 bench/peer_table.py "$ROWS" "$OUT/peaks.tsv" "$(getconf CLK_TCK)"
    if [[ -f "$OUT/profile.md" && "${PROFILE:-0}" == 1 ]]; then
        echo
        echo "Profile of ours (JFR, no delay, concurrency 64, ${DURATION} s, recorded after the rows above):"
        echo
        cat "$OUT/profile.md"
    fi
} > "$OUT/peer.md"
echo
cat "$OUT/peer.md"
