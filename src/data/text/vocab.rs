//! A WordPiece vocab: `vocab.txt`, one token per line, the line number is the id.

use std::collections::HashMap;
use std::path::Path;

use crate::data::error::{DataError, ErrorKind, Result};

/// The special tokens BERT's inputs are built from.
pub const SPECIALS: [&str; 5] = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

#[derive(Clone, Debug)]
pub struct Vocab {
    tokens: Vec<String>,
    ids: HashMap<String, u32>,
    /// Whether each id is a `##` continuation piece (whole-word masking asks this per token).
    continuation: Vec<bool>,
    pub pad: u32,
    pub unk: u32,
    pub cls: u32,
    pub sep: u32,
    pub mask: u32,
}

fn format_err(path: &Path, line: usize, detail: String) -> DataError {
    DataError::new(ErrorKind::Format, format!("line {}: {}", line, detail)).in_file(path)
}

impl Vocab {
    pub fn load(path: &Path) -> Result<Vocab> {
        let text = std::fs::read_to_string(path).map_err(|e| DataError::io(path, e))?;
        Vocab::parse(&text, path)
    }

    /// `path` only names the source in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Vocab> {
        let mut tokens = Vec::new();
        let mut ids = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let tok = line.strip_suffix('\r').unwrap_or(line);
            if tok.is_empty() || tok.trim() != tok {
                return Err(format_err(path, i + 1, format!("token {:?} is empty or has surrounding whitespace", tok)));
            }
            if let Some(prev) = ids.insert(tok.to_string(), i as u32) {
                return Err(format_err(path, i + 1, format!("token {:?} already on line {}", tok, prev + 1)));
            }
            tokens.push(tok.to_string());
        }
        let find = |s: &str| {
            ids.get(s).copied().ok_or_else(|| DataError::new(ErrorKind::Format, format!("vocab has no {} token", s)).in_file(path))
        };
        let continuation = tokens.iter().map(|t| t.starts_with("##")).collect();
        Ok(Vocab {
            pad: find(SPECIALS[0])?,
            unk: find(SPECIALS[1])?,
            cls: find(SPECIALS[2])?,
            sep: find(SPECIALS[3])?,
            mask: find(SPECIALS[4])?,
            tokens,
            ids,
            continuation,
        })
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn id(&self, token: &str) -> Option<u32> {
        self.ids.get(token).copied()
    }

    pub fn token(&self, id: u32) -> &str {
        &self.tokens[id as usize]
    }

    pub fn is_continuation(&self, id: u32) -> bool {
        self.continuation[id as usize]
    }
}
