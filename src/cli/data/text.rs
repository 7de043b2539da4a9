//! `bamboo data` subcommands of the text pipeline: wiki-text, tokenize, create-pretraining,
//! load-bert, glue, bench-text.

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;

use crate::data::embedded::embedded_path;
use crate::data::text::corpus::read_documents;
use crate::data::text::glue::Task;
use crate::data::text::records::Shape;
use crate::data::text::{bench, tools, BertLoaderConfig, PretrainConfig, Tokenizer};

const DEFAULT_VOCAB: &str = "datasets/bert-vocab/vocab.txt";

#[derive(Args)]
pub struct WikiTextArgs {
    /// The XML export (already decompressed), or - for stdin (`bunzip2 -c dump.bz2 | ...`).
    #[arg(long)]
    input: String,
    #[arg(long)]
    output: PathBuf,
    /// Keep articles with at least this many sentences.
    #[arg(long, default_value_t = 3)]
    min_sentences: usize,
    /// Stop before the output would exceed this many bytes.
    #[arg(long)]
    max_bytes: Option<u64>,
}

#[derive(Args)]
pub struct TokenizeArgs {
    #[arg(long, default_value_os_t = embedded_path(DEFAULT_VOCAB))]
    vocab: PathBuf,
    /// Texts to tokenize; none reads lines from stdin.
    text: Vec<String>,
    /// Print ids only.
    #[arg(long)]
    ids: bool,
}

#[derive(Args)]
pub struct CreatePretrainingArgs {
    /// Text files in BERT's format (files, directories or patterns).
    #[arg(long, required = true, num_args = 1..)]
    input: Vec<String>,
    #[arg(long, default_value_os_t = embedded_path(DEFAULT_VOCAB))]
    vocab: PathBuf,
    /// Output folder for the TFRecord shards.
    #[arg(long)]
    output: PathBuf,
    #[arg(long, default_value_t = 128)]
    max_seq_length: usize,
    #[arg(long, default_value_t = 20)]
    max_predictions_per_seq: usize,
    #[arg(long, default_value_t = 0.15)]
    masked_lm_prob: f64,
    #[arg(long, default_value_t = 10)]
    dupe_factor: usize,
    #[arg(long, default_value_t = 0.1)]
    short_seq_prob: f64,
    #[arg(long, default_value_t = 12345)]
    seed: u64,
    #[arg(long)]
    whole_word_mask: bool,
    #[arg(long, default_value_t = 1)]
    shards: usize,
    /// Keep only the first N instances (after shuffling); for small samples.
    #[arg(long)]
    limit: Option<usize>,
}

#[derive(Args)]
pub struct LoadBertArgs {
    /// Pre-training shards, the order they are read in, this process's share.
    #[command(flatten)]
    read: super::ReadArgs,
    #[arg(long, default_value_t = 32)]
    batch_size: usize,
    #[arg(long, default_value_t = 128)]
    max_seq_length: usize,
    #[arg(long, default_value_t = 20)]
    max_predictions_per_seq: usize,
    #[arg(long, default_value_t = 100)]
    steps: u64,
}

#[derive(Args)]
pub struct GlueArgs {
    /// CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI or RTE.
    #[arg(long)]
    task: String,
    /// TSV files in the task's official layout.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

#[derive(Args)]
pub struct BenchTextArgs {
    /// Corpus in BERT's text format.
    #[arg(long, default_value_os_t = embedded_path("datasets/wiki-sample/wiki.txt"))]
    input: PathBuf,
    #[arg(long, default_value_os_t = embedded_path(DEFAULT_VOCAB))]
    vocab: PathBuf,
    #[arg(long, default_value_t = 10)]
    dupe_factor: usize,
    #[arg(long)]
    threads: Option<usize>,
    #[arg(long, default_value = "bench-out/text")]
    dir: PathBuf,
}

pub fn wiki_text(a: &WikiTextArgs) -> Result<()> {
    let st = tools::wiki_text_file(&a.input, &a.output, a.min_sentences, a.max_bytes)?;
    println!("{} pages, {} articles, {} sentences, {} bytes -> {}", st.pages, st.articles, st.sentences, st.bytes, a.output.display());
    Ok(())
}

pub fn tokenize(a: &TokenizeArgs) -> Result<()> {
    let tok = Tokenizer::load_uncased(&a.vocab)?;
    let texts: Vec<String> =
        if a.text.is_empty() { std::io::stdin().lock().lines().collect::<std::io::Result<_>>()? } else { a.text.clone() };
    for t in texts {
        let ids = tok.encode(&t);
        if !a.ids {
            let pieces: Vec<&str> = ids.iter().map(|&i| tok.vocab.token(i)).collect();
            println!("{}", pieces.join(" "));
        }
        println!("{}", ids.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(" "));
    }
    Ok(())
}

pub fn create_pretraining(a: &CreatePretrainingArgs) -> Result<()> {
    let tok = Tokenizer::load_uncased(&a.vocab)?;
    let cfg = PretrainConfig {
        max_seq_length: a.max_seq_length,
        max_predictions_per_seq: a.max_predictions_per_seq,
        masked_lm_prob: a.masked_lm_prob,
        dupe_factor: a.dupe_factor,
        short_seq_prob: a.short_seq_prob,
        whole_word_mask: a.whole_word_mask,
        seed: a.seed,
        ..PretrainConfig::default()
    };
    let r = tools::create_pretraining_files(&a.input.join(","), &tok, &cfg, &a.output, a.shards, a.limit)?;
    println!(
        "{} documents -> {} instances ({:.1}% random next) in {} shards, {} bytes, {:.2} s ({:.0} sequences/s)",
        r.documents,
        r.instances,
        100.0 * r.random_next as f64 / r.instances.max(1) as f64,
        r.shards,
        r.bytes,
        r.seconds,
        r.instances as f64 / r.seconds
    );
    Ok(())
}

pub fn load_bert(a: &LoadBertArgs) -> Result<()> {
    let (stream, start) = a.read.stream()?;
    let shape = Shape { max_seq_length: a.max_seq_length, max_predictions: a.max_predictions_per_seq };
    let r = tools::time_bert_loader(BertLoaderConfig { stream, batch_size: a.batch_size, shape, epochs: None }, start, a.steps)?;
    let n = r.sequences;
    println!(
        "{} sequences in {:.3} s ({:.0} sequences/s); {:.1} masked per sequence, {:.1}% random next; resume from {}",
        n,
        r.seconds,
        n as f64 / r.seconds,
        r.masked / n.max(1) as f64,
        100.0 * r.random_next as f64 / n.max(1) as f64,
        r.last.map_or("the start".into(), |p| p.next().to_string())
    );
    if r.skipped.skipped > 0 {
        println!("{}", r.skipped);
    }
    Ok(())
}

pub fn glue(a: &GlueArgs) -> Result<()> {
    let Some(task) = Task::parse(&a.task) else { bail!("unknown GLUE task {:?}", a.task) };
    for p in &a.files {
        println!("{} {}: {}", task.name(), p.display(), tools::glue_counts(task, p)?.describe(task));
    }
    Ok(())
}

pub fn bench_text(a: &BenchTextArgs) -> Result<()> {
    let tok = Tokenizer::load_uncased(&a.vocab)?;
    let docs = read_documents(&a.input)?;
    let default = PretrainConfig::default();
    let cfg = PretrainConfig { dupe_factor: a.dupe_factor, threads: a.threads.unwrap_or(default.threads), ..default };
    for l in bench::create_pretraining(&tok, &docs, &cfg, &a.dir)? {
        println!("{}", l);
    }
    Ok(())
}
