#!/usr/bin/env bash
# Builds the libFuzzer harness (Sources/AnnualReportFuzz) with coverage and AddressSanitizer,
# then fuzzes for FUZZ_SECONDS (default 600).
#
# Every module is compiled with -sanitize=fuzzer,address. SwiftPM links an executable with its
# own entry point (--defsym main=AnnualReportFuzz_main), which clashes with libFuzzer's main; so
# the harness is relinked with libFuzzer's no-main library, and its @main calls
# LLVMFuzzerRunDriver.
set -eu
seconds=${FUZZ_SECONDS:-600}
build=.build-fuzz
flags=(--build-path "$build" --product annual-report-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING)
# The harness is relinked below, so SwiftPM must link it again to show how.
rm -f "$build"/*/debug/annual-report-fuzz
link=$(swift build "${flags[@]}" -v 2>&1 | grep -e "-emit-executable" | grep -e "annual-report-fuzz " | tail -1 || true)
[ -n "$link" ] || { echo "fuzz.sh: no link command found (did compiling fail?)" >&2; exit 1; }
no_main=$(dirname "$(readlink -f "$(command -v swift)")")/../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a
# shellcheck disable=SC2086
no_main=$(echo $no_main)
eval "${link/-sanitize=fuzzer,address/-sanitize=address -Xlinker $no_main -lstdc++}" 2> "$build/link.log"
mkdir -p "$build/corpus"
# SwiftPM keeps the binary under the target triple (`debug` is a link it does not always make).
harness="$(swift build "${flags[@]}" --show-bin-path)/annual-report-fuzz"
"$harness" "$build/corpus" Tests/Fuzz/seeds -max_total_time="$seconds" \
  -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
