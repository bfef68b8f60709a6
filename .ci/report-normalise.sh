# Sourced by the CI scripts that compare two report.json files (slurm-test.sh, threads-test.sh):
# prints a report without what legitimately differs between two runs of the same audit, namely
# timings, the thread count and the directory counterexamples were saved in.
normalise() {
  grep -vE '^ *"(seconds|threads)" : ' "$1" \
    | sed -E 's#"savedTo" : ".*/counterexamples/#"savedTo" : "counterexamples/#'
}
