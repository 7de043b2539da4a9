"""The benchmark models in JAX, with the math of bamboo's models (tests/fixtures/README.md):
ViT (timm names, fused qkv), MAE (Hugging Face ViTMAE names), BERT (Hugging Face names).

Parameters are a pytree {"top": {public name: array}, "<stack>": {per-layer suffix: [L, ...]}};
block stacks run as `lax.scan` over the stacked parameters, or as a Python loop over static
slices (`unrolled=True`, what most XLA users write).

With `bf16=True` the loss function computes as bamboo's `--bf16` step does: f32 master weights,
every float parameter and float input (images, masking noise, BERT's masks) cast to bf16 at its
start, and the loss itself (MAE's reconstruction MSE with its norm-pix target, the
cross-entropies) in f32; gradients and AdamW stay f32.
"""

import jax
import jax.numpy as jnp
import numpy as np

# Per naming family: the block's roles -> parameter suffixes (weights are PyTorch's [out, in]).
NAMES = {
    "timm": dict(ln1="norm1", qkv="attn.qkv", proj="attn.proj", ln2="norm2", fc1="mlp.fc1", fc2="mlp.fc2"),
    "hfvit": dict(ln1="layernorm_before", q="attention.attention.query", k="attention.attention.key",
                  v="attention.attention.value", proj="attention.output.dense", ln2="layernorm_after",
                  fc1="intermediate.dense", fc2="output.dense"),
    "hfbert": dict(ln1="attention.output.LayerNorm", q="attention.self.query", k="attention.self.key",
                   v="attention.self.value", proj="attention.output.dense", ln2="output.LayerNorm",
                   fc1="intermediate.dense", fc2="output.dense"),
}

# Where each model keeps its block stacks: pytree key -> public-name prefix.
STACKS = {
    "vit": {"blocks": "blocks."},
    "mae": {"enc": "vit.encoder.layer.", "dec": "decoder.decoder_layers."},
    "bert": {"enc": "bert.encoder.layer."},
}


def split_params(kind, weights, fixed):
    """Public-name arrays -> (trainable pytree, fixed dict). Per-layer tensors are stacked."""
    tree = {"top": {}}
    stacks = STACKS[kind]
    for key in stacks:
        tree[key] = {}
    layered = {}
    for name, arr in weights.items():
        if name in fixed:
            continue
        for key, prefix in stacks.items():
            if name.startswith(prefix):
                i, suffix = name[len(prefix):].split(".", 1)
                layered.setdefault((key, suffix), {})[int(i)] = arr
                break
        else:
            tree["top"][name] = jnp.asarray(arr)
    for (key, suffix), per in layered.items():
        tree[key][suffix] = jnp.asarray(np.stack([per[i] for i in range(len(per))]))
    return tree, {n: jnp.asarray(weights[n]) for n in fixed}


def unstack(kind, tree):
    """The inverse of split_params for gradients: public name -> numpy array."""
    out = {n: np.asarray(a) for n, a in tree["top"].items()}
    for key, prefix in STACKS[kind].items():
        for suffix, arr in tree[key].items():
            arr = np.asarray(arr)
            for i in range(arr.shape[0]):
                out[f"{prefix}{i}.{suffix}"] = arr[i]
    return out


def linear(x, p, name):
    return x @ p[name + ".weight"].T + p[name + ".bias"]


def layer_norm(x, p, name, eps):
    mean = x.mean(-1, keepdims=True)
    var = jnp.square(x - mean).mean(-1, keepdims=True)
    return (x - mean) * jax.lax.rsqrt(var + eps) * p[name + ".weight"] + p[name + ".bias"]


def gelu(x):
    return jax.nn.gelu(x, approximate=False)


