//! `bamboo <recipe> --config runs/x/config.json`: a run started again with the command line it
//! recorded (`train::recipes::rerun`); clap's command tree says which flags take a value.

use std::ffi::OsString;

use anyhow::{Context, Result};

use crate::train::recipes::rerun::Rerun;

/// The command line to parse: `argv` itself, unless its `--config` is a run's config.json.
pub fn expand(argv: Vec<OsString>, cli: &clap::Command) -> Result<Vec<OsString>> {
    let Some(args) = argv.iter().map(|a| a.to_str().map(str::to_string)).collect::<Option<Vec<String>>>() else {
        return Ok(argv);
    };
    let Some(rerun) = Rerun::find(args.get(1..).unwrap_or_default())? else { return Ok(argv) };
    let path = rerun.path.join(" ");
    let mut cmd = cli;
    for name in &rerun.path {
        cmd = cmd.find_subcommand(name).with_context(|| format!("--config {}: no command `{}`", rerun.file, path))?;
    }
    let kept = rerun.kept_flags(|name| cmd.get_arguments().any(|a| a.get_long() == Some(name) && a.get_action().takes_values()));
    eprintln!("--config {}: re-running `bamboo {} {}` with the flags given now", rerun.file, path, kept.join(" "));
    Ok(std::iter::once(argv[0].clone()).chain(rerun.arguments(&kept).into_iter().map(OsString::from)).collect())
}

/// The arguments after `bamboo`, as the run's config.json records them.
pub fn this_command() -> Vec<String> {
    std::env::args().skip(1).collect()
}
