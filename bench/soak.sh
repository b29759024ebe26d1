#!/usr/bin/env bash
# Soak test (outside CI): the real daemon (Release build, its own process) for DURATION seconds (default 1200 = 20 min),
# posting continuously with smtp-source (SESSIONS parallel sessions, SIZE-byte posts) to a list of MEMBERS members,
# delivering to Postfix's smtp-sink as smarthost while faults are injected in a 60 s cycle:
#   0-15 s   smarthost down (refused connections)
#   15-30 s  smarthost answers RCPT with 4xx (deferrals, retried after Delivery:FirstRetryDelay = 30 s here)
#   30-45 s  smarthost sends 421 and hangs up after DATA's final dot (lost transactions, retried)
#   45-60 s  healthy
# Then posting stops, the sink stays healthy for DRAIN seconds (default 180) and the daemon is stopped with SIGTERM.
# Every 10 s the daemon's RSS, open file descriptors and threads go to bench/results/soak-STAMP.csv; the summary
# (first/last/max, posts accepted, deliveries) is printed and appended to the CSV as comments.
# Needs smtp-sink and smtp-source (apt-get install postfix). Run from anywhere: bench/soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-1200}
DRAIN=${DRAIN:-180}
MEMBERS=${MEMBERS:-100}
SESSIONS=${SESSIONS:-2}
SIZE=${SIZE:-20000}
LIST=bayern@lists.integreat.example
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
CSV=bench/results/soak-$STAMP.csv
mkdir -p bench/results
dotnet build -c Release src/Integreat.Lists.Daemon -v q -nologo >/dev/null
DLL=$PWD/src/Integreat.Lists.Daemon/bin/Release/net10.0/integreat-lists.dll
DIR=$(mktemp -d /tmp/il-soak-XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
SMTP_PORT=$(free_port); SINK_PORT=$(free_port)
cat > "$DIR/config.json" <<JSON
{ "Smtp": { "Listen": ["127.0.0.1:$SMTP_PORT"], "MaxConnectionsPerAddress": 50 },
  "Storage": { "Directory": "$DIR/data" },
  "Delivery": { "SmartHost": "127.0.0.1:$SINK_PORT", "FirstRetryDelay": "00:00:30", "MaxRetryDelay": "00:02:00", "PickupDirectory": "" },
  "Web": { "Listen": "http://127.0.0.1:0" } }
JSON
SINK_USER=(); [ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
SINK_PID=
sink() { # sink [smtp-sink fault options...]
  [ -n "$SINK_PID" ] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null || true
  SINK_PID=
  if [ "${1:-}" = down ]; then return; fi
  smtp-sink "${SINK_USER[@]}" "$@" 127.0.0.1:"$SINK_PORT" 1000 & SINK_PID=$!
}
cleanup() {
  kill "${POSTER_PID:-}" "${FAULT_PID:-}" 2>/dev/null || true
  [ -n "${DAEMON_PID:-}" ] && kill -TERM "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null || true
  sink down
  rm -rf "$DIR"
}
trap cleanup EXIT
sink
setsid dotnet "$DLL" serve --config "$DIR/config.json" > "$DIR/daemon.log" 2>&1 & DAEMON_PID=$!
for _ in $(seq 120); do grep -q "SMTP listening" "$DIR/daemon.log" && break; sleep 0.5; done
dotnet "$DLL" members add "$LIST" $(seq -f "m%03g@example.org" 0 $((MEMBERS - 1))) --config "$DIR/config.json" >/dev/null

sample() {
  local rss fds threads
  rss=$(awk '/VmRSS/ {print $2}' /proc/"$DAEMON_PID"/status)
  fds=$(ls /proc/"$DAEMON_PID"/fd | wc -l)
  threads=$(awk '/Threads/ {print $2}' /proc/"$DAEMON_PID"/status)
  echo "$(( $(date +%s) - START )),$((rss / 1024)),$fds,$threads"
}
echo "seconds,rss_mb,open_fds,threads" > "$CSV"
START=$(date +%s); END=$((START + DURATION))
( while [ "$(date +%s)" -lt "$END" ]; do
    smtp-source -s "$SESSIONS" -m 20 -l "$SIZE" -S "Soak $SIZE bytes" -f m000@example.org -t "$LIST" 127.0.0.1:"$SMTP_PORT" >/dev/null 2>&1 || true
  done ) & POSTER_PID=$!
( while [ "$(date +%s)" -lt "$END" ]; do
    sink down; sleep 15; sink -r RCPT; sleep 15; sink -Q .; sleep 15; sink; sleep 15
  done ) & FAULT_PID=$!
while [ "$(date +%s)" -lt "$END" ]; do sample >> "$CSV"; sleep 10; done
wait "$POSTER_PID" "$FAULT_PID" 2>/dev/null || true
sink
DRAIN_END=$(( $(date +%s) + DRAIN ))
while [ "$(date +%s)" -lt "$DRAIN_END" ]; do sample >> "$CSV"; sleep 10; done
sent=$(grep -c "status=sent" "$DIR/daemon.log" || true); deferred=$(grep -c "status=deferred" "$DIR/daemon.log" || true)
queue=$(dotnet "$DLL" queue list --config "$DIR/config.json" 2>&1 | tail -3 | tr '\n' ' ')
kill -TERM "$DAEMON_PID"; wait "$DAEMON_PID" 2>/dev/null || true; DAEMON_PID=
summary=$(awk -F, 'NR==2 {r0=$2; f0=$3; t0=$4} NR>1 {if ($2>rm) rm=$2; if ($3>fm) fm=$3; if ($4>tm) tm=$4; r=$2; f=$3; t=$4}
  END {printf "rss_mb first=%s last=%s max=%s; open_fds first=%s last=%s max=%s; threads first=%s last=%s max=%s", r0, r, rm, f0, f, fm, t0, t, tm}' "$CSV")
{ echo "# soak ${DURATION}s + ${DRAIN}s drain, $MEMBERS members, $SESSIONS sessions, $SIZE-byte posts, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# $summary"
  echo "# deliveries: $sent sent, $deferred deferred attempts; queue at the end: $queue"; } | tee -a "$CSV"
