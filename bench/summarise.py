#!/usr/bin/env python3
"""Turns the JSON lines of bench/run.sh into the benchmark table: median and spread of
images/s, achieved GFLOP/s from an analytic FLOP count, the fraction of this CPU's fp32 peak,
peak resident memory, and the ratios LatentBridge / peer.   usage: summarise.py RESULTS.jsonl"""
import json
import os
import statistics
import sys


def conv(out_hw, c_in, c_out, k):
    return out_hw * out_hw * c_out * c_in * k * k


ENCODER = conv(24, 1, 32, 5) + conv(8, 32, 64, 5) + 64 * 4 * 4 * 512   # MACs per image
DECODER = 64 * 64 * 7 * 7 + conv(14, 64, 32, 3) + conv(28, 32, 1, 3)
# LatentBridge's fused form (nn/UpsampleConvolution): a 2×2 convolution of the small map,
# padding 1, with the four output phases as channels, instead of 3×3 on the upsampled map
DECODER_FUSED = 64 * 64 * 7 * 7 + conv(8, 64, 4 * 32, 2) + conv(15, 32, 4 * 1, 2)
MACS = {  # forward multiply-accumulates per image fed (source and target images alike)
    "source-only": ENCODER + 512 * 64 + 64 * 10,
    "dann": ENCODER + 512 * 64 + 64 * 10 / 2 + 64 * 256 + 256,
    "cdlm": ENCODER + 3 * 512 * 64 + 512 * 10 / 2 + 512 * 256 + 256 + 2 * DECODER,
}


def flops_per_image(model):
    # training = forward + backward ≈ 3 forward passes; 2 FLOPs per multiply-accumulate
    return 3 * 2 * MACS[model]


def executed_flops_per_image(row):
    """The FLOPs the row's implementation executes: fewer than the model's for fused decoders."""
    flops = flops_per_image(row["model"])
    if row["model"] == "cdlm" and row.get("decoder") == "fused":
        flops -= 3 * 2 * 2 * (DECODER - DECODER_FUSED)
    return flops


def cpu_peak():
    flags, mhz, cores = set(), None, os.cpu_count()
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
            if line.startswith("cpu MHz") and mhz is None:
                mhz = float(line.split(":", 1)[1])
    lanes = 16 if "avx512f" in flags else 8 if "avx2" in flags else 4
    fma = 2 if "fma" in flags else 1
    units = 2  # FMA pipes per core on current x86 server cores (assumed, not detectable)
    per_cycle = lanes * fma * units
    peak = cores * mhz / 1000 * per_cycle
    how = (f"{cores} cores × {mhz / 1000:.3f} GHz × {per_cycle} fp32 FLOP/cycle "
           f"({lanes} lanes {'AVX-512' if lanes == 16 else 'AVX2' if lanes == 8 else 'SSE'}"
           f" × {fma} (FMA) × {units} FMA units, assumed) = {peak:.0f} GFLOP/s")
    return peak, how


def main(path):
    rows = [json.loads(l) for l in open(path) if l.startswith("{")]
    peak, how = cpu_peak()
    print(f"CPU fp32 peak: {how}")
    print(f"FLOPs per training image (analytic, 3 × forward): "
          + ", ".join(f"{m} {flops_per_image(m) / 1e6:.1f} M" for m in MACS)
          + f"; cdlm with fused decoders executes "
          + f"{executed_flops_per_image({'model': 'cdlm', 'decoder': 'fused'}) / 1e6:.1f} M")
    print()
    print("| implementation | model | median images/s | spread (min–max) | model GFLOP/s "
          "| executed GFLOP/s | % of peak (executed) | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    med = {}
    for r in rows:
        m = statistics.median(r["ips"])
        med[(r["impl"].split()[0], r["model"])] = m
        gf = m * flops_per_image(r["model"]) / 1e9
        ex = m * executed_flops_per_image(r) / 1e9
        print(f"| {r['impl']} | {r['model']} | {m:.0f} | {min(r['ips']):.0f}–{max(r['ips']):.0f} "
              f"| {gf:.1f} | {ex:.1f} | {100 * ex / peak:.1f} % | {r['rss_mb']} |")
    print()
    for model in ("cdlm", "dann", "source-only"):
        lb = med.get(("latentbridge", model))
        for peer in ("latentbridge-before", "pytorch", "dl4j"):
            if lb and (peer, model) in med:
                print(f"LatentBridge ÷ {peer}, {model}: {lb / med[(peer, model)]:.2f}×")


if __name__ == "__main__":
    main(sys.argv[1])
