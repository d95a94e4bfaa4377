//! A speaker map: the user's own pairing of speakers, which overrules the aligner's. Lines
//! `OFFICIAL = OTHER`; the file is read by the caller, its lines read here, then looked up in
//! both transcripts.

use crate::model::{Pair, Side, SpeakerId, Transcript};

/// A pair fixed by the user, or a speaker the user says has no counterpart.
#[derive(Debug, Clone, PartialEq)]
pub struct Forced {
    pub speakers: Pair<Option<SpeakerId>>,
    pub line: usize,
}

/// What is wrong with a speaker map, and on which line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MapError {
    #[error("line {line}: expected 'OFFICIAL = OTHER', found '{found}'")]
    NotAPair { line: usize, found: String },
    #[error("line {line}: both sides are '-'")]
    NoSpeaker { line: usize },
    #[error("line {line}: no {side} speaker '{label}' (known: {known})")]
    UnknownSpeaker {
        line: usize,
        side: &'static str,
        label: String,
        known: String,
    },
}

/// One line of a speaker map, read but not yet looked up in the transcripts: each side's
/// label, `None` for `-`.
#[derive(Debug, Clone, PartialEq)]
pub struct MapLine {
    pub labels: Pair<Option<String>>,
    pub line: usize,
}

/// Reads a speaker map: lines `OFFICIAL = OTHER`, where each side is a label, key or name as
/// `inspect` shows it, and `-` means no counterpart. `#` starts a comment. Needs no
/// transcript, so that a malformed map is refused before a long pair is read.
pub fn read(text: &str) -> Result<Vec<MapLine>, MapError> {
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((official, other)) = line.split_once('=') else {
            return Err(MapError::NotAPair {
                line: number,
                found: line.into(),
            });
        };
        let label = |side: &str| {
            Some(side.trim())
                .filter(|&side| side != "-")
                .map(String::from)
        };
        let labels = Pair::new(label(official), label(other));
        if labels.official.is_none() && labels.other.is_none() {
            return Err(MapError::NoSpeaker { line: number });
        }
        lines.push(MapLine {
            labels,
            line: number,
        });
    }
    Ok(lines)
}

/// The speakers each line of a map names, found in the two transcripts.
pub fn resolve(
    lines: &[MapLine],
    official: &Transcript,
    other: &Transcript,
) -> Result<Vec<Forced>, MapError> {
    let transcripts = Pair::new(official, other);
    let mut forced = Vec::with_capacity(lines.len());
    for line in lines {
        let mut speakers = Pair::new(None, None);
        for side in Side::BOTH {
            let Some(label) = &line.labels[side] else {
                continue;
            };
            let found =
                find_speaker(transcripts[side], label).ok_or_else(|| MapError::UnknownSpeaker {
                    line: line.line,
                    side: side.name(),
                    label: label.clone(),
                    known: known(transcripts[side]),
                })?;
            speakers[side] = Some(found);
        }
        forced.push(Forced {
            speakers,
            line: line.line,
        });
    }
    Ok(forced)
}

fn find_speaker(transcript: &Transcript, wanted: &str) -> Option<SpeakerId> {
    let wanted = wanted.to_lowercase();
    transcript
        .speakers
        .iter()
        .find(|s| {
            s.label.to_lowercase() == wanted
                || s.key == wanted
                || s.name.as_ref().is_some_and(|n| n.to_lowercase() == wanted)
        })
        .map(|s| s.id)
}

fn known(transcript: &Transcript) -> String {
    transcript
        .speakers
        .iter()
        .map(|s| format!("'{}'", s.label))
        .collect::<Vec<_>>()
        .join(", ")
}
