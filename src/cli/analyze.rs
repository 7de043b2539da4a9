//! `bamboo analyze smoothing | spectra`: argument parsing, files and printed tables; the work
//! is in `crate::analysis`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};

use super::RuntimeArgs;
use crate::analysis::hidden::{Analysed, TextModel};
use crate::analysis::plot::{line_chart, ChartLayout, Panel, Series};
use crate::analysis::smoothing::{self, Tokens};
use crate::analysis::{checkpoint, images, spectra, text, SmoothingReport, SpectraReport};
use crate::data::embedded::{embedded, embedded_path};
use crate::train::weights::Fit;

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
    // Every input is checked before the plugin loads: mistakes fail fast.
    let mut work = vec![];
    for p in &a.checkpoints {
        let ck = checkpoint::open(p)?;
        let config = ck.require_config()?;
        let model = Analysed::from_config(config).with_context(|| format!("{}", p.display()))?;
        let described =
            format!("its config ({} with {} blocks of width {})", config.kind(), config.encoder().depth, config.encoder().width);
        Fit::of(&model.specs(), &ck.tensors, false, model.reads_part()).check(&ck.path.display().to_string(), &described)?;
        let who = format!("{} ({})", ck.label, p.display());
        let batches = match &model {
            Analysed::Image(enc) => {
                images::check_image_size(&a.data, enc.image_size(), &who)?;
                None
            }
            Analysed::Text(t) => Some(text_batches(a, t).with_context(|| who.clone())?),
        };
        work.push((ck, model, batches));
    }
    let client = a.rt.client()?;
    let options = a.rt.compile_options()?;
    let mut reports = vec![];
    for (ck, model, text_batches) in work {
        let batches = match (&model, text_batches) {
            (_, Some(b)) => b,
            (Analysed::Image(enc), None) => images::eval_images(&a.data, a.batch, enc.image_size(), enc.channels(), a.batches)?,
            (Analysed::Text(_), None) => unreachable!("text batches are read up front"),
        };
        let ck = &ck;
        let t0 = std::time::Instant::now();
        let r = smoothing::analyze(&client, &options, ck, &batches, tokens)?;
        eprintln!("{}: {} blocks, {} examples, {:.1} s", r.label, r.depth, r.examples, t0.elapsed().as_secs_f64());
        print_smoothing(&r);
        reports.push(r);
    }
    write_outputs(&a.out, "smoothing", &smoothing::to_csv(&reports), &serde_json::to_string_pretty(&reports)?, &smoothing_chart(&reports))?;
    write(&a.out.join("singular_values.csv"), smoothing::singular_values_csv(&reports).as_bytes())?;
    eprintln!("wrote singular_values.csv to {}", a.out.display());
    Ok(())
}

/// The --text windows for one text model (read once per model: BERT and OPT wrap them differently).
fn text_batches(a: &SmoothingArgs, t: &TextModel) -> Result<Vec<crate::runtime::HostTensor>> {
    text::eval_text(&a.text, &a.vocab, t, a.seq_len, a.batch, a.batches)
}

fn print_smoothing(r: &SmoothingReport) {
    println!("{} ({}, {} x {}, {} tokens)", r.label, r.model, r.depth, r.width, r.tokens);
    println!("  layer  rel   token_std  cos_pearson  cos_uncentred  cos_mean_centred  hf_share  rel_resid  eff_rank       s1");
    for w in &r.rows {
        println!(
            "  {:>5}  {:.2}  {:>9.4}  {:>11.4}  {:>13.4}  {:>16.4}  {:>8.4}  {:>9.4}  {:>8.3}  {:>7.3}",
            w.layer,
            w.rel_depth,
            w.token_std,
            w.cos_pearson,
            w.cos_uncentred,
            w.cos_mean_centred,
            w.hf_share,
            w.rel_residual,
            w.effective_rank,
            w.top_singular.first().copied().unwrap_or(f64::NAN)
        );
    }
}

