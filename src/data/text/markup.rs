//! Wikitext to plain paragraphs, keeping only running prose as BERT did ("we extract only the
//! text passages and ignore lists, tables, and headers"). The passes run in an order that lets
//! each one assume the previous constructs are gone: comments, tags (references drop their
//! content), templates and tables, links, external links, bold/italic quotes, then lines.

/// Tags whose whole content is dropped (not prose, or prose that would read out of place).
const DROP_TAGS: &[&str] = &[
    "ref",
    "math",
    "gallery",
    "timeline",
    "score",
    "syntaxhighlight",
    "source",
    "pre",
    "chem",
    "ce",
    "hiero",
    "imagemap",
    "table",
    "code",
    "references",
    "graph",
    "mapframe",
    "templatedata",
];

/// Sections after which an article has no more prose worth keeping.
const STOP_SECTIONS: &[&str] = &[
    "references",
    "external links",
    "see also",
    "further reading",
    "notes",
    "bibliography",
    "sources",
    "footnotes",
    "notes and references",
    "citations",
];

/// Link prefixes whose links are not text (media, categories, other wikis and languages).
fn is_non_text_link(target: &str) -> bool {
    let t = target.trim_start_matches(':');
    let Some((prefix, _)) = t.split_once(':') else { return false };
    let p = prefix.trim().to_ascii_lowercase();
    matches!(
        p.as_str(),
        "file"
            | "image"
            | "category"
            | "media"
            | "wikt"
            | "wiktionary"
            | "wikipedia"
            | "wp"
            | "commons"
            | "s"
            | "q"
            | "n"
            | "b"
            | "v"
            | "simple"
            | "special"
            | "template"
            | "help"
            | "portal"
            | "user"
            | "talk"
    ) || (p.len() <= 3 && p.chars().all(|c| c.is_ascii_lowercase()))
        || (p.contains('-') && p.len() <= 12 && p.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
}

/// The paragraphs of an article's prose, markup removed. Headings, lists and blank lines end a
/// paragraph; sections such as "References" end the article.
pub fn paragraphs(wikitext: &str) -> Vec<String> {
    let s = strip_comments(wikitext);
    let s = strip_tags(&s);
    let s = strip_nested(&s);
    let s = replace_links(&s);
    let s = replace_external_links(&s);
    let s = s.replace("'''''", "").replace("'''", "").replace("''", "");
    let mut out = Vec::new();
    let mut cur = String::new();
    let end_para = |cur: &mut String, out: &mut Vec<String>| {
        let p = tidy(&html_entities(cur));
        if p.chars().any(|c| c.is_alphabetic()) {
            out.push(p);
        }
        cur.clear();
    };
    for line in s.lines() {
        let t = line.trim();
        if t.starts_with('=') && t.ends_with('=') && t.len() >= 2 {
            end_para(&mut cur, &mut out);
            let title = t.trim_matches('=').trim().to_ascii_lowercase();
            if STOP_SECTIONS.contains(&title.as_str()) {
                return out;
            }
        } else if t.is_empty()
            || t.starts_with(['*', '#', ':', ';', '|', '!', '{', '}'])
            || t.starts_with("----")
            || (t.starts_with("__") && t.ends_with("__"))
        {
            end_para(&mut cur, &mut out);
        } else {
            if !cur.is_empty() {
                cur.push(' ');
            }
            cur.push_str(t);
        }
    }
    end_para(&mut cur, &mut out);
    out
}

fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i..].find("-->") {
            Some(j) => rest = &rest[i + j + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// Removes HTML-like tags, keeping their content except for `DROP_TAGS`. `<br>` becomes a space.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let after = &rest[1..];
        let closing = after.starts_with('/');
        let name: String = after.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        let gt = rest.find('>');
        if name.is_empty() || gt.is_none() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            out.push('<');
            rest = after;
            continue;
        }
        let gt = gt.unwrap();
        let self_closing = rest[..gt].ends_with('/');
        let lname = name.to_ascii_lowercase();
        rest = &rest[gt + 1..];
        if lname == "br" {
            out.push(' ');
        } else if !closing && !self_closing && DROP_TAGS.contains(&lname.as_str()) {
            let close = format!("</{}", lname);
            match find_ci(rest, &close) {
                Some(j) => {
                    rest = &rest[j..];
                    rest = rest.find('>').map_or("", |k| &rest[k + 1..]);
                }
                None => rest = "",
            }
        }
    }
    out.push_str(rest);
    out
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// Removes `{{templates}}` and `{| tables |}`, which nest in each other.
fn strip_nested(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut stack: Vec<u8> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let two = if i + 1 < b.len() { [b[i], b[i + 1]] } else { [b[i], 0] };
        match &two {
            b"{{" => {
                stack.push(b'{');
                i += 2;
            }
            b"{|" => {
                stack.push(b'|');
                i += 2;
            }
            b"}}" if stack.last() == Some(&b'{') => {
                stack.pop();
                i += 2;
            }
            b"|}" if stack.last() == Some(&b'|') => {
                stack.pop();
                i += 2;
            }
            _ => {
                if stack.is_empty() {
                    out.push(b[i]);
                }
                i += 1;
            }
        }
    }
    // Only ASCII delimiters were removed, so the bytes are still UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// `[[target|label]]` -> label, `[[target]]` -> target; media, category and interwiki links go.
