//! Words as the aligner reads them: a sentence split into words and their offsets, scripts
//! told apart (Hangul, Chinese characters), Korean particles stripped, and the runs that can
//! be names (katakana stretches, capitalised Latin words).

use super::word_lists::PARTICLES;

pub(super) fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

pub(super) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Whether `text` may hold a character from U+3000 on (kana, Han, Hangul): such a character's
/// UTF-8 starts with a byte of 0xE3 or more. Every mark looked for anywhere in a text (the
/// Korean, Japanese and Chinese negations and thanks) is written with them, so a text without
/// one (most English, curly quotes and dashes included) needs no search for any.
pub(super) fn may_hold_east_asian(text: &str) -> bool {
    text.bytes().any(|b| b >= 0xE3)
}

/// Splits text into words: runs of letters, digits and inner apostrophes, hyphens, commas
/// and periods between digits (`1,000`, `3.5`).
pub fn words(text: &str) -> Vec<&str> {
    word_spans(text).into_iter().map(|(_, w)| w).collect()
}

/// Words with their byte offsets. Read byte by byte, a character decoded only where a byte is
/// not ASCII: every sentence is split here, some several times.
pub(super) fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let bytes = text.as_bytes();
    // About a word per six bytes in English: most sentences fit without the vector growing,
    // which took a third of this function's time.
    let mut words = Vec::with_capacity(text.len() / 6 + 1);
    let mut push = |start: usize, end: usize| {
        let word = text[start..end].trim_end_matches(['\'', '’']);
        if !word.is_empty() {
            words.push((start, word));
        }
    };
    let mut start: Option<usize> = None;
    let mut previous_is_digit = false;
    let mut offset = 0;
    while offset < bytes.len() {
        let byte = bytes[offset];
        if byte.is_ascii_alphanumeric() {
            // A run of ASCII letters and digits, most of any text, is taken in one step.
            start.get_or_insert(offset);
            let run = bytes[offset..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - offset);
            offset += run;
            previous_is_digit = bytes[offset - 1].is_ascii_digit();
            continue;
        }
        let (length, alphanumeric, apostrophe, separator) = if byte.is_ascii() {
            let separator = matches!(byte, b',' | b'.');
            (1, byte.is_ascii_alphanumeric(), byte == b'\'', separator)
        } else {
            let c = text[offset..].chars().next().unwrap_or(' ');
            (c.len_utf8(), c.is_alphanumeric(), c == '’', false)
        };
        // A comma or period between digits belongs to the number (`1,000`, `3.5`).
        let between_digits =
            || previous_is_digit && bytes.get(offset + length).is_some_and(u8::is_ascii_digit);
        let inner = apostrophe && start.is_some() || separator && between_digits();
        if alphanumeric || inner {
            start.get_or_insert(offset);
        } else if let Some(s) = start.take() {
            push(s, offset);
        }
        previous_is_digit = byte.is_ascii_digit();
        offset += length;
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    words
}

/// Katakana stretches (`ブリンケン`, `ムン・ジェヨン`): in Japanese, foreign names.
pub(super) fn katakana_runs(text: &str) -> Vec<&str> {
    let is_katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・');
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for (offset, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_katakana(c), start) {
            (true, None) => start = Some(offset),
            (false, Some(s)) => {
                if text[s..offset].chars().count() >= 2 {
                    runs.push(&text[s..offset]);
                }
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// Multi-word names written in Latin script (`Cho Tae-yul`, `New Orleans`): every stretch of
/// two or more words within a run of capitalised words joined by a space or a hyphen (with
/// hyphenated lower-case parts), so that the name is found inside `Foreign Minister Cho Tae-yul`.
pub(super) fn name_runs(text: &str, spans: &[(usize, &str)]) -> Vec<String> {
    const LONGEST: usize = 4;
    let mut names = Vec::new();
    for run in capitalised_runs(text, spans) {
        for start in 0..run.len() {
            for end in start + 2..=(start + LONGEST).min(run.len()) {
                names.push(run[start..end].concat());
            }
        }
    }
    names
}

fn capitalised_runs<'t>(text: &str, spans: &[(usize, &'t str)]) -> Vec<Vec<&'t str>> {
    let mut runs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut previous_end = 0;
    for &(offset, word) in spans {
        let separator = &text[previous_end.min(offset)..offset];
        let joined_by_hyphen = separator == "-";
        let capitalized = word.starts_with(|c: char| c.is_uppercase());
        let continues =
            !current.is_empty() && (separator == " " && capitalized || joined_by_hyphen);
        if !continues {
            if current.len() >= 2 {
                runs.push(std::mem::take(&mut current));
            }
            current.clear();
        }
        if capitalized || continues {
            current.push(word);
        }
        previous_end = offset + word.len();
    }
    if current.len() >= 2 {
        runs.push(current);
    }
    runs
}

pub(super) fn strip_particle(word: &str) -> &str {
    PARTICLES
        .iter()
        .find_map(|p| {
            word.strip_suffix(p)
                .filter(|rest| rest.chars().count() >= 1)
        })
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_searched_for_is_east_asian() {
        use crate::align::word_lists::{NEGATION_MARKS, THANKS_MARKS};
        for mark in NEGATION_MARKS.iter().chain(THANKS_MARKS) {
            assert!(may_hold_east_asian(mark), "{mark}");
        }
        assert!(!may_hold_east_asian("“Thank you — not now,” he said… ½ °C"));
    }

    #[test]
    fn words_keep_apostrophes_inside_and_numbers_whole() {
        let text = "It's 1,000.5 km, don't—U.S. 'hi' Blinken’s 한국어와 x9,y";
        assert_eq!(
            words(text),
            [
                "It's",
                "1,000.5",
                "km",
                "don't",
                "U",
                "S",
                "hi",
                "Blinken’s",
                "한국어와",
                "x9",
                "y"
            ]
        );
        assert_eq!(word_spans(text)[2], (13, "km"));
        assert_eq!(words("  "), Vec::<&str>::new());
        assert_eq!(words("end2"), ["end2"]);
    }
}
