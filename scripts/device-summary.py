#!/usr/bin/env python3
"""The table at the end of scripts/device-run: the MAE-B and Bamboo-B bf16 pre-training steps in
bamboo, JAX and PyTorch, from the JSON each wrote into the run folder, with MFU against the bf16
matmul bamboo measured in the same run. Also writes results.json there.

  python3 scripts/device-summary.py device-out
"""

import json
import os
import sys

CONFIGS = ["mae-b", "bamboo-b"]


def last_json(path):
    try:
        with open(path) as f:
            lines = [l for l in f.read().splitlines() if l.startswith("{")]
        return json.loads(lines[-1]) if lines else None
    except (OSError, json.JSONDecodeError):
        return None


def main():
    work = sys.argv[1]
    rows, out = [], {"configs": {}}
    ceiling = None
    for c in CONFIGS:
        b = last_json(os.path.join(work, f"bench-{c}.json"))
        if not b or c not in b.get("configs", {}):
            continue
        r = b["configs"][c]
        ceiling = ceiling or b["matmul_gflops"]
        entry = {"bamboo": r}
        rows.append((c, "bamboo", r["step_ms"], r["batch"], r["train_flops_per_step"], r["compile_s"], r.get("peak_device_mib"), "-"))
        for name in ["peers", "peers-compile"]:
            p = last_json(os.path.join(work, f"{name}.json"))
            for engine, e in ((p or {}).get("configs", {}).get(c, {}) or {}).items():
                if not isinstance(e, dict) or engine in ("train_flops_per_step", "batch"):
                    continue
                entry[engine] = e
                if "step_ms" in e:
                    ok = e.get("check", {}).get("ok")
                    rows.append((c, engine, e["step_ms"], r["batch"], r["train_flops_per_step"], e.get("compile_s"),
                                 e.get("peak_device_mib"), "yes" if ok else "NO"))
                else:
                    rows.append((c, engine, None, r["batch"], r["train_flops_per_step"], None, None, e.get("error", "?")[:40]))
        out["configs"][c] = entry
    if not rows:
        print("no benchmark results")
        return
    out["matmul_gflops"] = ceiling
    print(f"bf16 matmul ceiling measured by bamboo: {ceiling / 1e3:.1f} TFLOP/s")
    print(f"{'config':<9} {'engine':<14} {'ms/step':>8} {'img/s':>7} {'MFU':>6} {'compile s':>9} {'peak GiB':>8}  same model")
    by = {}
    for c, engine, ms, batch, flops, comp, peak, same in rows:
        if ms is None:
            print(f"{c:<9} {engine:<14} {'-':>8} {'-':>7} {'-':>6} {'-':>9} {'-':>8}  {same}")
            continue
        by[(c, engine)] = batch / (ms / 1e3)
        mfu = flops / (ms / 1e3) / (ceiling * 1e9)
        print(f"{c:<9} {engine:<14} {ms:8.1f} {batch / (ms / 1e3):7.0f} {mfu * 100:5.1f}% "
              f"{comp if comp is not None else float('nan'):9.1f} {peak / 1024 if peak else float('nan'):8.1f}  {same}")
    ratios = {}
    for c in CONFIGS:
        for peer in ["jax", "torch", "torch-compile"]:
            if (c, "bamboo") in by and (c, peer) in by:
                ratios[f"{c}: bamboo / {peer}"] = by[(c, "bamboo")] / by[(c, peer)]
    for engine in ["bamboo", "jax", "torch", "torch-compile"]:
        if ("mae-b", engine) in by and ("bamboo-b", engine) in by:
            ratios[f"{engine}: bamboo-b / mae-b"] = by[("bamboo-b", engine)] / by[("mae-b", engine)]
    for k, v in ratios.items():
        print(f"  throughput {k}: {v:.2f}x")
    out["throughput_ratios"] = ratios
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(out, f, indent=1)


if __name__ == "__main__":
    main()
