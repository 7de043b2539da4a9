//! Causal language modelling (OPT): next-token prediction on packed text, AdamW (0.9, 0.95),
//! linear warmup and decay, clipping at 1.0.

use std::path::PathBuf;

use anyhow::{bail, ensure, Context, Result};
use serde::{Deserialize, Serialize};

use super::launch::{no_evaluation, pretrain};
use super::recipe_run::RecipeRun;
use super::settings::{Choices, DEFAULT_IMAGE_DATA};
use super::wrong_model;
use crate::config::{ModelConfig, OptConfig};
use crate::data::embedded::{embedded, embedded_path};
use crate::data::text::corpus::read_documents;
use crate::data::text::lm::{pack, Packed};
use crate::data::text::tokenize_documents;
use crate::data::text::wordpiece::Tokenizer;
use crate::optim::Optimizer;
use crate::train::objective::CausalLm;
use crate::train::run::RunSummary;
use crate::train::sources::LmSource;

/// The text the recipe reads unless told otherwise.
pub const DEFAULT_TEXT: &str = "datasets/wiki-sample/wiki.txt";

/// The user's choices for language-model pre-training.
#[derive(Clone, Debug)]
pub struct LmChoices {
    /// `data`: text files in BERT's format (comma separated, local); the image default means
    /// the embedded Wikipedia sample.
    pub common: Choices,
    /// Tokens per training sequence (the config's `seq_len` when unset).
    pub seq_len: Option<usize>,
    /// WordPiece vocabulary (BERT uncased) that tokenizes the text.
    pub vocab: PathBuf,
}

impl LmChoices {
    /// The command line's defaults: the embedded text and vocabulary.
    pub fn new(common: Choices) -> LmChoices {
        LmChoices { common, seq_len: None, vocab: embedded_path("datasets/bert-vocab/vocab.txt") }
    }
}

/// A language-model pre-training run (`pretrain lm`): its `data` are text files.
pub type LmRun = RecipeRun<LmFields>;

/// The fields only language-model pre-training records.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LmFields {
    /// The WordPiece vocabulary that tokenizes the text.
    pub vocab: PathBuf,
}

impl LmRun {
    pub const RECIPE: &'static str = "pretrain lm";

    /// The run the choices ask for, with the recipe's defaults: AdamW (0.9, 0.95, 1e-8), base
    /// lr 6e-4, weight decay 0.1, clipping at 1.0, linear warmup and decay.
    pub fn resolve(a: &LmChoices) -> Result<LmRun> {
        let c = &a.common;
        let mut cfg: OptConfig = match c.model_config()? {
            ModelConfig::Opt(o) => o,
            _ => bail!("{}: `pretrain lm` needs an OPT preset (opt-mini, opt-125m, ...)", c.source()),
        };
        if let Some(s) = a.seq_len {
            cfg.seq_len = s;
        }
        let model = ModelConfig::Opt(cfg);
        model.validate().context("--seq-len")?;
        let data = if c.data == embedded(DEFAULT_IMAGE_DATA) { embedded(DEFAULT_TEXT) } else { c.data.clone() };
        let files: Vec<String> = data.split(',').map(|p| PathBuf::from(p.trim()).display().to_string()).collect();
        let mut step = c.linear_step(Optimizer::AdamW { beta1: 0.9, beta2: 0.95, eps: 1e-8 }, 6e-4, 0.1)?;
        step.clip = Some(c.clip.unwrap_or(1.0));
        let run = RecipeRun::new(Self::RECIPE.into(), model, step, c, LmFields { vocab: a.vocab.clone() });
        Ok(RecipeRun { data: files.join(","), ..run })
    }
}

/// Causal-LM pre-training: trains `run` (or continues it, or reports it finished).
pub fn pretrain_lm(run: &LmRun) -> Result<RunSummary> {
    let ModelConfig::Opt(cfg) = &run.model else { return Err(wrong_model(&run.recipe, &run.model, "opt")) };
    // The text, tokenized and packed, before anything compiles: a bad file fails at once.
    let packed = packed_text(run, cfg)?;
    let mut src = LmSource::new(packed, run.batch, run.step.accum, run.seed, &format!("--data {}", run.data))?;
    if cfg.dropout > 0.0 || cfg.attention_dropout > 0.0 {
        src = src.with_dropout_keys(run.seed);
    }
    pretrain(run, &CausalLm(cfg.clone()), |_: &_| Ok(src), no_evaluation)
}

/// `run.data` tokenized with `run.own.vocab`, documents separated by `[SEP]`, cut into sequences.
fn packed_text(run: &LmRun, cfg: &OptConfig) -> Result<Packed> {
    let tok = Tokenizer::load_uncased(&run.own.vocab).with_context(|| format!("--vocab {}", run.own.vocab.display()))?;
    let vocab = &tok.vocab;
    ensure!(
        vocab.len() <= cfg.vocab_size,
        "--vocab {} has {} tokens, more than the model's vocab_size = {}",
        run.own.vocab.display(),
        vocab.len(),
        cfg.vocab_size
    );
    let sep = vocab.id("[SEP]").with_context(|| format!("--vocab {} has no [SEP] token to separate documents", run.own.vocab.display()))?;
    let mut docs = vec![];
    for f in run.data.split(',').map(PathBuf::from) {
        let d = read_documents(&f).with_context(|| format!("--data {}", f.display()))?;
        docs.extend(tokenize_documents(&tok, &d, 2));
    }
    let packed = pack(&docs, sep, cfg.seq_len, &format!("--data {}", run.data))?;
    eprintln!(
        "{}: {} documents, {} tokens, {} sequences of {}",
        run.data,
        packed.documents,
        packed.tokens,
        packed.sequences(),
        cfg.seq_len
    );
    Ok(packed)
}
