#!/usr/bin/env bash
# Side-by-side training-speed benchmark, one run on this machine (bench/README.md):
#   LatentBridge CDLM, DANN and source-only (LeNet-style) steps through the real training loop;
#   the same models in Debian's PyTorch (python3-torch, installed with apt when missing and root);
#   the source-only model in DL4J (Maven Central) as the JVM peer.
# Each: WARMUP steps, then WINDOWS windows of STEPS steps; median and spread of images/s.
#   bench/run.sh [OUT.jsonl]      env: THREADS (default: all cores), WARMUP, STEPS, WINDOWS,
#                                      BASELINE_JAR (an older CLI jar: its rows run in the same
#                                      run, so before/after is one side-by-side measurement)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/target/bench/results.jsonl}"
threads="${THREADS:-$(nproc)}"; warmup="${WARMUP:-20}"; steps="${STEPS:-40}"; windows="${WINDOWS:-3}"
export LATENTBRIDGE_DATA="${LATENTBRIDGE_DATA:-$root/../shared/datasets}"
[ -d "$LATENTBRIDGE_DATA/mnist" ] || { echo "bench: no MNIST under LATENTBRIDGE_DATA=$LATENTBRIDGE_DATA" >&2; exit 2; }
export LATENTBRIDGE_DATA="$(cd "$LATENTBRIDGE_DATA" && pwd)"
py=/usr/bin/python3
if ! "$py" -c "import torch" 2>/dev/null; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "bench: installing python3-torch" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch >/dev/null
  else
    echo "bench: python3-torch missing (apt-get install python3-torch); PyTorch rows skipped" >&2
  fi
fi
echo "bench: building LatentBridge and the DL4J peer's class path" >&2
(cd "$root" && mvn -q -B -o -DskipTests install >/dev/null 2>&1 || mvn -q -B -DskipTests install >/dev/null 2>&1)
cp="$root/latentbridge-cli/target/latentbridge-cli.jar"
dl4jcp="$root/target/bench/dl4j-classpath.txt"
mkdir -p "$(dirname "$out")" "$root/target/bench"
(cd "$root/bench/dl4j" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$dl4jcp" >/dev/null 2>&1)
: > "$out"
baseline="${BASELINE_JAR:-}"
[ -z "$baseline" ] || [ -f "$baseline" ] || { echo "bench: BASELINE_JAR=$baseline: no such file" >&2; exit 2; }
lb() {  # MODEL [JAR IMPL]
  java -Dai.djl.offline=true -DDJL_CACHE_DIR="$root/target/djl-cache" -Djna.tmpdir="$root/target/djl-cache/jna" \
    -cp "${2:-$cp}" "$root/bench/StepBench.java" "$1" "$warmup" "$steps" "$windows" "$threads" - \
    "${3:-latentbridge}" 2>/dev/null | grep '^{'
}
for model in cdlm dann source-only; do
  if [ -n "$baseline" ]; then
    echo "bench: $model: LatentBridge baseline ($baseline)" >&2; lb "$model" "$baseline" latentbridge-before | tee -a "$out"
  fi
  echo "bench: $model: LatentBridge" >&2; lb "$model" | tee -a "$out"
  if "$py" -c "import torch" 2>/dev/null; then
    echo "bench: $model: PyTorch" >&2
    "$py" "$root/bench/torch_bench.py" "$model" "$warmup" "$steps" "$windows" "$threads" | tee -a "$out"
  fi
done
echo "bench: source-only: DL4J" >&2
# DL4J is ~10x slower: fewer steps per window keep its run short; images/s is per window all the same
OMP_NUM_THREADS="$threads" java -cp "$(cat "$dl4jcp")" "$root/bench/dl4j/LeNetDl4j.java" \
  "$(( warmup / 4 + 1 ))" "$(( steps / 4 + 1 ))" "$windows" 2>/dev/null | grep '^{' | tee -a "$out"
echo
"$py" "$root/bench/summarise.py" "$out"
