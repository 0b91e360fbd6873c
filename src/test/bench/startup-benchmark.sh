#!/usr/bin/env bash
# Startup benchmark (a script, not a test): for the fast-jar on JDK 17, the fast-jar on JDK 25, the JDK AOT
# cache on JDK 25 trained by a start only, the AOT cache trained as the JVM image trains it (docker/aot-train.sh: a
# start and requests without a database), and the AOT cache trained on the integration tests' requests, and for the
# yardstick (src/test/bench/yardstick: a minimal Quarkus app of the same version, quarkus-rest and the reactive MySQL
# client, one resource running the service's overview statement) started the same way, prints the median of RUNS
# starts (taken round-robin over the variants, after one untimed start) of
#   - time from process start to the first successful (200) overview response,
#   - the JVM's own start ("Create VM" of -Xlog:startuptime: before any application code runs),
#   - Quarkus' own "started in",
#   - RSS after the first response.
# Usage (from the project root): src/test/bench/startup-benchmark.sh [RUNS]
# JVM_FLAGS chooses the flags of every variant (the training runs with them too); the JVM image's own are its
# JAVA_OPTS in docker/Dockerfile.jvm.
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
echo "== training the AOT cache as the JVM image does (docker/aot-train.sh, no database)"
cp -a "$WORK/jar17" "$WORK/image25"
# shellcheck disable=SC2086
docker/aot-train.sh "$WORK/image25" "$JDK25/bin/java" $JVM_FLAGS
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

# name|directory|java home|extra flags. The runs go round-robin over the variants (run 1 of each, then run 2 of
# each, ...), so a slow spell of this shared machine hits every variant alike instead of one variant's runs.
VARIANTS=(
  "yardstick fast-jar, JDK 17|$WORK/yardstick17|$JDK17|"
  "fast-jar, JDK 17|$WORK/jar17|$JDK17|"
  "fast-jar, JDK 25|$WORK/jar17|$JDK25|"
  "yardstick AOT (start), JDK 25|$WORK/yardstick25|$JDK25|-XX:AOTCache=app.aot -XX:AOTMode=on"
  "AOT cache (start), JDK 25|$WORK/aot25|$JDK25|-XX:AOTCache=app.aot -XX:AOTMode=on"
  "AOT cache (image), JDK 25|$WORK/image25|$JDK25|-XX:AOTCache=app.aot -XX:AOTMode=on"
  "AOT cache (ITs), JDK 25|$WORK/trained25|$JDK25|-XX:AOTCache=app.aot -XX:AOTMode=on"
)
declare -A FIRST VM STARTED RSS

start_once() { # index run
  local name dir jhome flags
  IFS='|' read -r name dir jhome flags <<< "${VARIANTS[$1]}"
  local log="$WORK/$1-$2.log"
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
  [ "$code" = 200 ] || { echo "$name run $2: no 200 (last $code)"; cat "$log"; exit 1; }
  if grep -q '\[aot\]' "$log"; then echo "$name: the JVM did not use the AOT cache:"; grep '\[aot\]' "$log"; exit 1; fi
  FIRST[$1]+=" $(( (t1 - t0) / 1000000 ))"
  VM[$1]+=" $(grep -o 'Create VM, [0-9.]*' "$log" | awk '{printf "%d", $3 * 1000}')"
  STARTED[$1]+=" $(grep -o 'started in [0-9.]*s' "$log" | grep -o '[0-9.]*' | head -1)"
  RSS[$1]+=" $(awk '/VmRSS/ {print int($2/1024)}' /proc/$APP_PID/status)"
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=
}

# One untimed start first: MariaDB's caches and the JVM hosting it warm up on it, not on the first variant's run.
start_once 1 warmup
unset FIRST VM STARTED RSS
declare -A FIRST VM STARTED RSS
for run in $(seq "$RUNS"); do
  for i in "${!VARIANTS[@]}"; do start_once "$i" "$run"; done
done

of() { printf '%s\n' $1 | median; }
echo
echo "median of $RUNS starts (round-robin), $(nproc) cores, $(date -u +%F), JVM flags: $JVM_FLAGS"
echo "| variant                      | first 200 overview | JVM created | started in | RSS after |"
echo "| ---------------------------- | -----------: | ----------: | ---------: | --------: |"
for i in "${!VARIANTS[@]}"; do
  printf '| %-28s | %8s ms | %6s ms | %8s s | %6s MB |\n' "${VARIANTS[$i]%%|*}" "$(of "${FIRST[$i]}")" \
    "$(of "${VM[$i]}")" "$(of "${STARTED[$i]}")" "$(of "${RSS[$i]}")"
done
echo
echo "first 200 overview, service ÷ yardstick: fast-jar JDK 17 $(awk "BEGIN {printf \"%.2f\", $(of "${FIRST[1]}") / $(of "${FIRST[0]}")}")," \
  "AOT cache (start) JDK 25 $(awk "BEGIN {printf \"%.2f\", $(of "${FIRST[4]}") / $(of "${FIRST[3]}")}")"
echo "first 200 overview, AOT cache (image) ÷ fast-jar JDK 17 (the image before): $(awk "BEGIN {printf \"%.2f\", $(of "${FIRST[5]}") / $(of "${FIRST[1]}")}")"
