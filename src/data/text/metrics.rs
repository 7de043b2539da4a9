//! GLUE's metrics. Binary F1 treats class 1 as positive (MRPC: paraphrase, QQP: duplicate).
//! Undefined cases follow scikit-learn: Matthews is 0 when any marginal is empty, F1 is 0 when
//! there are no true positives, a correlation with a constant side is NaN.

pub fn accuracy(pred: &[usize], gold: &[usize]) -> f64 {
    assert_eq!(pred.len(), gold.len(), "predictions and labels differ in length");
    if gold.is_empty() {
        return f64::NAN;
    }
    pred.iter().zip(gold).filter(|(p, g)| p == g).count() as f64 / gold.len() as f64
}

/// (tp, fp, fn, tn) with 1 as the positive class.
fn confusion(pred: &[usize], gold: &[usize]) -> (f64, f64, f64, f64) {
    assert_eq!(pred.len(), gold.len(), "predictions and labels differ in length");
    let mut c = [0f64; 4];
    for (&p, &g) in pred.iter().zip(gold) {
        let k = match (p == 1, g == 1) {
            (true, true) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (false, false) => 3,
        };
        c[k] += 1.0;
    }
    (c[0], c[1], c[2], c[3])
}

pub fn f1(pred: &[usize], gold: &[usize]) -> f64 {
    let (tp, fp, fn_, _) = confusion(pred, gold);
    if tp == 0.0 {
        return 0.0;
    }
    2.0 * tp / (2.0 * tp + fp + fn_)
}

pub fn matthews(pred: &[usize], gold: &[usize]) -> f64 {
    let (tp, fp, fn_, tn) = confusion(pred, gold);
    let den = ((tp + fp) * (tp + fn_) * (tn + fp) * (tn + fn_)).sqrt();
    if den == 0.0 {
        return 0.0;
    }
    (tp * tn - fp * fn_) / den
}

pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    assert_eq!(x.len(), y.len(), "series differ in length");
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    sxy / (sxx * syy).sqrt()
}

/// 1-based ranks, tied values sharing the mean of their ranks.
pub fn ranks(x: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..x.len()).collect();
    idx.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && x[idx[j + 1]] == x[idx[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &idx[i..=j] {
            r[k] = mean;
        }
        i = j + 1;
    }
    r
}

pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}
