//! The text side of the input pipeline: Wikipedia dumps and plain-text corpora, BERT's WordPiece
//! tokenizer, pre-training records in BERT's exact TFRecord schema and their batch reader, and
//! GLUE's TSV files and metrics.
//!
//! | module | job |
//! | --- | --- |
//! | `chars`, `basic`, `vocab`, `wordpiece` | the BERT uncased tokenizer |
//! | `wiki`, `markup`, `sentences`, `corpus` | MediaWiki XML -> clean text, BERT's one-sentence-per-line format |
//! | `pretraining`, `masking` | documents -> NSP pairs -> masked instances |
//! | `records`, `loader` | the TFRecord schema and the fixed-shape batch reader |
//! | `lm` | documents packed into fixed-length windows for causal language modelling |
//! | `glue`, `metrics` | GLUE's eight tasks and their metrics |
//! | `bench` | create-pretraining throughput |

pub mod basic;
pub mod bench;
pub mod chars;
pub mod corpus;
pub mod glue;
pub mod lm;
pub mod loader;
pub mod markup;
pub mod masking;
pub mod metrics;
pub mod pretraining;
pub mod records;
pub mod sentences;
pub mod tools;
pub mod vocab;
pub mod wiki;
pub mod wordpiece;

pub use loader::{BertBatch, BertLoader, BertLoaderConfig};
pub use pretraining::{create_instances, tokenize_documents, Instance, PretrainConfig};
pub use records::Shape;
pub use vocab::Vocab;
pub use wordpiece::Tokenizer;
