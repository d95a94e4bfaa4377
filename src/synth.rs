//! Large, realistic test pairs for benchmarks: a real pair repeated and perturbed, written in
//! any of the formats tandem reads; and degenerate shapes for robustness tests.
//!
//! Repetition alone would let an aligner coast on identical copies, so each copy of the other
//! version drops, merges, splits and rewords sentences, changes a number now and then, and
//! sometimes adds an introductory turn. Everything is driven by a seeded generator, so a size
//! and a seed always give the same bytes.

use crate::load::Format;
use crate::model::{Paragraph, Sentence, Transcript, Turn, format_seconds};
use std::fmt::Write;

/// Degenerate shapes for robustness tests and their benchmarks: `turns` one-word turns,
/// `ALICE: word1` and `BOB: word2` in turn, a speaker label on every line.
pub fn one_word_turns(turns: usize) -> String {
    (0..turns)
        .map(|i| {
            let speaker = if i % 2 == 0 { "ALICE" } else { "BOB" };
            format!("{speaker}: word{}\n", i % 1000)
        })
        .collect()
}

/// `turns` one-sentence turns shared in turn among `speakers` speakers, `SPEAKER AAAA`
/// onwards (up to 456,976 of them).
pub fn many_speakers(speakers: usize, turns: usize) -> String {
    let letter = |n: usize| char::from(b'A' + (n % 26) as u8);
    let label = |i: usize| -> String {
        [1, 26, 676, 17_576]
            .map(|unit| letter(i / unit))
            .iter()
            .collect()
    };
    (0..turns)
        .map(|i| format!("SPEAKER {}: Sentence number {i}.\n", label(i % speakers)))
        .collect()
}

/// A small deterministic generator (SplitMix64): the same seed gives the same pairs everywhere.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `copies` copies of `official`, each marked with its session number so copies differ.
pub fn repeat_official(official: &Transcript, copies: usize) -> Transcript {
    let mut result = official.clone();
    result.turns.clear();
    for copy in 0..copies {
        for (index, turn) in official.turns.iter().enumerate() {
            let mut turn = turn.clone();
            if index == 0 {
                mark_session(&mut turn, copy);
            }
            result.turns.push(turn);
        }
    }
    result
}

fn mark_session(turn: &mut Turn, copy: usize) {
    if let Some(paragraph) = turn.paragraphs.first_mut() {
        paragraph.sentences.insert(
            0,
            Sentence {
                text: format!("Session {}.", copy + 1),
                time: None,
            },
        );
        turn.annotations.clear();
    }
}

/// `copies` perturbed copies of `other`, matching [`repeat_official`]'s session marks.
pub fn repeat_perturbed(other: &Transcript, copies: usize, seed: u64) -> Transcript {
    let mut random = Random(seed);
    let mut result = other.clone();
    result.turns.clear();
    for copy in 0..copies {
        if random.chance(30)
            && let Some(first) = other.turns.first()
        {
            let mut intro = first.clone();
            intro.paragraphs.truncate(1);
            result.turns.push(intro);
        }
        for (index, turn) in other.turns.iter().enumerate() {
            let mut turn = turn.clone();
            turn.annotations.clear();
            for paragraph in &mut turn.paragraphs {
                perturb(paragraph, &mut random);
            }
            if index == 0 {
                mark_session(&mut turn, copy);
            }
            result.turns.push(turn);
        }
    }
    result
}

const SYNONYMS: &[(&str, &str)] = &[
    ("alliance", "partnership"),
    ("important", "significant"),
    ("cooperation", "collaboration"),
    ("reaffirmed", "confirmed"),
    ("strong", "robust"),
    ("countries", "nations"),
    ("said", "stated"),
    ("today", "this day"),
];

