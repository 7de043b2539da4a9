//! Strict reading of configuration JSON: a misspelt field would otherwise be ignored and the
//! run would silently train with the default, so an unknown field is an error naming its full
//! path and the nearest known name; a value of the wrong type names its field's path.

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::{invalid, ConfigError};

/// Deserializes `value` as `T` (whose structs deny unknown fields); errors name the field's
/// path, `prefix` first (`model.` for a model inside a run's config.json).
pub(crate) fn parse<T: DeserializeOwned>(value: Value, prefix: &str) -> Result<T, ConfigError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        explain(&join(prefix, &path), &e.into_inner().to_string())
    })
}

/// `a.b` from `a` and `b`, either of which may be empty.
pub(crate) fn join(prefix: &str, name: &str) -> String {
    match (prefix.is_empty(), name.is_empty()) {
        (true, _) => name.to_string(),
        (_, true) => prefix.to_string(),
        _ => format!("{prefix}.{name}"),
    }
}

/// serde's message turned into one that names the field and says what was expected in words.
fn explain(path: &str, msg: &str) -> ConfigError {
    if let Some(rest) = msg.strip_prefix("unknown field ").or_else(|| msg.strip_prefix("unknown variant ")) {
        let names = backticked(rest);
        if let Some((found, known)) = names.split_first() {
            let what = if msg.starts_with("unknown field") { "field" } else { "value" };
            return unknown(path, what, found, known);
        }
    }
    if let Some(name) = msg.strip_prefix("missing field ").and_then(|r| backticked(r).into_iter().next()) {
        return invalid(join(path, &name), "missing");
    }
    for kind in ["invalid type: ", "invalid value: "] {
        if let Some((got, expected)) = msg.strip_prefix(kind).and_then(|r| r.rsplit_once(", expected ")) {
            return invalid(path, format!("expected {}, got {}", expected_words(expected), got_words(got)));
        }
    }
    invalid(path, msg.to_string())
}

/// An unknown field or value (`what`) at `field`, with the nearest of `known` suggested.
pub(crate) fn unknown(field: &str, what: &str, found: &str, known: &[String]) -> ConfigError {
    let suggestion = nearest(found, known).map(|k| format!("; did you mean `{k}`?")).unwrap_or_default();
    let known = if known.is_empty() { "none".to_string() } else { known.join(", ") };
    invalid(field, format!("unknown {what} `{found}`{suggestion} (known: {known})"))
}

/// The words between backticks, in order (serde quotes names that way).
fn backticked(s: &str) -> Vec<String> {
    s.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

fn expected_words(t: &str) -> String {
    match t {
        "usize" | "u64" | "u32" | "u16" | "u8" => "a non-negative integer".into(),
        "isize" | "i64" | "i32" => "an integer".into(),
        "f64" | "f32" => "a number".into(),
        "a boolean" | "bool" => "true or false".into(),
        other => other.to_string(),
    }
}

/// serde's description of the value found, as the JSON text it was.
fn got_words(u: &str) -> String {
    let inner = |s: &str| s.trim_matches('`').to_string();
    if let Some(s) = u.strip_prefix("string ") {
        s.to_string()
    } else if let Some(s) = u.strip_prefix("integer ").or_else(|| u.strip_prefix("floating point ")).or_else(|| u.strip_prefix("boolean "))
    {
        inner(s)
    } else if u == "unit value" {
        "null".into()
    } else if u == "map" {
        "an object".into()
    } else if u == "sequence" {
        "an array".into()
    } else {
        u.to_string()
    }
}

/// The known name closest to `found` by edit distance, if it is close enough to be a typo.
pub(crate) fn nearest<'a>(found: &str, known: &'a [String]) -> Option<&'a str> {
    let (best, d) = known.iter().map(|k| (k, edit_distance(found, k))).min_by_key(|&(_, d)| d)?;
    let n = found.chars().count();
    (d <= 1.max(n / 3) && d < n).then_some(best.as_str())
}

/// Edit distance over characters where swapping two neighbours counts as one edit (optimal
/// string alignment): `dpeth` is one typo away from `depth`.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}
