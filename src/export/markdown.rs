//! The alignment as a Markdown document: speaker matching, then a table of rows. Each side's
//! text keeps what qualifies it, as [`quote::plain`] writes it.

use super::ahead::write_rows;
use super::{Aligned, RowsDone, Wording, position, quote, speaker_cells, title};
use crate::model::Pair;
use std::io::{self, Write};

/// A table cell: pipes and backslashes escaped, control characters and escape sequences
/// shown as the reader shows them.
fn cell(text: &str) -> String {
    crate::sanitize::visible(text)
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r', '\t'], " ")
}

/// Writes the heading and speaker table, then the rows, their lines made ahead of the writer.
pub fn write(aligned: &Aligned<'_>, out: &mut dyn Write, done: RowsDone<'_>) -> io::Result<()> {
    writeln!(
        out,
        "# {} / {}\n",
        cell(title(aligned.versions.official)),
        cell(title(aligned.versions.other))
    )?;
    for warning in &aligned.alignment.warnings {
        writeln!(out, "> **Warning:** {}\n", cell(&warning.message))?;
    }
    if !aligned.alignment.metadata_changes.is_empty() {
        writeln!(out, "Given differently by the two versions:\n")?;
        for change in &aligned.alignment.metadata_changes {
            writeln!(out, "- {}", cell(&change.describe()))?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "## Speakers\n\n| Official | Other | Confidence | Evidence |\n|---|---|---|---|"
    )?;
    for [official, other, confidence, evidence] in speaker_cells(aligned, cell, "—") {
        writeln!(out, "| {official} | {other} | {confidence} | {evidence} |")?;
    }
    writeln!(
        out,
        "\n## Alignment\n\n| # | Official | Other | Similarity | Flags |\n|---|---|---|---|---|"
    )?;
    write_rows(&aligned.alignment.rows, out, done, |index, row, out| {
        let Pair { official, other } = aligned.sentences(row);
        let side = |sentences: &[super::SentenceView<'_>]| {
            if sentences.is_empty() {
                "—".to_string()
            } else {
                format!(
                    "**{}** {}: {}",
                    position(sentences, Wording::Short),
                    cell(sentences[0].speaker),
                    cell(&quote::plain(sentences))
                )
            }
        };
        let flags: Vec<String> = row.flags.iter().map(|f| cell(&f.describe())).collect();
        writeln!(
            out,
            "| {} | {} | {} | {:.2} | {} |",
            index + 1,
            side(&official),
            side(&other),
            row.similarity,
            flags.join("; ")
        )
    })
}
