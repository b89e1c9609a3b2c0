#!/usr/bin/env python3
"""Summarises a libtorch profiler trace (Chrome-trace JSON written by StepBench's TRACE argument).

Prints, per operator name, the calls and the *self* CPU time (the operator's duration minus the
operators it called), the largest first, and what share of the traced wall time went to
operators at all: the rest is time outside libtorch (Java, JNI, the training loop).
    bench/profile_summary.py TRACE.json [TOP]
"""
import json
import sys
from collections import defaultdict


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    with open(path) as f:
        data = json.load(f)
    events = data["traceEvents"] if isinstance(data, dict) else data
    ops = [e for e in events if e.get("ph") == "X" and "dur" in e]
    by_thread = defaultdict(list)
    for e in ops:
        by_thread[e.get("tid")].append(e)
    self_us = defaultdict(float)
    calls = defaultdict(int)
    top_level = 0.0
    first, last = float("inf"), 0.0
    for evs in by_thread.values():
        evs.sort(key=lambda e: (e["ts"], -e["dur"]))
        stack = []  # [end, name, child time]
        def close(upto):
            nonlocal top_level
            while stack and stack[-1][0] <= upto:
                end, name, child, dur = stack.pop()
                self_us[name] += dur - child
                if stack:
                    stack[-1][2] += dur
                else:
                    top_level += dur
        for e in evs:
            close(e["ts"])
            calls[e["name"]] += 1
            stack.append([e["ts"] + e["dur"], e["name"], 0.0, e["dur"]])
            first = min(first, e["ts"])
            last = max(last, e["ts"] + e["dur"])
        close(float("inf"))
    wall = last - first
    total_self = sum(self_us.values())
    print(f"traced wall time {wall / 1e3:.1f} ms; inside operators (top level) "
          f"{top_level / 1e3:.1f} ms ({100 * top_level / wall:.1f} %) over {len(by_thread)} thread(s)")
    print(f"{'operator':<44} {'calls':>7} {'self ms':>9} {'share':>7}")
    for name, us in sorted(self_us.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{name[:44]:<44} {calls[name]:>7} {us / 1e3:>9.1f} {100 * us / total_self:>6.1f}%")


if __name__ == "__main__":
    main()
