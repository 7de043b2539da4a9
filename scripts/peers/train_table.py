#!/usr/bin/env python3
"""The table of scripts/bench-train: reads ROUNDS_DIR/{bamboo,peers}-N.json, prints per
configuration the median over rounds of each engine's median ms/step (with the spread of the
rounds), bamboo's ratios against the better JAX variant, PyTorch eager and torch.compile (ratio
> 1: bamboo is faster), and MFU against bamboo's same-run 1024^3 matmul. Markdown on stdout.
Peer runs on a GPU (--device cuda) add their peak device memory; bf16 runs (no gradients in the
export) are judged by their loss check alone."""

import glob
import json
import os
import statistics
import sys


def load(pattern):
    out = []
    for p in sorted(glob.glob(pattern)):
        with open(p) as f:
            text = f.read().strip()
        if text:
            out.append(json.loads(text))
    return out


def fmt(ms):
    if not ms:
        return "-"
    med = statistics.median(ms)
    return f"{med:.0f}" if len(ms) == 1 else f"{med:.0f} ({min(ms):.0f}-{max(ms):.0f})"


def main():
    d = sys.argv[1]
    ours, peers = load(os.path.join(d, "bamboo-*.json")), load(os.path.join(d, "peers-*.json"))
    ceiling = statistics.median(o["matmul_gflops"] for o in ours)
    np_ceiling = statistics.median(p["numpy_matmul_gflops"] for p in peers) if peers else float("nan")
    order = ["mae-12x192", "mae-48x96", "vit-s16", "vit-48x96", "bert-4x256", "bert-16x128", "mae-b", "bamboo-b"]
    engines = ("jax", "jax-unrolled", "torch", "torch-compile")
    configs = sorted(ours[0]["configs"], key=lambda c: order.index(c) if c in order else len(order))
    rounds = ", ".join("%.0f" % o["matmul_gflops"] for o in ours)
    print(f"rounds: {len(ours)} bamboo, {len(peers)} peers; ms/step = median of the rounds' medians (range over rounds)")
    prec = "bf16" if any(p.get("bf16") for p in peers) else "f32"
    print(f"matmul 1024^3 {prec}: bamboo/XLA {ceiling:.0f} GFLOP/s (rounds: {rounds}), numpy {np_ceiling:.0f}; "
          "MFU is against the XLA matmul timed just before each configuration (column ceiling)\n")
    head = ["config", "bamboo ms", "jax scan ms", "jax unrolled ms", "torch ms", "torch.compile ms", "vs best JAX", "vs torch",
            "vs torch.compile", "MFU bamboo", "MFU jax", "MFU torch", "ceiling GFLOP/s", "compile s bamboo / jax / torch.compile",
            "peak RSS MiB bamboo / jax / torch", "peak device MiB jax / torch / torch.compile", "same model"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for c in configs:
        b = [o["configs"][c]["step_ms"] for o in ours if c in o["configs"]]
        flops = ours[0]["configs"][c]["train_flops_per_step"]
        eng = {}
        for e in engines:
            eng[e] = [p["configs"][c][e] for p in peers if c in p["configs"] and "step_ms" in p["configs"][c].get(e, {})]
        ms = {e: [r["step_ms"] for r in v] for e, v in eng.items()}
        bm = statistics.median(b)
        # The ceiling bamboo measured just before this configuration, median over rounds.
        cc = statistics.median(o["configs"][c].get("matmul_gflops", o["matmul_gflops"]) for o in ours if c in o["configs"])
        jax_best = min((statistics.median(v) for e, v in ms.items() if e.startswith("jax") and v), default=None)
        torch_m = statistics.median(ms["torch"]) if ms["torch"] else None
        compiled_m = statistics.median(ms["torch-compile"]) if ms["torch-compile"] else None
        mfu = lambda m: f"{flops / (m / 1e3) / (cc * 1e9) * 100:.0f}%" if m else "-"
        ratio = lambda m: f"{m / bm:.2f}x" if m else "-"
        checks = [r["check"]["ok"] for v in eng.values() for r in v]
        worst = max((max(x for x in (r["check"]["loss_rel"], r["check"]["grad_max_rel"], r["check"].get("step_loss_rel")) if x is not None)
                     for v in eng.values() for r in v), default=None)
        same = ("yes" if all(checks) else "NO") + (f" (worst rel {worst:.0e})" if worst is not None else "") if checks else "-"
        comp_b = statistics.median(o["configs"][c]["compile_s"] for o in ours if c in o["configs"])
        comp_j = [r["compile_s"] for r in eng["jax"]]
        comp_t = [r["compile_s"] for r in eng["torch-compile"]]
        med1 = lambda v: f"{statistics.median(v):.1f}" if v else "-"
        rss = lambda v: f"{max(r['peak_rss_mib'] for r in v):.0f}" if v else "-"
        dev = lambda v: f"{max(r['peak_device_mib'] for r in v):.0f}" if v and all(r.get("peak_device_mib") is not None for r in v) else "-"
        rss_b = max(o["configs"][c]["peak_rss_mib"] for o in ours if c in o["configs"])
        row = [c, fmt(b), fmt(ms["jax"]), fmt(ms["jax-unrolled"]), fmt(ms["torch"]), fmt(ms["torch-compile"]), ratio(jax_best),
               ratio(torch_m), ratio(compiled_m), mfu(bm), mfu(jax_best), mfu(torch_m), f"{cc:.0f}",
               f"{comp_b:.1f} / {med1(comp_j)} / {med1(comp_t)}",
               f"{rss_b:.0f} / {rss(eng['jax'])} / {rss(eng['torch'])}",
               f"{dev(eng['jax'])} / {dev(eng['torch'])} / {dev(eng['torch-compile'])}", same]
        print("| " + " | ".join(row) + " |")
    print("\nvs best JAX / vs torch / vs torch.compile: the peer's ms/step over bamboo's (above 1.00x bamboo is faster). "
          "Targets: >= 1.5x the better JAX variant, >= 1.0x PyTorch eager.")

    # On a shared machine the fastest step of all rounds is the least disturbed one: the same
    # comparison on those, as a check on what load did to the medians.
    print("\nfastest single step over all rounds (ms), and the ratios on those")
    print("| config | bamboo | jax scan | jax unrolled | torch | torch.compile | vs best JAX | vs torch | vs torch.compile |")
    print("|---|---|---|---|---|---|---|---|---|")
    for c in configs:
        best = lambda runs: min((min(r) for r in runs if r), default=None)
        b = best([o["configs"][c]["step_ms_all"] for o in ours if c in o["configs"]])
        e = {k: best([p["configs"][c][k]["step_ms_all"] for p in peers if "step_ms_all" in p["configs"].get(c, {}).get(k, {})])
             for k in engines}
        jb = min((v for k, v in e.items() if k.startswith("jax") and v), default=None)
        f = lambda v: f"{v:.0f}" if v else "-"
        r = lambda v: f"{v / b:.2f}x" if v else "-"
        print(f"| {c} | {f(b)} | {f(e['jax'])} | {f(e['jax-unrolled'])} | {f(e['torch'])} | {f(e['torch-compile'])} | "
              f"{r(jb)} | {r(e['torch'])} | {r(e['torch-compile'])} |")


if __name__ == "__main__":
    main()
