# Sourced by the benchmark scripts: runs MariaDB with the fixture (EmbeddedMariaDbMain) in the background.
# start_database PORT PASSWORD LOGFILE  -> sets DB_PID, returns once the server accepts the service account.
start_database() {
  ./mvnw -B -q test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.obrestore.demo.EmbeddedMariaDbMain -Dexec.args="$1 $2" > "$3" 2>&1 &
  DB_PID=$!
  for _ in $(seq 120); do grep -q READY "$3" && return 0; sleep 1; done
  echo "database did not start"; cat "$3"; return 1
}
