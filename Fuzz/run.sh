#!/usr/bin/env bash
# Builds the libFuzzer targets with AddressSanitizer and runs each for SECONDS (default 600).
#
#   Fuzz/run.sh            # 10 minutes per target (the figures in RESULTS.md)
#   Fuzz/run.sh 30         # CI's short run
#   FUZZ_TARGETS="FuzzCSV" Fuzz/run.sh 60
#   FUZZ_SEED=1 FUZZ_RUNS=2000 Fuzz/run.sh 120   # reproducible: the same inputs on any machine
#
# The seed corpus in Corpus/<target>/ is read but never written: each run grows a scratch
# copy under .fuzz-work/ (git-ignored). A crash, leak or sanitizer report stops that target
# with its reproducer saved as .fuzz-work/<target>/crash-*, and this script exits 1.
# A summary line per target (executions, cov, ft, corpus, crashes) is appended to .fuzz-work/summary.txt.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-600}"
targets=(${FUZZ_TARGETS:-FuzzCSV FuzzObservations FuzzCriteriaYAML FuzzCriteriaTable FuzzXLSX})
scratch="${FUZZ_SCRATCH:-.build}"

swift build -c release --scratch-path "$scratch" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)"

mkdir -p .fuzz-work
status=0
for target in "${targets[@]}"; do
  work=".fuzz-work/$target"
  rm -rf "$work" && mkdir -p "$work/corpus"
  log="$work/fuzz.log"
  echo "fuzz: $target for ${seconds}s"
  set +e
  ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" LSAN_OPTIONS="suppressions=$PWD/lsan.supp" \
    "$bin/$target" "$work/corpus" "Corpus/$target" \
    -max_total_time="$seconds" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} ${FUZZ_SEED:+-seed=$FUZZ_SEED} \
    -max_len=65536 -rss_limit_mb=2048 -timeout=20 \
    -artifact_prefix="$work/" -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(echo "$last" | grep -o 'cov: [0-9]*' | grep -o '[0-9]*' || echo "?")
  ft=$(echo "$last" | grep -o 'ft: [0-9]*' | grep -o '[0-9]*' || echo "?")
  corpus=$(ls "$work/corpus" | wc -l)
  crashes=$(ls "$work" | grep -cE '^(crash|leak|timeout|oom)-' || true)
  line="$target seconds=$seconds execs=$execs cov=$cov ft=$ft corpus=$corpus crashes=$crashes rc=$rc"
  echo "fuzz: $line"
  echo "$(date -u +%FT%TZ) $line" >> .fuzz-work/summary.txt
  if [[ $rc -ne 0 || $crashes -ne 0 ]]; then
    status=1
    tail -40 "$log"
  fi
done
exit $status
