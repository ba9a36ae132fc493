#!/usr/bin/env bash
# The benchmark: publishes the app in Release, serves it on 127.0.0.1 over a fresh database, and measures pages and
# posting with wrk, each page interleaved with a static file of the page's size served by the same app, so that
# ratios taken in one run hold on a shared machine. See docs/benchmarks.md.
#
#   bench/run.sh                      # starting content, then the large database (10,000 exercises, 1,000,000 responses)
#   bench/run.sh --only small         # starting content only
#   bench/run.sh --duration 3s --windows 1 --connections 8 --only small --smoke   # a quick run that checks accepted = stored
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10s windows=5 connections=32 threads=2 only="" smoke=false
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --windows) windows=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --smoke) smoke=true; shift ;;
    *) echo "usage: bench/run.sh [--duration 10s] [--windows 5] [--connections 32] [--only small|large] [--smoke]" >&2; exit 2 ;;
  esac
done

need() { command -v "$1" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need sqlite3 sqlite3
need curl curl

work=$(mktemp -d /tmp/librarian-bench.XXXXXX)
server_pid=""
cleanup() { [ -n "$server_pid" ] && stop_server; rm -rf "$work"; }
trap cleanup EXIT

echo "== publishing (Release)"
dotnet publish src/LibrarianExercises.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
mkdir -p "$work/reference"
# A free port on the loopback interface.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

start_server() { # $1 database file; sets server_pid, and startup_ms to the milliseconds until the first 200 of /
  local started=$(date +%s%N)
  # From its own folder, as a deployment runs it: the content root (appsettings.json) is the working directory.
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Site__PublicUrl="$base" dotnet LibrarianExercises.Web.dll \
    "--ConnectionStrings:Library=Data Source=$1" \
    --Responses:RateLimitPermits=1000000 --Responses:ClientRateLimitPermits=1000000 \
    --Responses:HeldPerClientPerDay=100000 --Responses:MinimumFormAge=00:00:00 \
    "--Benchmark:ReferenceFolder=$work/reference" "--Serilog:WriteTo:0:Args:configure:1:Args:path=$work/logs/log-.txt" \
    >"$work/server.out" 2>&1) &
  server_pid=$!
  for _ in $(seq 1 600); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/" || true)" = 200 ]; then
      startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
      return 0
    fi
    sleep 0.05
  done
  echo "the server did not answer; its output:" >&2; cat "$work/server.out" >&2; exit 1
}

wait_rendered() { # $1 database file: until the server has rendered, in the background, the rows written without HTML (the generator's)
  local started left waited=false
  started=$(date +%s)
  while left=$(sqlite3 "$1" "SELECT (SELECT COUNT(*) FROM Responses WHERE BodyHtml IS NULL) + (SELECT COUNT(*) FROM Exercises WHERE BodyHtml IS NULL);") && [ "$left" -gt 0 ]; do
    waited=true
    sleep 1
  done
  if $waited; then echo "   stored HTML rendered by the server in $(( $(date +%s) - started )) s"; fi
}

stop_server() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

