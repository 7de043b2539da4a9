//! BERT's plain-text input format: one sentence per line, a blank line between documents, and
//! the Wikipedia dump to that format.

use std::io::{BufRead, Write};
use std::path::Path;

use super::markup;
use super::sentences;
use super::wiki::Pages;
use crate::data::error::{DataError, ErrorKind, Result};

/// A document is its sentences, in order.
pub type Document = Vec<String>;

/// Reads documents from a file in BERT's format. A file boundary also ends a document.
pub fn read_documents(path: &Path) -> Result<Vec<Document>> {
    let f = std::fs::File::open(path).map_err(|e| DataError::io(path, e))?;
    parse_documents(std::io::BufReader::new(f), path)
}

/// `path` only names the source in errors.
pub fn parse_documents(input: impl BufRead, path: &Path) -> Result<Vec<Document>> {
    let mut docs: Vec<Document> = vec![Vec::new()];
    for (i, line) in input.split(b'\n').enumerate() {
        let line = line.map_err(|e| DataError::io(path, e))?;
        let line = String::from_utf8(line).map_err(|e| {
            DataError::new(ErrorKind::Format, format!("line {}, byte {}: not UTF-8", i + 1, e.utf8_error().valid_up_to())).in_file(path)
        })?;
        let t = line.trim();
        if t.is_empty() {
            if !docs.last().unwrap().is_empty() {
                docs.push(Vec::new());
            }
        } else {
            docs.last_mut().unwrap().push(t.to_string());
        }
    }
    docs.retain(|d| !d.is_empty());
    Ok(docs)
}

pub fn write_document(out: &mut impl Write, doc: &[String]) -> std::io::Result<()> {
    for s in doc {
        writeln!(out, "{}", s)?;
    }
    writeln!(out)
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct WikiStats {
    pub pages: u64,
    pub articles: u64,
    pub sentences: u64,
    pub bytes: u64,
}

/// An article's document: its paragraphs split into sentences. Sentences without any letter
/// (debris of removed markup) are dropped.
pub fn article_document(wikitext: &str) -> Document {
    markup::paragraphs(wikitext)
        .iter()
        .flat_map(|p| sentences::split(p))
        .filter(|s| s.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect()
}

/// Streams a MediaWiki XML export to BERT's format: one document per article with at least
/// `min_sentences` sentences, stopping before `max_bytes` of output.
pub fn wiki_to_text(
    input: impl BufRead,
    path: &Path,
    out: &mut impl Write,
    min_sentences: usize,
    max_bytes: Option<u64>,
) -> Result<WikiStats> {
    let mut st = WikiStats::default();
    let out_err = |e: std::io::Error| DataError::new(ErrorKind::Io, format!("writing text: {}", e));
    for page in Pages::new(input, path) {
        let page = page?;
        st.pages += 1;
        if !page.is_article() {
            continue;
        }
        let doc = article_document(&page.text);
        if doc.len() < min_sentences.max(1) {
            continue;
        }
        let size: u64 = doc.iter().map(|s| s.len() as u64 + 1).sum::<u64>() + 1;
        if max_bytes.is_some_and(|m| st.bytes + size > m) {
            break;
        }
        write_document(out, &doc).map_err(out_err)?;
        st.articles += 1;
        st.sentences += doc.len() as u64;
        st.bytes += size;
    }
    Ok(st)
}
