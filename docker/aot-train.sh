#!/usr/bin/env bash
# Trains the JDK AOT cache (JDK 25: JEP 483, 514, 515) the JVM image starts with: docker/Dockerfile.jvm runs it while
# the image is built, src/test/bench/startup-benchmark.sh runs the same steps outside Docker to measure them.
# It starts the packaged service with -XX:AOTCacheOutput, without a database (an image build has none: the overview
# requests take the "database unreachable" path), sends what clients, the kubelet and Prometheus send (API routes,
# a refused auth header, the dashboard's files, OpenAPI, the probes, a scrape), then stops it: the JVM writes the
# cache, holding the classes these loaded and their methods' profiles, as it exits.
# The cache is only used by the same JDK build, the same jars (same modification times) and compatible flags: train
# with the flags the image runs with, in the image that runs it.
#
# Usage: docker/aot-train.sh APP_DIR JAVA [JVM flags...]      (writes APP_DIR/app.aot)
# Needs bash (its /dev/tcp is the HTTP client: the JRE image has no curl).
set -euo pipefail

app=$1
java=$2
shift 2
port=${AOT_TRAIN_PORT:-28860}
management=${AOT_TRAIN_MANAGEMENT_PORT:-28861}
rounds=${AOT_TRAIN_ROUNDS:-20}
data=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$data" "$log"' EXIT

cd "$app"
rm -f app.aot
# Port 1 refuses at once: the pool's failure path, fast. The generated key and every temporary file (the crypto
# provider's native library, Vert.x' cache) go to a throw-away directory, so nothing of the run stays in the image.
env QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$management" QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_MANAGEMENT_HOST=127.0.0.1 QUARKUS_DATASOURCE_REACTIVE_URL=mysql://127.0.0.1:1 \
    OBRESTORE_AUTH_DATA_DIR="$data/key" QUARKUS_LOG_LEVEL=WARN \
    "$java" "$@" -Djava.io.tmpdir="$data" -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar > "$log" 2>&1 &
service=$!

# GET PORT PATH [HEADER]: one request; succeeds if the service answered at all (any status). A subshell: a failed
# redirection of exec would end the script itself.
get() (
  exec 3<> "/dev/tcp/127.0.0.1/$1"
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n' "$2" "${3:+$3$'\r\n'}" >&3
  status=
  read -r _ status _ <&3 || true
  cat <&3 > /dev/null
  [ -n "$status" ]
)

for _ in $(seq 600); do
  get "$management" /q/health/started 2> /dev/null && break
  kill -0 "$service" 2> /dev/null || { cat "$log"; echo "aot-train: the service stopped" >&2; exit 1; }
  sleep 0.1
done
get "$management" /q/health/started || { cat "$log"; echo "aot-train: the service did not start" >&2; exit 1; }

for _ in $(seq "$rounds"); do
  get "$port" /api/v1/info
  get "$port" /api/v1/secret
  get "$port" /api/v1/tenant/rt2/restore/overview
  get "$port" /api/v1/tenant/rt2/restore/overview "X-OCS-Header: bm90IGEgaGVhZGVy"
  get "$port" '/api/v1/restore/tasks?page=1&size=10'
  get "$port" /api/v1/tenant/no%20such/restore/overview
  get "$port" /dashboard/
  get "$port" /dashboard/app.js
  get "$port" /webjars/jsencrypt/bin/jsencrypt.min.js
  get "$port" /q/openapi
  get "$management" /q/health/live
  get "$management" /q/health/ready
  get "$management" /q/metrics
done

kill -TERM "$service"
wait "$service" || true
if [ ! -s app.aot ]; then
  cat "$log"
  echo "aot-train: no AOT cache written" >&2
  exit 1
fi
echo "aot-train: $(du -h app.aot | cut -f1) AOT cache in $app/app.aot"
