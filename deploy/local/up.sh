#!/usr/bin/env bash
# Starts the whole Jingban system on this machine: a Kafka broker (KRaft) and a MongoDB-wire store
# in one infrastructure JVM, the seven services and the gateway. No Docker, no external server.
# Builds first when a jar is missing or older than its sources. Ctrl-C or SIGTERM stops everything
# cleanly (the services first, then the broker and the store).
#
#   deploy/local/up.sh            start (data kept in deploy/local/data)
#   deploy/local/up.sh --reset    delete the data directory first
#   deploy/local/up.sh --build    rebuild even if the jars look current
#   deploy/local/up.sh --no-build start the jars as they are (e.g. while you edit sources)
#   deploy/local/up.sh --compact  rewrite the store file with only its live data before starting
#
# Environment: JINGBAN_DATA (data directory), JINGBAN_LOGS (log directory),
# JINGBAN_JAVA_OPTS (extra JVM flags for every service), JINGBAN_INFRA_JAVA_OPTS (for the broker/store JVM),
# JINGBAN_START_TIMEOUT (seconds, default 180).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
data=${JINGBAN_DATA:-$root/deploy/local/data}
logs=${JINGBAN_LOGS:-$root/deploy/local/logs}
run=$root/deploy/local/run
timeout=${JINGBAN_START_TIMEOUT:-180}

# name:port — the order is the start order after the infrastructure
services=(enrollment-service:8081 transfer-service:8082 offsite-filing-service:8083
          reimbursement-service:8084 designated-institution-service:8085 settlement-service:8086
          notification-service:8087 gateway:8080)
ports=(9092 9093 27017 8080 8081 8082 8083 8084 8085 8086 8087)

reset=false; build=false; no_build=false; compact=false
for arg in "$@"; do
  case "$arg" in
    --reset) reset=true ;;
    --build) build=true ;;
    --no-build) no_build=true ;;
    --compact) compact=true ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

for port in "${ports[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use: is Jingban (or another Kafka/MongoDB) already running?" >&2
    exit 1
  fi
done

jar_of() { ls "$root/$1"/target/"$1"-*.jar 2>/dev/null | grep -v -- '-plain\|-sources' | head -1; }
stamp=$run/.built
needs_build() {
  local m
  [ -f "$stamp" ] || return 0
  for m in deploy "${services[@]%%:*}"; do
    [ -n "$(jar_of "$m")" ] || return 0
  done
  # any source or pom newer than the last successful build (Maven leaves unchanged jars untouched)
  [ -n "$(find "$root/platform" "$root/gateway" "$root"/*-service "$root"/*-service-api "$root/deploy/src" "$root"/pom.xml \
            "$root"/*/pom.xml -newer "$stamp" -type f -not -path '*/target/*' -print -quit 2>/dev/null)" ]
}

build_started=$(date +%s)
if ! $no_build && { $build || needs_build; }; then
  echo "Building (first start or changed sources; later starts skip this)…"
  ./mvnw -B -q -ntp -DskipTests package -Dspring-boot.repackage.skip=false
  mkdir -p "$run" && touch "$stamp"
fi
build_seconds=$(( $(date +%s) - build_started ))

$reset && { echo "Deleting $data"; rm -rf "$data"; }
mkdir -p "$data" "$logs" "$run"

