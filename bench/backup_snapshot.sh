#!/usr/bin/env bash
# Benchmark: snapshot + verify of a store of about SIZE_MB (default 1024) MiB, most of it media (legal
# documents with incompressible attachments, as PDFs are), against `cp` of the same LMDB data file in
# the same run on the same disk: the disk's own limit. Target: snapshot + verify <= 1.5 x cp.
# Two more peers show what the steps cost by themselves with stock tools: `mdb_copy -c` (LMDB's own
# compacting copy, which a snapshot is) and `b2sum` of the snapshot file (the BLAKE2b-512 that both
# the snapshot and the verify must compute over every byte).
# Also prints each command's peak resident memory, for a store of SIZE_MB and of SIZE_MB/8, to show
# that memory does not grow with the store. Caches are dropped before each timed step when the kernel
# allows it (as root outside a container); otherwise the figures are with a warm page cache and say so.
#   bench/backup_snapshot.sh [SIZE_MB]          BUILD_DIR=DIR to use an existing Release build
#   BENCH_DIR=DIR (default: a new directory under /var/tmp) needs about 3.5 x SIZE_MB free.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
size_mb=${1:-1024}
if [ -n "${BUILD_DIR:-}" ]; then bin=$BUILD_DIR; else scripts/build release >/dev/null; bin=$root/build/release; fi
ctl=$bin/daemon/cli/portaldctl
[ -x "$ctl" ] || { echo "bench: no portaldctl in $bin" >&2; exit 1; }
work=${BENCH_DIR:-$(mktemp -d /var/tmp/portald-bench-backup.XXXXXX)}
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# run LABEL CMD...: wall seconds and peak RSS (KiB) of the command, one line "LABEL SECONDS KIB".
if [ -x /usr/bin/time ]; then
  run() { local label=$1; shift; /usr/bin/time -f "$label %e %M" "$@" 2>&1 >/dev/null | tail -1; }
else  # python's fork leaves its own RSS as a floor (~14 MiB) in ru_maxrss: say so in the output
  run() {
    local label=$1; shift
    python3 - "$label" "$@" <<'PY'
import resource, subprocess, sys, time
label, cmd = sys.argv[1], sys.argv[2:]
t0 = time.monotonic()
p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
dt = time.monotonic() - t0
if p.returncode != 0:
    sys.stderr.write(p.stderr.decode()); sys.exit(p.returncode)
print(f"{label} {dt:.3f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}")
PY
  }
fi

cold=no
drop_caches() { sync; if echo 3 >/proc/sys/vm/drop_caches 2>/dev/null; then cold=yes; fi; }

# make_store DIR MB: documents with 1 MiB attachments (32 distinct random files, each document its own
# media record) plus the sample articles, imported with portaldctl as a real portal would be.
make_store() {
  local dir=$1 mb=$2 files=$work/files-$2
  mkdir -p "$files"
  for i in $(seq 0 31); do head -c 1048576 /dev/urandom >"$files/van-ban-$i.pdf"; done
  python3 - "$mb" "$files" >"$files/documents.jsonl" <<'PY'
import json, sys
n, files = int(sys.argv[1]), sys.argv[2]
for i in range(n):
    print(json.dumps({"id": f"vb-{i}", "number": f"{i}/QĐ-UBND", "type": "Quyết định",
                      "issuer": "Ủy ban nhân dân tỉnh", "issued_on": "2024-01-15",
                      "abstract": f"Văn bản thử nghiệm số {i}", "files": [f"van-ban-{i % 32}.pdf"]},
                     ensure_ascii=False))
PY
  "$ctl" --data-dir "$dir" init >/dev/null
  "$ctl" --data-dir "$dir" import articles "$root/../shared/corpus/articles.jsonl" >/dev/null
  "$ctl" --data-dir "$dir" import documents "$files/documents.jsonl" >/dev/null
}

keys=(--backup-key "$work/keys/s.key" --backup-public-key "$work/keys/s.pub" --backup-encryption-key "$work/keys/e.key")
"$ctl" "${keys[@]}" backup keygen --encryption >/dev/null

