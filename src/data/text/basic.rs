//! BERT's basic tokenizer: clean the text, isolate CJK ideographs, split on whitespace, then per
//! word lowercase, strip accents and split off punctuation. The output words go to WordPiece.

use unicode_normalization::UnicodeNormalization;

use super::chars::{is_cjk, is_control, is_nonspacing_mark, is_punctuation, is_whitespace};

#[derive(Clone, Copy, Debug)]
pub struct BasicTokenizer {
    /// Lowercase and strip accents (bert-base-uncased); false keeps case and accents.
    pub lowercase: bool,
}

impl BasicTokenizer {
    /// Calls `emit` for each word, in order, reusing two buffers instead of allocating per word.
    pub fn for_each_word(&self, text: &str, mut emit: impl FnMut(&str)) {
        let mut word = String::new();
        let mut norm = String::new();
        for c in text.chars() {
            if c == '\0' || c == '\u{fffd}' || is_control(c) {
                continue;
            }
            if is_whitespace(c) {
                self.flush(&mut word, &mut norm, &mut emit);
            } else if is_cjk(c) {
                // A CJK ideograph is a word by itself.
                self.flush(&mut word, &mut norm, &mut emit);
                word.push(c);
                self.flush(&mut word, &mut norm, &mut emit);
            } else {
                word.push(c);
            }
        }
        self.flush(&mut word, &mut norm, &mut emit);
    }

    fn flush(&self, word: &mut String, norm: &mut String, emit: &mut dyn FnMut(&str)) {
        if !word.is_empty() {
            self.split_word(word, norm, emit);
            word.clear();
        }
    }

    /// Lowercase + strip accents, then split punctuation off as single-character words.
    fn split_word(&self, word: &str, norm: &mut String, emit: &mut dyn FnMut(&str)) {
        norm.clear();
        if !self.lowercase {
            norm.push_str(word);
        } else if word.is_ascii() {
            norm.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            // Per character, as the reference does (no final-sigma context rule).
            let lower: String = word.chars().flat_map(char::to_lowercase).collect();
            norm.extend(lower.nfd().filter(|&c| !is_nonspacing_mark(c)));
        }
        let mut start = 0;
        for (i, c) in norm.char_indices() {
            if is_punctuation(c) {
                if start < i {
                    emit(&norm[start..i]);
                }
                let end = i + c.len_utf8();
                emit(&norm[i..end]);
                start = end;
            }
        }
        if start < norm.len() {
            emit(&norm[start..]);
        }
    }

    pub fn words(&self, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        self.for_each_word(text, |w| out.push(w.to_string()));
        out
    }
}
