//! Converters into ImageNet-schema TFRecord shards: Fashion-MNIST IDX files and ImageNet-style
//! folder trees (one folder per class).

use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::{DataError, ErrorKind, Result};
use super::image::{self, Format, Image};
use super::imagenet::{self, ImageMeta};
use super::rng::Rng;
use super::tfrecord::RecordWriter;

/// Fashion-MNIST's classes in label order, as synset-like names (ImageNet uses WordNet ids here;
/// Fashion-MNIST has none, so the index is kept in front to sort like the labels).
pub const FASHION_SYNSETS: [&str; 10] = [
    "fm00_tshirt_top",
    "fm01_trouser",
    "fm02_pullover",
    "fm03_dress",
    "fm04_coat",
    "fm05_sandal",
    "fm06_shirt",
    "fm07_sneaker",
    "fm08_bag",
    "fm09_ankle_boot",
];

fn fmt_err(path: &Path, detail: String) -> DataError {
    DataError::new(ErrorKind::Format, detail).in_file(path)
}

/// Reads a whole file, gunzipping when it starts with the gzip magic.
pub fn read_maybe_gz(path: &Path) -> Result<Vec<u8>> {
    let raw = std::fs::read(path).map_err(|e| DataError::io(path, e))?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out).map_err(|e| fmt_err(path, format!("gzip: {}", e)))?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// An IDX array of unsigned bytes: dims and data.
#[derive(Debug)]
pub struct Idx {
    pub dims: Vec<usize>,
    pub data: Vec<u8>,
}

/// Parses IDX (magic `00 00 08 ndim`, big-endian u32 dims, then u8 data).
pub fn parse_idx(bytes: &[u8], path: &Path) -> Result<Idx> {
    if bytes.len() < 4 || bytes[0] != 0 || bytes[1] != 0 || bytes[2] != 0x08 {
        return Err(fmt_err(path, "not an IDX file of unsigned bytes".into()));
    }
    let nd = bytes[3] as usize;
    let head = 4 + 4 * nd;
    if nd == 0 || bytes.len() < head {
        return Err(fmt_err(path, format!("IDX header of {} dims is truncated", nd)));
    }
    let dims: Vec<usize> = (0..nd).map(|i| u32::from_be_bytes(bytes[4 + 4 * i..8 + 4 * i].try_into().unwrap()) as usize).collect();
    let n: usize = dims.iter().product();
    if bytes.len() - head != n {
        return Err(fmt_err(path, format!("IDX dims {:?} want {} bytes, file has {}", dims, n, bytes.len() - head)));
    }
    Ok(Idx { dims, data: bytes[head..].to_vec() })
}

/// How converted images are encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Lossless; Fashion-MNIST's default (28x28 grey JPEGs would blur the small details).
    Png,
    Jpeg(u8),
}

impl Encoding {
    /// `png`, or `jpeg` (`jpg`) at `jpeg_quality`.
    pub fn named(name: &str, jpeg_quality: u8) -> Option<Self> {
        match name {
            "png" => Some(Encoding::Png),
            "jpeg" | "jpg" => Some(Encoding::Jpeg(jpeg_quality)),
            _ => None,
        }
    }
}

/// Writes `items` round-robin into `shards` files named `split-0000i-of-0000n` in `out`.
/// Returns the shard paths.
pub fn write_shards<I>(out: &Path, split: &str, shards: usize, items: I) -> Result<Vec<PathBuf>>
where
    I: IntoIterator<Item = Vec<u8>>,
{
    std::fs::create_dir_all(out).map_err(|e| DataError::io(out, e))?;
    let shards = shards.max(1);
    let paths: Vec<PathBuf> = (0..shards).map(|i| out.join(imagenet::shard_name(split, i, shards))).collect();
    let mut writers = paths.iter().map(|p| RecordWriter::create(p)).collect::<Result<Vec<_>>>()?;
    for (i, rec) in items.into_iter().enumerate() {
        let k = i % shards;
        writers[k].write(&rec).map_err(|e| DataError::io(&paths[k], e))?;
    }
    for (w, p) in writers.into_iter().zip(&paths) {
        w.finish().map_err(|e| DataError::io(p, e))?;
    }
    Ok(paths)
}

/// Options of the Fashion-MNIST conversion.
#[derive(Clone, Debug)]
pub struct FashionMnist {
    /// Folder with `train-images-idx3-ubyte(.gz)`, `train-labels-idx1-ubyte(.gz)`, `t10k-...`.
    pub input: PathBuf,
    pub output: PathBuf,
    pub train_shards: usize,
    pub validation_shards: usize,
    /// Keep only the first N images of each split (the IDX order is already shuffled).
    pub train_limit: Option<usize>,
    pub validation_limit: Option<usize>,
    pub encoding: Encoding,
}

