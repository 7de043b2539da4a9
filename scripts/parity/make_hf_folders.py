#!/usr/bin/env python3
"""Write tests/fixtures/hf<major>/: tiny Hugging Face models saved with `save_pretrained`, as
the hub publishes them, with a batch and the model's own outputs on it.

    .venv-parity/bin/python scripts/parity/make_hf_folders.py    # transformers 4.57 -> tests/fixtures/hf4/
    .venv-hf5/bin/python scripts/parity/make_hf_folders.py       # transformers 5.x  -> tests/fixtures/hf5/

Per model (tests/fixtures/hf<major>/<model>/):
  config.json, model.safetensors   exactly what save_pretrained wrote (the folder bamboo reads)
  inputs.safetensors               the batch (labels, MAE's noise)
  outputs.safetensors              the model's outputs on it, in eval mode, under bamboo's names

Models: vit (ViTForImageClassification, 28 px, 10 classes: Fashion-MNIST's shape), vit_model (ViTModel: no `vit.` prefix, no classifier),
mae (ViTMAEForPreTraining), bert (BertForPreTraining), bert_cls (BertForSequenceClassification),
opt (OPTForCausalLM), clip (CLIPModel). With transformers 5 also vit_memory: the
ViTForImageClassification's in-memory `state_dict` saved with safetensors (5.x's own names).
Deterministic (fixed seeds, one thread); float32; every folder is a few kB.
"""

import json
import shutil
import sys
from pathlib import Path

import torch
import transformers
from safetensors.torch import save_file
from transformers import (BertConfig, BertForPreTraining, BertForSequenceClassification, CLIPConfig, CLIPModel,
                          OPTConfig, OPTForCausalLM, ViTConfig, ViTForImageClassification, ViTMAEConfig,
                          ViTMAEForPreTraining, ViTModel)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_fixtures import block_outputs, rescale_  # noqa: E402  (as the other fixtures draw and record)

MAJOR = transformers.__version__.split(".")[0]
OUT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / f"hf{MAJOR}"
SMALL = dict(hidden_size=8, num_hidden_layers=2, num_attention_heads=2, intermediate_size=16)
IMAGE = dict(image_size=8, patch_size=4, num_channels=1)
# ViT at Fashion-MNIST's size (4 patches of 14 px), so `bamboo finetune --from` and `analyze`
# can run the folder on the embedded images.
VIT_IMAGE = dict(image_size=28, patch_size=14, num_channels=1)


def contiguous(d):
    return {k: v.detach().contiguous().clone() for k, v in d.items()}


def hidden(prefix, states):
    return {f"{prefix}hidden_states.{i}": h for i, h in enumerate(states)}


def save(name, model, inputs, outputs, state_dict=False):
    d = OUT / name
    if d.exists():
        shutil.rmtree(d)
    model.save_pretrained(d)
    if state_dict:  # the in-memory names, as a plain `save_file(model.state_dict())` writes them
        save_file(contiguous(model.state_dict()), d / "model.safetensors", metadata={"format": "pt"})
    for extra in ("generation_config.json",):
        (d / extra).unlink(missing_ok=True)
    save_file(contiguous(inputs), d / "inputs.safetensors")
    save_file(contiguous(outputs), d / "outputs.safetensors")
    size = sum(f.stat().st_size for f in d.iterdir())
    print(f"{d.relative_to(OUT.parent)}: {size / 1e3:.0f} kB")


def pixels(b, g, size=8):
    return torch.randn((b, 1, size, size), generator=g)


def vit(g):
    cfg = ViTConfig(**SMALL, **VIT_IMAGE, num_labels=10, attn_implementation="eager")
    model = ViTForImageClassification(cfg).eval()
    rescale_(model)
    x, labels = pixels(2, g, 28), torch.tensor([7, 0])
    with torch.no_grad():
        r = model(pixel_values=x, labels=labels, output_hidden_states=True)
    out = {"logits": r.logits, "loss": r.loss, **hidden("", r.hidden_states)}
    save("vit", model, {"pixel_values": x, "labels": labels}, out)
    if MAJOR == "5":
        save("vit_memory", model, {"pixel_values": x, "labels": labels}, out, state_dict=True)


def vit_model(g):
    model = ViTModel(ViTConfig(**SMALL, **VIT_IMAGE, attn_implementation="eager")).eval()
    rescale_(model)
    x = pixels(2, g, 28)
    with torch.no_grad():
        r = model(pixel_values=x, output_hidden_states=True)
    save("vit_model", model, {"pixel_values": x}, {"last_hidden_state": r.last_hidden_state, **hidden("", r.hidden_states)})


