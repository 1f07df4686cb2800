#!/usr/bin/env bash
# Runs the hostile corpus (Tests/Hostile) against a built annual-report, each case in a scratch
# copy of the base edition with its own files laid over it, under a time limit.
#
#   scripts/hostile.sh BINARY [CASE...]
#
# A case passes when its command ends with the expected status, says every `says:` text, never
# shows a `never:` text (in its output or any file it wrote), keeps every `keep:` file, and the
# generic promises hold: no control characters on the terminal, and no output folder with an
# image, a remote or script reference, or an open-data cell a spreadsheet would run.
set -u
binary=$(realpath "$1")
shift
root=$(cd "$(dirname "$0")/.." && pwd)
corpus="$root/Tests/Hostile"
bin_dir=$(mktemp -d)
ln -s "$binary" "$bin_dir/annual-report"
cases=("$@")
if [ ${#cases[@]} -eq 0 ]; then
  for dir in "$corpus"/*/; do
    name=$(basename "$dir")
    [ "$name" = _base ] || cases+=("$name")
  done
fi

failed=()
for name in "${cases[@]}"; do
  case_dir="$corpus/$name"
  expect="$case_dir/expect"
  scratch=$(mktemp -d)
  cp -a "$corpus/_base/." "$scratch/"
  cp -a "$root/templates" "$scratch/templates"
  [ -d "$case_dir/edition" ] && cp -a "$case_dir/edition/." "$scratch/edition/"
  for extra in "$case_dir"/*; do
    base=$(basename "$extra")
    [ "$base" = edition ] || [ "$base" = expect ] || cp -a "$extra" "$scratch/"
  done
  field() { sed -n "s/^$1: //p" "$expect"; }
  run=$(field run)
  want_status=$(field status)
  limit=$(field limit)
  limit=${limit:-20}
  problems=()
  if [ -x "$scratch/setup" ] && ! (cd "$scratch" && ./setup > setup.log 2>&1); then
    problems+=("its setup failed: $(tail -3 "$scratch/setup.log")")
  fi
  start=$(date +%s.%N)
  (cd "$scratch" && PATH="$bin_dir:$PATH" timeout --kill-after=2 "$limit" bash -c "$run" > "$scratch/.stdout" 2> "$scratch/.stderr")
  status=$?
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  output="$scratch/.stdout $scratch/.stderr"
  if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
    problems+=("it ran past its limit of ${limit}s")
  elif [ "$status" != "$want_status" ]; then
    problems+=("it exited $status, expected $want_status")
  fi
  while IFS= read -r text; do
    [ -n "$text" ] || continue
    # shellcheck disable=SC2086
    grep -qF -- "$text" $output || problems+=("it never said: $text")
  done < <(field says)
  # Every folder this tool wrote (it holds the marker), for the checks on published files.
  published=$(find "$scratch" -name .annual-report -printf '%h\n' 2> /dev/null)
  while IFS= read -r text; do
    [ -n "$text" ] || continue
    # shellcheck disable=SC2086
    if grep -qF -- "$text" $output || { [ -n "$published" ] && grep -rqF -- "$text" $published; }; then
      problems+=("it showed what it must not: $text")
    fi
  done < <(field never)
  while IFS= read -r file; do
    [ -n "$file" ] || continue
    [ -e "$scratch/$file" ] || problems+=("it lost $file")
  done < <(field keep)
  # shellcheck disable=SC2086
  # C0 controls but tab and line feed, DEL, the C1 controls (UTF-8 C2 80 to C2 9F) and the bidi
  # overrides and isolates (U+202A to U+202E, U+2066 to U+2069), which reorder what a terminal shows.
  if LC_ALL=C grep -qP '[\x00-\x08\x0B-\x1F\x7F]|\xC2[\x80-\x9F]|\xE2\x80[\xAA-\xAE]|\xE2\x81[\xA6-\xA9]' $output; then
    problems+=("it wrote a control character or a bidi override to the terminal")
  fi
  for folder in $published; do
    for report in "$folder"/report.html "$folder"/report.xhtml; do
      [ -f "$report" ] || continue
      if grep -qiE '<img|<script|<iframe|<object|<embed| src=| srcset=|href="(//|javascript:|data:|file:|vbscript:)' "$report"; then
        problems+=("$(basename "$report") holds an image, a script or an external load")
      fi
    done
    # (Listed, not grep -q through xargs: xargs -r with no CSV at all would count as a match.)
    if find "$folder" -name '*.csv' -exec grep -lE '(^|,|")[=+@]|(^|,|")-[^0-9]' {} + | grep -q .; then
      problems+=("an open-data CSV holds a cell a spreadsheet would run as a formula")
    fi
  done
  if [ ${#problems[@]} -eq 0 ]; then
    printf 'pass  %-40s %5.1fs\n' "$name" "$seconds"
  else
    printf 'FAIL  %-40s %5.1fs\n' "$name" "$seconds"
    printf '        %s\n' "${problems[@]}"
    sed 's/^/        | /' "$scratch/.stdout" "$scratch/.stderr" | head -20
    failed+=("$name")
  fi
  chmod -R u+w "$scratch" 2> /dev/null
  rm -rf "$scratch"
done
rm -rf "$bin_dir"
echo "${#cases[@]} hostile cases, ${#failed[@]} failed${failed:+: ${failed[*]}}"
[ ${#failed[@]} -eq 0 ]
