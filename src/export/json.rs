//! The alignment as JSON, schema `tandem-alignment/3` (documented in the README), written
//! a block of rows at a time as the blocks are serialised.

use super::ahead::worked_out_ahead;
use super::word_changes::shown_diff;
use super::{Aligned, RowsDone, SentenceView, speaker_label};
use crate::align::{DiffPiece, Flag, Kinship, MetadataChange, Row, Warning};
use crate::model::{Metadata, Pair, Speaker};
use crate::sanitize;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io::{self, Write};
use std::ops::Range;

/// Version 3: the second version's keys are `other` (version 2 called them `translation`).
pub const SCHEMA: &str = "tandem-alignment/3";

#[derive(Serialize)]
struct Document<'a, R> {
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
    /// Serialised empty: the rows are put in its place, a block at a time (see [`write`]).
    alignment: R,
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
    if pretty {
        write_with(aligned, || Inert(PrettyFormatter::new()), out, done)
    } else {
        write_with(aligned, || Inert(CompactFormatter), out, done)
    }
}

/// The document serialised without its rows, and the rows put in its empty `alignment`
/// array: each block of rows serialised (word diffs and all) ahead of the writer, as an array
/// at the depth of the document's, so that serde_json lays it out as in the whole document,
/// and its rows cut out of it.
fn write_with<F: Formatter>(
    aligned: &Aligned<'_>,
    formatter: impl Fn() -> F + Sync,
    out: &mut dyn Write,
    done: RowsDone<'_>,
) -> io::Result<()> {
    let rows = &aligned.alignment.rows;
    let head = serialized(&document(aligned, [(); 0]), formatter())?;
    // `alignment` is the last field, so the last `[]` is its array.
    let empty = head.windows(2).rposition(|pair| pair == b"[]");
    let Some(empty) = empty.filter(|_| !rows.is_empty()) else {
        out.write_all(&head)?;
        return out.write_all(b"\n");
    };
    // How the array closes once it has items (`\n  ]` indented), learnt from one item.
    let (one_item, inside) = array_at_rows_depth(&[()], formatter())?;
    let mut after_items = one_item[inside.end..].split_inclusive(|&b| b == b']');
    let closing = after_items.next().unwrap_or_default();
    out.write_all(&head[..=empty])?;
    let block = |_, block: &[Row]| {
        let rows: Vec<RowOut<'_>> = block.iter().map(|row| row_out(aligned, row)).collect();
        array_at_rows_depth(&rows, formatter())
    };
    worked_out_ahead(rows, block, |blocks| {
        for (covered, serialised) in blocks {
            let (text, inside) = serialised?;
            if covered.start > 0 {
                out.write_all(b",")?;
            }
            out.write_all(&text[inside])?;
            done(covered.end);
        }
        io::Result::Ok(())
    })?;
    out.write_all(closing)?;
    out.write_all(&head[empty + 2..])?;
    out.write_all(b"\n")
}

fn serialized(value: &impl Serialize, formatter: impl Formatter) -> io::Result<Vec<u8>> {
    let mut text = Vec::new();
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut text, formatter,
    ))?;
    Ok(text)
}

/// One field at the depth of the document's `alignment`.
#[derive(Serialize)]
struct AtRowsDepth<T> {
    alignment: T,
}

/// `items` serialised as an array at the depth of the document's rows: the text, and where
/// its items stand in it (after `[`, before the line break, if any, that closes the array).
fn array_at_rows_depth(
    items: &[impl Serialize],
    formatter: impl Formatter,
) -> io::Result<(Vec<u8>, Range<usize>)> {
    let text = serialized(&AtRowsDepth { alignment: items }, formatter)?;
    let start = text.iter().position(|&b| b == b'[').map_or(0, |at| at + 1);
    let end = text.iter().rposition(|&b| b == b']').unwrap_or(text.len());
    let items_end = start + text[start..end].trim_ascii_end().len();
    Ok((text, start..items_end))
}

fn document<'a, R>(aligned: &'a Aligned<'a>, rows: R) -> Document<'a, R> {
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
        alignment: rows,
    }
}

fn row_out<'a>(aligned: &Aligned<'a>, row: &'a Row) -> RowOut<'a> {
    let Pair { official, other } = aligned.sentences(row);
    let diff = shown_diff(aligned, &official, &other);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align;

    /// The rows serialised a block at a time and put in the document are the document
    /// serialised whole, byte for byte, compact and indented.
    #[test]
    fn rows_put_in_a_block_at_a_time_are_the_document_serialised_whole() {
        let Pair { official, other } = crate::export::ten_fold_pair();
        let alignment = align::align(&official, &other, &[]);
        let aligned = Aligned::new(Pair::new(&official, &other), &alignment);
        let rows: Vec<RowOut<'_>> = alignment
            .rows
            .iter()
            .map(|row| row_out(&aligned, row))
            .collect();
        assert!(rows.iter().any(|row| row.diff.is_some()));
        for pretty in [false, true] {
            let mut whole = if pretty {
                serialized(&document(&aligned, &rows), Inert(PrettyFormatter::new()))
            } else {
                serialized(&document(&aligned, &rows), Inert(CompactFormatter))
            }
            .unwrap();
            whole.push(b'\n');
            let mut blocks = Vec::new();
            write(&aligned, pretty, &mut blocks, &|_| ()).unwrap();
            assert!(blocks == whole, "pretty {pretty}");
        }
    }
}
