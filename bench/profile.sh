#!/usr/bin/env bash
# Profiles the posting loop: publishes the app in Release, serves it on 127.0.0.1 over a fresh database with the
# starting content, runs bench/post.lua with wrk and records a sampled trace of the server with dotnet-trace
# meanwhile; then prints the methods that held the most samples on the request threads. See docs/benchmarks.md.
#
#   bench/profile.sh                          # 20 s of posting, 32 connections, trace and summary in bench/traces/
#   bench/profile.sh --duration 30s --connections 8 --out /tmp/trace
set -euo pipefail
cd "$(dirname "$0")/.."

duration=20s connections=32 threads=2 out=bench/traces
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: bench/profile.sh [--duration 20s] [--connections 32] [--out bench/traces]" >&2; exit 2 ;;
  esac
done

trace_tool=.tools/trace/dotnet-trace
[ -x "$trace_tool" ] || dotnet tool install dotnet-trace --version 10.0.750501 --tool-path .tools/trace >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d /tmp/librarian-profile.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }; rm -rf "$work"; }
trap cleanup EXIT

echo "== publishing (Release)"
dotnet publish src/LibrarianExercises.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

# The server itself, not a shell around it, so that dotnet-trace can attach to its process id.
cd "$work/app"
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Site__PublicUrl="$base" dotnet LibrarianExercises.Web.dll \
  "--ConnectionStrings:Library=Data Source=$work/profile.db" \
  --Responses:RateLimitPermits=1000000 --Responses:ClientRateLimitPermits=1000000 \
  --Responses:HeldPerClientPerDay=100000 --Responses:MinimumFormAge=00:00:00 \
  "--Serilog:WriteTo:0:Args:configure:1:Args:path=$work/logs/log-.txt" >"$work/server.out" 2>&1 &
server_pid=$!
cd - >/dev/null
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" = 200 ] && break
  sleep 0.05
done

echo "== warming up"
BENCH_POST_EXERCISE=42 BENCH_SECONDS=5 wrk -t"$threads" -c"$connections" -d5s -s bench/post.lua "$base" >/dev/null

mkdir -p "$out"
stamp=$(date -u +%Y%m%d-%H%M%S)
trace="$out/posting-$stamp.nettrace"
echo "== tracing $duration of posting"
seconds=${duration%s}
"$trace_tool" collect -p "$server_pid" --profile dotnet-sampled-thread-time --format Speedscope \
  --duration "00:00:00:$(printf '%02d' "$((seconds + 2))")" -o "$trace" >"$work/trace.out" 2>&1 &
trace_pid=$!
sleep 2
BENCH_POST_EXERCISE=42 BENCH_SECONDS=$seconds wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/post.lua "$base" | tee "$out/posting-$stamp.wrk.txt"
wait "$trace_pid" || { cat "$work/trace.out" >&2; exit 1; }
python3 bench/speedscope-top.py "${trace%.nettrace}.speedscope.json" | tee "$out/posting-$stamp.top.txt"
