#!/usr/bin/env bash
# Start-up time of the real daemon (Release build, its own process): from the process start until its log says
# "SMTP listening", REPEAT times (default 5), for the JIT settings given in the environment (e.g.
# DOTNET_TieredCompilation=0 or DOTNET_TieredPGO=0; the daemon's runtimeconfig applies otherwise). DLL= runs another
# build (e.g. a ReadyToRun publish). Prints one line: the settings, each start in ms, the median. Outside CI.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-5}
if [ -z "${DLL:-}" ]; then
  dotnet build -c Release src/Integreat.Lists.Daemon -v q -nologo >/dev/null
  DLL=$PWD/src/Integreat.Lists.Daemon/bin/Release/net10.0/integreat-lists.dll
fi
DIR=$(mktemp -d /tmp/il-startup-XXXXXX)
trap 'rm -rf "$DIR"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
cat > "$DIR/config.json" <<JSON
{ "Smtp": { "Listen": ["127.0.0.1:$(free_port)"] },
  "Storage": { "Directory": "$DIR/data" },
  "Delivery": { "SmartHost": "127.0.0.1:$(free_port)", "PickupDirectory": "" },
  "Web": { "Listen": "http://127.0.0.1:$(free_port)" },
  "Logging": { "LogLevel": { "Default": "Information" } } }
JSON
times=()
for i in $(seq 0 "$REPEAT"); do
  log="$DIR/daemon-$i.log"
  start=$(date +%s%N)
  dotnet "$DLL" serve --config "$DIR/config.json" > "$log" 2>&1 & pid=$!
  while ! grep -qs "SMTP listening" "$log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" || true
  # The first start creates the store and the state lists: not counted.
  [ "$i" -gt 0 ] && times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "startup settings=\"$(env | grep -E '^DOTNET_(Tiered|TC_|ReadyToRun)' | tr '\n' ' ')\" ms=[$sorted] median=${median}ms load=$(cut -d' ' -f1 /proc/loadavg)"
