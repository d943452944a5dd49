#!/usr/bin/env bash
# Issue #22 "The local stack must restart whatever it holds": starts the local stack, loads N persons through the
# services (PersonsLoader: 城乡居民参保登记, each a person, a case, its events and a notification), waits until the
# services are quiet, counts every collection and every topic, stops the stack, starts it again and compares.
#
#   benchmarks/fill-and-restart.sh [persons]      default 100000; 0 = load nothing, only restart and compare
#
# Environment: STOP=term (default: SIGTERM to up.sh, the clean stop) or STOP=kill (SIGKILL to every process of the
# stack at once: nothing acknowledged may be lost); UP_ARGS (extra arguments for up.sh, e.g. --no-build or --reset);
# LOAD_CONCURRENCY (default 8); JINGBAN_DATA / JINGBAN_LOGS as for up.sh. Needs mongosh (npm install -g mongosh)
# for the counts; kcat (apt-get install kcat) adds the topics' end offsets. The stack must not be running already.
# Prints the figures and ends with exit status 1 if a count differs or a start failed. Leaves the stack stopped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
persons=${1:-100000}
stop_mode=${STOP:-term}
out=$root/benchmarks/target/fill-and-restart
data=${JINGBAN_DATA:-$root/deploy/local/data}
mkdir -p "$out"
command -v mongosh >/dev/null || { echo "mongosh is needed for the counts: npm install -g mongosh" >&2; exit 2; }

up_pid=""; healthy=""
start_stack() {   # $1: name of the run; sets up_pid and healthy (the seconds up.sh reports)
  local log=$out/up-$1.log
  : >"$log"
  setsid deploy/local/up.sh ${UP_ARGS:-} >"$log" 2>&1 </dev/null &
  up_pid=$!
  until grep -q 'Jingban is up' "$log"; do
    if ! kill -0 "$up_pid" 2>/dev/null; then echo "The stack did not start ($1):" >&2; cat "$log" >&2; exit 1; fi
    sleep 1
  done
  healthy=$(sed -n 's/.*everything healthy in \([0-9]*\)s.*/\1/p' "$log")
}

stop_stack() {
  local started=$SECONDS
  if [ "$stop_mode" = kill ]; then
    kill -KILL -- "-$up_pid"   # the whole process group: up.sh and every JVM, nothing gets to flush
  else
    kill -TERM "$up_pid"
  fi
  while kill -0 "$up_pid" 2>/dev/null || pgrep -g "$up_pid" >/dev/null; do sleep 0.5; done
  echo $((SECONDS - started))
}

infra_heap() {   # used MB after a full GC, and the maximum
  local pid
  pid=$(pgrep -f 'deploy/local/run/deploy/deploy.jar' | head -1)
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/generation +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?/, "", v); used += v } }
                                 END { printf "%d", used / 1024 }'
  echo " MB used of $(jcmd "$pid" VM.flags | tr ' ' '\n' | sed -n 's/-XX:MaxHeapSize=//p' | awk '{ printf "%d", $1 / 1048576 }') MB"
}

# every collection of every jingban_ database, then every topic's end offset. estimatedDocumentCount is the count
# command, which the store answers from its map's size; countDocuments is an aggregation, which the store answers by
# loading the whole collection into memory (an OutOfMemoryError of the 256 MB JVM at 38 000 persons).
counts() {
  mongosh --quiet mongodb://localhost:27017 --eval '
    db.adminCommand({listDatabases: 1}).databases.map(d => d.name).filter(n => n.startsWith("jingban_")).sort()
      .forEach(n => { const d = db.getSiblingDB(n);
        d.getCollectionNames().sort().forEach(c => print(n + "." + c + " " + d.getCollection(c).estimatedDocumentCount()));
      });'
  if command -v kcat >/dev/null; then
    # every partition's end offset, summed per topic (the local stack creates topics with 3 partitions)
    kcat -b localhost:9092 -L 2>/dev/null | sed -n 's/^  topic "\(jingban[^"]*\)" with \([0-9]*\) partitions.*/\1 \2/p' | sort |
      while read -r topic partitions; do
        args=(); for ((p = 0; p < partitions; p++)); do args+=(-t "$topic:$p:-1"); done
        kcat -b localhost:9092 -Q "${args[@]}" 2>/dev/null | awk -v t="$topic" '/ offset / { sum += $NF } END { print "topic " t " " sum + 0 }'
      done
  fi
}

