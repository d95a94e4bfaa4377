//! The alignment as tab-separated values: one row per aligned row, with a header line.
//!
//! One quoting rule, the one Python's `csv` module writes and reads with `delimiter='\t'`
//! (RFC 4180's, with tabs): a cell holding a tab, a double quote or a line break is put in
//! double quotes, and each double quote inside is doubled. Spreadsheets read the same.
//!
//! A cell starting with `=`, `+`, `-` or `@` would run as a formula in a spreadsheet, so it
//! gets a leading apostrophe, which spreadsheets take as "this is text"; so does a cell that
//! starts with an apostrophe, so that the rule reads back exactly: to get the text, drop one
//! leading apostrophe from a cell that has one.
//!
//! A text cell keeps what qualifies its words as [`quote::plain`] writes it: `[Via interpreter]`
//! before the sentence it stood before, ` (unverified in the source: “…”)` after the text.

use super::ahead::write_rows;
use super::{Aligned, RowsDone, Wording, position, quote};
use crate::model::Pair;
use std::borrow::Cow;
use std::io::{self, Write};

const HEADER: &str = "row\tofficial_position\tofficial_speaker\tofficial_text\tother_position\tother_speaker\tother_text\tsimilarity\tflags";

/// A cell of text from a file: control characters and escape sequences get the reader's
/// visible stand-ins (a TSV file is often looked at in a terminal), then formula starts are
/// neutralised and the cell quoted as the module says; borrowed all the way where no step
/// changes the text, as in most cells.
fn cell(text: &str) -> Cow<'_, str> {
    then(then(crate::sanitize::visible(text), neutralised), quoted)
}

/// `step` applied to a text that may already be a copy, copying only where it must.
fn then<'a>(text: Cow<'a, str>, step: impl Fn(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(text) => step(text),
        Cow::Owned(text) => Cow::Owned(step(&text).into_owned()),
    }
}

/// Characters that start a formula in a spreadsheet, and the apostrophe that marks text.
const NEUTRALISED_STARTS: [char; 5] = ['=', '+', '-', '@', '\''];

fn neutralised(text: &str) -> Cow<'_, str> {
    if text.starts_with(NEUTRALISED_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

fn quoted(text: &str) -> Cow<'_, str> {
    if text.contains(['\t', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// The speaker of a side's first sentence, if it has one.
fn speaker<'a>(side: &[super::SentenceView<'a>]) -> &'a str {
    side.first().map_or("", |s| s.speaker)
}

/// Writes the header, then the rows, their lines made ahead of the writer.
pub fn write(aligned: &Aligned<'_>, out: &mut dyn Write, done: RowsDone<'_>) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    write_rows(&aligned.alignment.rows, out, done, |index, row, out| {
        let Pair { official, other } = aligned.sentences(row);
        let flags: Vec<&str> = row.flags.iter().map(|f| f.name()).collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{}",
            index + 1,
            position(&official, Wording::Short),
            cell(speaker(&official)),
            cell(&quote::plain(&official)),
            position(&other, Wording::Short),
            cell(speaker(&other)),
            cell(&quote::plain(&other)),
            row.similarity,
            flags.join(","),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(cell("plain text"), "plain text");
        assert_eq!(cell("\"Quoted,\" he said"), "\"\"\"Quoted,\"\" he said\"");
        assert_eq!(cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(cell("-5 percent"), "'-5 percent");
        assert_eq!(cell("@here"), "'@here");
        assert_eq!(cell("'Tis"), "''Tis");
        assert_eq!(cell("+\"x\""), "\"'+\"\"x\"\"\"");
        assert_eq!(cell("a\u{1b}[2Jb"), "a␛[2Jb");
    }
}
