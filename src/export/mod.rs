//! Writing an alignment for people and scripts: JSON (documented, versioned), TSV, Markdown.

mod json;
mod markdown;
mod tsv;

use crate::align::{Alignment, Row, SentenceRef, turn_sentences};
use crate::model::Transcript;
use std::str::FromStr;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Tsv,
    Markdown,
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Ok(ExportFormat::Json),
            "tsv" => Ok(ExportFormat::Tsv),
            "markdown" | "md" => Ok(ExportFormat::Markdown),
            _ => Err(format!(
                "unknown export format '{name}' (expected json, tsv or markdown)"
            )),
        }
    }
}

/// The two versions and their alignment, as exporters read them.
pub struct Pair<'a> {
    pub official: &'a Transcript,
    pub other: &'a Transcript,
    pub alignment: &'a Alignment,
}

/// A sentence as exporters show it: 1-based turn and sentence numbers, speaker, text.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SentenceView<'a> {
    pub turn: usize,
    pub sentence: usize,
    pub speaker: &'a str,
    pub text: &'a str,
}

impl<'a> Pair<'a> {
    /// Resolves a row's sentence references on both sides.
    pub fn sentences(&self, row: &Row) -> (Vec<SentenceView<'a>>, Vec<SentenceView<'a>>) {
        (
            view(self.official, &row.official),
            view(self.other, &row.other),
        )
    }
}

fn view<'a>(transcript: &'a Transcript, refs: &[SentenceRef]) -> Vec<SentenceView<'a>> {
    refs.iter()
        .filter_map(|r| {
            let turn = transcript.turns.get(r.turn)?;
            let sentence = turn.sentences().nth(r.sentence)?;
            Some(SentenceView {
                turn: r.turn + 1,
                sentence: r.sentence + 1,
                speaker: transcript.turn_label(turn),
                text: &sentence.text,
            })
        })
        .collect()
}

/// Writes the alignment in `format`.
pub fn write(pair: &Pair<'_>, format: ExportFormat) -> String {
    match format {
        ExportFormat::Json => json::write(pair),
        ExportFormat::Tsv => tsv::write(pair),
        ExportFormat::Markdown => markdown::write(pair),
    }
}

/// Sentences of a side joined for one cell.
fn joined(sentences: &[SentenceView<'_>]) -> String {
    sentences
        .iter()
        .map(|s| s.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// `T3 S4-5`: where a side of a row sits.
fn position(sentences: &[SentenceView<'_>]) -> String {
    match (sentences.first(), sentences.last()) {
        (Some(first), Some(last)) if first.turn == last.turn && first.sentence == last.sentence => {
            format!("T{} S{}", first.turn, first.sentence)
        }
        (Some(first), Some(last)) if first.turn == last.turn => {
            format!("T{} S{}-{}", first.turn, first.sentence, last.sentence)
        }
        (Some(first), Some(last)) => format!(
            "T{} S{} – T{} S{}",
            first.turn, first.sentence, last.turn, last.sentence
        ),
        _ => String::new(),
    }
}

/// Every sentence of both transcripts in order, for checks that each is in one row.
pub fn all_sentence_refs(transcript: &Transcript) -> Vec<SentenceRef> {
    turn_sentences(transcript)
        .iter()
        .enumerate()
        .flat_map(|(turn, list)| {
            (0..list.len()).map(move |sentence| SentenceRef { turn, sentence })
        })
        .collect()
}