# Extracted jars start faster than fat jars (STACK.md); re-extract only when the jar changed.
extract() {
  local m=$1 jar dir
  jar=$(jar_of "$m"); dir=$run/$m
  if [ ! -f "$dir/$m.jar" ] || [ "$jar" -nt "$dir/$m.jar" ]; then
    rm -rf "$dir"
    java -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
    mv "$dir"/*.jar "$dir/$m.jar" 2>/dev/null || true
  fi
}
# two at a time: extraction is CPU- and disk-bound
for m in "${services[@]%%:*}"; do
  extract "$m" &
  [ "$(jobs -rp | wc -l)" -ge 2 ] && wait -n
done
wait
# The infrastructure launcher has no Spring inside (so no jar tools to extract it): a copy of its jar runs as is.
mkdir -p "$run/deploy"; cp -p "$(jar_of deploy)" "$run/deploy/deploy.jar"

# Flags for a local stack of ten JVMs on two cores (STACK.md "dev flags"); never for benchmarks.
dev_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=48m \
-XX:MaxMetaspaceSize=160m -XX:CICompilerCount=1 -Xshare:auto -Duser.timezone=Asia/Shanghai"

# SIGTERM to the given processes, then SIGKILL to those still running after $1 seconds
stop_pids() {
  local limit=$1; shift
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  local waited=0
  while kill -0 "$@" 2>/dev/null && [ $waited -lt $((limit * 5)) ]; do sleep 0.2; waited=$((waited + 1)); done
  if kill -0 "$@" 2>/dev/null; then
    echo "Still running after ${limit}s, killed: $(ps -o pid=,args= -p "$(IFS=,; echo "$*")" 2>/dev/null | cut -c1-100)" >&2
    kill -KILL "$@" 2>/dev/null || true
  fi
}
# SIGTERM, SIGINT (Ctrl-C; a background start ignores it, so use SIGTERM there) and SIGHUP stop everything: the
# services first, while the broker and the store still take their last writes, then the infrastructure JVM, which
# flushes and compacts the store and closes the broker's logs (a SIGKILL loses nothing acknowledged, but makes the
# next start recover the broker's logs).
pids=(); trainers=()
stop_all() {
  trap - INT TERM HUP EXIT
  stop_pids 20 ${trainers[@]+"${trainers[@]}"}
  if [ ${#pids[@]} -gt 0 ]; then
    echo; echo "Stopping Jingban…"
    stop_pids 30 ${pids[@]:1}
    stop_pids 60 "${pids[0]}"
    wait 2>/dev/null || true
    echo "Stopped."
  fi
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP
trap 'stop_all' EXIT

# Why a JVM stopped during start-up: the line of its log that says so, and what to do about it.
explain_failure() {
  local name=$1 log=$2 cause hint
  cause=$(grep -m1 -E 'OutOfMemoryError' "$log" 2>/dev/null || true)
  if [ -z "$cause" ] && grep -q 'APPLICATION FAILED TO START' "$log" 2>/dev/null; then
    cause=$(sed -n '/^Description:/,/^Action:/p' "$log" | grep -v -E '^(Description|Action):|^[[:space:]]*$' | head -3)
  fi
  [ -n "$cause" ] || cause=$(grep -E '^Caused by: ' "$log" 2>/dev/null | tail -1 || true)
  [ -n "$cause" ] || cause=$(grep -m1 -E '(Exception|Error)(:|$)' "$log" 2>/dev/null || true)
  [ -n "$cause" ] || cause=$(tail -1 "$log" 2>/dev/null || echo "(empty log)")
  case "$cause" in
    *OutOfMemoryError*)
      hint="More heap for it: JINGBAN_INFRA_JAVA_OPTS=-Xmx512m (infrastructure) or JINGBAN_JAVA_OPTS=-Xmx256m (services). The stack is meant to fit its defaults whatever the data: please report it with the log." ;;
    *"Address already in use"*|*BindException*|*"already in use"*)
      hint="Another process holds its port: ss -ltnp | grep -E ':(80[89][0-9]|909[23]|27017) ' shows which; stop it (another Jingban?)." ;;
    *"is locked"*|*OverlappingFileLock*|*"Failed to acquire lock"*)
      hint="Another infrastructure JVM has $data open: pgrep -af deploy.jar, stop it, start again." ;;
    *MVStoreException*|*[Cc]orrupt*|*[Cc]hecksum*|*InconsistentClusterId*|*meta.properties*)
      hint="The data directory $data looks damaged: try --compact (rewrites the store file), or --reset (deletes all local data)." ;;
    *UnsupportedClassVersionError*)
      hint="Java 17 or later is needed: java -version." ;;
    *)
      hint="Read the log for the whole story. --build rebuilds the jars; --reset starts from an empty data directory (deletes all local data)." ;;
  esac
  { echo "$name failed to start: $(printf '%s' "$cause" | cut -c1-400 | tr '\n' ' ')"
    echo "  What to do: $hint"
    echo "  Full log:   $log"; } >&2
}

started=$(date +%s)
echo "Starting Kafka (KRaft) and the MongoDB-wire store, data in $data"
# 256 MB whatever the data (deploy/README.md: the store's cache and the broker's buffers are bounded); an
# OutOfMemoryError ends the JVM, so that it shows here as a failure rather than as a broker that half works.
java $dev_flags -Xmx256m -XX:+ExitOnOutOfMemoryError ${JINGBAN_INFRA_JAVA_OPTS:-} -Djingban.data="$data" \
     -Djingban.mongo.compact=$compact -jar "$run/deploy/deploy.jar" >"$logs/infrastructure.log" 2>&1 &
pids+=($!)
until grep -q '^READY' "$logs/infrastructure.log" 2>/dev/null; do
  kill -0 "${pids[0]}" 2>/dev/null || { explain_failure infrastructure "$logs/infrastructure.log"; exit 1; }
  sleep 0.2
done

# local profile: the gateway issues dev tokens (POST /dev/tokens); every JVM trusts their key
app_flags() {
  echo "$dev_flags -Xmx160m ${JINGBAN_JAVA_OPTS:-} -Dspring.profiles.active=local" \
       "-Dspring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:8080/dev/jwks"
}

# Class-data sharing (STACK.md: about a third off each start): once per extracted jar, a training run
# refreshes the context and exits (-Dspring.context.exit=onRefresh), dumping the classes it loaded.
# It runs while the broker and store are up, so that start-up code that reaches them behaves as usual.
trainers=(); trained=()
running() { local n=0 p; for p in "$@"; do kill -0 "$p" 2>/dev/null && n=$((n + 1)); done; echo $n; }
prep_started=$(date +%s)
for entry in "${services[@]}"; do
  m=${entry%%:*}
  [ -f "$run/$m/app.jsa" ] && continue
  [ ${#trainers[@]} -eq 0 ] && echo "Preparing class-data archives (first start after a build only)…"
  java $(app_flags) -XX:ArchiveClassesAtExit="$run/$m/app.jsa" -Dspring.context.exit=onRefresh \
       -Dserver.port=0 -Djingban.calendar.distribution.startup-timeout=2s \
       -jar "$run/$m/$m.jar" >"$logs/$m.cds.log" 2>&1 &
  trainers+=($!); trained+=("$m")
  while [ "$(running "${trainers[@]}")" -ge 2 ]; do sleep 0.5; done
done
for i in "${!trainers[@]}"; do
  wait "${trainers[$i]}" || rm -f "$run/${trained[$i]}/app.jsa"   # a failed run must not leave an archive
done
trainers=()
prep_seconds=$(( $(date +%s) - prep_started ))
started=$(( started + prep_seconds ))   # the start-up time reported is that of a usual start

echo "Starting ${#services[@]} JVMs: ${services[*]%%:*}"
for entry in "${services[@]}"; do
  m=${entry%%:*}
  cds=""; [ -f "$run/$m/app.jsa" ] && cds="-XX:SharedArchiveFile=$run/$m/app.jsa"
  java $(app_flags) $cds -jar "$run/$m/$m.jar" >"$logs/$m.log" 2>&1 &
  pids+=($!)
done

health() { curl -s --max-time 3 http://localhost:8080/actuator/health || true; }
# Healthy when the gateway's aggregate status (the document's last key) is UP: it is DOWN while any
# downstream service is (components.services), so this waits for every service.
all_up() { [[ "$1" == *'"status":"UP"}' ]]; }
while true; do
  body=$(health)
  if [ -n "$body" ] && all_up "$body"; then break; fi
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      name=infrastructure; [ "$i" -gt 0 ] && { e=${services[$((i - 1))]}; name=${e%%:*}; }
      explain_failure "$name" "$logs/$name.log"
      exit 1
    fi
  done
  if [ $(( $(date +%s) - started )) -ge "$timeout" ]; then
    echo "Not healthy after ${timeout}s. Health: $body" >&2
    exit 1
  fi
  sleep 1
done

elapsed=$(( $(date +%s) - started ))
rss=$(ps -o rss= -p "$(IFS=,; echo "${pids[*]}")" | awk '{s+=$1} END {printf "%.0f", s/1024}')
cat <<EOF

Jingban is up: everything healthy in ${elapsed}s (build ${build_seconds}s, first-start preparation ${prep_seconds}s), ${#pids[@]} JVMs, ${rss} MB resident.
  Gateway      http://localhost:8080
  Swagger UI   http://localhost:8080/swagger-ui.html
  Health       http://localhost:8080/actuator/health
  Catalog      http://localhost:8080/api/v1/catalog/items
  Dev token    curl -s -XPOST localhost:8080/dev/tokens -H 'Content-Type: application/json' -d '{"role":"CLERK","subject":"gh-001","regions":["620600"]}'
  Kafka        localhost:9092   MongoDB  mongodb://localhost:27017   data  $data
  Logs         $logs
Press Ctrl-C (or kill -TERM $$) to stop everything.
EOF
wait