fn replace_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[[") {
        out.push_str(&rest[..i]);
        rest = &rest[i + 2..];
        // Find the matching "]]", allowing links nested inside (file captions).
        let (mut depth, mut j) = (1, 0);
        let b = rest.as_bytes();
        while j + 1 < b.len() && depth > 0 {
            if &b[j..j + 2] == b"[[" {
                depth += 1;
                j += 2;
            } else if &b[j..j + 2] == b"]]" {
                depth -= 1;
                j += 2;
            } else {
                j += 1;
            }
        }
        if depth > 0 {
            return out; // unclosed: drop the rest rather than leak markup
        }
        let inner = &rest[..j - 2];
        rest = &rest[j..];
        let target = inner.split('|').next().unwrap_or("");
        if is_non_text_link(target) {
            continue;
        }
        let label = if inner.contains("[[") { replace_links(inner) } else { inner.to_string() };
        out.push_str(label.rsplit('|').next().unwrap_or("").trim());
    }
    out.push_str(rest);
    out
}

/// `[http://x label]` -> label; `[http://x]` and bare URLs in brackets go.
fn replace_external_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('[') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let inner_start = &rest[1..];
        let is_url = ["http://", "https://", "//", "ftp://"].iter().any(|p| inner_start.starts_with(p));
        match (is_url, rest.find(']')) {
            (true, Some(j)) => {
                if let Some((_, label)) = rest[1..j].split_once(' ') {
                    out.push_str(label.trim());
                }
                rest = &rest[j + 1..];
            }
            _ => {
                out.push('[');
                rest = inner_start;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The HTML entities that occur in wikitext (after XML decoding), numeric ones included.
fn html_entities(s: &str) -> String {
    super::wiki::decode_entities(s, |n| {
        Some(match n {
            "nbsp" | "thinsp" | "ensp" | "emsp" => ' ',
            "ndash" => '\u{2013}',
            "mdash" => '\u{2014}',
            "minus" => '\u{2212}',
            "hellip" => '\u{2026}',
            "times" => '\u{d7}',
            "deg" => '\u{b0}',
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" | "rsquo" | "lsquo" => '\'',
            "ldquo" | "rdquo" => '"',
            "shy" | "zwj" | "zwnj" => '\u{ad}',
            _ => return None,
        })
    })
}

/// Whitespace collapsed, and the debris that removed templates leave: "( ; born" -> "(born",
/// "()" -> "", " ," -> ",".
fn tidy(s: &str) -> String {
    let mut t: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = t.len();
        for (from, to) in [
            ("( ", "("),
            (" )", ")"),
            ("(;", "("),
            ("(,", "("),
            ("()", ""),
            (" ,", ","),
            (" .", "."),
            (" ;", ";"),
            ("  ", " "),
            (",,", ","),
            (", .", "."),
        ] {
            t = t.replace(from, to);
        }
        if t.len() == before {
            break;
        }
    }
    t.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == ';').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes() {
        let w = "{{Infobox|a={{b|c}}|d=[[e]]}}\n'''Alain''' ({{IPA|x}}; born 1947) is a [[France|French]] [[mathematician]]s.<ref>{{cite|x}}</ref> See [http://x.org the site].\n\n== History ==\n{| class=\"w\"\n|-\n| cell {{t}}\n|}\n* a list item\nSecond [[File:X.jpg|thumb|A [[caption]] here]]paragraph&amp;nbsp;here.<!-- hidden -->\n==See also==\nGone.";
        let xml = super::super::wiki::unescape(w);
        let p = paragraphs(&xml);
        assert_eq!(p, vec!["Alain (born 1947) is a French mathematicians. See the site.", "Second paragraph here."]);
    }
}
