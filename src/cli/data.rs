//! `bamboo data ...`: converters, record inspection and input-pipeline benchmarks.

mod text;

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use crate::data::augment::{Layout, Transform};
use crate::data::convert::{self, Encoding, FashionMnist};
use crate::data::{tools, ImageLoaderConfig, Position, StreamConfig};

#[derive(Args)]
pub struct DataArgs {
    #[command(subcommand)]
    cmd: DataCommand,
}

#[derive(Subcommand)]
enum DataCommand {
    /// Convert Fashion-MNIST IDX files into ImageNet-schema TFRecord shards.
    FashionMnist(FashionArgs),
    /// Convert a folder tree (one folder per class) into ImageNet-schema TFRecord shards.
    ImagesToTfrecord(TreeArgs),
    /// Read TFRecord files: count records, verify CRCs, parse Examples, list feature names.
    Inspect(InspectArgs),
    /// Run the image loader over ImageNet-schema shards and report images/s.
    Load(LoadArgs),
    /// Input-pipeline benchmarks (TFRecord read, decode + crop + flip).
    Bench(BenchArgs),
    /// Read every record of some shards (local, gs://, s3://) as training does, and report MB/s.
    ReadBench(ReadBenchArgs),
    /// Copy files or patterns into a folder or bucket prefix (e.g. shards to gs://bucket/imagenet).
    Copy(CopyArgs),
    /// MediaWiki XML dump (file or - for stdin) to BERT's text format: one sentence per line,
    /// a blank line between articles.
    WikiText(text::WikiTextArgs),
    /// WordPiece-tokenize text (arguments, or stdin lines) and print pieces and ids.
    Tokenize(text::TokenizeArgs),
    /// Text corpora in BERT's format to pre-training TFRecords (create_pretraining_data.py).
    CreatePretraining(text::CreatePretrainingArgs),
    /// Read BERT pre-training records as fixed-shape batches and report batches/s.
    LoadBert(text::LoadBertArgs),
    /// Read a GLUE TSV file and print counts and label balance.
    Glue(text::GlueArgs),
    /// create-pretraining throughput (sequences/s) on a text corpus.
    BenchText(text::BenchTextArgs),
}

#[derive(Args)]
struct FashionArgs {
    /// Folder with the IDX files (the Debian package `dataset-fashion-mnist` installs them here).
    #[arg(long, default_value = "/usr/share/datasets/fashion-mnist")]
    input: PathBuf,
    #[arg(long)]
    output: PathBuf,
    #[arg(long, default_value_t = 8)]
    train_shards: usize,
    #[arg(long, default_value_t = 2)]
    validation_shards: usize,
    /// Keep only the first N training images.
    #[arg(long)]
    train_limit: Option<usize>,
    /// Keep only the first N validation images.
    #[arg(long)]
    validation_limit: Option<usize>,
    /// png (lossless, default) or jpeg.
    #[arg(long, default_value = "png")]
    encoding: String,
    #[arg(long, default_value_t = 95)]
    jpeg_quality: u8,
}

#[derive(Args)]
struct TreeArgs {
    /// Root folder: ROOT/<class>/<image>.
    #[arg(long)]
    input: PathBuf,
    #[arg(long)]
    output: PathBuf,
    /// Split name in the shard file names (train, validation).
    #[arg(long, default_value = "train")]
    split: String,
    #[arg(long, default_value_t = 8)]
    shards: usize,
    #[arg(long, default_value_t = 0)]
    seed: u64,
}

#[derive(Args)]
struct InspectArgs {
    /// Files, directories or patterns (each may be a comma-separated list).
    #[arg(required = true)]
    files: Vec<String>,
    /// Skip and count bad records instead of stopping at the first.
    #[arg(long)]
    skip_bad: bool,
    /// Do not verify CRCs.
    #[arg(long)]
    no_crc: bool,
}

#[derive(Args)]
struct LoadArgs {
    /// ImageNet-schema shards, the order they are read in, this process's share.
    #[command(flatten)]
    read: ReadArgs,
    #[arg(long, default_value_t = 64)]
    batch_size: usize,
    #[arg(long, default_value_t = 224)]
    image_size: usize,
    /// mae (RandomResizedCrop 0.2-1, flip), finetune (0.08-1, flip, RandAugment m9-mstd0.5, random
    /// erasing 0.25) or eval (center crop 0.875).
    #[arg(long, default_value = "mae")]
    transform: String,
    #[arg(long, default_value_t = 1000)]
    num_classes: usize,
    #[arg(long, default_value_t = 10)]
    steps: u64,
    #[arg(long)]
    workers: Option<usize>,
    #[arg(long)]
    nchw: bool,
}

/// How the `load` commands read shards: which files, in what seeded order, which share of them
/// this process takes, and from which position.
#[derive(Args, Clone, Debug)]
pub struct ReadArgs {
    /// Shards: files, directories or patterns.
    #[arg(required = true)]
    files: Vec<String>,
    #[arg(long, default_value_t = 0)]
    seed: u64,
    #[arg(long, default_value_t = 1024)]
    shuffle_buffer: usize,
    /// This process's index and the process count, "I/N".
    #[arg(long, default_value = "0/1")]
    process: String,
    /// Start position "EPOCH:STEP".
    #[arg(long, default_value = "0:0")]
    start: String,
    #[arg(long)]
    skip_bad: bool,
}

