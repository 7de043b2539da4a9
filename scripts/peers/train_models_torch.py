"""The benchmark models in PyTorch eager, with the math of bamboo's models (as in
train_models_jax.py), written the way PyTorch code usually is: one tensor per public parameter
name, a Python loop over the blocks, `torch.optim.AdamW`.

Attention is `F.scaled_dot_product_attention` (what timm and transformers use by default) unless
`math_attention` is set, which spells out softmax(q k^T / sqrt(hd)) v like the other engines.

`device` holds the weights, the batch and the optimizer state. `bf16=True` runs the forward and
the loss under `torch.autocast(device, bfloat16)` with f32 master weights and an f32 loss, and
rounds the float inputs (images, masking noise) to bf16 once, as bamboo's `--bf16` step casts
them (the masking then sorts the same bf16 noise, ties included). `compile=True` is the
`torch-compile` engine: `torch.compile` (default mode) of the loss function, backward through
autograd, `torch.optim.AdamW(fused=True)` on CUDA.
"""

import numpy as np
import torch
import torch.nn.functional as F

from train_models_jax import NAMES, STACKS


def linear(x, p, name):
    return F.linear(x, p[name + ".weight"], p[name + ".bias"])


def layer_norm(x, p, name, eps):
    return F.layer_norm(x, x.shape[-1:], p[name + ".weight"], p[name + ".bias"], eps)


class Blocks:
    """Per-layer views of the public-name parameters under `prefix`."""

    def __init__(self, params, prefix):
        depth = 1 + max(int(n[len(prefix):].split(".", 1)[0]) for n in params if n.startswith(prefix))
        self.layers = [
            {n[len(f"{prefix}{i}."):]: t for n, t in params.items() if n.startswith(f"{prefix}{i}.")}
            for i in range(depth)
        ]


def attention(x, p, n, heads, bias, math):
    b, t, d = x.shape
    hd = d // heads
    if "qkv" in n:
        q, k, v = linear(x, p, n["qkv"]).split(d, dim=-1)
    else:
        q, k, v = linear(x, p, n["q"]), linear(x, p, n["k"]), linear(x, p, n["v"])
    q, k, v = (a.view(b, t, heads, hd).transpose(1, 2) for a in (q, k, v))
    if math:
        s = (q * (1.0 / np.sqrt(hd))) @ k.transpose(-1, -2)
        if bias is not None:
            s = s + bias
        a = s.softmax(-1) @ v
    else:
        a = F.scaled_dot_product_attention(q, k, v, attn_mask=bias)
    return linear(a.transpose(1, 2).reshape(b, t, d), p, n["proj"])


def run_blocks(x, blocks, naming, heads, eps, pre_ln, math, bias=None):
    n = NAMES[naming]
    for p in blocks.layers:
        mlp = lambda z: linear(F.gelu(linear(z, p, n["fc1"])), p, n["fc2"])
        if pre_ln:
            x = x + attention(layer_norm(x, p, n["ln1"], eps), p, n, heads, bias, math)
            x = x + mlp(layer_norm(x, p, n["ln2"], eps))
        else:
            x = layer_norm(x + attention(x, p, n, heads, bias, math), p, n["ln1"], eps)
            x = layer_norm(x + mlp(x), p, n["ln2"], eps)
    return x


def patch_embed(images, w, b):
    return F.conv2d(images, w, b, stride=w.shape[-1]).flatten(2).transpose(1, 2)


def vit_loss(cfg, P, S, batch, math):
    x = patch_embed(batch["images"], P["patch_embed.proj.weight"], P["patch_embed.proj.bias"])
    x = torch.cat([P["cls_token"].expand(x.shape[0], -1, -1), x], 1) + P["pos_embed"]
    x = run_blocks(x, S["blocks"], "timm", cfg["encoder"]["heads"], cfg["layer_norm_eps"], True, math)
    pooled = layer_norm(x[:, 1:].mean(1), P, "fc_norm", cfg["layer_norm_eps"])
    return F.cross_entropy(linear(pooled, P, "head").float(), batch["labels"].long())


def mae_loss(cfg, P, S, batch, math):
    images, noise = batch["images"], batch["noise"]
    eps = cfg["layer_norm_eps"]
    B, C, Hs, _ = images.shape
    p = cfg["patch_size"]
    G = Hs // p
    N = G * G
    keep = int(N * (1 - cfg["mask_ratio"]))
    pos = P["vit.embeddings.position_embeddings"]
    x = patch_embed(images, P["vit.embeddings.patch_embeddings.projection.weight"],
                    P["vit.embeddings.patch_embeddings.projection.bias"]) + pos[:, 1:]
    ids_shuffle = torch.argsort(noise, dim=1, stable=True)
    ids_restore = torch.argsort(ids_shuffle, dim=1, stable=True)
    d = x.shape[2]
    x = torch.gather(x, 1, ids_shuffle[:, :keep, None].expand(-1, -1, d))
    mask = (ids_restore >= keep).float()
    cls = (P["vit.embeddings.cls_token"] + pos[:, :1]).expand(B, -1, -1)
    x = torch.cat([cls, x], 1)
    x = run_blocks(x, S["enc"], "hfvit", cfg["encoder"]["heads"], eps, True, math)
    x = layer_norm(x, P, "vit.layernorm", eps)
    z = linear(x, P, "decoder.decoder_embed")
    dd = z.shape[2]
    z_ = torch.cat([z[:, 1:], P["decoder.mask_token"].expand(B, N - keep, -1)], 1)
    z_ = torch.gather(z_, 1, ids_restore[:, :, None].expand(-1, -1, dd))
    z = torch.cat([z[:, :1], z_], 1) + P["decoder.decoder_pos_embed"]
    z = run_blocks(z, S["dec"], "hfvit", cfg["decoder"]["heads"], eps, True, math)
    pred = linear(layer_norm(z, P, "decoder.decoder_norm", eps), P, "decoder.decoder_pred")[:, 1:]
    target = images.reshape(B, C, G, p, G, p).permute(0, 2, 4, 3, 5, 1).reshape(B, N, p * p * C)
    if cfg["norm_pix_loss"]:
        target = (target - target.mean(-1, keepdim=True)) / (target.var(-1, keepdim=True) + 1e-6) ** 0.5
    per_patch = ((pred.float() - target) ** 2).mean(-1)  # f32 loss (pred is bf16 under autocast)
    return (per_patch * mask).sum() / mask.sum()


