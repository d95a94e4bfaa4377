//! Hard-wrapped lines back into paragraphs.
//!
//! Plain-text transcripts are often wrapped at a fixed width with no blank line between
//! paragraphs. A line that ends a sentence while the next line's first word would still have
//! fitted on it was ended on purpose: that is a paragraph end. Blank lines and indentation mark
//! paragraphs too.

/// A line of the source with its 1-based number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourceLine<'a> {
    pub number: usize,
    pub text: &'a str,
    /// Characters that preceded `text` on its line (a speaker label), for width decisions.
    pub column: usize,
}

impl SourceLine<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Numbers the lines of `text`, starting at 1.
pub fn source_lines(text: &str) -> Vec<SourceLine<'_>> {
    text.split('\n')
        .enumerate()
        .map(|(index, text)| SourceLine {
            number: index + 1,
            text,
            column: 0,
        })
        .collect()
}

/// Lines longer than this are not hard-wrapped: each one is a paragraph of its own.
const UNWRAPPED_WIDTH: usize = 160;

/// The width the text was wrapped at: a high percentile of line lengths, so that a few
/// over-long lines do not move it.
pub fn wrap_width(lines: &[SourceLine<'_>]) -> usize {
    let mut lengths: Vec<usize> = lines
        .iter()
        .filter(|line| !line.is_blank())
        .map(|line| line.text.trim_end().chars().count())
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    lengths.sort_unstable();
    lengths[(lengths.len() * 95 / 100).min(lengths.len() - 1)]
}

/// Groups lines into paragraphs of non-blank lines.
pub fn paragraphs<'a>(lines: &[SourceLine<'a>], width: usize) -> Vec<Vec<SourceLine<'a>>> {
    let mut paragraphs: Vec<Vec<SourceLine<'a>>> = Vec::new();
    let mut current: Vec<SourceLine<'a>> = Vec::new();
    for line in lines {
        if line.is_blank() {
            flush(&mut current, &mut paragraphs);
            continue;
        }
        if let Some(previous) = current.last()
            && starts_paragraph(previous, line.text, width)
        {
            flush(&mut current, &mut paragraphs);
        }
        current.push(*line);
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

fn flush<'a>(current: &mut Vec<SourceLine<'a>>, paragraphs: &mut Vec<Vec<SourceLine<'a>>>) {
    if !current.is_empty() {
        paragraphs.push(std::mem::take(current));
    }
}

fn starts_paragraph(previous: &SourceLine<'_>, line: &str, width: usize) -> bool {
    if width > UNWRAPPED_WIDTH {
        return true;
    }
    if previous.column == 0 && indentation(line) >= indentation(previous.text) + 2 {
        return true;
    }
    if starts_with_delivery_note(line.trim_start()) {
        return true;
    }
    let previous_text = previous.text.trim_end();
    let previous_length = previous.column + previous_text.chars().count();
    let next_word = line.split_whitespace().next().unwrap_or("");
    ends_with_sentence_end(previous_text)
        && previous_length + 1 + next_word.chars().count() <= width
}

fn indentation(line: &str) -> usize {
    line.chars().take_while(|c| *c == ' ' || *c == '\t').count()
}

/// `[In English]` or `[Via interpreter]` at a line start begins a new paragraph of speech.
fn starts_with_delivery_note(line: &str) -> bool {
    line.starts_with('[')
        && line.find(']').is_some_and(|end| {
            super::annotate::classify(&line[1..end], '[')
                .is_some_and(|kind| kind.is_delivery_note())
        })
}

fn ends_with_sentence_end(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['"', '\'', '”', '’', ')', ']']);
    trimmed.ends_with(['.', '?', '!', '。', '？', '！']) && !trimmed.ends_with("..")
}

/// Joins a paragraph's lines with single spaces (see [`append`]).
pub fn join<'s>(lines: impl IntoIterator<Item = &'s str>) -> String {
    let mut out = String::new();
    for line in lines {
        append(&mut out, line);
    }
    out
}

/// Appends a line to a paragraph and returns the offset where it starts. A hyphen that ended
/// the previous line stays attached to the next word (`two-` + `way` is `two-way`; `--` + `and`
/// stays `-- and`); runs of white space, non-breaking spaces included, become one space.
pub fn append(out: &mut String, line: &str) -> usize {
    let line = line.trim();
    if line.is_empty() {
        return out.len();
    }
    if !out.is_empty() && !ends_with_word_hyphen(out) {
        out.push(' ');
    }
    let start = out.len();
    push_collapsed(out, line);
    start
}

fn ends_with_word_hyphen(text: &str) -> bool {
    let mut chars = text.chars().rev();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_alphanumeric)
}

/// Appends `text` with each run of white space as one space; `text` is trimmed.
fn push_collapsed(out: &mut String, text: &str) {
    if is_collapsed(text) {
        out.push_str(text);
        return;
    }
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Whether trimmed `text` has no white space but single ASCII spaces, checked by bytes: most
/// lines are like that, and decoding every character to find out is the slow path.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().all(|(at, &b)| match b {
        b' ' => bytes.get(at + 1) != Some(&b' '),
        b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => false,
        // Lead bytes of the non-ASCII white space characters (U+0085, U+00A0, U+1680,
        // U+2000-U+205F, U+3000): only those lines take the slow path.
        0xc2 | 0xe1 | 0xe2 | 0xe3 => !text[at..].starts_with(char::is_whitespace),
        _ => true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[Vec<SourceLine<'_>>]) -> Vec<String> {
        paragraphs
            .iter()
            .map(|p| join(p.iter().map(|l| l.text)))
            .collect()
    }

    #[test]
    fn white_space_collapses_the_same_on_both_paths() {
        for text in [
            "one two three",
            "one  two",
            "one\ttwo",
            "a\u{a0}b",
            "a\u{3000}b’s «c»",
            "한국어 文章。 日本語",
            "x \u{2003} y",
        ] {
            let mut fast = String::new();
            push_collapsed(&mut fast, text);
            let slow = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn short_line_ending_a_sentence_ends_the_paragraph() {
        let text = "peace -- a true paragon to the entire world.\n\
                    I once again welcome Secretary Blinken back to Korea. Under the current\n\
                    Government of Korea, this marks his third visit.";
        let lines = source_lines(text);
        assert_eq!(
            texts(&paragraphs(&lines, 80)),
            [
                "peace -- a true paragon to the entire world.",
                "I once again welcome Secretary Blinken back to Korea. Under the current Government of Korea, this marks his third visit."
            ]
        );
    }

    #[test]
    fn words_split_across_lines_are_rejoined() {
        assert_eq!(join(["Thank", "you."]), "Thank you.");
        assert_eq!(
            join(["hanbok", "--", "and the first"]),
            "hanbok -- and the first"
        );
        assert_eq!(join(["a two-", "way street"]), "a two-way street");
        assert_eq!(
            join(["relations.\u{a0}", "But\u{a0} first"]),
            "relations. But first"
        );
    }

    #[test]
    fn delivery_note_starts_a_paragraph() {
        let text =
            "And what do you believe is the cause of this?\n[In English] Mr. Secretary, thank you.";
        let lines = source_lines(text);
        assert_eq!(paragraphs(&lines, 30).len(), 2);
    }
}