post_response() { # $1 exercise number: one response posted as a browser would
  local jar="$work/jar" page
  page=$(curl -s -c "$jar" "$base/exercises/$1")
  local token form_token
  token=$(grep -o 'name="__RequestVerificationToken" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
  form_token=$(grep -o 'name="Form.FormToken" value="[^"]*"' <<<"$page" | sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -w '%{http_code}' -b "$jar" \
    --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Form.FormToken=$form_token" \
    --data-urlencode "Form.DisplayName=Ana Librarian" --data-urlencode "Form.Organisation=Lagos Public Library" \
    --data-urlencode "Form.Text=We met the museum's education officer and the head of the primary school next door. We now plan a joint reading week in May, with the archive lending old maps of the town. It took more than ten minutes, but it started with one e-mail." \
    "$base/exercises/$1/responses"
}

# wrk's summary as "rps p50_ms p99_ms" for one path, over $2 (the whole duration by default).
measure() {
  local out
  out=$(wrk -t"$threads" -c"$connections" -d"${2:-$duration}" --latency "$base$1")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}

# A page against the reference, in alternation: the duration is cut into windows, each window of the page measured
# right after one of the reference, and the page's ratio is the median of the windows' ratios. One pair of long
# windows took the ratio from whatever the machine did in those two minutes: the reference alone moved by a quarter
# within a run. Prints "rps p50_ms p99_ms reference_rps ratio worst_p99_ms": rates averaged over the windows, the
# windows' median p50 and p99, and the worst window's p99 (a pause of the machine shows there).
measure_page() { # $1 the page's path, $2 its reference's path
  local window=$(( ${duration%s} / windows )) i ref rps p50 p99 lines=""
  [ "$window" -ge 1 ] || window=1
  for i in $(seq 1 "$windows"); do
    read -r ref _ _ <<<"$(measure "$2" "${window}s")"
    read -r rps p50 p99 <<<"$(measure "$1" "${window}s")"
    lines+="$rps $p50 $p99 $ref"$'\n'
    echo "      window $i at $(date -u +%H:%M:%S): static $ref req/s, page $rps req/s, p99 $p99 ms" >&2
  done
  awk 'NF == 4 { n++; rps += $1; ref += $4; p50[n] = $2; p99[n] = $3; ratio[n] = $1 / $4; if ($3 > worst) worst = $3 }
    function median(a, n,   i, j, t) { for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
    END { printf "%.0f %.2f %.2f %.0f %.3f %.2f\n", rps / n, median(p50, n), median(p99, n), ref / n, median(ratio, n), worst }' <<<"$lines"
}

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

# A warm-up, discarded: a server just started still compiles its code paths to their final form and fills its caches
# during its first seconds under load, so the first window measured (the reference, right after start) read a third
# of the rate of later ones and skewed the first ratio. Every measured path, its reference and the posting loop run
# briefly before anything is measured; the posts go to #21, so that neither the measured #89 nor #42's count changes.
# Posting runs longest: its code paths (the update pipeline, the group commit) are not the pages', and after 3 s of
# posts the first seconds measured still cost a third more server time per post than the later ones.
warm_up() {
  local path
  BENCH_POST_EXERCISE=21 BENCH_SECONDS=10 wrk -t"$threads" -c"$connections" -d10s -s bench/post.lua "$base" >/dev/null
  # After the posts, whose commits evict the lists: every measured page is in the cache when its first window starts.
  for path in "${pages[@]}" "${references[@]}"; do
    wrk -t"$threads" -c"$connections" -d2s "$base$path" >/dev/null
  done
}

declare -A results
references=()
pages=("/exercises/89" "/tags/community-engagement" "/strategy" "/strategy/3.2" "/exercises" "/")

# Every public page type of the starting content, in a few languages: what a browser downloads for each (the page,
# then the stylesheet and script it links), compressed as a browser asks, against the 30 KB budget.
weighed=("/" "/exercises" "/exercises/89" "/fr/exercises/89" "/ar/exercises/89" "/tags" "/tags/community-engagement"
  "/strategy" "/ru/strategy" "/strategy/3.2" "/search?q=partner" "/account/login" "/api/reference" "/de/api/reference" "/feed")
budget=$((30 * 1024))
weigh_pages() { # prints one line per page; returns 1 when one is over the budget
  local path bytes total asset over=0
  for path in "${weighed[@]}"; do
    # As a browser opening the page asks (a feed opened this way is a page too).
    local browser=(-H "Accept-Encoding: gzip, deflate, br, zstd" -H "Sec-Fetch-Mode: navigate" -H "Sec-Fetch-Dest: document")
    bytes=$(curl -sf -o /dev/null -w "%{size_download}" "${browser[@]}" "$base$path")
    total=$bytes
    for asset in $(curl -sf --compressed "${browser[@]}" "$base$path" | grep -oE '<(link rel="stylesheet" href|script src)="/[^"]+"' | sed -E 's/.*="([^"]+)"/\1/' | sort -u); do
      total=$((total + $(curl -sf -o /dev/null -w "%{size_download}" -H "Accept-Encoding: gzip, deflate, br, zstd" "$base$asset")))
    done
    printf '   %-28s page %6d B, with stylesheet and script %6d B%s\n' "$path" "$bytes" "$total" "$([ "$total" -gt "$budget" ] && echo "  OVER THE BUDGET")"
    [ "$total" -le "$budget" ] || over=1
  done
  return $over
}

run_set() { # $1 name, $2 database file
  local name=$1 db=$2
  echo "== $name: starting"
  start_server "$db"
  wait_rendered "$db"
  if [ "$name" = small ]; then
    echo "== page weight (at most $budget bytes transferred per page)"
    weigh_pages || weight_status=1
  fi
  local have
  have=$(sqlite3 "$db" "SELECT COUNT(*) FROM Responses r JOIN Exercises e ON e.Id = r.ExerciseId WHERE e.Number = 89 AND r.Status = 'Published';")
  for _ in $(seq $((have + 1)) 20); do post_response 89 >/dev/null; done
  # Each page's reference: a copy of the page itself, as a plain file of the same size. A list page shows three
  # exercises on the starting content and twenty on the large database, four times the bytes: a reference of one
  # size for every page would have compared the two sets' bytes as well as their work.
  references=()
  local i
  for i in "${!pages[@]}"; do
    curl -sf "$base${pages[$i]}" >"$work/reference/page-$i.html"
    references+=("/benchmark-reference/page-$i.html")
  done
  warm_up
  for i in "${!pages[@]}"; do
    path=${pages[$i]}
    read -r rps p50 p99 ref_rps ratio worst <<<"$(measure_page "$path" "${references[$i]}")"
    results["$name|$path"]="$rps $p50 $p99 $ref_rps $ratio $worst"
    echo "   $path: $rps req/s (static $ref_rps; median ratio of $windows windows $ratio), p50 $p50 ms, p99 $p99 ms (worst window $worst ms)"
  done

  local before after out posted seconds
  before=$(sqlite3 "$db" "SELECT COUNT(*) FROM Responses r JOIN Exercises e ON e.Id = r.ExerciseId WHERE e.Number = 42;")
  # Posting's reference is the exercise page's, pages[0] (the posts' page loads are of an exercise page).
  read -r ref_rps _ _ <<<"$(measure "${references[0]}")"
  out=$(BENCH_POST_EXERCISE=42 BENCH_SECONDS=${duration%s} wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/post.lua "$base")
  posted=$(awk '/^POSTED/ {print $2}' <<<"$out")
  # Over the part of the run in which posts were sent: the last second only loads pages (see bench/post.lua).
  seconds=$(awk '/^POSTING_SECONDS/ {print $2}' <<<"$out")
  after=$(sqlite3 "$db" "SELECT COUNT(*) FROM Responses r JOIN Exercises e ON e.Id = r.ExerciseId WHERE e.Number = 42;")
  local p50 p99
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
  local post_rate
  post_rate=$(awk -v p="$posted" -v s="$seconds" 'BEGIN { printf "%.0f", (s > 0 ? p / s : 0) }')
  results["$name|POST"]="$post_rate $p50 $p99 $ref_rps $(awk -v p="$post_rate" -v r="$ref_rps" 'BEGIN { printf "%.3f", p / r }') $p99"
  results["$name|stored"]="$posted $((after - before))"
  echo "   posting: $post_rate accepted/s (page loads and posts alternate; latency over both), accepted $posted, refused $(awk '/^REFUSED/ {print $2}' <<<"$out"), page loads $(awk '/^PAGES/ {print $2}' <<<"$out"), stored $((after - before))"
  results["$name|memory"]=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' "/proc/$server_pid/status")
  stop_server
  start_server "$db"
  results["$name|startup"]=$startup_ms
  stop_server
}

fresh() { # a database migrated and seeded by the app itself
  local db="$work/$1.db"
  start_server "$db"
  stop_server
}

sets=()
if [ "$only" != large ]; then
  fresh small; run_set small "$work/small.db"; sets+=(small)
fi
if [ "$only" != small ]; then
  fresh large; large="$work/large.db"
  echo "== generating the large database"
  gen_started=$(date +%s)
  # The search index's triggers call functions only the app gives its connections (see the SearchIndex migration), so
  # they are set aside while the generator writes and put back as they were: the generated rows are not searchable,
  # and search is not what this measures. The response counters' triggers stay and count the generated responses.
  sqlite3 "$large" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%Search%';" >"$work/search-triggers.sql"
  sqlite3 "$large" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%Search%';" | sqlite3 "$large"
  sqlite3 "$large" <bench/generate-large.sql
  sqlite3 "$large" <"$work/search-triggers.sql"
  echo "   $(sqlite3 "$large" 'SELECT COUNT(*) FROM Exercises;') exercises, $(sqlite3 "$large" 'SELECT COUNT(*) FROM Responses;') responses in $(( $(date +%s) - gen_started )) s"
  run_set large "$large"; sets+=(large)
fi

echo
echo "== results ($(date -u +%Y-%m-%d), $(nproc) cores, $connections connections, $duration per figure in $windows windows each of page and reference)"
printf '%-28s' "page"
for s in "${sets[@]}"; do printf '| %-52s' "$s: req/s (×static) p50 / p99 (worst window) ms"; done
echo
for path in "${pages[@]}" POST; do
  printf '%-28s' "$([ "$path" = POST ] && echo 'POST a response' || echo "$path")"
  for s in "${sets[@]}"; do
    read -r rps p50 p99 ref ratio worst <<<"${results[$s|$path]}"
    printf '| %-52s' "$(awk -v r="$rps" -v x="$ratio" -v a="$p50" -v b="$p99" -v w="$worst" 'BEGIN { printf "%8.0f (%.2f) %7.2f / %7.2f (%.1f)", r, x, a, b, w }')"
  done
  echo
done
if [ "${#sets[@]}" = 2 ]; then
  # The large database against the starting content, page by page: by requests per second, and by the ratios to the
  # static file, which take out how fast the machine was in each set's minutes.
  echo
  echo "== large ÷ small: by req/s, and by ×static"
  for path in "${pages[@]}" POST; do
    read -r small_rps _ _ _ small_ratio <<<"${results[small|$path]}"
    read -r large_rps _ _ _ large_ratio <<<"${results[large|$path]}"
    printf '%-28s %s\n' "$([ "$path" = POST ] && echo 'POST a response' || echo "$path")" \
      "$(awk -v a="$small_rps" -v b="$large_rps" -v x="$small_ratio" -v y="$large_ratio" 'BEGIN { printf "%4.0f %%   %4.0f %%", 100 * b / a, 100 * y / x }')"
  done
fi
status=${weight_status:-0}
[ "$status" = 0 ] || echo "a page is over its weight budget (see page weight above)" >&2
for s in "${sets[@]}"; do
  read -r accepted stored <<<"${results[$s|stored]}"
  echo "$s: accepted $accepted, stored $stored; peak memory ${results[$s|memory]} MB; start to first 200 on an existing database ${results[$s|startup]} ms"
  [ "$accepted" = "$stored" ] || { echo "accepted and stored differ" >&2; status=1; }
  if $smoke && [ "$accepted" -lt 1 ]; then echo "nothing was posted" >&2; status=1; fi
done
exit $status
