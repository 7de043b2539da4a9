//! The results of one execution on one device, taken by name (or slot).

use std::sync::Arc;

use anyhow::{anyhow, bail, Result};

use super::signature::{OutputKey, Signature};
use crate::runtime::{Buffer, HostTensor};

/// A program's results on one device: buffers, or host tensors after `to_host`.
pub struct Outputs<T> {
    signature: Arc<Signature>,
    values: Vec<Option<T>>,
}

impl<T> Outputs<T> {
    pub(crate) fn new(signature: Arc<Signature>, values: Vec<T>) -> Outputs<T> {
        Outputs { signature, values: values.into_iter().map(Some).collect() }
    }

    /// Moves one result out; taking it again is an error.
    pub fn take(&mut self, key: impl OutputKey) -> Result<T> {
        let k = key.output_position(&self.signature)?;
        self.values[k].take().ok_or_else(|| self.taken(k))
    }

    pub fn get(&self, key: impl OutputKey) -> Result<&T> {
        let k = key.output_position(&self.signature)?;
        self.values[k].as_ref().ok_or_else(|| self.taken(k))
    }

    fn taken(&self, k: usize) -> anyhow::Error {
        anyhow!("output `{}` of `{}` was already taken", self.signature.outputs()[k].name, self.signature.name())
    }

    /// Every result in the function's output order (none may have been taken).
    pub fn into_vec(self) -> Result<Vec<T>> {
        if let Some(k) = self.values.iter().position(Option::is_none) {
            bail!(self.taken(k));
        }
        Ok(self.values.into_iter().flatten().collect())
    }

    /// The results not taken, with their names, in output order.
    pub fn into_named(self) -> Vec<(String, T)> {
        let names = self.signature.outputs().iter().map(|o| o.name.clone());
        names.zip(self.values).filter_map(|(n, v)| v.map(|v| (n, v))).collect()
    }
}

impl Outputs<Buffer> {
    /// Copies every result not taken to the host.
    pub fn to_host(&self) -> Result<Outputs<HostTensor>> {
        let values = self.values.iter().map(|v| v.as_ref().map(|b| b.to_host()).transpose()).collect::<Result<_, _>>()?;
        Ok(Outputs { signature: self.signature.clone(), values })
    }
}
