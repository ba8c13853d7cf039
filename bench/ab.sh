#!/usr/bin/env bash
# A/B of gateway settings or commits, side by side at the same time: each configuration (one argument each, "" for
# the defaults) gets a gateway of its own with every cache off, all of them against one stub server, and all of them
# are loaded at once with the home query (no upstream delay) by a wrk of their own: WARM seconds, then MEASURE
# seconds measured. One line per configuration with q/s, latency and the gateway's CPU ms per query. Because the
# configurations run through the same seconds, a machine whose speed drifts by tens of percent from one minute to
# the next (this workplace's) slows them alike and the comparison survives it; a sequential A/B on such a machine
# measures the drift. "queries alone" leaves out the JIT compiler's and the GC's threads: on a slow machine the JIT
# is still compiling long after a warm-up, and that is not what a query costs. Compare two configurations at a
# time: with three or more, each JIT gets too little CPU and every figure doubles. `ab.sh "" ""` shows the noise.
#
# A configuration starting with @<git revision> runs that commit's gateway instead of the working tree's (built
# once from `git archive` under bench/target/ab/), so a change to the code is measured like a change of settings. A
# configuration naming gateway.documents.mode sends the home query by its trusted-document id, with a manifest made
# here. Words of a configuration that start with -X go to that gateway's JVM (-XX:+UseParallelGC), the rest to
# the gateway.
#
# Usage: bench/ab.sh "" "--management.tracing.sampling.probability=1.0"
#        bench/ab.sh @HEAD~1 ""                   (the last commit's effect; run it twice to see the noise)
# Environment: WARM (s, 60), MEASURE (s, 30), CONNECTIONS (per gateway, 8), JAVA_OPTS, GATEWAY_PORT (the first
#              gateway's, 18090; the next ones count up by two, their management port one above), STUB_PORT (18191),
#              PROFILE=1 (after the measured window, MEASURE s more recorded with JFR and summarised
#              by bench/JfrTop.java into bench/target/ab/profile-<n>.md, n counting the configurations from 1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/target/ab"
STUB_PORT="${STUB_PORT:-18191}"
GATEWAY_PORT="${GATEWAY_PORT:-18090}"
WARM="${WARM:-60}"
MEASURE="${MEASURE:-30}"
CONNECTIONS="${CONNECTIONS:-8}"
ISSUER="https://bench.residence-gateway.local"
mkdir -p "$OUT"
source bench/lib.sh
need_wrk
build_gateway
source bench/gateway-args.sh
java bench/BenchTokens.java "$OUT" "$ISSUER" 200 home
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

# Every configuration's jar, settings and request body, resolved (and built) before any gateway starts.
CONFIGS=("$@")
JARS=() SETTINGS=() JVM=() BODIES=() GATEWAYS=()
for config in "${CONFIGS[@]}"; do
    settings=""
    jvm=""
    jar=$JAR
    for word in $config; do
        case "$word" in
            @*) jar_of "${word#@}"; jar=$REVISION_JAR ;;
            -X*) jvm="$jvm $word" ;;
            *) settings="$settings $word" ;;
        esac
    done
    body=bench/home.json
    if [[ "$config" == *documents.mode* ]]; then
        body="$OUT/home.json"
        settings="$settings --gateway.documents.manifest=file:$OUT/documents.json"
    fi
    JARS+=("$jar") SETTINGS+=("$settings") JVM+=("$jvm") BODIES+=("$body")
done

