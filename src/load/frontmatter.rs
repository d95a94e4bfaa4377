//! YAML front matter of Markdown transcripts: a flat map of scalars between `---` lines.
//!
//! Only flat `key: value` maps are read, with plain, single-quoted and double-quoted scalars
//! (continued over indented lines, with YAML's escapes such as `\_` for a non-breaking space).
//! Anything else stays in the raw header, which is kept in full.

/// Where the front matter ends: the index of the closing `---` line, if `lines` open with one.
pub fn closing_line(lines: &[&str]) -> Option<usize> {
    if lines.first()?.trim_end() != "---" {
        return None;
    }
    lines
        .iter()
        .skip(1)
        .position(|line| matches!(line.trim_end(), "---" | "..."))
        .map(|i| i + 1)
}

/// The `key: value` pairs of the front matter body (the lines between the `---` markers).
pub fn parse(body: &[&str]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut raw_value = String::new();
    let mut key: Option<String> = None;
    for line in body {
        let is_continuation = line.starts_with([' ', '\t']);
        match (is_continuation, line.split_once(':')) {
            (false, Some((k, v))) if !k.trim().is_empty() => {
                if let Some(k) = key.take() {
                    pairs.push((k, scalar(&raw_value)));
                }
                key = Some(k.trim().to_string());
                raw_value = v.trim().to_string();
            }
            _ => {
                raw_value.push('\n');
                raw_value.push_str(line);
            }
        }
    }
    if let Some(k) = key {
        pairs.push((k, scalar(&raw_value)));
    }
    pairs
}

fn scalar(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(inner) = raw.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        double_quoted(inner)
    } else if let Some(inner) = raw.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')) {
        fold(inner).replace("''", "'")
    } else {
        fold(raw)
    }
}

/// Line folding: line breaks inside a scalar become spaces, indentation is dropped.
fn fold(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn double_quoted(inner: &str) -> String {
    let mut out = String::new();
    let mut lines = inner.split('\n').peekable();
    while let Some(line) = lines.next() {
        let is_last = lines.peek().is_none();
        let line = if out.is_empty() {
            line
        } else {
            line.trim_start()
        };
        let (line, escaped_break) = match line.strip_suffix('\\') {
            Some(rest) if !rest.ends_with('\\') => (rest, true),
            _ => (if is_last { line } else { line.trim_end() }, false),
        };
        unescape_into(line, &mut out);
        if !is_last && !escaped_break {
            out.push(' ');
        }
    }
    out
}

fn unescape_into(text: &str, out: &mut String) {
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('_') => out.push('\u{a0}'),
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('"') => out.push('"'),
            Some('\\') => out.push('\\'),
            Some('/') => out.push('/'),
            Some(' ') => out.push(' '),
            Some('N') => out.push('\u{85}'),
            Some(kind @ ('x' | 'u' | 'U')) => {
                let digits = match kind {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let hex: String = chars.clone().take(digits).collect();
                match code_point(&hex, digits) {
                    Some(c) => {
                        out.push(c);
                        chars.nth(digits - 1);
                    }
                    // Not an escape YAML knows: kept as written rather than lost.
                    None => {
                        out.push('\\');
                        out.push(kind);
                    }
                }
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
}

/// The character that `digits` hexadecimal digits name (`2013` for an en dash).
fn code_point(hex: &str, digits: usize) -> Option<char> {
    if hex.len() != digits || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    char::from_u32(u32::from_str_radix(hex, 16).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_house_front_matter() {
        let body = [
            "date: '2022-03-10'",
            "title: \"Remarks by President\\_Biden and Prime Minister Kishida Fumio of Japan in Joint\\",
            "  \\ Press\\_Conference\"",
            "tags: speeches-remarks",
        ];
        let pairs = parse(&body);
        assert_eq!(pairs[0], ("date".into(), "2022-03-10".into()));
        assert_eq!(
            pairs[1].1,
            "Remarks by President\u{a0}Biden and Prime Minister Kishida Fumio of Japan in Joint Press\u{a0}Conference"
        );
        assert_eq!(pairs[2].1, "speeches-remarks");
    }

    #[test]
    fn unicode_escapes_are_read() {
        let pairs = parse(&[
            r#"title: "Remarks of President Joe\_Biden \u2013 State of the Union \x41\U0001F600 \uZZ""#,
        ]);
        assert_eq!(
            pairs[0].1,
            "Remarks of President Joe\u{a0}Biden \u{2013} State of the Union A\u{1F600} \\uZZ"
        );
    }

    #[test]
    fn front_matter_must_close() {
        assert_eq!(closing_line(&["---", "a: b", "---", "text"]), Some(2));
        assert_eq!(closing_line(&["---", "a: b", "text"]), None);
    }
}
