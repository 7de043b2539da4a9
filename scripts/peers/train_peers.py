#!/usr/bin/env python3
"""Training-step peers of `bamboo bench-train`: the same models in JAX (jax.jit of
value_and_grad + AdamW; block stacks as lax.scan, and unrolled where that compiles in
reasonable time) and in PyTorch eager (2 threads).

Each engine first proves it runs the same model as bamboo, from what
`bamboo bench-train --export DIR` wrote under DIR/<config>/: it loads the same initial weights
and batch, compares the loss and the gradient of every parameter with bamboo's first step,
and the losses of the first three AdamW steps. Then it times steps the way bamboo does
(warm-up, then the median of the timed steps).

Every (config, engine) pair runs in a fresh subprocess, so its peak RSS is its own and the
thread settings of one library do not leak into another. Progress goes to stderr; the last
line on stdout is one JSON object.

  .venv-peers/bin/python scripts/peers/train_peers.py --export bench-out/train [--configs a,b]
      [--engines jax,jax-unrolled,torch] [--steps 10] [--warmup 3] [--torch-attention sdpa|math]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

ORDER = ["mae-12x192", "mae-48x96", "vit-s16", "vit-48x96", "bert-4x256", "bert-16x128"]


def log(msg):
    print(f"[train_peers] {msg}", file=sys.stderr, flush=True)


def depth_of(model):
    return max(model["encoder"]["depth"], model.get("decoder", {}).get("depth", 0))


def load_export(d):
    import safetensors_io
    with open(os.path.join(d, "ref.json")) as f:
        ref = json.load(f)
    return ref, safetensors_io.load(os.path.join(d, "weights.safetensors")), \
        safetensors_io.load(os.path.join(d, "batch.safetensors")), safetensors_io.load(os.path.join(d, "grads.safetensors"))


def compare(ref, ours_grads, loss, grads):
    """Relative differences of the loss, the global gradient norm and each gradient tensor."""
    import numpy as np
    missing = sorted(set(ours_grads) - set(grads))
    extra = sorted(set(grads) - set(ours_grads))
    if missing or extra:
        raise SystemExit(f"gradient names differ: missing {missing[:5]}, extra {extra[:5]}")
    sq = lambda a: float(np.sum(np.square(a.astype(np.float64))))
    gnorm_ours = sum(sq(g) for g in ours_grads.values()) ** 0.5
    gnorm = sum(sq(g) for g in grads.values()) ** 0.5
    worst_rel, worst_name, worst_abs = 0.0, None, 0.0
    for n, g in ours_grads.items():
        diff = sq(grads[n] - g) ** 0.5
        norm = sq(g) ** 0.5
        worst_abs = max(worst_abs, diff / gnorm_ours)
        # Gradients that are zero in exact arithmetic (attention key biases) hold only rounding
        # noise: they are judged against the global norm above, not against themselves.
        if norm > 1e-6 * gnorm_ours:
            if diff / norm > worst_rel:
                worst_rel, worst_name = diff / norm, n
    return {
        "loss": loss,
        "loss_rel": abs(loss - ref["loss"]) / abs(ref["loss"]),
        "grad_norm_rel": abs(gnorm - gnorm_ours) / gnorm_ours,
        "grad_max_rel": worst_rel,
        "grad_max_rel_name": worst_name,
        "grad_max_abs_over_norm": worst_abs,
    }


def worker(args):
    d = os.path.join(args.export, args.one)
    ref, weights, batch, ours_grads = load_export(d)
    engine = args.engine
    if engine == "torch":
        import torch
        torch.set_num_threads(args.torch_threads)
        from train_models_torch import Model
        model = Model(ref, weights, batch, math_attention=args.torch_attention == "math")
        version = f"torch {torch.__version__}, {torch.get_num_threads()} threads, attention {args.torch_attention}"
        compile_s = None
    else:
        import jax
        from train_models_jax import Model
        model = Model(ref, weights, batch, unrolled=engine == "jax-unrolled")
        version = f"jax {jax.__version__}"
        compile_s = model.compile()

    loss, grads = model.loss_and_grads()
    check = compare(ref, ours_grads, loss, grads)
    model.reset()
    losses, times = [], []
    for i in range(max(args.warmup, 3) + args.steps):
        t0 = time.perf_counter()
        losses.append(model.train_step())
        dt = (time.perf_counter() - t0) * 1e3
        if i >= max(args.warmup, 3):
            times.append(dt)
    ref_losses = ref.get("step_losses", [])
    check["step_loss_rel"] = max((abs(a - b) / abs(b) for a, b in zip(losses, ref_losses)), default=None)
    tol = args.tol
    check["ok"] = bool(check["loss_rel"] < tol and check["grad_norm_rel"] < tol and check["grad_max_rel"] < 10 * tol
                       and (check["step_loss_rel"] is None or check["step_loss_rel"] < tol))
    out = {
        "config": args.one,
        "engine": engine,
        "version": version,
        "compile_s": compile_s,
        "step_ms": statistics.median(times),
        "step_ms_all": times,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "check": check,
    }
    print(json.dumps(out), flush=True)


def numpy_matmul_gflops():
    import numpy as np
    rng = np.random.default_rng(0)
    a = rng.standard_normal((1024, 1024), dtype=np.float32)
    b = rng.standard_normal((1024, 1024), dtype=np.float32)
    times = []
    for i in range(25):
        t0 = time.perf_counter()
        a @ b
        if i >= 5:
            times.append(time.perf_counter() - t0)
    return 2 * 1024 ** 3 / statistics.median(times) / 1e9


def driver(args):
    available = [c for c in ORDER if os.path.exists(os.path.join(args.export, c, "ref.json"))]
    configs = args.configs.split(",") if args.configs else available
    engines = args.engines.split(",")
    results = {}
    gflops = numpy_matmul_gflops()
    log(f"numpy matmul 1024^3: {gflops:.1f} GFLOP/s")
    for c in configs:
        with open(os.path.join(args.export, c, "ref.json")) as f:
            ref = json.load(f)
        results[c] = {"train_flops_per_step": ref["train_flops_per_step"], "batch": ref["batch"]}
        for e in engines:
            if e == "jax-unrolled" and depth_of(ref["model"]) > args.unrolled_max_depth:
                log(f"{c}: jax-unrolled skipped (depth {depth_of(ref['model'])} > {args.unrolled_max_depth}: compile time grows with depth)")
                continue
            cmd = [sys.executable, os.path.abspath(__file__), "--export", args.export, "--one", c, "--engine", e,
                   "--steps", str(args.steps), "--warmup", str(args.warmup), "--tol", str(args.tol),
                   "--torch-threads", str(args.torch_threads), "--torch-attention", args.torch_attention]
            p = subprocess.run(cmd, capture_output=True, text=True)
            if p.returncode != 0:
                log(f"{c} {e} failed:\n{p.stderr[-3000:]}")
                results[c][e] = {"error": p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"exit {p.returncode}"}
                continue
            r = json.loads(p.stdout.strip().splitlines()[-1])
            ch = r["check"]
            log(f"{c:<12} {e:<13} {r['step_ms']:8.1f} ms/step  compile {r['compile_s'] or 0:6.2f} s  RSS {r['peak_rss_mib']:6.0f} MiB  "
                f"same model: {'yes' if ch['ok'] else 'NO'} (loss {ch['loss_rel']:.1e}, |g| {ch['grad_norm_rel']:.1e}, "
                f"worst g {ch['grad_max_rel']:.1e} {ch['grad_max_rel_name']}, steps {ch['step_loss_rel']:.1e})")
            results[c][e] = r
    print(json.dumps({"numpy_matmul_gflops": gflops, "configs": results}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--export", required=True, help="the folder `bamboo bench-train --export` wrote")
    ap.add_argument("--configs", default=None, help="comma-separated; default: every exported one")
    ap.add_argument("--engines", default="jax,jax-unrolled,torch")
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--tol", type=float, default=1e-4, help="relative tolerance of the same-model check")
    ap.add_argument("--torch-threads", type=int, default=2)
    ap.add_argument("--torch-attention", choices=["sdpa", "math"], default="sdpa")
    ap.add_argument("--unrolled-max-depth", type=int, default=16,
                    help="deeper models skip jax-unrolled (48 blocks took 209 s to compile, FACTS.md)")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        worker(args)
    else:
        driver(args)


if __name__ == "__main__":
    main()
