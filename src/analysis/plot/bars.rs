//! A bar chart with one horizontal reference line: a study's accuracy per model against its
//! pixel floor.

use super::canvas::{Canvas, BLACK, GREY, LIGHT, WHITE};
use super::{colour, font, nice_range};

/// Bars `(label, value)` in order, and a dashed reference line `(label, value)` across them.
/// The y axis spans the values and the reference, padded to nice ticks (not from zero: the
/// differences that matter are a few points).
pub fn bar_chart(title: &str, bars: &[(String, f64)], reference: Option<(&str, f64)>, y_label: &str) -> Canvas {
    let (w, h) = (120 + 110 * bars.len().max(2) as i64, 340i64);
    let (left, top, bottom) = (64i64, 36i64, 56i64);
    let (pw, ph) = (w - left - 24, h - top - bottom);
    let mut c = Canvas::new(w as usize, h as usize, WHITE);
    let values = bars.iter().map(|b| b.1).chain(reference.map(|r| r.1));
    let (lo, hi, ticks) = nice_range(values);
    let lo = (lo - (hi - lo) * 0.25).max(0.0);
    let py = |v: f64| (top + ph) as f64 - (v - lo) / (hi - lo) * ph as f64;
    for &t in ticks.iter().filter(|&&t| t >= lo) {
        let y = py(t).round() as i64;
        c.hline(left, left + pw, y, LIGHT);
        let s = format!("{}", (t * 100.0).round() / 100.0);
        c.text(left - 7 - font::text_width(&s, 1) as i64, y - 3, &s, 1, BLACK);
    }
    c.hline(left, left + pw, top + ph, BLACK);
    c.vline(left, top, top + ph, BLACK);
    c.text(left, 10, title, 2, BLACK);
    c.text(8, top - 14, y_label, 1, GREY);
    let slot = pw / bars.len().max(1) as i64;
    for (i, (label, v)) in bars.iter().enumerate() {
        let x = left + slot * i as i64 + slot / 4;
        let y = py(*v).round() as i64;
        c.fill_rect(x, y, slot / 2, top + ph - y, colour(i));
        let s = format!("{:.1}", v);
        c.text(x + slot / 4 - font::text_width(&s, 1) as i64 / 2, y - 11, &s, 1, BLACK);
        c.text(x + slot / 4 - font::text_width(label, 1) as i64 / 2, top + ph + 8, label, 1, BLACK);
    }
    if let Some((label, v)) = reference {
        let y = py(v).round() as i64;
        // Dashed, so that it reads as a reference and not as a bar's edge.
        let mut x = left;
        while x < left + pw {
            c.hline(x, (x + 8).min(left + pw), y, BLACK);
            x += 14;
        }
        c.text(left + 4, top + ph + 26, &format!("dashed: {} ({:.1})", label, v), 1, GREY);
    }
    c
}
