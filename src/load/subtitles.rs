//! Subtitles: SubRip (`.srt`) and WebVTT (`.vtt`) cues merged into turns and sentences.
//!
//! A cue names its speaker with a WebVTT voice tag (`<v Sarah>`) or a `Name:` prefix; a cue
//! without one continues the current speaker, because subtitle files name the speaker only
//! where the turn starts and split sentences across cues freely. Cue times are kept on the
//! sentences and turns.

use super::assemble::{Markup, Piece, TurnDraft};
use super::document::Document;
use super::{entities, labelled};
use crate::model::TimeSpan;

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
            .any(|pair| pair[0].bytes().all(|b| b.is_ascii_digit()) && pair[1].contains("-->"))
}

/// One cue: its text lines with their line numbers, and its time when readable.
struct Cue {
    first_line: usize,
    last_line: usize,
    time: Option<TimeSpan>,
    text: Vec<String>,
}

/// Parses `HH:MM:SS,mmm --> HH:MM:SS,mmm` (SRT) or `MM:SS.mmm --> ...` plus cue settings (VTT).
fn timing(line: &str) -> Option<TimeSpan> {
    let (start, rest) = line.split_once("-->")?;
    let end = rest.split_whitespace().next()?;
    let start = clock(start.trim())?;
    let end = clock(end)?;
    Some(TimeSpan {
        start,
        end: Some(end.max(start)),
    })
}

/// `01:02:03,456`, `01:02:03.456`, `02:03.456` as seconds.
pub fn clock(text: &str) -> Option<f64> {
    let (units, last) = text.rsplit_once(':')?;
    let seconds = seconds(last)?;
    let mut total = 0.0;
    for (index, unit) in units.split(':').enumerate() {
        if index >= 2
            || unit.is_empty()
            || unit.len() > 4
            || !unit.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        total = total * 60.0 + unit.parse::<f64>().ok()?;
    }
    Some(total * 60.0 + seconds)
}

/// Seconds with a decimal comma (SRT) or point, read without allocating: a subtitle file has
/// two of these on every cue.
fn seconds(text: &str) -> Option<f64> {
    let mut buffer = [0u8; 32];
    let written = buffer.get_mut(..text.len())?;
    for (to, &from) in written.iter_mut().zip(text.as_bytes()) {
        *to = if from == b',' { b'.' } else { from };
    }
    std::str::from_utf8(written)
        .ok()?
        .parse()
        .ok()
        .filter(|s: &f64| s.is_finite() && *s >= 0.0)
}

/// Blocks of non-blank lines, with the 1-based number of their first line.
fn blocks(text: &str) -> Vec<(usize, Vec<&str>)> {
    let mut blocks: Vec<(usize, Vec<&str>)> = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (index, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            blocks.extend(current.take());
        } else {
            current
                .get_or_insert_with(|| (index + 1, Vec::new()))
                .1
                .push(line);
        }
    }
    blocks.extend(current);
    blocks
}

pub fn parse_srt(text: &str) -> Document {
    let mut document = Document::default();
    let mut cues = Vec::new();
    let mut untimed = Vec::new();
    for (first_line, lines) in blocks(text) {
        let numbered = lines[0].trim().chars().all(|c| c.is_ascii_digit());
        let timing_at = usize::from(numbered);
        let time = lines.get(timing_at).and_then(|l| timing(l));
        let text_from = if time.is_some() || lines.get(timing_at).is_some_and(|l| l.contains("-->"))
        {
            timing_at + 1
        } else {
            timing_at
        };
        if time.is_none() {
            untimed.push(first_line);
        }
        cues.push(Cue {
            first_line,
            last_line: first_line + lines.len() - 1,
            time,
            text: lines[text_from.min(lines.len())..]
                .iter()
                .map(|l| clean_cue_line(l))
                .collect(),
        });
    }
    warn_untimed(&mut document, &untimed);
    build_turns(&mut document, cues);
    document
}

