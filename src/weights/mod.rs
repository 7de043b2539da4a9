//! A model's parameters apart from its forward pass: the path builder a model declares each
//! one with, once (`Vars`), what each one is (`ParamSpec`: public checkpoint name, shape,
//! initializer, weight-decay group), the traced map a program's parameters are bound from
//! (`Params`), their initial values, and their host-side form, assembled from checkpoint
//! tensors (under bamboo's names or another family's, converted by `names`) and split back on
//! save.
//!
//! Block parameters are stacked along a leading depth axis so the block stack is one loop;
//! their names carry a `*` where the checkpoint has the layer index (`blocks.*.attn.qkv.weight`
//! <-> `blocks.3.attn.qkv.weight`).

pub mod fit;
pub mod host;
pub mod init;
pub mod names;
mod params;
mod spec;
mod vars;

pub use params::Params;
pub use spec::{Init, ParamSpec, LAYER};
pub use vars::{specs_of, Decay, Vars};
