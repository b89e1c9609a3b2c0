#!/usr/bin/env python3
"""Compares the label-free selection protocols on benchmark runs trained with `--select P`
(which records every candidate's score under every protocol, and, for reporting only, its
target test accuracy): for each run, the target accuracy of the candidate each protocol
chooses, of the last candidate, and of the best candidate by target labels (the oracle).
   usage: scripts/selection-table.py BENCHMARK_DIR [BENCHMARK_DIR ...]"""
import json
import statistics
import sys
from pathlib import Path

PROTOCOLS = ["source-val", "iwv", "dev", "snd"]


def main(dirs):
    rows = []
    for d in dirs:
        for result in sorted(Path(d).glob("*/*/s*/result.json")):
            r = json.loads(result.read_text())
            cands = r.get("candidates") or []
            if not cands or not cands[0].get("scores"):
                continue
            acc = {c["step"]: c.get("target_accuracy", c.get("oracle_target_accuracy")) for c in cands}
            row = {"run": f"{r['method']} {r['source']}→{r['target']} s{r['seed']}",
                   "steps": sorted(acc), "last": acc[max(acc)], "oracle": max(acc.values())}
            for p in PROTOCOLS:
                best = None
                for c in sorted(cands, key=lambda c: c["step"]):
                    # ties go to the later candidate, as the engine does
                    if best is None or c["scores"][p] >= best["scores"][p]:
                        best = c
                row[p] = (best["step"], acc[best["step"]])
            rows.append(row)
    if not rows:
        sys.exit("selection-table: no run with candidate scores under " + ", ".join(dirs))
    print("| run | candidates (steps) | last | " + " | ".join(PROTOCOLS)
          + " | oracle (target labels) |")
    print("|---|---|---|" + "---|" * len(PROTOCOLS) + "---|")
    for row in rows:
        cells = [f"{row[p][1]:.4f} (step {row[p][0]})" for p in PROTOCOLS]
        print(f"| {row['run']} | {', '.join(map(str, row['steps']))} | {row['last']:.4f} | "
              + " | ".join(cells) + f" | {row['oracle']:.4f} |")
    print()
    print("| protocol | mean target acc. | mean gap to the oracle | runs where it was closest |")
    print("|---|---|---|---|")
    for p in ["last"] + PROTOCOLS:
        accs = [row[p] if p == "last" else row[p][1] for row in rows]
        gaps = [row["oracle"] - a for row, a in zip(rows, accs)]
        closest = sum(1 for row in rows if (row[p] if p == "last" else row[p][1])
                      >= max([row["last"]] + [row[q][1] for q in PROTOCOLS]) - 1e-12)
        print(f"| {p} | {statistics.mean(accs):.4f} | {statistics.mean(gaps):.4f} "
              f"| {closest} of {len(rows)} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
