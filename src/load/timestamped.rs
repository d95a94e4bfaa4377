//! Timestamped lines: `0:00:14.2 **Adam Garrett-Harris** Welcome...`, `[00:01:02] Name: text`.
//!
//! Each stamped line is an utterance; consecutive utterances by one speaker form one turn.
//! A line that is only a note (`(Intro music: Electro Swing)`) is a turn of its own with no
//! speaker; other unstamped lines continue the current turn as new paragraphs.

use super::annotate;
use super::assemble::{Markup, Piece, TurnDraft};
use super::clock::clock;
use super::document::Document;
use super::reflow;
use crate::model::TimeSpan;

/// The time a line opens with, in seconds, and the byte offset of what follows it.
pub fn line_time(line: &str) -> Option<(f64, usize)> {
    let trimmed = line.trim_start_matches('\u{feff}').trim_start();
    let (bracketed, body) = match trimmed.strip_prefix(['[', '(']) {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let stamp_len = body
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ':' | '.' | ',')))
        .unwrap_or(body.len());
    let stamp = &body[..stamp_len];
    if !stamp.contains(':') || !stamp.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let seconds = clock(stamp)?;
    let mut after = &body[stamp_len..];
    if bracketed {
        after = after.strip_prefix([']', ')'])?;
    }
    let gap = after.len() - after.trim_start_matches([' ', '\t', '-', '–']).len();
    if gap == 0 && !after.is_empty() && !after.starts_with("**") {
        return None;
    }
    Some((seconds, line.len() - after.len() + gap))
}

/// `**Name** text` or `Name: text`: the speaker and the offset where speech starts.
fn speaker_of(text: &str) -> (Option<&str>, usize) {
    if let Some(rest) = text.strip_prefix("**")
        && let Some(close) = rest.find("**")
    {
        let name = rest[..close].trim().trim_end_matches(':');
        let after = 2 + close + 2;
        let speech = after + (text[after..].len() - text[after..].trim_start().len());
        return ((!name.is_empty()).then_some(name), speech);
    }
    if let Some((name, after)) = text.split_once(':') {
        let words = name.split_whitespace().count();
        let is_name = (1..=4).contains(&words)
            && name.chars().count() <= 40
            && name.starts_with(char::is_uppercase)
            && after.starts_with(char::is_whitespace);
        if is_name {
            let speech = name.len() + 1 + (after.len() - after.trim_start().len());
            return (Some(name.trim()), speech);
        }
    }
    (None, 0)
}

/// A line made only of one annotation, such as a music cue.
fn is_lone_note(text: &str) -> bool {
    let text = text.trim();
    annotate::find_inline(text)
        .first()
        .is_some_and(|found| found.range == (0..text.len()))
}

pub fn parse(text: &str) -> Document {
    let mut document = Document::default();
    let lines: Vec<&str> = reflow::collect_lines(text);
    let stamps: Vec<Option<(f64, usize)>> = lines.iter().map(|l| line_time(l)).collect();
    let mut current: Option<TurnDraft> = None;
    for (index, line) in lines.iter().enumerate() {
        let number = index + 1;
        let content = line.trim_start_matches('\u{feff}');
        if content.trim().is_empty() {
            continue;
        }
        let (time, speech, speaker) = match stamps[index] {
            Some((seconds, offset)) => {
                let rest = &line[offset..];
                let (speaker, speech_at) = speaker_of(rest);
                let end = stamps[index + 1..].iter().flatten().next().map(|(s, _)| *s);
                let time = TimeSpan {
                    start: seconds,
                    end: end.filter(|e| *e >= seconds),
                };
                (Some(time), &rest[speech_at..], speaker)
            }
            None => (None, content, None),
        };
        let continues = match (&current, speaker) {
            (Some(draft), Some(name)) => draft.speaker() == Some(document.speakers.intern(name)),
            (Some(draft), None) => draft.speaker().is_some() && !is_lone_note(speech),
            (None, _) => false,
        };
        if !continues {
            if let Some(draft) = current.take() {
                document.push_turn(draft);
            }
            let id = speaker.map(|name| document.speakers.intern(name));
            current = Some(TurnDraft::new(speaker.unwrap_or(""), id, number));
        }
        if let Some(draft) = current.as_mut() {
            draft.push_paragraph(&[Piece { text: speech, time }], Markup::default());
            draft.touch_line(number);
        }
    }
    if let Some(draft) = current {
        document.push_turn(draft);
    }
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_in_their_forms() {
        let line = "0:00:14.2 **Adam Garrett-Harris** Welcome to BookBytes.";
        let (seconds, offset) = line_time(line).unwrap();
        assert!((seconds - 14.2).abs() < 1e-9);
        assert_eq!(
            speaker_of(&line[offset..]),
            (Some("Adam Garrett-Harris"), 24)
        );
        assert_eq!(line_time("[00:01:02] Ann: hi").map(|(s, _)| s), Some(62.0));
        assert_eq!(line_time("12:57 P.M.").map(|(s, _)| s), Some(777.0));
        assert_eq!(line_time("2025 was a year"), None);
    }

    #[test]
    fn music_lines_stand_alone_and_speakers_merge() {
        let text = "\u{feff}(Intro music: Electro Swing)\n\n0:00:14.2 **Adam** Hi.\n\n0:00:15.0 **Adam** Again.\n\n0:00:16.0 **Jen** Hello.\n";
        let document = parse(text);
        let labels: Vec<_> = document
            .turns
            .iter()
            .map(|t| (t.label.as_str(), t.paragraphs.len()))
            .collect();
        assert_eq!(labels, [("", 1), ("Adam", 2), ("Jen", 1)]);
    }
}
