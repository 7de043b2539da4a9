//! `bamboo glue --task T`: fine-tune a BERT checkpoint on a GLUE task's official TSV files,
//! then evaluate on the dev file with the task's metric (`train::recipes::glue`).

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::rerun::this_command;
use super::train::Common;
use crate::data::embedded::embedded_path;
use crate::train::recipes::glue::{glue, GlueChoices, GlueRun, DEFAULT_VOCAB};

#[derive(Args, Debug)]
pub struct GlueArgs {
    #[command(flatten)]
    c: Common,
    /// CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI or RTE.
    #[arg(long)]
    task: String,
    /// The task's train.tsv.
    #[arg(long, default_value_os_t = embedded_path("datasets/sst2-rt/train.tsv"))]
    train: PathBuf,
    /// The task's dev.tsv (dev_matched.tsv for MNLI).
    #[arg(long, default_value_os_t = embedded_path("datasets/sst2-rt/dev.tsv"))]
    dev: PathBuf,
    /// A BERT pre-training checkpoint (folder or model.safetensors); random init when absent.
    #[arg(long)]
    from: Option<PathBuf>,
    #[arg(long, default_value_os_t = embedded_path(DEFAULT_VOCAB))]
    vocab: PathBuf,
    #[arg(long, default_value_t = 128)]
    seq_len: usize,
}

pub fn run_glue(a: &GlueArgs) -> Result<()> {
    let choices = GlueChoices {
        common: a.c.choices(),
        task: a.task.clone(),
        train: a.train.clone(),
        dev: a.dev.clone(),
        from: a.from.clone(),
        vocab: a.vocab.clone(),
        seq_len: a.seq_len,
    };
    let s = glue(&GlueRun { command: Some(this_command()), ..GlueRun::resolve(&choices)? })?;
    println!("{}", s.report());
    Ok(())
}
