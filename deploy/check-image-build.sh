#!/usr/bin/env bash
# Runs the Dockerfile's steps without a Docker engine and smoke-tests the result; exit 0 when all passed.
#  1. Build stage: copies what its COPY lines name (tracked files only, as .dockerignore leaves them) to a scratch
#     /src and runs its `RUN dotnet publish …` line there, with /app moved to a scratch directory.
#  2. Final stage: starts the published `integreat-lists serve` with the image's ENV (/data moved to a scratch
#     directory, ports 25/8025 to free loopback ports), as uid 10025 like USER lists when run as root, then checks
#     the HEALTHCHECK command, /healthz, /readyz and a SIGTERM stop with exit code 0.
# Usage: deploy/check-image-build.sh   (needs the .NET SDK, curl, python3; takes about a minute)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$work/serve.log" ] && tail -20 "$work/serve.log" >&2; exit 1; }
stage() { awk -v n="$1" '/^FROM /{s++} s==n' "$repo/Dockerfile"; }

# 1. The build stage.
mkdir -p "$work/src"
while read -r _ line; do
  read -ra parts <<<"$line"
  dest=${parts[-1]}
  for src in "${parts[@]:0:${#parts[@]}-1}"; do
    [ "$dest" = "./" ] || [ "${dest%/}" = "${src%/}" ] || fail "COPY $src $dest: this script only knows COPY to ./ or to the same path"
    git -C "$repo" ls-files -z -- "$src" | (cd "$repo" && tar --null -T - -cf -) | tar -xf - -C "$work/src"
  done
done < <(stage 1 | grep '^COPY ')
publish=$(stage 1 | grep '^RUN dotnet publish' | sed 's/^RUN //; s# -o /app# -o '"$work"'/app#')
[ -n "$publish" ] || fail "no 'RUN dotnet publish' line in the build stage"
echo "build: $publish"
(cd "$work/src" && eval "$publish") >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log"; fail "dotnet publish"; }
[ -x "$work/app/integreat-lists" ] || fail "no /app/integreat-lists after publish"

# 2. The final stage's ENV, with scratch paths and free ports.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
smtp=$(free_port); web=$(free_port)
mkdir -p "$work/data"
envs=$(stage 2 | awk '/^ENV /{on=1} on{print} on && !/\\$/{on=0}' | sed 's/^ENV //; s/\\$//' | tr -s ' \t' '\n' | grep '=')
declare -a environment=()
while read -r pair; do
  pair=${pair//\/data/$work\/data}
  pair=${pair//0.0.0.0:25/127.0.0.1:$smtp}
  pair=${pair//0.0.0.0:8025/127.0.0.1:$web}
  environment+=("$pair")
done <<<"$envs"
# A clean environment as in the container (no INTEGREAT_LISTS_* of the caller's shell); HOME is the user's /data.
run=(env -i "PATH=$PATH" "HOME=$work/data" ${DOTNET_ROOT:+"DOTNET_ROOT=$DOTNET_ROOT"} "${environment[@]}")
if [ "$(id -u)" -eq 0 ]; then
  chmod 755 "$work"; chown -R 10025:10025 "$work/data"
  run+=(setpriv --reuid 10025 --regid 10025 --clear-groups)
fi
echo "run:   ${environment[*]}"
(cd "$work/data" && exec "${run[@]}" "$work/app/integreat-lists" serve) >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  grep -q "web listening" "$work/serve.log" && break
  kill -0 "$pid" 2>/dev/null || fail "the daemon exited at start"
  sleep 0.5
done
grep -q "SMTP listening on 127.0.0.1:$smtp" "$work/serve.log" || fail "no 'SMTP listening' within 60 s"

healthcheck=$(stage 2 | sed -n 's/.*HEALTHCHECK.*CMD \["\/app\/integreat-lists", "\([a-z]*\)"\].*/\1/p')
[ "$healthcheck" = "healthcheck" ] || fail "the HEALTHCHECK is not [\"/app/integreat-lists\", \"healthcheck\"]"
(cd "$work/data" && "${run[@]}" "$work/app/integreat-lists" healthcheck) || fail "HEALTHCHECK command"
curl -fsS "http://127.0.0.1:$web/healthz" >/dev/null || fail "/healthz"
curl -fsS "http://127.0.0.1:$web/readyz" >/dev/null || fail "/readyz"

kill -TERM "$pid"
status=0; wait "$pid" || status=$?
pid=""
[ "$status" -eq 0 ] || fail "exit code $status after SIGTERM"
echo "ok: published as the Dockerfile says, started with the image's environment, healthy, stopped cleanly"
