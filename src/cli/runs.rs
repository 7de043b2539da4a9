//! `bamboo runs [FOLDER]` and `bamboo plot RUN... --out FILE.png`: the runs beneath a folder as a
//! table, and their curves as a picture (`analysis::runs` reads and draws them).

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::analysis::runs;

#[derive(Args, Debug)]
pub struct RunsArgs {
    /// The folder searched for run folders (each holding config.json and metrics.jsonl).
    #[arg(default_value = "runs")]
    folder: PathBuf,
    /// One JSON array of rows instead of the table.
    #[arg(long)]
    json: bool,
}

#[derive(Args, Debug)]
pub struct PlotArgs {
    /// Run folders (each holding metrics.jsonl).
    #[arg(required = true)]
    runs: Vec<PathBuf>,
    /// The PNG to write.
    #[arg(long)]
    out: PathBuf,
    /// Replace --out if it exists.
    #[arg(long)]
    force: bool,
}

pub fn list(a: &RunsArgs) -> Result<()> {
    let rows = runs::list(&a.folder)?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else if rows.is_empty() {
        println!("no run folder (config.json and metrics.jsonl) beneath {}", a.folder.display());
    } else {
        print!("{}", runs::table(&rows));
    }
    Ok(())
}

pub fn plot(a: &PlotArgs) -> Result<()> {
    runs::check_out(&a.out, a.force)?;
    let named: Vec<(String, PathBuf)> = a.runs.iter().map(|p| (p.display().to_string(), p.clone())).collect();
    let canvas = runs::plot(&named)?;
    runs::save_png(&canvas, &a.out, a.force)?;
    eprintln!("wrote {} ({} x {})", a.out.display(), canvas.width, canvas.height);
    Ok(())
}
