//! The alignment as TMX 1.4b, the translation-memory exchange format: one translation unit per
//! row with text on both sides, the official version as the source language.
//!
//! Rows with text on one side only are no translation units; the header's note counts them.
//! Each variant carries its own version's language, `und` where none was guessed. When both
//! versions are in one language (an official transcript and another outlet's English), both
//! variants say that language rather than inventing a distinction: the file is then a
//! sentence-aligned parallel text, which TMX tools read as two variants of one segment.

use super::{Pair, SentenceView, joined, language_tag, markup, position, title};
use crate::align::Row;
use std::fmt::Write;

/// A row with text on both sides: its 1-based number, the row, and each side's sentences.
type Unit<'a> = (usize, &'a Row, Vec<SentenceView<'a>>, Vec<SentenceView<'a>>);

pub fn write(pair: &Pair<'_>) -> String {
    let units: Vec<Unit<'_>> = pair
        .alignment
        .rows
        .iter()
        .enumerate()
        .filter_map(|(index, row)| {
            let (official, other) = pair.sentences(row);
            let both = !official.is_empty() && !other.is_empty();
            both.then_some((index + 1, row, official, other))
        })
        .collect();
    let one_sided = pair.alignment.rows.len() - units.len();
    let (source, target) = (language_tag(pair.official), language_tag(pair.other));

    let mut out = String::new();
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let _ = writeln!(out, "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">");
    let _ = writeln!(out, "<tmx version=\"1.4\">");
    let _ = writeln!(
        out,
        "  <header creationtool=\"tandem\" creationtoolversion=\"{}\" datatype=\"plaintext\" \
         segtype=\"sentence\" adminlang=\"en\" srclang=\"{}\" o-tmf=\"tandem\">",
        env!("CARGO_PKG_VERSION"),
        markup(source)
    );
    for (kind, transcript) in [("official", pair.official), ("translation", pair.other)] {
        let _ = writeln!(
            out,
            "    <prop type=\"x-{kind}\">{} ({})</prop>",
            markup(title(transcript)),
            markup(&transcript.metadata.origin.file)
        );
    }
    let _ = writeln!(
        out,
        "    <note>{} aligned rows; {one_sided} with text on one side only are not translation \
         units.</note>",
        pair.alignment.rows.len()
    );
    let _ = writeln!(out, "  </header>");
    let _ = writeln!(out, "  <body>");
    for (number, row, official, other) in &units {
        let _ = writeln!(out, "    <tu tuid=\"{number}\">");
        for (kind, side) in [("official", official), ("translation", other)] {
            let _ = writeln!(
                out,
                "      <prop type=\"x-{kind}-speaker\">{}</prop>",
                markup(side[0].speaker)
            );
            let _ = writeln!(
                out,
                "      <prop type=\"x-{kind}-position\">{}</prop>",
                markup(&position(side))
            );
        }
        let _ = writeln!(
            out,
            "      <prop type=\"x-similarity\">{:.3}</prop>",
            row.similarity
        );
        // The kind is a property, for tools that filter on it; what differs is a note, for
        // the translator reading the unit.
        for flag in &row.flags {
            let _ = writeln!(out, "      <prop type=\"x-flag\">{}</prop>", flag.name());
        }
        for flag in &row.flags {
            let _ = writeln!(out, "      <note>{}</note>", markup(&flag.describe()));
        }
        for (lang, side) in [(source, official), (target, other)] {
            let _ = writeln!(
                out,
                "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
                markup(lang),
                markup(&joined(side))
            );
        }
        let _ = writeln!(out, "    </tu>");
    }
    let _ = writeln!(out, "  </body>");
    let _ = writeln!(out, "</tmx>");
    out
}
