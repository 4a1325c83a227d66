#!/usr/bin/env bash
# Start a throwaway Apache Jena Fuseki on 127.0.0.1:PORT with one dataset /kg in DATADIR, whose default graph for
# queries is the union of its named graphs; services /kg/query, /kg/update and /kg/data (Graph Store Protocol).
# Usage: [FUSEKI_STORE=tdb1|tdb2] run-test-server.sh PORT DATADIR [USER PASSWORD]
#   FUSEKI_STORE: the storage engine, tdb1 by default: TDB2 stores xsd:double by value, so that "2000000000"
#   comes back as "2.0E9" (equal numbers, different terms), and the store contract wants terms back unchanged.
#   USER: only that user may use the services, by HTTP basic auth.
# The server answers once GET http://127.0.0.1:PORT/$/ping does; SIGTERM stops it.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 PORT DATADIR [USER PASSWORD]" >&2
  exit 2
fi
PORT="$1"
DATADIR="$2"
USER_NAME="${3:-}"
PASSWORD="${4:-}"
STORE="${FUSEKI_STORE:-tdb1}"
case "$STORE" in
  tdb1) DATASET="tdb:DatasetTDB ; tdb:location \"$DATADIR/tdb1\" ; tdb:unionDefaultGraph true" ;;
  tdb2) DATASET="tdb2:DatasetTDB2 ; tdb2:location \"$DATADIR/tdb2\" ; tdb2:unionDefaultGraph true" ;;
  *) echo "error: FUSEKI_STORE must be tdb1 or tdb2, not '$STORE'" >&2; exit 2 ;;
esac

if ! command -v java >/dev/null 2>&1; then
  echo "error: 'java' not found on PATH (need a JDK/JRE 17+ for Fuseki 5)" >&2
  exit 127
fi

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
JAR="$HERE/target/fuseki-server.jar"

if [ ! -f "$JAR" ] || [ "$HERE/pom.xml" -nt "$JAR" ]; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "error: 'mvn' not found on PATH; it is needed to fetch $JAR (install Maven 3.8+)" >&2
    exit 127
  fi
  mkdir -p "$HERE/target"
  exec 9>"$HERE/target/.build.lock"
  flock 9  # parallel test sessions fetch it once
  if [ ! -f "$JAR" ] || [ "$HERE/pom.xml" -nt "$JAR" ]; then
    echo "fetching Fuseki from Maven Central (mvn package) ..." >&2
    (cd "$HERE" && mvn -q -B -Dstyle.color=never package 1>&2)
    touch "$JAR"
  fi
  exec 9>&-
fi

mkdir -p "$DATADIR/run"
ALLOWED=""
AUTH_ARGS=()
if [ -n "$USER_NAME" ]; then
  printf '%s: %s\n' "$USER_NAME" "$PASSWORD" > "$DATADIR/passwd"
  ALLOWED="fuseki:allowedUsers \"$USER_NAME\" ;"
  AUTH_ARGS=(--passwd="$DATADIR/passwd" --auth=basic)
fi

cat > "$DATADIR/config.ttl" <<TTL
PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX tdb:    <http://jena.hpl.hp.com/2008/tdb#>
PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>

<#service> rdf:type fuseki:Service ;
    fuseki:name "kg" ;
    $ALLOWED
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
    fuseki:dataset <#dataset> .

# The union default graph: a query without FROM sees the merge of the document graphs, each triple once.
<#dataset> rdf:type $DATASET .
TTL

# FUSEKI_BASE: Fuseki writes its run area there rather than in the working directory.
export FUSEKI_BASE="$DATADIR/run"
exec java -Xms128m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError \
  -jar "$JAR" --config="$DATADIR/config.ttl" --localhost --port="$PORT" --ping "${AUTH_ARGS[@]}"
