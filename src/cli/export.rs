//! `bamboo export`: the StableHLO text of named reference graphs (`crate::catalog`), one file each.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::catalog;

#[derive(Args)]
pub struct ExportArgs {
    /// Graph names (see --list); all of them when none is given.
    names: Vec<String>,
    /// Output folder.
    #[arg(long, default_value = "graphs")]
    out: PathBuf,
    /// List the known names.
    #[arg(long)]
    list: bool,
}

pub fn run(a: &ExportArgs) -> Result<()> {
    if a.list {
        for n in catalog::NAMES {
            println!("{}", n);
        }
        return Ok(());
    }
    let names: Vec<String> = if a.names.is_empty() { catalog::NAMES.iter().map(|s| s.to_string()).collect() } else { a.names.clone() };
    for n in names {
        let (path, lines) = catalog::export(&n, &a.out)?;
        println!("{} ({} lines)", path.display(), lines);
    }
    Ok(())
}
