//! Writing an alignment for people and scripts: JSON (documented, versioned), TSV, Markdown,
//! TMX for translation-memory tools, and an HTML report.

mod ahead;
mod html;
mod json;
mod markdown;
pub mod quote;
mod tmx;
mod tsv;
mod word_changes;

use crate::align::{Alignment, Row, turn_sentences};
use crate::model::{
    Annotation, AnnotationKind, Pair, SentenceIndex, SentenceRef, SpeakerId, Transcript,
};
use crate::sanitize;
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    #[default]
    Json,
    Tsv,
    Markdown,
    Tmx,
    Html,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Json,
        ExportFormat::Tsv,
        ExportFormat::Markdown,
        ExportFormat::Tmx,
        ExportFormat::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Tsv => "tsv",
            ExportFormat::Markdown => "markdown",
            ExportFormat::Tmx => "tmx",
            ExportFormat::Html => "html",
        }
    }
}

impl ExportFormat {
    /// The format a file name's extension names (`report.html`, `rows.tsv`, `notes.md`), if
    /// any: a user who writes `-o report.html` means HTML.
    pub fn of_file(path: &std::path::Path) -> Option<Self> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let name = match name.to_ascii_lowercase().as_str() {
            "md" => "markdown".to_string(),
            "htm" => "html".to_string(),
            other => other.to_string(),
        };
        ExportFormat::ALL
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| {
                format!(
                    "unknown export format '{name}' (expected json, tsv, markdown, tmx or html)"
                )
            })
    }
}

/// The two versions and their alignment, as exporters read them.
pub struct Aligned<'a> {
    pub versions: Pair<&'a Transcript>,
    pub alignment: &'a Alignment,
    /// Where each version's sentences sit, for the rows' references.
    indexes: Pair<SentenceIndex>,
}

/// A sentence as exporters show it: 1-based turn and sentence numbers, speaker, text, and
/// the annotations that qualify it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SentenceView<'a> {
    pub turn: usize,
    pub sentence: usize,
    pub speaker: &'a str,
    pub text: &'a str,
    /// Absent when there are none, so that rows without any read as before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Note<'a>>,
}

/// An annotation of one sentence: a note that stood before it (no span), or a stretch of its
/// text (a byte range of `text`, as in `inspect --json`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Note<'a> {
    pub kind: AnnotationKind,
    /// As written, delimiters included (`[Via interpreter]`); for a marked stretch, its words.
    pub text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Range<usize>>,
}

impl<'a> Note<'a> {
    fn of(annotation: &'a Annotation) -> Self {
        Note {
            kind: annotation.kind,
            text: &annotation.text,
            span: annotation.span.clone(),
        }
    }
}

impl<'a> Aligned<'a> {
    pub fn new(versions: Pair<&'a Transcript>, alignment: &'a Alignment) -> Self {
        Aligned {
            versions,
            alignment,
            indexes: versions.map(SentenceIndex::new),
        }
    }

    /// Resolves a row's sentence references on both sides.
    pub fn sentences(&self, row: &Row) -> Pair<Vec<SentenceView<'a>>> {
        let versions = self.versions.zip(self.indexes.as_ref());
        let sides = versions.zip(row.sides.as_ref());
        sides.map(|((transcript, index), refs)| sentences(transcript, index, refs))
    }
}

impl Aligned<'_> {
    /// Whether each side of a row has a sentence to show, without resolving its text: what
    /// a writer must know of every row before it writes the first.
    pub fn sides_present(&self, row: &Row) -> Pair<bool> {
        let versions = self.versions.zip(self.indexes.as_ref());
        let sides = versions.zip(row.sides.as_ref());
        sides.map(|((transcript, index), refs)| {
            refs.iter().any(|&r| index.locate(transcript, r).is_some())
        })
    }
}

/// The sentences `refs` name in `transcript` (found through its `index`), with their
/// annotations; a reference to no sentence is left out.
pub fn sentences<'a>(
    transcript: &'a Transcript,
    index: &SentenceIndex,
    refs: &[SentenceRef],
) -> Vec<SentenceView<'a>> {
    refs.iter()
        .filter_map(|&r| {
            let located = index.locate(transcript, r)?;
            Some(SentenceView {
                turn: r.turn + 1,
                sentence: r.sentence + 1,
                speaker: transcript.turn_label(located.turn),
                text: &located.sentence.text,
                annotations: located.annotations().map(Note::of).collect(),
            })
        })
        .collect()
}

/// Writes the alignment in `format` to `out`, a block of rows at a time as each is produced;
/// JSON indented when `pretty`, else compact.
pub fn write_to(
    aligned: &Aligned<'_>,
    format: ExportFormat,
    pretty: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    write_reporting(aligned, format, pretty, out, &|_| {})
}

/// Called with how many rows are written so far, as each is written.
pub type RowsDone<'a> = &'a dyn Fn(usize);

