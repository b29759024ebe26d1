#!/usr/bin/env bash
# Peak memory of the real daemon (Release build, its own process) while it fans one large post out to a large list
# (outside CI). The roster is imported with the daemon stopped, so the import's garbage is not in the daemon; then
# the daemon starts, the post is sent with swaks, and the daemon's kernel peak (VmHWM) and RSS samples are read from
# /proc until the delivery queue is empty. Delivery goes to Postfix's smtp-sink as smarthost.
#   MEMBERS (50000)  SIZE bytes of the post (10000000)  VERP on|off (off: 50,000 x 10 MB with VERP is 500 GB)
# Prints one line: members, size, peak (VmHWM) from the 250 to the end, idle RSS before the post, time to last.
# BEFORE_POST / DURING_POST: shell commands run with $DAEMON_PID set, before the post and (in the background)
# right after its 250, e.g. a dotnet-gcdump collect.
# Needs smtp-sink and swaks (apt-get install postfix swaks). Run from anywhere: bench/memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS=${MEMBERS:-50000}
SIZE=${SIZE:-10000000}
VERP=${VERP:-off}
LIST=bayern@lists.integreat.example
dotnet build -c Release src/Integreat.Lists.Daemon -v q -nologo >/dev/null
DLL=$PWD/src/Integreat.Lists.Daemon/bin/Release/net10.0/integreat-lists.dll
DIR=$(mktemp -d /tmp/il-memory-XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
SMTP_PORT=$(free_port); SINK_PORT=$(free_port)
[ "$VERP" = on ] && VERP_JSON=true || VERP_JSON=false
cat > "$DIR/config.json" <<JSON
{ "Smtp": { "Listen": ["127.0.0.1:$SMTP_PORT"], "MaxMessageSizeKiB": $((SIZE / 512)) },
  "Storage": { "Directory": "$DIR/data" },
  "Delivery": { "SmartHost": "127.0.0.1:$SINK_PORT", "PickupDirectory": "", "Verp": $VERP_JSON },
  "Web": { "Listen": "" },
  "Logging": { "LogLevel": { "Default": "Warning" } } }
JSON
SINK_USER=(); [ "$(id -u)" = 0 ] && SINK_USER=(-u nobody)
cleanup() {
  [ -n "${DAEMON_PID:-}" ] && kill -TERM "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null || true
  [ -n "${SINK_PID:-}" ] && kill "$SINK_PID" 2>/dev/null || true
  rm -rf "$DIR"
}
trap cleanup EXIT
smtp-sink "${SINK_USER[@]}" 127.0.0.1:"$SINK_PORT" 1000 & SINK_PID=$!
start_daemon() {
  setsid dotnet "$DLL" serve --config "$DIR/config.json" > "$DIR/daemon.log" 2>&1 & DAEMON_PID=$!
  for _ in $(seq 240); do grep -q "SMTP listening" "$DIR/daemon.log" && break; sleep 0.5; done
}
# A first start creates the state lists; the roster is imported while no daemon runs (the CLI then opens the store
# itself), so the import's garbage is not in the measured daemon.
start_daemon; kill -TERM "$DAEMON_PID"; wait "$DAEMON_PID" || true
{ echo "address,name"; seq 0 $((MEMBERS - 1)) | awk '{printf "m%05d@example.org,Mitglied %05d\n", $1, $1}'; } > "$DIR/roster.csv"
dotnet "$DLL" members import "$LIST" "$DIR/roster.csv" --config "$DIR/config.json" >/dev/null
dotnet "$DLL" lists set "$LIST" --max-size-kib 0 --nonmember-action accept --config "$DIR/config.json" >/dev/null
start_daemon
status() { awk -v k="$1" '$1 == k":" {print int($2 / 1024)}' /proc/"$DAEMON_PID"/status; }
idle=$(status VmRSS)
if [ -n "${BEFORE_POST:-}" ]; then DAEMON_PID=$DAEMON_PID bash -c "$BEFORE_POST"; fi
echo 5 > /proc/"$DAEMON_PID"/clear_refs   # resets VmHWM to the current RSS
python3 - "$SIZE" > "$DIR/body.txt" <<'PY'
import sys
n = int(sys.argv[1]); line = "Foerdermittel fuer Integreat in Bayern und Hessen, Protokoll des Netzwerktreffens. " * 1
line = (line * 2)[:76] + "\r\n"
sys.stdout.write(line * (n // len(line)))
PY
start=$(date +%s.%N)
swaks --silent 2 --server 127.0.0.1:"$SMTP_PORT" --from m00000@example.org --to "$LIST" \
      --header "Subject: Grosse Anlage" --body @"$DIR/body.txt" >/dev/null
accepted=$(date +%s.%N)
if [ -n "${DURING_POST:-}" ]; then DAEMON_PID=$DAEMON_PID bash -c "$DURING_POST" & fi
max_rss=0
while :; do
  rss=$(status VmRSS); [ "$rss" -gt "$max_rss" ] && max_rss=$rss
  left=$(dotnet "$DLL" status --config "$DIR/config.json" 2>/dev/null | awk '/^(in|delivery|jobs|deferred)/ {s+=$NF} END {print s+0}')
  pending=$(find "$DIR/data" -path '*spool/in/*' -type f | wc -l)
  [ "$pending" = 0 ] && [ "$left" = 0 ] && [ -z "$(find "$DIR/data" -path '*outgoing*' -type f -name '*.eml' 2>/dev/null)" ] && break
  sleep 1
done
end=$(date +%s.%N)
peak=$(status VmHWM)
printf 'members=%s size=%s verp=%s peak_rss=%sMB sampled_max_rss=%sMB idle_rss=%sMB accept=%.1fs last=%.1fs load=%s\n' \
  "$MEMBERS" "$SIZE" "$VERP" "$peak" "$max_rss" "$idle" "$(echo "$accepted - $start" | bc)" "$(echo "$end - $accepted" | bc)" \
  "$(cut -d' ' -f1 /proc/loadavg)"
