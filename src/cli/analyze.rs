//! `bamboo analyze smoothing | spectra`: argument parsing, files and printed tables; the work
//! is in `crate::analysis`.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};

use super::RuntimeArgs;
use crate::analysis::figures::{smoothing_chart, spectra_chart, write_singular_values};
use crate::analysis::smoothing::{self, Tokens};
use crate::analysis::smoothing_inputs::{self, SmoothingInputs};
use crate::analysis::{checkpoint, spectra};
use crate::data::embedded::{embedded, embedded_path};

#[derive(Subcommand)]
pub enum Analyze {
    /// Per block: token std (Eq. 1), token-pair cosine similarity, high-frequency energy share,
    /// relative residual to the mean token (on device), effective rank and the 8 largest
    /// singular values of each example's token matrix (on the host, f64); CSV, JSON,
    /// singular_values.csv and a PNG comparing the models by relative depth. Image
    /// models (vit, mae) read --data, text models (bert, opt) read --text; one run may mix them.
    Smoothing(SmoothingArgs),
    /// Per layer: ||W_Q W_K^T||_2 and ||W_V||_2 of two models and their ratios (beta_QK, beta_V).
    Spectra(SpectraArgs),
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum TokenSet {
    /// Patch tokens only (the default: "patch pairs"); for text, every token but BERT's [CLS].
    Patches,
    /// Patch tokens and the class token.
    All,
}

#[derive(Args)]
pub struct SmoothingArgs {
    #[command(flatten)]
    rt: RuntimeArgs,
    /// Checkpoints: ckpt-* folders, run folders (newest checkpoint) or .safetensors with a sidecar.
    #[arg(required = true)]
    checkpoints: Vec<PathBuf>,
    /// Images (ImageNet-schema TFRecords; globs, comma separated), at the models' image size.
    #[arg(long, default_value_t = embedded("datasets/fashion-mnist-tfrecord/validation-*"))]
    data: String,
    /// Text for BERT and OPT checkpoints (BERT's format: a sentence per line, blank lines between
    /// documents), packed into windows of --seq-len tokens in file order.
    #[arg(long, default_value_os_t = embedded_path("datasets/wiki-sample/wiki.txt"))]
    text: PathBuf,
    /// WordPiece vocabulary (BERT uncased) for --text.
    #[arg(long, default_value_os_t = embedded_path("datasets/bert-vocab/vocab.txt"))]
    vocab: PathBuf,
    /// Tokens per text window (BERT: [CLS], seq_len - 2 text tokens, [SEP]).
    #[arg(long, default_value_t = 128)]
    seq_len: usize,
    /// Batches to average over (fewer if the data runs out).
    #[arg(long, default_value_t = 4)]
    batches: usize,
    #[arg(long, default_value_t = 64)]
    batch: usize,
    /// Which tokens the metrics see.
    #[arg(long, value_enum, default_value_t = TokenSet::Patches)]
    tokens: TokenSet,
    /// Output folder: smoothing.csv, smoothing.json, smoothing.png, singular_values.csv.
    #[arg(long, default_value = "analysis-out")]
    out: PathBuf,
}

#[derive(Args)]
pub struct SpectraArgs {
    /// Model A (the numerator of the ratios).
    a: PathBuf,
    /// Model B, of the same depth.
    b: PathBuf,
    /// Output folder: spectra.csv, spectra.json, spectra.png.
    #[arg(long, default_value = "analysis-out")]
    out: PathBuf,
}

pub fn run(cmd: &Analyze) -> Result<()> {
    match cmd {
        Analyze::Smoothing(a) => run_smoothing(a),
        Analyze::Spectra(a) => run_spectra(a),
    }
}

fn run_smoothing(a: &SmoothingArgs) -> Result<()> {
    let tokens = match a.tokens {
        TokenSet::Patches => Tokens::Patches,
        TokenSet::All => Tokens::All,
    };
    let inputs = SmoothingInputs {
        data: a.data.clone(),
        text: a.text.clone(),
        vocab: a.vocab.clone(),
        seq_len: a.seq_len,
        batches: a.batches,
        batch: a.batch,
    };
    // Every input is checked before the plugin loads: mistakes fail fast.
    let work = smoothing_inputs::plan(&a.checkpoints, &inputs)?;
    let reports = smoothing_inputs::run_all(&a.rt.options(), work, &inputs, tokens, |r, seconds| {
        eprintln!("{}: {} blocks, {} examples, {:.1} s", r.label, r.depth, r.examples, seconds);
        print!("{}", smoothing::table(r));
    })?;
    write_outputs(&a.out, "smoothing", &smoothing::to_csv(&reports), &serde_json::to_string_pretty(&reports)?, &smoothing_chart(&reports))?;
    write_singular_values(&a.out, &reports)?;
    eprintln!("wrote singular_values.csv to {}", a.out.display());
    Ok(())
}

fn run_spectra(a: &SpectraArgs) -> Result<()> {
    let (ca, cb) = (checkpoint::open(&a.a)?, checkpoint::open(&a.b)?);
    let r = spectra::compare(&ca, &cb)?;
    print!("{}", spectra::table(&r));
    write_outputs(&a.out, "spectra", &spectra::to_csv(&r), &serde_json::to_string_pretty(&r)?, &spectra_chart(&r))
}

/// `dir/{stem}.csv`, `.json` and `.png`, then the line saying so.
fn write_outputs(dir: &Path, stem: &str, csv: &str, json: &str, chart: &crate::analysis::plot::canvas::Canvas) -> Result<()> {
    crate::analysis::figures::write_outputs(dir, stem, csv, json, chart)?;
    eprintln!("wrote {0}.csv, {0}.json, {0}.png to {1}", stem, dir.display());
    Ok(())
}
