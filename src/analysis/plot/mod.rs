//! Line charts drawn by hand into a `Canvas`: panels side by side (a grid), each with axes,
//! ticks, numeric labels, a title and a few coloured lines with point markers; one legend
//! below, shared by the panels (series `i` has the same colour in every panel).

pub mod bars;
pub mod canvas;
pub mod font;

use canvas::{Canvas, Rgb, BLACK, GREY, LIGHT, WHITE};

/// Distinct, colour-blind-friendlier hues (the order matters: the first two contrast most).
pub const PALETTE: [Rgb; 8] =
    [[31, 119, 180], [230, 97, 1], [44, 160, 44], [200, 30, 40], [128, 80, 180], [140, 86, 75], [220, 100, 180], [90, 90, 90]];

pub fn colour(i: usize) -> Rgb {
    PALETTE[i % PALETTE.len()]
}

/// One line: points `(x, y)` in data units, drawn in order; non-finite points are skipped.
#[derive(Clone, Debug)]
pub struct Series {
    pub points: Vec<(f64, f64)>,
}

#[derive(Clone, Debug)]
pub struct Panel {
    pub title: String,
    /// `series[i]` is drawn in `colour(i)`.
    pub series: Vec<Series>,
    /// The x axis range (relative depth: 0..1; steps: 0..last).
    pub x_range: (f64, f64),
}

pub struct ChartLayout {
    pub panel_width: usize,
    pub panel_height: usize,
    pub columns: usize,
}

impl Default for ChartLayout {
    fn default() -> Self {
        ChartLayout { panel_width: 420, panel_height: 300, columns: 2 }
    }
}

const LEFT: i64 = 64;
const RIGHT: i64 = 26;
const TOP: i64 = 30;
const BOTTOM: i64 = 34;
const LEGEND_ROW: usize = 22;

/// Draws the panels in a grid and the legend (`labels[i]` for series `i`) under them.
pub fn line_chart(panels: &[Panel], labels: &[String], x_label: &str, layout: &ChartLayout) -> Canvas {
    let cols = layout.columns.max(1).min(panels.len().max(1));
    let rows = panels.len().div_ceil(cols).max(1);
    let (pw, ph) = (layout.panel_width, layout.panel_height);
    let legend_h = 14 + LEGEND_ROW * labels.len();
    let mut c = Canvas::new(pw * cols, ph * rows + legend_h, WHITE);
    for (i, p) in panels.iter().enumerate() {
        draw_panel(&mut c, ((i % cols) * pw) as i64, ((i / cols) * ph) as i64, pw as i64, ph as i64, p, x_label);
    }
    let y0 = (ph * rows) as i64 + 8;
    for (i, l) in labels.iter().enumerate() {
        let y = y0 + (i * LEGEND_ROW) as i64;
        c.line((LEFT as f64, (y + 7) as f64), ((LEFT + 28) as f64, (y + 7) as f64), 3, colour(i));
        c.fill_rect(LEFT + 11, y + 4, 7, 7, colour(i));
        c.text(LEFT + 40, y, l, 2, BLACK);
    }
    c
}

fn draw_panel(c: &mut Canvas, ox: i64, oy: i64, w: i64, h: i64, p: &Panel, x_label: &str) {
    let (x0, y0) = (ox + LEFT, oy + TOP);
    let (pw, ph) = (w - LEFT - RIGHT, h - TOP - BOTTOM);
    let (xmin, xmax) = p.x_range;
    let (ymin, ymax, yticks) = nice_range(p.series.iter().flat_map(|s| s.points.iter().map(|q| q.1)));
    let px = |x: f64| x0 as f64 + (x - xmin) / (xmax - xmin) * pw as f64;
    let py = |y: f64| (y0 + ph) as f64 - (y - ymin) / (ymax - ymin) * ph as f64;

    // Grid and tick labels first, so the data lines draw over them.
    let xticks: Vec<f64> = (0..=4).map(|k| xmin + (xmax - xmin) * k as f64 / 4.0).collect();
    for &t in &xticks {
        let x = px(t).round() as i64;
        c.vline(x, y0, y0 + ph, LIGHT);
        c.vline(x, y0 + ph, y0 + ph + 4, BLACK);
        let s = tick_text(t, (xmax - xmin) / 4.0);
        c.text(x - font::text_width(&s, 1) as i64 / 2, y0 + ph + 7, &s, 1, BLACK);
    }
    let step = if yticks.len() > 1 { yticks[1] - yticks[0] } else { 1.0 };
    for &t in &yticks {
        let y = py(t).round() as i64;
        c.hline(x0, x0 + pw, y, LIGHT);
        c.hline(x0 - 4, x0, y, BLACK);
        let s = tick_text(t, step);
        c.text(x0 - 7 - font::text_width(&s, 1) as i64, y - 3, &s, 1, BLACK);
    }
    c.hline(x0, x0 + pw, y0 + ph, BLACK);
    c.vline(x0, y0, y0 + ph, BLACK);
    c.text(x0, oy + 8, &p.title, 2, BLACK);
    c.text(x0 + pw - font::text_width(x_label, 1) as i64, y0 + ph + 20, x_label, 1, GREY);

    for (i, s) in p.series.iter().enumerate() {
        let pts: Vec<(f64, f64)> = s.points.iter().filter(|q| q.0.is_finite() && q.1.is_finite()).map(|&(x, y)| (px(x), py(y))).collect();
        for w in pts.windows(2) {
            c.line(w[0], w[1], 2, colour(i));
        }
        // Markers only where they stay apart (a long loss curve would be a band of squares); a
        // lone point always gets one, or it would not show.
        if pts.len() == 1 || pts.len() as i64 * 6 <= pw {
            for &(x, y) in &pts {
                c.fill_rect(x.round() as i64 - 2, y.round() as i64 - 2, 5, 5, colour(i));
            }
        }
    }
}

/// A y range covering the values, widened to "nice" tick steps (1, 2 or 5 x 10^k), and the
/// ticks; a constant or empty series gets a unit-wide range around its value.
pub fn nice_range(values: impl Iterator<Item = f64>) -> (f64, f64, Vec<f64>) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values.filter(|v| v.is_finite()) {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-12 * hi.abs().max(1e-300) || hi == lo {
        let pad = if hi == 0.0 { 0.5 } else { hi.abs() * 0.05 };
        (lo, hi) = (lo - pad, hi + pad);
    }
    let raw = (hi - lo) / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag);
    let (a, b) = ((lo / step).floor() * step, (hi / step).ceil() * step);
    let n = ((b - a) / step).round() as usize;
    let ticks = (0..=n).map(|k| a + k as f64 * step).collect();
    (a, b, ticks)
}

/// A tick value with as many decimals as its step needs (0.25 -> 2, 0.2 -> 1, 5 -> 0).
fn tick_text(v: f64, step: f64) -> String {
    let decimals = (0..8i32).find(|&d| {
        let scaled = step * 10f64.powi(d);
        (scaled - scaled.round()).abs() < 1e-6 * scaled.max(1.0)
    });
    let s = format!("{:.*}", decimals.unwrap_or(8) as usize, v);
    // "-0.00" is zero.
    if s.starts_with('-') && s[1..].chars().all(|ch| ch == '0' || ch == '.') {
        s[1..].to_string()
    } else {
        s
    }
}
