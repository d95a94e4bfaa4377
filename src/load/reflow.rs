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
        // A line that opens with a printable ASCII character, as nearly all do, is not blank.
        match self.text.as_bytes().first() {
            None => true,
            Some(b) if b.is_ascii_graphic() => false,
            Some(_) => self.text.trim_start().is_empty(),
        }
    }
}

/// The lines of `text`, as `text.split('\n')` gives them, found with a vectorised search: every
/// format splits whole files into lines, and the standard library's search is several times
/// slower on lines of transcript length.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        let from = start;
        match ends.next() {
            Some(end) => {
                start = end + 1;
                Some(&text[from..end])
            }
            None if from <= text.len() => {
                start = text.len() + 1;
                Some(&text[from..])
            }
            None => None,
        }
    })
}

/// The lines of `text` in a vector, sized at once: counting line ends costs next to nothing.
pub fn collect_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    lines.extend(split_lines(text));
    lines
}

/// Numbers `lines`, starting at 1.
pub fn source_lines<'a>(lines: &[&'a str]) -> Vec<SourceLine<'a>> {
    lines
        .iter()
        .enumerate()
        .map(|(index, &text)| SourceLine {
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
        .map(|line| char_count(line.text.trim_end()))
        .collect();
    if lengths.is_empty() {
        return 0;
    }
    let rank = (lengths.len() * 95 / 100).min(lengths.len() - 1);
    *lengths.select_nth_unstable(rank).1
}

/// Groups lines into paragraphs of non-blank lines, each a run of `lines`.
pub fn paragraphs<'s, 'a>(lines: &'s [SourceLine<'a>], width: usize) -> Vec<&'s [SourceLine<'a>]> {
    let mut paragraphs = Vec::new();
    let mut start = None;
    for (index, line) in lines.iter().enumerate() {
        if line.is_blank() {
            if let Some(first) = start.take() {
                paragraphs.push(&lines[first..index]);
            }
            continue;
        }
        match start {
            None => start = Some(index),
            Some(first) if starts_paragraph(&lines[index - 1], line.text, width) => {
                paragraphs.push(&lines[first..index]);
                start = Some(index);
            }
            Some(_) => {}
        }
    }
    if let Some(first) = start {
        paragraphs.push(&lines[first..]);
    }
    paragraphs
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
    if !ends_with_sentence_end(previous_text) {
        return false;
    }
    let previous_length = previous.column + char_count(previous_text);
    let next_word = line.split_whitespace().next().unwrap_or("");
    previous_length + 1 + char_count(next_word) <= width
}

/// The number of characters in `text`. Most lines are ASCII, which the standard library
/// tells far sooner than it counts characters.
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
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
    trimmed.ends_with(['.', '?', '!', '。', '？', '！'])
        && !trimmed.ends_with("..")
        && !super::sentences::ends_with_title(trimmed)
}

/// Joins a paragraph's lines into one text, and returns it with the offset where each line
/// starts in it. A hyphen that ended a line stays attached to the next word (`two-` + `way`
/// is `two-way`; `--` + `and` stays `-- and`); runs of white space, non-breaking spaces
/// included, become one space.
pub fn join_lines<'s>(lines: impl Iterator<Item = &'s str> + Clone) -> (String, Vec<usize>) {
    let (count, capacity) = lines.clone().fold((0, 0), |(count, bytes), line| {
        (count + 1, bytes + line.len() + 1)
    });
    let mut text = String::with_capacity(capacity);
    let mut starts = Vec::with_capacity(count);
    // Most paragraphs have no white space to collapse: they are joined as they are, and the
    // whole text checked once, which costs far less than checking line by line.
    for line in lines.clone() {
        starts.push(append(&mut text, line, String::push_str));
    }
    if !is_collapsed(&text) {
        text.clear();
        starts.clear();
        for line in lines {
            starts.push(append(&mut text, line, push_collapsed));
        }
    }
    (text, starts)
}

/// Appends a trimmed line to a paragraph with `push`, and returns the offset where it starts.
fn append(out: &mut String, line: &str, push: fn(&mut String, &str)) -> usize {
    let line = line.trim();
    if line.is_empty() {
        return out.len();
    }
    if !out.is_empty() && !ends_with_word_hyphen(out) {
        out.push(' ');
    }
    let start = out.len();
    push(out, line);
    start
}

fn ends_with_word_hyphen(text: &str) -> bool {
    let mut chars = text.chars().rev();
    chars.next() == Some('-') && chars.next().is_some_and(char::is_alphanumeric)
}

/// Appends `text` with each run of white space as one space.
fn push_collapsed(out: &mut String, text: &str) {
    for (index, word) in text.split_whitespace().enumerate() {
        if index > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Whether trimmed `text` has no white space but single ASCII spaces, checked with vectorised
/// searches rather than by decoding every character.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Folds without a branch per byte, which the compiler vectorises.
    let ascii_control = bytes
        .iter()
        .fold(false, |seen, &b| seen | (b.wrapping_sub(b'\t') < 5));
    let double_space = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .fold(false, |seen, (&a, &b)| seen | (a == b' ' && b == b' '));
    if ascii_control || double_space {
        return false;
    }
    // Lead bytes of the non-ASCII white space characters (U+0085, U+00A0, U+1680,
    // U+2000-U+205F, U+3000).
    let wide_space = |at: usize| text[at..].starts_with(char::is_whitespace);
    text.is_ascii()
        || !(memchr::memchr3_iter(0xc2, 0xe2, 0xe3, bytes).any(wide_space)
            || memchr::memchr_iter(0xe1, bytes).any(wide_space))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(paragraphs: &[&[SourceLine<'_>]]) -> Vec<String> {
        paragraphs
            .iter()
            .map(|p| join(p.iter().map(|l| l.text)))
            .collect()
    }

    #[test]
    fn lines_split_as_the_standard_library_does() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\na\n\n", "한\n국\n"] {
            let ours: Vec<&str> = split_lines(text).collect();
            let std: Vec<&str> = text.split('\n').collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    fn join<'s>(lines: impl IntoIterator<Item = &'s str, IntoIter: Clone>) -> String {
        join_lines(lines.into_iter()).0
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
            let slow = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(join([text]), slow, "{text:?}");
            assert_eq!(is_collapsed(text), text == slow, "{text:?}");
        }
    }

    #[test]
    fn lines_start_where_they_are_joined() {
        let lines = ["  Thank ", "you,  all", "", "two-", "way."];
        let (text, starts) = join_lines(lines.into_iter());
        assert_eq!(text, "Thank you, all two-way.");
        assert_eq!(starts, [0, 6, 14, 15, 19]);
    }

    #[test]
    fn a_line_ending_with_a_title_does_not_end_the_paragraph() {
        let text = "We are grateful for the hospitality, and thank you, Mr.\n\
                    President. It is good to be here.";
        let lines = source_lines(&collect_lines(text));
        assert_eq!(
            texts(&paragraphs(&lines, 72)),
            [
                "We are grateful for the hospitality, and thank you, Mr. President. It is good to be here."
            ]
        );
    }

    #[test]
    fn short_line_ending_a_sentence_ends_the_paragraph() {
        let text = "peace -- a true paragon to the entire world.\n\
                    I once again welcome Secretary Blinken back to Korea. Under the current\n\
                    Government of Korea, this marks his third visit.";
        let lines = source_lines(&collect_lines(text));
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
        let lines = source_lines(&collect_lines(text));
        assert_eq!(paragraphs(&lines, 30).len(), 2);
    }
}
