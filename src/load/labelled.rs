//! Labelled lines: `FOREIGN MINISTER CHO: text`, `Q    text`, `MODERATOR:` alone on a line.
//!
//! Covers State Department and White House transcripts, plain or Markdown with YAML front
//! matter, the Changelog's bold `**Name:**` labels, and transcription services' exports (Rev's
//! `Speaker 1 (00:00:01):`, Otter's `Jane Doe  0:00`). Labels are upper case (or the lone `Q`
//! of White House press questions), bold, or Title Case when they recur; they may be indented,
//! and may stand alone with the speech on the next line. Text with no label at all is
//! [`prose`].

use super::assemble::{self, Markup, WrappedTurn};
use super::clock::clock;
use super::document::Document;
use super::reflow::{self, SourceLine};
use super::{frontmatter, metadata, prose};
use crate::model::TimeSpan;
use std::borrow::Cow;
use std::collections::HashMap;

/// A label found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Label<'a> {
    pub label: &'a str,
    /// Byte offset in the line where the speech starts.
    pub rest: usize,
    /// Upper case (or a script without case): a label wherever it stands. A Title Case label
    /// (`Travis:`) only counts when it recurs, since prose lines can start that way too.
    pub strict: bool,
    /// When the turn starts, for labels that carry a time (`Speaker 1 (00:00:01):`).
    pub time: Option<f64>,
}

/// Reads a label at the start of `line`, if there is one: plain, bold (`**Name:** text`) or
/// opening a Markdown list item (`- NAME: text`).
pub fn label_at(line: &str) -> Option<Label<'_>> {
    let indent = indentation(line);
    if line[indent..].starts_with("**") {
        return bold_label(line, indent);
    }
    if line[indent..].starts_with("- ") {
        return plain_label(line, indent + 2);
    }
    plain_label(line, indent)
}

/// `**Amal Hussein:** Hello`, `**MODERATOR:**`, `**Name**: Hello`: Markdown sets the label in
/// bold, with the colon inside or after it. The bold makes it a label wherever it stands.
fn bold_label(line: &str, start: usize) -> Option<Label<'_>> {
    // Longer than a plain label: the bold marks it, and press releases quote people by name,
    // title and organisation (`**Ken Page, President, ACLU of Illinois, Springfield Chapter**:`).
    const MAX_WORDS: usize = 12;
    let inner = line[start..].strip_prefix("**")?;
    let close = inner.find("**")?;
    let after_bold = &inner[close + 2..];
    let (label, after) = match inner[..close]
        .strip_suffix(':')
        .or_else(|| inner[..close].strip_suffix('：'))
    {
        Some(label) => (label, after_bold),
        None => (
            &inner[..close],
            after_bold
                .strip_prefix(':')
                .or_else(|| after_bold.strip_prefix('：'))?,
        ),
    };
    let label = label.trim();
    let words = label.split_whitespace().count();
    let opens_as_name = label.starts_with(|c: char| c.is_alphabetic() && !c.is_lowercase());
    if !(1..=MAX_WORDS).contains(&words)
        || !opens_as_name
        || after.starts_with(|c: char| !c.is_whitespace())
    {
        return None;
    }
    Some(Label {
        label,
        rest: line.len() - after.trim_start().len(),
        strict: true,
        time: None,
    })
}

/// A plain label (`MS. JEAN-PIERRE:`, `Q    text`, `Speaker 2:`) starting at byte `indent`.
fn plain_label(line: &str, indent: usize) -> Option<Label<'_>> {
    let body = &line[indent..];
    if let Some(after_q) = body.strip_prefix('Q') {
        let gap: String = after_q.chars().take_while(|c| c.is_whitespace()).collect();
        let speech = &after_q[gap.len()..];
        let separated = gap.chars().count() >= 2 || gap.contains(['\t', '\u{a0}']);
        // After one ordinary space, only a question that opens like a sentence (`Q Thank
        // you`, `Q — the process`, `Q (Inaudible)`) is a label: `Q and A` is prose.
        let opens_sentence = gap == " "
            && speech.starts_with(|c: char| {
                c.is_uppercase() || matches!(c, '"' | '“' | '‘' | '—' | '–' | '(' | '[' | '…')
            });
        if (separated || opens_sentence) && !speech.is_empty() {
            return Some(Label {
                label: &body[..1],
                rest: indent + 1 + gap.len(),
                strict: true,
                time: None,
            });
        }
    }
    if let Some(label) = timed_label(line, indent) {
        return Some(label);
    }
    let colon = label_colon(body)?;
    let label = &body[..colon];
    let strict = label_strictness(label)?;
    let colon_len = body[colon..].chars().next().map_or(1, char::len_utf8);
    let after = &body[colon + colon_len..];
    if colon_len == 1 && after.starts_with(|c: char| !c.is_whitespace()) {
        // `ROK:U.S.` or a time `12:57` is not a label.
        return None;
    }
    let rest = indent + colon + colon_len + (after.len() - after.trim_start().len());
    Some(Label {
        label,
        rest,
        strict,
        time: None,
    })
}

