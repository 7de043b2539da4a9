//! GLUE's official TSV files. They are plain tab-separated lines with no quoting (the reference
//! reads them with `quotechar=None`), so a field may contain `"` freely and never a tab.
//!
//! Layouts (0-based columns); files with a header are read by column name, which also covers the
//! test files, whose headers differ (`index` in place of labels):
//!
//! | task | train / dev | text A | text B | label |
//! | --- | --- | --- | --- | --- |
//! | CoLA | no header: source, label, original label, sentence | 3 | - | 1 |
//! | SST-2 | `sentence label` | sentence | - | label |
//! | MRPC | `Quality #1 ID #2 ID #1 String #2 String` | #1 String | #2 String | Quality |
//! | QQP | `id qid1 qid2 question1 question2 is_duplicate` | question1 | question2 | is_duplicate |
//! | STS-B | `index genre filename year old_index source1 source2 sentence1 sentence2 score` | 7 | 8 | 9 (0-5 float) |
//! | MNLI | `index promptID pairID genre ... sentence1 sentence2 label1 ... gold_label` | 8 | 9 | last (`gold_label`) |
//! | QNLI | `index question sentence label` | question | sentence | label |
//! | RTE | `index sentence1 sentence2 label` | sentence1 | sentence2 | label |
//!
//! CoLA's test file has a header `index sentence`. Errors name the file, the 1-based line and the
//! 1-based column.

use std::path::Path;

use crate::data::error::{DataError, ErrorKind, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    Cola,
    Sst2,
    Mrpc,
    Qqp,
    Stsb,
    Mnli,
    Qnli,
    Rte,
}

/// Which metrics a task reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    Matthews,
    Accuracy,
    AccuracyF1,
    PearsonSpearman,
}

impl Task {
    pub const ALL: [Task; 8] = [Task::Cola, Task::Sst2, Task::Mrpc, Task::Qqp, Task::Stsb, Task::Mnli, Task::Qnli, Task::Rte];

