#!/usr/bin/env bash
# Throughput benchmark (a script, not a test): the packaged service against MariaDB with the fixture, driven by
# a separate load process (ThroughputBenchmark, closed loop on Vert.x) at several concurrencies; the same SQL through
# a raw Vert.x MySQL pool is the ceiling. Prints a table: requests/s, p50/p99/max latency, errors, service CPU per
# request, service RSS, statements per request, ratio to the raw driver.
# Usage (from the project root): src/test/bench/throughput-benchmark.sh [SECONDS_PER_RUN] [CONCURRENCIES]
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/database.sh

SECONDS_PER_RUN=${1:-10}
CONCURRENCIES=${2:-1,8,32,128}
WORK=$(mktemp -d /tmp/obrestore-throughput.XXXXXX)
DB_PORT=${DB_PORT:-3337}
APP_PORT=${APP_PORT:-2906}
DB_PASSWORD="bench-$RANDOM$RANDOM"
JVM_FLAGS=${JVM_FLAGS:--XX:MaxRAM=256m -XX:+UseSerialGC}

cleanup() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "${DB_PID:-}" ] && kill "$DB_PID" 2>/dev/null && wait "$DB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

./mvnw -B -q package -DskipTests -DskipITs
start_database "$DB_PORT" "$DB_PASSWORD" "$WORK/db.log"

QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_DATASOURCE_REACTIVE_URL=mysql://127.0.0.1:$DB_PORT \
QUARKUS_DATASOURCE_USERNAME=obrestore QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD \
OBRESTORE_TIME_ZONE=+08:00 OBRESTORE_AUTH_DATA_DIR=$WORK/data QUARKUS_LOG_LEVEL=WARN \
  java $JVM_FLAGS -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" > /dev/null && break; sleep 0.2; done

echo "throughput of ob-restore-overview, $(date -u +%F), $(nproc) cores (database, service and load together)"
./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.obrestore.bench.ThroughputBenchmark \
  -Dexec.args="http://127.0.0.1:$APP_PORT $APP_PID $DB_PORT obadmin $DB_PASSWORD obadmin $SECONDS_PER_RUN $CONCURRENCIES"
