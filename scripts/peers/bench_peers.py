#!/usr/bin/env python3
"""Peer benchmarks for bamboo: reference numbers from NumPy and JAX on this machine.

Prints exactly one JSON object on stdout; progress notes go to stderr.

Measured:
  * numpy_matmul_gflops   -- 1024x1024 @ 1024x1024 float32 matmul, 2*n^3 FLOPs,
                             median over --matmul-iters timed runs after warmup.
  * jax_block_fwd_bwd_ms  -- jax.jit(jax.grad(loss, argnums=<x and every parameter>))
                             on one ViT-B/16 encoder block (batch 8, 197 tokens,
                             width 768, 12 heads, MLP 3072, float32), median over
                             --block-iters timed runs after warmup.
  * jax_block_compile_s   -- trace + lower + XLA compile time of that function.

Run it with the interpreter of the venv made by scripts/setup-peers:
  .venv-peers/bin/python scripts/peers/bench_peers.py [--block-iters N]
      [--matmul-iters N] [--skip-jax]

Threading is left at the libraries' defaults (nothing here sets thread
counts); --xla-flags is the only knob and is off by default.
"""

import argparse
import ctypes
import glob
import json
import os
import platform
import statistics
import sys
import time

import numpy as np

# ViT-B/16 encoder block geometry.
BATCH = 8
TOKENS = 197
WIDTH = 768
HEADS = 12
HEAD_DIM = WIDTH // HEADS  # 64
MLP = 3072
LN_EPS = 1e-6
SEED = 0
INIT_STD = 0.02

# Order of the differentiated arguments of the loss (argnums = all of them).
ARG_NAMES = (
    "x",
    "ln1_w", "ln1_b",
    "qkv_w", "qkv_b",
    "proj_w", "proj_b",
    "ln2_w", "ln2_b",
    "fc1_w", "fc1_b",
    "fc2_w", "fc2_b",
)


def log(msg):
    print(f"[bench_peers] {msg}", file=sys.stderr, flush=True)


def summarize_ms(times_s):
    ms = [t * 1e3 for t in times_s]
    return {
        "median": statistics.median(ms),
        "min": min(ms),
        "max": max(ms),
        "n": len(ms),
        "all": [round(m, 3) for m in ms],
    }


# --------------------------------------------------------------------------
# Thread / environment info
# --------------------------------------------------------------------------

def openblas_threads():
    """Best-effort query of the OpenBLAS thread count numpy's BLAS will use."""
    libdir = os.path.join(os.path.dirname(np.__file__) + ".libs")
    for path in sorted(glob.glob(os.path.join(libdir, "*openblas*.so*"))):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for sym in ("scipy_openblas_get_num_threads64_",
                    "scipy_openblas_get_num_threads",
                    "openblas_get_num_threads64_",
                    "openblas_get_num_threads"):
            fn = getattr(lib, sym, None)
            if fn is not None:
                fn.restype = ctypes.c_int
                return int(fn())
    return None


def numpy_blas_info():
    try:
        cfg = np.show_config(mode="dicts")
        blas = cfg["Build Dependencies"]["blas"]
        return {"name": blas.get("name"), "version": blas.get("version")}
    except Exception as exc:  # pragma: no cover - depends on numpy build
        return {"error": repr(exc)}


def thread_info():
    env_keys = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                "XLA_FLAGS", "TF_NUM_INTEROP_THREADS", "TF_NUM_INTRAOP_THREADS")
    try:
        affinity = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        affinity = None
    try:
        blas_threads = openblas_threads()
    except Exception:
        blas_threads = None
    return {
        "os_cpu_count": os.cpu_count(),
        "sched_affinity_cpus": affinity,
        "numpy_blas_threads": blas_threads,
        "env": {k: os.environ.get(k) for k in env_keys},
    }


# --------------------------------------------------------------------------
# NumPy matmul
# --------------------------------------------------------------------------

