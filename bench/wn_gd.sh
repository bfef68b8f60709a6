#!/usr/bin/env bash
# Times one paper-sized WN-GD run (Figure 2 setting, r0 = 1, eta~ = 0.1) in Java and in numpy on the
# same trial, one thread each, one after the other. Build first: mvn -B -q -DskipTests package
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
trial="${1:-/tmp/wnverify-bench-trial.json}"
java -cp "$here/reports/target/lib/*" org.wnverify.check.experiments.PeerBench "$trial" "${2:-1}"
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 python3 "$here/bench/wn_gd.py" "$trial"
