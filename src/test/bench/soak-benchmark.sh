#!/usr/bin/env bash
# Soak benchmark (a script, not a test): the packaged service against MariaDB with the fixture at a fixed request
# rate (open loop) for a fixed time, with live-watch streams open throughout; prints RSS, requests, errors and
# latency every 30 s, then the RSS drift. Targets: 0 errors, RSS drift <= 10 %.
# Usage (from the project root): src/test/bench/soak-benchmark.sh [SECONDS] [REQUESTS_PER_SECOND] [WATCHERS]
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/database.sh
. src/test/bench/service.sh

SECONDS_TOTAL=${1:-300}
RATE=${2:-800}
WATCHERS=${3:-50}
WORK=$(mktemp -d /tmp/obrestore-soak.XXXXXX)
DB_PORT=${DB_PORT:-3347}
APP_PORT=${APP_PORT:-2916}
DB_PASSWORD="bench-$RANDOM$RANDOM"
JVM_FLAGS=${JVM_FLAGS:--XX:MaxRAM=256m -XX:+UseSerialGC}

trap stop_benchmark EXIT

./mvnw -B -q package -DskipTests -DskipITs
start_database "$DB_PORT" "$DB_PASSWORD" "$WORK/db.log"
# shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
start_service "$APP_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK" $JVM_FLAGS

echo "soak of ob-restore-overview, $(date -u +%F), $(nproc) cores (database, service and load together), JVM $JVM_FLAGS"
./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.obrestore.bench.SoakBenchmark \
  -Dexec.args="http://127.0.0.1:$APP_PORT $APP_PID $SECONDS_TOTAL $RATE $WATCHERS"
