#!/usr/bin/env bash
# Where a method's training step spends its time: libtorch's profiler over the real training
# loop (bench/StepBench.java with a trace file), summarised per operator by self time.
#   bench/profile.sh [METHOD] [STEPS]      env: THREADS (default: all cores), WARMUP (20)
# Writes target/bench/profile-METHOD.json (open it in chrome://tracing or Perfetto) and prints
# the operators that took the most time, and the share of the step spent outside libtorch.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
method="${1:-cdlm}"; steps="${2:-30}"
threads="${THREADS:-$(nproc)}"; warmup="${WARMUP:-20}"
export LATENTBRIDGE_DATA="${LATENTBRIDGE_DATA:-$root/../shared/datasets}"
[ -d "$LATENTBRIDGE_DATA/mnist" ] || { echo "profile: no MNIST under LATENTBRIDGE_DATA=$LATENTBRIDGE_DATA" >&2; exit 2; }
export LATENTBRIDGE_DATA="$(cd "$LATENTBRIDGE_DATA" && pwd)"
cp="${LATENTBRIDGE_JAR:-$root/latentbridge-cli/target/latentbridge-cli.jar}"
[ -f "$cp" ] || (cd "$root" && mvn -q -B -o -DskipTests install >/dev/null 2>&1 || mvn -q -B -DskipTests install >/dev/null)
trace="$root/target/bench/profile-$method.json"
mkdir -p "$(dirname "$trace")"
java -Dai.djl.offline=true -DDJL_CACHE_DIR="$root/target/djl-cache" -Djna.tmpdir="$root/target/djl-cache/jna" \
  -cp "$cp" "$root/bench/StepBench.java" "$method" "$warmup" "$steps" 1 "$threads" "$trace" 2>/dev/null | grep '^{'
echo "trace: $trace"
/usr/bin/python3 "$root/bench/profile_summary.py" "$trace" 25
