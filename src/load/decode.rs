//! Bytes to text: byte-order marks, UTF-8, UTF-16 and legacy encodings, line ends.
//!
//! Decoding never replaces a byte silently: a file that does not decode cleanly in the chosen
//! encoding is an error that says where, because a transcript is a record.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};
use std::borrow::Cow;

/// Text decoded from a file, with the encoding it was read in.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text with line ends normalised to `\n` and any byte-order mark removed; borrowed
    /// from the bytes when they were already that (UTF-8 without carriage returns).
    pub text: Cow<'a, str>,
    /// The encoding's name, with ` (BOM)` when a byte-order mark named it.
    pub encoding: String,
}

/// Why bytes could not become text.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    Binary {
        offset: usize,
    },
    Invalid {
        encoding: &'static str,
        offset: usize,
        line: usize,
    },
    /// Lines in UTF-8 and bytes in some other encoding: no one encoding reads the whole file.
    Mixed {
        utf8_line: usize,
        offset: usize,
        line: usize,
    },
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "the file is empty"),
            DecodeError::Binary { offset } => write!(
                f,
                "this looks like a binary file, not a transcript (control byte at offset {offset})"
            ),
            DecodeError::Invalid {
                encoding,
                offset,
                line,
            } => write!(
                f,
                "bytes that are not valid {encoding} at line {line} (byte offset {offset}); \
                 name the encoding with --encoding if it is another one"
            ),
            DecodeError::Mixed {
                utf8_line,
                offset,
                line,
            } => write!(
                f,
                "it mixes encodings: line {utf8_line} is UTF-8, but the bytes at line {line} \
                 (byte offset {offset}) are not; convert it to one encoding, or name the \
                 encoding with --encoding if it is all another one"
            ),
        }
    }
}

/// Looks up an encoding by a label such as `utf-8`, `euc-kr`, `cp949`, `shift_jis`, `latin1`.
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let label = label.trim();
    let normalized = match label.to_ascii_lowercase().as_str() {
        "cp949" | "uhc" | "ks_c_5601-1987" => "euc-kr",
        "sjis" | "cp932" | "ms932" => "shift_jis",
        "cp1252" => "windows-1252",
        _ => return Encoding::for_label(label.as_bytes()),
    };
    Encoding::for_label(normalized.as_bytes())
}

/// Decodes `bytes`, in `forced` when given, otherwise as the byte-order mark, UTF-8 validity or
/// a statistical guess says.
pub fn decode<'a>(
    bytes: &'a [u8],
    forced: Option<&'static Encoding>,
) -> Result<Decoded<'a>, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    if let Some(encoding) = forced {
        let body = match Encoding::for_bom(bytes) {
            Some((bom_encoding, length)) if bom_encoding == encoding => &bytes[length..],
            _ => bytes,
        };
        return strict(
            encoding,
            body,
            bytes.len() - body.len(),
            encoding.name().to_string(),
        );
    }
    if let Some((encoding, length)) = Encoding::for_bom(bytes) {
        return strict(
            encoding,
            &bytes[length..],
            length,
            format!("{} (BOM)", encoding.name()),
        );
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        return strict(encoding, bytes, 0, encoding.name().to_string());
    }
    if let Some(offset) = binary_offset(bytes) {
        return Err(DecodeError::Binary { offset });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: normalize_line_ends(Cow::Borrowed(text)),
            encoding: UTF_8.name().to_string(),
        }),
        // A file cut inside its last character, as a download or `head -c` cuts.
        Err(error) if error.error_len().is_none() || mostly_utf8(bytes) => {
            Err(invalid(UTF_8, bytes, error.valid_up_to(), 0))
        }
        // Guessing a legacy encoding would garble the UTF-8 lines.
        Err(error) if let Some(utf8_line) = utf8_line(bytes) => Err(DecodeError::Mixed {
            utf8_line,
            offset: error.valid_up_to(),
            line: line_at(bytes, error.valid_up_to()),
        }),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            strict(
                encoding,
                bytes,
                0,
                format!("{} (detected)", encoding.name()),
            )
        }
    }
}

fn strict<'a>(
    encoding: &'static Encoding,
    body: &'a [u8],
    skipped: usize,
    name: String,
) -> Result<Decoded<'a>, DecodeError> {
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) if text.is_empty() => Err(DecodeError::Empty),
        Some(text) => Ok(Decoded {
            text: normalize_line_ends(text),
            encoding: name,
        }),
        None => Err(invalid(
            encoding,
            body,
            first_error_offset(encoding, body),
            skipped,
        )),
    }
}

/// Finds the first byte the decoder rejects, by decoding in growing prefixes.
fn first_error_offset(encoding: &'static Encoding, body: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(decoder.max_utf8_buffer_length(body.len()).unwrap_or(0));
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    match result {
        encoding_rs::DecoderResult::Malformed(bad, extra) => {
            read.saturating_sub(bad as usize + extra as usize)
        }
        _ => read,
    }
}