/// Whether `label` is written as one: `Some(true)` in upper case (or a script without case),
/// `Some(false)` in Title Case, `None` when it is not a label at all.
fn label_strictness(label: &str) -> Option<bool> {
    // `MS.  JEAN-PIERRE:` has two spaces in places.
    let all_words: Vec<&str> = label.split_whitespace().collect();
    // `SPEAKER 2`, `Speaker 12`, `SPEAKER NUMBER 00001`: automatic transcripts number their
    // speakers, after a word (`H.R. 3537:` names a bill).
    let words = match all_words.split_last() {
        Some((last, named))
            if is_number(last)
                && named
                    .last()
                    .is_some_and(|word| word.chars().all(char::is_alphabetic)) =>
        {
            named
        }
        _ => &all_words[..],
    };
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let strict = (1..=7).contains(&words.len()) && words.iter().all(|w| is_strict_label_word(w));
    let loose = (1..=4).contains(&words.len())
        && words.iter().all(|w| is_title_case_word(w))
        && (words.len() == all_words.len() || is_numbered_role(words));
    ((strict || loose) && (letters >= 2 || label == "Q")).then_some(strict)
}

/// A label with the time its turn starts: `Speaker 1 (00:00:01):` (Rev), with the speech after
/// it or on the lines below, or `Jane Doe  0:00` alone on its line (Otter).
fn timed_label(line: &str, start: usize) -> Option<Label<'_>> {
    // Both times have a colon; most lines of speech have none, which a vectorised search
    // tells at once.
    memchr::memchr(b':', &line.as_bytes()[start..])?;
    let body = line[start..].trim_end();
    let (label, stamp, rest) = match body.find("):") {
        Some(close) => {
            let open = body[..close].rfind(" (")?;
            let after = &line[start + close + 2..];
            let rest = line.len() - after.trim_start().len();
            (&body[..open], &body[open + 2..close], rest)
        }
        None => {
            let (label, stamp) = body.rsplit_once(char::is_whitespace)?;
            (label, stamp, line.len())
        }
    };
    let label = label.trim_end();
    if !stamp.contains(':') || !stamp.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let time = clock(stamp)?;
    Some(Label {
        label,
        rest,
        strict: label_strictness(label)?,
        time: Some(time),
    })
}

/// The length in bytes of the spaces, tabs and no-break spaces that open `line`.
fn indentation(line: &str) -> usize {
    let bytes = line.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b' ' | b'\t' => at += 1,
            0xc2 if bytes.get(at + 1) == Some(&0xa0) => at += 2,
            _ => break,
        }
    }
    at
}

/// Where the colon that ends a label is: before the eighth word, since a label has at most
/// seven, so a line of speech is not searched to its end. Read by bytes, since every line of a
/// file is searched: the colons and separators are ASCII or have lead bytes of their own.
fn label_colon(body: &str) -> Option<usize> {
    const FULL_WIDTH_COLON: &[u8] = "：".as_bytes();
    const NO_BREAK_SPACE: &[u8] = "\u{a0}".as_bytes();
    let bytes = body.as_bytes();
    // Most lines have no colon at all, which a vectorised search tells at once.
    let last_colon = memchr::memrchr2(b':', FULL_WIDTH_COLON[0], bytes)?;
    let mut separators = 0;
    for (at, &b) in bytes[..=last_colon].iter().enumerate() {
        let separator = match b {
            b':' => return Some(at),
            b' ' => true,
            0xef if bytes[at..].starts_with(FULL_WIDTH_COLON) => return Some(at),
            0xc2 => bytes[at..].starts_with(NO_BREAK_SPACE),
            _ => false,
        };
        if separator {
            separators += 1;
            if separators >= 7 {
                return None;
            }
        }
    }
    None
}

/// `FOREIGN`, `MS.`, `JEAN-PIERRE`, or a word in a script without case (`사회자`, `主持人`).
fn is_strict_label_word(word: &str) -> bool {
    let uncased = |c: char| c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase();
    !word.is_empty()
        && word.chars().any(|c| c.is_uppercase() || uncased(c))
        && word
            .chars()
            .all(|c| c.is_uppercase() || uncased(c) || matches!(c, '.' | '\'' | '’' | '-'))
}

