#!/usr/bin/env bash
# Task-list benchmark (a script, not a test): the packaged service against MariaDB with the fixture; the first page
# of GET /api/v1/restore/tasks on the fixture alone (the yardstick), then with ROWS more finished jobs in the history
# view, then a deep page and a page past the end. Prints requests/s, latency, CPU per request of the service and of
# MariaDB, response size, RSS, and each run's ratio to the fixture-only run (TaskListBenchmark).
# Usage (from the project root): src/test/bench/task-list-benchmark.sh [ROWS] [SECONDS_PER_RUN]
# SERVICE_APP=<quarkus-app dir> measures another build (e.g. an older one) instead of target/quarkus-app.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/database.sh
. src/test/bench/service.sh

ROWS=${1:-100000}
SECONDS_PER_RUN=${2:-10}
WORK=$(mktemp -d /tmp/obrestore-tasks.XXXXXX)
DB_PORT=${DB_PORT:-3357}
APP_PORT=${APP_PORT:-2926}
DB_PASSWORD="bench-$RANDOM$RANDOM"
JVM_FLAGS=${JVM_FLAGS:--XX:MaxRAM=256m -XX:+UseSerialGC}

trap stop_benchmark EXIT

[ -n "${SERVICE_APP:-}" ] || ./mvnw -B -q package -DskipTests -DskipITs
start_database "$DB_PORT" "$DB_PASSWORD" "$WORK/db.log"
# shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
start_service "$APP_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK" $JVM_FLAGS
DB_SERVER_PID=$(pgrep -f "mariadbd.*--port=$DB_PORT" | head -1)

echo "task list of ${SERVICE_APP:-target/quarkus-app}, $(date -u +%F)"
./mvnw -B -q exec:java -DDB_PID="$DB_SERVER_PID" -Dexec.classpathScope=test \
  -Dexec.mainClass=io.obrestore.bench.TaskListBenchmark \
  -Dexec.args="http://127.0.0.1:$APP_PORT $APP_PID $DB_PORT obadmin $DB_PASSWORD $ROWS $SECONDS_PER_RUN"
