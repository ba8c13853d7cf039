#!/usr/bin/env bash
# Runs the four upstream stubs (police, housing, bdc, postal) on their own, without the gateway, in one JVM that
# shares one "sandbox world" (stubs/extension: accepted applications that move on a sandbox clock, issue 12).
# The extension is compiled here from its source with javac against the WireMock jar: the very code the
# gateway's embedded sandbox runs.
# Ports: POLICE_PORT=8081 HOUSING_PORT=8082 BDC_PORT=8083 POSTAL_PORT=8084 (override by env).
# WIREMOCK_OPTS=--verbose logs every request.
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

command -v javac >/dev/null || { echo "javac (a JDK 17+) is not on the PATH" >&2; exit 1; }

# Compile the extension into a temp dir (never under stubs/: the build packages stubs/), again when a source changed.
EXTENSION_SRC="${STUBS_DIR}/extension/src/main/java"
CLASSES="${BIN_DIR}/extension-classes-$(printf '%s' "${STUBS_DIR}" | cksum | cut -d' ' -f1)"
if [[ ! -f "${CLASSES}/.built" ]] || [[ -n "$(find "${EXTENSION_SRC}" -name '*.java' -newer "${CLASSES}/.built")" ]]; then
    echo "compiling the stubs' extension into ${CLASSES}" >&2
    rm -rf "${CLASSES}"
    mkdir -p "${CLASSES}"
    javac -nowarn -encoding UTF-8 -cp "${JAR}" -d "${CLASSES}" $(find "${EXTENSION_SRC}" -name '*.java')
    touch "${CLASSES}/.built"
fi

VERBOSE=""
for opt in ${WIREMOCK_OPTS:-}; do
    case "${opt}" in
        --verbose) VERBOSE="--verbose" ;;
        *) echo "WIREMOCK_OPTS: only --verbose is supported, not ${opt}" >&2; exit 2 ;;
    esac
done

POLICE_PORT="${POLICE_PORT:-8081}"
exec java -cp "${JAR}:${CLASSES}" cn.shanghai.residence.stubs.world.StandaloneStubs "${STUBS_DIR}" \
    "police=${POLICE_PORT}" "housing=${HOUSING_PORT:-8082}" "bdc=${BDC_PORT:-8083}" "postal=${POSTAL_PORT:-8084}" \
    ${VERBOSE}
