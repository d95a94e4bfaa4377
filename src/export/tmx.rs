//! The alignment as TMX 1.4b, the translation-memory exchange format: one translation unit per
//! row with text on both sides, the official version as the source language.
//!
//! Rows with text on one side only are no translation units; the header's note counts them.
//! Each variant carries its own version's language, `und` where none was guessed. When both
//! versions are in one language (an official transcript and another outlet's English), both
//! variants say that language rather than inventing a distinction: the file is then a
//! sentence-aligned parallel text, which TMX tools read as two variants of one segment.

use super::{Pair, RowsDone, joined, language_tag, markup, position, title};
use std::io::{self, Write};

/// Writes the header, then each row with text on both sides as a unit, as it is produced.
pub fn write(pair: &Pair<'_>, out: &mut dyn Write, done: RowsDone<'_>) -> io::Result<()> {
    let units = pair
        .alignment
        .rows
        .iter()
        .filter(|row| pair.sides_present(row) == (true, true))
        .count();
    let one_sided = pair.alignment.rows.len() - units;
    let (source, target) = (language_tag(pair.official), language_tag(pair.other));

    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">")?;
    writeln!(out, "<tmx version=\"1.4\">")?;
    writeln!(
        out,
        "  <header creationtool=\"tandem\" creationtoolversion=\"{}\" datatype=\"plaintext\" \
         segtype=\"sentence\" adminlang=\"en\" srclang=\"{}\" o-tmf=\"tandem\">",
        env!("CARGO_PKG_VERSION"),
        markup(source)
    )?;
    for (kind, transcript) in [("official", pair.official), ("translation", pair.other)] {
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
        pair.alignment.rows.len()
    )?;
    writeln!(out, "  </header>")?;
    writeln!(out, "  <body>")?;
    for (index, row) in pair.alignment.rows.iter().enumerate() {
        done(index);
        let (official, other) = pair.sentences(row);
        if official.is_empty() || other.is_empty() {
            continue;
        }
        let number = index + 1;
        writeln!(out, "    <tu tuid=\"{number}\">")?;
        for (kind, side) in [("official", &official), ("translation", &other)] {
            writeln!(
                out,
                "      <prop type=\"x-{kind}-speaker\">{}</prop>",
                markup(side[0].speaker)
            )?;
            writeln!(
                out,
                "      <prop type=\"x-{kind}-position\">{}</prop>",
                markup(&position(side))
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
        for (lang, side) in [(source, &official), (target, &other)] {
            writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                markup(lang),
                markup(&joined(side))
            )?;
        }
        writeln!(out, "    </tu>")?;
    }
    writeln!(out, "  </body>")?;
    writeln!(out, "</tmx>")?;
    Ok(())
}