# counts once the services have caught up (twice the same 10 s apart), or after QUIET_TIMEOUT seconds (default 300)
# with the names of the counts still moving in $out/moving.txt: those are compared as "after >= before" (a service
# still working through its backlog of events goes on after the restart; nothing may be lost).
quiet_counts() {
  local previous="" current deadline=$((SECONDS + ${QUIET_TIMEOUT:-300}))
  : >"$out/moving.txt"
  while true; do
    current=$(counts)
    [ "$current" = "$previous" ] && { echo "$current"; return; }
    if [ $SECONDS -ge $deadline ] && [ -n "$previous" ]; then
      diff <(echo "$previous") <(echo "$current") | sed -n 's/^> \([^ ]* [^ ]*\) .*/\1/p; s/^> \([^ ]*\) [0-9]*$/\1/p' >"$out/moving.txt" || true
      echo "$current"; return
    fi
    previous=$current
    sleep 10
  done
}

echo "== start (${UP_ARGS:-no options})"
start_stack first
echo "healthy in ${healthy}s; infrastructure heap $(infra_heap)"
if [ "$persons" -gt 0 ]; then
  echo "== load $persons persons"
  load_started=$SECONDS
  ./mvnw -B -ntp -o -q -Pbenchmarks -pl benchmarks gatling:test -Dgatling.simulationClass=org.jingban.benchmarks.PersonsLoader \
    -Dload.persons="$persons" -Dload.concurrency="${LOAD_CONCURRENCY:-8}" >"$out/load.log" 2>&1 || true
  grep -E '^summary|first failures' "$out/load.log" || { echo "the loader failed: see $out/load.log" >&2; }
  echo "loaded in $((SECONDS - load_started))s"
fi
quiet_counts >"$out/counts-before.txt"
heap_loaded=$(infra_heap)
persons_now=$(sed -n 's/^jingban_enrollment.insured_persons //p' "$out/counts-before.txt")
echo "persons in the store: ${persons_now:-0}; infrastructure heap after the load $heap_loaded"

echo "== stop (${stop_mode})"
echo "stopped in $(stop_stack)s; data directory $(du -sh "$data" | cut -f1) (store file $(du -h "$data/mongo.h2" | cut -f1), Kafka $(du -sh "$data/kafka" | cut -f1))"

echo "== start again"
start_stack second
second=$healthy
heap_started=$(infra_heap)
counts >"$out/counts-after.txt"
echo "healthy in ${second}s; infrastructure heap $heap_started"
stop_mode=term stop_stack >/dev/null

# equal, or for a count still moving before the stop, not smaller after it
if awk 'NR == FNR { moving[$0] = 1; next }
        FILENAME ~ /before/ { key = $1 (NF == 3 ? " " $2 : ""); before[key] = $NF; next }
        { key = $1 (NF == 3 ? " " $2 : ""); after[key] = $NF }
        END { bad = 0
              for (k in before) {
                if (!(k in after)) { print "missing after the restart: " k; bad = 1 }
                else if (k in moving) { if (after[k] < before[k]) { print "lost: " k " " before[k] " -> " after[k]; bad = 1 }
                                        else print "still moving (not lost): " k " " before[k] " -> " after[k] }
                else if (after[k] != before[k]) { print "differs: " k " " before[k] " -> " after[k]; bad = 1 } }
              exit bad }' "$out/moving.txt" "$out/counts-before.txt" "$out/counts-after.txt" >"$out/counts.diff"; then
  cat "$out/counts.diff"
  echo "RESULT: ${persons_now:-0} persons; nothing lost: $(wc -l <"$out/counts-before.txt") collections and topics counted, $(grep -c 'still moving' "$out/counts.diff" || true) still being processed; restart healthy in ${second}s"
else
  echo "RESULT: counts differ after the restart:" >&2
  cat "$out/counts.diff" >&2
  exit 1
fi
