//! `bamboo <recipe> --config runs/x/config.json`: a run started again. Every run's `config.json`
//! records the command line that started it (`command`); its flags are put back in front of the
//! ones given now, and a flag given now replaces the recorded one. The model comes from the
//! file's `model`, as for any run's config.json.

use std::ffi::OsString;
use std::path::Path;

use anyhow::{bail, Context, Result};

/// Recorded flags that name where the earlier run went, not what it was.
const NOT_CARRIED: [&str; 5] = ["out", "resume", "config", "preset", "stop-after"];

/// The command line to parse: `argv` itself, unless its `--config` is a run's config.json.
pub fn expand(argv: Vec<OsString>, cli: &clap::Command) -> Result<Vec<OsString>> {
    let Some(args) = argv.iter().map(|a| a.to_str().map(str::to_string)).collect::<Option<Vec<String>>>() else {
        return Ok(argv);
    };
    let Some(file) = config_value(&args) else { return Ok(argv) };
    let Some(recorded) = recorded_command(Path::new(&file))? else { return Ok(argv) };
    let now = path_of(&args[1..]);
    let then = path_of(&recorded);
    if now != then {
        bail!(
            "--config {}: that run was started by `bamboo {}`, not `bamboo {}`; re-run it with `bamboo {} --config {}`",
            file,
            then.join(" "),
            now.join(" "),
            then.join(" "),
            file
        );
    }
    let mut cmd = cli;
    for name in &now {
        cmd = cmd.find_subcommand(name).with_context(|| format!("--config {}: no command `{}`", file, now.join(" ")))?;
    }
    let given: Vec<String> = flag_groups(&args[1 + now.len()..], cmd).into_iter().map(|(name, _)| name).collect();
    let kept: Vec<String> = flag_groups(&recorded[then.len()..], cmd)
        .into_iter()
        .filter(|(name, _)| !given.contains(name) && !NOT_CARRIED.contains(&name.as_str()))
        .flat_map(|(_, tokens)| tokens)
        .collect();
    eprintln!("--config {}: re-running `bamboo {} {}` with the flags given now", file, then.join(" "), kept.join(" "));
    let mut out: Vec<OsString> = vec![argv[0].clone()];
    out.extend(now.iter().map(OsString::from));
    out.extend(kept.into_iter().map(OsString::from));
    out.extend(args[1 + now.len()..].iter().map(OsString::from));
    Ok(out)
}

/// The value of `--config` (`--config F` or `--config=F`).
fn config_value(args: &[String]) -> Option<String> {
    args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--config") {
        Some("") => args.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_string),
        None => None,
    })
}

/// The `command` a run's config.json recorded; `None` for any other JSON (a model config, a
/// Hugging Face config), which `--config` reads as before.
fn recorded_command(file: &Path) -> Result<Option<Vec<String>>> {
    let Ok(text) = std::fs::read_to_string(file) else { return Ok(None) };
    let Ok(v) = serde_json::from_str::<serde_json::Value>(&text) else { return Ok(None) };
    let Some(command) = v.get("command") else { return Ok(None) };
    let tokens = command.as_array().and_then(|a| a.iter().map(|t| t.as_str().map(str::to_string)).collect::<Option<Vec<_>>>());
    match tokens {
        Some(t) if !t.is_empty() => Ok(Some(t)),
        _ => bail!("--config {}: `command` must be a list of strings, the command line that started the run", file.display()),
    }
}

/// The subcommand words in front of the first flag (`train vit`, `finetune`).
fn path_of(args: &[String]) -> Vec<String> {
    args.iter().take_while(|a| !a.starts_with('-')).cloned().collect()
}

/// Flags with their tokens (`--steps 3` or `--steps=3` -> ("steps", [..]); `--no-mix` alone),
/// using the command's own argument list to tell which flags take a value.
fn flag_groups(args: &[String], cmd: &clap::Command) -> Vec<(String, Vec<String>)> {
    let mut out = vec![];
    let mut i = 0;
    while i < args.len() {
        let token = &args[i];
        i += 1;
        let Some(flag) = token.strip_prefix("--") else {
            out.push((String::new(), vec![token.clone()]));
            continue;
        };
        let (name, inline) = match flag.split_once('=') {
            Some((n, _)) => (n.to_string(), true),
            None => (flag.to_string(), false),
        };
        let takes_value = cmd.get_arguments().any(|a| a.get_long() == Some(name.as_str()) && a.get_action().takes_values());
        let mut tokens = vec![token.clone()];
        if takes_value && !inline && i < args.len() {
            tokens.push(args[i].clone());
            i += 1;
        }
        out.push((name, tokens));
    }
    out
}

/// The arguments after `bamboo`, as the run's config.json records them.
pub fn this_command() -> Vec<String> {
    std::env::args().skip(1).collect()
}
