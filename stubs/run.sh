#!/usr/bin/env bash
# Runs the four upstream stubs (police, housing, bdc, postal) on their own, without the gateway.
# Ports: POLICE_PORT=8081 HOUSING_PORT=8082 BDC_PORT=8083 POSTAL_PORT=8084 (override by env).
# Extra WireMock flags can be passed through WIREMOCK_OPTS, e.g. WIREMOCK_OPTS=--verbose.
# Ctrl-C (or SIGTERM) stops all four.
set -euo pipefail

STUBS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WIREMOCK_VERSION="${WIREMOCK_VERSION:-3.13.2}"
JAR_NAME="wiremock-standalone-${WIREMOCK_VERSION}.jar"
M2_REPO="${M2_REPO:-${HOME}/.m2/repository}"
M2_JAR="${M2_REPO}/org/wiremock/wiremock-standalone/${WIREMOCK_VERSION}/${JAR_NAME}"
# Outside stubs/: the build copies stubs/ onto the classpath, a jar there would end up in the application.
BIN_DIR="${TMPDIR:-/tmp}/residence-gateway-stubs"

find_jar() {
    if [[ -n "${WIREMOCK_JAR:-}" ]]; then
        echo "${WIREMOCK_JAR}"
    elif [[ -f "${M2_JAR}" ]]; then
        echo "${M2_JAR}"
    elif [[ -f "${BIN_DIR}/${JAR_NAME}" ]]; then
        echo "${BIN_DIR}/${JAR_NAME}"
    fi
}

JAR="$(find_jar)"
if [[ -z "${JAR}" ]]; then
    echo "WireMock ${WIREMOCK_VERSION} not in the local Maven repository; fetching it into ${BIN_DIR}" >&2
    mkdir -p "${BIN_DIR}"
    mvn -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:${WIREMOCK_VERSION}" \
        -DoutputDirectory="${BIN_DIR}" >&2
    JAR="${BIN_DIR}/${JAR_NAME}"
fi
[[ -f "${JAR}" ]] || { echo "cannot find ${JAR}" >&2; exit 1; }
command -v java >/dev/null || { echo "java is not on the PATH" >&2; exit 1; }

declare -A PORTS=(
    [police]="${POLICE_PORT:-8081}"
    [housing]="${HOUSING_PORT:-8082}"
    [bdc]="${BDC_PORT:-8083}"
    [postal]="${POSTAL_PORT:-8084}"
)
ORDER=(police housing bdc postal)
PIDS=()

stop_all() {
    trap - INT TERM EXIT
    if ((${#PIDS[@]})); then
        echo "stopping stubs (${PIDS[*]})" >&2
        kill "${PIDS[@]}" 2>/dev/null || true
        wait "${PIDS[@]}" 2>/dev/null || true
    fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap stop_all EXIT

for name in "${ORDER[@]}"; do
    port="${PORTS[$name]}"
    # shellcheck disable=SC2086
    java -jar "${JAR}" --root-dir "${STUBS_DIR}/${name}" --port "${port}" --disable-banner ${WIREMOCK_OPTS:-} \
        > >(sed -u "s/^/[${name}] /") 2>&1 &
    PIDS+=("$!")
done

# Wait until every stub answers its admin API (or one of them dies).
for name in "${ORDER[@]}"; do
    port="${PORTS[$name]}"
    for _ in $(seq 1 120); do
        if curl -fsS "http://localhost:${port}/__admin/health" >/dev/null 2>&1 \
            || curl -fsS "http://localhost:${port}/__admin/mappings?limit=1" >/dev/null 2>&1; then
            break
        fi
        sleep 0.5
    done
done

echo
for name in "${ORDER[@]}"; do
    printf '  %-8s http://localhost:%s/%s/v1\n' "${name}" "${PORTS[$name]}" "${name}"
done
echo "Stubs are up. Ctrl-C stops all four."

# Exit (stopping the others) as soon as one stub dies.
wait -n "${PIDS[@]}" || true
echo "a stub stopped; stopping the rest" >&2
