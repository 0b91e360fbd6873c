#!/usr/bin/env bash
# What authentication costs (a script, not a test): two instances of the packaged service on one jar and one database
# (the fixture), one without a password (requests carry no header) and one with a password (every request carries a
# fresh Go SDK header of 2 RSA blocks), driven by wrk at the same concurrency in alternating rounds. Prints the
# service's CPU per request of each (from /proc, user + system), the CPU authentication adds per request, and the
# physical floor of that work measured in the same run: two RSA-1024 private-key operations as `openssl speed` does
# them on this CPU. ACCP is loaded (the rounds start after the provider's 5 s delay and a warm-up).
# Usage (from the project root): src/test/bench/auth-cost-benchmark.sh [SECONDS_PER_ROUND] [ROUNDS] [CONNECTIONS]
# SERVICE_APP=<a quarkus-app directory> measures another build; SKIP_BUILD=1 uses target/quarkus-app as it is;
# AUTH_MAX_LIFETIME=60s shortens how long headers live and are remembered (below);
# JFR_DIR=<dir> records a profile of each instance (plain.jfr, password.jfr) for `jfr view hot-methods` (JDK 21+).
# Needs wrk and openssl (apt-get install wrk openssl).
set -euo pipefail
cd "$(dirname "$0")/../../.."
. src/test/bench/database.sh
. src/test/bench/service.sh

SECONDS_PER_ROUND=${1:-15}
ROUNDS=${2:-3}
CONNECTIONS=${3:-8}
THREADS=2
WORK=$(mktemp -d /tmp/obrestore-auth-cost.XXXXXX)
DB_PORT=${DB_PORT:-3338}
PLAIN_PORT=${PLAIN_PORT:-2908}
AUTH_PORT=${AUTH_PORT:-2909}
DB_PASSWORD="bench-$RANDOM$RANDOM"
PASSWORD="bench-Pa55-$RANDOM"
URI=/api/v1/tenant/rt2/restore/overview
JVM_FLAGS=${JVM_FLAGS:--XX:MaxRAM=512m -XX:+UseSerialGC}

stop_all() {
  [ -n "${PLAIN_PID:-}" ] && kill "$PLAIN_PID" 2>/dev/null || true
  [ -n "${AUTH_PID:-}" ] && kill "$AUTH_PID" 2>/dev/null || true
  APP_PID=""
  stop_benchmark
}
trap stop_all EXIT

command -v wrk > /dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -B -q package -DskipTests -DskipITs
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp.txt" > /dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp.txt")"
start_database "$DB_PORT" "$DB_PASSWORD" "$WORK/db.log"

jfr() { [ -n "${JFR_DIR:-}" ] && echo "-XX:StartFlightRecording=filename=$JFR_DIR/$1.jfr,settings=profile"; true; }
# shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
start_service "$PLAIN_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK" $JVM_FLAGS $(jfr plain)
PLAIN_PID=$APP_PID
mkdir -p "$WORK/auth" && cp "$WORK/app.log" "$WORK/plain.log"
# As shipped: every block remembered max-lifetime + clock-skew (6 min), in a memory sized for the rate (service.sh).
# AUTH_MAX_LIFETIME=60s (with no clock skew) keeps a tenth of that, for small heaps (JVM_FLAGS with -Xmx32m).
HEADER_LIFETIME=290
if [ -n "${AUTH_MAX_LIFETIME:-}" ]; then
  export OBRESTORE_AUTH_MAX_LIFETIME=$AUTH_MAX_LIFETIME OBRESTORE_AUTH_CLOCK_SKEW=0s
  HEADER_LIFETIME=$(( ${AUTH_MAX_LIFETIME%s} - 2 ))
fi
# shellcheck disable=SC2086
OBRESTORE_AUTH_PASSWORD=$PASSWORD start_service "$AUTH_PORT" "$DB_PORT" "$DB_PASSWORD" "$WORK/auth" $JVM_FLAGS \
  $(jfr password)
unset OBRESTORE_AUTH_MAX_LIFETIME OBRESTORE_AUTH_CLOCK_SKEW
AUTH_PID=$APP_PID
PUBLIC_KEY=$(curl -sf "http://127.0.0.1:$AUTH_PORT/api/v1/secret" | sed 's/.*"public_key":"\([^"]*\)".*/\1/')

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)