fn find(dir: &Path, stem: &str) -> Result<PathBuf> {
    for name in [format!("{}.gz", stem), stem.to_string()] {
        let p = dir.join(name);
        if p.is_file() {
            return Ok(p);
        }
    }
    Err(DataError::new(ErrorKind::Io, format!("no {}(.gz) in {}", stem, dir.display())))
}

/// Converts both splits; returns (split, records, shard paths).
pub fn fashion_mnist(o: &FashionMnist) -> Result<Vec<(String, usize, Vec<PathBuf>)>> {
    let mut done = Vec::new();
    for (split, prefix, shards, limit) in
        [("train", "train", o.train_shards, o.train_limit), ("validation", "t10k", o.validation_shards, o.validation_limit)]
    {
        let ip = find(&o.input, &format!("{}-images-idx3-ubyte", prefix))?;
        let lp = find(&o.input, &format!("{}-labels-idx1-ubyte", prefix))?;
        let images = parse_idx(&read_maybe_gz(&ip)?, &ip)?;
        let labels = parse_idx(&read_maybe_gz(&lp)?, &lp)?;
        if images.dims.len() != 3 || labels.dims.len() != 1 || images.dims[0] != labels.dims[0] {
            return Err(fmt_err(&ip, format!("image dims {:?} do not match label dims {:?}", images.dims, labels.dims)));
        }
        let (h, w) = (images.dims[1], images.dims[2]);
        let n = limit.map_or(images.dims[0], |l| l.min(images.dims[0]));
        let mut recs = Vec::with_capacity(n);
        for i in 0..n {
            let label = labels.data[i] as usize;
            if label >= 10 {
                return Err(fmt_err(&lp, format!("label {} at index {} is not in 0..10", label, i)));
            }
            let img = Image { width: w, height: h, channels: 1, data: images.data[i * h * w..(i + 1) * h * w].to_vec() };
            let (bytes, fmt) = match o.encoding {
                Encoding::Png => (image::encode_png(&img), Format::Png),
                Encoding::Jpeg(q) => (image::encode_jpeg(&img, q), Format::Jpeg),
            };
            let ext = if fmt == Format::Png { "png" } else { "jpeg" };
            let filename = format!("{}_{:05}.{}", split, i, ext);
            let meta = ImageMeta {
                encoded: &bytes,
                format: fmt.name(),
                label,
                synset: FASHION_SYNSETS[label],
                height: h,
                width: w,
                channels: 1,
                filename: &filename,
            };
            recs.push(imagenet::to_example(&meta).encode());
        }
        let paths = write_shards(&o.output, split, shards, recs)?;
        done.push((split.to_string(), n, paths));
    }
    Ok(done)
}

/// Converts a folder tree `root/<class>/<image>` into shards; classes are the sorted folder names
/// (label = position in that order, synset = folder name). Files are shuffled by `seed` so each
/// shard mixes classes. JPEG and PNG bytes are stored as they are.
pub fn folder_tree(root: &Path, output: &Path, split: &str, shards: usize, seed: u64) -> Result<(Vec<String>, usize, Vec<PathBuf>)> {
    let mut classes = Vec::new();
    for e in std::fs::read_dir(root).map_err(|e| DataError::io(root, e))? {
        let e = e.map_err(|e| DataError::io(root, e))?;
        if e.path().is_dir() {
            classes.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    classes.sort();
    if classes.is_empty() {
        return Err(DataError::new(ErrorKind::EmptyShardList, format!("no class folders in {}", root.display())));
    }
    let mut files = Vec::new();
    for (label, c) in classes.iter().enumerate() {
        let dir = root.join(c);
        let mut fs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| DataError::io(&dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        fs.sort();
        files.extend(fs.into_iter().map(|p| (p, label)));
    }
    Rng::derive(seed, &[7]).shuffle(&mut files);
    let mut recs = Vec::with_capacity(files.len());
    for (p, label) in &files {
        let bytes = std::fs::read(p).map_err(|e| DataError::io(p, e))?;
        let Some(fmt) = Format::sniff(&bytes) else { continue }; // not an image: ignored
        let img = image::decode(&bytes).map_err(|e| e.in_file(p))?;
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let meta = ImageMeta {
            encoded: &bytes,
            format: fmt.name(),
            label: *label,
            synset: &classes[*label],
            height: img.height,
            width: img.width,
            channels: img.channels,
            filename: &name,
        };
        recs.push(imagenet::to_example(&meta).encode());
    }
    let n = recs.len();
    let paths = write_shards(output, split, shards, recs)?;
    Ok((classes, n, paths))
}
