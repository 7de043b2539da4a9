//! The progress display: one redrawn line on a terminal,
//! `[=====>    ] 120/500 24% | 3.2 it/s | ETA 1m58s | loss 0.4213 lr 1.2e-4`,
//! and plain lines every K steps when stderr is a file or a pipe (logs, CI), where carriage
//! returns would pile up.
//!
//! The rate is an exponential moving average of seconds per step, weighted by elapsed time, so it
//! smooths over the same span of time whether steps take 10 ms or 10 s, and the ETA is the steps
//! left times that average. The first update only sets the reference point: the step before it
//! usually includes compilation, which would skew the average for a long while.
//!
//! Every method takes an explicit time too (`*_at`, seconds from any fixed origin) so tests can
//! drive a fake clock. Write errors are ignored: a closed terminal must not stop a training run.

use std::io::{self, IsTerminal, Write};
use std::time::Instant;

/// How the progress is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// One line redrawn in place (a terminal).
    Bar,
    /// One printed line every `every` steps and at the last step (a log file).
    Lines { every: u64 },
}

pub struct Progress<W: Write = io::Stderr> {
    out: W,
    style: Style,
    total: u64,
    /// Characters inside the bar's brackets.
    pub width: usize,
    /// Time constant of the rate's moving average, in seconds.
    pub smoothing_secs: f64,
    /// Least time between two redraws of the bar, in seconds.
    pub redraw_secs: f64,
    origin: Instant,
    last: Option<(u64, f64)>,
    secs_per_step: Option<f64>,
    last_draw: Option<f64>,
    /// The bar as last drawn, to redraw it under a message; `None` when no bar is on screen.
    on_screen: Option<String>,
}

impl Progress<io::Stderr> {
    /// Progress on stderr: a bar when stderr is a terminal, else a line every `every` steps.
    pub fn stderr(total: u64, every: u64) -> Self {
        let err = io::stderr();
        let style = if err.is_terminal() { Style::Bar } else { Style::Lines { every: every.max(1) } };
        Progress::new(err, style, total)
    }
}

impl<W: Write> Progress<W> {
    pub fn new(out: W, style: Style, total: u64) -> Self {
        Progress {
            out,
            style,
            total,
            width: 30,
            smoothing_secs: 10.0,
            redraw_secs: 0.1,
            origin: Instant::now(),
            last: None,
            secs_per_step: None,
            last_draw: None,
            on_screen: None,
        }
    }

    pub fn style(&self) -> Style {
        self.style
    }

    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// Steps per second, once two updates have been seen.
    pub fn rate(&self) -> Option<f64> {
        self.secs_per_step.map(|s| 1.0 / s)
    }

    /// Seconds left from `step` at the current rate.
    pub fn eta(&self, step: u64) -> Option<f64> {
        self.secs_per_step.map(|s| s * self.total.saturating_sub(step) as f64)
    }

    /// Records that `step` is done, with the values to show beside it (`loss`, `lr`...).
    pub fn update(&mut self, step: u64, fields: &[(&str, f64)]) {
        let t = self.origin.elapsed().as_secs_f64();
        self.update_at(step, t, fields)
    }

    pub fn update_at(&mut self, step: u64, t: f64, fields: &[(&str, f64)]) {
        self.observe(step, t);
        let last_step = step >= self.total;
        let text = self.status(step, fields);
        match self.style {
            Style::Bar => {
                let due = self.last_draw.is_none_or(|d| t - d >= self.redraw_secs);
                if due || last_step {
                    let bar = format!("{} {}", bar(step, self.total, self.width), text);
                    let _ = write!(self.out, "\r{}\x1b[K", bar);
                    let _ = self.out.flush();
                    self.last_draw = Some(t);
                    self.on_screen = Some(bar);
                }
            }
            Style::Lines { every } => {
                if step.is_multiple_of(every.max(1)) || last_step {
                    let _ = writeln!(self.out, "step {}", text);
                }
            }
        }
    }

    /// Prints a line (an evaluation result, a checkpoint notice) above the bar.
    pub fn println(&mut self, msg: &str) {
        match &self.on_screen {
            Some(bar) => {
                let _ = write!(self.out, "\r\x1b[K{}\n{}\x1b[K", msg, bar);
            }
            None => {
                let _ = writeln!(self.out, "{}", msg);
            }
        }
        let _ = self.out.flush();
    }

    /// Ends the bar's line, so what is printed next starts on a line of its own. Also on drop.
    pub fn finish(&mut self) {
        if self.on_screen.take().is_some() {
            let _ = writeln!(self.out);
            let _ = self.out.flush();
        }
    }

