//! Subtitles: SubRip (`.srt`) and WebVTT (`.vtt`) cues merged into turns and sentences.
//!
//! A cue names its speaker with a WebVTT voice tag (`<v Sarah>`) or a `Name:` prefix; a cue
//! without one continues the current speaker, because subtitle files name the speaker only
//! where the turn starts and split sentences across cues freely. Cue times are kept on the
//! sentences and turns.

use super::assemble::{Markup, Piece, TurnDraft};
use super::clock::clock;
use super::document::Document;
use super::{entities, labelled, reflow};
use crate::model::TimeSpan;
use std::borrow::Cow;

/// A pause this long after a finished sentence starts a new paragraph.
const PARAGRAPH_PAUSE: f64 = 2.0;

/// True when the text opens like a SubRip file: a cue number, then a timing line.
/// A cue number above a timing line, within the first lines: the first cue may be damaged
/// (`00:00:99,000 --> garbage`) and the file still be SubRip.
pub fn looks_like_srt(text: &str) -> bool {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(50)
        .collect();
    let starts_with_cue_number = lines
        .first()
        .is_some_and(|first| first.bytes().all(|b| b.is_ascii_digit()));
    starts_with_cue_number
        && lines
            .windows(2)
            .any(|pair| pair[0].bytes().all(|b| b.is_ascii_digit()) && arrow(pair[1]).is_some())
}

/// One cue: where it stands, its time when readable, and its text lines cleaned and joined.
struct Cue<'a> {
    first_line: usize,
    last_line: usize,
    time: Option<TimeSpan>,
    text: Cow<'a, str>,
}

impl<'a> Cue<'a> {
    fn new(first_line: usize, lines: &[&'a str], time: Option<TimeSpan>, text_from: usize) -> Self {
        Cue {
            first_line,
            last_line: first_line + lines.len() - 1,
            time,
            text: cue_text(&lines[text_from.min(lines.len())..]),
        }
    }
}

/// Parses `HH:MM:SS,mmm --> HH:MM:SS,mmm` (SRT) or `MM:SS.mmm --> ...` plus cue settings (VTT).
fn timing(line: &str) -> Option<TimeSpan> {
    let arrow = arrow(line)?;
    let (start, rest) = (&line[..arrow], line[arrow + 3..].trim_start());
    // The end time, before any WebVTT cue settings.
    let end = &rest[..rest.find(char::is_whitespace).unwrap_or(rest.len())];
    let start = clock(start.trim())?;
    let end = clock(end)?;
    Some(TimeSpan {
        start,
        end: Some(end.max(start)),
    })
}

/// Where the `-->` of a timing line is. Every cue has one, and a plain loop over the bytes
/// finds it faster in a line this short than a substring search that must be set up first.
fn arrow(line: &str) -> Option<usize> {
    line.as_bytes()
        .windows(3)
        .position(|w| w[0] == b'-' && w[1] == b'-' && w[2] == b'>')
}

fn is_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

/// Calls `each` with every block of non-blank lines and the 1-based number of its first line.
/// A subtitle file has a line in every twenty bytes or so: they are gathered block by block
/// rather than all at once.
fn for_each_block<'a>(text: &'a str, mut each: impl FnMut(usize, &[&'a str])) {
    let mut block = Vec::new();
    let mut first = 0;
    for (index, line) in reflow::split_lines(text).enumerate() {
        if line.trim_start().is_empty() {
            if !block.is_empty() {
                each(first + 1, &block);
                block.clear();
            }
        } else {
            if block.is_empty() {
                first = index;
            }
            block.push(line);
        }
    }
    if !block.is_empty() {
        each(first + 1, &block);
    }
}

pub fn parse_srt(text: &str) -> Document {
    let mut document = Document::default();
    let mut cues = Vec::new();
    let mut untimed = Vec::new();
    for_each_block(text, |first_line, lines| {
        let numbered = is_digits(lines[0].trim());
        let timing_at = usize::from(numbered);
        let time = lines.get(timing_at).and_then(|l| timing(l));
        let text_from =
            if time.is_some() || lines.get(timing_at).is_some_and(|l| arrow(l).is_some()) {
                timing_at + 1
            } else {
                timing_at
            };
        if time.is_none() {
            untimed.push(first_line);
        }
        cues.push(Cue::new(first_line, lines, time, text_from));
    });
    warn_untimed(&mut document, &untimed);
    build_turns(&mut document, &cues);
    document
}

pub fn parse_vtt(text: &str) -> Document {
    let mut document = Document::default();
    let mut cues = Vec::new();
    let mut untimed = Vec::new();
    let mut header_read = false;
    for_each_block(text, |first_line, lines| {
        let is_comment = ["NOTE", "STYLE", "REGION"]
            .iter()
            .any(|k| lines[0].trim_start().starts_with(k));
        if !header_read || is_comment {
            header_read = true;
            document
                .metadata
                .header
                .extend(lines.iter().map(|l| l.to_string()));
            return;
        }
        let timing_at = lines.iter().position(|l| arrow(l).is_some());
        let time = timing_at.and_then(|i| timing(lines[i]));
        if time.is_none() {
            untimed.push(first_line);
        }
        let text_from = timing_at.map_or(0, |i| i + 1);
        cues.push(Cue::new(first_line, lines, time, text_from));
    });
    warn_untimed(&mut document, &untimed);
    build_turns(&mut document, &cues);
    document
}

fn warn_untimed(document: &mut Document, untimed: &[usize]) {
    if let Some(first) = untimed.first() {
        document.warnings.push(format!(
            "{} cue(s) have no readable timing (first at line {first}); their text is kept without a time",
            untimed.len()
        ));
    }
}

/// A cue's text lines, cleaned and joined with spaces; borrowed when one line needs no
/// cleaning, as most do.
fn cue_text<'a>(lines: &[&'a str]) -> Cow<'a, str> {
    match lines {
        [line] => clean_cue_line(line),
        _ => {
            let cleaned: Vec<Cow<'_, str>> = lines.iter().map(|l| clean_cue_line(l)).collect();
            Cow::Owned(cleaned.join(" "))
        }
    }
}

