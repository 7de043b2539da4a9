//! A rule-based sentence splitter for English prose: a sentence ends at `.`, `!` or `?` (with any
//! closing quotes or brackets) followed by a space and a capital, digit or opening quote, unless
//! the word before is an abbreviation or an initial. Good enough for BERT's next-sentence task,
//! which only needs plausible boundaries.

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co", "corp", "no", "nos", "vol", "gen",
    "col", "lt", "capt", "sgt", "rev", "mt", "ft", "fig", "cf", "al", "approx", "ca", "c", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "d.c", "p", "pp", "ed", "eds", "op", "sen", "rep", "gov", "pres", "hon",
    "ph.d", "b.c", "a.d", "a.m", "p.m", "est", "dept", "univ", "assn", "bros",
];

fn ends_sentence(prev_word: &str, mark: char) -> bool {
    if mark != '.' {
        return true;
    }
    let w = prev_word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let w = w.trim_end_matches('.');
    // Initials ("J. R. R. Tolkien") and abbreviations do not end sentences.
    let initial = w.chars().count() == 1 && w.chars().all(|c| c.is_alphabetic());
    !initial && !ABBREVIATIONS.contains(&w)
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '(' | '[' | '\u{201c}' | '\u{2018}')
}

pub fn split(paragraph: &str) -> Vec<String> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            // Take closing punctuation with the sentence.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '\'' | ')' | ']' | '\u{201d}' | '\u{2019}' | '.' | '!' | '?') {
                j += 1;
            }
            let boundary = j + 1 < chars.len() && chars[j].1 == ' ' && starts_sentence(chars[j + 1].1);
            if boundary {
                let end = chars[j].0;
                let prev_word = paragraph[start..chars[i].0].rsplit(' ').next().unwrap_or("");
                if ends_sentence(prev_word, c) {
                    out.push(paragraph[start..end].trim().to_string());
                    start = end + 1;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let last = paragraph[start..].trim();
    if !last.is_empty() {
        out.push(last.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn boundaries() {
        assert_eq!(
            split("Mr. Smith met J. R. R. Tolkien in the U.S. in 1950. He said \"Hi!\" Then he left. 3 days passed (roughly.) Done"),
            vec![
                "Mr. Smith met J. R. R. Tolkien in the U.S. in 1950.",
                "He said \"Hi!\"",
                "Then he left.",
                "3 days passed (roughly.)",
                "Done"
            ]
        );
        assert_eq!(split("Pi is 3.14 and e is 2.71. Fine."), vec!["Pi is 3.14 and e is 2.71.", "Fine."]);
    }
}
