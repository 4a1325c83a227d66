#!/usr/bin/env bash
# Start a throwaway Neo4j 5.26 LTS server with Bolt on 127.0.0.1:PORT (auth disabled unless PASSWORD is given).
# Usage: run-test-server.sh PORT [DATADIR [PASSWORD]]
# Prints "READY bolt://127.0.0.1:PORT" on stdout when it accepts connections; SIGTERM stops it.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 PORT [DATADIR [PASSWORD]]" >&2
  exit 2
fi
PORT="$1"
DATADIR="${2:-}"
PASSWORD="${3:-}"

if ! command -v java >/dev/null 2>&1; then
  echo "error: 'java' not found on PATH (need a JDK/JRE 17 or 21 for Neo4j 5.26)" >&2
  exit 127
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/target/neo4j-test-server.jar"
LIB="$HERE/target/lib"
STAMP="$HERE/target/.build-ok"

needs_build() {
  [ -f "$STAMP" ] && [ -f "$JAR" ] && [ -d "$LIB" ] || return 0
  [ -n "$(find "$HERE/pom.xml" "$HERE/src" -newer "$STAMP" -print -quit)" ]
}

build() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "error: 'mvn' not found on PATH; it is needed to build $JAR (install Maven 3.8+)" >&2
    exit 127
  fi
  echo "building Neo4j test server (mvn package) ..." >&2
  rm -rf "$LIB" "$STAMP"
  # Maven logs to stdout; send it to stderr so stdout carries only the READY line.
  (cd "$HERE" && mvn -q -B -Dstyle.color=never package 1>&2)
  # Maven leaves colour-reset codes without a newline on stderr; end the line so that a reader merging
  # stderr into stdout still sees READY at the start of a line.
  echo "build done" >&2
  touch "$STAMP"
}

if needs_build; then
  mkdir -p "$HERE/target"
  if command -v flock >/dev/null 2>&1; then
    # Serialise concurrent builds (e.g. parallel test workers); re-check after taking the lock.
    exec 9>"$HERE/target/.build.lock"
    flock 9
    if needs_build; then build; fi
    exec 9>&-
  else
    build
  fi
fi

# An empty DATADIR before a PASSWORD means "a fresh temporary directory" to the launcher.
ARGS=("$PORT")
if [ -n "$PASSWORD" ]; then ARGS+=("$DATADIR" "$PASSWORD"); elif [ -n "$DATADIR" ]; then ARGS+=("$DATADIR"); fi

exec java \
  -Xms128m -Xmx512m -XX:+UseG1GC \
  -XX:+ExitOnOutOfMemoryError \
  -Djdk.attach.allowAttachSelf=true \
  --add-opens=java.base/java.lang=ALL-UNNAMED \
  --add-opens=java.base/java.nio=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
  --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
  --add-exports=java.base/sun.nio.ch=ALL-UNNAMED \
  -cp "$JAR:$LIB/*" \
  kgtest.Neo4jTestServer "${ARGS[@]}"