def attention(x, p, n, heads, bias):
    b, t, d = x.shape
    hd = d // heads
    if "qkv" in n:
        qkv = linear(x, p, n["qkv"])
        q, k, v = qkv[..., :d], qkv[..., d:2 * d], qkv[..., 2 * d:]
    else:
        q, k, v = linear(x, p, n["q"]), linear(x, p, n["k"]), linear(x, p, n["v"])
    q, k, v = (a.reshape(b, t, heads, hd) for a in (q, k, v))
    # A Python float (weak type): a numpy scalar would promote bf16 scores to f32.
    s = jnp.einsum("bqhd,bkhd->bhqk", q * float(1.0 / np.sqrt(hd)), k)
    if bias is not None:
        s = s + bias
    a = jnp.einsum("bhqk,bkhd->bqhd", jax.nn.softmax(s, axis=-1), v)
    return linear(a.reshape(b, t, d), p, n["proj"])


def block(x, p, naming, heads, eps, pre_ln, bias=None):
    n = NAMES[naming]
    mlp = lambda z: linear(gelu(linear(z, p, n["fc1"])), p, n["fc2"])
    if pre_ln:
        y = x + attention(layer_norm(x, p, n["ln1"], eps), p, n, heads, bias)
        return y + mlp(layer_norm(y, p, n["ln2"], eps))
    y = layer_norm(x + attention(x, p, n, heads, bias), p, n["ln1"], eps)
    return layer_norm(y + mlp(y), p, n["ln2"], eps)


def stack(x, stacked, unrolled, **kw):
    if unrolled:
        depth = next(iter(stacked.values())).shape[0]
        for i in range(depth):
            x = block(x, {k: v[i] for k, v in stacked.items()}, **kw)
        return x
    x, _ = jax.lax.scan(lambda h, p: (block(h, p, **kw), None), x, stacked)
    return x


