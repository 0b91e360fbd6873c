#!/usr/bin/env bash
# Soak benchmark (a script, not a test): the packaged service against MariaDB with the fixture at a fixed request
# rate (open loop) for a fixed time, with live-watch streams open throughout; prints RSS, requests, errors and
# latency every 30 s, then the RSS drift. Targets: 0 errors, RSS drift <= 10 %.
# Usage (from the project root): src/test/bench/soak-benchmark.sh [SECONDS] [REQUESTS_PER_SECOND] [WATCHERS] [MIX]
# MIX: realistic (default) or rt2 (the rt2 overview only). TARGET=bare soaks BareOverviewServer (plain Vert.x HTTP,
# same SQL) instead of the service, with the rt2 mix and no watchers: the latency floor of this machine.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/database.sh
. src/test/bench/service.sh

SECONDS_TOTAL=${1:-300}
RATE=${2:-800}
WATCHERS=${3:-50}
MIX=${4:-realistic}
WORK=$(mktemp -d /tmp/obrestore-soak.XXXXXX)
DB_PORT=${DB_PORT:-3347}
APP_PORT=${APP_PORT:-2916}
DB_PASSWORD="bench-$RANDOM$RANDOM"
JVM_FLAGS=${JVM_FLAGS:--XX:MaxRAM=256m -XX:+UseSerialGC}

trap stop_benchmark EXIT

./mvnw -B -q package -DskipTests -DskipITs
start_database "$DB_PORT" "$DB_PASSWORD" "$WORK/db.log"
if [ "${TARGET:-service}" = bare ]; then
  # shellcheck disable=SC2086 # a list of flags
  start_bare_server "$APP_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK" $JVM_FLAGS
  APP_PID=$BARE_PID
  MIX=rt2 WATCHERS=0
else
  # shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
  start_service "$APP_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK" $JVM_FLAGS
fi

echo "soak of ${TARGET:-service}, $(date -u +%F), $(nproc) cores (database, service and load together), JVM $JVM_FLAGS"
./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.obrestore.bench.SoakBenchmark \
  -Dexec.args="http://127.0.0.1:$APP_PORT $APP_PID $SECONDS_TOTAL $RATE $WATCHERS $MIX"
