//! The alignment as a self-contained HTML report: both versions side by side, row by row,
//! divergent rows highlighted, word differences marked with `<del>` and `<ins>` (one
//! language), sentences with no counterpart shown as omissions. No script, no external
//! resource; light and dark colour schemes and a print layout. What qualifies a quote shows as
//! in the reader: the notes that stood before a sentence (`[Via interpreter]`) in front of it,
//! text the source marks as unverified (red asterisks) underlined in red, struck text struck.

use super::word_changes::with_diffs_ahead;
use super::{
    Aligned, RowsDone, SentenceView, Wording, joined, language_tag, markup, position, quote,
    speaker_cells, title,
};
use crate::align::{DiffPiece, Flag, Row};
use crate::model::{AnnotationKind, Pair, Transcript};
use std::io::{self, Write};
use std::ops::Range;

const STYLE: &str = r#"
:root { color-scheme: light dark; --bg: #fff; --fg: #1d1d1f; --muted: #6b6b70; --line: #e2e2e6;
  --divergent: #fff3e0; --divergent-edge: #e07b00; --missing: #eef3ff; --missing-edge: #3b6fd8;
  --del: #ffd4d1; --ins: #cff3d1; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #17181b; --fg: #e4e4e7; --muted: #9b9ba3; --line: #2e2f34;
    --divergent: #3a2a12; --divergent-edge: #f0a040; --missing: #17233b; --missing-edge: #6d9cff;
    --del: #5c2323; --ins: #1d4a27; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg);
  color: var(--fg); margin: 1.5rem auto; max-width: 1500px; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: 0 0 1rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-top: 1px solid var(--line); }
th { font-weight: 600; }
.versions { table-layout: fixed; } .versions col.field { width: 8rem; }
.versions th[scope=row] { color: var(--muted); font-weight: normal; }
.summary { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; padding: 0; list-style: none; }
.summary b { font-size: 1.2rem; }
.legend .swatch { display: inline-block; width: .9em; height: .9em; margin: 0 .3rem 0 1rem;
  vertical-align: -.1em; border-left: 4px solid; }
