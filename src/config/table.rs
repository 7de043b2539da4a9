//! The paper-style table of presets: shape, parameters, FLOPs and the ratio to the original.

use super::presets::{presets, Preset};

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub table: String,
    pub name: String,
    pub kind: &'static str,
    pub depth: usize,
    pub width: usize,
    pub heads: usize,
    pub params: u64,
    /// Encoder forward FLOPs per example (MAE: visible patches + cls): the paper's measure.
    pub encoder_flops: u64,
    /// `encoder_flops` over the reference preset's.
    pub ratio: f64,
    pub forward_flops: u64,
    pub train_flops: u64,
}

pub fn row(p: &Preset, all: &[Preset]) -> Row {
    let (e, f) = (p.config.encoder(), p.config.flops());
    let reference = all.iter().find(|q| q.name == p.reference).map(|q| q.config.flops().encoder).unwrap_or(f.encoder);
    Row {
        table: p.table.clone(),
        name: p.name.clone(),
        kind: p.config.kind(),
        depth: e.depth,
        width: e.width,
        heads: e.heads,
        params: p.config.params().total(),
        encoder_flops: f.encoder,
        ratio: f.encoder as f64 / reference as f64,
        forward_flops: f.forward(),
        train_flops: f.train(),
    }
}

/// Rows of every preset; `filter` keeps those whose name or table contains it.
pub fn rows(filter: Option<&str>) -> Vec<Row> {
    let all = presets();
    all.iter()
        .filter(|p| filter.is_none_or(|f| p.name.contains(f) || p.table.to_lowercase().contains(&f.to_lowercase())))
        .map(|p| row(p, &all))
        .collect()
}

/// FLOPs in G (or M below 0.1 G) so small scales stay readable.
fn flops(x: u64) -> String {
    let g = x as f64 / 1e9;
    if g >= 0.1 {
        format!("{g:.2} G")
    } else {
        format!("{:.2} M", x as f64 / 1e6)
    }
}

fn params(x: u64) -> String {
    if x >= 1_000_000 {
        format!("{:.1} M", x as f64 / 1e6)
    } else {
        format!("{:.1} K", x as f64 / 1e3)
    }
}

/// The table as text, one block per paper table.
pub fn render(rows: &[Row]) -> String {
    let mut out = String::new();
    let mut current = "";
    for r in rows {
        if r.table != current {
            current = &r.table;
            out.push_str(&format!("\n{current}\n"));
            out.push_str(&format!(
                "{:<22} {:<5} {:>5} {:>5} {:>5} {:>10} {:>11} {:>6} {:>11} {:>11}\n",
                "name", "model", "depth", "width", "heads", "params", "enc FLOPs", "ratio", "fwd FLOPs", "train FLOPs"
            ));
        }
        out.push_str(&format!(
            "{:<22} {:<5} {:>5} {:>5} {:>5} {:>10} {:>11} {:>5.2}x {:>11} {:>11}\n",
            r.name,
            r.kind,
            r.depth,
            r.width,
            r.heads,
            params(r.params),
            flops(r.encoder_flops),
            r.ratio,
            flops(r.forward_flops),
            flops(r.train_flops)
        ));
    }
    out
}
