//! JSON transcripts: tandem's own model (a round trip of `inspect --json`), Podcasting 2.0
//! `segments` (often one word each), and lists of `{speaker, text, timestamp}` entries.

use super::assemble::{Markup, Piece, TurnDraft};
use super::clock::clock;
use super::document::Document;
use super::json_read::{self, Object, Value};
use super::speakers::Registry;
use super::{Format, Problem};
use crate::model::{TimeSpan, Transcript};
use std::collections::BTreeMap;

const TEXT_KEYS: &[&str] = &["text", "body", "content", "words", "transcript"];
const SPEAKER_KEYS: &[&str] = &["speaker", "name", "speaker_name", "speakerName"];
const START_KEYS: &[&str] = &["startTime", "start", "start_time", "timestamp", "time"];
const END_KEYS: &[&str] = &["endTime", "end", "end_time"];

/// Entries shorter than this on average are word-level segments, joined into one paragraph.
const WORD_LEVEL_LENGTH: usize = 20;

pub fn parse(text: &str) -> Result<Document, Problem> {
    let value = json_read::read(text).map_err(|error| Problem::Malformed {
        format: Format::Json,
        detail: format!("{error}"),
    })?;
    let (entries, top) = match &value {
        Value::List(entries) => (entries.as_slice(), None),
        Value::Object(object) => {
            if ["turns", "speakers", "metadata"]
                .iter()
                .all(|key| object.get(key).is_some())
            {
                return from_model(text);
            }
            let list = ["segments", "transcript", "entries", "utterances", "results"]
                .iter()
                .find_map(|key| match object.get(key) {
                    Some(Value::List(list)) => Some(list),
                    _ => None,
                });
            match list {
                Some(list) => (list.as_slice(), Some(object)),
                None => return Err(not_a_transcript()),
            }
        }
        _ => return Err(not_a_transcript()),
    };
    let mut document = Document::default();
    if let Some(top) = top {
        read_top_level(top, &mut document);
    }
    build_turns(entries, text, &mut document);
    Ok(document)
}

fn not_a_transcript() -> Problem {
    Problem::Malformed {
        format: Format::Json,
        detail: "expected tandem's model, or an object with a 'segments' or 'transcript' list, \
                 or a list of {speaker, text} entries"
            .into(),
    }
}

fn from_model(text: &str) -> Result<Document, Problem> {
    let transcript: Transcript =
        serde_json::from_str(text).map_err(|error| Problem::Malformed {
            format: Format::Json,
            detail: format!("looks like tandem's transcript model but {error}"),
        })?;
    transcript.validate().map_err(|detail| Problem::Malformed {
        format: Format::Json,
        detail: format!("tandem's transcript model is inconsistent: {detail}"),
    })?;
    Ok(Document {
        metadata: transcript.metadata,
        speakers: Registry::from_speakers(transcript.speakers),
        turns: transcript.turns,
        warnings: Vec::new(),
    })
}

/// Top-level scalars (`podcast`, `episode`, `version`, `title`) go to the metadata, in the
/// order of their keys.
fn read_top_level(object: &Object<'_>, document: &mut Document) {
    let members: BTreeMap<&str, &Value<'_>> = object
        .0
        .iter()
        .map(|(key, value)| (key.as_ref(), value))
        .collect();
    for (key, value) in members {
        let text = match value {
            Value::Text(text) => text.to_string(),
            Value::Number(n) => n.to_string(),
            _ => continue,
        };
        if key == "title" {
            document.metadata.title = Some(text.clone());
        }
        document.metadata.header.push(format!("{key}: {text}"));
    }
}

struct Entry<'a> {
    speaker: Option<&'a str>,
    text: &'a str,
    time: Option<TimeSpan>,
}

/// An entry of the list, if it is an object with a text: each field as the first of its keys
/// present names it.
fn entry<'a>(value: &'a Value<'_>) -> Option<Entry<'a>> {
    let Value::Object(object) = value else {
        return None;
    };
    let find = |keys: &[&str]| keys.iter().find_map(|k| object.get(k));
    let string = |value: &'a Value<'_>| match value {
        Value::Text(text) => Some(text.as_ref()),
        _ => None,
    };
    let text = string(find(TEXT_KEYS)?)?;
    let speaker = find(SPEAKER_KEYS)
        .and_then(string)
        .filter(|s| !s.trim().is_empty());
    let seconds = |value: &'a Value<'_>| {
        match value {
            Value::Number(n) => n.as_f64(),
            Value::Text(text) => clock(text),
            _ => None,
        }
        .filter(|s| s.is_finite() && *s >= 0.0)
    };
    let start = find(START_KEYS).and_then(seconds);
    let end = find(END_KEYS).and_then(seconds);
    Some(Entry {
        speaker,
        text,
        time: start.map(|start| TimeSpan {
            start,
            end: end.filter(|e| *e >= start),
        }),
    })
}

