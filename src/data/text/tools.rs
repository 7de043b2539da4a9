//! What the text commands of `bamboo data` do around the pipeline: a dump to text, pre-training
//! records from text files, a timed BERT loader run, a GLUE file's label balance.

use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, Result};

use super::corpus::{read_documents, wiki_to_text, WikiStats};
use super::glue::{self, Label, Task};
use super::records::{write_shards, Shape};
use super::{create_instances, tokenize_documents, BertLoader, BertLoaderConfig, PretrainConfig, Tokenizer};
use crate::data::{list_files, Position, SkipReport};

/// A MediaWiki XML dump (`-` for stdin) to BERT's text format in `output`.
pub fn wiki_text_file(input: &str, output: &Path, min_sentences: usize, max_bytes: Option<u64>) -> Result<WikiStats> {
    let f = std::fs::File::create(output).with_context(|| format!("creating {}", output.display()))?;
    let mut out = BufWriter::new(f);
    let st = if input == "-" {
        wiki_to_text(std::io::stdin().lock(), "<stdin>".as_ref(), &mut out, min_sentences, max_bytes)?
    } else {
        let p = PathBuf::from(input);
        let f = std::fs::File::open(&p).with_context(|| format!("opening {}", p.display()))?;
        wiki_to_text(BufReader::new(f), &p, &mut out, min_sentences, max_bytes)?
    };
    out.flush()?;
    Ok(st)
}

/// What `create_pretraining_files` wrote.
pub struct PretrainingRun {
    pub documents: usize,
    pub instances: usize,
    /// Instances whose second segment is a random one.
    pub random_next: usize,
    pub shards: usize,
    pub bytes: u64,
    pub seconds: f64,
}

/// Text files in BERT's format (`patterns`, comma separated) to pre-training TFRecord shards in
/// `output`, keeping at most `limit` instances.
pub fn create_pretraining_files(
    patterns: &str,
    tok: &Tokenizer,
    cfg: &PretrainConfig,
    output: &Path,
    shards: usize,
    limit: Option<usize>,
) -> Result<PretrainingRun> {
    let mut docs = Vec::new();
    for p in list_files(patterns)? {
        docs.extend(read_documents(&p)?);
    }
    let t = Instant::now();
    let tdocs = tokenize_documents(tok, &docs, cfg.threads);
    let mut inst = create_instances(&tdocs, &tok.vocab, cfg)?;
    if let Some(n) = limit {
        inst.truncate(n);
    }
    let shape = Shape { max_seq_length: cfg.max_seq_length, max_predictions: cfg.max_predictions_per_seq };
    let (paths, bytes) = write_shards(output, &inst, shape, shards)?;
    Ok(PretrainingRun {
        documents: tdocs.len(),
        instances: inst.len(),
        random_next: inst.iter().filter(|i| i.is_random_next).count(),
        shards: paths.len(),
        bytes,
        seconds: t.elapsed().as_secs_f64(),
    })
}

/// A timed BERT loader run.
pub struct BertLoadRun {
    pub sequences: usize,
    pub seconds: f64,
    /// Masked positions and random-next sequences, summed.
    pub masked: f64,
    pub random_next: i64,
    pub last: Option<Position>,
    pub skipped: SkipReport,
}

/// Reads at most `steps` batches of pre-training records from `start`, timed.
pub fn time_bert_loader(cfg: BertLoaderConfig, start: Position, steps: u64) -> Result<BertLoadRun> {
    let mut loader = BertLoader::new(cfg, start)?;
    let t = Instant::now();
    let (mut n, mut masked, mut random) = (0usize, 0f64, 0i64);
    let mut last = None;
    for _ in 0..steps {
        let Some(b) = loader.next_batch()? else { break };
        n += b.batch_size;
        masked += b.masked_lm_weights.iter().map(|&w| w as f64).sum::<f64>();
        random += b.next_sentence_labels.iter().map(|&l| l as i64).sum::<i64>();
        last = Some(b.position);
    }
    let seconds = t.elapsed().as_secs_f64();
    Ok(BertLoadRun { sequences: n, seconds, masked, random_next: random, last, skipped: loader.skip_report() })
}

/// A GLUE file's examples by label.
pub struct GlueCounts {
    pub examples: usize,
    /// Examples per class, in the order of `Task::labels`.
    pub classes: Vec<usize>,
    /// The scores of a regression task.
    pub scores: Vec<f64>,
    pub unlabelled: usize,
}

impl GlueCounts {
    /// `N examples`, then in parentheses each that applies: the balance of `task`'s labels, the
    /// mean score of a regression task, the unlabelled examples.
    pub fn describe(&self, task: Task) -> String {
        let mut out = format!("{} examples", self.examples);
        let balance: Vec<String> = task.labels().iter().zip(&self.classes).map(|(l, c)| format!("{}: {}", l, c)).collect();
        if !balance.is_empty() {
            out += &format!(" ({})", balance.join(", "));
        }
        if !self.scores.is_empty() {
            out += &format!(" (mean score {:.2})", self.scores.iter().sum::<f64>() / self.scores.len() as f64);
        }
        if self.unlabelled > 0 {
            out += &format!(" ({} unlabelled)", self.unlabelled);
        }
        out
    }
}

/// Reads a GLUE TSV file and counts its labels.
pub fn glue_counts(task: Task, path: &Path) -> Result<GlueCounts> {
    let ex = glue::load(task, path)?;
    let mut counts = vec![0usize; task.labels().len()];
    let (mut scores, mut unlabelled) = (Vec::new(), 0);
    for e in &ex {
        match &e.label {
            Some(Label::Class(c)) => counts[*c] += 1,
            Some(Label::Score(s)) => scores.push(*s as f64),
            None => unlabelled += 1,
        }
    }
    Ok(GlueCounts { examples: ex.len(), classes: counts, scores, unlabelled })
}