fn perturb(paragraph: &mut Paragraph, random: &mut Random) {
    let mut sentences: Vec<String> = Vec::new();
    for sentence in paragraph.sentences.drain(..) {
        let mut text = sentence.text;
        if random.chance(5) {
            continue;
        }
        if random.chance(15) {
            for (word, synonym) in SYNONYMS {
                text = text.replacen(word, synonym, 1);
            }
        }
        if random.chance(4) {
            text = change_a_number(&text, random);
        }
        match sentences.last_mut() {
            Some(previous) if random.chance(6) => {
                *previous = format!(
                    "{} {}",
                    previous.trim_end_matches(['.', '?', '!']),
                    lower_first(&text)
                );
            }
            _ if random.chance(6) && text.contains(", ") => {
                let at = text.find(", ").unwrap_or(0);
                let (first, rest) = text.split_at(at);
                sentences.push(format!("{first}."));
                sentences.push(upper_first(rest.trim_start_matches(", ")));
            }
            _ => sentences.push(text),
        }
    }
    if sentences.is_empty() {
        sentences.push("Thank you.".into());
    }
    paragraph.sentences = sentences
        .into_iter()
        .map(|text| Sentence { text, time: None })
        .collect();
}

fn change_a_number(text: &str, random: &mut Random) -> String {
    match text.find(|c: char| c.is_ascii_digit()) {
        Some(at) => {
            let digit = text.as_bytes()[at] - b'0';
            let changed = (digit + 1 + random.below(8) as u8) % 10;
            format!("{}{}{}", &text[..at], changed, &text[at + 1..])
        }
        None => text.to_string(),
    }
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if !text.starts_with("I ") => first.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Writes a transcript in one of the formats tandem reads, as a file of that format looks.
pub fn write(transcript: &Transcript, format: Format) -> String {
    let mut out = String::new();
    let title = transcript
        .metadata
        .title
        .clone()
        .unwrap_or_else(|| "Synthetic transcript".into());
    let label = |turn: &Turn| speaker_label(transcript, turn);
    let mut clock = 0.0;
    match format {
        Format::Labelled => {
            let _ = writeln!(out, "{title}\n");
            for turn in &transcript.turns {
                let label = label(turn).to_uppercase().replace(['/', ':'], " ");
                for (n, paragraph) in turn.paragraphs.iter().enumerate() {
                    let text = if n == 0 {
                        format!("{label}: {}", paragraph.text())
                    } else {
                        paragraph.text()
                    };
                    let _ = writeln!(out, "{}", textwrap::fill(&text, 80));
                }
            }
        }
        Format::Bracketed => {
            let _ = writeln!(out, "{title}\n");
            for turn in &transcript.turns {
                let _ = writeln!(out, "[{}]", label(turn));
                for paragraph in &turn.paragraphs {
                    let _ = writeln!(out, "{}\n", paragraph.text());
                }
            }
        }
        Format::Timestamped => {
            for turn in &transcript.turns {
                for paragraph in &turn.paragraphs {
                    let _ = writeln!(
                        out,
                        "{} **{}** {}\n",
                        format_seconds(clock),
                        label(turn),
                        paragraph.text()
                    );
                    clock += 4.0 + paragraph.text().len() as f64 / 15.0;
                }
            }
        }
        Format::Srt | Format::Vtt => write_cues(transcript, format, &mut out),
        Format::Json => out = write_json(transcript, &title),
        Format::Html => write_html(transcript, &mut out),
    }
    out
}

/// The name a synthetic file gives a turn's speaker.
fn speaker_label(transcript: &Transcript, turn: &Turn) -> String {
    let label = transcript.turn_label(turn);
    if label.is_empty() {
        "SPEAKER".to_string()
    } else {
        label.to_string()
    }
}

/// A JSON transcript: entries of time stamp, speaker and text.
fn write_json(transcript: &Transcript, title: &str) -> String {
    let mut clock = 0.0;
    let entries: Vec<serde_json::Value> = transcript
        .turns
        .iter()
        .flat_map(|turn| turn.paragraphs.iter().map(move |p| (turn, p)))
        .map(|(turn, paragraph)| {
            clock += 4.0 + paragraph.text().len() as f64 / 15.0;
            let speaker = speaker_label(transcript, turn);
            serde_json::json!({
                "timestamp": format_seconds(clock),
                "speaker": speaker,
                "text": paragraph.text(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({"title": title, "transcript": entries}))
        .unwrap_or_default()
}

/// An HTML transcript: a `<cite>` label and a `<time>` before each turn's paragraphs.
fn write_html(transcript: &Transcript, out: &mut String) {
    let mut clock = 0.0;
    for turn in &transcript.turns {
        let _ = writeln!(
            out,
            "<cite>{}:</cite>\n<time>{}</time>",
            escape(&speaker_label(transcript, turn)),
            format_seconds(clock)
        );
        for paragraph in &turn.paragraphs {
            let _ = writeln!(out, "<p>{}</p>", escape(&paragraph.text()));
            clock += 4.0 + paragraph.text().len() as f64 / 15.0;
        }
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Subtitle cues of about eight words, the speaker named where a turn starts.
fn write_cues(transcript: &Transcript, format: Format, out: &mut String) {
    const WORDS_PER_CUE: usize = 8;
    let vtt = format == Format::Vtt;
    if vtt {
        out.push_str("WEBVTT\n\n");
    }
    let mut clock = 0.0;
    let mut number = 0;
    for turn in &transcript.turns {
        let words: Vec<&str> = turn
            .sentences()
            .flat_map(|s| s.text.split_whitespace())
            .collect();
        let speaker = transcript.turn_label(turn).replace(['<', '>', ':'], " ");
        for (n, cue) in words.chunks(WORDS_PER_CUE).enumerate() {
            number += 1;
            let (start, end) = (clock, clock + 2.5);
            clock = end;
            let stamp = |t: f64| {
                let millis = (t * 1000.0).round() as u64;
                let separator = if vtt { '.' } else { ',' };
                format!(
                    "{:02}:{:02}:{:02}{separator}{:03}",
                    millis / 3_600_000,
                    millis / 60_000 % 60,
                    millis / 1000 % 60,
                    millis % 1000
                )
            };
            let prefix = match (vtt, n) {
                (true, _) => format!("<v {speaker}>"),
                (false, 0) => format!("{speaker}: "),
                _ => String::new(),
            };
            if !vtt {
                let _ = writeln!(out, "{number}");
            }
            let _ = writeln!(
                out,
                "{} --> {}\n{prefix}{}\n",
                stamp(start),
                stamp(end),
                cue.join(" ")
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{self, LoadOptions};

    #[test]
    fn every_format_reads_back_with_the_same_turns() {
        let official = crate::bundled::official().unwrap();
        let big = repeat_official(&official, 3);
        // Subtitles and utterance lists read one speaker's consecutive turns (the moderator
        // closing one session and opening the next) back as one.
        let speaker_changes = 1 + big
            .turns
            .windows(2)
            .filter(|w| w[0].speaker != w[1].speaker)
            .count();
        for format in Format::ALL {
            let text = write(&big, format);
            let options = LoadOptions {
                format: Some(format),
                ..LoadOptions::default()
            };
            let reread = load::load_bytes(text.as_bytes(), "synthetic", options).unwrap();
            let merges_speakers = matches!(
                format,
                Format::Srt | Format::Vtt | Format::Timestamped | Format::Json
            );
            let expected = if merges_speakers {
                speaker_changes
            } else {
                big.turns.len()
            };
            assert_eq!(reread.turns.len(), expected, "{format}");
        }
    }

    #[test]
    fn perturbed_copies_differ_but_are_deterministic() {
        let ytn = crate::bundled::other().unwrap();
        let a = repeat_perturbed(&ytn, 4, 7);
        assert_eq!(a, repeat_perturbed(&ytn, 4, 7));
        assert_ne!(a.turns[2].text(), a.turns[6].text());
    }
}