def mae(g):
    cfg = ViTMAEConfig(**SMALL, **IMAGE, decoder_hidden_size=4, decoder_num_hidden_layers=1, decoder_num_attention_heads=2,
                       decoder_intermediate_size=8, mask_ratio=0.5, norm_pix_loss=True, attn_implementation="eager")
    model = ViTMAEForPreTraining(cfg).eval()
    rescale_(model, skip={"vit.embeddings.position_embeddings", "decoder.decoder_pos_embed"})
    x, noise = pixels(2, g), torch.rand((2, 4), generator=g)
    with torch.no_grad():
        r = model(pixel_values=x, noise=noise, output_hidden_states=True)
    out = {"loss": r.loss, "logits": r.logits, "mask": r.mask, **hidden("encoder.", r.hidden_states)}
    save("mae", model, {"pixel_values": x, "noise": noise}, out)


def text_batch(g, b=3, s=8, vocab=30):
    ids = torch.randint(3, vocab, (b, s), generator=g)
    mask = torch.ones((b, s), dtype=torch.int64)
    mask[-1, 5:] = 0
    return ids, mask


def bert(g):
    cfg = BertConfig(**SMALL, vocab_size=30, max_position_embeddings=16, attn_implementation="eager")
    model = BertForPreTraining(cfg).eval()
    rescale_(model)
    ids, mask = text_batch(g)
    types = torch.zeros_like(ids)
    types[:, 4:] = 1
    labels = torch.full_like(ids, -100)
    labels[:, [1, 3, 6]] = ids[:, [1, 3, 6]]
    nsp = torch.tensor([0, 1, 0])
    with torch.no_grad():
        r = model(input_ids=ids, token_type_ids=types, attention_mask=mask, labels=labels, next_sentence_label=nsp,
                  output_hidden_states=True)
    out = {"loss": r.loss, "prediction_logits": r.prediction_logits, "seq_relationship_logits": r.seq_relationship_logits,
           **hidden("", r.hidden_states)}
    inputs = {"input_ids": ids, "token_type_ids": types, "attention_mask": mask, "labels": labels, "next_sentence_label": nsp}
    save("bert", model, inputs, out)


def bert_cls(g):
    cfg = BertConfig(**SMALL, vocab_size=30, max_position_embeddings=16, num_labels=3, attn_implementation="eager")
    model = BertForSequenceClassification(cfg).eval()
    rescale_(model)
    ids, mask = text_batch(g)
    labels = torch.tensor([2, 0, 1])
    with torch.no_grad():
        r = model(input_ids=ids, attention_mask=mask, labels=labels, output_hidden_states=True)
    save("bert_cls", model, {"input_ids": ids, "attention_mask": mask, "labels": labels},
         {"loss": r.loss, "logits": r.logits, **hidden("", r.hidden_states)})


def opt(g):
    cfg = OPTConfig(vocab_size=30, hidden_size=8, num_hidden_layers=2, num_attention_heads=2, ffn_dim=16,
                    max_position_embeddings=16, word_embed_proj_dim=8, attn_implementation="eager")
    model = OPTForCausalLM(cfg).eval()
    rescale_(model)
    ids, mask = text_batch(g)
    labels = ids.masked_fill(mask == 0, -100)
    # HF's last hidden state is after the final norm; bamboo's (and tests/fixtures/opt's) are
    # every layer's output, so the layers' outputs are hooked.
    layers, handles = block_outputs(model.model.decoder.layers)
    with torch.no_grad():
        r = model(input_ids=ids, attention_mask=mask, labels=labels, output_hidden_states=True)
    for h in handles:
        h.remove()
    save("opt", model, {"input_ids": ids, "attention_mask": mask, "labels": labels},
         {"loss": r.loss, "logits": r.logits, **hidden("", [r.hidden_states[0], *layers])})


def clip(g):
    # Token ids inside the tiny vocabulary; eos 2 selects HF's largest-id pooling, as in the
    # openai hub files.
    text = dict(**SMALL, vocab_size=30, max_position_embeddings=8, bos_token_id=0, pad_token_id=1, eos_token_id=2)
    cfg = CLIPConfig(text_config=text, vision_config=dict(**SMALL, **IMAGE), projection_dim=4)
    model = CLIPModel._from_config(cfg, attn_implementation="eager").eval()
    rescale_(model)
    x = pixels(3, g)
    ids, mask = text_batch(g)
    with torch.no_grad():
        r = model(pixel_values=x, input_ids=ids, attention_mask=mask, return_loss=True, output_hidden_states=True)
    out = {"loss": r.loss, "logits_per_image": r.logits_per_image, "logits_per_text": r.logits_per_text,
           "image_embeds": r.image_embeds, "text_embeds": r.text_embeds,
           **hidden("vision_model.", r.vision_model_output.hidden_states),
           **hidden("text_model.", r.text_model_output.hidden_states)}
    save("clip", model, {"pixel_values": x, "input_ids": ids, "attention_mask": mask}, out)


def main():
    torch.set_num_threads(1)
    OUT.mkdir(parents=True, exist_ok=True)
    for i, make in enumerate([vit, vit_model, mae, bert, bert_cls, opt, clip]):
        torch.manual_seed(100 + i)
        make(torch.Generator().manual_seed(200 + i))
    (OUT / "versions.json").write_text(json.dumps({"torch": torch.__version__, "transformers": transformers.__version__},
                                                  indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
