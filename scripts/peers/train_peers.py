#!/usr/bin/env python3
"""Training-step peers of `bamboo bench-train`: the same models in JAX (jax.jit of
value_and_grad + AdamW; block stacks as lax.scan, and unrolled where that compiles in
reasonable time), in PyTorch eager (2 threads on a CPU) and in PyTorch with the loss function
under torch.compile (`torch-compile`: default mode, backward through autograd, AdamW fused on
CUDA; its compile_s is the wall time of the first forward + backward, which compiles, with a
fresh Inductor cache per worker, so it is a cold compile).

Each engine first proves it runs the same model as bamboo, from what
`bamboo bench-train --export DIR` wrote under DIR/<config>/: it loads the same initial weights
and batch, compares the loss and the gradient of every parameter with bamboo's first step,
and the losses of the first three AdamW steps. Then it times steps the way bamboo does
(warm-up, then the median of the timed steps; every step reads its loss as a Python float,
which waits for the step, as bamboo reads its loss each step).

--device cuda puts weights, batch and optimizer state on the GPU (JAX: its default backend
there, checked to be a GPU; --device cpu forces JAX's CPU backend). f32 runs on a GPU use full
f32 matmuls (no TF32), as bamboo's f32 dots ask for HIGHEST precision. --bf16 checks an export of
`bamboo bench-train --bf16` (ref.json "bf16": true, no grads.safetensors): bf16 compute, f32
master weights and loss, checked by the first-step loss and three AdamW step losses only, at a
bf16 tolerance. Peak device memory (cuda) is the whole worker run's peak: torch
max_memory_allocated, JAX peak_bytes_in_use of device 0 (both include the first-step check).

Every (config, engine) pair runs in a fresh subprocess, so its peak RSS is its own and the
thread settings of one library do not leak into another. Progress goes to stderr; the last
line on stdout is one JSON object.

  .venv-peers/bin/python scripts/peers/train_peers.py --export bench-out/train [--configs a,b]
      [--engines jax,jax-unrolled,torch,torch-compile] [--steps 10] [--warmup 3]
      [--torch-attention sdpa|math] [--device cpu|cuda] [--bf16] [--worker-timeout S]
"""

import argparse
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

ORDER = ["mae-12x192", "mae-48x96", "vit-s16", "vit-48x96", "bert-4x256", "bert-16x128", "mae-b", "bamboo-b"]
ENGINES = ("jax", "jax-unrolled", "torch", "torch-compile")


def log(msg):
    print(f"[train_peers] {msg}", file=sys.stderr, flush=True)


def depth_of(model):
    return max(model["encoder"]["depth"], model.get("decoder", {}).get("depth", 0))


def load_export(d):
    """ref.json, weights, batch, and bamboo's gradients (None for a bf16 export, which has none)."""
    import safetensors_io
    with open(os.path.join(d, "ref.json")) as f:
        ref = json.load(f)
    gpath = os.path.join(d, "grads.safetensors")
    return ref, safetensors_io.load(os.path.join(d, "weights.safetensors")), \
        safetensors_io.load(os.path.join(d, "batch.safetensors")), \
        safetensors_io.load(gpath) if os.path.exists(gpath) else None


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "cpu"