start_stubs
# The JIT's compiler threads stay alive for the whole run: HotSpot otherwise starts and stops them as its queue
# changes, and the ticks of one that ended during the measured window would drop out of the JIT column.
jvm_flags=(-XX:-UseDynamicNumberOfCompilerThreads)
[[ "${PROFILE:-0}" == 1 ]] && jvm_flags+=(-XX:FlightRecorderOptions:stackdepth=512)
for i in "${!CONFIGS[@]}"; do
    port=$((GATEWAY_PORT + 2 * i))
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} ${JVM[$i]} "${jvm_flags[@]}" -jar "${JARS[$i]}" --server.port="$port" \
        --management.server.port=$((port + 1)) "${GATEWAY_PRODUCTION[@]}" "${CACHE_OFF[@]}" \
        --gateway.admission.enabled=false --logging.level.root=warn ${SETTINGS[$i]} > "$OUT/gateway-$((i + 1)).log" 2>&1 &
    GATEWAYS+=("$!")
    PIDS+=("$!")
done
for i in "${!CONFIGS[@]}"; do
    wait_ready "http://127.0.0.1:$((GATEWAY_PORT + 2 * i))/actuator/health/readiness" "$(date +%s%N)"
done

# load <seconds> <file prefix>: every gateway loaded at once, each by a wrk of its own; RESULT lines in <prefix>-<n>.
load() {
    local jobs=()
    for i in "${!CONFIGS[@]}"; do
        wrk_run "http://127.0.0.1:$((GATEWAY_PORT + 2 * i))/graphql" "${BODIES[$i]}" "$OUT/tokens-home.txt" 1 \
            "$CONNECTIONS" "$1" > "$2-$((i + 1))" &
        jobs+=("$!")
    done
    wait "${jobs[@]}"
}

echo "warming up for $WARM s, all configurations at once"
load "$WARM" "$OUT/warm"
BEFORE=() AFTER=()
for pid in "${GATEWAYS[@]}"; do BEFORE+=("$(tree_ticks "$pid") $(jvm_ticks "$pid")"); done
load "$MEASURE" "$OUT/measured"
for pid in "${GATEWAYS[@]}"; do AFTER+=("$(tree_ticks "$pid") $(jvm_ticks "$pid")"); done

{ echo "Run of $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' with changes'); $(machine_line)."
  echo "Home query, every cache off, no upstream delay; the configurations side by side, $CONNECTIONS connections each;"
  echo "$WARM s of load, then $MEASURE s measured."
  echo
  echo "| configuration | q/s | p50 ms | p99 ms | errors | CPU ms/q | of which JIT | GC | queries alone |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$OUT/ab.md"
for i in "${!CONFIGS[@]}"; do
    python3 - "${CONFIGS[$i]:-(defaults)}" "$(cat "$OUT/measured-$((i + 1))")" "${BEFORE[$i]}" "${AFTER[$i]}" \
        "$(getconf CLK_TCK)" >> "$OUT/ab.md" <<'PY'
import sys
config, result, tck = sys.argv[1], sys.argv[2], int(sys.argv[5])
total, jit, gc = (int(a) - int(b) for a, b in zip(sys.argv[4].split(), sys.argv[3].split()))
r = dict(kv.split("=") for kv in result.split()[1:])
n = max(1, int(r["requests"]))
ms = lambda ticks: ticks / tck * 1000 / n
print("| `%s` | %.0f | %s | %s | %s | %.2f | %.2f | %.2f | %.2f |" % (config, n / float(r["seconds"]), r["p50"],
      r["p99"], r["errors"], ms(total), ms(jit), ms(gc), ms(total - jit - gc)))
PY
done
cat "$OUT/ab.md"

if [[ "${PROFILE:-0}" == 1 ]]; then
    for pid in "${GATEWAYS[@]}"; do jcmd "$pid" JFR.start name=ab settings=profile >/dev/null; done
    load "$MEASURE" "$OUT/profiled"
    for i in "${!CONFIGS[@]}"; do
        jcmd "${GATEWAYS[$i]}" JFR.stop name=ab filename="$OUT/profile-$((i + 1)).jfr" >/dev/null
        java bench/JfrTop.java "$OUT/profile-$((i + 1)).jfr" > "$OUT/profile-$((i + 1)).md"
    done
    echo "profiles: $OUT/profile-*.md"
fi
