#!/usr/bin/env bash
# The performance harness of issue 18 (see bench/README.md): builds wnverify, writes the benchmark
# instances, runs each workload in Java (numeric/.../bench/PerfBench) and in the NumPy/SciPy peer
# (bench/peer.py) on the same files, then compares them (bench/report.py).
#   bench/run.sh [DIR] [--sizes 250,500,1000,2000]
# One BLAS thread for the peer (the Java side reports one and two threads separately); set
# PEER_BLAS_THREADS=2 to give the peer two.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$here/target/bench"
sizes="250,500,1000,2000"
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    -*) echo "usage: bench/run.sh [DIR] [--sizes 250,500,1000,2000]" >&2; exit 2 ;;
    *) dir="$1"; shift ;;
  esac
done
(cd "$here" && mvn -B -q -DskipTests package) >&2
mkdir -p "$dir"
t="${PEER_BLAS_THREADS:-1}"
# size by size, Java then the peer, so that both sides of each ratio see about the same machine load
for n in ${sizes//,/ }; do
  echo "== N = $n, uptime: $(uptime)"
  java --add-modules jdk.incubator.vector -cp "$here/reports/target/lib/*" \
    org.wnverify.numeric.bench.PerfBench "$dir" --sizes "$n" 2> >(grep -v 'incubator modules' >&2)
  OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t python3 "$here/bench/peer.py" "$dir" --sizes "$n"
done
echo "== uptime after: $(uptime)"
python3 "$here/bench/report.py" "$dir"
