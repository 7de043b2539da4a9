#!/usr/bin/env python3
"""Write the parity fixtures in tests/fixtures/ from the PyTorch reference implementations.

Run `scripts/parity/setup` first, then `.venv-parity/bin/python scripts/parity/make_fixtures.py [MODEL...]`
(all models when none is named: vit, mae, bert, bert_cls, clip, opt).

Per model (tests/fixtures/<model>/):
  weights.safetensors  parameters under their public names (timm keys; the classic Hugging Face
                       hub keys for MAE, BERT and OPT, written by save_pretrained and checked to
                       load back through from_pretrained)
  inputs.safetensors   the batch (and MAE's masking noise)
  outputs.safetensors  logits, losses, MAE prediction and mask, every block's hidden states
  grads.safetensors    d loss / d parameter for every trainable parameter, by public name
  config.json          the reference's config, the same model as a bamboo ModelConfig, counts

Weights are re-drawn at a larger scale than the references' init (std 0.02 would leave every
block close to the identity, and a wrong layer norm or bias would hide under 1e-4).
Everything is float32; the script is deterministic (fixed seeds, one thread).
"""

import json
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path

import torch
import timm
import transformers
from safetensors.torch import load_file, save_file
from transformers import (BertConfig, BertForPreTraining, BertForSequenceClassification, CLIPConfig, CLIPModel,
                          OPTConfig, OPTForCausalLM, ViTMAEConfig, ViTMAEForPreTraining)

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests" / "fixtures"
VERSIONS = {"torch": torch.__version__, "transformers": transformers.__version__, "timm": timm.__version__}


# Embedding tables and learned tokens (not matrices that multiply an input).
TABLES = ("cls_token", "mask_token", "pos_embed", "position_embeddings", "word_embeddings", "token_type_embeddings",
          "class_embedding", "position_embedding", "token_embedding", "embed_tokens", "embed_positions")


def rescale_(model, skip=()):
    """Re-draw parameters: matrices ~ N(0, 1/fan_in), norms' weights 1 + N(0, 0.1), everything
    else (biases, tokens, learned positions) ~ N(0, 0.2). Names in `skip` keep their values."""
    g = torch.Generator().manual_seed(1234)
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name in skip or not p.requires_grad:
                continue
            table = any(t in name for t in TABLES)
            if p.ndim >= 2 and not table:
                fan_in = p[0].numel()
                p.copy_(torch.randn(p.shape, generator=g) / math.sqrt(fan_in))
            elif table:
                p.copy_(torch.randn(p.shape, generator=g) * 0.5)
            elif "norm" in name.lower() and name.endswith("weight"):
                p.copy_(1 + 0.1 * torch.randn(p.shape, generator=g))
            else:
                p.copy_(0.2 * torch.randn(p.shape, generator=g))


def block_outputs(modules):
    """Forward hooks collecting each module's output (first element if it returns a tuple)."""
    store, handles = [], []
    for m in modules:
        def hook(_m, _inp, out):
            store.append((out[0] if isinstance(out, tuple) else out).detach().clone())
        handles.append(m.register_forward_hook(hook))
    return store, handles


def contiguous(d):
    return {k: v.detach().contiguous().clone() for k, v in d.items()}


def grads_of(model, loss):
    model.zero_grad(set_to_none=True)
    loss.backward()
    out, frozen = {}, []
    # named_parameters drops tied duplicates: a tied weight appears once, under its first name.
    for name, p in model.named_parameters():
        if p.grad is None:
            frozen.append(name)
        else:
            out[name] = p.grad
    return contiguous(out), frozen