    /// Folds the time since the previous update into the moving average of seconds per step.
    fn observe(&mut self, step: u64, t: f64) {
        match self.last {
            Some((s0, t0)) if step > s0 && t > t0 => {
                let dt = t - t0;
                let sample = dt / (step - s0) as f64;
                let w = 1.0 - (-dt / self.smoothing_secs).exp();
                self.secs_per_step = Some(match self.secs_per_step {
                    Some(avg) => w * sample + (1.0 - w) * avg,
                    None => sample,
                });
                self.last = Some((step, t));
            }
            // No step or no time passed: keep the reference so the next interval is whole.
            Some((s0, _)) if step == s0 => {}
            _ => self.last = Some((step, t)),
        }
    }

    /// `120/500 24% | 3.2 it/s | ETA 1m58s | loss 0.4213 lr 1.2e-4`
    fn status(&self, step: u64, fields: &[(&str, f64)]) -> String {
        let pct = (step.min(self.total) * 100).checked_div(self.total).unwrap_or(100);
        let rate = self.rate().map_or_else(|| "-- it/s".to_string(), format_rate);
        let eta = self.eta(step).map_or_else(|| "--".to_string(), format_eta);
        let mut s = format!("{}/{} {}% | {} | ETA {}", step, self.total, pct, rate, eta);
        for (i, (name, v)) in fields.iter().enumerate() {
            s.push_str(if i == 0 { " | " } else { " " });
            s.push_str(name);
            s.push(' ');
            s.push_str(&format_value(*v));
        }
        s
    }
}

impl<W: Write> Drop for Progress<W> {
    fn drop(&mut self) {
        self.finish();
    }
}

/// `[=====>    ]`: `width` characters between the brackets.
pub fn bar(step: u64, total: u64, width: usize) -> String {
    let filled = if total == 0 { width } else { (step.min(total) as u128 * width as u128 / total as u128) as usize };
    let mut s = String::with_capacity(width + 2);
    s.push('[');
    s.extend(std::iter::repeat_n('=', filled));
    if filled < width {
        s.push('>');
        s.extend(std::iter::repeat_n(' ', width - filled - 1));
    }
    s.push(']');
    s
}

/// `42s`, `1m58s`, `2h03m`, `3d04h`: two units at most, as a glance needs.
pub fn format_eta(secs: f64) -> String {
    if !secs.is_finite() || secs < 0.0 {
        return "--".to_string();
    }
    let s = secs.round() as u64;
    match s {
        0..=59 => format!("{}s", s),
        60..=3599 => format!("{}m{:02}s", s / 60, s % 60),
        3600..=86399 => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
        _ => format!("{}d{:02}h", s / 86400, s % 86400 / 3600),
    }
}

/// `3.2 it/s`, `145 it/s`, or `4.5 s/it` when a step takes longer than a second.
pub fn format_rate(it_per_s: f64) -> String {
    if !it_per_s.is_finite() || it_per_s <= 0.0 {
        "-- it/s".to_string()
    } else if it_per_s >= 100.0 {
        format!("{:.0} it/s", it_per_s)
    } else if it_per_s >= 1.0 {
        format!("{:.1} it/s", it_per_s)
    } else {
        format!("{:.1} s/it", 1.0 / it_per_s)
    }
}