pub fn parse_vtt(text: &str) -> Document {
    let mut document = Document::default();
    let mut cues = Vec::new();
    let mut untimed = Vec::new();
    for (n, (first_line, lines)) in blocks(text).into_iter().enumerate() {
        let is_comment = ["NOTE", "STYLE", "REGION"]
            .iter()
            .any(|k| lines[0].trim_start().starts_with(k));
        if n == 0 || is_comment {
            document
                .metadata
                .header
                .extend(lines.iter().map(|l| l.to_string()));
            continue;
        }
        let timing_at = lines.iter().position(|l| l.contains("-->"));
        let time = timing_at.and_then(|i| timing(lines[i]));
        if time.is_none() {
            untimed.push(first_line);
        }
        let text_from = timing_at.map_or(0, |i| i + 1);
        cues.push(Cue {
            first_line,
            last_line: first_line + lines.len() - 1,
            time,
            text: lines[text_from..]
                .iter()
                .map(|l| clean_cue_line(l))
                .collect(),
        });
    }
    warn_untimed(&mut document, &untimed);
    build_turns(&mut document, cues);
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

/// Removes formatting tags (`<i>`, `</v>`, `<c.yellow>`, `<00:01.000>`, `{\an8}`) but keeps
/// the voice tag's name as a `<v Name>` marker for [`speaker_of`], and decodes entities.
fn clean_cue_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find(['<', '{']) {
        out.push_str(&rest[..open]);
        let close_char = if rest[open..].starts_with('<') {
            '>'
        } else {
            '}'
        };
        let Some(close) = rest[open..].find(close_char).map(|c| open + c) else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = &rest[open + 1..close];
        let is_formatting = if close_char == '}' {
            tag.starts_with('\\')
        } else {
            tag.starts_with(['/', 'v', 'i', 'b', 'u', 'c', 'l', 'r'])
                || (tag.starts_with(|c: char| c.is_ascii_digit()) && tag.contains(':'))
        };
        let is_voice = tag.starts_with("v ") || tag.starts_with("v.");
        if is_voice || !is_formatting {
            out.push_str(&rest[open..=close]);
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    entities::decode(&out).into_owned()
}

/// The speaker a cue names at its start, and the byte offset where its speech starts.
fn speaker_of(text: &str) -> (Option<String>, usize) {
    if let Some(tag) = text.strip_prefix("<v")
        && let Some(close) = tag.find('>')
    {
        let inside = &tag[..close];
        let name = inside.split_once(' ').map_or("", |(_, name)| name).trim();
        let offset = 2 + close + 1;
        let offset = offset + (text[offset..].len() - text[offset..].trim_start().len());
        return ((!name.is_empty()).then(|| name.to_string()), offset);
    }
    let body = text.strip_prefix(">>").unwrap_or(text).trim_start();
    let skipped = text.len() - body.len();
    if let Some(label) = labelled::label_at(body)
        && label.label != "Q"
    {
        return (Some(label.label.to_string()), skipped + label.rest);
    }
    if let Some((name, after)) = body.split_once(':') {
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
            return (Some(name.trim().to_string()), offset);
        }
    }
    (None, 0)
}

/// Merges cues into turns: a new named speaker starts a turn; a pause after a finished
/// sentence starts a paragraph.
fn build_turns(document: &mut Document, cues: Vec<Cue>) {
    let mut current: Option<(Option<String>, TurnDraft)> = None;
    let mut paragraph: Vec<(String, Option<TimeSpan>)> = Vec::new();
    let flush_paragraph =
        |draft: &mut TurnDraft, paragraph: &mut Vec<(String, Option<TimeSpan>)>| {
            let pieces: Vec<Piece<'_>> = paragraph
                .iter()
                .map(|(text, time)| Piece { text, time: *time })
                .collect();
            draft.push_paragraph(&pieces, Markup::default());
            paragraph.clear();
        };
    for cue in cues {
        let joined = cue.text.join(" ");
        let (speaker, offset) = speaker_of(joined.trim_start());
        let speech = joined.trim_start()[offset..].trim().to_string();
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
            let id = speaker
                .as_deref()
                .map(|name| document.speakers.intern(name));
            current = Some((
                speaker.clone(),
                TurnDraft::new(speaker.as_deref().unwrap_or(""), id, cue.first_line),
            ));
        }
        let Some((_, draft)) = current.as_mut() else {
            continue;
        };
        let paused = match (paragraph.last(), cue.time) {
            (Some((text, Some(previous))), Some(time)) => {
                let ended = text.trim_end().ends_with(['.', '?', '!']);
                ended && time.start - previous.end.unwrap_or(previous.start) >= PARAGRAPH_PAUSE
            }
            _ => false,
        };
        if paused {
            flush_paragraph(draft, &mut paragraph);
        }
        if !speech.is_empty() {
            paragraph.push((speech, cue.time));
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
    fn clocks() {
        assert_eq!(clock("00:00:02,399"), Some(2.399));
        assert_eq!(clock("01:02.5"), Some(62.5));
        assert_eq!(clock("1:xx:00"), None);
    }

    #[test]
    fn voice_tags_and_prefixes_name_speakers() {
        assert_eq!(
            speaker_of("<v Sarah>In today's episode"),
            (Some("Sarah".into()), 9)
        );
        assert_eq!(
            speaker_of("Travis: When you first"),
            (Some("Travis".into()), 8)
        );
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