def bench_numpy_matmul(iters, n=1024, warmup=3):
    rng = np.random.default_rng(SEED)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    out = np.empty((n, n), dtype=np.float32)
    for _ in range(warmup):
        np.matmul(a, b, out=out)
    times = []
    for _ in range(iters):
        t0 = time.perf_counter()
        np.matmul(a, b, out=out)
        times.append(time.perf_counter() - t0)
    flops = 2.0 * n ** 3
    med = statistics.median(times)
    return {
        "numpy_matmul_gflops": flops / med / 1e9,
        "numpy_matmul_gflops_best": flops / min(times) / 1e9,
        "numpy_matmul_ms": summarize_ms(times),
        "numpy_matmul_n": n,
        "numpy_matmul_iters": iters,
    }


# --------------------------------------------------------------------------
# JAX ViT-B/16 block
# --------------------------------------------------------------------------

def make_inputs():
    """Deterministic x and parameters (numpy RNG, seed 0), all float32.

    Draw order: qkv_w, proj_w, fc1_w, fc2_w (normal * 0.02), then x (normal).
    LayerNorm weights are 1, every bias is 0.
    """
    rng = np.random.default_rng(SEED)

    def w(shape):
        return (rng.standard_normal(shape) * INIT_STD).astype(np.float32)

    qkv_w = w((WIDTH, 3 * WIDTH))
    proj_w = w((WIDTH, WIDTH))
    fc1_w = w((WIDTH, MLP))
    fc2_w = w((MLP, WIDTH))
    x = rng.standard_normal((BATCH, TOKENS, WIDTH)).astype(np.float32)
    ones = lambda k: np.ones((k,), np.float32)  # noqa: E731
    zeros = lambda k: np.zeros((k,), np.float32)  # noqa: E731
    vals = {
        "x": x,
        "ln1_w": ones(WIDTH), "ln1_b": zeros(WIDTH),
        "qkv_w": qkv_w, "qkv_b": zeros(3 * WIDTH),
        "proj_w": proj_w, "proj_b": zeros(WIDTH),
        "ln2_w": ones(WIDTH), "ln2_b": zeros(WIDTH),
        "fc1_w": fc1_w, "fc1_b": zeros(MLP),
        "fc2_w": fc2_w, "fc2_b": zeros(WIDTH),
    }
    return [vals[k] for k in ARG_NAMES]


def block_flops_estimate():
    """Matmul FLOPs of one forward pass; fwd+bwd is taken as 3x that."""
    t = BATCH * TOKENS
    dense = 2 * t * (WIDTH * 3 * WIDTH + WIDTH * WIDTH + 2 * WIDTH * MLP)
    attn = 2 * 2 * BATCH * HEADS * TOKENS * TOKENS * HEAD_DIM  # qk^T and pv
    return dense + attn


def build_loss(jnp, jax):
    def layer_norm(h, weight, bias):
        mean = jnp.mean(h, axis=-1, keepdims=True)
        var = jnp.mean(jnp.square(h - mean), axis=-1, keepdims=True)
        return (h - mean) * jax.lax.rsqrt(var + LN_EPS) * weight + bias

    def attention(h, qkv_w, qkv_b, proj_w, proj_b):
        b, n, c = h.shape
        qkv = h @ qkv_w + qkv_b                                # [B, N, 3C]
        qkv = qkv.reshape(b, n, 3, HEADS, HEAD_DIM)            # timm layout
        qkv = qkv.transpose(2, 0, 3, 1, 4)                     # [3, B, H, N, D]
        q, k, v = qkv[0], qkv[1], qkv[2]
        scores = (q @ k.swapaxes(-1, -2)) * (1.0 / np.sqrt(HEAD_DIM))
        probs = jax.nn.softmax(scores, axis=-1)                # over keys
        o = probs @ v                                          # [B, H, N, D]
        o = o.transpose(0, 2, 1, 3).reshape(b, n, c)
        return o @ proj_w + proj_b

    def mlp(h, fc1_w, fc1_b, fc2_w, fc2_b):
        h = jax.nn.gelu(h @ fc1_w + fc1_b, approximate=False)  # exact erf GELU
        return h @ fc2_w + fc2_b

    def loss(x, ln1_w, ln1_b, qkv_w, qkv_b, proj_w, proj_b,
             ln2_w, ln2_b, fc1_w, fc1_b, fc2_w, fc2_b):
        y = x + attention(layer_norm(x, ln1_w, ln1_b), qkv_w, qkv_b, proj_w, proj_b)
        out = y + mlp(layer_norm(y, ln2_w, ln2_b), fc1_w, fc1_b, fc2_w, fc2_b)
        return jnp.sum(out * out) / out.size

    return loss


