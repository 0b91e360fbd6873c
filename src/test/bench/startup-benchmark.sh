#!/usr/bin/env bash
# Startup benchmark (a script, not a test): for the fast-jar on JDK 17, the fast-jar on JDK 25, the JDK AOT
# cache on JDK 25 trained by a start only, and the AOT cache trained on the integration tests' requests, and for the
# yardstick (src/test/bench/yardstick: a minimal Quarkus app of the same version, quarkus-rest and the reactive MySQL
# client, one resource running the service's overview statement) started the same way, prints the median of RUNS
# starts of
#   - time from process start to the first successful (200) overview response,
#   - the JVM's own start ("Create VM" of -Xlog:startuptime: before any application code runs),
#   - Quarkus' own "started in",
#   - RSS after the first response.
# Usage (from the project root): src/test/bench/startup-benchmark.sh [RUNS]
# Needs: JDK 17 (default java), a JDK 25 (JDK25_HOME, default /usr/lib/jvm/temurin-25-jdk-amd64), curl.
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/database.sh
. src/test/bench/service.sh

RUNS=${1:-5}
JDK17=${JDK17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
JDK25=${JDK25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=$(mktemp -d /tmp/obrestore-startup.XXXXXX)
DB_PORT=${DB_PORT:-3327}
APP_PORT=${APP_PORT:-2896}
DB_PASSWORD="bench-$RANDOM$RANDOM"
URL="http://127.0.0.1:$APP_PORT/api/v1/tenant/rt2/restore/overview"
# The JVM as the image and the Deployment run it: serial GC, ergonomics sized for the 256Mi memory limit.
JVM_FLAGS=${JVM_FLAGS:--XX:MaxRAM=256m -XX:+UseSerialGC}

trap stop_benchmark EXIT

# cp -a: the JVM refuses an AOT cache whose jars have another modification time than at training (silently,
# unless -Xlog:aot), so every copy keeps the timestamps.
echo "== building the fast-jar (JDK 17) and two AOT caches (JDK 25) into $WORK"
JAVA_HOME=$JDK17 ./mvnw -B -q package -DskipTests -DskipITs
cp -a target/quarkus-app "$WORK/jar17"
JAVA_HOME=$JDK25 ./mvnw -B -q package -Paot -Dquarkus.package.jar.aot.phase=build -DskipTests -DskipITs
cp -a target/quarkus-app "$WORK/aot25"
echo "== building the yardstick (JDK 17 fast-jar, and an AOT cache trained by a start on JDK 25)"
JAVA_HOME=$JDK17 ./mvnw -B -q -f src/test/bench/yardstick/pom.xml package -DskipTests
cp -a src/test/bench/yardstick/target/quarkus-app "$WORK/yardstick17"
JAVA_HOME=$JDK25 ./mvnw -B -q -f src/test/bench/yardstick/pom.xml package -DskipTests \
  -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=aot -Dquarkus.package.jar.aot.phase=build
cp -a src/test/bench/yardstick/target/quarkus-app "$WORK/yardstick25"
./mvnw -B -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.obrestore.bench.OverviewSql > "$WORK/overview.sql"
echo "== training the AOT cache on the integration tests (the aot profile, about 2 minutes)"
JAVA_HOME=$JDK25 ./mvnw -B -q verify -Paot > "$WORK/aot-training.log" 2>&1 || { tail -50 "$WORK/aot-training.log"; exit 1; }
[ -f target/quarkus-app/app.aot ] || { echo "no AOT cache after training"; tail -50 "$WORK/aot-training.log"; exit 1; }
cp -a target/quarkus-app "$WORK/trained25"

echo "== starting MariaDB with the fixture on port $DB_PORT"
start_database "$DB_PORT" "$DB_PASSWORD" "$WORK/db.log"

export QUARKUS_HTTP_PORT=$APP_PORT QUARKUS_MANAGEMENT_PORT=$((APP_PORT + 1000)) \
  QUARKUS_DATASOURCE_REACTIVE_URL=mysql://127.0.0.1:$DB_PORT \
  QUARKUS_DATASOURCE_USERNAME=obrestore QUARKUS_DATASOURCE_PASSWORD=$DB_PASSWORD \
  OBRESTORE_AUTH_DATA_DIR=$WORK/data YARDSTICK_SQL=$WORK/overview.sql

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # name dir java-home extra-flags
  local name=$1 dir=$2 jhome=$3 flags=$4 first=() vm=() started=() rss=()
  for run in $(seq "$RUNS"); do
    local log="$WORK/$name-$run.log"
    local t0; t0=$(date +%s%N)
    (cd "$dir" && exec "$jhome/bin/java" $JVM_FLAGS $flags -Xlog:startuptime -jar quarkus-run.jar) > "$log" 2>&1 &
    APP_PID=$!
    local code=000
    for _ in $(seq 3000); do
      code=$(curl -s -o /dev/null -w '%{http_code}' "$URL" 2>/dev/null || true)
      [ "$code" = 200 ] && break
      sleep 0.005
    done
    local t1; t1=$(date +%s%N)
    [ "$code" = 200 ] || { echo "$name run $run: no 200 (last $code)"; cat "$log"; exit 1; }
    if grep -q '\[aot\]' "$log"; then echo "$name: the JVM did not use the AOT cache:"; grep '\[aot\]' "$log"; exit 1; fi
    vm+=("$(grep -o 'Create VM, [0-9.]*' "$log" | awk '{printf "%d", $3 * 1000}')")
    first+=("$(( (t1 - t0) / 1000000 ))")
    started+=("$(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)")
    rss+=("$(awk '/VmRSS/ {print int($2/1024)}' /proc/$APP_PID/status)")
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
  done
  FIRST=$(printf '%s\n' "${first[@]}" | median)
  printf '| %-28s | %8s ms | %6s ms | %8s s | %6s MB |\n' "$name" "$FIRST" \
    "$(printf '%s\n' "${vm[@]}" | median)" "$(printf '%s\n' "${started[@]}" | median)" \
    "$(printf '%s\n' "${rss[@]}" | median)"
}

echo
echo "median of $RUNS starts, $(nproc) cores, $(date -u +%F), JVM flags: $JVM_FLAGS"
echo "| variant                      | first 200 overview | JVM created | started in | RSS after |"
echo "| ---------------------------- | -----------: | ----------: | ---------: | --------: |"
measure "yardstick fast-jar, JDK 17" "$WORK/yardstick17" "$JDK17" ""
YARDSTICK17=$FIRST
measure "fast-jar, JDK 17" "$WORK/jar17" "$JDK17" ""
SERVICE17=$FIRST
measure "fast-jar, JDK 25" "$WORK/jar17" "$JDK25" ""
measure "yardstick AOT (start), JDK 25" "$WORK/yardstick25" "$JDK25" "-XX:AOTCache=app.aot"
YARDSTICK25=$FIRST
measure "AOT cache (start), JDK 25" "$WORK/aot25" "$JDK25" "-XX:AOTCache=app.aot"
SERVICE25=$FIRST
measure "AOT cache (ITs), JDK 25" "$WORK/trained25" "$JDK25" "-XX:AOTCache=app.aot"
echo
echo "first 200 overview, service ÷ yardstick: fast-jar JDK 17 $(awk "BEGIN {printf \"%.2f\", $SERVICE17 / $YARDSTICK17}")," \
  "AOT cache (start) JDK 25 $(awk "BEGIN {printf \"%.2f\", $SERVICE25 / $YARDSTICK25}")"