/// Figure 1's analogue: one panel per metric, one line per model, x = relative depth. The
/// cosine panels show the Pearson (channel-centred) and uncentred variants; the mean-token
/// centred one is pinned near -1/(T-1) and stays in the CSV only. The last row: the effective
/// rank of the token matrix and its relative residual to the mean token.
pub fn smoothing_chart(reports: &[SmoothingReport]) -> crate::analysis::plot::canvas::Canvas {
    type Get = fn(&crate::analysis::SmoothingRow) -> f64;
    let metrics: [(&str, Get); 6] = [
        ("TOKEN STD (EQ. 1)", |w| w.token_std),
        ("COSINE, PEARSON", |w| w.cos_pearson),
        ("COSINE, UNCENTRED", |w| w.cos_uncentred),
        ("HIGH-FREQ. SHARE", |w| w.hf_share),
        ("EFFECTIVE RANK", |w| w.effective_rank),
        ("RESIDUAL TO MEAN TOKEN", |w| w.rel_residual),
    ];
    let panels: Vec<Panel> = metrics
        .iter()
        .map(|(title, get)| Panel {
            title: title.to_string(),
            series: reports.iter().map(|r| Series { points: r.rows.iter().map(|w| (w.rel_depth, get(w))).collect() }).collect(),
            x_range: (0.0, 1.0),
        })
        .collect();
    let labels: Vec<String> = reports.iter().map(|r| format!("{} ({}, {}X{})", r.label, r.model, r.depth, r.width)).collect();
    line_chart(&panels, &labels, "RELATIVE DEPTH", &ChartLayout::default())
}

fn run_spectra(a: &SpectraArgs) -> Result<()> {
    let (ca, cb) = (checkpoint::open(&a.a)?, checkpoint::open(&a.b)?);
    let r = spectra::compare(&ca, &cb)?;
    print_spectra(&r);
    write_outputs(&a.out, "spectra", &spectra::to_csv(&r), &serde_json::to_string_pretty(&r)?, &spectra_chart(&r))
}

fn print_spectra(r: &SpectraReport) {
    println!("A = {}, B = {}; beta = A / B", r.a, r.b);
    println!("  layer  |WqWk^T| A  |WqWk^T| B   |Wv| A   |Wv| B   beta_QK  beta_V");
    for w in &r.rows {
        println!(
            "  {:>5}  {:>10.4}  {:>10.4}  {:>7.4}  {:>7.4}  {:>7.4}  {:>6.4}",
            w.layer, w.qk_a, w.qk_b, w.v_a, w.v_b, w.beta_qk, w.beta_v
        );
    }
}

/// Figure 2's analogue: both models' norms and the two ratios, by relative depth.
pub fn spectra_chart(r: &SpectraReport) -> crate::analysis::plot::canvas::Canvas {
    let line = |f: &dyn Fn(&spectra::SpectraRow) -> f64| Series { points: r.rows.iter().map(|w| (w.rel_depth, f(w))).collect() };
    let panels = vec![
        Panel { title: "SPECTRAL NORM W_Q W_K^T".into(), series: vec![line(&|w| w.qk_a), line(&|w| w.qk_b)], x_range: (0.0, 1.0) },
        Panel { title: "SPECTRAL NORM W_V".into(), series: vec![line(&|w| w.v_a), line(&|w| w.v_b)], x_range: (0.0, 1.0) },
        Panel { title: "BETA_QK = A / B".into(), series: vec![line(&|w| w.beta_qk)], x_range: (0.0, 1.0) },
        Panel { title: "BETA_V = A / B".into(), series: vec![line(&|w| w.beta_v)], x_range: (0.0, 1.0) },
    ];
    let labels = vec![format!("A: {} (RATIOS)", r.a), format!("B: {}", r.b)];
    line_chart(&panels, &labels, "RELATIVE DEPTH", &ChartLayout::default())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

/// `dir/{stem}.csv`, `.json` and `.png`, the folder made first.
fn write_outputs(dir: &Path, stem: &str, csv: &str, json: &str, chart: &crate::analysis::plot::canvas::Canvas) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    write(&dir.join(format!("{}.csv", stem)), csv.as_bytes())?;
    write(&dir.join(format!("{}.json", stem)), json.as_bytes())?;
    chart.save(&dir.join(format!("{}.png", stem)))?;
    eprintln!("wrote {0}.csv, {0}.json, {0}.png to {1}", stem, dir.display());
    Ok(())
}
