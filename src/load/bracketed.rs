//! Bracketed headers: `[Anchor]`, `[Hoster]`, `[Cho Tae-yeol / Minister of Foreign Affairs]`
//! alone on a line, the speech below (YTN's English site).
//!
//! A bracket that shares its line with text (`[On-Site Video+] Minister Cho said...`) or names
//! a contact channel (`[Phone]`) is not a speaker.

use super::assemble::{self, Markup, WrappedTurn};
use super::document::Document;
use super::metadata;
use super::reflow;

/// Channels named in site footers, never speakers.
const CONTACT_WORDS: &[&str] = &[
    "kakao talk",
    "phone",
    "mail",
    "e-mail",
    "email",
    "fax",
    "tel",
    "web",
    "homepage",
];

/// The label of a speaker header line: `[Name / Role]` and nothing else on the line.
fn header_label(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix('[')?.strip_suffix(']')?;
    let inner = inner.trim();
    let plausible = !inner.is_empty()
        && inner.chars().count() <= 80
        && !inner.contains(['[', ']'])
        && !CONTACT_WORDS.contains(&inner.to_lowercase().as_str());
    plausible.then_some(inner)
}

/// How many lines look like speaker headers (used by format detection).
pub fn header_count(lines: &[&str]) -> usize {
    header_lines(lines).len()
}

/// Header lines followed, after blank lines, by a line of speech.
fn header_lines(lines: &[&str]) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|&(i, line)| {
            header_label(line).is_some()
                && lines[i + 1..]
                    .iter()
                    .find(|l| !l.trim().is_empty())
                    .is_some_and(|next| {
                        header_label(next).is_none() && !metadata::is_footer_start(next)
                    })
        })
        .map(|(i, _)| i)
        .collect()
}

pub fn parse(text: &str) -> Document {
    let all_lines: Vec<&str> = reflow::collect_lines(text);
    let lines = reflow::source_lines(&all_lines);
    let mut document = Document::default();
    let headers = header_lines(&all_lines);
    let (Some(&first), Some(&last)) = (headers.first(), headers.last()) else {
        document.metadata.header = all_lines.iter().map(|l| l.to_string()).collect();
        return document;
    };
    let footer_start = (last + 1..all_lines.len())
        .find(|&i| metadata::is_footer_start(all_lines[i]))
        .unwrap_or(all_lines.len());
    metadata::read_header(&all_lines[..first], &mut document.metadata);
    metadata::read_footer(&all_lines[footer_start..], &mut document.metadata);
    document.metadata.header = all_lines[..first].iter().map(|l| l.to_string()).collect();
    document.metadata.footer = all_lines[footer_start..]
        .iter()
        .map(|l| l.to_string())
        .collect();
    let width = reflow::wrap_width(&lines[first..footer_start]);
    let turns: Vec<WrappedTurn<'_>> = headers
        .iter()
        .enumerate()
        .map(|(n, &index)| {
            let end = headers.get(n + 1).copied().unwrap_or(footer_start);
            let label = header_label(all_lines[index]).unwrap_or_default();
            WrappedTurn {
                label,
                speaker: document.speakers.intern(label),
                first_line: index + 1,
                body: index + 1..end,
                time: None,
            }
        })
        .collect();
    document.turns = assemble::wrapped_turns(&lines, &turns, width, Markup::default());
    document
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lone_brackets_followed_by_speech_are_speakers() {
        let lines = [
            "[On-Site Video+] Minister Cho said",
            "[Anchor]",
            "The meeting was held.",
            "[Kakao Talk] YTN Search",
            "[Phone]",
            "02-398-8585",
        ];
        assert_eq!(header_lines(&lines), [1]);
    }
}
