//! Causal-LM sequences: tokenized documents packed end to end, a separator token between
//! documents (GPT's end-of-text; [SEP] with BERT's vocabulary), cut into windows of a fixed
//! length. Packing leaves no padding, so every position of every window is a training target;
//! the tail shorter than one window is dropped.

use std::path::Path;

use super::corpus::read_documents;
use super::pretraining::tokenize_documents;
use super::wordpiece::Tokenizer;
use crate::data::error::{DataError, ErrorKind, Result};

/// Windows of `seq_len` token ids, stored flat.
#[derive(Clone, Debug, PartialEq)]
pub struct Packed {
    pub seq_len: usize,
    /// `sequences() * seq_len` ids.
    pub ids: Vec<u32>,
    /// Tokens in the whole stream (separators included), before the tail was dropped.
    pub tokens: usize,
    pub documents: usize,
}

impl Packed {
    pub fn sequences(&self) -> usize {
        self.ids.len() / self.seq_len.max(1)
    }

    pub fn sequence(&self, i: usize) -> &[u32] {
        &self.ids[i * self.seq_len..(i + 1) * self.seq_len]
    }
}

/// Packs tokenized documents (`[document][sentence][piece]`): each document's pieces, then
/// `separator`. Fails, naming `source` and both lengths, when the text makes no whole window.
pub fn pack(docs: &[Vec<Vec<u32>>], separator: u32, seq_len: usize, source: &str) -> Result<Packed> {
    if seq_len == 0 {
        return Err(DataError::new(ErrorKind::Format, "sequence length 0".to_string()));
    }
    let mut stream = vec![];
    for d in docs {
        stream.extend(d.iter().flatten());
        stream.push(separator);
    }
    let tokens = stream.len();
    if tokens < seq_len {
        return Err(DataError::new(
            ErrorKind::Format,
            format!(
                "{}: {} tokens in {} document(s) make no sequence of {} tokens (the text is too short for the sequence length)",
                source,
                tokens,
                docs.len(),
                seq_len
            ),
        ));
    }
    stream.truncate(tokens / seq_len * seq_len);
    Ok(Packed { seq_len, ids: stream, tokens, documents: docs.len() })
}

/// A text file in BERT's format (one sentence per line, blank lines between documents),
/// tokenized with `tok` and packed with `separator`.
pub fn pack_file(path: &Path, tok: &Tokenizer, separator: u32, seq_len: usize, threads: usize) -> Result<Packed> {
    let docs = read_documents(path)?;
    let docs = tokenize_documents(tok, &docs, threads);
    pack(&docs, separator, seq_len, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_documents_with_separators_and_drops_the_tail() {
        let docs = vec![vec![vec![1, 2], vec![3]], vec![vec![4, 5, 6]]];
        let p = pack(&docs, 9, 3, "t").unwrap();
        // 1 2 3 9 4 5 6 9 -> two windows of 3, the last 2 tokens dropped.
        assert_eq!(p.ids, vec![1, 2, 3, 9, 4, 5]);
        assert_eq!((p.sequences(), p.tokens, p.documents), (2, 8, 2));
        assert_eq!(p.sequence(1), &[9, 4, 5]);
    }

    #[test]
    fn too_short_a_text_names_the_source_and_both_lengths() {
        let e = pack(&[vec![vec![1, 2, 3]]], 9, 16, "short.txt").unwrap_err().to_string();
        assert!(e.contains("short.txt") && e.contains("4 tokens") && e.contains("16 tokens"), "{}", e);
    }
}