fn is_number(word: &str) -> bool {
    (1..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// `Speaker`, `Participant`: title-case words that a number follows in a label. Other
/// title-case words before a number (`In 2024:`) open prose, not a turn.
fn is_numbered_role(words: &[&str]) -> bool {
    const ROLES: &[&str] = &[
        "Speaker",
        "Participant",
        "Person",
        "Voice",
        "Caller",
        "Guest",
        "Interviewer",
        "Interviewee",
        "Respondent",
        "Reporter",
        "Unknown",
    ];
    matches!(words, [word] if ROLES.contains(word))
}

/// `Travis`, `Garrett-Harris`, `Dr.`
fn is_title_case_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
}

/// Markdown-specific clean-up of one body line: backslash escapes.
fn unescape_markdown(line: &str) -> Cow<'_, str> {
    if !line.contains('\\') {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    Cow::Owned(out)
}

/// How many lines are searched for a bold label, the sign of Markdown without front matter.
const MARKDOWN_EVIDENCE_LINES: usize = 1000;

/// Parses labelled-line text into a document.
pub fn parse(text: &str) -> Document {
    let all_lines: Vec<&str> = reflow::collect_lines(text);
    let mut document = Document::default();
    let front_matter_end = take_front_matter(&all_lines, &mut document);
    let body_start = front_matter_end.map_or(0, |end| end + 1);
    let markdown = front_matter_end.is_some() || has_bold_labels(&all_lines);
    let unescaped: Vec<Cow<'_, str>> = if markdown {
        all_lines
            .iter()
            .map(|line| unescape_markdown(line))
            .collect()
    } else {
        Vec::new()
    };
    let mut lines: Vec<SourceLine<'_>> = (0..all_lines.len())
        .map(|index| SourceLine {
            number: index + 1,
            text: unescaped.get(index).map_or(all_lines[index], |line| line),
            column: 0,
        })
        .collect();
    let labels = find_labels(&lines[body_start..]);
    let Some(&(first, _)) = labels.first() else {
        let markup = Markup {
            red_asterisks: false,
            struck_tags: markdown,
        };
        prose::read(
            &mut document,
            &all_lines[body_start..],
            &lines[body_start..],
            markup,
        );
        return document;
    };
    let last_label = labels.last().map_or(first, |&(index, _)| index);
    let footer_start = (last_label + 1..lines.len())
        .find(|&i| metadata::is_footer_start(lines[i].text))
        .unwrap_or(lines.len());
    let header: Vec<&str> = all_lines[body_start..first].to_vec();
    let footer: Vec<&str> = all_lines[footer_start..].to_vec();
    metadata::keep_header_and_footer(&header, &footer, &mut document.metadata);
    let mentions = |needle: &str| {
        footer
            .iter()
            .chain(header.iter())
            .any(|l| l.to_lowercase().contains(needle))
    };
    let markup = Markup {
        red_asterisks: !markdown && mentions("asterisk"),
        struck_tags: markdown,
    };
    let width = reflow::wrap_width(&lines[first..footer_start]);
    let mut turns = Vec::with_capacity(labels.len());
    for (n, &(index, label)) in labels.iter().enumerate() {
        let end = labels.get(n + 1).map_or(footer_start, |&(next, _)| next);
        let line = lines[index];
        // The turn's body opens with its label's line, from where the speech starts.
        lines[index] = SourceLine {
            number: line.number,
            text: &line.text[label.rest..],
            column: line.text[..label.rest].chars().count(),
        };
        let next_time = labels.get(n + 1).and_then(|(_, next)| next.time);
        turns.push(WrappedTurn {
            time: label.time.map(|start| TimeSpan {
                start,
                end: next_time.filter(|&end| end >= start),
            }),
            label: label.label,
            speaker: document.speakers.intern(label.label),
            first_line: line.number,
            body: index..end,
        });
    }
    document
        .turns
        .extend(assemble::wrapped_turns(&lines, &turns, width, markup));
    document
}

/// Reads the front matter, if the text opens with one, into `document` (its lines kept in the
/// header). Returns the front matter's closing line.
fn take_front_matter(all_lines: &[&str], document: &mut Document) -> Option<usize> {
    let end = frontmatter::closing_line(all_lines)?;
    read_front_matter(&all_lines[1..end], document);
    document
        .metadata
        .header
        .extend(all_lines[..=end].iter().map(|l| l.to_string()));
    Some(end)
}

/// Bold labels are Markdown's, with its backslash escapes (`\[01:46\]`).
fn has_bold_labels(all_lines: &[&str]) -> bool {
    all_lines
        .iter()
        .take(MARKDOWN_EVIDENCE_LINES)
        .any(|line| line.starts_with("**") && label_at(line).is_some())
}