.legend .swatch:first-child { margin-left: 0; }
.swatch.divergent { background: var(--divergent); border-color: var(--divergent-edge); }
.swatch.unmatched { background: var(--missing); border-color: var(--missing-edge); }
.legend .words { margin-left: 1rem; }
.alignment { table-layout: fixed; }
.alignment thead th { position: sticky; top: 0; background: var(--bg); box-shadow: 0 1px var(--line); }
.alignment col.n { width: 3.5rem; } .alignment col.notes { width: 15rem; }
.alignment td.n a { color: var(--muted); text-decoration: none; font-size: .85em; }
.who { font-size: .8em; color: var(--muted); }
.who .speaker { font-weight: 600; color: var(--fg); }
tr.divergent td { background: var(--divergent); }
tr.divergent td.n { box-shadow: inset 4px 0 var(--divergent-edge); }
tr.unmatched td.n { box-shadow: inset 4px 0 var(--missing-edge); }
td.missing { background: var(--missing); color: var(--muted); font-style: italic; }
del { background: var(--del); text-decoration: line-through; }
ins { background: var(--ins); text-decoration: none; }
.note { color: var(--muted); font-style: italic; }
.unverified { text-decoration: underline wavy var(--divergent-edge); text-underline-offset: .2em; color: #c62828; }
.struck { text-decoration: line-through; color: var(--muted); }
.notes ul { margin: .2rem 0 0; padding-left: 1.1rem; }
.score { font-variant-numeric: tabular-nums; color: var(--muted); }
.warning { border-left: 4px solid var(--divergent-edge); background: var(--divergent); padding: .5rem .8rem; }
.divergences .opening { color: var(--muted); }
tr.run-head td { background: var(--missing); color: var(--muted); font-style: italic;
  box-shadow: inset 4px 0 var(--missing-edge); }
tbody.run:has(input:not(:checked)) tr[id] { display: none; }
@media print { body { margin: 0; max-width: none; font-size: 9.5pt; }
  tr { break-inside: avoid; } .alignment thead th { position: static; }
  tbody.run tr[id] { display: table-row !important; } tr.run-head { display: none; } * { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
"#;

/// What kind of row: both sides agree, both sides but flagged, or one side only.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Matched,
    Divergent,
    Unmatched,
}

/// What the report must know of every row before it writes the first (the counts, the list
/// of divergences, the folded runs), kept small so that the rows themselves are resolved
/// only as each is written.
#[derive(Clone, Copy)]
struct Outline {
    kind: Kind,
    has_official: bool,
    has_other: bool,
}

impl Outline {
    fn new(aligned: &Aligned<'_>, row: &Row) -> Self {
        let Pair {
            official: has_official,
            other: has_other,
        } = aligned.sides_present(row);
        let kind = if !has_official || !has_other {
            Kind::Unmatched
        } else if row.is_divergent() {
            Kind::Divergent
        } else {
            Kind::Matched
        };
        Outline {
            kind,
            has_official,
            has_other,
        }
    }
}

/// A row of the alignment with its sentences resolved, as the report shows it.
struct Shown<'a> {
    kind: Kind,
    row: &'a Row,
    official: Vec<SentenceView<'a>>,
    other: Vec<SentenceView<'a>>,
}

impl<'a> Shown<'a> {
    fn new(aligned: &Aligned<'a>, row: &'a Row, outline: Outline) -> Self {
        let Pair { official, other } = aligned.sentences(row);
        Shown {
            kind: outline.kind,
            row,
            official,
            other,
        }
    }
}

/// Writes the report: the summary and the list of divergences from a first look at every
/// row, then the table, each row resolved and written as it is reached.
pub fn write(aligned: &Aligned<'_>, out: &mut dyn Write, done: RowsDone<'_>) -> io::Result<()> {
    let outlines: Vec<Outline> = aligned
        .alignment
        .rows
        .iter()
        .map(|row| Outline::new(aligned, row))
        .collect();
    write_opening(out, aligned)?;
    write_summary(out, aligned, &outlines)?;
    write_divergences(out, aligned, &outlines)?;
    write_speakers(out, aligned)?;
    write_alignment(out, aligned, &outlines, done)?;
    writeln!(out, "</body>\n</html>")
}

/// The document head, the title, the warnings, and both versions' metadata.
fn write_opening(out: &mut dyn Write, aligned: &Aligned<'_>) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"tandem {}\">\n<title>{} ↔ {}</title>\n\
         <style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        markup(title(aligned.versions.official)),
        markup(title(aligned.versions.other))
    )?;
    writeln!(
        out,
        "<h1>Side by side: {}</h1>",
        markup(title(aligned.versions.official))
    )?;
    for warning in &aligned.alignment.warnings {
        writeln!(
            out,
            "<p class=\"warning\" role=\"alert\">⚠ {}</p>",
            markup(&warning.message)
        )?;
    }
    write_versions(out, aligned.versions.official, aligned.versions.other)?;
    write_metadata_changes(out, aligned)
}

/// The counts of rows by kind, and the legend of colours and marks.
fn write_summary(
    out: &mut dyn Write,
    aligned: &Aligned<'_>,
    outlines: &[Outline],
) -> io::Result<()> {
    let count = |wanted: fn(&Outline) -> bool| outlines.iter().filter(|row| wanted(row)).count();
    let matched = count(|row| row.kind != Kind::Unmatched);
    let divergent = count(|row| row.kind == Kind::Divergent);
    let only_official = count(|row| !row.has_other);
    let only_other = count(|row| !row.has_official);
    writeln!(
        out,
        "<ul class=\"summary\">\n<li><b>{}</b> rows</li>\n<li><b>{matched}</b> with both \
         versions</li>\n<li><b>{divergent}</b> of them divergent</li>\n<li><b>{only_official}</b> \
         only in the official version</li>\n<li><b>{only_other}</b> only in the other version</li>\n</ul>",
        outlines.len()
    )?;
    // Word differences are marked within one language only, so only then are they explained.
    let words = if aligned.alignment.same_language {
        "<span class=\"words\"><del>struck</del> official words the other version lacks, \
         <ins>marked</ins> words only the other version has (where the two share most of their \
         words)</span>"
    } else {
        ""
    };
    writeln!(
        out,
        "<p class=\"legend\"><span class=\"swatch divergent\"></span>wording, numbers, names or \
         negation differ, or little in common <span class=\"swatch unmatched\"></span>no counterpart \
         {words}{}</p>",
        source_marks_legend(aligned)
    )
}

