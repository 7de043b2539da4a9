//! How a checkpoint's tensors meet a model's parameters, by public name: what differs in
//! shape, what is missing, what the model does not read; all of it named in one error.

use std::collections::BTreeSet;

use anyhow::{bail, Result};

use super::host::public_names;
use super::spec::ParamSpec;
use crate::checkpoint::Tensors;

/// How a checkpoint's tensors meet a model's parameters, by public name.
#[derive(Debug, Default, PartialEq)]
pub struct Fit {
    /// `name: shape in the checkpoint, shape the model wants`.
    pub differ: Vec<String>,
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
}

impl Fit {
    /// Compares `ckpt` with `specs`. With `partial`, a parameter the checkpoint lacks entirely
    /// (every layer of it) is left at its initial value: what `--from` loads; otherwise every
    /// name must be there. With `extra_ok` (and with `partial`), tensors the model does not
    /// read are allowed (an MAE checkpoint's decoder, for an analysis of its encoder).
    pub fn of(specs: &[ParamSpec], ckpt: &Tensors, partial: bool, extra_ok: bool) -> Fit {
        let mut fit = Fit::default();
        let mut wanted = BTreeSet::new();
        // Weights with no parameter of the model at all are no partial fit but another model.
        let shares_any = specs.iter().flat_map(public_names).any(|n| ckpt.contains_key(&n));
        for s in specs {
            let names = public_names(s);
            wanted.extend(names.iter().cloned());
            if partial && shares_any && !names.iter().any(|n| ckpt.contains_key(n)) {
                continue;
            }
            let per: Vec<usize> = s.shape[usize::from(s.layers().is_some())..].iter().map(|&d| d as usize).collect();
            for n in names {
                match ckpt.get(&n) {
                    None => fit.missing.push(n),
                    Some(t) if t.shape != per => {
                        fit.differ.push(format!("{n}: {} in the checkpoint, {} in the model", dims(&t.shape), dims(&per)))
                    }
                    Some(_) => {}
                }
            }
        }
        if !partial && !extra_ok {
            fit.unexpected = ckpt.keys().filter(|n| !wanted.contains(*n)).cloned().collect();
        }
        fit
    }

    pub fn is_empty(&self) -> bool {
        self.differ.is_empty() && self.missing.is_empty() && self.unexpected.is_empty()
    }

    /// Fails unless everything fits: one summary line naming `checkpoint` and `model`
    /// ("12 tensors differ in shape, 3 missing, 2 unexpected"), then every tensor.
    pub fn check(&self, checkpoint: &str, model: &str) -> Result<()> {
        if self.is_empty() {
            return Ok(());
        }
        let counts = [(self.differ.len(), "differ in shape"), (self.missing.len(), "missing"), (self.unexpected.len(), "unexpected")];
        let mut summary: Vec<String> = counts.iter().filter(|c| c.0 > 0).map(|(n, what)| format!("{n} {what}")).collect();
        // "12 tensors differ in shape, 3 missing": the noun once, on the first count.
        let first = summary[0].split_once(' ').map(|(n, rest)| format!("{n} tensor{} {rest}", if n == "1" { "" } else { "s" }));
        summary[0] = first.unwrap_or_default();
        let mut lines = vec![format!("checkpoint {checkpoint} does not fit the model of {model}: {}", summary.join(", "))];
        lines.extend(self.differ.iter().map(|d| format!("  differs: {d}")));
        lines.extend(self.missing.iter().map(|m| format!("  missing: {m}")));
        lines.extend(self.unexpected.iter().map(|u| format!("  unexpected: {u}")));
        bail!("{}", lines.join("\n"))
    }
}

/// A shape as people write it: `[768, 3, 16, 16]`.
fn dims(d: &[usize]) -> String {
    format!("[{}]", d.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", "))
}
