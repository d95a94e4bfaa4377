//! The loader: a transcript file, in any supported format and encoding, into a [`Transcript`].
//!
//! The data path is: bytes → [`decode`] → text → [`detect`] a format → that format's parser
//! builds a [`document::Document`] from [`assemble::Piece`]s → metadata is completed here.

mod annotate;
mod assemble;
pub mod bounded;
mod bracketed;
pub mod budget;
mod clock;
pub mod decode;
mod detect;
mod document;
mod entities;
mod frontmatter;
mod html;
mod json;
mod json_read;
mod labelled;
mod memory;
mod metadata;
pub mod prefix;
mod prose;
mod reflow;
pub mod sentences;
mod speakers;
mod subtitles;
mod timestamped;

pub use clock::clock;
pub use detect::Detection;
pub use memory::{MAX_FILE_BYTES, size_limit};
pub use speakers::{parse_label, slug};

use crate::model::Transcript;
use memory::{MEMORY_PER_FILE_BYTE, check_memory, free_memory};
use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// The transcript formats tandem reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `SPEAKER: text` lines (State Department, White House, Markdown with front matter).
    Labelled,
    /// `[Speaker]` or `[Name / Role]` header lines above the speech (YTN).
    Bracketed,
    /// SubRip subtitles.
    Srt,
    /// WebVTT subtitles.
    Vtt,
    /// `0:00:14.2 **Speaker** text` lines.
    Timestamped,
    /// tandem's own JSON model, or a transcript JSON (Podcasting 2.0 segments, entry lists).
    Json,
    /// An HTML transcript (`<cite>`, `<time>`, `<p>`), or any HTML page holding labelled text.
    Html,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Labelled,
        Format::Bracketed,
        Format::Srt,
        Format::Vtt,
        Format::Timestamped,
        Format::Json,
        Format::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Labelled => "labelled",
            Format::Bracketed => "bracketed",
            Format::Srt => "srt",
            Format::Vtt => "vtt",
            Format::Timestamped => "timestamped",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Format::Labelled => "labelled lines (SPEAKER: text)",
            Format::Bracketed => "bracketed headers ([Speaker] above the text)",
            Format::Srt => "SubRip subtitles",
            Format::Vtt => "WebVTT subtitles",
            Format::Timestamped => "timestamped lines (0:00:14.2 Speaker text)",
            Format::Json => "JSON",
            Format::Html => "HTML",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "unknown format '{name}' (expected one of: {})",
                    names.join(", ")
                )
            })
    }
}

/// How to read a file when the user knows better than detection.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub format: Option<Format>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// Why a file could not be loaded. The message names the file and the problem.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {problem}")]
pub struct LoadError {
    pub file: String,
    pub problem: Problem,
}

#[derive(Debug, thiserror::Error)]
pub enum Problem {
    #[error("cannot read it: {0}")]
    Io(#[from] std::io::Error),
    #[error("it is a directory, not a transcript file")]
    Directory,
    #[error(
        "the file is too large ({}; tandem reads files up to {limit} bytes{})",
        bounded::describe_size(*.size, *.limit),
        memory_note(*.limit, *.free_memory)
    )]
    TooLarge {
        size: Option<u64>,
        limit: u64,
        free_memory: Option<u64>,
    },
    #[error("{0}")]
    Decode(decode::DecodeError),
    #[error("not valid {format}: {detail}")]
    Malformed { format: Format, detail: String },
    #[error("no speaker turns found: {0}")]
    NoTurns(String),
    #[error("valid JSON, but not a transcript: {0}")]
    NotATranscript(String),
    #[error(
        "it holds too much for the memory free here: {} lines, {} turns and {} sentences take about {} MB to align, and {} MB is free",
        .counts.lines, .counts.turns, .counts.sentences, .counts.memory() / 1_000_000, .free_memory / 1_000_000
    )]
    TooDense {
        counts: budget::Counts,
        free_memory: u64,
    },
}

/// Says why the limit is lower than [`MAX_FILE_BYTES`], when it is.
fn memory_note(limit: u64, free_memory: Option<u64>) -> String {
    match free_memory {
        Some(free) if limit < MAX_FILE_BYTES => format!(
            " with the {} MB of memory free here, as aligning takes about {MEMORY_PER_FILE_BYTE} times a file's size",
            free / 1_000_000
        ),
        _ => String::new(),
    }
}

impl LoadError {
    fn new(file: &str, problem: Problem) -> Self {
        LoadError {
            file: file.to_string(),
            problem,
        }
    }
}

