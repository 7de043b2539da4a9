//! WordPiece: each basic word is split greedily into the longest vocab pieces from the left,
//! pieces after the first carrying `##`. A word with an unmatchable position, or longer than
//! `max_chars`, becomes a single `[UNK]` (not a partial match), as in BERT.

use std::path::Path;

use super::basic::BasicTokenizer;
use super::vocab::Vocab;
use crate::data::error::Result;

#[derive(Clone, Debug)]
pub struct Tokenizer {
    pub vocab: Vocab,
    pub basic: BasicTokenizer,
    pub max_chars: usize,
}

impl Tokenizer {
    /// The bert-base-uncased setup: lowercase, strip accents, 100 characters per word.
    pub fn uncased(vocab: Vocab) -> Self {
        Tokenizer { vocab, basic: BasicTokenizer { lowercase: true }, max_chars: 100 }
    }

    pub fn load_uncased(vocab_path: &Path) -> Result<Self> {
        Ok(Tokenizer::uncased(Vocab::load(vocab_path)?))
    }

    /// Appends the ids of `text`'s pieces to `out`.
    pub fn encode_into(&self, text: &str, out: &mut Vec<u32>) {
        let mut piece = String::new();
        self.basic.for_each_word(text, |w| self.word_pieces(w, &mut piece, out));
    }

    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        self.encode_into(text, &mut out);
        out
    }

    pub fn tokens(&self, text: &str) -> Vec<String> {
        self.encode(text).into_iter().map(|i| self.vocab.token(i).to_string()).collect()
    }

    fn word_pieces(&self, word: &str, piece: &mut String, out: &mut Vec<u32>) {
        let unk = self.vocab.unk;
        if word.chars().count() > self.max_chars {
            out.push(unk);
            return;
        }
        if let Some(id) = self.vocab.id(word) {
            out.push(id);
            return;
        }
        let first = out.len();
        let mut start = 0;
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                piece.push_str(&word[start..end]);
                if let Some(id) = self.vocab.id(piece) {
                    found = Some(id);
                    break;
                }
                // Step back one whole character.
                end = word[..end].char_indices().next_back().map_or(start, |(i, _)| i);
            }
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(first);
                    out.push(unk);
                    return;
                }
            }
        }
    }
}
