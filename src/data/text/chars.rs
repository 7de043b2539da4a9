//! BERT's character classes. They decide where words split, so they must match the reference
//! tokenizer exactly: punctuation is every ASCII non-alphanumeric symbol plus Unicode P*, controls
//! are Unicode C* except tab/newline/return (which count as whitespace), and CJK ideographs are
//! tokens of their own because the vocab has no multi-character CJK words.

use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

pub fn is_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r') || (!c.is_ascii() && c.general_category() == GeneralCategory::SpaceSeparator)
}

pub fn is_control(c: char) -> bool {
    if matches!(c, '\t' | '\n' | '\r') {
        return false;
    }
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.general_category_group() == GeneralCategoryGroup::Other
}

/// ASCII 33-47, 58-64, 91-96, 123-126 (so `$`, `+`, `^`, `` ` `` count although Unicode calls
/// them symbols), plus Unicode P*.
pub fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation();
    }
    c.general_category_group() == GeneralCategoryGroup::Punctuation
}

/// The CJK Unified Ideographs blocks (not Hangul, Hiragana or Katakana, which are written with
/// spaces or handled by WordPiece like any other script).
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

pub fn is_nonspacing_mark(c: char) -> bool {
    !c.is_ascii() && c.general_category() == GeneralCategory::NonspacingMark
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¿¡«»—–…§¶".chars() {
            assert!(is_punctuation(c), "{:?}", c);
        }
        for c in "a0 é€£≤".chars() {
            assert!(!is_punctuation(c), "{:?}", c);
        }
        assert!(is_whitespace('\u{a0}') && is_whitespace('\u{2009}') && !is_whitespace('\u{200b}'));
        assert!(is_control('\u{7}') && is_control('\u{200b}') && is_control('\u{ad}') && !is_control('\n'));
        assert!(is_cjk('中') && is_cjk('漢') && !is_cjk('の') && !is_cjk('한'));
    }
}
