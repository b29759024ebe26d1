#!/usr/bin/env bash
# Runs the configurations of bench/README.md, each REPEAT times (default 3), every run only once the machine is
# quiet (other processes below 15% of one core for 2 s; gives up waiting after 10 minutes and runs anyway).
# A run during which other processes took more than 25% of one core (other_cpu=POST%/CEILING%) is kept in the
# output marked "# noisy:" and repeated, up to 4 times.
# Result lines go to stdout and bench/results/table-DATE.txt; each run's details (stderr) to bench/results/*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
REPEAT=${REPEAT:-3}
dotnet build -c Release bench/Integreat.Lists.Bench -v q -nologo >/dev/null
BIN=bench/Integreat.Lists.Bench/bin/Release/net10.0/integreat-lists-bench.dll
mkdir -p bench/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT=bench/results/table-$STAMP.txt

busy() { local l; read -r -a l < /proc/stat; echo $((l[1] + l[2] + l[3] + l[6] + l[7] + l[8])); }
quiet() {
  local i a b
  for i in $(seq 300); do
    a=$(busy); sleep 2; b=$(busy)
    # jiffies (1/100 s) in 2 s: 30 = 15% of one core
    if [ $((b - a)) -lt 30 ]; then return 0; fi
  done
  echo "# the machine was never quiet; running anyway" >&2
}

CONFIGS=(
  "--members 1000 --size 20000 --verp on --sink smtp-sink"
  "--members 1000 --size 20000 --verp off --sink smtp-sink"
  "--members 10000 --size 20000 --verp on --sink smtp-sink"
  "--members 10000 --size 20000 --verp off --sink smtp-sink"
  "--members 10000 --size 20000 --verp on --sink inproc"
  "--members 50000 --size 20000 --verp off --sink smtp-sink"
  "--members 1000 --size 20000 --verp on --sink smtp-sink --warmup 20000"
  "--members 10000 --size 20000 --verp on --sink smtp-sink --warmup 20000"
  "--members 10000 --size 20000 --verp off --sink smtp-sink --warmup 20000"
  # Per-member copies (web on is the default above): identical copies, and one-click copies DKIM-signed each.
  "--members 10000 --size 20000 --verp on --sink smtp-sink --web off"
  "--members 10000 --size 20000 --verp on --sink smtp-sink --dkim on"
  "--members 10000 --size 20000 --verp on --sink smtp-sink --web off --warmup 20000"
  "--members 10000 --size 20000 --verp on --sink smtp-sink --dkim on --warmup 20000"
)
if [ $# -gt 0 ]; then CONFIGS=("$@"); fi

noisy() {
  local o
  o=$(echo "$1" | sed -n 's/.*other_cpu=\(-\{0,1\}[0-9]*\)%\/\(-\{0,1\}[0-9]*\)%.*/\1 \2/p')
  [ -n "$o" ] || return 1
  set -- $o
  [ "$1" -gt 25 ] || [ "$2" -gt 25 ]
}

for config in "${CONFIGS[@]}"; do
  for run in $(seq "$REPEAT"); do
    for attempt in 1 2 3 4 5; do
      quiet
      log=bench/results/$STAMP-$(echo "$config" | tr -d ' -' | tr '=' '_')-$run-$attempt.log
      echo "\$ dotnet run -c Release --project bench/Integreat.Lists.Bench -- $config" > "$log"
      # shellcheck disable=SC2086
      line=$(dotnet "$BIN" $config 2>>"$log") || true
      echo "$line" >> "$log"
      if noisy "$line" && [ "$attempt" -lt 5 ]; then echo "# noisy: $line" | tee -a "$OUT"; continue; fi
      echo "$line" | tee -a "$OUT"
      break
    done
  done
done
echo "# results in $OUT"
