#!/usr/bin/env bash
# Import a graph file (GEXF, GraphML, ...) with the real Gephi Toolkit and
# print one JSON line describing the result. Builds the checker on first use.
#
# Usage: tools/gephi/run-import-check.sh FILE
# Env:   GEPHI_CHECK_JAVA_OPTS  extra JVM options (default: -Xmx1g)
#        GEPHI_CHECK_FORCE_BUILD=1  rebuild even if the jar looks up to date
set -euo pipefail

if [ "$#" -ne 1 ]; then
    echo "usage: $0 FILE" >&2
    exit 1
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/gephi-import-check.jar"
lock="$here/target/.build.lock"

needs_build() {
    [ "${GEPHI_CHECK_FORCE_BUILD:-0}" = "1" ] && return 0
    [ -f "$jar" ] || return 0
    compgen -G "$here/target/lib/gephi-toolkit-*-all.jar" >/dev/null || return 0
    [ -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ] && return 0
    return 1
}

if needs_build; then
    mkdir -p "$here/target"
    # Serialise concurrent builds (e.g. parallel test workers).
    exec 9>"$lock"
    flock 9
    if needs_build; then
        echo "gephi-import-check: building (mvn package)..." >&2
        if ! mvn -B -q -f "$here/pom.xml" package -DskipTests >&2; then
            echo "gephi-import-check: maven build failed" >&2
            exit 3
        fi
        touch "$jar"
    fi
    flock -u 9
fi

# shellcheck disable=SC2086
exec java -Djava.awt.headless=true ${GEPHI_CHECK_JAVA_OPTS:--Xmx1g} \
    -jar "$jar" "$1"
