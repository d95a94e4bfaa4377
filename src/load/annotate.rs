//! Recognising annotations in speech: bracketed notes, stage directions, marked spans.
//!
//! Square brackets in a transcript are always an editor's voice. Parentheses are only an
//! annotation when their content says so (`(inaudible)`, `(Laughter.)`); otherwise they are
//! the speaker's own words and stay plain text.

use crate::model::AnnotationKind;
use std::ops::Range;

/// An annotation found in a text, by byte range (delimiters included).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: AnnotationKind,
    pub range: Range<usize>,
}

impl AnnotationKind {
    /// Notes on how the following speech was delivered, which stand before it.
    pub fn is_delivery_note(self) -> bool {
        matches!(
            self,
            AnnotationKind::Interpretation | AnnotationKind::Language
        )
    }
}

const LANGUAGES: &[&str] = &[
    "english",
    "korean",
    "japanese",
    "chinese",
    "mandarin",
    "cantonese",
    "french",
    "german",
    "spanish",
    "russian",
    "arabic",
    "polish",
    "ukrainian",
    "italian",
    "portuguese",
    "hindi",
    "vietnamese",
    "hebrew",
    "turkish",
    "dutch",
    "persian",
    "farsi",
    "indonesian",
    "thai",
];

/// Notes that say the speech came through an interpreter.
const INTERPRETATION_NOTES: &[&str] = &[
    "via interpret",
    "as interpreted",
    "through interpret",
    "through an interpret",
    "interpreted",
    "interpretation",
    "as translated",
    "translated",
    "通訳",
    "통역",
    "口译",
];

/// Notes that say the speech could not be heard.
const INAUDIBLE_NOTES: &[&str] = &[
    "inaudible",
    "unintelligible",
    "indiscernible",
    "crosstalk",
    "cross talk",
    "cross-talk",
    "audio cut",
    "audio drop",
    "off mic",
    "off-mic",
    "no audio",
    "technical difficult",
    "聴取不能",
    "聞き取れず",
    "청취 불가",
    "听不清",
];

/// Notes on how the room reacted.
const REACTION_NOTES: &[&str] = &[
    "laughter",
    "laughs",
    "laughing",
    "applause",
    "cheers",
    "cheering",
    "booing",
    "chuckles",
    "chuckling",
    "sighs",
    "pause",
    "silence",
    "audience",
    "拍手",
    "笑い",
    "笑",
    "歓声",
    "掌声",
    "笑声",
    "박수",
    "웃음",
    "환호",
];

/// What kind of annotation a bracketed note is, from its content without delimiters.
/// Square-bracketed content is at least editorial; parenthesised content must match.
pub fn classify(inner: &str, open: char) -> Option<AnnotationKind> {
    let lower = inner
        .trim()
        .trim_end_matches(['.', ':'])
        .trim()
        .to_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    let kind = if starts(INTERPRETATION_NOTES) {
        Some(AnnotationKind::Interpretation)
    } else if is_language_note(&lower) {
        Some(AnnotationKind::Language)
    } else if starts(INAUDIBLE_NOTES) {
        Some(AnnotationKind::Inaudible)
    } else if starts(REACTION_NOTES) {
        Some(AnnotationKind::Reaction)
    } else if lower.contains("music") || starts(&["sound", "bell", "gavel", "video plays", "beep"])
    {
        Some(AnnotationKind::Sound)
    } else if is_clock_time(&lower) {
        Some(AnnotationKind::Timestamp)
    } else if open == '(' && is_stage_direction(inner) {
        Some(AnnotationKind::Reaction)
    } else if lower == "sic" || open == '[' {
        Some(AnnotationKind::Editorial)
    } else {
        None
    };
    kind.filter(|_| !inner.trim().is_empty())
}

/// `(Points to himself.)`: a capitalised description closed by a period inside the brackets,
/// which speech in parentheses never is.
fn is_stage_direction(inner: &str) -> bool {
    let inner = inner.trim();
    inner.starts_with(char::is_uppercase)
        && inner.ends_with('.')
        && inner.split_whitespace().count() <= 8
}

fn is_language_note(lower: &str) -> bool {
    let rest = lower
        .strip_prefix("in ")
        .or_else(|| lower.strip_prefix("speaks "))
        .or_else(|| lower.strip_prefix("speaking "))
        .or_else(|| lower.strip_prefix("speaks in "))
        .or_else(|| lower.strip_prefix("speaking in "));
    rest.is_some_and(|rest| LANGUAGES.contains(&rest.trim_start_matches("in ").trim()))
}

fn is_clock_time(lower: &str) -> bool {
    let digits_and_colons = lower.split_whitespace().next().is_some_and(|w| {
        w.contains(':')
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    });
    digits_and_colons && lower.len() <= 20
}

/// Longest bracketed note we accept; a longer "note" is more likely unbalanced punctuation.
const MAX_NOTE: usize = 200;

/// Full-width brackets (`（拍手）`, `［通訳］`), read as their ASCII counterparts. All four start
/// with this byte in UTF-8.
const FULL_WIDTH_LEAD: u8 = 0xEF;
const FULL_WIDTH_BRACKETS: [(char, char, char); 2] = [('（', '）', '('), ('［', '］', '[')];