def bench_jax_block(iters, warmup=3):
    import jax
    import jax.numpy as jnp
    import jaxlib

    loss = build_loss(jnp, jax)
    host_args = make_inputs()
    args = [jax.device_put(a) for a in host_args]
    jax.block_until_ready(args)

    grad_fn = jax.jit(jax.grad(loss, argnums=tuple(range(len(ARG_NAMES)))))

    t0 = time.perf_counter()
    compiled = grad_fn.lower(*args).compile()
    compile_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    grads = jax.block_until_ready(compiled(*args))
    first_call_s = time.perf_counter() - t0
    for _ in range(max(0, warmup - 1)):
        jax.block_until_ready(compiled(*args))

    times = []
    for _ in range(iters):
        t0 = time.perf_counter()
        jax.block_until_ready(compiled(*args))
        times.append(time.perf_counter() - t0)

    # Checksums so another implementation can verify it computes the same thing.
    loss_val = float(jax.jit(loss)(*args))
    grad_norms = {name: float(np.linalg.norm(np.asarray(g, dtype=np.float64)))
                  for name, g in zip(ARG_NAMES, grads)}

    med_s = statistics.median(times)
    flops = 3 * block_flops_estimate()
    return {
        "jax_block_fwd_bwd_ms": med_s * 1e3,
        "jax_block_fwd_bwd_ms_stats": summarize_ms(times),
        "jax_block_compile_s": compile_s,
        "jax_block_first_call_ms": first_call_s * 1e3,
        "jax_block_iters": iters,
        "jax_block_est_gflops": flops / med_s / 1e9,
        "jax_block_est_flops": flops,
        "jax_block_config": {
            "batch": BATCH, "tokens": TOKENS, "width": WIDTH, "heads": HEADS,
            "head_dim": HEAD_DIM, "mlp": MLP, "dtype": "float32",
            "ln_eps": LN_EPS, "seed": SEED, "init_std": INIT_STD,
            "argnums": list(ARG_NAMES),
        },
        "jax_block_loss": loss_val,
        "jax_block_grad_l2": grad_norms,
        "jax_version": jax.__version__,
        "jaxlib_version": jaxlib.__version__,
        "jax_backend": jax.default_backend(),
        "jax_devices": [str(d) for d in jax.devices()],
    }


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--block-iters", type=int, default=10,
                   help="timed fwd+bwd runs of the JAX block (default 10)")
    p.add_argument("--matmul-iters", type=int, default=50,
                   help="timed NumPy matmul runs (default 50, minimum 10)")
    p.add_argument("--block-warmup", type=int, default=3,
                   help="untimed JAX block calls after compiling (default 3)")
    p.add_argument("--skip-jax", action="store_true",
                   help="only run the NumPy matmul benchmark")
    p.add_argument("--xla-flags", default=None,
                   help="appended to XLA_FLAGS before importing jax "
                        "(e.g. to change XLA CPU threading); off by default")
    args = p.parse_args(argv)
    if args.matmul_iters < 10:
        p.error("--matmul-iters must be >= 10")
    if args.block_iters < 1:
        p.error("--block-iters must be >= 1")
    if args.xla_flags:
        os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " "
                                   + args.xla_flags).strip()

    t_start = time.perf_counter()
    result = {
        "numpy_version": np.__version__,
        "python_version": platform.python_version(),
        "machine": platform.machine(),
        "numpy_blas": numpy_blas_info(),
    }

    log(f"numpy matmul 1024^3 f32, {args.matmul_iters} iters")
    result.update(bench_numpy_matmul(args.matmul_iters))
    log(f"numpy: {result['numpy_matmul_gflops']:.1f} GFLOP/s")

    if args.skip_jax:
        result["jax_skipped"] = True
    else:
        log(f"jax ViT-B/16 block fwd+bwd, {args.block_iters} iters")
        result.update(bench_jax_block(args.block_iters, args.block_warmup))
        log(f"jax: compile {result['jax_block_compile_s']:.2f} s, "
            f"fwd+bwd {result['jax_block_fwd_bwd_ms']:.1f} ms")

    result["threads"] = thread_info()
    result["total_wall_s"] = time.perf_counter() - t_start
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
