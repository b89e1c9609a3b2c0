#!/usr/bin/env bash
# Latent translation MNIST ↔ Fashion-MNIST, as in docs/latent-translation.md: pretrain the four
# frozen parts (two VAEs, two evaluation classifiers), train the bridge on its default schedule,
# run the ablation (every variant × seed on a shorter schedule), and write OUT/table.md.
#   scripts/latent-translation.sh OUT_DIR [ABLATION_STEPS] [SEEDS]
# Rerunning skips what already has its pretrained.json / result.json. THREADS=N sets the
# engine's threads; LATENTBRIDGE_JAR pins the jar (see bin/latentbridge). SKIP_DEFAULT=1 skips
# the default-schedule bridge (20,000 steps).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: latent-translation.sh OUT_DIR [ABLATION_STEPS] [SEEDS]}"
steps="${2:-1000}"
seeds="${3:-1 2 3}"
lb() { "$root/bin/latentbridge" "$@"; }
mkdir -p "$out"

for d in mnist fashion-mnist; do
  for kind in vae classifier; do
    dir="$out/$kind-$d"
    [ -f "$dir/pretrained.json" ] && continue
    rm -rf "$dir"
    lb pretrain "$kind" --threads "${THREADS:-0}" --data "$d" --out "$dir" > "$out/$kind-$d.log" 2>&1
  done
done

bridge=(train --threads "${THREADS:-0}" --method bridge --source mnist --target fashion-mnist
  --base-a "$out/vae-mnist" --base-b "$out/vae-fashion-mnist"
  --classifier-a "$out/classifier-mnist" --classifier-b "$out/classifier-fashion-mnist")

declare -A variants=(
  [ae]="--set beta_kl=0 --set beta_swd=0 --set beta_cls=0"
  [ae+kl]="--set beta_swd=0 --set beta_cls=0"
  [ae+kl+swd]="--set beta_cls=0"
  [full]=""
  [full-latent2]="--set latent=2"
  [full-latent32]="--set latent=32"
  [full-untrained-classifier]="--set classifier_trained=false"
)
order=(ae ae+kl ae+kl+swd full full-latent2 full-latent32 full-untrained-classifier)

# seed-major: an interrupted ablation has whole seeds, not whole variants
for s in $seeds; do
  for v in "${order[@]}"; do
    dir="$out/ablation/$v/s$s"
    [ -f "$dir/result.json" ] && continue
    rm -rf "$dir"
    # shellcheck disable=SC2086
    lb "${bridge[@]}" --steps "$steps" --seed "$s" ${variants[$v]} --out "$dir" \
      > "$out/ablation-$v-s$s.log" 2>&1
  done
done

if [ -z "${SKIP_DEFAULT:-}" ] && [ ! -f "$out/default/result.json" ]; then
  rm -rf "$out/default"
  lb "${bridge[@]}" --out "$out/default" > "$out/default.log" 2>&1
fi

python3 "$root/scripts/latent-translation-table.py" "$out" "$steps" $seeds > "$out/table.md"
cat "$out/table.md"