/// [`write_to`], telling `done` how far it has come.
pub fn write_reporting(
    aligned: &Aligned<'_>,
    format: ExportFormat,
    pretty: bool,
    out: &mut dyn Write,
    done: RowsDone<'_>,
) -> io::Result<()> {
    match format {
        ExportFormat::Json => json::write(aligned, pretty, out, done),
        ExportFormat::Tsv => tsv::write(aligned, out, done),
        ExportFormat::Markdown => markdown::write(aligned, out, done),
        ExportFormat::Tmx => tmx::write(aligned, out, done),
        ExportFormat::Html => html::write(aligned, out, done),
    }
}

/// The alignment in `format` as one string, JSON compact, as a file gets it.
pub fn write(aligned: &Aligned<'_>, format: ExportFormat) -> String {
    let mut bytes = Vec::new();
    // Writing to memory cannot fail, and every format writes UTF-8.
    let _ = write_to(aligned, format, false, &mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Writes what `fill` writes, through a buffer, to the file at `path` so that the file is
/// never seen half written: into a temporary file in the same folder, renamed into place once
/// complete. A kill during the write leaves the old file (or none) and a stray temporary
/// file, never a truncated export.
/// Something other than a regular file (a FIFO, `>(…)`, a device) is written in place, as it
/// cannot be replaced, and so is one of this process's descriptors (`/dev/stdout`), opened by
/// the shell, whatever it leads to. (Once replaced like a file when it led to a pipe, the
/// system's own `/dev/stdout` link was renamed over, run as root, and the pipe got nothing.)
pub fn save(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    if names_a_descriptor(path) || std::fs::metadata(path).is_ok_and(|found| !found.is_file()) {
        // Appended, as the shell's own descriptor would write: opened again, a file behind
        // `/dev/stdout` would otherwise be cut to nothing or written over from its start.
        let opened = std::fs::OpenOptions::new().append(true).open(path)?;
        let mut file = io::BufWriter::new(opened);
        fill(&mut file)?;
        return file.flush();
    }
    // A link is followed, so that the file it points to is the one replaced.
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    // Renaming over a read-only file would succeed where writing to it fails.
    if std::fs::metadata(&target).is_ok_and(|old| old.permissions().readonly()) {
        return Err(io::Error::from(io::ErrorKind::PermissionDenied));
    }
    let temporary = temporary_beside(&target);
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temporary)
        .and_then(|file| {
            if let Ok(old) = std::fs::metadata(&target) {
                file.set_permissions(old.permissions())?;
            }
            let mut buffered = io::BufWriter::new(file);
            fill(&mut buffered)?;
            buffered
                .into_inner()
                .map_err(|e| e.into_error())?
                .sync_all()
        })
        .and_then(|()| std::fs::rename(&temporary, &target));
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

/// Whether `path` is an open descriptor of this process: `/dev/stdout`, `/dev/stderr` (links to
/// `/proc/self/fd/N`), `/dev/fd/N` or `/proc/…/fd/N`.
fn names_a_descriptor(path: &Path) -> bool {
    let in_proc_fd =
        |p: &Path| p.starts_with("/proc") && p.components().any(|part| part.as_os_str() == "fd");
    path.starts_with("/dev/fd")
        || in_proc_fd(path)
        || std::fs::read_link(path).is_ok_and(|target| in_proc_fd(&target))
}

/// `.NAME.PID.tandem-tmp` in the folder of `target`: the same file system, so the rename is
/// atomic; hidden, and named for the process, so two exports do not meet.
fn temporary_beside(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "export".into(), |name| name.to_string_lossy());
    target.with_file_name(format!(".{name}.{}.tandem-tmp", std::process::id()))
}

/// Whether `a` and `b` are one regular file, under whatever names (a link, `./`, a hard
/// link). Devices are left out: `/dev/stdin` and `/dev/stdout` are often one terminal.
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.is_file() && (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// A transcript's title, or its file name when it has none.
fn title(transcript: &Transcript) -> &str {
    transcript
        .metadata
        .title
        .as_deref()
        .unwrap_or(&transcript.metadata.origin.file)
}

/// BCP 47 for "undetermined": what `xml:lang` and `lang` say when no language was guessed.
const UNDETERMINED: &str = "und";

/// A transcript's language as a tag for `xml:lang` and `lang`.
fn language_tag(transcript: &Transcript) -> &str {
    transcript
        .metadata
        .language
        .as_deref()
        .unwrap_or(UNDETERMINED)
}

/// A speaker's label as written, if the speaker exists.
fn speaker_label(transcript: &Transcript, id: Option<SpeakerId>) -> Option<&str> {
    id.and_then(|id| transcript.speaker(id))
        .map(|s| s.label.as_str())
}

/// Text for XML and HTML: characters unsafe in a terminal are unsafe here too (XML 1.0 has
/// no place for most control characters), so they get the reader's visible stand-ins; then
/// the markup characters are escaped. Nothing is dropped.
fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{FFFE}' | '\u{FFFF}' => out.push_str(&format!("&lt;U+{:04X}&gt;", c as u32)),
            c if sanitize::is_unsafe(c) => out.push_str(&markup(&sanitize::stand_in(c))),
            c => out.push(c),
        }
    }
    out
}

