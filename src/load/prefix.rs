//! The start of a long file, loaded on its own so that the reader can show it while the whole
//! file is loaded and aligned. Only a start that reads as the whole file would is given: cut
//! at a line end, in an encoding and a format whose start is valid by itself.

use super::{Format, LoadOptions, decode, detect, finish, free_memory, parse, size_limit};
use crate::model::Transcript;
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The first lines of the file at `path`, about `bytes` long, as a transcript; the whole file
/// when it is no longer. `None` when no start can stand for the file: standard input or
/// another stream (read once, by the full load), a file over the size limit (refused by the
/// full load at once), no line end within `bytes`, bytes that do not decode once cut, and
/// JSON or HTML, whose start is not a document.
pub fn load_prefix(path: &Path, bytes: u64, options: LoadOptions) -> Option<Transcript> {
    let start = read_start(path, bytes)?;
    let decoded = decode::decode(&start, options.encoding).ok()?;
    let detection = match options.format {
        Some(format) => detect::Detection { format, note: None },
        None => detect::detect(&decoded.text),
    };
    let json_list = options.format.is_none() && opens_a_json_list(&decoded.text);
    if json_list || matches!(detection.format, Format::Json | Format::Html) {
        return None;
    }
    let document = parse(detection.format, &decoded.text).ok()?;
    let file = path.display().to_string();
    let transcript = finish(document, detection, &file, decoded.encoding);
    (!transcript.turns.is_empty()).then_some(transcript)
}

/// Whether the text opens as a JSON list does (`[{`, `[[`, `["`, `[]`): detection takes only a
/// whole list for JSON, as `[Speaker]` opens a bracketed transcript, and the start of a list
/// is not one.
fn opens_a_json_list(text: &str) -> bool {
    let mut rest = text
        .trim_start()
        .strip_prefix('[')
        .unwrap_or("x")
        .trim_start()
        .chars();
    matches!(rest.next(), None | Some('{' | '[' | '"' | ']'))
}

/// The size of the regular file at `path`, if it is one that the full load will read.
pub fn readable_size(path: &Path) -> Option<u64> {
    let metadata = std::fs::metadata(path).ok()?;
    let size = metadata.len();
    (metadata.is_file() && size <= size_limit(free_memory())).then_some(size)
}

/// The file's first `bytes` bytes, cut after the last line end in them; the whole file when it
/// is no longer.
fn read_start(path: &Path, bytes: u64) -> Option<Vec<u8>> {
    let size = readable_size(path)?;
    let mut start = Vec::with_capacity(usize::try_from(size.min(bytes)).ok()?);
    File::open(path)
        .ok()?
        .take(bytes)
        .read_to_end(&mut start)
        .ok()?;
    if size > bytes {
        let end = cut_at_line_end(&start)?;
        start.truncate(end);
    }
    Some(start)
}

/// Where the text before the last line end of `start` ends. In UTF-16 little-endian a line end
/// is `0A 00`: the zero byte goes with it, so that no character is cut in two. A cut that still
/// splits a character (a UTF-16 character with a byte `0A`) fails to decode, and no start is
/// shown; every other encoding tandem reads keeps `0A` for the line end alone.
fn cut_at_line_end(start: &[u8]) -> Option<usize> {
    let end = memchr::memrchr(b'\n', start)? + 1;
    Some(end + usize::from(start.get(end) == Some(&0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("tandem-prefix-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }

    #[test]
    fn the_start_ends_at_a_line_end() {
        let path = file_with(
            "labelled.txt",
            "ALICE: One. Two.\nBOB: Three.\nALICE: Fo".as_bytes(),
        );
        let transcript = load_prefix(&path, 36, LoadOptions::default()).unwrap();
        assert_eq!(transcript.turns.len(), 2);
        let whole = load_prefix(&path, 1000, LoadOptions::default()).unwrap();
        assert_eq!(whole.turns.len(), 3);
    }

    #[test]
    fn a_utf16_line_end_keeps_its_zero_byte() {
        let text: Vec<u8> = "ALICE: Ünë.\nBOB: Twö.\nALICE: Thrëë.\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(&text);
        let path = file_with("utf16.txt", &with_bom);
        // The BOM and two lines of 12 and 10 characters, and the first byte of the third.
        let transcript = load_prefix(&path, 2 + 2 * 22 + 1, LoadOptions::default()).unwrap();
        assert_eq!(transcript.turns.len(), 2);
        assert_eq!(transcript.turns[1].paragraphs[0].sentences[0].text, "Twö.");
    }

    #[test]
    fn a_json_list_is_told_from_a_bracketed_header() {
        assert!(opens_a_json_list("[\n  {\"speaker\": \"A\""));
        assert!(opens_a_json_list(" [\"a\", "));
        assert!(!opens_a_json_list("[Anchor]\nSession 1."));
        assert!(!opens_a_json_list("ALICE: [laughs]"));
    }

    #[test]
    fn json_html_and_a_start_without_a_line_end_give_no_start() {
        let json = file_with(
            "t.json",
            br#"[{"speaker": "A", "text": "One."},
{"speaker": "B", "text": "Two."}]"#,
        );
        assert!(load_prefix(&json, 40, LoadOptions::default()).is_none());
        let html = file_with(
            "t.html",
            b"<html><body>\n<p>ALICE: One.</p>\n<p>BOB: Two.</p>\n",
        );
        assert!(load_prefix(&html, 30, LoadOptions::default()).is_none());
        let long = file_with("long.txt", "ALICE: One two three four.\n".as_bytes());
        assert!(load_prefix(&long, 10, LoadOptions::default()).is_none());
        assert!(load_prefix(Path::new("-"), 10, LoadOptions::default()).is_none());
    }
}
