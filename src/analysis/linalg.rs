//! Host linear algebra in f64 for spectral norms: a dense matrix and a power iteration on
//! `A^T A`, run until the Rayleigh quotient stops moving.

use anyhow::{bail, ensure, Result};

/// Row-major dense matrix.
#[derive(Clone, Debug, PartialEq)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f64>,
}

impl Matrix {
    pub fn new(rows: usize, cols: usize, data: Vec<f64>) -> Result<Matrix> {
        ensure!(data.len() == rows * cols, "{} values for a {}x{} matrix", data.len(), rows, cols);
        Ok(Matrix { rows, cols, data })
    }

    pub fn from_f32(rows: usize, cols: usize, data: &[f32]) -> Result<Matrix> {
        Matrix::new(rows, cols, data.iter().map(|&v| v as f64).collect())
    }

    pub fn zeros(rows: usize, cols: usize) -> Matrix {
        Matrix { rows, cols, data: vec![0.0; rows * cols] }
    }

    pub fn at(&self, r: usize, c: usize) -> f64 {
        self.data[r * self.cols + c]
    }

    /// Rows `start..end`: a head's or a q/k/v block's slice of a PyTorch `[out, in]` weight.
    pub fn row_block(&self, start: usize, end: usize) -> Matrix {
        Matrix { rows: end - start, cols: self.cols, data: self.data[start * self.cols..end * self.cols].to_vec() }
    }

    pub fn transpose(&self) -> Matrix {
        let mut t = Matrix::zeros(self.cols, self.rows);
        for r in 0..self.rows {
            for c in 0..self.cols {
                t.data[c * self.rows + r] = self.at(r, c);
            }
        }
        t
    }

    pub fn matmul(&self, b: &Matrix) -> Result<Matrix> {
        ensure!(self.cols == b.rows, "matmul of {}x{} by {}x{}", self.rows, self.cols, b.rows, b.cols);
        let mut out = Matrix::zeros(self.rows, b.cols);
        for i in 0..self.rows {
            let row = &mut out.data[i * b.cols..(i + 1) * b.cols];
            for k in 0..self.cols {
                let a = self.at(i, k);
                if a != 0.0 {
                    for (o, &bv) in row.iter_mut().zip(&b.data[k * b.cols..(k + 1) * b.cols]) {
                        *o += a * bv;
                    }
                }
            }
        }
        Ok(out)
    }

    /// `A x`.
    fn apply(&self, x: &[f64], out: &mut [f64]) {
        for (r, o) in out.iter_mut().enumerate() {
            *o = dot(&self.data[r * self.cols..(r + 1) * self.cols], x);
        }
    }

    /// `A^T y`.
    fn apply_t(&self, y: &[f64], out: &mut [f64]) {
        out.iter_mut().for_each(|o| *o = 0.0);
        for (r, &yr) in y.iter().enumerate() {
            for (o, &a) in out.iter_mut().zip(&self.data[r * self.cols..(r + 1) * self.cols]) {
                *o += a * yr;
            }
        }
    }

    pub fn frobenius(&self) -> f64 {
        dot(&self.data, &self.data).sqrt()
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn normalize(v: &mut [f64]) -> f64 {
    let n = dot(v, v).sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
    n
}

/// The largest singular value and how it was reached.
#[derive(Clone, Copy, Debug)]
pub struct SpectralNorm {
    pub value: f64,
    pub iterations: usize,
}

/// Relative change of the Rayleigh quotient below which an iteration counts as still.
const STILL: f64 = 1e-15;
/// Consecutive still iterations that end the run (one can be still by accident).
const STILL_RUNS: usize = 20;
const MAX_ITERATIONS: usize = 200_000;

/// `||A||_2` by power iteration on `A^T A` (applied as `A^T (A v)`, never formed), in f64.
///
/// The Rayleigh quotient `v^T A^T A v` rises monotonically to `sigma_1^2`; its error shrinks
/// like `(sigma_2 / sigma_1)^(4k)`, so stopping when it no longer moves at the last bits gives
/// the norm to about 1e-12 unless the top two singular values nearly coincide, where the
/// quotient converges anyway (any vector of a repeated top space attains it). The start vector
/// is pseudo-random with mixed signs, so (unlike all-ones) it is not orthogonal to the top
/// singular vector of structured matrices such as rotations.
pub fn spectral_norm(a: &Matrix) -> Result<SpectralNorm> {
    ensure!(a.rows > 0 && a.cols > 0, "spectral norm of an empty {}x{} matrix", a.rows, a.cols);
    ensure!(a.data.iter().all(|v| v.is_finite()), "spectral norm of a matrix with non-finite values");
    if a.data.iter().all(|&v| v == 0.0) {
        return Ok(SpectralNorm { value: 0.0, iterations: 0 });
    }
    let mut v = start_vector(a.cols, 0);
    let mut av = vec![0.0; a.rows];
    let mut w = vec![0.0; a.cols];
    let (mut last, mut still) = (0.0f64, 0);
    for it in 1..=MAX_ITERATIONS {
        a.apply(&v, &mut av);
        a.apply_t(&av, &mut w);
        let rayleigh = dot(&v, &w); // ||A v||^2 with ||v|| = 1
        if normalize(&mut w) == 0.0 {
            // v fell into the null space: only possible for a start vector orthogonal to the row space.
            v = start_vector(a.cols, it as u64);
            continue;
        }
        std::mem::swap(&mut v, &mut w);
        still = if (rayleigh - last).abs() <= STILL * rayleigh { still + 1 } else { 0 };
        last = rayleigh;
        if still >= STILL_RUNS {
            return Ok(SpectralNorm { value: rayleigh.sqrt(), iterations: it });
        }
    }
    bail!("power iteration did not converge in {} iterations ({}x{} matrix)", MAX_ITERATIONS, a.rows, a.cols)
}

/// A unit vector with entries drawn uniformly from [-1, 1) by a splitmix sequence of `seed`:
/// deterministic, dense, aligned with nothing in particular.
fn start_vector(n: usize, seed: u64) -> Vec<f64> {
    let mut s = 0x2545_F491_4F6C_DD1Du64 ^ seed.wrapping_mul(0xD6E8_FEB8_6659_FD93);
    let mut v: Vec<f64> = (0..n)
        .map(|_| {
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            2.0 * (((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64) - 1.0
        })
        .collect();
    normalize(&mut v);
    v
}