impl ReadArgs {
    /// The shard stream and the position to start from.
    pub fn stream(&self) -> Result<(StreamConfig, Position)> {
        let (mut stream, start) = tools::shard_stream(&self.files.join(","), &self.process, &self.start)?;
        (stream.shuffle_buffer, stream.seed, stream.skip_bad) = (self.shuffle_buffer, self.seed, self.skip_bad);
        Ok((stream, start))
    }
}

#[derive(Args)]
pub struct BenchArgs {
    /// Folder for generated benchmark files (kept between runs).
    #[arg(long, default_value = "bench-out/data")]
    dir: PathBuf,
    /// tfrecord, image (comma separated), or all.
    #[arg(long, default_value = "all")]
    only: String,
    /// Images for the decode benchmark.
    #[arg(long, default_value_t = 200)]
    images: usize,
}

#[derive(Args)]
struct ReadBenchArgs {
    /// Shards: files, folders or patterns, local or in a bucket.
    #[arg(required = true)]
    files: Vec<String>,
    /// Shards read at once (each read ahead on its own when remote).
    #[arg(long, default_value_t = 16)]
    cycle_length: usize,
    /// Passes over the data (the best is reported).
    #[arg(long, default_value_t = 3)]
    repeat: usize,
}

#[derive(Args)]
struct CopyArgs {
    /// Sources (files or patterns), then the destination folder or prefix.
    #[arg(required = true, num_args = 2..)]
    paths: Vec<String>,
}

pub fn run(a: &DataArgs) -> Result<()> {
    match &a.cmd {
        DataCommand::FashionMnist(f) => fashion(f),
        DataCommand::ImagesToTfrecord(t) => {
            let (classes, n, paths) = convert::folder_tree(&t.input, &t.output, &t.split, t.shards, t.seed)?;
            println!("{} images of {} classes into {} shards in {}", n, classes.len(), paths.len(), t.output.display());
            Ok(())
        }
        DataCommand::Inspect(i) => inspect(i),
        DataCommand::Load(l) => load(l),
        DataCommand::Bench(b) => bench(b),
        DataCommand::ReadBench(r) => read_bench(r),
        DataCommand::Copy(c) => copy(c),
        DataCommand::WikiText(a) => text::wiki_text(a),
        DataCommand::Tokenize(a) => text::tokenize(a),
        DataCommand::CreatePretraining(a) => text::create_pretraining(a),
        DataCommand::LoadBert(a) => text::load_bert(a),
        DataCommand::Glue(a) => text::glue(a),
        DataCommand::BenchText(a) => text::bench_text(a),
    }
}

fn fashion(f: &FashionArgs) -> Result<()> {
    let Some(encoding) = Encoding::named(&f.encoding, f.jpeg_quality) else { bail!("--encoding must be png or jpeg, got {}", f.encoding) };
    let o = FashionMnist {
        input: f.input.clone(),
        output: f.output.clone(),
        train_shards: f.train_shards,
        validation_shards: f.validation_shards,
        train_limit: f.train_limit,
        validation_limit: f.validation_limit,
        encoding,
    };
    for (split, n, paths) in convert::fashion_mnist(&o)? {
        println!("{}: {} images in {} shards", split, n, paths.len());
    }
    Ok(())
}

fn inspect(i: &InspectArgs) -> Result<()> {
    let r = tools::inspect(&i.files.join(","), !i.no_crc, i.skip_bad)?;
    println!("{} files, {} records, {} bytes of record data", r.files, r.records, r.bytes);
    for (k, (t, l)) in r.features {
        println!("  {:<28} {} (first record: {} values)", k, t, l);
    }
    if r.bad.skipped > 0 {
        println!("{}", r.bad);
    }
    Ok(())
}

fn load(l: &LoadArgs) -> Result<()> {
    let (stream, start) = l.read.stream()?;
    let Some(transform) = Transform::named(&l.transform) else { bail!("--transform must be mae, finetune or eval, got {}", l.transform) };
    let mut cfg = ImageLoaderConfig::new(stream, l.batch_size, l.image_size, transform);
    cfg.num_classes = l.num_classes;
    cfg.layout = if l.nchw { Layout::Nchw } else { Layout::Nhwc };
    cfg.workers = l.workers.unwrap_or(cfg.workers);
    let r = tools::time_image_loader(cfg, start, l.steps)?;
    println!(
        "{} images in {:.2} s: {:.0} images/s; resume from {}",
        r.examples,
        r.seconds,
        r.examples as f64 / r.seconds,
        r.resume_point()
    );
    if r.skipped.skipped > 0 {
        println!("{}", r.skipped);
    }
    Ok(())
}

fn bench(b: &BenchArgs) -> Result<()> {
    Ok(crate::data::bench::run_selected(&b.dir, &b.only, b.images, |l| println!("{}", l))?)
}

fn read_bench(r: &ReadBenchArgs) -> Result<()> {
    let t = tools::time_reads(&r.files.join(","), r.cycle_length, r.repeat)?;
    println!(
        "{} files, {} records, {:.1} MB in {:.3} s: {:.1} MB/s, {:.0} records/s (best of {}, CRCs verified)",
        t.files,
        t.records,
        t.bytes as f64 / 1e6,
        t.best_seconds,
        t.bytes as f64 / 1e6 / t.best_seconds,
        t.records as f64 / t.best_seconds,
        t.passes
    );
    Ok(())
}

fn copy(c: &CopyArgs) -> Result<()> {
    let (dest, sources) = c.paths.split_last().expect("clap asks for two paths");
    let dest = PathBuf::from(dest);
    let (files, total) = tools::copy_files(&sources.join(","), &dest)?;
    println!("copied {} files ({:.1} MB) to {}", files, total as f64 / 1e6, dest.display());
    Ok(())
}
