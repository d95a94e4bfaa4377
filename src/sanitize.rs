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

/// True for characters that show as nothing, or as a blank, where a key or a label is drawn:
/// controls, format characters (U+200B, U+2060, U+FEFF, the soft hyphen), marks that only
/// combine, and white space.
pub fn is_invisible(c: char) -> bool {
    use unicode_width::UnicodeWidthChar;
    is_unsafe(c) || c.is_whitespace() || c == '\u{AD}' || c.width().is_none_or(|width| width == 0)
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

/// Whether `text` holds a character [`is_unsafe`] finds, told from its bytes: every such
/// character starts with a byte below 0x20, 0x7F, or one of three lead bytes followed by the
/// right continuation, so text of any script is checked without decoding it (exports check
/// every cell).
pub fn has_unsafe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let after = |at: usize| bytes.get(at).copied();
    bytes.iter().enumerate().any(|(at, &byte)| match byte {
        0..=0x1F | 0x7F => true,
        // C1 controls, U+0080 to U+009F.
        0xC2 => matches!(after(at + 1), Some(0x80..=0x9F)),
        // U+061C.
        0xD8 => after(at + 1) == Some(0x9C),
        // U+200E, U+200F, U+202A to U+202E; U+2066 to U+2069.
        0xE2 => matches!(
            (after(at + 1), after(at + 2)),
            (Some(0x80), Some(0x8E | 0x8F | 0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        ),
        _ => false,
    })
}

/// `text` with every unsafe character replaced by its stand-in.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !has_unsafe(text) {
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

/// How much of a value a message quotes: enough to recognise it, never a whole file.
const QUOTED_CHARS: usize = 200;

/// How long a message may grow before its middle is left out.
const MESSAGE_CHARS: usize = 2000;

/// A value from outside (a file name, a line of a file, a configuration value) as a message
/// quotes it: unsafe characters visible, and the middle of a long value left out.
pub fn quoted(text: &str) -> String {
    shortened(&visible(text), QUOTED_CHARS)
}

/// A whole message for standard error: unsafe characters visible, and the middle left out if
/// it is very long. Values the message quotes may come from any file or setting, so nothing
/// in it is written as it is.
pub fn message(text: &str) -> String {
    shortened(&visible(text), MESSAGE_CHARS)
}

/// `text` if it has at most `limit` characters, else its start and end around a note saying
/// how many characters were left out.
fn shortened(text: &str, limit: usize) -> String {
    let count = text.chars().count();
    if count <= limit {
        return text.to_string();
    }
    let tail = limit / 4;
    let head = limit - tail;
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    format!(
        "{start}…[{} characters left out]…{end}",
        count - head - tail
    )
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
    fn unsafe_text_is_told_from_its_bytes_as_from_its_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(has_unsafe(&text), is_unsafe(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn escapes_become_visible() {
        assert_eq!(visible("a\u{1b}]52;c;ZXZpbA==\u{7}b"), "a␛]52;c;ZXZpbA==␇b");
        assert_eq!(visible("x\u{9b}2Jy"), "x<U+009B>2Jy");
        assert_eq!(visible("\u{202E}evil"), "<U+202E>evil");
        assert_eq!(visible("plain 한국어"), "plain 한국어");
    }

    #[test]
    fn invisible_characters_are_told_apart() {
        for c in [
            '\u{202E}', '\u{200B}', '\u{2060}', '\u{FEFF}', '\u{AD}', '\u{301}', '\u{3000}', ' ',
            '\u{1b}',
        ] {
            assert!(is_invisible(c), "{c:?}");
        }
        for c in ['q', 'G', '?', '한', '/', 'é'] {
            assert!(!is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn long_values_lose_their_middle() {
        assert_eq!(quoted("short\u{1b}[2J"), "short␛[2J");
        let long = format!("{}{}", "a".repeat(500), "z".repeat(500));
        let cut = quoted(&long);
        assert!(cut.starts_with(&"a".repeat(150)), "{cut}");
        assert!(cut.ends_with(&"z".repeat(50)), "{cut}");
        assert!(cut.contains("…[800 characters left out]…"), "{cut}");
        let message = message(&"x".repeat(100_000_000));
        assert!(message.chars().count() < 2100, "{}", message.len());
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