/// Four significant digits (`0.4213`, `12.35`, `51234`); exponent form for the very small or very
/// large (`1.2e-4`), where fixed digits would show only zeros or be too long.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return format!("{}", v);
    }
    if v == 0.0 {
        return "0".to_string();
    }
    let a = v.abs();
    if !(1e-3..1e9).contains(&a) {
        return format!("{:.1e}", v);
    }
    let decimals = (3 - a.log10().floor() as i32).max(0) as usize;
    format!("{:.*}", decimals, v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(p: &Progress<Vec<u8>>) -> String {
        String::from_utf8(p.get_ref().clone()).unwrap()
    }

    #[test]
    fn eta_formats() {
        assert_eq!(format_eta(0.0), "0s");
        assert_eq!(format_eta(42.4), "42s");
        assert_eq!(format_eta(59.6), "1m00s");
        assert_eq!(format_eta(118.0), "1m58s");
        assert_eq!(format_eta(3599.0), "59m59s");
        assert_eq!(format_eta(2.0 * 3600.0 + 3.0 * 60.0 + 9.0), "2h03m");
        assert_eq!(format_eta(3.0 * 86400.0 + 4.0 * 3600.0), "3d04h");
        assert_eq!(format_eta(f64::INFINITY), "--");
        assert_eq!(format_eta(-1.0), "--");
    }

    #[test]
    fn rate_and_value_formats() {
        assert_eq!(format_rate(3.21), "3.2 it/s");
        assert_eq!(format_rate(145.4), "145 it/s");
        assert_eq!(format_rate(0.25), "4.0 s/it");
        assert_eq!(format_rate(0.0), "-- it/s");
        assert_eq!(format_value(0.42131), "0.4213");
        assert_eq!(format_value(1.2e-4), "1.2e-4");
        assert_eq!(format_value(12.3456), "12.35");
        assert_eq!(format_value(51234.4), "51234");
        assert_eq!(format_value(-0.004213), "-0.004213");
        assert_eq!(format_value(0.0), "0");
        assert_eq!(format_value(f64::NAN), "NaN");
        assert_eq!(format_value(2.5e10), "2.5e10");
    }

    #[test]
    fn bars() {
        assert_eq!(bar(0, 10, 10), "[>         ]");
        assert_eq!(bar(5, 10, 10), "[=====>    ]");
        assert_eq!(bar(10, 10, 10), "[==========]");
        assert_eq!(bar(12, 10, 4), "[====]");
        assert_eq!(bar(0, 0, 4), "[====]");
    }

    #[test]
    fn rate_is_a_time_weighted_average() {
        let mut p = Progress::new(Vec::new(), Style::Lines { every: 1000 }, 500);
        p.update_at(100, 50.0, &[]); // reference only: the step before it may hold compilation
        assert_eq!(p.rate(), None);
        p.update_at(110, 55.0, &[]); // 0.5 s/step: the first sample is taken whole
        assert!((p.rate().unwrap() - 2.0).abs() < 1e-12);
        assert!((p.eta(110).unwrap() - 390.0 * 0.5).abs() < 1e-9);
        // Then 10 s at 0.25 s/step: weight 1 - e^-1 with the 10 s time constant.
        p.update_at(150, 65.0, &[]);
        let w = 1.0 - (-1.0f64).exp();
        let spp = w * 0.25 + (1.0 - w) * 0.5;
        assert!((1.0 / p.rate().unwrap() - spp).abs() < 1e-12);
        // A repeated step, or time going nowhere, changes nothing.
        p.update_at(150, 66.0, &[]);
        assert!((1.0 / p.rate().unwrap() - spp).abs() < 1e-12);
        // A very long quiet stretch makes the old average irrelevant.
        p.update_at(160, 66.0 + 1000.0, &[]);
        assert!((1.0 / p.rate().unwrap() - 100.1).abs() < 1e-6);
    }

    #[test]
    fn plain_lines_every_k_steps_and_at_the_end() {
        let mut p = Progress::new(Vec::new(), Style::Lines { every: 10 }, 25);
        for s in 1..=25 {
            p.update_at(s, s as f64 * 0.25, &[("loss", 0.42131), ("lr", 1.2e-4)]);
        }
        let out = text(&p);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 3, "{}", out);
        assert_eq!(lines[0], "step 10/25 40% | 4.0 it/s | ETA 4s | loss 0.4213 lr 1.2e-4");
        assert!(lines[2].starts_with("step 25/25 100% | 4.0 it/s | ETA 0s"), "{}", lines[2]);
        assert!(!out.contains('\r'));
    }

    #[test]
    fn bar_redraws_in_place_at_most_every_redraw_secs() {
        let mut p = Progress::new(Vec::new(), Style::Bar, 500);
        p.width = 10;
        p.update_at(119, 0.0, &[("loss", 0.5)]);
        p.update_at(120, 118.0 / 380.0, &[("loss", 0.4213), ("lr", 1.2e-4)]);
        p.update_at(121, 0.32, &[("loss", 0.4)]); // 8 ms later: not redrawn
        let out = text(&p);
        assert_eq!(out.matches('\r').count(), 2, "{:?}", out);
        assert!(out.ends_with("\r[==>       ] 120/500 24% | 3.2 it/s | ETA 1m58s | loss 0.4213 lr 1.2e-4\x1b[K"), "{:?}", out);
        assert!(!out.contains('\n'));

        p.println("eval acc 0.91");
        assert!(text(&p).ends_with("\r\x1b[Keval acc 0.91\n[==>       ] 120/500 24% | 3.2 it/s | ETA 1m58s | loss 0.4213 lr 1.2e-4\x1b[K"));
        p.update_at(500, 1.0, &[]); // the last step is always drawn
        p.finish();
        let out = text(&p);
        assert!(out.contains("\r[==========] 500/500 100% | "), "{:?}", out);
        assert!(out.ends_with("\x1b[K\n"), "{:?}", out);
        p.finish(); // only one newline
        assert!(!text(&p).ends_with("\n\n"));
    }
}