measure() {  # measure MB: prints the figures for one store size
  local mb=$1 data=$work/data-$1 target=$work/target-$1
  make_store "$data" "$mb"
  mkdir -p "$target"
  local file=$data/store/data.mdb bytes
  bytes=$(stat -c %s "$file")
  drop_caches; local cp_line; cp_line=$(run cp cp "$file" "$target/copy.mdb")
  rm -f "$target/copy.mdb"
  drop_caches; local cps_line; cps_line=$(run cp+sync sh -c "cp '$file' '$target/copy.mdb' && sync '$target/copy.mdb'")
  rm -f "$target/copy.mdb"
  drop_caches; local mdbc_line; mdbc_line=$(run "mdb_copy-c" sh -c "mdb_copy -c '$data/store' '$target' && sync '$target/data.mdb'")
  rm -f "$target/data.mdb"
  drop_caches; local snap_line; snap_line=$(run snapshot "$ctl" --data-dir "$data" "${keys[@]}" backup --to "$target")
  local id; id=$(ls "$target" | grep '^portald-' | tail -1)
  drop_caches; local b2_line; b2_line=$(run b2sum b2sum "$target/$id/data.mdb")
  drop_caches; local ver_line; ver_line=$(run verify "$ctl" --data-dir "$data" "${keys[@]}" --backup-dir "$target" backup verify "$id")
  drop_caches; local esnap_line; esnap_line=$(run snapshot-enc "$ctl" --data-dir "$data" "${keys[@]}" --backup-encrypt yes backup --to "$target")
  local eid; eid=$(ls "$target" | grep '^portald-' | tail -1)
  drop_caches; local ever_line; ever_line=$(run verify-enc "$ctl" --data-dir "$data" "${keys[@]}" --backup-dir "$target" backup verify "$eid" --scratch "$work")
  local stored; stored=$(stat -c %s "$target/$id/data.mdb")
  python3 - "$mb" "$bytes" "$stored" "$cold" "$cp_line" "$cps_line" "$mdbc_line" "$b2_line" "$snap_line" "$ver_line" "$esnap_line" "$ever_line" <<'PY'
import sys
mb, live, stored, cold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = {l.split()[0]: (float(l.split()[1]), int(l.split()[2])) for l in sys.argv[5:]}
print(f"store {mb} MiB requested: live data.mdb {live/2**20:.0f} MiB, snapshot {stored/2**20:.0f} MiB, "
      f"{'cold' if cold == 'yes' else 'warm (could not drop caches)'} page cache")
for k in ["cp", "cp+sync", "mdb_copy-c", "b2sum", "snapshot", "verify", "snapshot-enc", "verify-enc"]:
    s, rss = rows[k]
    print(f"  {k:<13} {s:8.2f} s  {live/2**20/s:7.0f} MiB/s  peak RSS {rss/1024:7.1f} MiB")
cp, cps = rows["cp"][0], rows["cp+sync"][0]
for label, a, b in [("plain", "snapshot", "verify"), ("encrypted", "snapshot-enc", "verify-enc")]:
    t = rows[a][0] + rows[b][0]
    print(f"  {label}: snapshot + verify {t:.2f} s = {t/cp:.2f} x cp, {t/cps:.2f} x (cp + sync)")
s, v, m, b = rows["snapshot"][0], rows["verify"][0], rows["mdb_copy-c"][0], rows["b2sum"][0]
print(f"  stock tools: snapshot {s/m:.2f} x mdb_copy -c (+sync); verify {v/b:.2f} x b2sum; "
      f"snapshot + verify {(s+v)/(m+b):.2f} x (mdb_copy -c + b2sum)")
PY
  rm -rf "$data" "$target" "$work/files-$mb"
}

echo "portald backup benchmark ($(nproc) cores, $(uname -r), work dir $work on $(df --output=source "$work" | tail -1))"
# The floor: a snapshot hashes every byte once (BLAKE2b-512, what minisign's prehashed signatures sign)
# and verify hashes it again; one stream cannot be hashed on two cores.
python3 -c 'import hashlib,time
b=bytes(1<<20); h=hashlib.blake2b(digest_size=64); t=time.monotonic()
for _ in range(256): h.update(b)
print(f"BLAKE2b-512 on one core (python hashlib): {256/(time.monotonic()-t):.0f} MiB/s")'

measure $((size_mb / 8))
measure "$size_mb"