/// Annotations inside `text`: every `[...]`, and `(...)` whose content is a known note, in
/// ASCII or full-width brackets.
pub fn find_inline(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut search_from = 0;
    // Brackets are ASCII or open with one lead byte, so a byte search finds them without
    // decoding the text.
    while let Some(offset) =
        memchr::memchr3(b'[', b'(', FULL_WIDTH_LEAD, &text.as_bytes()[search_from..])
    {
        let start = search_from + offset;
        match note_at(text, start) {
            Some(note) => {
                search_from = note.range.end;
                found.push(note);
            }
            None => search_from = start + 1,
        }
    }
    found
}

/// The annotation whose opening bracket is at byte `start` of `text`, if it is one.
fn note_at(text: &str, start: usize) -> Option<Found> {
    let bytes = text.as_bytes();
    let (open, close) = match bytes.get(start)? {
        b'[' => (b'[', b']'),
        b'(' => (b'(', b')'),
        &FULL_WIDTH_LEAD => return full_width_note_at(text, start),
        _ => return None,
    };
    let inner_start = start + 1;
    let window = &bytes[inner_start..(inner_start + MAX_NOTE).min(bytes.len())];
    let inner_len = matching_close(window, open, close)?;
    let inner = &text[inner_start..inner_start + inner_len];
    let kind = classify(inner, char::from(open))?;
    Some(Found {
        kind,
        range: start..inner_start + inner_len + 1,
    })
}

/// The annotation in full-width brackets at byte `start`, if there is one there (not nested:
/// full-width notes are short words such as `（拍手）`).
fn full_width_note_at(text: &str, start: usize) -> Option<Found> {
    let rest = text.get(start..)?;
    let &(open, close, ascii) = FULL_WIDTH_BRACKETS
        .iter()
        .find(|(open, _, _)| rest.starts_with(*open))?;
    let inner_start = start + open.len_utf8();
    let inner_len = text[inner_start..].find(close).filter(|&n| n <= MAX_NOTE)?;
    let inner = &text[inner_start..inner_start + inner_len];
    if inner.contains(open) {
        return None;
    }
    let kind = classify(inner, ascii)?;
    Some(Found {
        kind,
        range: start..inner_start + inner_len + close.len_utf8(),
    })
}

/// Length of the content up to the bracket that closes the one just opened, allowing nesting.
/// Brackets are ASCII, which never occurs inside a multi-byte character, so bytes will do.
fn matching_close(window: &[u8], open: u8, close: u8) -> Option<usize> {
    let mut depth = 0usize;
    for offset in memchr::memchr2_iter(open, close, window) {
        if window[offset] == open {
            depth += 1;
        } else if depth == 0 {
            return Some(offset);
        } else {
            depth -= 1;
        }
    }
    None
}

/// Delivery notes (`[Via interpreter]`, `(As interpreted.)`) at the very start of `text` and
/// followed by speech. Returns them in order; the speech starts after the last one.
pub fn leading_delivery_notes(text: &str) -> Vec<Found> {
    let mut notes = Vec::new();
    let mut position = text.len() - text.trim_start().len();
    while let Some(note) = note_at(text, position) {
        let after = note.range.end;
        if !note.kind.is_delivery_note() || text[after..].trim().is_empty() {
            break;
        }
        notes.push(note);
        position = after + (text[after..].len() - text[after..].trim_start().len());
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(AnnotationKind, &str)> {
        find_inline(text)
            .into_iter()
            .map(|f| (f.kind, &text[f.range]))
            .collect()
    }

    #[test]
    fn brackets_and_known_parentheses_are_annotations() {
        assert_eq!(
            kinds(
                "explosive (inaudible), and (with use subject to) Katchi kapshida [\"We go together\"]. (Laughter.) (Points to himself.)"
            ),
            [
                (AnnotationKind::Inaudible, "(inaudible)"),
                (AnnotationKind::Editorial, "[\"We go together\"]"),
                (AnnotationKind::Reaction, "(Laughter.)"),
                (AnnotationKind::Reaction, "(Points to himself.)"),
            ]
        );
    }

    #[test]
    fn delivery_notes_lead_the_speech() {
        let text = "[Via interpreter] [In English] Good afternoon.";
        let notes = leading_delivery_notes(text);
        assert_eq!(notes.len(), 2);
        assert_eq!(&text[notes[1].range.clone()], "[In English]");
        assert_eq!(classify("In English", '['), Some(AnnotationKind::Language));
        assert_eq!(
            classify("As interpreted.", '('),
            Some(AnnotationKind::Interpretation)
        );
    }

    #[test]
    fn a_lone_note_is_not_taken_out() {
        assert!(leading_delivery_notes("(As interpreted.)").is_empty());
    }

    #[test]
    fn full_width_notes_are_annotations() {
        assert_eq!(
            kinds("ありがとうございました。（拍手）（笑い） ［通訳］ （ここは本文）"),
            [
                (AnnotationKind::Reaction, "（拍手）"),
                (AnnotationKind::Reaction, "（笑い）"),
                (AnnotationKind::Interpretation, "［通訳］"),
            ]
        );
        assert_eq!(
            kinds("감사합니다. （박수）"),
            [(AnnotationKind::Reaction, "（박수）")]
        );
        assert!(kinds("（未完").is_empty());
    }

    #[test]
    fn unbalanced_brackets_are_text() {
        assert!(find_inline("a [b (c").is_empty());
        assert_eq!(
            kinds("[a [b] c]"),
            [(AnnotationKind::Editorial, "[a [b] c]")]
        );
    }
}
