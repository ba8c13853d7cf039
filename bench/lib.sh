# Sourced by bench/run.sh, bench/peer.sh and bench/ab.sh: the pieces they all need, written once. Expects ROOT, OUT
# and STUB_PORT. Every process a script adds to PIDS is killed, with its children, when the script exits.
# shellcheck shell=bash

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do for p in $(tree "$pid"); do kill "$p" 2>/dev/null || true; done; done; }
trap cleanup EXIT

need_wrk() {
    command -v wrk >/dev/null && return
    [[ "$(id -u)" == 0 ]] || { echo "wrk is needed: sudo apt-get install wrk" >&2; exit 1; }
    echo "installing wrk (Debian package)"; apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
}

# Builds the jar; sets JAR and writes the runtime class path (for BenchStubs) to $OUT/classpath.txt.
build_gateway() {
    echo "building the gateway"
    mvn -B -q -DskipTests package
    mvn -B -q dependency:build-classpath -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=runtime
    JAR="$(ls target/residence-gateway-*.jar | grep -v '\.original' | head -1)"
}

start_stubs() {
    java -cp "$(cat "$OUT/classpath.txt")" bench/BenchStubs.java "$STUB_PORT" stubs > "$OUT/stubs.log" 2>&1 &
    PIDS+=("$!")
    for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$STUB_PORT/__bench/counts" >/dev/null 2>&1 && break; sleep 0.1; done
}

# Gateway settings that switch every cache off: each query reads its upstreams ("cold").
CACHE_OFF=()
for resource in service-centers police-registration police-permit police-applications police-application \
        police-dependents housing-properties housing-rental-contracts bdc-profile bdc-elicenses bdc-photos \
        bdc-elicenses-by-id postal-shipments; do
    CACHE_OFF+=("--gateway.cache.resources.$resource.ttl=0" "--gateway.cache.resources.$resource.stale-if-error=0")
done

# A process and its descendants (a forked Node gateway runs its workers as children).
tree() {
    local pid=$1
    echo "$pid"
    for child in $(pgrep -P "$pid" 2>/dev/null); do tree "$child"; done
}

# CPU clock ticks (user + system) spent so far by a process and its descendants.
tree_ticks() {
    local sum=0
    for pid in $(tree "$1"); do
        sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
    done
    echo "$sum"
}

# CPU clock ticks spent so far by a JVM's JIT compiler threads and by its garbage collector's threads: "<jit> <gc>".
# A gateway whose JIT has not settled spends much of a run compiling, which is not what a query costs.
jvm_ticks() {
    local jit=0 gc=0 name ticks
    for stat in /proc/"$1"/task/*/stat; do
        name=$(sed 's/^[0-9]* (\(.*\)) .*/\1/' "$stat" 2>/dev/null) || continue
        ticks=$(sed 's/.*) //' "$stat" 2>/dev/null | awk '{print $12 + $13}') || continue
        case "$name" in
            C1\ Compiler*|C2\ Compiler*) jit=$(( jit + ticks )) ;;
            GC\ Thread*|G1\ *) gc=$(( gc + ticks )) ;;
        esac
    done
    echo "$jit $gc"
}

# Resident memory (field VmRSS, or VmHWM for the peak) of a process and its descendants, in MiB.
tree_mib() {
    local field=$2 sum=0
    for pid in $(tree "$1"); do
        sum=$(( sum + $(awk -v f="$field:" '$1 == f {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0) ))
    done
    echo $(( sum / 1024 ))
}

# Waits until URL answers 200; sets READY_MS, the time since $2 (date +%s%N).
wait_ready() {
    local url=$1 started=$2
    for _ in $(seq 1 1200); do
        curl -fs "$url" >/dev/null 2>&1 && break
        sleep 0.05
    done
    READY_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# One wrk run: wrk_run <url> <body file> <token file> <threads> <connections> <seconds> [NO_AUTH]; prints RESULT.
wrk_run() {
    local url=$1 body=$2 tokens=$3 threads=$4 connections=$5 seconds=$6 no_auth=${7:-0}
    BODY_FILE="$body" TOKEN_FILE="$tokens" WRK_THREADS="$threads" NO_AUTH="$no_auth" \
        wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s -s bench/graphql.lua "$url" | grep '^RESULT'
}

# JIT warm-up until throughput has settled: 5 s windows at concurrency 16 until two windows in a row are within
# SETTLE_PERCENT (default 3) of the one before, at least 20 s and at most JIT_WARMUP_MAX s (default 180). Sets
# SETTLED_S (seconds it took) and SETTLED_QPS; SETTLED_NOTE says whether it settled or hit the limit.
settle() {
    local url=$1 body=$2 tokens=$3 no_auth=${4:-0}
    local previous=0 calm=0 waited=0 qps
    SETTLED_NOTE="settled"
    while true; do
        qps=$(wrk_run "$url" "$body" "$tokens" 2 16 5 "$no_auth" \
            | sed 's/.*requests=\([0-9]*\) seconds=\([0-9.]*\).*/\1 \2/' | awk '{printf "%.0f", $1 / $2}')
        waited=$(( waited + 5 ))
        if (( previous > 0 )) && awk -v a="$qps" -v b="$previous" -v p="${SETTLE_PERCENT:-3}" \
                'BEGIN { d = (a - b) / b * 100; exit !(d < p && d > -p) }'; then
            calm=$(( calm + 1 ))
        else
            calm=0
        fi
        previous=$qps
        (( calm >= 2 && waited >= 20 )) && break
        if (( waited >= ${JIT_WARMUP_MAX:-180} )); then SETTLED_NOTE="not settled"; break; fi
    done
    SETTLED_S=$waited
    SETTLED_QPS=$qps
}

# Trusted documents for the queries bench/<scenario>.json: writes $1/<scenario>.json (the same request by its
# documentId) and the manifest $1/documents.json, which --gateway.documents.manifest=file:... loads.
trusted_documents() {
    python3 - "$@" <<'PY'
import hashlib, json, sys
out, manifest = sys.argv[1], {}
for scenario in sys.argv[2:]:
    query = json.load(open("bench/%s.json" % scenario))["query"]
    document_id = "sha256:" + hashlib.sha256(query.encode()).hexdigest()
    manifest[document_id] = query
    json.dump({"documentId": document_id}, open("%s/%s.json" % (out, scenario), "w"))
json.dump(manifest, open(out + "/documents.json", "w"))
PY
}

# The machine and the JVM in one line, for the tables.
machine_line() {
    echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
        "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)," \
        "JVM flags: ${JAVA_OPTS:-none given} (ergonomics: $(java ${JAVA_OPTS:-} -XX:+PrintCommandLineFlags -version 2>&1 | head -1 \
            | sed 's/ *-XX:+PrintCommandLineFlags//' | xargs))"
}