fn read_front_matter(body: &[&str], document: &mut Document) {
    let metadata = &mut document.metadata;
    for (key, value) in frontmatter::parse(body) {
        let value = reflow::join_lines([value.as_str()].into_iter()).0;
        match key.as_str() {
            "title" => metadata.title = Some(value),
            "date" => metadata.date = Some(value),
            "source_url" | "source" | "url" => metadata.source = Some(value),
            "place" | "location" => metadata.place = Some(value),
            _ => {}
        }
    }
}

/// The lines that open a turn, with their labels. A label seen only once in the file, right
/// after a long line that stops mid-sentence, is more likely an upper-case word that wrapped
/// to the start of a line than a speaker.
fn find_labels<'a>(lines: &[SourceLine<'a>]) -> Vec<(usize, Label<'a>)> {
    let offset = lines.first().map_or(0, |l| l.number - 1);
    let mut in_code = false;
    let candidates: Vec<(usize, Label<'a>)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| {
            // A Markdown code block quotes text: a label in it does not open a turn.
            if is_fence(line.text) {
                in_code = !in_code;
            }
            let label = label_at(line.text).filter(|_| !in_code)?;
            Some((i + offset, label))
        })
        .collect();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, label) in &candidates {
        *counts.entry(label.label).or_default() += 1;
    }
    let labels: Vec<(usize, Label<'a>)> = candidates
        .into_iter()
        .filter(|&(index, label)| {
            let recurs = counts[label.label] > 1;
            recurs || label.strict && !follows_wrapped_prose(&lines[..index - offset])
        })
        .collect();
    // One Title Case label and no other is a speech addressing someone (`Your Highness:`),
    // not a dialogue.
    let lone_title_case = labels
        .iter()
        .all(|(_, label)| !label.strict && label.label == labels[0].1.label);
    if lone_title_case {
        return Vec::new();
    }
    labels
}

/// A line that opens or closes a Markdown code block: three backticks or tildes.
fn is_fence(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("```") || line.starts_with("~~~")
}

fn follows_wrapped_prose(before: &[SourceLine<'_>]) -> bool {
    const WRAPPED_LENGTH: usize = 50;
    before.last().is_some_and(|previous| {
        let text = previous.text.trim_end();
        text.chars().count() >= WRAPPED_LENGTH
            && text.ends_with(|c: char| c.is_lowercase() || c == ',' || c == ';')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_their_forms() {
        let found = |line| label_at(line).map(|l| (l.label, &line[l.rest..]));
        assert_eq!(
            found("FOREIGN MINISTER CHO: [Via interpreter] Good"),
            Some(("FOREIGN MINISTER CHO", "[Via interpreter] Good"))
        );
        assert_eq!(found("MODERATOR:"), Some(("MODERATOR", "")));
        assert_eq!(
            found("MS. JEAN-PIERRE:\u{a0} Hey."),
            Some(("MS. JEAN-PIERRE", "Hey."))
        );
        assert_eq!(found("Q\u{a0}\u{a0}\u{a0} Hello."), Some(("Q", "Hello.")));
        assert_eq!(
            found("   SECSTATE BLINKEN: Thanks"),
            Some(("SECSTATE BLINKEN", "Thanks"))
        );
        assert_eq!(
            label_at("Original Text Source: State.gov").map(|l| l.strict),
            Some(false)
        );
        assert_eq!(found("12:57 P.M. CET"), None);
        assert_eq!(
            found("MS.  JEAN-PIERRE:  Hey."),
            Some(("MS.  JEAN-PIERRE", "Hey."))
        );
        assert_eq!(found("Q and A"), None);
        assert_eq!(
            found("Q Thank you, Mr. President."),
            Some(("Q", "Thank you, Mr. President."))
        );
        assert_eq!(found("Q"), None);
        assert_eq!(
            found("사회자: 안녕하십니까."),
            Some(("사회자", "안녕하십니까."))
        );
        assert_eq!(found("主持人：大家好。"), Some(("主持人", "大家好。")));
        assert_eq!(label_at("Travis: Hello").map(|l| l.strict), Some(false));
        assert_eq!(
            label_at("SPEAKER 12: Yes").map(|l| l.label),
            Some("SPEAKER 12")
        );
        assert_eq!(
            label_at("Speaker 2: Yes").map(|l| l.label),
            Some("Speaker 2")
        );
        assert_eq!(label_at("In 2024: we grew").map(|l| l.label), None);
        assert_eq!(label_at("12: noon").map(|l| l.label), None);
        assert_eq!(
            label_at("SPEAKER NUMBER 00001: Yes").map(|l| l.label),
            Some("SPEAKER NUMBER 00001")
        );
        assert_eq!(
            label_at("H.R. 3537: Accelerating Access").map(|l| l.label),
            None
        );
        assert_eq!(found("So the question is: why"), None);
    }
}
