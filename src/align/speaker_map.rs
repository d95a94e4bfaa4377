//! A speaker map: the user's own pairing of speakers, which overrules the aligner's. Lines
//! `OFFICIAL = OTHER`; the file is read by the caller, parsed here against both transcripts.

use crate::model::{Pair, SpeakerId, Transcript};

/// A pair fixed by the user, or a speaker the user says has no counterpart.
#[derive(Debug, Clone, PartialEq)]
pub struct Forced {
    pub speakers: Pair<Option<SpeakerId>>,
    pub line: usize,
}

/// Parses a speaker map: lines `OFFICIAL = OTHER`, where each side is a label, key or name as
/// `inspect` shows it, and `-` means no counterpart. `#` starts a comment.
pub fn parse(text: &str, official: &Transcript, other: &Transcript) -> Result<Vec<Forced>, String> {
    let mut forced = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let Some((left, right)) = line.split_once('=') else {
            return Err(format!(
                "line {number}: expected 'OFFICIAL = OTHER', found '{line}'"
            ));
        };
        let find = |transcript: &Transcript,
                    side: &str,
                    which: &str|
         -> Result<Option<SpeakerId>, String> {
            let side = side.trim();
            if side == "-" {
                return Ok(None);
            }
            find_speaker(transcript, side).map(Some).ok_or_else(|| {
                format!(
                    "line {number}: no {which} speaker '{side}' (known: {})",
                    known(transcript)
                )
            })
        };
        let (a, b) = (
            find(official, left, "official")?,
            find(other, right, "other")?,
        );
        if a.is_none() && b.is_none() {
            return Err(format!("line {number}: both sides are '-'"));
        }
        forced.push(Forced {
            speakers: Pair::new(a, b),
            line: number,
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
