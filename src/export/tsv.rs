//! The alignment as tab-separated values: one row per aligned row, with a header line.

use super::{Pair, joined, position};

const HEADER: &str = "row\tofficial_position\tofficial_speaker\tofficial_text\ttranslation_position\ttranslation_speaker\ttranslation_text\tsimilarity\tflags";

/// Sentence text has no tabs or line breaks (the loader collapses white space), but a cell
/// must never break the table, whatever it holds; control characters and escape sequences get
/// the reader's visible stand-ins, since a TSV file is often looked at in a terminal.
fn cell(text: &str) -> String {
    crate::sanitize::visible(&text.replace(['\t', '\n', '\r'], " ")).into_owned()
}

pub fn write(pair: &Pair<'_>) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for (index, row) in pair.alignment.rows.iter().enumerate() {
        let (official, translation) = pair.sentences(row);
        let speaker =
            |side: &[super::SentenceView<'_>]| side.first().map_or("", |s| s.speaker).to_string();
        let flags: Vec<&str> = row.flags.iter().map(|f| f.name()).collect();
        let fields = [
            (index + 1).to_string(),
            position(&official),
            cell(&speaker(&official)),
            cell(&joined(&official)),
            position(&translation),
            cell(&speaker(&translation)),
            cell(&joined(&translation)),
            format!("{:.3}", row.similarity),
            flags.join(","),
        ];
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}
