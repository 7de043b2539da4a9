//! The WordPiece tokenizer against Hugging Face's reference ids, the vocab, and Wikipedia XML to
//! BERT's text format, on the committed real data (datasets/bert-vocab, datasets/wiki-sample).

use std::path::{Path, PathBuf};

use bamboo::data::text::corpus::{article_document, parse_documents, read_documents};
use bamboo::data::text::wiki::Pages;
use bamboo::data::text::{Tokenizer, Vocab};
use bamboo::data::ErrorKind;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn tokenizer() -> Tokenizer {
    Tokenizer::load_uncased(&root().join("datasets/bert-vocab/vocab.txt")).unwrap()
}

#[test]
fn tokens_match_reference_exactly() {
    let tok = tokenizer();
    let text = std::fs::read_to_string(root().join("datasets/bert-vocab/reference/tokens.jsonl")).unwrap();
    let mut n = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let input = v["text"].as_str().unwrap();
        let want_ids: Vec<u32> = v["ids"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap() as u32).collect();
        let want_tokens: Vec<String> = v["tokens"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
        assert_eq!(tok.tokens(input), want_tokens, "tokens of {:?}", input);
        assert_eq!(tok.encode(input), want_ids, "ids of {:?}", input);
        n += 1;
    }
    assert!(n >= 50, "only {} reference sentences", n);
}

#[test]
fn vocab_is_bert_base_uncased() {
    let v = Vocab::load(&root().join("datasets/bert-vocab/vocab.txt")).unwrap();
    assert_eq!(v.len(), 30522);
    assert_eq!((v.pad, v.unk, v.cls, v.sep, v.mask), (0, 100, 101, 102, 103));
    assert_eq!(v.token(1), "[unused0]");
    assert_eq!(v.id("the"), Some(1996));
    assert!(v.is_continuation(v.id("##ing").unwrap()) && !v.is_continuation(v.id("ing").unwrap()));
}

#[test]
fn basic_rules() {
    let tok = tokenizer();
    assert_eq!(tok.tokens("Héllo\u{0}WORLD\t中文"), ["hello", "##world", "中", "文"]);
    // Over 100 characters is one [UNK]; exactly 100 is split into pieces.
    assert_eq!(tok.tokens(&"a".repeat(101)), ["[UNK]"]);
    assert_ne!(tok.tokens(&"a".repeat(100)), ["[UNK]"]);
    assert!(tok.encode("  \u{200b} \u{fffd} ").is_empty());
}

#[test]
fn vocab_errors_name_file_and_line() {
    let p = Path::new("my-vocab.txt");
    let e = Vocab::parse("[PAD]\n[UNK]\nfoo\nfoo\n", p).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Format);
    let msg = e.to_string();
    assert!(msg.contains("my-vocab.txt") && msg.contains("line 4") && msg.contains("line 3"), "{}", msg);
    let msg = Vocab::parse("[PAD]\n[UNK]\n[CLS]\n[SEP]\n", p).unwrap_err().to_string();
    assert!(msg.contains("my-vocab.txt") && msg.contains("[MASK]"), "{}", msg);
    let msg = Vocab::parse("[PAD]\n\n", p).unwrap_err().to_string();
    assert!(msg.contains("line 2"), "{}", msg);
}

fn assert_clean(s: &str) {
    for bad in ["[[", "]]", "{{", "}}", "<ref", "</", "'''", "&nbsp;", "&amp;", "{|", "|}", "<!--"] {
        assert!(!s.contains(bad), "{:?} left in {:?}", bad, s);
    }
}

#[test]
fn wikipedia_excerpt_to_documents() {
    let p = root().join("datasets/wiki-sample/enwiki-excerpt.xml");
    let f = std::io::BufReader::new(std::fs::File::open(&p).unwrap());
    let pages: Vec<_> = Pages::new(f, &p).collect::<Result<_, _>>().unwrap();
    let titles: Vec<&str> = pages.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["AccessibleComputing", "Animalia (book)", "Alain Connes", "Astronomer", "Austin (disambiguation)"]);
    let articles: Vec<&str> = pages.iter().filter(|p| p.is_article()).map(|p| p.title.as_str()).collect();
    assert_eq!(articles, ["Animalia (book)", "Alain Connes", "Astronomer"]);
    let connes = article_document(&pages[2].text);
    // Infobox, IPA template, references and the "Books" list are gone; links keep their labels.
    assert_eq!(
        connes[0],
        "Alain Connes (born 1 April 1947) is a French mathematician, currently Professor at the Collège de France, IHÉS, The Ohio State University and Vanderbilt University."
    );
    assert_eq!(connes[1], "He was an Invited Professor at the Conservatoire national des arts et métiers (2000).");
    assert!(connes.iter().any(|s| s.starts_with("Alain Connes studies operator algebras.")));
    assert!(!connes.iter().any(|s| s.contains("ISBN") || s.contains("Cyclic homology")), "list items or See also kept");
    for p in pages.iter().filter(|p| p.is_article()) {
        for s in article_document(&p.text) {
            assert_clean(&s);
        }
    }
}

#[test]
fn wiki_xml_errors_name_file_and_line() {
    let xml = "<mediawiki>\n  <page>\n    <title>X</title>\n    <ns>zero</ns>\n  </page>\n";
    let e = Pages::new(xml.as_bytes(), Path::new("dump.xml")).next().unwrap().unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("dump.xml") && msg.contains("line 2") && msg.contains("<ns>"), "{}", msg);
    let xml = "<mediawiki>\n  <page>\n    <title>X</title>\n";
    let msg = Pages::new(xml.as_bytes(), Path::new("cut.xml")).next().unwrap().unwrap_err().to_string();
    assert!(msg.contains("cut.xml") && msg.contains("no </page>"), "{}", msg);
}

#[test]
fn committed_sample_is_bert_format() {
    let docs = read_documents(&root().join("datasets/wiki-sample/wiki.txt")).unwrap();
    assert_eq!(docs.len(), 20);
    let sentences: usize = docs.iter().map(|d| d.len()).sum();
    assert!(sentences > 3000, "{} sentences", sentences);
    for s in docs.iter().flatten() {
        assert_clean(s);
        assert!(!s.trim().is_empty() && s.trim() == s);
    }
}

#[test]
fn plain_text_documents_and_bad_utf8() {
    let docs = parse_documents("\n\nA one.\nA two.\n\n\n\nB one.\n  \nC one.\n".as_bytes(), Path::new("c.txt")).unwrap();
    assert_eq!(docs, vec![vec!["A one.", "A two."], vec!["B one."], vec!["C one."]]);
    let e = parse_documents(&b"ok\nfine\nbad \xff byte\n"[..], Path::new("c.txt")).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("c.txt") && msg.contains("line 3") && msg.contains("byte 4"), "{}", msg);
}

/// A default data path names the project's embedded copy, wherever bamboo runs: here from an
/// empty folder, `data tokenize` still finds `datasets/bert-vocab/vocab.txt`.
#[test]
fn default_data_paths_resolve_against_the_project_not_the_current_folder() {
    let dir = std::env::temp_dir().join(format!("bamboo-elsewhere-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_bamboo"))
        .args(["data", "tokenize", "--ids", "Hello, bamboo world"])
        .current_dir(&dir)
        .env_remove("BAMBOO_HOME")
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Ids from BERT's uncased vocabulary: hello 7592, `,` 1010, bamboo 15216, world 2088.
    assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "7592 1010 15216 2088");
}