def compare(ref, ours_grads, loss, grads):
    """Relative differences of the loss, the global gradient norm and each gradient tensor."""
    import numpy as np
    if ours_grads is None:
        # A bf16 export: the loss (bamboo's first step) and, later, the step losses only.
        return {"loss": loss, "loss_rel": abs(loss - ref["loss"]) / abs(ref["loss"]), "grad_norm_rel": None,
                "grad_max_rel": None, "grad_max_rel_name": None, "grad_max_abs_over_norm": None}
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
    if bool(ref.get("bf16", False)) != args.bf16:
        raise SystemExit(f"{d}: the export is {'bf16' if ref.get('bf16') else 'f32'}, the run {'bf16' if args.bf16 else 'f32'}")
    engine = args.engine
    cuda = args.device == "cuda"
    if engine.startswith("torch"):
        import torch
        if cuda:
            if not torch.cuda.is_available():
                raise SystemExit("--device cuda: torch sees no CUDA device")
            if not args.bf16:
                # f32 means f32 (bamboo's f32 dots are HIGHEST precision): no TF32 in matmuls or the
                # patch-embedding convolution.
                torch.backends.cuda.matmul.allow_tf32 = False
                torch.backends.cudnn.allow_tf32 = False
        else:
            torch.set_num_threads(args.torch_threads)
        from train_models_torch import Model
        model = Model(ref, weights, batch, math_attention=args.torch_attention == "math", device=args.device,
                      bf16=args.bf16, compile=engine == "torch-compile")
        library, library_version = "torch", torch.__version__
        version = f"torch {torch.__version__}"
        version += f", CUDA {torch.version.cuda}" if cuda else f", {torch.get_num_threads()} threads"
        version += f", attention {args.torch_attention}" + (", torch.compile" if engine == "torch-compile" else "")
        device_name = torch.cuda.get_device_name(0) if cuda else cpu_name()
        compile_s = model.compile() if engine == "torch-compile" else None
    else:
        import jax
        if cuda:
            if jax.default_backend() != "gpu":
                raise SystemExit(f"--device cuda: JAX's backend is {jax.default_backend()}, not gpu (is the CUDA plugin installed?)")
            if not args.bf16:
                jax.config.update("jax_default_matmul_precision", "highest")
        else:
            jax.config.update("jax_platforms", "cpu")
        from train_models_jax import Model
        model = Model(ref, weights, batch, unrolled=engine == "jax-unrolled", bf16=args.bf16)
        library, library_version = "jax", jax.__version__
        dev = jax.devices()[0]
        version = f"jax {jax.__version__}"
        try:
            version += f", {dev.client.platform} {dev.client.platform_version}"
        except Exception:
            pass
        device_name = dev.device_kind if cuda else cpu_name()
        compile_s = model.compile()

    if ours_grads is not None:
        loss, grads = model.loss_and_grads()
        model.reset()
    else:
        loss, grads = None, None  # a bf16 export: the first training step's loss is the check
    losses, times = [], []
    for i in range(max(args.warmup, 3) + args.steps):
        t0 = time.perf_counter()
        losses.append(model.train_step())
        dt = (time.perf_counter() - t0) * 1e3
        if i >= max(args.warmup, 3):
            times.append(dt)
    check = compare(ref, ours_grads, losses[0] if loss is None else loss, grads)
    ref_losses = ref.get("step_losses", [])
    check["step_loss_rel"] = max((abs(a - b) / abs(b) for a, b in zip(losses, ref_losses)), default=None)
    tol = args.tol
    grads_ok = ours_grads is None or (check["grad_norm_rel"] < tol and check["grad_max_rel"] < 10 * tol)
    check["tol"] = tol
    check["ok"] = bool(check["loss_rel"] < tol and grads_ok and (check["step_loss_rel"] is None or check["step_loss_rel"] < tol))

    peak_device_mib = None
    if cuda and library == "torch":
        peak_device_mib = torch.cuda.max_memory_allocated() / 2 ** 20
    elif cuda:
        stats = jax.devices()[0].memory_stats() or {}
        if "peak_bytes_in_use" in stats:
            peak_device_mib = stats["peak_bytes_in_use"] / 2 ** 20
    out = {
        "config": args.one,
        "engine": engine,
        "version": version,
        "library": library,
        "library_version": library_version,
        "device": args.device,
        "device_name": device_name,
        "bf16": args.bf16,
        "compile_s": compile_s,
        "step_ms": statistics.median(times),
        "step_ms_all": times,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "peak_device_mib": peak_device_mib,
        "peak_device_scope": "whole worker run" if peak_device_mib is not None else None,
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


def run_worker(cmd, env, timeout):
    """Runs one worker in its own process group; on timeout the whole group (torch.compile's
    compile workers too) is killed. Returns (returncode or None on timeout, stdout, stderr)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        return p.returncode, out, err
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        return None, out, err


def fmt_rel(x):
    return "-" if x is None else f"{x:.1e}"


def driver(args):
    available = [c for c in ORDER if os.path.exists(os.path.join(args.export, c, "ref.json"))]
    configs = args.configs.split(",") if args.configs else available
    engines = args.engines.split(",")
    unknown = [e for e in engines if e not in ENGINES]
    if unknown:
        raise SystemExit(f"--engines: unknown {unknown} (known: {', '.join(ENGINES)})")
    # A bf16 flag that does not match the export would compare different computations: refuse
    # before any worker starts.
    for c in configs:
        with open(os.path.join(args.export, c, "ref.json")) as f:
            ref_bf16 = bool(json.load(f).get("bf16", False))
        if ref_bf16 != args.bf16:
            raise SystemExit(f"{c}: the export is {'bf16' if ref_bf16 else 'f32'}; run with{'' if ref_bf16 else 'out'} --bf16")
    env = dict(os.environ)
    if args.device == "cpu":
        env["JAX_PLATFORMS"] = "cpu"
    log(f"device {args.device}, {'bf16' if args.bf16 else 'f32'}, tolerance {args.tol:g}")
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
                   "--torch-threads", str(args.torch_threads), "--torch-attention", args.torch_attention,
                   "--device", args.device] + (["--bf16"] if args.bf16 else [])
            wenv = env
            if e == "torch-compile":
                # A fresh Inductor/Triton cache per worker: compile_s is a cold compile (as bamboo's
                # and JAX's are), also when the script runs twice on one machine.
                cache = tempfile.mkdtemp(prefix="peers-inductor-")
                wenv = dict(env, TORCHINDUCTOR_CACHE_DIR=cache, TRITON_CACHE_DIR=os.path.join(cache, "triton"))
            t0 = time.perf_counter()
            try:
                rc, out, err = run_worker(cmd, wenv, args.worker_timeout)
            finally:
                if wenv is not env:
                    shutil.rmtree(wenv["TORCHINDUCTOR_CACHE_DIR"], ignore_errors=True)
            wall = time.perf_counter() - t0
            if rc is None:
                log(f"{c} {e} timed out after {args.worker_timeout:g} s (killed):\n{err[-3000:]}")
                results[c][e] = {"error": f"timed out after {args.worker_timeout:g} s", "wall_s": wall}
                continue
            if rc != 0:
                log(f"{c} {e} failed:\n{err[-3000:]}")
                results[c][e] = {"error": err.strip().splitlines()[-1] if err.strip() else f"exit {rc}", "wall_s": wall}
                continue
            r = json.loads(out.strip().splitlines()[-1])
            r["wall_s"] = wall
            ch = r["check"]
            dev = f"  device {r['peak_device_mib']:6.0f} MiB" if r.get("peak_device_mib") is not None else ""
            grads = "" if ch["grad_norm_rel"] is None else \
                f", |g| {fmt_rel(ch['grad_norm_rel'])}, worst g {fmt_rel(ch['grad_max_rel'])} {ch['grad_max_rel_name']}"
            log(f"{c:<12} {e:<13} {r['step_ms']:8.1f} ms/step  compile {r['compile_s'] or 0:6.2f} s  RSS {r['peak_rss_mib']:6.0f} MiB{dev}  "
                f"same model: {'yes' if ch['ok'] else 'NO'} (loss {fmt_rel(ch['loss_rel'])}{grads}, steps {fmt_rel(ch['step_loss_rel'])})")
            results[c][e] = r
    print(json.dumps({"numpy_matmul_gflops": gflops, "device": args.device, "bf16": args.bf16, "tol": args.tol,
                      "configs": results}))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--export", required=True, help="the folder `bamboo bench-train --export` wrote")
    ap.add_argument("--configs", default=None, help="comma-separated; default: every exported one")
    ap.add_argument("--engines", default="jax,jax-unrolled,torch", help=f"comma-separated, of {', '.join(ENGINES)}")
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--tol", type=float, default=None,
                    help="relative tolerance of the same-model check (default 1e-4, with --bf16 3e-2)")
    ap.add_argument("--torch-threads", type=int, default=2)
    ap.add_argument("--torch-attention", choices=["sdpa", "math"], default="sdpa")
    ap.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    ap.add_argument("--bf16", action="store_true",
                    help="bf16 compute, f32 master weights and loss; needs an export of `bamboo bench-train --bf16`")
    ap.add_argument("--worker-timeout", type=float, default=None,
                    help="seconds per (config, engine) worker; one that runs longer is killed and recorded as an error")
    ap.add_argument("--unrolled-max-depth", type=int, default=16,
                    help="deeper models skip jax-unrolled (48 blocks took 209 s to compile, FACTS.md)")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--engine", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.tol is None:
        args.tol = 3e-2 if args.bf16 else 1e-4
    if args.one:
        worker(args)
    else:
        driver(args)


if __name__ == "__main__":
    main()
