//! Text from a file is data: this makes it safe to write to a terminal.
//!
//! Control characters (C0, DEL, C1) would let a transcript move the cursor, change the window
//! title or write the clipboard (OSC 52); bidirectional overrides would make text read in an
//! order other than the one stored. Each is replaced by a visible stand-in instead.

use std::borrow::Cow;

/// True for characters that must never be written to a terminal as they are.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// The visible stand-in for an unsafe character: Control Pictures (`␛`, `␇`) for C0 and DEL,
/// `<U+XXXX>` for C1 controls and bidirectional marks. A tab becomes a space.
pub fn stand_in(c: char) -> String {
    match c {
        '\t' => " ".to_string(),
        '\u{0}'..='\u{1F}' => {
            char::from_u32(0x2400 + c as u32).map_or_else(String::new, String::from)
        }
        '\u{7F}' => "␡".to_string(),
        _ => format!("<U+{:04X}>", c as u32),
    }
}

/// `text` with every unsafe character replaced by its stand-in.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&stand_in(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// JSON with every unsafe character that serde_json leaves as it is (DEL, C1 controls,
/// bidirectional marks) written as a `\uXXXX` escape: the same JSON to a parser, inert on a
/// terminal. serde_json escapes C0 inside strings, and outside them JSON is ASCII with line
/// breaks, so every such character is inside a string.
pub fn json(text: String) -> String {
    let left_by_serde = |c: char| is_unsafe(c) && c > '\u{1f}';
    if !text.chars().any(left_by_serde) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if left_by_serde(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(visible("a\u{1b}]52;c;ZXZpbA==\u{7}b"), "a␛]52;c;ZXZpbA==␇b");
        assert_eq!(visible("x\u{9b}2Jy"), "x<U+009B>2Jy");
        assert_eq!(visible("\u{202E}evil"), "<U+202E>evil");
        assert_eq!(visible("plain 한국어"), "plain 한국어");
    }

    #[test]
    fn json_escapes_what_serde_leaves() {
        let written = serde_json::to_string(&"a\u{1b}b\u{9b}c\u{202e}d\u{7f}").unwrap();
        let safe = json(written);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        assert_eq!(json("{\n  \"a\": 1\n}".into()), "{\n  \"a\": 1\n}");
        let back: String = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, "a\u{1b}b\u{9b}c\u{202e}d\u{7f}");
    }
}
