//! Token-collapse metrics that need singular values: the effective rank of each example's token
//! matrix `H` (`T` tokens x `D` channels) and its largest singular values, per block.
//!
//! StableHLO has no SVD or eigenvalue op, so these run on the host, in f64, on hidden states the
//! device already computed (`analyze smoothing` brings every block's tokens back; a watching
//! training step brings back a few examples'). A traced alternative (Jacobi sweeps or subspace
//! iteration on the Gram matrix in f32) squares the condition number: f32's 6e-8 on `s^2` is an
//! error of about `2.4e-4 s_1` on a small singular value, which moves the effective rank in its
//! third digit. On the host the Gram matrix of the smaller side (`H H^T` when `T <= D`, else
//! `H^T H`) is formed in f64 and its eigenvalues found by Householder tridiagonalisation and
//! implicit QL (a few milliseconds for a 200 x 200 Gram matrix); `s_i = sqrt(max(lambda_i, 0))`.
//!
//! With `p_i = s_i / sum_j s_j`, the effective rank is `exp(-sum_i p_i ln p_i)` (Roy and
//! Vetterli): 1 when every token is a multiple of one vector, `min(T, D)` for equal singular
//! values.

use anyhow::{bail, ensure, Result};

/// One block's sums over a batch: its summed effective rank and summed top singular values.
type BlockSums = Result<(f64, Vec<f64>)>;

/// Singular values kept per block (`analyze smoothing`'s `singular_values.csv`).
pub const TOP_SINGULAR: usize = 8;

/// Singular values of the row-major `rows x cols` matrix `h`, largest first (`min(rows, cols)`
/// of them).
pub fn singular_values(h: &[f64], rows: usize, cols: usize) -> Result<Vec<f64>> {
    ensure!(h.len() == rows * cols, "{} values for a {}x{} matrix", h.len(), rows, cols);
    let k = rows.min(cols);
    let mut g = vec![0.0; k * k];
    if rows <= cols {
        // H H^T: dot products of rows.
        for i in 0..k {
            for j in 0..=i {
                let v: f64 = h[i * cols..(i + 1) * cols].iter().zip(&h[j * cols..(j + 1) * cols]).map(|(a, b)| a * b).sum();
                g[i * k + j] = v;
                g[j * k + i] = v;
            }
        }
    } else {
        // H^T H: accumulated row by row (outer products), lower triangle then mirrored.
        for r in 0..rows {
            let row = &h[r * cols..(r + 1) * cols];
            for i in 0..k {
                let a = row[i];
                if a != 0.0 {
                    for (gv, &b) in g[i * k..i * k + i + 1].iter_mut().zip(&row[..=i]) {
                        *gv += a * b;
                    }
                }
            }
        }
        for i in 0..k {
            for j in 0..i {
                g[j * k + i] = g[i * k + j];
            }
        }
    }
    let mut s: Vec<f64> = symmetric_eigenvalues(g, k)?.into_iter().map(|l| l.max(0.0).sqrt()).collect();
    s.sort_by(|a, b| b.total_cmp(a));
    Ok(s)
}

/// `exp` of the entropy of the normalised singular values; 0 for an all-zero matrix.
pub fn effective_rank(s: &[f64]) -> f64 {
    let total: f64 = s.iter().sum();
    if total <= 0.0 {
        return 0.0;
    }
    let entropy: f64 = s.iter().map(|&v| v / total).filter(|&p| p > 0.0).map(|p| -p * p.ln()).sum();
    entropy.exp()
}

/// Per-block means over examples of hidden states `[L, B, T, D]` (f32, row-major).
#[derive(Clone, Debug, Default)]
pub struct CollapseSums {
    /// Sum over examples of the effective rank, per block.
    pub effective_rank: Vec<f64>,
    /// Sum over examples of the `TOP_SINGULAR` largest singular values, per block (missing ones,
    /// when `min(T, D)` is smaller, count as 0).
    pub top_singular: Vec<Vec<f64>>,
    /// Examples summed.
    pub examples: usize,
}

impl CollapseSums {
    pub fn new(layers: usize) -> CollapseSums {
        CollapseSums { effective_rank: vec![0.0; layers], top_singular: vec![vec![0.0; TOP_SINGULAR]; layers], examples: 0 }
    }

