//! A run started again from its config.json (`bamboo <recipe> --config runs/x/config.json`). Every
//! run's `config.json` records the command line that started it (`command`); its flags are put
//! back in front of the ones given now, and a flag given now replaces the recorded one. The model
//! comes from the file's `model`, as for any run's config.json. Which flags take a value is the
//! command line's knowledge, so the caller says it.

use std::path::Path;

use anyhow::{bail, Result};

/// Recorded flags that name where the earlier run went, not what it was.
const NOT_CARRIED: [&str; 5] = ["out", "resume", "config", "preset", "stop-after"];

/// A command line whose `--config` is a run's config.json, beside the command that started that run.
#[derive(Clone, Debug)]
pub struct Rerun {
    /// The `--config` file as given.
    pub file: String,
    /// The subcommand words in front of the first flag (`train vit`, `finetune`), the same now as then.
    pub path: Vec<String>,
    /// What follows the subcommand words now.
    pub given: Vec<String>,
    /// What followed them in the recorded command.
    pub recorded: Vec<String>,
}

impl Rerun {
    /// `args` (the arguments after the program's name) as a re-run; `None` unless its `--config`
    /// is a run's config.json. A config.json of another command is an error naming the right one.
    pub fn find(args: &[String]) -> Result<Option<Rerun>> {
        let Some(file) = config_value(args) else { return Ok(None) };
        let Some(recorded) = recorded_command(Path::new(&file))? else { return Ok(None) };
        let now = path_of(args);
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
        Ok(Some(Rerun { given: args[now.len()..].to_vec(), recorded: recorded[then.len()..].to_vec(), file, path: now }))
    }

    /// The recorded flags (with their values) that still apply: not given now, and not naming
    /// where the earlier run went. `takes_value(name)` says whether `--name` takes a value.
    pub fn kept_flags(&self, takes_value: impl Fn(&str) -> bool) -> Vec<String> {
        let given: Vec<String> = flag_groups(&self.given, &takes_value).into_iter().map(|(name, _)| name).collect();
        flag_groups(&self.recorded, &takes_value)
            .into_iter()
            .filter(|(name, _)| !given.contains(name) && !NOT_CARRIED.contains(&name.as_str()))
            .flat_map(|(_, tokens)| tokens)
            .collect()
    }

    /// The arguments to parse: the subcommand words, the `kept` recorded flags, then those given now.
    pub fn arguments(&self, kept: &[String]) -> Vec<String> {
        self.path.iter().chain(kept).chain(&self.given).cloned().collect()
    }
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

/// Flags with their tokens (`--steps 3` or `--steps=3` -> ("steps", [..]); `--no-mix` alone);
/// a flag takes the next token when `takes_value` says it takes a value.
fn flag_groups(args: &[String], takes_value: &impl Fn(&str) -> bool) -> Vec<(String, Vec<String>)> {
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
        let mut tokens = vec![token.clone()];
        if takes_value(&name) && !inline && i < args.len() {
            tokens.push(args[i].clone());
            i += 1;
        }
        out.push((name, tokens));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn flags_given_now_replace_the_recorded_ones() {
        let r = Rerun {
            file: "c.json".into(),
            path: strings("train vit"),
            given: strings("--config c.json --steps 5"),
            recorded: strings("--preset vit-t --steps 3 --bf16 --out runs/a --lr=0.1"),
        };
        let kept = r.kept_flags(|name| name != "bf16");
        assert_eq!(kept, strings("--bf16 --lr=0.1"));
        assert_eq!(r.arguments(&kept), strings("train vit --bf16 --lr=0.1 --config c.json --steps 5"));
    }
}
