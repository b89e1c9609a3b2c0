#!/usr/bin/env bash
# Is a resumed run exact? ResumeAfterKillTest's 160-step CDLM run, once uninterrupted, then
# TRIALS times killed with SIGKILL after the checkpoint of step 40, 60 or 80 (in turn) and
# resumed; prints, per trial, the logged steps whose loss differs from the uninterrupted run.
#   scripts/resume-trials.sh OUT_DIR [TRIALS]      (needs LATENTBRIDGE_DATA; python3)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: resume-trials.sh OUT_DIR [TRIALS]}"
trials="${2:-5}"
run=(train --method cdlm --source mnist --target usps --steps 160 --threads 1
  --set batch_size=32 --set hidden=64 --set latent=16 --set checkpoint_every=20
  --set judge_steps=0 --set log_every=10)
mkdir -p "$out"
rm -rf "$out/whole" "$out"/trial-*
"$root/bin/latentbridge" "${run[@]}" --out "$out/whole" > "$out/whole.log" 2>&1
for i in $(seq 1 "$trials"); do
  dir="$out/trial-$i"
  mark="$dir/checkpoints/step-$(printf '%06d' $((40 + 20 * (i % 3))))"
  "$root/bin/latentbridge" "${run[@]}" --out "$dir" > "$dir.log" 2>&1 &
  pid=$!
  while [ ! -d "$mark" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  pkill -9 -P "$pid" 2>/dev/null || true; kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  "$root/bin/latentbridge" train --resume "$dir" --threads 1 > "$dir.resume.log" 2>&1
  python3 - "$out/whole" "$dir" <<'PY'
import json, sys
def losses(d):
    out = {}
    for line in open(d + '/metrics.jsonl'):
        n = json.loads(line)
        if n.get('phase') == 'model' and 'step' in n and 'loss' in n:
            out[n['step']] = n['loss']
    return out
a, b = losses(sys.argv[1]), losses(sys.argv[2])
events = [json.loads(l).get('event') for l in open(sys.argv[2] + '/metrics.jsonl') if 'resumed' in l]
differ = [s for s in a if a[s] != b.get(s)]
acc = [json.load(open(d + '/result.json'))['target_accuracy'] for d in sys.argv[1:]]
print(sys.argv[2], events, 'steps whose loss differs:', differ, 'target accuracy', acc)
PY
done
