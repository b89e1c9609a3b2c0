#!/usr/bin/env python3
"""Summarises the analysis.json of every run of a benchmark folder (written by
`latentbridge eval --run DIR`) as a markdown table: per method and task, the mean ± std over
seeds of proxy A-distance, feature MMD², latent KL (for CDLM also after modulation) and target
ECE.   usage: scripts/analysis-table.py BENCHMARK_DIR [BENCHMARK_DIR ...]"""
import json
import statistics
import sys
from pathlib import Path


def fmt(values, digits):
    if not values:
        return "–"
    if len(values) == 1:
        return f"{values[0]:.{digits}f}"
    return f"{statistics.mean(values):.{digits}f} ± {statistics.stdev(values):.{digits}f}"


def main(dirs):
    rows = {}
    for d in dirs:
        for analysis in sorted(Path(d).glob("*/*/s*/analysis.json")):
            run = analysis.parent
            method, task = run.parent.parent.name, run.parent.name
            a = json.loads(analysis.read_text())
            r = rows.setdefault((method, task), {k: [] for k in
                                                 ("acc", "ad", "mmd", "kl", "klm", "ece")})
            r["acc"].append(a["target_accuracy"]["accuracy"])
            r["ad"].append(a["a_distance"])
            r["mmd"].append(a["feature_mmd"])
            r["kl"].append(a["latent_kl"])
            if a.get("latent_kl_modulated") is not None:
                r["klm"].append(a["latent_kl_modulated"])
            r["ece"].append(a["target_calibration"]["ece"])
    if not rows:
        sys.exit("analysis-table: no */*/s*/analysis.json under " + ", ".join(dirs))
    print("| method | task | seeds | target acc. | proxy A-distance | feature MMD² "
          "| latent KL | latent KL, modulated | target ECE |")
    print("|---|---|---|---|---|---|---|---|---|")
    for (method, task), r in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        print(f"| {method} | {task.replace('-', ' → ', 1)} | {len(r['acc'])} | {fmt(r['acc'], 4)} "
              f"| {fmt(r['ad'], 3)} | {fmt(r['mmd'], 4)} | {fmt(r['kl'], 2)} | {fmt(r['klm'], 2)} "
              f"| {fmt(r['ece'], 4)} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
