//! Named configurations: the paper's Tables 1 and 2, BERT, and small scales for two CPU cores.
//!
//! Vision presets name a ViT classifier; `mae-<name>` is MAE pre-training over the same encoder
//! (the paper's Tables are MAE runs, and their FLOPs count the encoder on the visible patches).
//!
//! Bamboo BERT: the paper gives no BERT shapes, so the same rule as the vision Table 2 is used:
//! Base 12x768 -> 48x384 (4x deeper, half as wide) and Large 24x1024 -> 48x768 (2x deeper, 3/4
//! as wide), 64-dim heads. At 128 tokens these land at 1.0x and 1.1x the FLOPs, as Bamboo-B and
//! Bamboo-L do. (The solver's closest width for Large at depth 48 is 704 at 0.95x; 768 is kept so
//! BERT and ViT Bamboo-L share one shape.)

use super::bert::BertConfig;
use super::clip::ClipConfig;
use super::error::ConfigError;
use super::mae::MaeConfig;
use super::model::ModelConfig;
use super::opt::OptConfig;
use super::stack::Stack;
use super::vit::VitConfig;

/// A preset, with the table it belongs to and the original its FLOPs ratio is taken against.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    pub name: String,
    /// The table it is printed in, e.g. `Table 1, Base family (MAE)`.
    pub table: String,
    /// The preset this one is compared with (itself for an original).
    pub reference: String,
    pub config: ModelConfig,
}

struct Vision {
    name: &'static str,
    table: &'static str,
    reference: &'static str,
    vit: VitConfig,
    decoder: Stack,
}

fn imagenet(depth: usize, width: usize, heads: usize, patch: usize) -> VitConfig {
    VitConfig::new(224, patch, Stack::new(depth, width, heads), 1000)
}

/// 28x28 grey images (Fashion-MNIST), 10 classes.
fn small(depth: usize, width: usize, heads: usize, patch: usize) -> VitConfig {
    let mut c = VitConfig::new(28, patch, Stack::new(depth, width, heads), 10);
    c.channels = 1;
    c
}

fn vision() -> Vec<Vision> {
    let dec = MaeConfig::DEFAULT_DECODER;
    let small_dec = Stack::new(4, 128, 4);
    let nano_dec = Stack::new(2, 64, 2);
    let t1b = "Table 1, Base family";
    let t1l = "Table 1, Large family";
    let t2 = "Table 2";
    let cpu = "Small scales (28x28, CPU)";
    let v = |name, table, reference, vit, decoder| Vision { name, table, reference, vit, decoder };
    vec![
        v("base-12x768", t1b, "base-12x768", imagenet(12, 768, 12, 16), dec),
        v("base-24x512", t1b, "base-12x768", imagenet(24, 512, 8, 16), dec),
        v("base-48x384", t1b, "base-12x768", imagenet(48, 384, 6, 16), dec),
        v("base-96x256", t1b, "base-12x768", imagenet(96, 256, 4, 16), dec),
        v("large-24x1024", t1l, "large-24x1024", imagenet(24, 1024, 16, 16), dec),
        v("large-48x768", t1l, "large-24x1024", imagenet(48, 768, 12, 16), dec),
        v("large-60x640", t1l, "large-24x1024", imagenet(60, 640, 10, 16), dec),
        v("large-96x512", t1l, "large-24x1024", imagenet(96, 512, 8, 16), dec),
        v("vit-b", t2, "vit-b", imagenet(12, 768, 12, 16), dec),
        v("bamboo-b", t2, "vit-b", imagenet(48, 384, 6, 16), dec),
        v("vit-l", t2, "vit-l", imagenet(24, 1024, 16, 16), dec),
        v("bamboo-l", t2, "vit-l", imagenet(48, 768, 12, 16), dec),
        v("vit-h", t2, "vit-h", imagenet(32, 1280, 16, 14), dec),
        v("bamboo-h", t2, "vit-h", imagenet(64, 896, 14, 14), dec),
        // Head dim 32 at these widths; the deeper-narrower shape keeps 24*N*d^2 per model equal.
        v("vit-s28", cpu, "vit-s28", small(12, 192, 6, 4), small_dec),
        v("bamboo-s28", cpu, "vit-s28", small(48, 96, 3, 4), small_dec),
        v("vit-t28", cpu, "vit-t28", small(6, 128, 4, 7), small_dec),
        v("bamboo-t28", cpu, "vit-t28", small(24, 64, 2, 7), small_dec),
        // The demo's pair: a quarter of vit-t28's FLOPs, so that a few minutes on two cores see
        // the full 60,000 training images several times. A decoder as light as the encoder.
        v("vit-n28", cpu, "vit-n28", small(6, 64, 2, 7), nano_dec),
        v("bamboo-n28", cpu, "vit-n28", small(24, 32, 1, 7), nano_dec),
    ]
}

fn bert() -> Vec<Preset> {
    let b = |name: &str, reference: &str, depth, width, heads| Preset {
        name: name.into(),
        table: "BERT (128 tokens, 20 predictions)".into(),
        reference: reference.into(),
        config: ModelConfig::Bert(BertConfig::new(Stack::new(depth, width, heads))),
    };
    vec![
        b("bert-base", "bert-base", 12, 768, 12),
        b("bamboo-bert-base", "bert-base", 48, 384, 6),
        b("bert-large", "bert-large", 24, 1024, 16),
        b("bamboo-bert-large", "bert-large", 48, 768, 12),
        b("bert-mini", "bert-mini", 4, 256, 4),
        b("bert-mini-deep", "bert-mini", 16, 128, 2),
    ]
}

