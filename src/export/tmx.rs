//! The alignment as TMX 1.4b, the translation-memory exchange format: one translation unit per
//! row with text on both sides, the official version as the source language.
//!
//! Rows with text on one side only are no translation units; the header's note counts them.
//! Each variant carries its own version's language, `und` where none was guessed. When both
//! versions are in one language (an official transcript and another outlet's English), both
//! variants say that language rather than inventing a distinction: the file is then a
//! sentence-aligned parallel text, which TMX tools read as two variants of one segment.
//!
//! A segment keeps the notes that stood before its sentences (`[Via interpreter] I am …`);
//! text the source marks as unverified or struck is named in a `<note>` of its variant, in
//! the words of [`quote::marks`].

use super::ahead::write_rows;
use super::{
    Aligned, RowsDone, SentenceView, Wording, language_tag, markup, position, quote, title,
};
use crate::align::Row;
use crate::model::Pair;
use std::io::{self, Write};

/// Writes the header, then each row with text on both sides as a unit, the units made ahead of
/// the writer.
pub fn write(aligned: &Aligned<'_>, out: &mut dyn Write, done: RowsDone<'_>) -> io::Result<()> {
    write_header(aligned, out)?;
    writeln!(out, "  <body>")?;
    write_rows(&aligned.alignment.rows, out, done, |index, row, out| {
        let sentences = aligned.sentences(row);
        if sentences.official.is_empty() || sentences.other.is_empty() {
            return Ok(());
        }
        write_unit(aligned, index + 1, row, sentences.as_ref(), out)
    })?;
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")?;
    Ok(())
}

/// The XML declaration, the document type and the header, which counts the rows that are no
/// translation units.
fn write_header(aligned: &Aligned<'_>, out: &mut dyn Write) -> io::Result<()> {
    let units = aligned
        .alignment
        .rows
        .iter()
        .filter(|row| aligned.sides_present(row) == Pair::new(true, true))
        .count();
    let one_sided = aligned.alignment.rows.len() - units;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">")?;
    writeln!(out, "<tmx version=\"1.4\">")?;
    writeln!(
        out,
        "  <header creationtool=\"tandem\" creationtoolversion=\"{}\" datatype=\"plaintext\" \
         segtype=\"sentence\" adminlang=\"en\" srclang=\"{}\" o-tmf=\"tandem\">",
        env!("CARGO_PKG_VERSION"),
        markup(language_tag(aligned.versions.official))
    )?;
    for (side, transcript) in aligned.versions.iter() {
        let kind = side.name();
        writeln!(
            out,
            "    <prop type=\"x-{kind}\">{} ({})</prop>",
            markup(title(transcript)),
            markup(&transcript.metadata.origin.file)
        )?;
    }
    writeln!(
        out,
        "    <note>{} aligned rows; {one_sided} with text on one side only are not translation \
         units.</note>",
        aligned.alignment.rows.len()
    )?;
    writeln!(out, "  </header>")
}

/// One translation unit: speakers, positions, similarity and flags as properties and notes,
/// then a variant per version. A variant's segment carries the notes that stood before its
/// sentences, as in the source; what the source marks as unverified or struck is a note of
/// that variant, so that the segment holds each word once.
fn write_unit(
    aligned: &Aligned<'_>,
    number: usize,
    row: &Row,
    sides: Pair<&Vec<SentenceView<'_>>>,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "    <tu tuid=\"{number}\">")?;
    for (side, sentences) in sides.iter() {
        let kind = side.name();
        writeln!(
            out,
            "      <prop type=\"x-{kind}-speaker\">{}</prop>",
            markup(sentences[0].speaker)
        )?;
        writeln!(
            out,
            "      <prop type=\"x-{kind}-position\">{}</prop>",
            markup(&position(sentences, Wording::Short))
        )?;
    }
    writeln!(
        out,
        "      <prop type=\"x-similarity\">{:.3}</prop>",
        row.similarity
    )?;
    // The kind is a property, for tools that filter on it; what differs is a note, for
    // the translator reading the unit.
    for flag in &row.flags {
        writeln!(out, "      <prop type=\"x-flag\">{}</prop>", flag.name())?;
    }
    for flag in &row.flags {
        writeln!(out, "      <note>{}</note>", markup(&flag.describe()))?;
    }
    for (transcript, side) in aligned.versions.zip(sides) {
        let notes: String = quote::marks(side)
            .iter()
            .map(|mark| format!("<note>{}</note>", markup(mark)))
            .collect();
        writeln!(
            out,
            "      <tuv xml:lang=\"{}\">{notes}<seg>{}</seg></tuv>",
            markup(language_tag(transcript)),
            markup(&quote::text(side))
        )?;
    }
    writeln!(out, "    </tu>")
}
