#!/usr/bin/env bash
# Issue 19: the full default audit gives the same results with --threads 1 and --threads 2.
# (RunGuaranteesTest checks a cross-family selection in 'mvn verify'; the full audit takes minutes,
# so the whole catalogue is compared here, in CI.) Reports must match apart from timings, the
# thread count and the directory counterexamples were saved in; the counterexample files too.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=report-normalise.sh
. .ci/report-normalise.sh  # the working directory is the repository (cd above)
status=()
for t in 1 2; do
  s=0
  ./wnverify audit -q --threads "$t" --out "$work/t$t" >"$work/audit-$t.log" 2>&1 || s=$?
  grep -m1 -E "^(PASSED|FAILED)" "$work/audit-$t.log" | sed "s/^/threads-test (--threads $t): /" || true
  case "$s" in 0|1) ;; *) echo "threads-test: audit with --threads $t exited $s" >&2; tail -n 40 "$work/audit-$t.log" >&2; exit 1 ;; esac
  status+=("$s")
done
[ "${status[0]}" = "${status[1]}" ] \
  || { echo "threads-test: exit status ${status[0]} with 1 thread, ${status[1]} with 2" >&2; exit 1; }
if ! diff -u <(normalise "$work/t1/report.json") <(normalise "$work/t2/report.json") >"$work/diff.txt"; then
  echo "threads-test: report.json differs between --threads 1 and --threads 2:" >&2
  head -n 60 "$work/diff.txt" >&2
  exit 1
fi
diff -r "$work/t1/counterexamples" "$work/t2/counterexamples" >&2 \
  || { echo "threads-test: counterexample files differ between 1 and 2 threads" >&2; exit 1; }
echo "threads-test: the full default audit's report.json and counterexamples are identical with 1 and 2 threads"
