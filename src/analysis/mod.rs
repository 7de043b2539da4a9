//! Over-smoothing and spectral analyses of trained checkpoints (the paper's Figures 1 and 2),
//! MAE reconstruction grids, and runs compared side by side (`runs`: their final figures and
//! curves).
//!
//! The smoothing metrics (`crate::smoothing`) are traced reductions over every block's tokens,
//! compiled into the same program as the forward pass. The effective rank and the top singular
//! values are host f64 linear algebra on the hidden states the same program returns. Spectral
//! norms are host linear algebra on weights read from the checkpoint. Plots are drawn by a
//! small raster plotter and written as PNG.

pub mod checkpoint;
pub mod figures;
pub mod hidden;
pub mod images;
pub mod linalg;
pub mod plot;
pub mod reconstruct;
pub mod runs;
pub mod smoothing;
pub mod smoothing_inputs;
pub mod spectra;
pub mod text;

pub use checkpoint::Checkpoint;
pub use smoothing::{SmoothingReport, SmoothingRow};
pub use spectra::{SpectraReport, SpectraRow};