/// What the source's own marks look like, for a pair where either version has any.
fn source_marks_legend(aligned: &Aligned<'_>) -> &'static str {
    let has = |kind: AnnotationKind| {
        [aligned.versions.official, aligned.versions.other]
            .iter()
            .any(|transcript| {
                transcript
                    .turns
                    .iter()
                    .flat_map(|turn| &turn.annotations)
                    .any(|annotation| annotation.kind == kind && annotation.span.is_some())
            })
    };
    match (has(AnnotationKind::Unverified), has(AnnotationKind::Struck)) {
        (false, false) => "",
        (true, false) => {
            " <span class=\"words\"><span class=\"unverified\">underlined</span> unverified in the \
             source (red asterisks: not in the recording)</span>"
        }
        (false, true) => {
            " <span class=\"words\"><span class=\"struck\">struck</span> struck in the source</span>"
        }
        (true, true) => {
            " <span class=\"words\"><span class=\"unverified\">underlined</span> unverified in the \
             source (red asterisks: not in the recording), <span class=\"struck\">struck</span> \
             struck in the source</span>"
        }
    }
}

/// The alignment table, each row resolved and written as it is reached; a long run of rows
/// one version lacks is folded under one line with its count.
fn write_alignment(
    out: &mut dyn Write,
    aligned: &Aligned<'_>,
    outlines: &[Outline],
    done: RowsDone<'_>,
) -> io::Result<()> {
    let rows = &aligned.alignment.rows;
    writeln!(
        out,
        "<h2>Alignment</h2>\n<table class=\"alignment\">\n<colgroup><col class=\"n\"><col><col>\
         <col class=\"notes\"></colgroup>\n<thead><tr><th>#</th><th>Official{}</th>\
         <th>Other version{}</th><th>Divergence</th></tr></thead>\n<tbody>",
        language_heading(aligned.versions.official),
        language_heading(aligned.versions.other)
    )?;
    let shown = |index: usize| Shown::new(aligned, &rows[index], outlines[index]);
    // Every row is written once, in order, so each takes the next diff.
    with_diffs_ahead(aligned, |diffs| {
        let mut write_next_row = |out: &mut dyn Write, at: usize| {
            write_row(out, aligned, at + 1, &shown(at), diffs.next().flatten())
        };
        let mut index = 0;
        while index < rows.len() {
            match one_sided_run(outlines, index) {
                Some((run, version)) if run >= RUN => {
                    // Ticking the run's line shows its rows (no script: the checkbox and `:has`).
                    let (first, last) = (index + 1, index + run);
                    writeln!(
                        out,
                        "</tbody>\n<tbody class=\"run\" id=\"run{first}\"><tr class=\"run-head\">\
                         <td class=\"run-note\" colspan=\"4\"><label><input type=\"checkbox\"> rows {first}–{last}: \
                         {run} rows only in the {version} version (tick to show them)</label></td></tr>"
                    )?;
                    for at in index..index + run {
                        write_next_row(out, at)?;
                        done(at + 1);
                    }
                    writeln!(out, "</tbody>\n<tbody>")?;
                    index += run;
                }
                _ => {
                    write_next_row(out, index)?;
                    index += 1;
                    done(index);
                }
            }
        }
        writeln!(out, "</tbody>\n</table>")
    })
}

/// The metadata the two versions give differently, under the versions table.
fn write_metadata_changes(out: &mut dyn Write, aligned: &Aligned<'_>) -> io::Result<()> {
    let changes = &aligned.alignment.metadata_changes;
    if changes.is_empty() {
        return Ok(());
    }
    let items: String = changes
        .iter()
        .map(|change| format!("<li>{}</li>", markup(&change.describe())))
        .collect();
    writeln!(
        out,
        "<p class=\"changes\">Given differently by the two versions:</p>\n<ul class=\"changes\">{items}</ul>"
    )
}

/// Rows in one run of rows with one side only, at least this long, are listed as one entry
/// and folded in the table.
const RUN: usize = 3;

/// At a one-sided row: how many one-sided rows of the same side follow from it (itself
/// included), and which version has them.
fn one_sided_run(rows: &[Outline], index: usize) -> Option<(usize, &'static str)> {
    let outline = rows
        .get(index)
        .filter(|outline| outline.kind == Kind::Unmatched)?;
    let only_official = !outline.has_other;
    let run = rows[index..]
        .iter()
        .take_while(|r| r.kind == Kind::Unmatched && r.has_other == outline.has_other)
        .count();
    Some((run, if only_official { "official" } else { "other" }))
}

/// An entry of the list of divergences: a divergent row, or a run of one-sided rows
/// (`rows` long) starting at `index`.
struct Divergence {
    index: usize,
    one_sided: Option<(usize, &'static str)>,
}

/// Every divergence in row order; a run of rows that one version lacks is one entry.
fn divergences(rows: &[Outline]) -> impl Iterator<Item = Divergence> + '_ {
    let mut index = 0;
    std::iter::from_fn(move || {
        while index < rows.len() {
            let at = index;
            if let Some((run, version)) = one_sided_run(rows, at) {
                index += if run >= RUN { run } else { 1 };
                return Some(Divergence {
                    index: at,
                    one_sided: Some((run, version)),
                });
            }
            index += 1;
            if rows[at].kind == Kind::Divergent {
                return Some(Divergence {
                    index: at,
                    one_sided: None,
                });
            }
        }
        None
    })
}

/// Every divergence, each linking to its row; a run of rows that one version lacks is one
/// entry with its count, linking to the folded run.
fn write_divergences(
    out: &mut dyn Write,
    aligned: &Aligned<'_>,
    rows: &[Outline],
) -> io::Result<()> {
    let count = divergences(rows).count();
    if count == 0 {
        return writeln!(out, "<h2>Divergences</h2>\n<p>None: every row agrees.</p>");
    }
    write!(
        out,
        "<h2>Divergences ({count})</h2>\n<ol class=\"divergences\">"
    )?;
    for Divergence { index, one_sided } in divergences(rows) {
        let row = &aligned.alignment.rows[index];
        let Pair { official, other } = aligned.sentences(row);
        let number = index + 1;
        match one_sided {
            Some((run, version)) => {
                let first = if other.is_empty() { &official } else { &other };
                let (target, what) = if run >= RUN {
                    (
                        format!("run{number}"),
                        format!(
                            "rows {number}–{}: {run} rows only in the {version} version",
                            number + run - 1
                        ),
                    )
                } else {
                    (
                        format!("r{number}"),
                        format!("row {number}: only in the {version} version"),
                    )
                };
                write!(
                    out,
                    "<li><a href=\"#{target}\">{}</a> <span class=\"opening\">{}</span></li>",
                    markup(&what),
                    markup(&opening(&joined(first)))
                )?;
            }
            None => {
                let flags: Vec<String> = row.flags.iter().map(Flag::describe).collect();
                write!(
                    out,
                    "<li><a href=\"#r{number}\">row {number}</a>: {} <span class=\"opening\">{}</span></li>",
                    markup(&flags.join("; ")),
                    markup(&opening(&joined(&official)))
                )?;
            }
        }
    }
    writeln!(out, "</ol>")
}

/// The first words of a text, to recognise a row by.
fn opening(text: &str) -> String {
    const WORDS: usize = 8;
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= WORDS {
        words.join(" ")
    } else {
        format!("{} …", words[..WORDS].join(" "))
    }
}

/// One row of the alignment table: number, both sides, similarity and flags.
fn write_row(
    out: &mut dyn Write,
    aligned: &Aligned<'_>,
    number: usize,
    shown: &Shown<'_>,
    diff: Option<Vec<DiffPiece>>,
) -> io::Result<()> {
    let class = match shown.kind {
        Kind::Matched => "matched",
        Kind::Divergent => "divergent",
        Kind::Unmatched => "unmatched",
    };
    write!(
        out,
        "<tr class=\"{class}\" id=\"r{number}\"><td class=\"n\"><a href=\"#r{number}\">{number}</a></td>"
    )?;
    // Per side: its class, sentences, transcript, placeholder, and the diff pieces that
    // belong to the other side only.
    let sides = [
        (
            "official",
            &shown.official,
            aligned.versions.official,
            "not in the official version",
            "insert",
        ),
        (
            "other",
            &shown.other,
            aligned.versions.other,
            "not in the other version",
            "delete",
        ),
    ];
    for (side, sentences, transcript, missing, elsewhere) in sides {
        if sentences.is_empty() {
            write!(out, "<td class=\"{side} missing\">{missing}</td>")?;
            continue;
        }
        let text = side_text(sentences, diff.as_deref(), elsewhere);
        write!(
            out,
            "<td class=\"{side}\" lang=\"{}\"><div class=\"who\"><span class=\"speaker\">{}</span> \
             {}</div><div class=\"text\">{text}</div></td>",
            markup(language_tag(transcript)),
            markup(sentences[0].speaker),
            markup(&position(sentences, Wording::Short))
        )?;
    }
    let score = match shown.kind {
        Kind::Unmatched => String::new(),
        _ => format!(
            "<span class=\"score\">similarity {:.2}</span>",
            shown.row.similarity
        ),
    };
    // Every one-sided row has `NoCounterpart`; its colour and placeholder already say so.
    let flags: String = shown
        .row
        .flags
        .iter()
        .filter(|flag| **flag != Flag::NoCounterpart)
        .map(|flag| format!("<li>{}</li>", markup(&flag.describe())))
        .collect();
    let flags = if flags.is_empty() {
        String::new()
    } else {
        format!("<ul>{flags}</ul>")
    };
    writeln!(out, "<td class=\"notes\">{score}{flags}</td></tr>")?;
    Ok(())
}

/// One side's text: where the row has a word diff, the words only this side has in `<del>`
/// (official) or `<ins>` (other), the pieces only the other side has (`elsewhere`) left out;
/// the notes that stood before a sentence in front of it, and the stretches the source marks
/// as unverified or struck in a span styled as the reader shows them.
fn side_text(
    sentences: &[SentenceView<'_>],
    diff: Option<&[DiffPiece]>,
    elsewhere: &str,
) -> String {
    let whole = joined(sentences);
    let kept = |piece: &&DiffPiece| piece.op != elsewhere;
    // The kept pieces spell `whole` (see `word_changes`), so each covers a stretch of it; were
    // that ever not so, the words matter more than the marking of changes.
    let diff = diff.filter(|pieces| {
        pieces
            .iter()
            .filter(kept)
            .map(|piece| piece.text.as_str())
            .collect::<String>()
            == whole
    });
    let mut at = 0;
    let pieces: Vec<(Range<usize>, &str)> = match diff {
        Some(pieces) => pieces
            .iter()
            .filter(kept)
            .map(|piece| {
                at += piece.text.len();
                (at - piece.text.len()..at, piece.op)
            })
            .collect(),
        None => vec![(0..whole.len(), "equal")],
    };
    let (notes, marks) = source_notes(sentences);
    let mut cuts: Vec<usize> = notes.iter().map(|(at, _)| *at).collect();
    cuts.extend(marks.iter().flat_map(|(range, _)| [range.start, range.end]));
    let mut notes = notes.into_iter().peekable();
    // Stretches of markup with the source mark each lies in, merged into one span per run.
    let mut atoms: Vec<(Option<AnnotationKind>, String)> = Vec::new();
    for (piece, op) in pieces {
        let mut bounds: Vec<usize> = cuts
            .iter()
            .copied()
            .filter(|cut| piece.contains(cut) && *cut != piece.start)
            .collect();
        bounds.sort_unstable();
        bounds.dedup();
        bounds.push(piece.end);
        let mut start = piece.start;
        for end in bounds {
            while let Some((_, note)) = notes.next_if(|(at, _)| *at <= start) {
                atoms.push((
                    None,
                    format!("<span class=\"note\">{}</span> ", markup(note)),
                ));
            }
            let words = &whole[start..end];
            let words = match op {
                "delete" => marked("del", words),
                "insert" => marked("ins", words),
                _ => markup(words),
            };
            let mark = marks.iter().find(|(range, _)| range.contains(&start));
            atoms.push((mark.map(|(_, kind)| *kind), words));
            start = end;
        }
    }
    atoms
        .chunk_by(|a, b| a.0 == b.0)
        .map(|run| {
            let inner: String = run.iter().map(|(_, html)| html.as_str()).collect();
            match run[0].0 {
                Some(kind) => format!(
                    "<span class=\"{0}\" title=\"{0} in the source\">{inner}</span>",
                    kind.name()
                ),
                None => inner,
            }
        })
        .collect()
}

/// Where in a side's joined text each note that stood before a sentence goes, and which
/// stretches of it the source marks as unverified or struck.
type SourceNotes<'a> = (Vec<(usize, &'a str)>, Vec<(Range<usize>, AnnotationKind)>);