/// Reads and parses the file at `path`. `-` reads standard input.
/// The file is refused, before it is parsed and again before it is returned for aligning,
/// when what it holds would take more memory than is free (see [`budget`]).
pub fn load_path(path: &Path, options: LoadOptions) -> Result<Transcript, LoadError> {
    let file = path.display().to_string();
    let fail = |problem| LoadError::new(&file, problem);
    let free_memory = free_memory();
    let bytes = read_bytes(path, free_memory).map_err(fail)?;
    let counts = budget::Counts::of_bytes(&bytes);
    check_memory(counts, free_memory).map_err(fail)?;
    let transcript = load_bytes(&bytes, &file, options)?;
    check_memory(counts.with(&transcript), free_memory).map_err(fail)?;
    Ok(transcript)
}

fn read_bytes(path: &Path, free_memory: Option<u64>) -> Result<Vec<u8>, Problem> {
    let limit = size_limit(free_memory);
    bounded::read(path, limit).map_err(|error| match error {
        bounded::ReadError::TooLarge { size, limit } => Problem::TooLarge {
            size,
            limit,
            free_memory,
        },
        bounded::ReadError::Directory => Problem::Directory,
        bounded::ReadError::Io(error) => Problem::Io(error),
        // Only `read_text` checks the encoding; the decoder does here.
        other @ bounded::ReadError::NotUtf8 { .. } => Problem::Io(std::io::Error::other(other)),
    })
}

/// Parses a transcript from bytes; `file` names it in messages and in the metadata.
pub fn load_bytes(bytes: &[u8], file: &str, options: LoadOptions) -> Result<Transcript, LoadError> {
    let fail = |problem| LoadError::new(file, problem);
    let decoded = decode::decode(bytes, options.encoding).map_err(|e| fail(Problem::Decode(e)))?;
    let detection = match options.format {
        Some(format) => Detection { format, note: None },
        None => detect::detect(&decoded.text),
    };
    let format = detection.format;
    let document = parse(format, &decoded.text).map_err(fail)?;
    let transcript = finish(document, detection, file, decoded.encoding);
    if transcript.turns.is_empty() {
        let lines = decoded.text.lines().count();
        return Err(fail(Problem::NoTurns(no_turns_hint(format, lines))));
    }
    Ok(transcript)
}

/// Parses already decoded text in a known format.
fn parse(format: Format, text: &str) -> Result<document::Document, Problem> {
    Ok(match format {
        Format::Labelled => labelled::parse(text),
        Format::Bracketed => bracketed::parse(text),
        Format::Srt => subtitles::parse_srt(text),
        Format::Vtt => subtitles::parse_vtt(text),
        Format::Timestamped => timestamped::parse(text),
        Format::Json => json::parse(text).map_err(|problem| shape_or_syntax(problem, text))?,
        Format::Html => html::parse(text),
    })
}

fn finish(
    document: document::Document,
    detection: Detection,
    file: &str,
    encoding: String,
) -> Transcript {
    let warnings = document.warnings.clone();
    let mut transcript = document.into_transcript();
    let metadata = &mut transcript.metadata;
    if metadata.language.is_none() {
        let texts = transcript
            .turns
            .iter()
            .flat_map(|t| t.sentences())
            .map(|s| s.text.as_str());
        metadata.language = metadata::guess_language(texts);
    }
    let notes: Vec<String> = detection.note.into_iter().chain(warnings).collect();
    let read_here = crate::model::Origin {
        file: file.to_string(),
        format: detection.format.description().to_string(),
        encoding,
        format_note: (!notes.is_empty()).then(|| notes.join("; ")),
    };
    // tandem's own JSON carries the origin of the file it was made from: that one is kept.
    metadata.origin = if metadata.origin.format.is_empty() {
        read_here
    } else {
        let earlier = std::mem::take(&mut metadata.origin);
        let round_trip = format!("read back from tandem's JSON in {file}");
        crate::model::Origin {
            format_note: Some(match earlier.format_note {
                Some(note) => format!("{note}; {round_trip}"),
                None => round_trip,
            }),
            ..earlier
        }
    };
    transcript
}

fn no_turns_hint(format: Format, lines: usize) -> String {
    let name = format.description();
    let what = match format {
        Format::Json => format!("read as {name}, but it holds no speech: {JSON_SHAPES}"),
        Format::Srt | Format::Vtt => {
            format!("read as {name}, but none of the cues in its {lines} lines holds text")
        }
        _ => format!("read as {name}, but none of its {lines} lines opens a turn"),
    };
    format!("{what} (try --format; see `tandem --help` for the formats)")
}

/// The transcript JSON tandem reads, for messages about JSON of another shape.
const JSON_SHAPES: &str = "expected tandem's model, or an object with a 'segments' or \
                           'transcript' list, or a list of {speaker, text} entries";

/// The JSON reader calls a syntax error and a shape it does not know both "not valid": JSON
/// that is well formed but of another shape is told apart here, so the message says so.
fn shape_or_syntax(problem: Problem, text: &str) -> Problem {
    match problem {
        Problem::Malformed { detail, .. }
            if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() =>
        {
            Problem::NotATranscript(detail)
        }
        other => other,
    }
}