/// Removes formatting tags (`<i>`, `</v>`, `<c.yellow>`, `<00:01.000>`, `{\an8}`) but keeps
/// the voice tag's name as a `<v Name>` marker for [`speaker_of`], and decodes entities.
fn clean_cue_line(line: &str) -> Cow<'_, str> {
    let bytes = line.as_bytes();
    if memchr::memchr3(b'<', b'{', b'&', bytes).is_none() {
        return Cow::Borrowed(line);
    }
    // Built only once a tag is dropped: most lines have none, or only a kept voice tag.
    let mut cleaned: Option<String> = None;
    let mut kept_from = 0;
    let mut search_from = 0;
    while let Some(found) = memchr::memchr2(b'<', b'{', &bytes[search_from..]) {
        let open = search_from + found;
        let close_byte = if bytes[open] == b'<' { b'>' } else { b'}' };
        let Some(close) = memchr::memchr(close_byte, &bytes[open..]).map(|c| open + c) else {
            break;
        };
        let tag = &line[open + 1..close];
        let is_formatting = if close_byte == b'}' {
            tag.starts_with('\\')
        } else {
            tag.starts_with(['/', 'v', 'i', 'b', 'u', 'c', 'l', 'r'])
                || (tag.starts_with(|c: char| c.is_ascii_digit()) && tag.contains(':'))
        };
        let is_voice = tag.starts_with("v ") || tag.starts_with("v.");
        if is_formatting && !is_voice {
            let out = cleaned.get_or_insert_with(|| String::with_capacity(line.len()));
            out.push_str(&line[kept_from..open]);
            kept_from = close + 1;
        }
        search_from = close + 1;
    }
    let Some(mut out) = cleaned else {
        return entities::decode(line);
    };
    out.push_str(&line[kept_from..]);
    match entities::decode(&out) {
        Cow::Borrowed(_) => Cow::Owned(out),
        Cow::Owned(decoded) => Cow::Owned(decoded),
    }
}