    /// Adds every example of `hidden` (`dims = [L, B, T, D]`, the layer count that of `self`).
    /// Blocks are spread over threads.
    pub fn add(&mut self, hidden: &[f32], dims: &[i64]) -> Result<()> {
        ensure!(dims.len() == 4, "hidden states must be [L, B, T, D], got {:?}", dims);
        let (l, b, t, d) = (dims[0] as usize, dims[1] as usize, dims[2] as usize, dims[3] as usize);
        ensure!(l == self.effective_rank.len(), "hidden states of {} blocks added to sums of {}", l, self.effective_rank.len());
        ensure!(hidden.len() == l * b * t * d, "{} values for hidden states {:?}", hidden.len(), dims);
        let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).min(l.max(1));
        let per_block = |li: usize| -> BlockSums {
            let (mut rank, mut top) = (0.0, vec![0.0; TOP_SINGULAR]);
            for bi in 0..b {
                let start = (li * b + bi) * t * d;
                let x: Vec<f64> = hidden[start..start + t * d].iter().map(|&v| v as f64).collect();
                let s = singular_values(&x, t, d)?;
                rank += effective_rank(&s);
                for (acc, v) in top.iter_mut().zip(&s) {
                    *acc += v;
                }
            }
            Ok((rank, top))
        };
        let results: Vec<BlockSums> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|w| scope.spawn(move || (w..l).step_by(threads).map(|li| (li, per_block(li))).collect::<Vec<_>>()))
                .collect();
            let mut all: Vec<(usize, BlockSums)> = handles.into_iter().flat_map(|h| h.join().expect("collapse worker")).collect();
            all.sort_by_key(|(li, _)| *li);
            all.into_iter().map(|(_, r)| r).collect()
        });
        for (li, r) in results.into_iter().enumerate() {
            let (rank, top) = r?;
            self.effective_rank[li] += rank;
            for (acc, v) in self.top_singular[li].iter_mut().zip(top) {
                *acc += v;
            }
        }
        self.examples += b;
        Ok(())
    }

    /// Per-block effective rank, averaged over the examples.
    pub fn mean_effective_rank(&self) -> Vec<f64> {
        let n = self.examples.max(1) as f64;
        self.effective_rank.iter().map(|v| v / n).collect()
    }

    /// Per-block top singular values, averaged over the examples.
    pub fn mean_top_singular(&self) -> Vec<Vec<f64>> {
        let n = self.examples.max(1) as f64;
        self.top_singular.iter().map(|row| row.iter().map(|v| v / n).collect()).collect()
    }
}

/// Eigenvalues (unordered) of the symmetric row-major `n x n` matrix `a`: Householder reduction
/// to tridiagonal form, then the QL algorithm with implicit shifts (Numerical Recipes' `tred2`
/// and `tqli`, eigenvalues only).
pub fn symmetric_eigenvalues(mut a: Vec<f64>, n: usize) -> Result<Vec<f64>> {
    ensure!(a.len() == n * n, "{} values for a {}x{} matrix", a.len(), n, n);
    ensure!(a.iter().all(|v| v.is_finite()), "eigenvalues of a matrix with non-finite values");
    if n == 0 {
        return Ok(vec![]);
    }
    let at = |i: usize, j: usize| i * n + j;
    let mut d = vec![0.0; n];
    let mut e = vec![0.0; n];
    for i in (1..n).rev() {
        let l = i - 1;
        let mut h = 0.0;
        if l > 0 {
            let scale: f64 = (0..=l).map(|k| a[at(i, k)].abs()).sum();
            if scale == 0.0 {
                e[i] = a[at(i, l)];
            } else {
                for k in 0..=l {
                    a[at(i, k)] /= scale;
                    h += a[at(i, k)] * a[at(i, k)];
                }
                let f = a[at(i, l)];
                let g = if f >= 0.0 { -h.sqrt() } else { h.sqrt() };
                e[i] = scale * g;
                h -= f * g;
                a[at(i, l)] = f - g;
                let mut f = 0.0;
                for j in 0..=l {
                    let mut g = 0.0;
                    for k in 0..=j {
                        g += a[at(j, k)] * a[at(i, k)];
                    }
                    for k in j + 1..=l {
                        g += a[at(k, j)] * a[at(i, k)];
                    }
                    e[j] = g / h;
                    f += e[j] * a[at(i, j)];
                }
                let hh = f / (h + h);
                for j in 0..=l {
                    let f = a[at(i, j)];
                    let g = e[j] - hh * f;
                    e[j] = g;
                    for k in 0..=j {
                        a[at(j, k)] -= f * e[k] + g * a[at(i, k)];
                    }
                }
            }
        } else {
            e[i] = a[at(i, l)];
        }
        d[i] = h;
    }
    for i in 0..n {
        d[i] = a[at(i, i)];
    }
    // Implicit QL on the tridiagonal (d, e).
    for i in 1..n {
        e[i - 1] = e[i];
    }
    e[n - 1] = 0.0;
    for l in 0..n {
        let mut iterations = 0;
        loop {
            let mut m = l;
            while m + 1 < n {
                let dd = d[m].abs() + d[m + 1].abs();
                if e[m].abs() <= f64::EPSILON * dd {
                    break;
                }
                m += 1;
            }
            if m == l {
                break;
            }
            iterations += 1;
            if iterations > 60 {
                bail!("tridiagonal QL did not converge ({}x{} matrix)", n, n);
            }
            let mut g = (d[l + 1] - d[l]) / (2.0 * e[l]);
            let mut r = g.hypot(1.0);
            g = d[m] - d[l] + e[l] / (g + if g >= 0.0 { r } else { -r });
            let (mut s, mut c, mut p) = (1.0, 1.0, 0.0);
            let mut deflated = false;
            for i in (l..m).rev() {
                let f = s * e[i];
                let b = c * e[i];
                r = f.hypot(g);
                e[i + 1] = r;
                if r == 0.0 {
                    d[i + 1] -= p;
                    e[m] = 0.0;
                    deflated = true;
                    break;
                }
                s = f / r;
                c = g / r;
                g = d[i + 1] - p;
                r = (d[i] - g) * s + 2.0 * c * b;
                p = s * r;
                d[i + 1] = g + p;
                g = c * r - b;
            }
            if deflated {
                continue;
            }
            d[l] -= p;
            e[l] = g;
            e[m] = 0.0;
        }
    }
    Ok(d)
}
