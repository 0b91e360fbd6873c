# Sourced by the benchmark scripts: runs the packaged service against the database start_database started.
# start_service PORT DB_PORT DB_PASSWORD WORKDIR [JVM flags...] -> sets APP_PID, returns once the service is ready.
# The management interface (probes, metrics) listens on PORT+1000. Header blocks are remembered for a minute longer
# than the longest run's headers live, in a memory sized for the benchmark's rate (docs/auth-protocol.md §7); the
# soak's watchers all come from 127.0.0.1, above the per-client stream cap meant for real clients. SERVICE_APP
# names another build's quarkus-app directory; readiness is asked on both ports (builds before the management port).
start_service() {
  local port=$1 db_port=$2 db_password=$3 work=$4
  shift 4
  QUARKUS_HTTP_PORT=$port QUARKUS_MANAGEMENT_PORT=$((port + 1000)) \
  QUARKUS_DATASOURCE_REACTIVE_URL=mysql://127.0.0.1:$db_port \
  QUARKUS_DATASOURCE_USERNAME=obrestore QUARKUS_DATASOURCE_PASSWORD=$db_password \
  OBRESTORE_AUTH_DATA_DIR=$work/data OBRESTORE_AUTH_BLOCK_MEMORY=2000000 \
  OBRESTORE_WATCH_MAX_STREAMS_PER_CLIENT=1000 QUARKUS_LOG_LEVEL=WARN \
    java "$@" -jar "${SERVICE_APP:-target/quarkus-app}/quarkus-run.jar" > "$work/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$((port + 1000))/q/health/ready" > /dev/null && return 0
    curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && return 0
    sleep 0.2
  done
  echo "service did not start"; cat "$work/app.log"; return 1
}

# start_bare_server PORT DB_PORT DB_PASSWORD WORKDIR [JVM flags...] -> sets BARE_PID, returns once it listens.
# BareOverviewServer (plain Vert.x HTTP, the service's SQL) in its own JVM: mvnw execs java, so $! is that JVM.
start_bare_server() {
  local port=$1 db_port=$2 db_password=$3 work=$4
  shift 4
  MAVEN_OPTS="$*" ./mvnw -B -q exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.obrestore.bench.BareOverviewServer \
    -Dexec.args="$port $db_port obrestore $db_password" > "$work/bare.log" 2>&1 &
  BARE_PID=$!
  for _ in $(seq 120); do grep -q READY "$work/bare.log" && return 0; sleep 0.5; done
  echo "bare server did not start"; cat "$work/bare.log"; return 1
}

# The EXIT trap of every benchmark: stops the service and the database it started and removes WORK.
stop_benchmark() {
  [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null || true
  [ -n "${BARE_PID:-}" ] && kill "$BARE_PID" 2>/dev/null || true
  [ -n "${DB_PID:-}" ] && kill "$DB_PID" 2>/dev/null && wait "$DB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
