#!/usr/bin/env bash
# A/B of gateway settings, back to back against one stub server: each configuration (one argument each, "" for the
# defaults) gets a fresh gateway with every cache off, WARM seconds of load, then MEASURE seconds of the home query
# at concurrency 16 with no upstream delay; one line per configuration with q/s, latency and the gateway's CPU ms per
# query. For the cost of one setting on a machine too noisy for run.sh's absolute numbers: repeat the first
# configuration at the end to see the noise. A configuration naming gateway.documents.mode sends the home query by
# its trusted-document id, with a manifest made here.
#
# A configuration starting with @<git revision> runs that commit's gateway instead of the working tree's (built
# once from `git archive` under bench/target/ab/), so a change to the code is measured like a change of settings.
#
# Usage: bench/ab.sh "" "--management.tracing.sampling.probability=1.0" ""
#        bench/ab.sh @HEAD~1 "" @HEAD~1 ""        (the last commit's effect, each side twice)
# Environment: WARM (s, 30), MEASURE (s, 15), JAVA_OPTS, GATEWAY_PORT (18090), STUB_PORT (18091).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/target/ab"
STUB_PORT="${STUB_PORT:-18091}"
GATEWAY_PORT="${GATEWAY_PORT:-18090}"
ISSUER="https://bench.residence-gateway.local"
mkdir -p "$OUT"
source bench/lib.sh
need_wrk
build_gateway
source bench/gateway-args.sh
java bench/BenchTokens.java "$OUT" "$ISSUER" 200 home
start_stubs
trusted_documents "$OUT" home

# The jar of a git revision, built once: jar_of <revision> sets REVISION_JAR.
jar_of() {
    local commit dir
    commit=$(git rev-parse --short "$1^{commit}")
    dir="$OUT/rev-$commit"
    if [[ ! -f "$dir/built" ]]; then
        echo "building $1 ($commit)"
        rm -rf "$dir" && mkdir -p "$dir"
        git archive "$commit" | tar -x -C "$dir"
        (cd "$dir" && mvn -B -q -DskipTests package) && touch "$dir/built"
    fi
    REVISION_JAR="$(ls "$dir"/target/residence-gateway-*.jar | grep -v '\.original' | head -1)"
}

echo "| configuration | q/s | p50 ms | p99 ms | errors | CPU ms/q |" > "$OUT/ab.md"
echo "|---|---|---|---|---|---|" >> "$OUT/ab.md"
for config in "$@"; do
    body=bench/home.json
    settings=$config
    jar=$JAR
    if [[ "$config" == @* ]]; then
        read -r revision settings <<< "$config"
        jar_of "${revision#@}"
        jar=$REVISION_JAR
    fi
    if [[ "$config" == *documents.mode* ]]; then
        body="$OUT/home.json"
        settings="$settings --gateway.documents.manifest=file:$OUT/documents.json"
    fi
    started=$(date +%s%N)
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -jar "$jar" --server.port="$GATEWAY_PORT" "${GATEWAY_PRODUCTION[@]}" "${CACHE_OFF[@]}" \
        --logging.level.root=warn $settings > "$OUT/gateway.log" 2>&1 &
    pid=$!
    PIDS+=("$pid")
    wait_ready "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness" "$started"
    url="http://127.0.0.1:$GATEWAY_PORT/graphql"
    wrk_run "$url" "$body" "$OUT/tokens-home.txt" 2 16 "${WARM:-30}" >/dev/null
    before=$(tree_ticks "$pid")
    result=$(wrk_run "$url" "$body" "$OUT/tokens-home.txt" 2 16 "${MEASURE:-15}")
    after=$(tree_ticks "$pid")
    python3 - "${config:-(defaults)}" "$result" "$((after - before))" "$(getconf CLK_TCK)" >> "$OUT/ab.md" <<'PY'
import sys
config, result, ticks, tck = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
r = dict(kv.split("=") for kv in result.split()[1:])
n = max(1, int(r["requests"]))
print("| `%s` | %.0f | %s | %s | %s | %.2f |" % (config, n / float(r["seconds"]), r["p50"], r["p99"], r["errors"],
                                                 ticks / tck * 1000 / n))
PY
    tail -1 "$OUT/ab.md"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
{ echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD); $(machine_line)."
  echo "Home query, every cache off, concurrency 16, no upstream delay; ${WARM:-30} s of load, then ${MEASURE:-15} s measured."
  echo; cat "$OUT/ab.md"; } > "$OUT/ab.md.new" && mv "$OUT/ab.md.new" "$OUT/ab.md"
