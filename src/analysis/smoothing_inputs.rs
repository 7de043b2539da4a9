//! What `bamboo analyze smoothing` runs each checkpoint on: every checkpoint opened and checked
//! against its config, and the text windows of text models read, before the plugin loads.

use std::path::PathBuf;

use anyhow::{Context, Result};

use super::checkpoint::{self, Checkpoint};
use super::hidden::{Analysed, TextModel};
use super::smoothing::{self, SmoothingReport, Tokens};
use super::{images, text};
use crate::runtime::{Client, CompileOptions, HostTensor};
use crate::train::runtime_options::RuntimeOptions;
use crate::weights::fit::Fit;

/// Where the examples come from and how many (the data flags of `analyze smoothing`).
#[derive(Clone, Debug)]
pub struct SmoothingInputs {
    /// Images for image models (ImageNet-schema TFRecords; globs, comma separated).
    pub data: String,
    /// Text (BERT's format) and its WordPiece vocabulary, for text models.
    pub text: PathBuf,
    pub vocab: PathBuf,
    /// Tokens per text window.
    pub seq_len: usize,
    /// Batches to average over, and examples per batch.
    pub batches: usize,
    pub batch: usize,
}

/// One checkpoint, checked, with its text batches when it is a text model.
pub struct Planned {
    pub checkpoint: Checkpoint,
    model: Analysed,
    text_batches: Option<Vec<HostTensor>>,
}

/// Opens and checks every checkpoint (config, weights, image size), reading the text windows of
/// text models (once per model: BERT and OPT wrap them differently). Mistakes fail fast.
pub fn plan(paths: &[PathBuf], inputs: &SmoothingInputs) -> Result<Vec<Planned>> {
    let mut work = vec![];
    for p in paths {
        let ck = checkpoint::open(p)?;
        let config = ck.require_config()?;
        let model = Analysed::from_config(config).with_context(|| format!("{}", p.display()))?;
        let described =
            format!("its config ({} with {} blocks of width {})", config.kind(), config.encoder().depth, config.encoder().width);
        Fit::of(&model.specs(), &ck.tensors, false, model.reads_part()).check(&ck.path.display().to_string(), &described)?;
        let who = format!("{} ({})", ck.label, p.display());
        let text_batches = match &model {
            Analysed::Image(enc) => {
                images::check_image_size(&inputs.data, enc.image_size(), &who)?;
                None
            }
            Analysed::Text(t) => Some(text_batches(inputs, t).with_context(|| who.clone())?),
        };
        work.push(Planned { checkpoint: ck, model, text_batches });
    }
    Ok(work)
}

fn text_batches(a: &SmoothingInputs, t: &TextModel) -> Result<Vec<HostTensor>> {
    text::eval_text(&a.text, &a.vocab, t, a.seq_len, a.batch, a.batches)
}

/// The metrics of one planned checkpoint (image batches are read here, text ones were read by `plan`).
pub fn run(
    client: &Client,
    options: &CompileOptions,
    planned: Planned,
    inputs: &SmoothingInputs,
    tokens: Tokens,
) -> Result<SmoothingReport> {
    let batches = match (&planned.model, planned.text_batches) {
        (_, Some(b)) => b,
        (Analysed::Image(enc), None) => images::eval_images(&inputs.data, inputs.batch, enc.image_size(), enc.channels(), inputs.batches)?,
        (Analysed::Text(_), None) => unreachable!("text batches are read up front"),
    };
    smoothing::analyze(client, options, &planned.checkpoint, &batches, tokens)
}

/// The metrics of every planned checkpoint on the runtime `rt` describes, each report handed to
/// `done` with the seconds it took as soon as it is measured.
pub fn run_all(
    rt: &RuntimeOptions,
    work: Vec<Planned>,
    inputs: &SmoothingInputs,
    tokens: Tokens,
    mut done: impl FnMut(&SmoothingReport, f64),
) -> Result<Vec<SmoothingReport>> {
    let (client, options) = rt.connect()?;
    let mut reports = vec![];
    for planned in work {
        let t0 = std::time::Instant::now();
        let r = run(&client, &options, planned, inputs, tokens)?;
        done(&r, t0.elapsed().as_secs_f64());
        reports.push(r);
    }
    Ok(reports)
}
