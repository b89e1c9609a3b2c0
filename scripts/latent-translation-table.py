#!/usr/bin/env python3
"""The tables of docs/latent-translation.md from the run directories of latent-translation.sh.
   usage: latent-translation-table.py OUT_DIR ABLATION_STEPS SEED..."""
import json
import os
import statistics
import sys

ORDER = ["ae", "ae+kl", "ae+kl+swd", "full", "full-latent2", "full-latent32",
         "full-untrained-classifier"]
LABEL = {
    "ae": "AE only (β_KL = β_SWD = β_cls = 0)",
    "ae+kl": "+ KL (β_KL 0.005)",
    "ae+kl+swd": "+ SWD (β_SWD 1.0)",
    "full": "+ classifier (β_cls 0.05) = default, d′ = 8",
    "full-latent2": "default, d′ = 2",
    "full-latent32": "default, d′ = 32",
    "full-untrained-classifier": "default, classifier left untrained (authors' code)",
}


def load(path):
    with open(path) as f:
        return json.load(f)


def get(r, key):
    """A result key; runs of the first release wrote a_to_b as ato_b."""
    return r[key] if key in r else r[key.replace("_a_to_b", "_ato_b").replace("_b_to_a", "_bto_a")]


def cell(values):
    if not values:
        return "–"
    sd = statistics.stdev(values) if len(values) > 1 else 0.0
    return f"{statistics.mean(values):.4f} ± {sd:.4f}"


def main():
    out, steps, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
    parts = {}
    for name in ["vae-mnist", "vae-fashion-mnist", "classifier-mnist", "classifier-fashion-mnist"]:
        p = os.path.join(out, name, "pretrained.json")
        if os.path.exists(p):
            parts[name] = load(p)
    print("### Pretrained parts\n")
    print("| part | steps | test metrics | wall s |")
    print("|---|---|---|---|")
    for name, r in parts.items():
        metrics = ", ".join(f"{k} {v:.4f}" for k, v in r["result"].items())
        print(f"| {name} | {r['train']['steps']} | {metrics} | {r['wall_seconds']:.0f} |")

    print(f"\n### Ablation ({steps} steps, seeds {' '.join(seeds)}, last step)\n")
    print("| variant | transfer A→B (MNIST→Fashion) | transfer B→A | per-seed A→B | bridge wall s/run (median) |")
    print("|---|---|---|---|---|")
    for v in ORDER:
        ab, ba, wall = [], [], []
        for s in seeds:
            p = os.path.join(out, "ablation", v, f"s{s}", "result.json")
            if os.path.exists(p):
                r = load(p)
                ab.append(get(r, "transfer_accuracy_a_to_b"))
                ba.append(get(r, "transfer_accuracy_b_to_a"))
                wall.append(r["wall_seconds"])
        if ab:
            print(f"| {LABEL[v]} | {cell(ab)} | {cell(ba)} | "
                  f"{' '.join(f'{x:.4f}' for x in ab)} | {statistics.median(wall):.0f} |")

    p = os.path.join(out, "default", "result.json")
    if os.path.exists(p):
        r = load(p)
        base = r["base_vae_wall_seconds"]
        print(f"\n### Default schedule ({r['steps']} steps, seed {r['seed']}, last step)\n")
        print("| transfer A→B | transfer B→A | classifier A / B on real test images | "
              "bridge wall s | encoding s | two base VAEs wall s | base ÷ bridge |")
        print("|---|---|---|---|---|---|---|")
        print(f"| {get(r, 'transfer_accuracy_a_to_b'):.4f} | {get(r, 'transfer_accuracy_b_to_a'):.4f} | "
              f"{r['classifier_accuracy_a']:.4f} / {r['classifier_accuracy_b']:.4f} | "
              f"{r['wall_seconds']:.0f} | {r['encode_seconds']:.1f} | {base:.0f} | "
              f"{base / r['wall_seconds']:.2f} |")


if __name__ == "__main__":
    main()