/// Sentences of a side joined for one cell.
fn joined(sentences: &[SentenceView<'_>]) -> String {
    sentences
        .iter()
        .map(|s| s.text)
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a citation names a place: tersely in a table column, in words in a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wording {
    /// `T4 S3-4`, `T1 S2 – T2 S1`
    Short,
    /// `turn 4, sentences 3-4`, `turn 1, sentence 2 to turn 2, sentence 1`
    Long,
}

/// Where a side of a row sits, in `wording`; empty for a side with no sentence.
pub fn position(sentences: &[SentenceView<'_>], wording: Wording) -> String {
    let (Some(first), Some(last)) = (sentences.first(), sentences.last()) else {
        return String::new();
    };
    let (turn, sentence, plural, comma, to) = match wording {
        Wording::Short => ("T", "S", "S", " ", "–"),
        Wording::Long => ("turn ", "sentence ", "sentences ", ", ", "to"),
    };
    let place =
        |at: &SentenceView<'_>| format!("{turn}{}{comma}{sentence}{}", at.turn, at.sentence);
    if first.turn != last.turn {
        format!("{} {to} {}", place(first), place(last))
    } else if first.sentence == last.sentence {
        place(first)
    } else {
        format!(
            "{turn}{}{comma}{plural}{}-{}",
            first.turn, first.sentence, last.sentence
        )
    }
}

/// The speaker matching as the cells of a table: each side's label through `escape` (or
/// `missing` when that side has no counterpart), the confidence, the evidence.
fn speaker_cells<'p>(
    aligned: &'p Aligned<'_>,
    escape: fn(&str) -> String,
    missing: &'p str,
) -> impl Iterator<Item = [String; 4]> + 'p {
    aligned.alignment.speakers.iter().map(move |m| {
        let label =
            |transcript, id| speaker_label(transcript, id).map_or(missing.to_string(), escape);
        [
            label(aligned.versions.official, m.speakers.official),
            label(aligned.versions.other, m.speakers.other),
            format!("{:.2}", m.confidence),
            escape(&m.evidence.join("; ")),
        ]
    })
}

/// Every sentence of both transcripts in order, for checks that each is in one row.
pub fn all_sentence_refs(transcript: &Transcript) -> Vec<SentenceRef> {
    turn_sentences(transcript)
        .iter()
        .enumerate()
        .flat_map(|(turn, list)| {
            (0..list.len()).map(move |sentence| SentenceRef { turn, sentence })
        })
        .collect()
}

/// The bundled pair repeated ten times, the other version perturbed: rows enough for several
/// blocks of [`ahead`]'s.
#[cfg(test)]
fn ten_fold_pair() -> Pair<Transcript> {
    use crate::{bundled, synth};
    Pair::new(
        synth::repeat_official(&bundled::official().unwrap(), 10),
        synth::repeat_perturbed(&bundled::other().unwrap(), 10, 7),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_escapes_and_shows_controls() {
        assert_eq!(
            markup("<b>\"R&D\"</b> it's"),
            "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt; it&#39;s"
        );
        assert_eq!(markup("a\u{1b}]0;x\u{7}b"), "a␛]0;x␇b");
        assert_eq!(markup("\u{202E}x\u{FFFF}"), "&lt;U+202E&gt;x&lt;U+FFFF&gt;");
    }

    fn at(turn: usize, sentence: usize) -> SentenceView<'static> {
        SentenceView {
            turn,
            sentence,
            speaker: "",
            text: "",
            annotations: Vec::new(),
        }
    }

    #[test]
    fn positions_in_both_wordings() {
        let cases = [
            (vec![at(4, 3)], "T4 S3", "turn 4, sentence 3"),
            (vec![at(4, 3), at(4, 4)], "T4 S3-4", "turn 4, sentences 3-4"),
            (
                vec![at(1, 2), at(2, 1)],
                "T1 S2 – T2 S1",
                "turn 1, sentence 2 to turn 2, sentence 1",
            ),
            (vec![], "", ""),
        ];
        for (sentences, short, long) in cases {
            assert_eq!(position(&sentences, Wording::Short), short);
            assert_eq!(position(&sentences, Wording::Long), long);
        }
    }

    #[test]
    fn format_names_read_back() {
        for format in ExportFormat::ALL {
            assert_eq!(format.name().parse(), Ok(format));
        }
        assert_eq!("HTM".parse(), Ok(ExportFormat::Html));
        assert!("pdf".parse::<ExportFormat>().is_err());
    }
}