# One round: wrk against PORT (with headers from FILE when given); prints "requests cpu_us_per_request non2xx".
round() {
  local port=$1 pid=$2 file=${3:-}
  local before after output requests non2xx
  before=$(cpu_ticks "$pid")
  if [ -n "$file" ]; then
    output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" -s src/test/bench/auth-cost.lua \
      "http://127.0.0.1:$port$URI" -- "$file" "$THREADS")
  else
    output=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" "http://127.0.0.1:$port$URI")
  fi
  after=$(cpu_ticks "$pid")
  requests=$(echo "$output" | awk '/requests in/ {print $1}')
  non2xx=$(echo "$output" | awk '/Non-2xx/ {print $5}')
  echo "$requests $(( (after - before) * 1000000 / TICK / requests )) ${non2xx:-0}"
}

# Headers for one round at RATE requests/s (twice as many, so a faster round does not run out).
headers_for() {
  local rate=$1 count
  count=$(( rate * SECONDS_PER_ROUND * 2 + 1000 ))
  # Valid nearly as long as the service accepts: made for one round, used at once.
  java -cp "$CP" io.obrestore.bench.AuthCostHeaders "$PUBLIC_KEY" "$PASSWORD" "$URI" "$count" "$HEADER_LIFETIME" \
    "$WORK/headers.txt"
  echo "$WORK/headers.txt"
}

echo "auth cost of ob-restore-overview, $(date -u +%F), $(nproc) cores (database, both services and wrk together)"
echo "wrk -t$THREADS -c$CONNECTIONS, ${SECONDS_PER_ROUND}s rounds; JVM flags: $JVM_FLAGS"
# Warm-up: both instances, past ACCP's 5 s delay, until C2 has settled a little.
round "$PLAIN_PORT" "$PLAIN_PID" > /dev/null
RATE=$(round "$AUTH_PORT" "$AUTH_PID" "$(headers_for 3000)" | awk '{print int($1 / '"$SECONDS_PER_ROUND"')}')
grep -h "RSA private-key operations by" "$WORK/auth/app.log" | sed 's/.*operations by/provider:/' | head -1

plain=()
auth=()
printf '%-6s | %-12s | %12s | %10s | %s\n' round instance "requests/s" "CPU us/req" "non-2xx"
for r in $(seq "$ROUNDS"); do
  read -r requests cpu non2xx < <(round "$PLAIN_PORT" "$PLAIN_PID")
  plain+=("$cpu")
  printf '%-6s | %-12s | %12d | %10d | %s\n' "$r" "no password" $(( requests / SECONDS_PER_ROUND )) "$cpu" "$non2xx"
  read -r requests cpu non2xx < <(round "$AUTH_PORT" "$AUTH_PID" "$(headers_for "$RATE")")
  printf '%-6s | %-12s | %12d | %10d | %s\n' "$r" "password" $(( requests / SECONDS_PER_ROUND )) "$cpu" "$non2xx"
  if [ "$non2xx" = 0 ]; then
    auth+=("$cpu")
  else
    echo "(not counted: $non2xx requests refused, the round ran out of headers)"
  fi
  RATE=$(( requests / SECONDS_PER_ROUND > RATE ? requests / SECONDS_PER_ROUND : RATE ))
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }
PLAIN_CPU=$(median "${plain[@]}")
AUTH_CPU=$(median "${auth[@]}")
# The floor: openssl's RSA-1024 private-key operation (its "sign"), on this CPU, now.
SIGN_S=$(openssl speed -seconds 3 rsa1024 2>/dev/null | awk '/^rsa +1024 bits/ {print $4}' | tr -d s)
FLOOR=$(awk -v s="$SIGN_S" 'BEGIN {printf "%.0f", 2 * s * 1000000}')
ADDED=$(( AUTH_CPU - PLAIN_CPU ))
echo "service CPU per request, medians: no password $PLAIN_CPU us, password $AUTH_CPU us; authentication adds $ADDED us"
echo "floor: 2 RSA-1024 private operations (openssl speed rsa1024: $(awk -v s="$SIGN_S" 'BEGIN {printf "%.1f", s * 1000000}') us each) = $FLOOR us"
awk -v a="$ADDED" -v f="$FLOOR" 'BEGIN {printf "added / floor = %.2f (target <= 1.25)\n", a / f}'
