#!/usr/bin/env bash
# Throughput benchmark (a script, not a test): the packaged service against MariaDB with the fixture, driven by
# a separate load process (ThroughputBenchmark, closed loop on Vert.x) at several concurrencies; the same SQL through
# a raw Vert.x MySQL pool is the ceiling, and BareOverviewServer (plain Vert.x HTTP, same SQL, own process) the least
# an HTTP service costs. Prints a table: requests/s, p50/p99/max latency, errors, CPU per request of the service,
# MariaDB and the load process, service RSS, statements per request, ratios to the raw driver and the bare server.
# Usage (from the project root): src/test/bench/throughput-benchmark.sh [SECONDS_PER_RUN] [CONCURRENCIES] [SCENARIO]
# (SCENARIO: only the scenarios whose name contains it, e.g. rt2; default all)
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/database.sh
. src/test/bench/service.sh

SECONDS_PER_RUN=${1:-10}
CONCURRENCIES=${2:-1,8,32,128}
SCENARIO=${3:-}
WORK=$(mktemp -d /tmp/obrestore-throughput.XXXXXX)
DB_PORT=${DB_PORT:-3337}
APP_PORT=${APP_PORT:-2906}
BARE_PORT=${BARE_PORT:-2907}
DB_PASSWORD="bench-$RANDOM$RANDOM"
JVM_FLAGS=${JVM_FLAGS:--XX:MaxRAM=256m -XX:+UseSerialGC}
BARE_JVM_FLAGS=$JVM_FLAGS # the profile below is the service's only
# JFR_FILE=/tmp/x.jfr records a CPU profile of the service for the whole run (JFR ships with the JDK), e.g. for
# `jfr view hot-methods /tmp/x.jfr` (JDK 21+ jfr tool).
if [ -n "${JFR_FILE:-}" ]; then JVM_FLAGS="$JVM_FLAGS -XX:StartFlightRecording=filename=$JFR_FILE,settings=profile"; fi

trap stop_benchmark EXIT

./mvnw -B -q package -DskipTests -DskipITs
start_database "$DB_PORT" "$DB_PASSWORD" "$WORK/db.log"

# shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
start_service "$APP_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK" $JVM_FLAGS
DB_SERVER_PID=$(pgrep -f "mariadbd.*--port=$DB_PORT" | head -1)

# shellcheck disable=SC2086 # a list of flags
start_bare_server "$BARE_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK" $BARE_JVM_FLAGS

echo "throughput of ob-restore-overview, $(date -u +%F), $(nproc) cores (database, service and load together)"
# WARMUP_SECONDS (default 30): mixed load before anything is measured; on 2 shared cores C2 needs 60-90 s to settle.
./mvnw -B -q exec:java -DWARMUP_SECONDS="${WARMUP_SECONDS:-30}" -DDB_PID="$DB_SERVER_PID" \
  -DBARE_URL="http://127.0.0.1:$BARE_PORT" -DBARE_PID="$BARE_PID" -Dexec.classpathScope=test \
  -Dexec.mainClass=io.obrestore.bench.ThroughputBenchmark \
  -Dexec.args="http://127.0.0.1:$APP_PORT $APP_PID $DB_PORT obadmin $DB_PASSWORD obadmin $SECONDS_PER_RUN $CONCURRENCIES $SCENARIO"
