//! Pages of a MediaWiki XML export (`pages-articles.xml`), read one `<page>` at a time so a full
//! dump streams in constant memory. Only what the text pipeline needs is kept: title, namespace,
//! whether it is a redirect, and the wikitext (XML entities decoded).

use std::io::BufRead;
use std::path::Path;

use crate::data::error::{DataError, ErrorKind, Result};

#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub title: String,
    pub ns: i64,
    pub redirect: bool,
    pub text: String,
    /// 1-based line of `<page>` in the input, for messages.
    pub line: u64,
}

impl Page {
    /// Main-namespace articles only: no redirects, no disambiguation pages.
    pub fn is_article(&self) -> bool {
        self.ns == 0
            && !self.redirect
            && !self.text.trim_start().to_ascii_lowercase().starts_with("#redirect")
            && !self.title.ends_with("(disambiguation)")
    }
}

pub struct Pages<R: BufRead> {
    input: R,
    path: std::path::PathBuf,
    line: u64,
}

impl<R: BufRead> Pages<R> {
    /// `path` only names the source in errors.
    pub fn new(input: R, path: &Path) -> Self {
        Pages { input, path: path.to_path_buf(), line: 0 }
    }

    fn err(&self, line: u64, detail: String) -> DataError {
        DataError::new(ErrorKind::Format, format!("line {}: {}", line, detail)).in_file(&self.path)
    }

    fn read_line(&mut self, into: &mut String) -> Result<bool> {
        let n = self.input.read_line(into).map_err(|e| DataError::io(&self.path, e))?;
        self.line += (n > 0) as u64;
        Ok(n > 0)
    }

    pub fn next_page(&mut self) -> Result<Option<Page>> {
        // Skip to the next <page>.
        let mut l = String::new();
        loop {
            l.clear();
            if !self.read_line(&mut l)? {
                return Ok(None);
            }
            if l.trim_start().starts_with("<page>") {
                break;
            }
        }
        let start = self.line;
        let mut body = String::new();
        loop {
            let mut l = String::new();
            if !self.read_line(&mut l)? {
                return Err(self.err(start, "<page> has no </page> before the end of the input".into()));
            }
            if l.trim_start().starts_with("</page>") {
                break;
            }
            body.push_str(&l);
        }
        let title = element(&body, "title").map(unescape).ok_or_else(|| self.err(start, "page has no <title>".into()))?;
        let ns = match element(&body, "ns") {
            Some(s) => s.trim().parse().map_err(|_| self.err(start, format!("page '{}': <ns> is not a number: {:?}", title, s)))?,
            None => 0,
        };
        let redirect = body.contains("<redirect");
        let text = element(&body, "text").map(unescape).unwrap_or_default();
        Ok(Some(Page { title, ns, redirect, text, line: start }))
    }
}

impl<R: BufRead> Iterator for Pages<R> {
    type Item = Result<Page>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_page().transpose()
    }
}

/// The content of the first `<name ...>...</name>` in `s`; `<name ... />` gives "".
fn element<'a>(s: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{}", name);
    let mut from = 0;
    while let Some(i) = s[from..].find(&open) {
        let at = from + i + open.len();
        // The name must end here (so <text> does not match <textfoo>).
        match s[at..].chars().next() {
            Some('>') | Some(' ') | Some('/') | Some('\t') | Some('\n') => {}
            _ => {
                from = at;
                continue;
            }
        }
        let gt = at + s[at..].find('>')?;
        if s[..gt].ends_with('/') {
            return Some("");
        }
        let close = format!("</{}>", name);
        let end = gt + 1 + s[gt + 1..].find(&close)?;
        return Some(&s[gt + 1..end]);
    }
    None
}

/// Decodes the five XML entities and numeric character references.
pub fn unescape(s: &str) -> String {
    decode_entities(s, |name| match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    })
}

/// Replaces `&name;` and `&#N;` / `&#xN;` using `named`; anything unknown is kept as written.
pub fn decode_entities(s: &str, named: impl Fn(&str) -> Option<char>) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 12);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = if let Some(num) = name.strip_prefix('#') {
                let v = match num.strip_prefix(['x', 'X']) {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => num.parse().ok(),
                };
                v.and_then(char::from_u32)
            } else {
                named(name)
            };
            c.map(|c| (c, j + 1))
        });
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