fn source_notes<'a>(sentences: &'a [SentenceView<'_>]) -> SourceNotes<'a> {
    let (mut notes, mut marks) = (Vec::new(), Vec::new());
    let mut start = 0;
    for sentence in sentences {
        notes.extend(quote::notes_before(sentence).map(|note| (start, note)));
        marks.extend(
            quote::marked(sentence)
                .map(|(kind, span)| (start + span.start..start + span.end, kind)),
        );
        start += sentence.text.len() + 1;
    }
    (notes, marks)
}

/// Changed words in `tag`, with the white space around them left outside: the mark then
/// covers the words, not the gaps beside them.
fn marked(tag: &str, text: &str) -> String {
    let words = text.trim();
    if words.is_empty() {
        return markup(text);
    }
    let start = text.len() - text.trim_start().len();
    let end = start + words.len();
    format!(
        "{}<{tag}>{}</{tag}>{}",
        markup(&text[..start]),
        markup(words),
        markup(&text[end..])
    )
}

/// ` (en)` after a column heading, or nothing when the language was not guessed.
fn language_heading(transcript: &Transcript) -> String {
    transcript
        .metadata
        .language
        .as_deref()
        .map_or(String::new(), |language| format!(" ({})", markup(language)))
}

/// A row of the versions table: its name, and how to read it off a transcript.
type VersionField = (&'static str, fn(&Transcript) -> Option<String>);

/// Both versions' title, source, date, place, language and file, in two columns.
fn write_versions(
    out: &mut dyn Write,
    official: &Transcript,
    other: &Transcript,
) -> io::Result<()> {
    writeln!(
        out,
        "<table class=\"versions\">\n<colgroup><col class=\"field\"><col><col></colgroup>\n<thead><tr><td></td><th>Official</th><th>Other version</th></tr></thead>\n<tbody>"
    )?;
    let fields: [VersionField; 7] = [
        ("Title", |t| Some(title(t).to_string())),
        ("Source", |t| t.metadata.source.clone()),
        ("Date", |t| t.metadata.date.clone()),
        ("Place", |t| t.metadata.place.clone()),
        ("Language", |t| t.metadata.language.clone()),
        ("File", |t| Some(t.metadata.origin.file.clone())),
        ("Turns", |t| Some(t.turns.len().to_string())),
    ];
    for (name, value) in fields {
        let cell = |t: &Transcript| value(t).map_or("—".to_string(), |v| markup(&v));
        writeln!(
            out,
            "<tr><th scope=\"row\">{name}</th><td>{}</td><td>{}</td></tr>",
            cell(official),
            cell(other)
        )?;
    }
    writeln!(out, "</tbody>\n</table>")?;
    Ok(())
}

/// The speaker matching, with confidence and evidence.
fn write_speakers(out: &mut dyn Write, aligned: &Aligned<'_>) -> io::Result<()> {
    writeln!(
        out,
        "<h2>Speakers</h2>\n<table class=\"speakers\">\n<thead><tr><th>Official</th><th>Other version</th>\
         <th>Confidence</th><th>Evidence</th></tr></thead>\n<tbody>"
    )?;
    for [official, other, confidence, evidence] in
        speaker_cells(aligned, markup, "— (no counterpart)")
    {
        writeln!(
            out,
            "<tr><td>{official}</td><td>{other}</td><td>{confidence}</td><td>{evidence}</td></tr>"
        )?;
    }
    writeln!(out, "</tbody>\n</table>")?;
    Ok(())
}