def patch_embed(images, w, b):
    B, C, H, W = images.shape
    d, _, p, _ = w.shape
    x = images.reshape(B, C, H // p, p, W // p, p).transpose(0, 2, 4, 1, 3, 5).reshape(B, -1, C * p * p)
    return x @ w.reshape(d, -1).T + b


def vit_loss(cfg, tree, fixed, batch, unrolled):
    P = tree["top"]
    enc = cfg["encoder"]
    images, labels = batch["images"], batch["labels"]
    x = patch_embed(images, P["patch_embed.proj.weight"], P["patch_embed.proj.bias"])
    cls = jnp.broadcast_to(P["cls_token"], (x.shape[0], 1, x.shape[2]))
    x = jnp.concatenate([cls, x], 1) + P["pos_embed"]
    x = stack(x, tree["blocks"], unrolled, naming="timm", heads=enc["heads"], eps=cfg["layer_norm_eps"], pre_ln=True)
    pooled = layer_norm(x[:, 1:].mean(1), P, "fc_norm", cfg["layer_norm_eps"])
    logits = linear(pooled, P, "head").astype(jnp.float32)
    logp = jax.nn.log_softmax(logits, -1)
    return -jnp.take_along_axis(logp, labels[:, None].astype(jnp.int32), 1).mean()


def mae_loss(cfg, tree, fixed, batch, unrolled):
    P = tree["top"]
    images, noise = batch["images"], batch["noise"]
    eps = cfg["layer_norm_eps"]
    B, C, S, _ = images.shape
    p = cfg["patch_size"]
    G = S // p
    N = G * G
    keep = int(N * (1 - cfg["mask_ratio"]))
    pos = fixed["vit.embeddings.position_embeddings"]
    x = patch_embed(images, P["vit.embeddings.patch_embeddings.projection.weight"],
                    P["vit.embeddings.patch_embeddings.projection.bias"]) + pos[:, 1:]
    ids_shuffle = jnp.argsort(noise, axis=1)
    ids_restore = jnp.argsort(ids_shuffle, axis=1)
    x = jnp.take_along_axis(x, ids_shuffle[:, :keep, None], axis=1)
    mask = (ids_restore >= keep).astype(jnp.float32)
    d = x.shape[2]
    cls = jnp.broadcast_to(P["vit.embeddings.cls_token"] + pos[:, :1], (B, 1, d))
    x = jnp.concatenate([cls, x], 1)
    x = stack(x, tree["enc"], unrolled, naming="hfvit", heads=cfg["encoder"]["heads"], eps=eps, pre_ln=True)
    x = layer_norm(x, P, "vit.layernorm", eps)
    z = linear(x, P, "decoder.decoder_embed")
    dd = z.shape[2]
    masked = jnp.broadcast_to(P["decoder.mask_token"], (B, N - keep, dd))
    z_ = jnp.take_along_axis(jnp.concatenate([z[:, 1:], masked], 1), ids_restore[:, :, None], axis=1)
    z = jnp.concatenate([z[:, :1], z_], 1) + fixed["decoder.decoder_pos_embed"]
    z = stack(z, tree["dec"], unrolled, naming="hfvit", heads=cfg["decoder"]["heads"], eps=eps, pre_ln=True)
    z = layer_norm(z, P, "decoder.decoder_norm", eps)
    # The loss in f32 (a no-op unless bf16): prediction, target and its per-patch normalisation.
    pred = linear(z, P, "decoder.decoder_pred")[:, 1:].astype(jnp.float32)
    images = images.astype(jnp.float32)
    target = images.reshape(B, C, G, p, G, p).transpose(0, 2, 4, 3, 5, 1).reshape(B, N, p * p * C)
    if cfg["norm_pix_loss"]:
        mean = target.mean(-1, keepdims=True)
        var = jnp.square(target - mean).sum(-1, keepdims=True) / (target.shape[-1] - 1)
        target = (target - mean) / jnp.sqrt(var + 1e-6)
    per_patch = jnp.square(pred - target).mean(-1)
    return (per_patch * mask).sum() / mask.sum()


def bert_loss(cfg, tree, fixed, batch, unrolled):
    P = tree["top"]
    eps = cfg["layer_norm_eps"]
    ids, seg, am = batch["input_ids"], batch["segment_ids"], batch["input_mask"]
    B, S = ids.shape
    word = P["bert.embeddings.word_embeddings.weight"]
    h = word[ids] + P["bert.embeddings.position_embeddings.weight"][:S] + P["bert.embeddings.token_type_embeddings.weight"][seg]
    h = layer_norm(h, P, "bert.embeddings.LayerNorm", eps)
    # The additive mask in the compute dtype (f32 min would overflow to -inf in bf16).
    bias = ((1.0 - am.astype(h.dtype)) * jnp.finfo(h.dtype).min).reshape(B, 1, 1, S)
    h = stack(h, tree["enc"], unrolled, naming="hfbert", heads=cfg["encoder"]["heads"], eps=eps, pre_ln=False, bias=bias)
    pooled = jnp.tanh(linear(h[:, 0], P, "bert.pooler.dense"))
    nsp = linear(pooled, P, "cls.seq_relationship")
    at = jnp.take_along_axis(h, batch["masked_lm_positions"][:, :, None], axis=1)
    t = layer_norm(gelu(linear(at, P, "cls.predictions.transform.dense")), P, "cls.predictions.transform.LayerNorm", eps)
    logp = jax.nn.log_softmax((t @ word.T + P["cls.predictions.bias"]).astype(jnp.float32), -1)
    nll = -jnp.take_along_axis(logp, batch["masked_lm_ids"][:, :, None], axis=2)[..., 0]
    w = batch["masked_lm_weights"].astype(jnp.float32)
    mlm = (nll * w).sum() / (w.sum() + 1e-5)
    nlp = jax.nn.log_softmax(nsp.astype(jnp.float32), -1)
    nsp_loss = -jnp.take_along_axis(nlp, batch["next_sentence_labels"][:, None], 1).mean()
    return mlm + nsp_loss


LOSSES = {"vit": vit_loss, "mae": mae_loss, "bert": bert_loss}


def to_bf16(tree):
    """Float leaves to bf16 (integer ids stay as they are)."""
    return jax.tree_util.tree_map(lambda a: a.astype(jnp.bfloat16) if jnp.issubdtype(a.dtype, jnp.floating) else a, tree)


class Model:
    """One exported configuration in JAX: jitted loss+grads and the jitted training step."""

    def __init__(self, ref, weights, batch, unrolled=False, bf16=False):
        self.kind = ref["model"]["model"]
        self.cfg = ref["model"]
        self.unrolled = unrolled
        self.params, self.fixed = split_params(self.kind, weights, set(ref["fixed"]))
        self.batch = {k: jnp.asarray(v) for k, v in batch.items()}
        opt = ref["optimizer"]
        decay = set(ref["decay"])
        # Decay mask per leaf: a stacked leaf decays when its layer-0 public name does.
        mask = {"top": {n: n in decay for n in self.params["top"]}}
        for key, prefix in STACKS[self.kind].items():
            mask[key] = {s: f"{prefix}0.{s}" in decay for s in self.params[key]}
        model_loss = LOSSES[self.kind]

        def loss_fn(tree, fixed, batch):
            if bf16:
                tree, fixed, batch = to_bf16(tree), to_bf16(fixed), to_bf16(batch)
            return model_loss(self.cfg, tree, fixed, batch, unrolled).astype(jnp.float32)

        self.value_and_grad = jax.jit(jax.value_and_grad(loss_fn))
        b1, b2, eps, lr, wd = opt["beta1"], opt["beta2"], opt["eps"], opt["lr"], opt["weight_decay"]

        def step(params, m, v, t, fixed, batch):
            loss, g = jax.value_and_grad(loss_fn)(params, fixed, batch)
            gnorm = jnp.sqrt(sum(jnp.sum(jnp.square(x)) for x in jax.tree_util.tree_leaves(g)))
            t = t + 1
            bc1 = 1 - b1 ** t.astype(jnp.float32)
            bc2 = 1 - b2 ** t.astype(jnp.float32)
            m = jax.tree_util.tree_map(lambda m, g: b1 * m + (1 - b1) * g, m, g)
            v = jax.tree_util.tree_map(lambda v, g: b2 * v + (1 - b2) * g * g, v, g)

            def update(p, m, v, dec):
                u = (m / bc1) / (jnp.sqrt(v / bc2) + eps)
                return p - lr * (u + wd * p) if dec else p - lr * u

            params = jax.tree_util.tree_map(update, params, m, v, mask)
            return params, m, v, t, loss, gnorm

        self.step_fn = jax.jit(step, donate_argnums=(0, 1, 2, 3))
        self.compiled = None
        self.reset()

    def reset(self):
        # Copies: the step donates its inputs, and self.params must survive for loss_and_grads.
        self.state = (
            jax.tree_util.tree_map(jnp.copy, self.params),
            jax.tree_util.tree_map(jnp.zeros_like, self.params),
            jax.tree_util.tree_map(jnp.zeros_like, self.params),
            jnp.zeros((), jnp.int32),
        )

    def loss_and_grads(self):
        loss, g = self.value_and_grad(self.params, self.fixed, self.batch)
        return float(loss), unstack(self.kind, g)

    def compile(self):
        """Seconds to trace, lower and compile the training step."""
        import time
        t0 = time.perf_counter()
        self.compiled = self.step_fn.lower(*self.state, self.fixed, self.batch).compile()
        return time.perf_counter() - t0

    def train_step(self):
        if self.compiled is None:
            self.compile()
        p, m, v, t = self.state
        p, m, v, t, loss, _ = self.compiled(p, m, v, t, self.fixed, self.batch)
        self.state = (p, m, v, t)
        return float(loss)  # waits for the step
