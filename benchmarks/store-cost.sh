#!/usr/bin/env bash
# Issue #12 "a store that does not slow down as it fills": the CPU the local stack's JVMs spend per instant-item
# request with SMALL persons in the store, then again with LARGE persons, in one stack. Starts the stack on a fresh
# data directory, loads SMALL persons (PersonsLoader), runs EnrollmentInstantItemsSimulation against
# enrollment-service directly, loads up to LARGE, runs it again, prints both CPU tables and the ratio of the
# infrastructure JVM's (broker + store) CPU per request, and stops the stack.
#
#   benchmarks/store-cost.sh            SMALL=10000 LARGE=100000 RATE=40 SECONDS_PER_RUN=40 by default
#
# The stack must not be running. Its data directory is JINGBAN_DATA (default: a fresh one under benchmarks/target);
# it is kept afterwards, so that benchmarks/fill-and-restart.sh 0 can restart the stack on it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
small=${SMALL:-10000}
large=${LARGE:-100000}
rate=${RATE:-40}
seconds=${SECONDS_PER_RUN:-40}
out=$root/benchmarks/target/store-cost
export JINGBAN_DATA=${JINGBAN_DATA:-$out/data}
mkdir -p "$out"

setsid deploy/local/up.sh --reset >"$out/up.log" 2>&1 </dev/null &
up_pid=$!
trap 'kill -TERM "$up_pid" 2>/dev/null || true' EXIT
until grep -q 'Jingban is up' "$out/up.log"; do
  kill -0 "$up_pid" 2>/dev/null || { echo "the stack did not start:" >&2; cat "$out/up.log" >&2; exit 1; }
  sleep 1
done
echo "stack up: $(grep 'everything healthy' "$out/up.log")"

load() {   # $1 persons to add
  local started=$SECONDS
  ./mvnw -B -ntp -o -q -Pbenchmarks -pl benchmarks gatling:test -Dgatling.simulationClass=org.jingban.benchmarks.PersonsLoader \
    -Dload.persons="$1" -Dload.concurrency="${LOAD_CONCURRENCY:-8}" >"$out/load-$1.log" 2>&1 || true
  grep -E '^summary|first failures' "$out/load-$1.log" || echo "the loader failed: see $out/load-$1.log" >&2
  echo "loaded $1 persons in $((SECONDS - started)) s"
}

# the services work through the events of a load for a while after it: measure only once the stack's JVMs are
# quiet (less than 0.2 of a core over 10 s), or after 15 minutes
stack_cpu_ticks() {
  local total=0 pid
  for pid in $(pgrep -f 'deploy/local/run/'); do
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
wait_quiet() {
  local started=$SECONDS hz a b
  hz=$(getconf CLK_TCK)
  while [ $((SECONDS - started)) -lt 900 ]; do
    a=$(stack_cpu_ticks); sleep 10; b=$(stack_cpu_ticks)
    if [ $((b - a)) -lt $((hz * 2)) ]; then echo "quiet after $((SECONDS - started)) s"; return; fi
  done
  echo "still busy after 900 s: measuring anyway"
}

persons() {
  mongosh --quiet mongodb://localhost:27017/jingban_enrollment --eval 'print(db.insured_persons.estimatedDocumentCount())'
}

bench() {   # $1 name; prints the simulation's tables to $out/bench-$1.log
  ./mvnw -B -ntp -o -Pbenchmarks -pl benchmarks gatling:test \
    -Dgatling.simulationClass=org.jingban.benchmarks.EnrollmentInstantItemsSimulation \
    -Dbench.rate="$rate" -Dbench.seconds="$seconds" -Dbench.warmup=20 -Dbench.order=direct >"$out/bench-$1.log" 2>&1 || true
  echo "== $1: $(persons) persons in the store"
  grep -E '^(direct|gateway) |p99|CPU during direct' "$out/bench-$1.log" | head -5
  sed -n '/CPU during direct/,/the stack/p' "$out/bench-$1.log"
}

ms_per_request() {   # $1 log, $2 the process column's start: its CPU ms per request in the measured (direct) phase
  sed -n '/CPU during direct/,/the stack/p' "$1" | awk -v p="$2" 'index($0, "  " p) == 1 { print $NF; exit }'
}

load "$small"
wait_quiet
bench small
load $((large - small))
wait_quiet
bench large
for p in "infrastructure" "enrollment-service" "notification-service" "the stack"; do
  a=$(ms_per_request "$out/bench-small.log" "$p"); b=$(ms_per_request "$out/bench-large.log" "$p")
  echo "$p: CPU ms per request ${a:-?} at ${small} persons, ${b:-?} at ${large}: ratio $(awk -v a="$a" -v b="$b" 'BEGIN { if (a > 0) printf "%.2f", b / a; else print "?" }')"
done