/// `offset` is within `body`; `skipped` bytes (a byte-order mark) came before it in the file.
fn invalid(encoding: &'static Encoding, body: &[u8], offset: usize, skipped: usize) -> DecodeError {
    let offset = offset.min(body.len());
    DecodeError::Invalid {
        encoding: encoding.name(),
        offset: offset + skipped,
        line: line_at(body, offset),
    }
}

/// The 1-based number of the line that byte `offset` is on.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    1 + memchr::memchr_iter(b'\n', &bytes[..offset]).count()
}

/// UTF-16 text without a byte-order mark has a zero byte in every other position for ASCII.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    if odd * 10 >= pairs * 7 && even * 10 <= pairs {
        Some(UTF_16LE)
    } else if even * 10 >= pairs * 7 && odd * 10 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// A NUL byte, or many control bytes, mean the file is not text in any encoding we read.
fn binary_offset(bytes: &[u8]) -> Option<usize> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(offset) = sample.iter().position(|&b| b == 0) {
        return Some(offset);
    }
    let is_control =
        |b: &u8| b.is_ascii_control() && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b);
    let controls = sample.iter().filter(|b| is_control(b)).count();
    if controls * 20 > sample.len() {
        sample.iter().position(is_control)
    } else {
        None
    }
}

/// True when the invalid sequences are rare next to valid multi-byte ones: a UTF-8 file with a
/// damaged byte, not a legacy encoding. Guessing a legacy encoding for it would garble every
/// non-ASCII character, so it is reported instead.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte >= 3 * invalid.max(1)
}

/// The number of a line that can only be UTF-8: valid UTF-8 with a character of three bytes
/// or more (`’`, Hangul, kanji) or with two non-ASCII characters. Text in a legacy encoding
/// makes a valid UTF-8 sequence only by chance, and not a whole line of them.
fn utf8_line(bytes: &[u8]) -> Option<usize> {
    bytes
        .split(|&b| b == b'\n')
        .position(|line| {
            let Ok(text) = std::str::from_utf8(line) else {
                return false;
            };
            let mut wide = text.chars().filter(|c| !c.is_ascii());
            let first = wide.next();
            first.is_some_and(|c| c.len_utf8() >= 3) || first.is_some() && wide.next().is_some()
        })
        .map(|index| index + 1)
}

fn normalize_line_ends(text: Cow<'_, str>) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi", None).unwrap().text, "hi");
        assert_eq!(decode("é".as_bytes(), None).unwrap().encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("가a".encode_utf16().flat_map(u16::to_le_bytes));
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, "가a");
        assert_eq!(decoded.encoding, "UTF-16LE (BOM)");
    }

    #[test]
    fn line_ends_are_normalised() {
        assert_eq!(decode(b"a\r\nb\rc", None).unwrap().text, "a\nb\nc");
    }

    #[test]
    fn legacy_korean_is_detected() {
        let text = "외교부 장관은 오늘 서울에서 미국 국무장관과 회담을 가졌습니다. 양국은 동맹을 재확인했습니다.";
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.text, text);
        assert_eq!(decoded.encoding, "EUC-KR (detected)");
    }

    #[test]
    fn damaged_utf8_is_an_error_with_a_line() {
        let bytes = "한국어 텍스트\n둘째 줄 \u{2014}\n".as_bytes();
        let mut damaged = bytes.to_vec();
        damaged.truncate(damaged.len() - 2);
        let error = decode(&damaged, None).unwrap_err();
        assert!(
            matches!(error, DecodeError::Invalid { line: 2, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn a_file_cut_inside_its_last_character_is_damaged_utf8() {
        let text = "MODERATOR: Good afternoon, Minister. 안".as_bytes();
        let cut = &text[..text.len() - 1];
        assert_eq!(
            decode(cut, None).unwrap_err(),
            DecodeError::Invalid {
                encoding: "UTF-8",
                offset: cut.len() - 2,
                line: 1
            }
        );
    }

    #[test]
    fn utf8_lines_beside_a_legacy_part_are_not_guessed_away() {
        let mut bytes = "MODERATOR: 안녕하십니까. Welcome.\nQ: Thanks.\n"
            .as_bytes()
            .to_vec();
        let korean = "사회자: 질문 받겠습니다. ".repeat(200);
        let (euc_kr, _, _) = encoding_rs::EUC_KR.encode(&korean);
        let offset = bytes.len();
        bytes.extend_from_slice(&euc_kr);
        assert_eq!(
            decode(&bytes, None).unwrap_err(),
            DecodeError::Mixed {
                utf8_line: 1,
                offset,
                line: 3
            }
        );
    }

    #[test]
    fn legacy_text_that_makes_utf8_by_chance_is_still_read() {
        // `É”` in windows-1252 is C9 94, a valid two-byte UTF-8 sequence.
        let (bytes, _, _) = encoding_rs::WINDOWS_1252
            .encode("MODERATOR: Le CAFÉ” est fermé.\nQ: Très bien, à demain.\n");
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.encoding, "windows-1252 (detected)");
        assert!(decoded.text.contains("CAFÉ”"));
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", None).unwrap_err(),
            DecodeError::Binary { offset: 4 }
        );
    }
}
