//! `tandem inspect`: a plain-text report of how a transcript was read.

use crate::model::{Transcript, format_seconds};
use crate::sanitize::visible;
use std::fmt::Write;

/// Words of each turn shown in the report.
const PREVIEW_WORDS: usize = 9;

pub fn report(transcript: &Transcript) -> String {
    let mut out = String::new();
    let metadata = &transcript.metadata;
    let origin = &metadata.origin;
    let mut field = |name: &str, value: Option<&str>| {
        if let Some(value) = value {
            let _ = writeln!(out, "{name:<10}{}", visible(value));
        }
    };
    field("file", Some(&origin.file));
    field("format", Some(&origin.format));
    field("note", origin.format_note.as_deref());
    field("encoding", Some(&origin.encoding));
    field("title", metadata.title.as_deref());
    field("date", metadata.date.as_deref());
    field("place", metadata.place.as_deref());
    field("source", metadata.source.as_deref());
    field("language", metadata.language.as_deref());
    for note in &metadata.notes {
        field("notes", Some(note));
    }
    write_speakers(&mut out, transcript);
    write_turns(&mut out, transcript);
    out
}

/// Each speaker: label, turn count, and the name and role read from the label.
fn write_speakers(out: &mut String, transcript: &Transcript) {
    let counts = transcript.turn_counts();
    let _ = writeln!(out, "\nspeakers ({})", transcript.speakers.len());
    for (speaker, count) in transcript.speakers.iter().zip(counts) {
        let mut details = Vec::new();
        if let Some(name) = &speaker.name {
            details.push(format!("name: {name}"));
        }
        if let Some(role) = &speaker.role {
            details.push(format!("role: {role}"));
        }
        let _ = writeln!(
            out,
            "  {:<44} {:>4} turn{}  {}",
            visible(&speaker.label),
            count,
            if count == 1 { " " } else { "s" },
            visible(&details.join(", "))
        );
    }
}

/// Each turn: number, speaker, source lines, time, sentence count and first words.
fn write_turns(out: &mut String, transcript: &Transcript) {
    let _ = writeln!(
        out,
        "\nturns ({}, {} sentences)",
        transcript.turns.len(),
        transcript.sentence_count()
    );
    for (index, turn) in transcript.turns.iter().enumerate() {
        let label = transcript.turn_label(turn);
        let label = if label.is_empty() {
            "(no speaker)"
        } else {
            label
        };
        let time = turn
            .time
            .map(|t| format_seconds(t.start))
            .unwrap_or_default();
        let preview: Vec<&str> = turn
            .sentences()
            .flat_map(|s| s.text.split_whitespace())
            .take(PREVIEW_WORDS + 1)
            .collect();
        let ellipsis = if preview.len() > PREVIEW_WORDS {
            " …"
        } else {
            ""
        };
        let preview = preview[..preview.len().min(PREVIEW_WORDS)].join(" ");
        let _ = writeln!(
            out,
            "  {:>4}  {:<24} lines {:>5}-{:<5} {:>7} {:>3} sent.  {}{}",
            index + 1,
            truncate(&visible(label), 24),
            turn.lines.first,
            turn.lines.last,
            time,
            turn.sentence_count(),
            visible(&preview),
            ellipsis
        );
    }
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}