fn build_turns(values: &[Value<'_>], source: &str, document: &mut Document) {
    let entries: Vec<Entry<'_>> = values.iter().filter_map(entry).collect();
    if entries.len() < values.len() {
        document.warnings.push(format!(
            "{} of {} entries have no text field and were skipped",
            values.len() - entries.len(),
            values.len()
        ));
    }
    let total: usize = entries.iter().map(|e| e.text.len()).sum();
    let word_level = !entries.is_empty() && total / entries.len() < WORD_LEVEL_LENGTH;
    let mut lines = LineFinder::new(source);
    let mut start = 0;
    while start < entries.len() {
        let speaker = entries[start].speaker;
        let unlabelled_note = speaker.is_none();
        let end = if unlabelled_note {
            start + 1
        } else {
            start
                + entries[start..]
                    .iter()
                    .take_while(|e| e.speaker == speaker)
                    .count()
        };
        let id = speaker.map(|name| document.speakers.intern(name));
        let first_line = lines.find(entries[start].text);
        let mut draft = TurnDraft::new(speaker.unwrap_or(""), id, first_line);
        let pieces: Vec<Piece<'_>> = entries[start..end]
            .iter()
            .map(|e| Piece {
                text: e.text,
                time: e.time,
            })
            .collect();
        if word_level {
            draft.push_paragraph(&pieces, Markup::default());
        } else {
            for piece in &pieces {
                draft.push_paragraph(std::slice::from_ref(piece), Markup::default());
            }
        }
        for entry in &entries[start + 1..end] {
            draft.touch_line(lines.find(entry.text));
        }
        document.push_turn(draft);
        start = end;
    }
}

/// Finds the source line of each entry's text, searching forward from the previous one, so
/// turns can say where they came from.
struct LineFinder<'a> {
    source: &'a str,
    position: usize,
    line: usize,
}

impl<'a> LineFinder<'a> {
    fn new(source: &'a str) -> Self {
        LineFinder {
            source,
            position: 0,
            line: 1,
        }
    }

    /// The line of `text`, an entry's text, from the last one found on.
    fn find(&mut self, text: &str) -> usize {
        let target = self.offset_of(text).or_else(|| self.search(text));
        if let Some(target) = target.filter(|&target| target >= self.position) {
            let between = &self.source.as_bytes()[self.position..target];
            self.line += memchr::memchr_iter(b'\n', between).count();
            self.position = target;
        }
        self.line
    }

    /// Where `text` starts in the source, when it was borrowed from it (it had no escapes):
    /// the addresses say, with no search.
    fn offset_of(&self, text: &str) -> Option<usize> {
        let offset = (text.as_ptr() as usize).checked_sub(self.source.as_ptr() as usize)?;
        (offset + text.len() <= self.source.len()).then_some(offset)
    }

    /// Where `text` first appears as a JSON string from the last one found on. Only its
    /// opening is searched for: a few dozen characters place it as well as the whole text.
    fn search(&self, text: &str) -> Option<usize> {
        const OPENING_CHARS: usize = 32;
        let opening = match text.char_indices().nth(OPENING_CHARS) {
            Some((end, _)) => &text[..end],
            None => text,
        };
        let mut needle = serde_json::to_string(opening).unwrap_or_default();
        if opening.len() < text.len() {
            // Without its closing quote, the needle also matches the longer string.
            needle.pop();
        }
        let rest = &self.source.as_bytes()[self.position..];
        memchr::memmem::find(rest, needle.as_bytes()).map(|found| self.position + found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_segments_merge_into_turns() {
        let text = r#"{"version": "1.0.0", "segments": [
            {"speaker": "Darth Vader", "startTime": 0.5, "endTime": 0.75, "body": "I"},
            {"speaker": "Darth Vader", "startTime": 1, "endTime": 1.25, "body": "am"},
            {"speaker": "Luke", "startTime": 2.75, "endTime": 3.0, "body": "Nooooo"}]}"#;
        let document = parse(text).unwrap();
        assert_eq!(document.turns.len(), 2);
        assert_eq!(document.turns[0].paragraphs[0].sentences[0].text, "I am");
        assert_eq!(document.turns[0].lines.first, 2);
        assert_eq!(document.metadata.header, ["version: 1.0.0"]);
    }

    #[test]
    fn broken_json_names_the_position() {
        let error = parse("{\"segments\": [1,").err().unwrap();
        assert!(error.to_string().contains("line 1"), "{error}");
    }
}
