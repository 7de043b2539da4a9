//! Training-side glue: checkpoint tensors <-> model parameters on the host and the device.

pub mod weights;
