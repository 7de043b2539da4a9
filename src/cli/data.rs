//! `bamboo data ...`: converters, record inspection and input-pipeline benchmarks.

mod text;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};

use crate::data::augment::{Layout, Transform};
use crate::data::convert::{self, Encoding, FashionMnist};
use crate::data::error::SkipReport;
use crate::data::{list_files, Example, ImageLoader, ImageLoaderConfig, Position, ProcessShard, StreamConfig};

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
        let (pi, pc) = parse_pair(&self.process, '/', "--process")?;
        let (epoch, step) = parse_pair(&self.start, ':', "--start")?;
        let mut stream = StreamConfig::new(list_files(&self.files.join(","))?);
        stream.shard = ProcessShard::new(pi as usize, pc as usize)?;
        stream.shuffle_buffer = self.shuffle_buffer;
        stream.shuffle_files = true;
        stream.seed = self.seed;
        stream.skip_bad = self.skip_bad;
        Ok((stream, Position { epoch, step }))
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
    let encoding = match f.encoding.as_str() {
        "png" => Encoding::Png,
        "jpeg" | "jpg" => Encoding::Jpeg(f.jpeg_quality),
        e => bail!("--encoding must be png or jpeg, got {}", e),
    };
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
    let files = list_files(&i.files.join(","))?;
    let mut cfg = StreamConfig::new(files.clone());
    cfg.cycle_length = 1;
    cfg.verify_crc = !i.no_crc;
    cfg.skip_bad = i.skip_bad;
    let mut stream = crate::data::EpochStream::new(&cfg, 0)?;
    let (mut n, mut bytes) = (0u64, 0u64);
    let mut names = std::collections::BTreeMap::<String, (String, usize)>::new();
    let mut bad = SkipReport::default();
    while let Some(r) = stream.next_record()? {
        n += 1;
        bytes += r.data.len() as u64;
        match Example::decode(&r.data) {
            Ok(ex) => {
                for (k, f) in &ex.features {
                    names.entry(k.clone()).or_insert((f.type_name().to_string(), f.len()));
                }
            }
            Err(e) if i.skip_bad => bad.add(&e.at(&r.loc)),
            Err(e) => return Err(e.at(&r.loc).into()),
        }
    }
    bad.merge(&stream.report);
    println!("{} files, {} records, {} bytes of record data", files.len(), n, bytes);
    for (k, (t, l)) in names {
        println!("  {:<28} {} (first record: {} values)", k, t, l);
    }
    if bad.skipped > 0 {
        println!("{}", bad);
    }
    Ok(())
}

fn parse_pair(s: &str, sep: char, what: &str) -> Result<(u64, u64)> {
    let (a, b) = s.split_once(sep).with_context(|| format!("{} must look like A{}B, got {}", what, sep, s))?;
    Ok((a.parse()?, b.parse()?))
}

fn load(l: &LoadArgs) -> Result<()> {
    let (stream, start) = l.read.stream()?;
    let transform = match l.transform.as_str() {
        "mae" => Transform::mae(),
        "finetune" => Transform::finetune(),
        "eval" => Transform::eval(),
        t => bail!("--transform must be mae, finetune or eval, got {}", t),
    };
    let mut cfg = ImageLoaderConfig::new(stream, l.batch_size, l.image_size, transform);
    cfg.num_classes = l.num_classes;
    cfg.layout = if l.nchw { Layout::Nchw } else { Layout::Nhwc };
    if let Some(w) = l.workers {
        cfg.workers = w;
    }
    let mut loader = ImageLoader::new(cfg, start)?;
    let t = Instant::now();
    let mut images = 0usize;
    let mut last = None;
    for _ in 0..l.steps {
        let Some(b) = loader.next_batch()? else { break };
        images += b.labels.len();
        last = Some(b.position);
    }
    let s = t.elapsed().as_secs_f64();
    println!("{} images in {:.2} s: {:.0} images/s; resume from {}", images, s, images as f64 / s, resume_point(last));
    let rep = loader.skip_report();
    if rep.skipped > 0 {
        println!("{}", rep);
    }
    Ok(())
}

fn bench(b: &BenchArgs) -> Result<()> {
    use crate::data::bench;
    let all = b.only == "all";
    let want = |k: &str| all || b.only.split(',').any(|x| x == k);
    if want("tfrecord") {
        for l in bench::tfrecord(&b.dir, 2000, 110_000)?.into_iter().chain(bench::tfrecord(&b.dir, 200_000, 1_000)?) {
            println!("{}", l);
        }
        for l in bench::example_parse(20_000) {
            println!("{}", l);
        }
    }
    if want("image") {
        for l in bench::image_pipeline(b.images) {
            println!("{}", l);
        }
    }
    Ok(())
}

fn read_bench(r: &ReadBenchArgs) -> Result<()> {
    let files = list_files(&r.files.join(","))?;
    let mut best = f64::INFINITY;
    let (mut n, mut bytes) = (0u64, 0u64);
    for _ in 0..r.repeat.max(1) {
        let mut cfg = StreamConfig::new(files.clone());
        cfg.cycle_length = r.cycle_length;
        let t = Instant::now();
        let mut stream = crate::data::EpochStream::new(&cfg, 0)?;
        (n, bytes) = (0, 0);
        while let Some(rec) = stream.next_record()? {
            n += 1;
            bytes += rec.data.len() as u64 + 16;
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!(
        "{} files, {} records, {:.1} MB in {:.3} s: {:.1} MB/s, {:.0} records/s (best of {}, CRCs verified)",
        files.len(),
        n,
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best,
        n as f64 / best,
        r.repeat.max(1)
    );
    Ok(())
}

fn copy(c: &CopyArgs) -> Result<()> {
    let (dest, sources) = c.paths.split_last().expect("clap asks for two paths");
    let dest = PathBuf::from(dest);
    crate::storage::create_dir_all(&dest)?;
    let files = list_files(&sources.join(","))?;
    let mut total = 0usize;
    for f in &files {
        let name = crate::storage::Location::from_path(f)?.file_name().with_context(|| format!("{}: no file name", f.display()))?;
        let bytes = crate::storage::read(f)?;
        total += bytes.len();
        crate::storage::write(&dest.join(&name), &bytes)?;
    }
    println!("copied {} files ({:.1} MB) to {}", files.len(), total as f64 / 1e6, dest.display());
    Ok(())
}

/// Where a loader run would resume: the batch after `last`, or the start when none was read.
fn resume_point(last: Option<crate::data::loader::Position>) -> String {
    last.map_or("the start".into(), |p| p.next().to_string())
}
