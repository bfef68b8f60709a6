#!/usr/bin/env bash
# The sharded audit on a real Slurm cluster: starts munge, slurmctld and slurmd (Debian's packages)
# as a single-node cluster on loopback, under a temporary directory; submits a small audit with
# 'wnverify slurm' (a job array of shards and a merge job that depends on it); waits for the
# queue to empty; checks that every job succeeded and that the merged report.json equals the one
# a plain, unsharded audit writes (timings and the counterexample directory aside); then stops
# the daemons by the PIDs it started. Needs root (the daemons run as root) and:
#   apt-get install -y --no-install-recommends slurmctld slurmd slurm-client   (brings munge)
# Usage: .ci/slurm-test.sh [SHARDS]   Environment: WNVERIFY_SLURM_KEEP=1 keeps the directory.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
shards="${1:-3}"
# Small but varied: symbolic proofs, numeric checks, and a printed claim that fails (so a
# counterexample file must be carried over by the merge).
selection='chou/lemma-3.7,chou/lemma-3.2,ewn/*,chou/theorem-2.2#rho-at-least-1'
samples=1
timeout_s=600

for tool in munged slurmctld slurmd sbatch squeue scontrol scancel unshare; do
  command -v "$tool" >/dev/null || { echo "slurm-test: '$tool' not found; install slurmctld slurmd slurm-client" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "slurm-test: must run as root (the Slurm daemons run as root here)" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/wnverify-slurm.XXXXXX")"
chmod 0755 "$work"
pids=()
jobs_to_cancel=()
say() { echo "slurm-test: $*" >&2; }

# Slurm's clients and daemons find the cluster through this file, never through /etc.
export SLURM_CONF="$work/etc/slurm.conf"

cleanup() {
  local status=$?
  set +e
  if [ "${#jobs_to_cancel[@]}" -gt 0 ] && [ -n "${ctld_pid:-}" ] && kill -0 "$ctld_pid" 2>/dev/null; then
    scancel "${jobs_to_cancel[@]}" 2>/dev/null
    for _ in $(seq 1 100); do
      [ -z "$(squeue -h -o %i 2>/dev/null)" ] && break
      sleep 0.2
    done
  fi
  # Stop in reverse order of starting, each by its PID, and wait for it to exit.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[$i]}" 2>/dev/null
  done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$p" 2>/dev/null && kill -9 "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  if [ "$status" -ne 0 ]; then
    say "FAILED (status $status); logs in $work:"
    for f in "$work"/log/*.log "$work"/out/slurm/*.log; do
      [ -f "$f" ] && { echo "--- $f" >&2; tail -n 25 "$f" >&2; }
    done
  elif [ "${WNVERIFY_SLURM_KEEP:-0}" = 1 ]; then
    say "kept $work"
  else
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$work"/{etc,log,state,spool,munge}
# munged refuses a socket directory others can write to, and clients need to traverse it.
chmod 0755 "$work/munge"

free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 20000))
    ss -Htan "( sport = :$p )" 2>/dev/null | grep -q . || { echo "$p"; return; }
  done
}
ctld_port="$(free_port)"
slurmd_port="$(free_port)"
while [ "$slurmd_port" = "$ctld_port" ]; do slurmd_port="$(free_port)"; done

# --- munge: its own key and socket, nothing in /etc or /run.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$work/munge/munge.key"
munged -F --socket="$work/munge/munge.socket.2" --key-file="$work/munge/munge.key" \
  --pid-file="$work/munge/munged.pid" --seed-file="$work/munge/munged.seed" \
  --log-file="$work/log/munged.log" >"$work/log/munged.out" 2>&1 &
pids+=($!)

# --- the node line as this machine reports it, under the host name the daemons will have.
node_line="$(unshare --uts sh -c 'hostname localhost && slurmd -C' | head -n 1)"
case "$node_line" in
  NodeName=localhost\ *) ;;
  *) say "unexpected 'slurmd -C' output: $node_line"; exit 1 ;;
esac

cat >"$SLURM_CONF" <<EOF
# Single-node test cluster written by .ci/slurm-test.sh; loopback only, no systemd, no cgroups.
ClusterName=wnverify-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket.2
CommunicationParameters=NoCtldInAddrAny,NoInAddrAny
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/state/slurmctld.pid
SlurmdPidFile=$work/spool/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
MinJobAge=300
$node_line NodeAddr=127.0.0.1 NodeHostname=localhost State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF

# --- the daemons, each in its own UTS namespace named 'localhost', so that they bind to what
# 'localhost' resolves to (127.0.0.1) and nothing else. 'exec' keeps the PID we record.
unshare --uts sh -c 'hostname localhost && exec slurmctld -D -c -f "$1"' sh "$SLURM_CONF" \
  >"$work/log/slurmctld.out" 2>&1 &
ctld_pid=$!
pids+=("$ctld_pid")
unshare --uts sh -c 'hostname localhost && exec slurmd -D -N localhost -f "$1"' sh "$SLURM_CONF" \
  >"$work/log/slurmd.out" 2>&1 &
pids+=($!)

started=$SECONDS
until scontrol show node localhost 2>/dev/null | grep -qE 'State=IDLE'; do
  for p in "${pids[@]}"; do
    kill -0 "$p" 2>/dev/null || { say "a daemon (PID $p) exited during start-up"; exit 1; }
  done
  [ $((SECONDS - started)) -lt 60 ] || { say "the node did not come up within 60 s"; exit 1; }
  sleep 0.2
done
say "cluster up in $((SECONDS - started)) s (slurmctld :$ctld_port, slurmd :$slurmd_port)"

# --- the reference: the same audit, unsharded, outside Slurm. Status 1 is a finding, not an error.
plain_status=0
"$repo/wnverify" audit --only "$selection" --samples "$samples" -q --out "$work/plain" >"$work/log/plain.out" 2>&1 \
  || plain_status=$?
[ "$plain_status" -le 1 ] || { say "the plain audit failed with status $plain_status"; cat "$work/log/plain.out" >&2; exit 1; }

# --- the sharded audit through Slurm.
"$repo/wnverify" slurm --shards "$shards" --only "$selection" --samples "$samples" --cpus-per-task 1 \
  --time 15:00 --out "$work/out" | tee "$work/log/submit.out" >&2
array="$(awk '$1 == "array" {print $2}' "$work/out/slurm/jobs.txt")"
merge="$(awk '$1 == "merge" {print $2}' "$work/out/slurm/jobs.txt")"
jobs_to_cancel=("$array" "$merge")
[ -n "$array" ] && [ -n "$merge" ] || { say "no job ids in $work/out/slurm/jobs.txt"; exit 1; }
scontrol show job "$merge" | grep -q "Dependency=afterok:${array}" \
  || { say "merge job $merge does not depend on array $array"; scontrol show job "$merge" >&2; exit 1; }

# Poll the queue (sbatch --wait polls the controller at long intervals).
started=$SECONDS
while [ -n "$(squeue -h -o %i -j "$array,$merge" 2>/dev/null)" ]; do
  [ $((SECONDS - started)) -lt "$timeout_s" ] || { say "jobs still queued after $timeout_s s"; squeue >&2; exit 1; }
  sleep 0.5
done
say "array and merge finished in $((SECONDS - started)) s"

# sacct needs a database; the controller keeps finished jobs for MinJobAge seconds.
states="$(scontrol show job "$array" | grep -oE 'JobState=[A-Z_]+' | sort | uniq -c | tr -s ' ')"
tasks_done="$(scontrol show job "$array" | grep -c 'JobState=COMPLETED' || true)"
[ "$tasks_done" = "$shards" ] || { say "array $array: expected $shards COMPLETED tasks, got:$states"; exit 1; }
merge_info="$(scontrol show job "$merge")"
merge_exit="$(grep -oE ' ExitCode=[0-9]+:[0-9]+' <<<"$merge_info" | head -n 1 | cut -d= -f2)"
# The merge exits as the plain audit does: 0 when everything passed, 1 with findings.
[ "$merge_exit" = "$plain_status:0" ] \
  || { say "merge job $merge: ExitCode=$merge_exit, expected $plain_status:0"; echo "$merge_info" >&2; exit 1; }

# --- the merged report must be the plain one, apart from timings and where counterexamples live.
# shellcheck source=report-normalise.sh
. "$repo/.ci/report-normalise.sh"
[ -f "$work/out/report.json" ] || { say "merge wrote no report.json"; exit 1; }
if ! diff -u <(normalise "$work/plain/report.json") <(normalise "$work/out/report.json") >"$work/log/diff.txt"; then
  say "the merged report.json differs from the unsharded one:"; head -n 40 "$work/log/diff.txt" >&2; exit 1
fi
grep -q '"savedTo" : ' "$work/out/report.json" || { say "expected a counterexample in the merged report"; exit 1; }
diff -r "$work/plain/counterexamples" "$work/out/counterexamples" >&2 \
  || { say "counterexample files differ"; exit 1; }
for f in $(cd "$work/plain" && ls); do
  [ -e "$work/out/$f" ] || { say "the merge did not write $f"; exit 1; }
done
say "OK: $shards shards through Slurm (array $array, merge $merge) give the unsharded report.json"
