//! The input pipeline: host code that knows no graph. TFRecord shards -> tf.Example -> decode ->
//! augment -> fixed-shape batches, plus the converters that write such shards.
//!
//! | module | job |
//! | --- | --- |
//! | `crc32c`, `tfrecord` | record framing with verified CRCs |
//! | `example` | tf.Example protocol buffers |
//! | `shards` | file lists, per-process sharding, interleaved and shuffled record streams |
//! | `image`, `augment` | decoding, crops, flip, resample, normalization |
//! | `randaugment`, `erasing` | the fine-tuning recipe's RandAugment and random erasing |
//! | `imagenet` | the ImageNet TFRecord schema |
//! | `loader` | threaded, resumable batch loader |
//! | `captions` | captions from class labels ("a photo of a sneaker"), a word tokenizer |
//! | `convert` | Fashion-MNIST IDX and folder trees to ImageNet-schema shards |
//! | `embedded` | the project's `datasets/`, found from wherever bamboo runs |
//! | `pixels` | labelled images as raw pixel vectors (the pixel floor's input) |
//! | `text` | Wikipedia and plain text, WordPiece, BERT pre-training records, GLUE |

pub mod augment;
pub mod bench;
pub mod captions;
pub mod convert;
pub mod crc32c;
pub mod embedded;
pub mod erasing;
pub mod error;
pub mod example;
pub mod image;
pub mod imagenet;
pub mod loader;
pub mod pixels;
pub mod randaugment;
pub mod rng;
pub mod shards;
pub mod text;
pub mod tfrecord;
pub mod tools;

pub use error::{DataError, ErrorKind, Location, Result, SkipReport};
pub use example::{Example, Feature};
pub use loader::{Batch, ImageLoader, ImageLoaderConfig, Position};
pub use shards::{list_files, EpochStream, ProcessShard, StreamConfig};
