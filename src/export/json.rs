//! The alignment as JSON, schema `tandem-alignment/3` (documented in the README), written
//! row by row as it is serialised.

use super::word_changes::with_diffs_ahead;
use super::{Aligned, RowsDone, SentenceView, speaker_label};
use crate::align::{DiffPiece, Flag, Kinship, MetadataChange, Row, Warning};
use crate::model::{Metadata, Pair, Speaker};
use crate::sanitize;
use serde::{Serialize, Serializer};
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// Version 3: the second version's keys are `other` (version 2 called them `translation`).
pub const SCHEMA: &str = "tandem-alignment/3";

#[derive(Serialize)]
struct Document<'a> {
    schema: &'static str,
    /// What a reader must know before trusting the rows; empty when nothing is amiss.
    warnings: &'a [Warning],
    official: Version<'a>,
    other: Version<'a>,
    /// Title, date, place or time that the two versions give differently.
    metadata_changes: &'a [MetadataChange],
    same_language: bool,
    length_ratio: f64,
    kinship: &'a Kinship,
    speakers: Vec<SpeakerPair<'a>>,
    speaker_rows: Vec<SpeakerRowsOut<'a>>,
    turns: Vec<TurnPair>,
    alignment: Rows<'a, 'a>,
}

/// The rows, each resolved when the serialiser reaches it, its diff worked out a little ahead.
struct Rows<'p, 'a> {
    aligned: &'p Aligned<'a>,
    done: RowsDone<'p>,
}

impl Serialize for Rows<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let rows = &self.aligned.alignment.rows;
        with_diffs_ahead(self.aligned, |diffs| {
            serializer.collect_seq(rows.iter().zip(diffs).enumerate().map(
                |(index, (row, diff))| {
                    (self.done)(index);
                    row_out(self.aligned, row, diff)
                },
            ))
        })
    }
}

#[derive(Serialize)]
struct Version<'a> {
    metadata: &'a Metadata,
    speakers: &'a [Speaker],
}

#[derive(Serialize)]
struct SpeakerPair<'a> {
    official: Option<&'a str>,
    other: Option<&'a str>,
    confidence: f64,
    evidence: &'a [String],
}

/// Two speakers that share rows, read off the sentence alignment.
#[derive(Serialize)]
struct SpeakerRowsOut<'a> {
    official: Option<&'a str>,
    other: Option<&'a str>,
    rows: usize,
    share: f64,
}

#[derive(Serialize)]
struct TurnPair {
    official: Vec<usize>,
    other: Vec<usize>,
    score: f64,
}

#[derive(Serialize)]
struct RowOut<'a> {
    official: Vec<SentenceView<'a>>,
    other: Vec<SentenceView<'a>>,
    similarity: f64,
    flags: &'a [Flag],
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<Vec<DiffPiece>>,
}

/// Writes the alignment to `out`: indented when `pretty`, else compact.
pub fn write(
    aligned: &Aligned<'_>,
    pretty: bool,
    out: &mut dyn Write,
    done: RowsDone<'_>,
) -> io::Result<()> {
    let document = document(aligned, done);
    if pretty {
        let formatter = Inert(PrettyFormatter::new());
        document.serialize(&mut serde_json::Serializer::with_formatter(
            &mut *out, formatter,
        ))?;
    } else {
        let formatter = Inert(CompactFormatter);
        document.serialize(&mut serde_json::Serializer::with_formatter(
            &mut *out, formatter,
        ))?;
    }
    out.write_all(b"\n")
}

fn document<'a>(aligned: &'a Aligned<'a>, done: RowsDone<'a>) -> Document<'a> {
    let alignment = aligned.alignment;
    Document {
        schema: SCHEMA,
        warnings: &alignment.warnings,
        official: Version {
            metadata: &aligned.versions.official.metadata,
            speakers: &aligned.versions.official.speakers,
        },
        other: Version {
            metadata: &aligned.versions.other.metadata,
            speakers: &aligned.versions.other.speakers,
        },
        metadata_changes: &alignment.metadata_changes,
        same_language: alignment.same_language,
        length_ratio: alignment.length_ratio,
        kinship: &alignment.kinship,
        speakers: alignment
            .speakers
            .iter()
            .map(|m| SpeakerPair {
                official: speaker_label(aligned.versions.official, m.speakers.official),
                other: speaker_label(aligned.versions.other, m.speakers.other),
                confidence: m.confidence,
                evidence: &m.evidence,
            })
            .collect(),
        speaker_rows: alignment
            .speaker_rows
            .iter()
            .map(|r| SpeakerRowsOut {
                official: speaker_label(aligned.versions.official, Some(r.speakers.official)),
                other: speaker_label(aligned.versions.other, Some(r.speakers.other)),
                rows: r.rows,
                share: r.share,
            })
            .collect(),
        turns: alignment
            .turns
            .iter()
            .map(|link| TurnPair {
                official: link.turns.official.clone().map(|t| t + 1).collect(),
                other: link.turns.other.clone().map(|t| t + 1).collect(),
                score: link.score,
            })
            .collect(),
        alignment: Rows { aligned, done },
    }
}

fn row_out<'a>(aligned: &Aligned<'a>, row: &'a Row, diff: Option<Vec<DiffPiece>>) -> RowOut<'a> {
    let Pair { official, other } = aligned.sentences(row);
    RowOut {
        official,
        other,
        similarity: row.similarity,
        flags: &row.flags,
        diff,
    }
}

/// serde_json's formatting with every unsafe character it leaves as it is (DEL, C1
/// controls, bidirectional marks) written as a `\uXXXX` escape: the same JSON to a parser,
/// inert on a terminal. serde_json escapes C0 itself, and all text from a file is in strings.
struct Inert<F>(F);

impl<F: Formatter> Formatter for Inert<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Printable ASCII is all safe: the common case needs no look at characters.
        if fragment.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (at, c) in fragment.char_indices() {
            if sanitize::is_unsafe(c) {
                writer.write_all(&fragment.as_bytes()[start..at])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                start = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.0.end_object_value(writer)
    }
}
