#!/usr/bin/env bash
# Benchmarks printing: A4 posters per second and the time of a 100-offer
# board with Sportello's typst engine, side by side in the same run with
# printing the same offers' web pages to PDF with headless Chromium
# (`--print-to-pdf`), the way an operator would otherwise do it.
#
# It builds the release binary, starts `sportello demo` on a fresh SQLite
# file (400 demo offers), then, every measure pinned to CPU 0 (`taskset -c 0`):
#   1. `sportello print bench` (hidden): renders POSTERS posters of distinct
#      open offers (Italian + English, then all four languages) and one board
#      of 100 open offers, timing only the rendering (data read beforehand);
#   2. the whole command as an operator runs it, process start and database
#      included: `sportello print offer` and `sportello print board`, RUNS times;
#   3. Chromium: the offer pages of the board's 100 offers, one
#      `chromium --headless --print-to-pdf` per page, against the demo server.
# Prints a Markdown table for docs/benchmarks.md.
#
# Usage: scripts/bench-print.sh [POSTERS] [RUNS]
# Needs: taskset (util-linux), curl, pdfinfo (poppler-utils), Debian's
# chromium (installed if missing). Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
posters="${1:-200}"
runs="${2:-5}"
port=18097
base="http://127.0.0.1:$port"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sportello-target}"
chromium=/usr/bin/chromium

if [[ ! -x $chromium ]]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v pdfinfo >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
cargo build --release --locked --bin sportello >&2
bin="$CARGO_TARGET_DIR/release/sportello"

tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

db="$tmp/bench.sqlite"
SPORTELLO_LOG=warn "$bin" demo --db "$db" --addr "127.0.0.1:$port" --public-url "$base" >"$tmp/demo.log" 2>&1 & pids+=($!)
for _ in $(seq 1 300); do curl -fs "$base/healthz" >/dev/null && break; sleep 0.2; done
curl -fs "$base/healthz" >/dev/null || { echo "the demo server did not start" >&2; cat "$tmp/demo.log" >&2; exit 1; }

# 1. Rendering only, one core.
value() { # key line
  tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"
}
two=$(taskset -c 0 "$bin" print bench --db "$db" --posters "$posters" --board-offers 100 --lang it,en)
four=$(taskset -c 0 "$bin" print bench --db "$db" --posters "$posters" --board-offers 100 --lang it,en,fr,de)
poster2=$(grep '^posters=' <<<"$two")
board2=$(grep '^board_offers=' <<<"$two")
poster4=$(grep '^posters=' <<<"$four")
board4=$(grep '^board_offers=' <<<"$four")
references=$(grep '^board_references=' <<<"$two" | sed 's/^board_references=//' | tr ',' ' ')
read -r -a board_refs <<<"$references"
[[ ${#board_refs[@]} -eq 100 ]] || { echo "expected 100 offers on the board, got ${#board_refs[@]}" >&2; exit 1; }

# 2. The commands as an operator runs them (process, database, file), best of RUNS.
now() { date +%s.%N; }
best() { # command...
  local best_s="" start end s
  for _ in $(seq 1 "$runs"); do
    start=$(now); "$@" >/dev/null; end=$(now)
    s=$(echo "$end - $start" | bc -l)
    if [[ -z $best_s ]] || (($(echo "$s < $best_s" | bc -l))); then best_s=$s; fi
  done
  printf '%.3f' "$best_s"
}
ref="${board_refs[0]}"
cli_poster=$(best taskset -c 0 "$bin" print offer "$ref" --db "$db" --lang it,en --public-url "$base" --out "$tmp/poster.pdf")
cli_board=$(best taskset -c 0 "$bin" print board --centre lecce --db "$db" --lang it,en --public-url "$base" --out "$tmp/board.pdf")
lecce_offers=$(curl -fs "$base/api/v1/offers?centre=lecce&per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
board_pages=$(pdfinfo "$tmp/board.pdf" | sed -n 's/^Pages: *//p')

# 3. Chromium, one process per page as an operator's "print to PDF" would be.
chrome_flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --no-first-run --no-pdf-header-footer
  --user-data-dir="$tmp/chromium-profile")
mkdir -p "$tmp/chromium"
taskset -c 0 "$chromium" "${chrome_flags[@]}" --print-to-pdf="$tmp/chromium/warm.pdf" "$base/it/offers/$ref" >/dev/null 2>&1
start=$(now)
for r in "${board_refs[@]}"; do
  taskset -c 0 "$chromium" "${chrome_flags[@]}" --print-to-pdf="$tmp/chromium/$r.pdf" "$base/it/offers/$r" >/dev/null 2>&1
done
end=$(now)
chrome_total=$(echo "$end - $start" | bc -l)
chrome_pages=0
for r in "${board_refs[@]}"; do
  p=$(pdfinfo "$tmp/chromium/$r.pdf" | sed -n 's/^Pages: *//p')
  chrome_pages=$((chrome_pages + p))
done

ps2=$(value per_second "$poster2")
ps4=$(value per_second "$poster4")
echo
echo "| measure (one core, CPU 0) | Sportello (typst) | headless Chromium |"
echo "|---|---|---|"
printf '| posters, it+en: %s rendered (%s fit no layout) | %s s, **%s posters/s** (%.1f ms each) | %.3f s a page (%.2f pages/s) |\n' \
  "$(value posters "$poster2")" "$(value unfit "$poster2")" "$(value seconds "$poster2")" "$ps2" "$(echo "1000 / $ps2" | bc -l)" \
  "$(echo "$chrome_total / 100" | bc -l)" "$(echo "100 / $chrome_total" | bc -l)"
printf '| posters, it+en+fr+de: %s rendered (%s fit no layout) | %s s, **%s posters/s** (%.1f ms each) | — |\n' \
  "$(value posters "$poster4")" "$(value unfit "$poster4")" "$(value seconds "$poster4")" "$ps4" "$(echo "1000 / $ps4" | bc -l)"
printf '| board of the same 100 offers, it+en | **%s s** (one PDF, %s bytes) | %.1f s for the 100 offer pages (%s PDF pages) |\n' \
  "$(value seconds "$board2")" "$(value bytes "$board2")" "$chrome_total" "$chrome_pages"
printf '| board of the same 100 offers, it+en+fr+de | **%s s** (one PDF, %s bytes) | — |\n' \
  "$(value seconds "$board4")" "$(value bytes "$board4")"
printf '| `sportello print offer %s --lang it,en` (whole process, best of %s) | %s s | — |\n' "$ref" "$runs" "$cli_poster"
printf '| `sportello print board --centre lecce --lang it,en` (%s offers, %s pages; whole process, best of %s) | %s s | — |\n' \
  "$lecce_offers" "$board_pages" "$runs" "$cli_board"
