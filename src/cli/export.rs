use std::path::PathBuf;

use anyhow::{Context, Result};
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
    std::fs::create_dir_all(&a.out).with_context(|| format!("creating {}", a.out.display()))?;
    for n in names {
        let text = catalog::build(&n)?.to_stablehlo();
        let path = a.out.join(format!("{}.mlir", n));
        // Write beside, then rename: a reader never sees half a file.
        let tmp = path.with_extension("mlir.tmp");
        std::fs::write(&tmp, &text).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, &path).with_context(|| format!("renaming to {}", path.display()))?;
        println!("{} ({} lines)", path.display(), text.lines().count());
    }
    Ok(())
}