def bert_loss(cfg, P, S, batch, math):
    eps = cfg["layer_norm_eps"]
    ids, seg, am = batch["input_ids"].long(), batch["segment_ids"].long(), batch["input_mask"]
    B, L = ids.shape
    word = P["bert.embeddings.word_embeddings.weight"]
    h = F.embedding(ids, word) + P["bert.embeddings.position_embeddings.weight"][:L] \
        + F.embedding(seg, P["bert.embeddings.token_type_embeddings.weight"])
    h = layer_norm(h, P, "bert.embeddings.LayerNorm", eps)
    bias = ((1.0 - am) * torch.finfo(torch.float32).min).view(B, 1, 1, L)
    h = run_blocks(h, S["enc"], "hfbert", cfg["encoder"]["heads"], eps, False, math, bias)
    nsp = linear(torch.tanh(linear(h[:, 0], P, "bert.pooler.dense")), P, "cls.seq_relationship")
    pos = batch["masked_lm_positions"].long()
    at = torch.gather(h, 1, pos[:, :, None].expand(-1, -1, h.shape[2]))
    t = layer_norm(F.gelu(linear(at, P, "cls.predictions.transform.dense")), P, "cls.predictions.transform.LayerNorm", eps)
    logp = F.log_softmax(F.linear(t, word, P["cls.predictions.bias"]).float(), -1)
    nll = -torch.gather(logp, 2, batch["masked_lm_ids"].long()[:, :, None])[..., 0]
    w = batch["masked_lm_weights"]
    mlm = (nll * w).sum() / (w.sum() + 1e-5)
    return mlm + F.cross_entropy(nsp.float(), batch["next_sentence_labels"].long())


LOSSES = {"vit": vit_loss, "mae": mae_loss, "bert": bert_loss}


class Model:
    """One exported configuration in PyTorch (eager, or the loss function under torch.compile)."""

    def __init__(self, ref, weights, batch, math_attention=False, device="cpu", bf16=False, compile=False):
        self.kind = ref["model"]["model"]
        self.cfg = ref["model"]
        self.math = math_attention
        self.device = torch.device(device)
        self.bf16 = bf16
        self.compiled = compile
        self.fixed_names = set(ref["fixed"])
        self.initial = weights

        def prep(a):
            t = torch.from_numpy(a)
            if bf16 and t.is_floating_point():
                t = t.bfloat16().float()
            return t.to(self.device)

        self.batch = {k: prep(v) for k, v in batch.items()}
        self.opt_cfg = ref["optimizer"]
        self.decay = set(ref["decay"])
        model_loss, cfg, math = LOSSES[self.kind], self.cfg, self.math

        def loss_fn(P, S, batch):
            return model_loss(cfg, P, S, batch, math)

        # The parameters go in as arguments (not closed over), so the fresh tensors of reset()
        # meet the same guards and do not recompile.
        self.loss_fn = torch.compile(loss_fn) if compile else loss_fn
        self.reset()

    def reset(self):
        self.P = {}
        for n, a in self.initial.items():
            t = torch.from_numpy(a.copy()).to(self.device)
            self.P[n] = t if n in self.fixed_names else t.requires_grad_(True)
        self.S = {key: Blocks(self.P, prefix) for key, prefix in STACKS[self.kind].items()}
        o = self.opt_cfg
        trainable = [(n, t) for n, t in self.P.items() if t.requires_grad]
        groups = [
            {"params": [t for n, t in trainable if n in self.decay], "weight_decay": o["weight_decay"]},
            {"params": [t for n, t in trainable if n not in self.decay], "weight_decay": 0.0},
        ]
        fused = {"fused": True} if self.compiled and self.device.type == "cuda" else {}
        self.opt = torch.optim.AdamW(groups, lr=o["lr"], betas=(o["beta1"], o["beta2"]), eps=o["eps"], **fused)

    def loss(self):
        with torch.autocast(self.device.type, dtype=torch.bfloat16, enabled=self.bf16):
            loss = self.loss_fn(self.P, self.S, self.batch)
        return loss.float()

    def compile(self):
        """Seconds of the first forward + backward (where torch.compile compiles both graphs);
        includes that one execution. Leaves no gradients and the weights untouched."""
        import time
        t0 = time.perf_counter()
        loss = self.loss()
        loss.backward()
        float(loss.detach())
        if self.device.type == "cuda":
            torch.cuda.synchronize()
        dt = time.perf_counter() - t0
        for t in self.P.values():
            t.grad = None
        return dt

    def loss_and_grads(self):
        for t in self.P.values():
            t.grad = None
        loss = self.loss()
        loss.backward()
        grads = {n: t.grad.detach().cpu().numpy().copy() for n, t in self.P.items() if t.grad is not None}
        for t in self.P.values():
            t.grad = None
        return float(loss.detach()), grads

    def train_step(self):
        self.opt.zero_grad(set_to_none=True)
        loss = self.loss()
        loss.backward()
        self.opt.step()
        return float(loss.detach())  # waits for the step (the optimizer's kernels are queued before the copy)