/// The speaker a cue names at its start, and the byte offset where its speech starts.
fn speaker_of(text: &str) -> (Option<&str>, usize) {
    if let Some(tag) = text.strip_prefix("<v")
        && let Some(close) = memchr::memchr(b'>', tag.as_bytes())
    {
        let inside = &tag[..close];
        let name = inside.split_once(' ').map_or("", |(_, name)| name).trim();
        let offset = 2 + close + 1;
        let offset = offset + (text[offset..].len() - text[offset..].trim_start().len());
        return ((!name.is_empty()).then_some(name), offset);
    }
    let body = text.strip_prefix(">>").unwrap_or(text).trim_start();
    let skipped = text.len() - body.len();
    // A label names the speaker of the speech after it in the cue: a cue that is only
    // `これまでのあらすじ:` ("Previously:") names no one.
    if let Some(label) = labelled::label_at(body)
        && label.label != "Q"
        && label.rest < body.trim_end().len()
    {
        return (Some(label.label), skipped + label.rest);
    }
    let colon = memchr::memchr(b':', body.as_bytes());
    if let Some((name, after)) = colon.map(|at| (&body[..at], &body[at + 1..])) {
        let words: Vec<&str> = name.split_whitespace().collect();
        let is_name = (1..=4).contains(&words.len())
            && name.chars().count() <= 30
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && name
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'))
            && after.starts_with(char::is_whitespace);
        if is_name {
            let offset = skipped + name.len() + 1;
            let offset = offset + (text[offset..].len() - text[offset..].trim_start().len());
            return (Some(name.trim()), offset);
        }
    }
    (None, 0)
}

/// Merges cues into turns: a new named speaker starts a turn; a pause after a finished
/// sentence starts a paragraph.
fn build_turns(document: &mut Document, cues: &[Cue<'_>]) {
    let mut current: Option<(Option<&str>, TurnDraft)> = None;
    let mut paragraph: Vec<Piece<'_>> = Vec::new();
    let flush_paragraph = |draft: &mut TurnDraft, paragraph: &mut Vec<Piece<'_>>| {
        draft.push_paragraph(paragraph, Markup::default());
        paragraph.clear();
    };
    for cue in cues {
        let joined = cue.text.trim_start();
        let (speaker, offset) = speaker_of(joined);
        let speech = joined[offset..].trim();
        let switches = match (&speaker, &current) {
            (Some(name), Some((Some(current_name), _))) => name != current_name,
            (Some(_), _) | (None, None) => true,
            (None, Some(_)) => false,
        };
        if switches {
            if let Some((_, mut draft)) = current.take() {
                flush_paragraph(&mut draft, &mut paragraph);
                document.push_turn(draft);
            }
            let id = speaker.map(|name| document.speakers.intern(name));
            let draft = TurnDraft::new(speaker.unwrap_or(""), id, cue.first_line);
            current = Some((speaker, draft));
        }
        let Some((_, draft)) = current.as_mut() else {
            continue;
        };
        let paused = match (paragraph.last(), cue.time) {
            (
                Some(Piece {
                    text,
                    time: Some(previous),
                }),
                Some(time),
            ) => {
                let ended = text.trim_end().ends_with(['.', '?', '!']);
                ended && time.start - previous.end.unwrap_or(previous.start) >= PARAGRAPH_PAUSE
            }
            _ => false,
        };
        if paused {
            flush_paragraph(draft, &mut paragraph);
        }
        if !speech.is_empty() {
            paragraph.push(Piece {
                text: speech,
                time: cue.time,
            });
        }
        draft.touch_line(cue.last_line);
    }
    if let Some((_, mut draft)) = current {
        flush_paragraph(&mut draft, &mut paragraph);
        document.push_turn(draft);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voice_tags_and_prefixes_name_speakers() {
        assert_eq!(
            speaker_of("<v Sarah>In today's episode"),
            (Some("Sarah"), 9)
        );
        assert_eq!(speaker_of("Travis: When you first"), (Some("Travis"), 8));
        assert_eq!(speaker_of("almost guaranteed: you"), (None, 0));
    }

    #[test]
    fn srt_cues_merge_into_turns() {
        let srt = "1\n00:00:00,000 --> 00:00:02,000\nTravis: When you first get\nstarted, it's\n\n2\n00:00:02,000 --> 00:00:04,000\neasy. Really.\n\n3\n00:00:04,500 --> 00:00:06,000\nSarah: Yes.\n";
        let document = parse_srt(srt);
        assert_eq!(document.turns.len(), 2);
        let first: Vec<_> = document.turns[0]
            .sentences()
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(first, ["When you first get started, it's easy.", "Really."]);
        assert_eq!(document.turns[0].lines.last, 8);
    }
}