/// CLIP: OpenAI's released shapes (Hugging Face `openai/clip-vit-*`), and a CPU pair on 28x28
/// grey Fashion-MNIST with captions built from the class names (`pretrain clip`): the image
/// towers of vit-t28 and bamboo-t28, one small text tower.
fn clip() -> Vec<Preset> {
    let openai = "CLIP (OpenAI shapes; FLOPs: image tower)";
    let cpu = "CLIP, small scales (28x28, CPU)";
    let c = |name: &str, table: &str, reference: &str, config: ClipConfig| Preset {
        name: name.into(),
        table: table.into(),
        reference: reference.into(),
        config: ModelConfig::Clip(config),
    };
    let text_b = Stack::new(12, 512, 8);
    vec![
        c("clip-vit-b32", openai, "clip-vit-b32", ClipConfig::new(32, Stack::new(12, 768, 12), text_b, 512)),
        c("clip-vit-b16", openai, "clip-vit-b16", ClipConfig::new(16, Stack::new(12, 768, 12), text_b, 512)),
        c("clip-vit-l14", openai, "clip-vit-l14", ClipConfig::new(14, Stack::new(24, 1024, 16), Stack::new(12, 768, 12), 768)),
        c("clip-t28", cpu, "clip-t28", small_clip(Stack::new(6, 128, 4))),
        c("bamboo-clip-t28", cpu, "clip-t28", small_clip(Stack::new(24, 64, 2))),
    ]
}

/// 28x28 grey images in patches of 7, a 2 x 64 text tower over the caption vocabulary
/// (`data::captions`: 32 ids, the end-of-text token last, 8 tokens a caption).
fn small_clip(vision: Stack) -> ClipConfig {
    let mut c = ClipConfig::new(7, vision, Stack::new(2, 64, 2), 64);
    c.image_size = 28;
    c.channels = 1;
    c.vocab_size = 32;
    c.max_positions = 16;
    c.seq_len = 8;
    c
}

/// OPT causal LMs: the public sizes (`facebook/opt-*`, all pre-LN; 350m, the post-LN one with a
/// 512-wide embedding projection, is left out), and `opt-mini`, BERT-mini's shape on BERT's
/// WordPiece vocabulary (the tokenizer of the embedded text) at 128 tokens, for two CPU cores.
fn opt() -> Vec<Preset> {
    let o = |name: &str, c: OptConfig| Preset {
        name: name.into(),
        table: "OPT (causal LM; FLOPs at seq_len tokens)".into(),
        reference: name.into(),
        config: ModelConfig::Opt(c),
    };
    let public = |depth, width, heads| OptConfig::new(Stack::new(depth, width, heads));
    let mut mini = OptConfig::new(Stack::new(4, 256, 4));
    mini.vocab_size = 30522;
    mini.max_positions = 512;
    mini.seq_len = 128;
    vec![
        o("opt-125m", public(12, 768, 12)),
        o("opt-1.3b", public(24, 2048, 32)),
        o("opt-2.7b", public(32, 2560, 32)),
        o("opt-6.7b", public(32, 4096, 32)),
        o("opt-mini", mini),
    ]
}

/// Every preset: the vision ones as MAE (`mae-` prefix, the paper's tables), BERT, OPT, then the
/// vision ones as ViT classifiers (their encoder sees all patches + cls), then CLIP.
pub fn presets() -> Vec<Preset> {
    let mut out = Vec::new();
    for v in vision() {
        out.push(Preset {
            name: format!("mae-{}", v.name),
            table: format!("{} (MAE: encoder on the visible 25% + cls)", v.table),
            reference: format!("mae-{}", v.reference),
            config: ModelConfig::Mae(MaeConfig::from_vit(&v.vit).with_decoder(v.decoder)),
        });
    }
    out.extend(bert());
    out.extend(opt());
    for v in vision() {
        out.push(Preset {
            name: v.name.into(),
            table: format!("{} (ViT classifier: all patches + cls)", v.table),
            reference: v.reference.into(),
            config: ModelConfig::Vit(v.vit.clone()),
        });
    }
    out.extend(clip());
    out
}

/// Short names for the usual references: `base`, `large`, `huge` are the paper's MAE settings.
fn alias(name: &str) -> &str {
    match name {
        "base" => "mae-vit-b",
        "large" => "mae-vit-l",
        "huge" => "mae-vit-h",
        "bert-b" => "bert-base",
        "bert-l" => "bert-large",
        other => other,
    }
}

/// The preset called `name` (or an alias: base, large, huge, bert-b, bert-l).
pub fn find(name: &str) -> Result<Preset, ConfigError> {
    let want = alias(name);
    let all = presets();
    match all.iter().position(|p| p.name == want) {
        Some(i) => Ok(all[i].clone()),
        None => {
            Err(ConfigError::UnknownPreset { name: name.into(), known: all.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ") })
        }
    }
}

/// A preset by name, or a configuration file when the name ends in `.json` (named by its path).
pub fn named(name: &str) -> anyhow::Result<Preset> {
    use anyhow::Context;
    if !name.ends_with(".json") {
        return Ok(find(name)?);
    }
    let text = std::fs::read_to_string(name).with_context(|| format!("reading {}", name))?;
    let m = ModelConfig::from_json(&text).with_context(|| name.to_string())?;
    Ok(Preset { name: name.to_string(), table: String::new(), reference: String::new(), config: m })
}

/// The configuration of preset `name`.
pub fn preset(name: &str) -> Result<ModelConfig, ConfigError> {
    find(name).map(|p| p.config)
}
