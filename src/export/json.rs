//! The alignment as JSON, schema `tandem-alignment/1` (documented in the README).

use super::{Pair, SentenceView, speaker_label};
use crate::align::{DiffPiece, Flag, Kinship, MetadataChange, Warning, word_diff};
use crate::model::{Metadata, Speaker};
use serde::Serialize;

pub const SCHEMA: &str = "tandem-alignment/1";

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    /// What a reader must know before trusting the rows; empty when nothing is amiss.
    warnings: &'a [Warning],
    official: Version<'a>,
    translation: Version<'a>,
    /// Title, date, place or time that the two versions give differently.
    metadata_changes: &'a [MetadataChange],
    same_language: bool,
    length_ratio: f64,
    kinship: &'a Kinship,
    speakers: Vec<SpeakerPair<'a>>,
    speaker_rows: Vec<SpeakerRowsOut<'a>>,
    turns: Vec<TurnPair>,
    alignment: Vec<RowOut<'a>>,
}

#[derive(Serialize)]
struct Version<'a> {
    metadata: &'a Metadata,
    speakers: &'a [Speaker],
}

#[derive(Serialize)]
struct SpeakerPair<'a> {
    official: Option<&'a str>,
    translation: Option<&'a str>,
    confidence: f64,
    evidence: &'a [String],
}

/// Two speakers that share rows, read off the sentence alignment.
#[derive(Serialize)]
struct SpeakerRowsOut<'a> {
    official: Option<&'a str>,
    translation: Option<&'a str>,
    rows: usize,
    share: f64,
}

#[derive(Serialize)]
struct TurnPair {
    official: Vec<usize>,
    translation: Vec<usize>,
    score: f64,
}

#[derive(Serialize)]
struct RowOut<'a> {
    official: Vec<SentenceView<'a>>,
    translation: Vec<SentenceView<'a>>,
    similarity: f64,
    flags: &'a [Flag],
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<Vec<DiffPiece>>,
}

pub fn write(pair: &Pair<'_>) -> String {
    let alignment = pair.alignment;
    let document = Document {
        schema: SCHEMA,
        warnings: &alignment.warnings,
        official: Version {
            metadata: &pair.official.metadata,
            speakers: &pair.official.speakers,
        },
        translation: Version {
            metadata: &pair.other.metadata,
            speakers: &pair.other.speakers,
        },
        metadata_changes: &alignment.metadata_changes,
        same_language: alignment.same_language,
        length_ratio: alignment.length_ratio,
        kinship: &alignment.kinship,
        speakers: alignment
            .speakers
            .iter()
            .map(|m| SpeakerPair {
                official: speaker_label(pair.official, m.official),
                translation: speaker_label(pair.other, m.other),
                confidence: m.confidence,
                evidence: &m.evidence,
            })
            .collect(),
        speaker_rows: alignment
            .speaker_rows
            .iter()
            .map(|r| SpeakerRowsOut {
                official: speaker_label(pair.official, Some(r.official)),
                translation: speaker_label(pair.other, Some(r.other)),
                rows: r.rows,
                share: r.share,
            })
            .collect(),
        turns: alignment
            .turns
            .iter()
            .map(|link| TurnPair {
                official: link.official.clone().map(|t| t + 1).collect(),
                translation: link.other.clone().map(|t| t + 1).collect(),
                score: link.score,
            })
            .collect(),
        alignment: alignment
            .rows
            .iter()
            .map(|row| {
                let (official, translation) = pair.sentences(row);
                let both = !official.is_empty() && !translation.is_empty();
                let diff = (alignment.same_language && both)
                    .then(|| word_diff(&super::joined(&official), &super::joined(&translation)));
                RowOut {
                    official,
                    translation,
                    similarity: row.similarity,
                    flags: &row.flags,
                    diff,
                }
            })
            .collect(),
    };
    crate::sanitize::json(serde_json::to_string_pretty(&document).unwrap_or_default()) + "\n"
}