def trainable(model):
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def write(name, weights_path_or_dict, inputs, outputs, grads, config, extra_grads=None):
    d = OUT / name
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(weights_path_or_dict, Path):
        shutil.copyfile(weights_path_or_dict, d / "weights.safetensors")
    else:
        save_file(contiguous(weights_path_or_dict), d / "weights.safetensors", metadata={"format": "pt"})
    save_file(contiguous(inputs), d / "inputs.safetensors")
    save_file(contiguous(outputs), d / "outputs.safetensors")
    save_file(grads, d / "grads.safetensors")
    for fname, g in (extra_grads or {}).items():
        save_file(g, d / fname)
    config["versions"] = VERSIONS
    (d / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    size = sum(f.stat().st_size for f in d.iterdir())
    print(f"{name}: {size / 1e3:.0f} kB in {d.relative_to(ROOT)}")


def stack(hidden):
    return {f"hidden_states.{i}": h for i, h in enumerate(hidden)}


# ---------------------------------------------------------------------------------------------
def vit():
    torch.manual_seed(0)
    cfg = dict(img_size=32, patch_size=8, in_chans=3, num_classes=10, embed_dim=32, depth=2, num_heads=4,
               mlp_ratio=4.0, qkv_bias=True, class_token=True, global_pool="avg", drop_rate=0.0,
               drop_path_rate=0.0)
    model = timm.models.vision_transformer.VisionTransformer(**cfg).eval()
    rescale_(model)
    names = set(model.state_dict())
    assert {"blocks.0.attn.qkv.weight", "fc_norm.weight", "pos_embed", "cls_token"} <= names, names
    assert not any(n.startswith("norm.") for n in names), "avg pooling should use fc_norm, not norm"

    x = torch.randn(2, 3, 32, 32)
    labels = torch.tensor([3, 7])
    embed_store, h1 = block_outputs([model.pos_drop])
    hidden, h2 = block_outputs(list(model.blocks))
    pooled_store, h3 = block_outputs([model.fc_norm])
    logits = model(x)
    for h in h1 + h2 + h3:
        h.remove()
    loss = torch.nn.functional.cross_entropy(logits, labels)
    grads, frozen = grads_of(model, loss)
    assert not frozen, frozen
    # Self-check of the documented pooling: mean over the patch tokens only, then fc_norm.
    ref_pool = model.fc_norm(hidden[-1][:, 1:].mean(1))
    assert torch.allclose(ref_pool, pooled_store[0], atol=1e-6)

    outputs = {"logits": logits, "loss": loss.reshape(()), "pre_logits": pooled_store[0],
               **stack(embed_store + hidden)}
    config = {
        "model": "vit",
        "reference": "timm.models.vision_transformer.VisionTransformer",
        "reference_config": cfg,
        "bamboo": {"model": "vit", "image_size": 32, "patch_size": 8, "channels": 3,
                   "encoder": {"depth": 2, "width": 32, "heads": 4, "mlp_dim": 128},
                   "num_classes": 10, "pool": "avg", "class_token": True, "norm": "pre",
                   "layer_norm_eps": 1e-6, "drop_path": 0.0, "dropout": 0.0},
        "trainable_params": trainable(model),
        "hidden_states": "hidden_states.0 = patch embedding + cls + pos (input of block 0); "
                         "hidden_states.i = output of block i-1 (before any final norm)",
        "loss": "cross_entropy(logits, labels), mean over the batch",
    }
    write("vit", model.state_dict(), {"pixel_values": x, "labels": labels}, outputs, grads, config)


def sincos_2d(dim, grid):
    """The documented table: zero row for cls, then for patch (row i, col j)
    [sin(j w), cos(j w), sin(i w), cos(i w)] with w_t = 10000^(-t / (dim/4))."""
    w = 1.0 / 10000 ** (torch.arange(dim // 4, dtype=torch.float64) / (dim / 4))
    rows = [torch.zeros(dim, dtype=torch.float64)]
    for i in range(grid):
        for j in range(grid):
            rows.append(torch.cat([torch.sin(j * w), torch.cos(j * w), torch.sin(i * w), torch.cos(i * w)]))
    return torch.stack(rows).float()


# ---------------------------------------------------------------------------------------------
def mae():
    torch.manual_seed(0)
    cfg = ViTMAEConfig(image_size=32, patch_size=8, num_channels=3, hidden_size=32, num_hidden_layers=2,
                       num_attention_heads=4, intermediate_size=128, decoder_hidden_size=16,
                       decoder_num_hidden_layers=2, decoder_num_attention_heads=2, decoder_intermediate_size=64,
                       mask_ratio=0.75, norm_pix_loss=True, layer_norm_eps=1e-6, hidden_act="gelu",
                       hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0, qkv_bias=True,
                       attn_implementation="eager")
    model = ViTMAEForPreTraining(cfg).eval()
    # transformers 4.57's _init_weights zeroes decoder_pos_embed after the decoder filled in its
    # sin-cos table (pretrained files carry the real one): restore it, and check both tables.
    model.decoder.initialize_weights(16)
    for table in (model.vit.embeddings.position_embeddings, model.decoder.decoder_pos_embed):
        assert torch.allclose(table[0], sincos_2d(table.shape[-1], 4), atol=1e-6)
    rescale_(model)

    x = torch.randn(2, 3, 32, 32)
    noise = torch.rand(2, 16)
    enc_hidden, h1 = block_outputs(list(model.vit.encoder.layer))
    dec_hidden, h2 = block_outputs(list(model.decoder.decoder_layers))
    enc_in, h3 = block_outputs([model.vit.embeddings])
    dec_norm, h4 = block_outputs([model.decoder.decoder_norm])
    out = model(pixel_values=x, noise=noise)
    for h in h1 + h2 + h3 + h4:
        h.remove()
    grads, frozen = grads_of(model, out.loss)

    # The same weights and noise with norm_pix_loss off: only the loss (and its gradient) change.
    model.config.norm_pix_loss = False
    out_raw = model(pixel_values=x, noise=noise)
    grads_raw, _ = grads_of(model, out_raw.loss)
    model.config.norm_pix_loss = True
    assert torch.equal(out.logits, out_raw.logits) and torch.equal(out.mask, out_raw.mask)

    # Self-check of the documented loss and patchify order.
    target = model.patchify(x)
    g = 32 // 8
    manual = x.reshape(2, 3, g, 8, g, 8).permute(0, 2, 4, 3, 5, 1).reshape(2, g * g, 8 * 8 * 3)
    assert torch.equal(target, manual)
    t = (target - target.mean(-1, keepdim=True)) / (target.var(-1, keepdim=True, unbiased=True) + 1e-6) ** 0.5
    per_patch = ((out.logits - t) ** 2).mean(-1)
    assert torch.allclose((per_patch * out.mask).sum() / out.mask.sum(), out.loss, atol=1e-6)

    weights = save_hf(model, ViTMAEForPreTraining, dict(pixel_values=x, noise=noise), out.logits)
    outputs = {
        "logits": out.logits, "mask": out.mask, "ids_restore": out.ids_restore,
        "loss": out.loss.reshape(()), "loss_raw_pix": out_raw.loss.reshape(()),
        "target_norm_pix": t, "target_raw_pix": target,
        "encoder.last_hidden_state": model.vit(pixel_values=x, noise=noise).last_hidden_state,
        "decoder.normed": dec_norm[0],
        **{f"encoder.{k}": v for k, v in stack(enc_in + enc_hidden).items()},
        **{f"decoder.{k}": v for k, v in stack(dec_hidden).items()},
    }
    config = {
        "model": "mae",
        "reference": "transformers.ViTMAEForPreTraining",
        "reference_config": cfg.to_dict(),
        "bamboo": {"model": "mae", "image_size": 32, "patch_size": 8, "channels": 3,
                   "encoder": {"depth": 2, "width": 32, "heads": 4, "mlp_dim": 128},
                   "decoder": {"depth": 2, "width": 16, "heads": 2, "mlp_dim": 64},
                   "mask_ratio": 0.75, "norm_pix_loss": True, "norm": "pre", "layer_norm_eps": 1e-6,
                   "drop_path": 0.0},
        "trainable_params": trainable(model),
        "frozen_params": frozen,
        "hidden_states": "encoder.hidden_states.0 = embeddings output (cls + visible patches, pos added); "
                         "encoder.hidden_states.i = output of encoder layer i-1 (before vit.layernorm); "
                         "decoder.hidden_states.i = output of decoder layer i (0-based, before decoder_norm)",
        "loss": "norm_pix_loss=True (grads.safetensors); loss_raw_pix / grads_raw_pix.safetensors: False",
    }
    write("mae", weights, {"pixel_values": x, "noise": noise}, outputs, grads, config,
          extra_grads={"grads_raw_pix.safetensors": grads_raw})


# ---------------------------------------------------------------------------------------------
def bert():
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=99, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=128, hidden_act="gelu", hidden_dropout_prob=0.0,
                     attention_probs_dropout_prob=0.0, max_position_embeddings=64, type_vocab_size=2,
                     layer_norm_eps=1e-12, pad_token_id=0, attn_implementation="eager")
    model = BertForPreTraining(cfg).eval()
    rescale_(model)
    assert model.cls.predictions.decoder.weight is model.bert.embeddings.word_embeddings.weight

    B, S, M = 3, 16, 4
    g = torch.Generator().manual_seed(7)
    input_ids = torch.randint(5, 99, (B, S), generator=g)
    input_ids[:, 0] = 2                      # a [CLS]-like id
    token_type_ids = torch.zeros(B, S, dtype=torch.long)
    token_type_ids[:, 9:] = 1
    attention_mask = torch.ones(B, S, dtype=torch.long)
    attention_mask[2, 11:] = 0                # the last example is padded
    input_ids[2, 11:] = 0
    token_type_ids[2, 11:] = 0
    # The TF-record form (positions, ids, weights) and the HF form (labels with -100) of one masking.
    positions = torch.tensor([[1, 4, 7, 12], [2, 3, 10, 15], [1, 5, 8, 0]])
    weights = torch.tensor([[1.0, 1, 1, 1], [1, 1, 1, 1], [1, 1, 1, 0]])
    lm_ids = torch.randint(5, 99, (B, M), generator=g) * weights.long()
    labels = torch.full((B, S), -100)
    for b in range(B):
        for m in range(M):
            if weights[b, m] > 0:
                labels[b, positions[b, m]] = lm_ids[b, m]
    nsp = torch.tensor([0, 1, 0])

    hidden, h1 = block_outputs(list(model.bert.encoder.layer))
    emb, h2 = block_outputs([model.bert.embeddings])
    out = model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids,
                labels=labels, next_sentence_label=nsp)
    for h in h1 + h2:
        h.remove()
    mlm = torch.nn.functional.cross_entropy(out.prediction_logits.reshape(-1, 99), labels.reshape(-1),
                                            ignore_index=-100)
    nsp_loss = torch.nn.functional.cross_entropy(out.seq_relationship_logits, nsp)
    assert torch.allclose(mlm + nsp_loss, out.loss, atol=1e-6)
    grads, frozen = grads_of(model, out.loss)
    assert not frozen, frozen

    inputs = {"input_ids": input_ids, "token_type_ids": token_type_ids, "attention_mask": attention_mask,
              "labels": labels, "next_sentence_label": nsp, "masked_lm_positions": positions,
              "masked_lm_ids": lm_ids, "masked_lm_weights": weights}
    weights_file = save_hf(model, BertForPreTraining,
                           dict(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids),
                           out.prediction_logits)
    gathered = torch.gather(out.prediction_logits, 1, positions.unsqueeze(-1).expand(B, M, 99))
    outputs = {"prediction_logits": out.prediction_logits, "seq_relationship_logits": out.seq_relationship_logits,
               "masked_lm_logits": gathered, "loss": out.loss.reshape(()), "mlm_loss": mlm.reshape(()),
               "nsp_loss": nsp_loss.reshape(()), **stack(emb + hidden)}
    config = {
        "model": "bert",
        "reference": "transformers.BertForPreTraining",
        "reference_config": cfg.to_dict(),
        "bamboo": {"model": "bert", "vocab_size": 99, "max_positions": 64, "type_vocab_size": 2,
                   "encoder": {"depth": 2, "width": 32, "heads": 4, "mlp_dim": 128}, "norm": "post",
                   "layer_norm_eps": 1e-12, "hidden_dropout": 0.0, "attention_dropout": 0.0,
                   "seq_len": S, "max_predictions": M, "num_labels": 2},
        "trainable_params": trainable(model),
        "tied": {"cls.predictions.decoder.weight": "bert.embeddings.word_embeddings.weight",
                 "cls.predictions.decoder.bias": "cls.predictions.bias"},
        "hidden_states": "hidden_states.0 = embeddings output (after their LayerNorm); "
                         "hidden_states.i = output of layer i-1",
        "loss": "loss = mlm_loss + nsp_loss; mlm_loss = mean CE over labels != -100 (= sum(w*CE)/sum(w) "
                "over masked_lm_*), nsp_loss = mean CE over the batch",
    }
    write("bert", weights_file, inputs, outputs, grads, config)


# ---------------------------------------------------------------------------------------------
def clip():
    torch.manual_seed(0)
    # eos_token_id=2 selects the openai hub files' pooling rule in 4.57: the position of the
    # largest id. A second pass below checks the other rule (first position of eos_token_id).
    text = dict(vocab_size=99, hidden_size=32, intermediate_size=64, num_hidden_layers=2, num_attention_heads=4,
                max_position_embeddings=16, hidden_act="quick_gelu", layer_norm_eps=1e-5, attention_dropout=0.0,
                pad_token_id=1, bos_token_id=0, eos_token_id=2, projection_dim=24)
    vision = dict(image_size=28, patch_size=7, num_channels=1, hidden_size=32, intermediate_size=64,
                  num_hidden_layers=3, num_attention_heads=4, hidden_act="quick_gelu", layer_norm_eps=1e-5,
                  attention_dropout=0.0, projection_dim=24)
    cfg = CLIPConfig(text_config=text, vision_config=vision, projection_dim=24, logit_scale_init_value=2.6592)
    # Eager attention in both towers (the config keyword alone leaves the sub-configs on sdpa).
    model = CLIPModel._from_config(cfg, attn_implementation="eager").eval()
    assert model.text_model.config._attn_implementation == "eager" == model.vision_model.config._attn_implementation
    rescale_(model, skip={"logit_scale"})
    with torch.no_grad():
        model.logit_scale.fill_(2.0)  # exp(2) = 7.4: sharp enough that a wrong logit shows in the loss
    names = set(model.state_dict())
    want = {"vision_model.embeddings.class_embedding", "vision_model.embeddings.patch_embedding.weight",
            "vision_model.embeddings.position_embedding.weight", "vision_model.pre_layrnorm.weight",
            "vision_model.encoder.layers.0.self_attn.q_proj.weight", "vision_model.encoder.layers.0.layer_norm1.bias",
            "vision_model.encoder.layers.2.mlp.fc2.weight", "vision_model.post_layernorm.bias",
            "text_model.embeddings.token_embedding.weight", "text_model.embeddings.position_embedding.weight",
            "text_model.encoder.layers.1.self_attn.out_proj.bias", "text_model.final_layer_norm.weight",
            "visual_projection.weight", "text_projection.weight", "logit_scale"}
    assert want <= names, want - names
    assert "vision_model.embeddings.patch_embedding.bias" not in names and "visual_projection.bias" not in names

    B, S = 4, 10
    x = torch.randn(B, 1, 28, 28)
    g = torch.Generator().manual_seed(7)
    input_ids = torch.randint(3, 90, (B, S), generator=g)
    # The largest id (98) ends each caption at a different place; row 3 holds it twice (the
    # first counts); row 2 is padded (id 1, mask 0) after its end.
    ends = [9, 6, 4, 7]
    for b, e in enumerate(ends):
        input_ids[b, e] = 98
    input_ids[3, 8] = 98
    attention_mask = torch.ones(B, S, dtype=torch.long)
    attention_mask[2, 5:] = 0
    input_ids[2, 5:] = 1
    # For the eos_token_id rule: id 50 at another place in rows 0-2 (twice in row 1), none in row 3.
    input_ids[input_ids == 50] = 51
    for b, at in [(0, 3), (1, 2), (1, 5), (2, 1)]:
        input_ids[b, at] = 50

    out = model(pixel_values=x, input_ids=input_ids, attention_mask=attention_mask, return_loss=True,
                output_hidden_states=True)
    grads, frozen = grads_of(model, out.loss)
    assert not frozen, frozen
    vo, to = out.vision_model_output, out.text_model_output
    # Self-checks of the documented definitions.
    assert torch.equal(to.pooler_output, to.last_hidden_state[torch.arange(B), torch.tensor(ends)])
    assert torch.allclose(vo.pooler_output, model.vision_model.post_layernorm(vo.hidden_states[-1][:, 0]), atol=1e-6)
    lpt = out.logits_per_text
    labels = torch.arange(B)
    sym = (torch.nn.functional.cross_entropy(lpt, labels) + torch.nn.functional.cross_entropy(lpt.t(), labels)) / 2
    assert torch.allclose(sym, out.loss, atol=1e-6)
    assert torch.allclose(out.logits_per_image, lpt.t())

    # The other pooling rule, same weights: the first position of eos_token_id (50); row 3 has none (0).
    with torch.no_grad():
        model.text_model.eos_token_id = 50
        pooled50 = model.text_model(input_ids=input_ids, attention_mask=attention_mask).pooler_output
        model.text_model.eos_token_id = 2
    assert torch.equal(pooled50, to.last_hidden_state[torch.arange(B), torch.tensor([3, 2, 1, 0])])

    weights = save_hf(model, CLIPModel, dict(pixel_values=x, input_ids=input_ids, attention_mask=attention_mask),
                      out.logits_per_image, pick=lambda o: o.logits_per_image)
    outputs = {
        "loss": out.loss.reshape(()), "logits_per_image": out.logits_per_image, "logits_per_text": lpt,
        "image_embeds": out.image_embeds, "text_embeds": out.text_embeds,
        "vision_model.pooler_output": vo.pooler_output, "text_model.pooler_output": to.pooler_output,
        "text_model.pooler_output_eos50": pooled50, "text_model.last_hidden_state": to.last_hidden_state,
        **{f"vision_model.{k}": v for k, v in stack(vo.hidden_states).items()},
        **{f"text_model.{k}": v for k, v in stack(to.hidden_states).items()},
    }
    config = {
        "model": "clip",
        "reference": "transformers.CLIPModel",
        "reference_config": cfg.to_dict(),
        "bamboo": {"model": "clip", "image_size": 28, "patch_size": 7, "channels": 1,
                   "vision": {"depth": 3, "width": 32, "heads": 4, "mlp_dim": 64},
                   "text": {"depth": 2, "width": 32, "heads": 4, "mlp_dim": 64},
                   "vocab_size": 99, "max_positions": 16, "seq_len": S, "projection_dim": 24,
                   "activation": "quick_gelu", "layer_norm_eps": 1e-5, "eos_token_id": None,
                   "logit_scale_init": 2.6592},
        "trainable_params": trainable(model),
        "hidden_states": "vision_model.hidden_states.0 = embeddings after pre_layrnorm; "
                         "text_model.hidden_states.0 = token + position embeddings; "
                         "*.hidden_states.i = output of layer i-1 (before post_layernorm / final_layer_norm)",
        "pooling": "text: final_layer_norm output at the largest id (eos_token_id 2 in the reference config); "
                   "text_model.pooler_output_eos50: at the first id 50 (bamboo eos_token_id: 50)",
        "loss": "CLIPModel(return_loss=True): (CE(logits_per_text, arange) + CE(logits_per_image, arange)) / 2",
    }
    write("clip", weights, {"pixel_values": x, "input_ids": input_ids, "attention_mask": attention_mask},
          outputs, grads, config)


def opt():
    torch.manual_seed(0)
    cfg = OPTConfig(vocab_size=99, hidden_size=32, num_hidden_layers=3, num_attention_heads=4, ffn_dim=64,
                    max_position_embeddings=32, do_layer_norm_before=True, activation_function="relu",
                    dropout=0.0, attention_dropout=0.0, layerdrop=0.0, pad_token_id=1, bos_token_id=2,
                    eos_token_id=2, enable_bias=True, word_embed_proj_dim=32, attn_implementation="eager")
    model = OPTForCausalLM(cfg).eval()
    rescale_(model)
    dec = model.model.decoder
    assert model.lm_head.weight is dec.embed_tokens.weight
    assert dec.embed_positions.offset == 2 and dec.embed_positions.weight.shape[0] == 32 + 2
    assert dec.final_layer_norm is not None and dec.project_in is None and dec.project_out is None

    B, S = 3, 12
    g = torch.Generator().manual_seed(8)
    # Ids from 3 up: the pad (1) and bos (2) rows never appear, so nn.Embedding's padding_idx
    # (no gradient for row 1) cannot differ from a plain lookup.
    input_ids = torch.randint(3, 99, (B, S), generator=g)
    attention_mask = torch.ones(B, S, dtype=torch.long)
    attention_mask[2, 9:] = 0                 # the last example is right-padded
    labels = input_ids.clone()
    labels[2, 9:] = -100

    hidden, h1 = block_outputs(list(dec.layers))
    out = model(input_ids=input_ids, attention_mask=attention_mask, labels=labels, output_hidden_states=True)
    for h in h1:
        h.remove()
    # Self-check of the documented loss: position t predicts label t + 1, mean over labels != -100.
    manual = torch.nn.functional.cross_entropy(out.logits[:, :-1].reshape(-1, 99), labels[:, 1:].reshape(-1),
                                               ignore_index=-100)
    assert torch.allclose(manual, out.loss, atol=1e-6)
    # ... and of the documented positions: cumsum(mask) * mask - 1, read at row + 2.
    pos = (torch.cumsum(attention_mask, 1) * attention_mask - 1) + 2
    assert torch.allclose(out.hidden_states[0], dec.embed_tokens(input_ids) + dec.embed_positions.weight[pos])
    grads, frozen = grads_of(model, out.loss)
    assert not frozen, frozen

    weights_file = save_hf(model, OPTForCausalLM, dict(input_ids=input_ids, attention_mask=attention_mask), out.logits)
    assert "lm_head.weight" not in load_file(weights_file), "save_pretrained should drop the tied head"
    outputs = {"logits": out.logits, "loss": out.loss.reshape(()), **stack([out.hidden_states[0]] + hidden)}
    config = {
        "model": "opt",
        "reference": "transformers.OPTForCausalLM",
        "reference_config": cfg.to_dict(),
        "bamboo": {"model": "opt", "vocab_size": 99, "max_positions": 32,
                   "decoder": {"depth": 3, "width": 32, "heads": 4, "mlp_dim": 64}, "norm": "pre",
                   "layer_norm_eps": 1e-5, "dropout": 0.0, "attention_dropout": 0.0, "seq_len": S},
        "trainable_params": trainable(model),
        "tied": {"lm_head.weight": "model.decoder.embed_tokens.weight"},
        "hidden_states": "hidden_states.0 = token + position embeddings (input of layer 0); "
                         "hidden_states.i = output of layer i-1 (before model.decoder.final_layer_norm)",
        "loss": "mean CE of logits[:, t] against labels[:, t + 1] over labels != -100 (labels = input_ids, "
                "-100 at padding)",
    }
    write("opt", weights_file, {"input_ids": input_ids, "attention_mask": attention_mask, "labels": labels},
          outputs, grads, config)


def bert_cls():
    """BertForSequenceClassification on sentence pairs: the GLUE model."""
    torch.manual_seed(0)
    cfg = BertConfig(vocab_size=99, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                     intermediate_size=128, hidden_act="gelu", hidden_dropout_prob=0.0,
                     attention_probs_dropout_prob=0.0, max_position_embeddings=64, type_vocab_size=2,
                     layer_norm_eps=1e-12, pad_token_id=0, num_labels=3, attn_implementation="eager")
    model = BertForSequenceClassification(cfg).eval()
    rescale_(model)

    # [CLS] a [SEP] b [SEP], then padding; segment 1 covers b and its [SEP] (BERT's GLUE encoding).
    B, S, CLS, SEP = 3, 16, 2, 3
    lengths = [(6, 7), (4, 5), (3, 4)]        # (len a, len b): 16, 12 and 10 tokens used
    g = torch.Generator().manual_seed(11)
    input_ids = torch.zeros(B, S, dtype=torch.long)
    token_type_ids = torch.zeros(B, S, dtype=torch.long)
    attention_mask = torch.zeros(B, S, dtype=torch.long)
    for i, (la, lb) in enumerate(lengths):
        a, b = torch.randint(5, 99, (la,), generator=g), torch.randint(5, 99, (lb,), generator=g)
        row = torch.cat([torch.tensor([CLS]), a, torch.tensor([SEP]), b, torch.tensor([SEP])])
        n = len(row)
        input_ids[i, :n] = row
        token_type_ids[i, la + 2:n] = 1
        attention_mask[i, :n] = 1
    labels = torch.tensor([2, 0, 1])

    hidden, h1 = block_outputs(list(model.bert.encoder.layer))
    emb, h2 = block_outputs([model.bert.embeddings])
    out = model(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids, labels=labels)
    for h in h1 + h2:
        h.remove()
    assert model.config.problem_type == "single_label_classification", model.config.problem_type
    assert torch.allclose(out.loss, torch.nn.functional.cross_entropy(out.logits, labels), atol=1e-7)
    with torch.no_grad():
        pooled = torch.tanh(model.bert.pooler.dense(hidden[-1][:, 0]))
    grads, frozen = grads_of(model, out.loss)
    assert not frozen, frozen

    inputs = {"input_ids": input_ids, "token_type_ids": token_type_ids, "attention_mask": attention_mask,
              "labels": labels}
    weights_file = save_hf(model, BertForSequenceClassification,
                           dict(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids),
                           out.logits)
    outputs = {"logits": out.logits, "loss": out.loss.reshape(()), "pooled": pooled, **stack(emb + hidden)}
    config = {
        "model": "bert",
        "reference": "transformers.BertForSequenceClassification",
        "reference_config": cfg.to_dict(),
        "bamboo": {"model": "bert", "vocab_size": 99, "max_positions": 64, "type_vocab_size": 2,
                   "encoder": {"depth": 2, "width": 32, "heads": 4, "mlp_dim": 128}, "norm": "post",
                   "layer_norm_eps": 1e-12, "hidden_dropout": 0.0, "attention_dropout": 0.0,
                   "seq_len": S, "max_predictions": 4, "num_labels": 3},
        "trainable_params": trainable(model),
        "hidden_states": "hidden_states.0 = embeddings output (after their LayerNorm); "
                         "hidden_states.i = output of layer i-1",
        "loss": "cross entropy of logits vs labels, mean over the batch (problem_type single_label_classification)",
    }
    write("bert_cls", weights_file, inputs, outputs, grads, config)


# ---------------------------------------------------------------------------------------------
def save_hf(model, cls, inputs, expected, pick=None):
    """save_pretrained (safetensors, tied duplicates dropped), then prove from_pretrained takes
    the file back unchanged (`pick` reads the compared output; default: the logits); returns the
    path of the weights file."""
    tmp = Path(tempfile.mkdtemp(prefix="bamboo-parity-"))
    model.save_pretrained(tmp, safe_serialization=True)
    again = cls.from_pretrained(tmp, attn_implementation="eager").eval()
    with torch.no_grad():
        got = again(**inputs)
    if pick is not None:
        got = pick(got)
    else:
        got = got.logits if hasattr(got, "logits") and got.logits is not None else got.prediction_logits
    if not torch.equal(got, expected):
        a, b = model.state_dict(), again.state_dict()
        diff = [k for k in a if not torch.equal(a[k], b[k])]
        sys.exit(f"from_pretrained did not reproduce the model: max diff {(got - expected).abs().max()}, "
                 f"differing tensors {diff[:5]}")
    keys = set(load_file(tmp / "model.safetensors"))
    print(f"  {cls.__name__}: {len(keys)} keys, e.g. {sorted(keys)[:3]}")
    return tmp / "model.safetensors"


MODELS = {"vit": vit, "mae": mae, "bert": bert, "bert_cls": bert_cls, "clip": clip, "opt": opt}


def main():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    if not transformers.__version__.startswith("4."):
        sys.exit(f"transformers {transformers.__version__}: use 4.x (5.x renamed the keys); run scripts/parity/setup")
    names = sys.argv[1:] or list(MODELS)
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        sys.exit(f"unknown model(s) {unknown}; known: {', '.join(MODELS)}")
    for n in names:
        MODELS[n]()
    total = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
