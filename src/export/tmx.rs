//! The alignment as TMX 1.4b, the translation-memory exchange format: one translation unit per
//! row with text on both sides, the official version as the source language.
//!
//! Rows with text on one side only are no translation units; the header's note counts them.
//! When both versions are in one language (an official transcript and another outlet's
//! English), both variants carry that language: the file is then a sentence-aligned parallel
//! text rather than a translation memory, and says so as it is.

use super::{Pair, SentenceView, joined, markup, position, title};
use crate::model::Transcript;
use std::fmt::Write;

/// BCP 47 for "undetermined", when the language could not be guessed.
const UNDETERMINED: &str = "und";

fn language(transcript: &Transcript) -> &str {
    transcript
        .metadata
        .language
        .as_deref()
        .unwrap_or(UNDETERMINED)
}

pub fn write(pair: &Pair<'_>) -> String {
    let rows: Vec<(usize, Vec<SentenceView<'_>>, Vec<SentenceView<'_>>)> = pair
        .alignment
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let (official, other) = pair.sentences(row);
            (index, official, other)
        })
        .collect();
    let one_sided = rows
        .iter()
        .filter(|(_, official, other)| official.is_empty() || other.is_empty())
        .count();
    let (source, target) = (language(pair.official), language(pair.other));

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
        rows.len()
    );
    let _ = writeln!(out, "  </header>");
    let _ = writeln!(out, "  <body>");
    for (index, official, other) in &rows {
        if official.is_empty() || other.is_empty() {
            continue;
        }
        let row = &pair.alignment.rows[*index];
        let _ = writeln!(out, "    <tu tuid=\"{}\">", index + 1);
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
        for flag in &row.flags {
            let _ = writeln!(
                out,
                "      <prop type=\"x-flag\">{}</prop>",
                markup(&flag.describe())
            );
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
