//! `bamboo data` subcommands of the text pipeline: wiki-text, tokenize, create-pretraining,
//! load-bert, glue, bench-text.

use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::Args;

use crate::data::embedded::embedded_path;
use crate::data::list_files;
use crate::data::text::corpus::{read_documents, wiki_to_text};
use crate::data::text::glue::{self, Label, Task};
use crate::data::text::records::{write_shards, Shape};
use crate::data::text::{bench, create_instances, tokenize_documents, BertLoader, BertLoaderConfig, PretrainConfig, Tokenizer};

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
    let f = std::fs::File::create(&a.output).with_context(|| format!("creating {}", a.output.display()))?;
    let mut out = BufWriter::new(f);
    let st = if a.input == "-" {
        wiki_to_text(std::io::stdin().lock(), "<stdin>".as_ref(), &mut out, a.min_sentences, a.max_bytes)?
    } else {
        let p = PathBuf::from(&a.input);
        let f = std::fs::File::open(&p).with_context(|| format!("opening {}", p.display()))?;
        wiki_to_text(BufReader::new(f), &p, &mut out, a.min_sentences, a.max_bytes)?
    };
    out.flush()?;
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
    let mut docs = Vec::new();
    for p in list_files(&a.input.join(","))? {
        docs.extend(read_documents(&p)?);
    }
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
    let t = Instant::now();
    let tdocs = tokenize_documents(&tok, &docs, cfg.threads);
    let mut inst = create_instances(&tdocs, &tok.vocab, &cfg)?;
    if let Some(n) = a.limit {
        inst.truncate(n);
    }
    let shape = Shape { max_seq_length: a.max_seq_length, max_predictions: a.max_predictions_per_seq };
    let (paths, bytes) = write_shards(&a.output, &inst, shape, a.shards)?;
    let s = t.elapsed().as_secs_f64();
    let random = inst.iter().filter(|i| i.is_random_next).count();
    println!(
        "{} documents -> {} instances ({:.1}% random next) in {} shards, {} bytes, {:.2} s ({:.0} sequences/s)",
        tdocs.len(),
        inst.len(),
        100.0 * random as f64 / inst.len().max(1) as f64,
        paths.len(),
        bytes,
        s,
        inst.len() as f64 / s
    );
    Ok(())
}

pub fn load_bert(a: &LoadBertArgs) -> Result<()> {
    let (stream, start) = a.read.stream()?;
    let shape = Shape { max_seq_length: a.max_seq_length, max_predictions: a.max_predictions_per_seq };
    let mut loader = BertLoader::new(BertLoaderConfig { stream, batch_size: a.batch_size, shape, epochs: None }, start)?;
    let t = Instant::now();
    let (mut n, mut masked, mut random) = (0usize, 0f64, 0i64);
    let mut last = None;
    for _ in 0..a.steps {
        let Some(b) = loader.next_batch()? else { break };
        n += b.batch_size;
        masked += b.masked_lm_weights.iter().map(|&w| w as f64).sum::<f64>();
        random += b.next_sentence_labels.iter().map(|&l| l as i64).sum::<i64>();
        last = Some(b.position);
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} sequences in {:.3} s ({:.0} sequences/s); {:.1} masked per sequence, {:.1}% random next; resume from {}",
        n,
        s,
        n as f64 / s,
        masked / n.max(1) as f64,
        100.0 * random as f64 / n.max(1) as f64,
        last.map_or("the start".into(), |p| p.next().to_string())
    );
    let rep = loader.skip_report();
    if rep.skipped > 0 {
        println!("{}", rep);
    }
    Ok(())
}

pub fn glue(a: &GlueArgs) -> Result<()> {
    let Some(task) = Task::parse(&a.task) else { bail!("unknown GLUE task {:?}", a.task) };
    for p in &a.files {
        let ex = glue::load(task, p)?;
        let mut counts = vec![0usize; task.labels().len()];
        let (mut scores, mut unlabelled) = (Vec::new(), 0);
        for e in &ex {
            match &e.label {
                Some(Label::Class(c)) => counts[*c] += 1,
                Some(Label::Score(s)) => scores.push(*s as f64),
                None => unlabelled += 1,
            }
        }
        let balance: Vec<String> = task.labels().iter().zip(&counts).map(|(l, c)| format!("{}: {}", l, c)).collect();
        print!("{} {}: {} examples", task.name(), p.display(), ex.len());
        if !balance.is_empty() {
            print!(" ({})", balance.join(", "));
        }
        if !scores.is_empty() {
            print!(" (mean score {:.2})", scores.iter().sum::<f64>() / scores.len() as f64);
        }
        if unlabelled > 0 {
            print!(" ({} unlabelled)", unlabelled);
        }
        println!();
    }
    Ok(())
}

pub fn bench_text(a: &BenchTextArgs) -> Result<()> {
    let tok = Tokenizer::load_uncased(&a.vocab)?;
    let docs = read_documents(&a.input)?;
    let mut cfg = PretrainConfig { dupe_factor: a.dupe_factor, ..PretrainConfig::default() };
    if let Some(t) = a.threads {
        cfg.threads = t;
    }
    for l in bench::create_pretraining(&tok, &docs, &cfg, &a.dir)? {
        println!("{}", l);
    }
    Ok(())
}
