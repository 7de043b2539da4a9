//! `*` and `?` patterns over path components, for local folders and buckets alike. Wildcards may
//! stand in any components after the first one that has one (`gs://b/imagenet/train-*`,
//! `gs://b/*/shard-?`); each matches within one component, never across a `/`.

/// Whether `name` matches `pat` (`*`: any run of characters, `?`: one character).
pub fn wildcard(pat: &[u8], s: &[u8]) -> bool {
    // Iterative with one back-tracking point: linear enough for file names, no recursion depth.
    let (mut p, mut i) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while i < s.len() {
        if p < pat.len() && (pat[p] == b'?' || pat[p] == s[i]) {
            p += 1;
            i += 1;
        } else if p < pat.len() && pat[p] == b'*' {
            star = Some(p);
            mark = i;
            p += 1;
        } else if let Some(sp) = star {
            p = sp + 1;
            mark += 1;
            i = mark;
        } else {
            return false;
        }
    }
    pat[p..].iter().all(|&c| c == b'*')
}

pub fn has_wildcard(s: &str) -> bool {
    s.contains('*') || s.contains('?')
}

/// Splits `a/b/c*/d` into the literal part before the first wildcard component (`a/b`) and the
/// pattern components from there on (`["c*", "d"]`).
pub fn split_pattern(path: &str) -> (String, Vec<String>) {
    let parts: Vec<&str> = path.split('/').collect();
    let first = parts.iter().position(|p| has_wildcard(p)).unwrap_or(parts.len());
    (parts[..first].join("/"), parts[first..].iter().map(|s| s.to_string()).collect())
}

/// Whether the components of `rest` match `pattern` one for one.
pub fn matches(pattern: &[String], rest: &[&str]) -> bool {
    pattern.len() == rest.len() && pattern.iter().zip(rest).all(|(p, r)| wildcard(p.as_bytes(), r.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard(b"train-*", b"train-00001-of-00004"));
        assert!(wildcard(b"*-of-0000?", b"train-00001-of-00004"));
        assert!(!wildcard(b"train-*", b"validation-0"));
        assert!(wildcard(b"*", b""));
        assert!(!wildcard(b"?", b""));
        assert!(wildcard(b"a*b*c", b"aXXbYYbc"));
        assert_eq!(split_pattern("b/imagenet/train-*"), ("b/imagenet".to_string(), vec!["train-*".to_string()]));
        assert_eq!(split_pattern("x/*/y"), ("x".to_string(), vec!["*".to_string(), "y".to_string()]));
        assert!(matches(&["*".into(), "s-?".into()], &["a", "s-1"]));
        assert!(!matches(&["*".into()], &["a", "s-1"]));
    }
}