    pub fn name(self) -> &'static str {
        match self {
            Task::Cola => "CoLA",
            Task::Sst2 => "SST-2",
            Task::Mrpc => "MRPC",
            Task::Qqp => "QQP",
            Task::Stsb => "STS-B",
            Task::Mnli => "MNLI",
            Task::Qnli => "QNLI",
            Task::Rte => "RTE",
        }
    }

    /// Accepts the official names in any case, with or without the dash.
    pub fn parse(s: &str) -> Option<Task> {
        let k = s.to_ascii_lowercase().replace(['-', '_'], "");
        Task::ALL.into_iter().find(|t| t.name().to_ascii_lowercase().replace('-', "") == k)
    }

    /// Class names in id order (the reference processors' order); empty for STS-B (regression).
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            Task::Cola | Task::Sst2 | Task::Mrpc | Task::Qqp => &["0", "1"],
            Task::Stsb => &[],
            Task::Mnli => &["contradiction", "entailment", "neutral"],
            Task::Qnli | Task::Rte => &["entailment", "not_entailment"],
        }
    }

    pub fn metric(self) -> Metric {
        match self {
            Task::Cola => Metric::Matthews,
            Task::Mrpc | Task::Qqp => Metric::AccuracyF1,
            Task::Stsb => Metric::PearsonSpearman,
            _ => Metric::Accuracy,
        }
    }

    pub fn is_pair(self) -> bool {
        !matches!(self, Task::Cola | Task::Sst2)
    }

    /// Column names of (text A, text B, label) in headed files.
    fn columns(self) -> (&'static str, Option<&'static str>, &'static str) {
        match self {
            Task::Cola => ("sentence", None, "label"),
            Task::Sst2 => ("sentence", None, "label"),
            Task::Mrpc => ("#1 String", Some("#2 String"), "Quality"),
            Task::Qqp => ("question1", Some("question2"), "is_duplicate"),
            Task::Stsb => ("sentence1", Some("sentence2"), "score"),
            Task::Mnli => ("sentence1", Some("sentence2"), "gold_label"),
            Task::Qnli => ("question", Some("sentence"), "label"),
            Task::Rte => ("sentence1", Some("sentence2"), "label"),
        }
    }

    /// The official file names: train.tsv, dev.tsv, test.tsv; MNLI has dev_matched.tsv,
    /// dev_mismatched.tsv, test_matched.tsv, test_mismatched.tsv.
    pub fn dev_files(self) -> &'static [&'static str] {
        match self {
            Task::Mnli => &["dev_matched.tsv", "dev_mismatched.tsv"],
            _ => &["dev.tsv"],
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Label {
    Class(usize),
    Score(f32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct GlueExample {
    /// The file's id column when it has one, else `line-N`.
    pub id: String,
    pub text_a: String,
    pub text_b: Option<String>,
    /// None in test files.
    pub label: Option<Label>,
    /// 1-based line in the file.
    pub line: usize,
}

fn err(path: &Path, line: usize, col: Option<usize>, detail: String) -> DataError {
    let at = match col {
        Some(c) => format!("line {}, column {}: ", line, c),
        None => format!("line {}: ", line),
    };
    DataError::new(ErrorKind::Format, at + &detail).in_file(path)
}

pub fn load(task: Task, path: &Path) -> Result<Vec<GlueExample>> {
    let bytes = std::fs::read(path).map_err(|e| DataError::io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        err(path, line, None, format!("not UTF-8 (byte {} of the file)", at))
    })?;
    parse(task, &text, path)
}

/// Parses a file's contents; `path` only names it in errors.
pub fn parse(task: Task, text: &str, path: &Path) -> Result<Vec<GlueExample>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let first = lines.first().copied().unwrap_or("");
    // CoLA train/dev have no header; its test file starts with "index\tsentence".
    let headed = task != Task::Cola || first.starts_with("index\t");
    let (a_col, b_col, label_col, id_col, start) = if headed {
        let header: Vec<&str> = first.split('\t').collect();
        let find = |name: &str| header.iter().position(|h| h.trim() == name);
        let (a, b, l) = task.columns();
        let need = |name: &str| {
            find(name).ok_or_else(|| err(path, 1, None, format!("{} header {:?} has no column '{}'", task.name(), header, name)))
        };
        let a = need(a)?;
        let b = b.map(need).transpose()?;
        // MNLI: gold_label is the last column; other label columns (label1..label5) are votes.
        let l = find(l);
        let id = find("index").or_else(|| find("id"));
        (a, b, l, id, 1)
    } else {
        (3, None, Some(1), None, 0)
    };
    let want = [Some(a_col), b_col, label_col].into_iter().flatten().max().unwrap() + 1;
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(start) {
        let n = i + 1;
        if line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < want {
            return Err(err(path, n, Some(f.len() + 1), format!("{} fields, {} needs at least {}", f.len(), task.name(), want)));
        }
        let label = match label_col {
            None => None,
            Some(c) => Some(parse_label(task, f[c]).map_err(|d| err(path, n, Some(c + 1), d))?),
        };
        out.push(GlueExample {
            id: id_col.and_then(|c| f.get(c)).map_or_else(|| format!("line-{}", n), |s| s.to_string()),
            text_a: f[a_col].to_string(),
            text_b: b_col.map(|c| f[c].to_string()),
            label,
            line: n,
        });
    }
    Ok(out)
}

fn parse_label(task: Task, s: &str) -> std::result::Result<Label, String> {
    let s = s.trim();
    if task == Task::Stsb {
        return match s.parse::<f32>() {
            Ok(v) if (0.0..=5.0).contains(&v) => Ok(Label::Score(v)),
            _ => Err(format!("STS-B score {:?} is not a number in [0, 5]", s)),
        };
    }
    task.labels()
        .iter()
        .position(|l| *l == s)
        .map(Label::Class)
        .ok_or_else(|| format!("{} label {:?} is not one of {:?}", task.name(), s, task.labels()))
}

/// Writes examples in SST-2's layout (`sentence\tlabel` header); tabs and newlines inside a
/// sentence become spaces, since the format cannot hold them.
pub fn write_sst2(out: &mut impl std::io::Write, rows: &[(String, usize)]) -> std::io::Result<()> {
    writeln!(out, "sentence\tlabel")?;
    for (s, l) in rows {
        let clean: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        writeln!(out, "{}\t{}", clean, l)?;
    }
    Ok(())
}
