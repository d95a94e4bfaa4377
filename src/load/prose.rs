//! Text with no speaker label at all: a prepared speech, a statement, a message. It is read as
//! one turn, by the speaker its title names ("Remarks by President Biden at …") or by no one.

use super::assemble::{Markup, TurnDraft};
use super::document::Document;
use super::metadata;
use super::reflow::{self, SourceLine};

/// Reads `lines` (front matter excluded; `raw` holds them as written, before Markdown
/// unescaping) as one unlabelled turn, between a header of blank and clock lines and a footer
/// such as `###`. Leaves the document without turns when the lines hold no word.
pub fn read(document: &mut Document, raw: &[&str], lines: &[SourceLine<'_>], markup: Markup) {
    let has_words = lines
        .iter()
        .any(|l| l.text.chars().any(char::is_alphanumeric));
    let start = lines
        .iter()
        .position(|l| !l.is_blank() && !metadata::is_clock_line(l.text));
    let Some(start) = start.filter(|_| has_words) else {
        let header = &mut document.metadata.header;
        header.extend(raw.iter().map(|l| l.to_string()));
        return;
    };
    let footer_start = (start + 1..lines.len())
        .find(|&i| metadata::is_footer_start(lines[i].text))
        .unwrap_or(lines.len());
    metadata::keep_header_and_footer(&raw[..start], &raw[footer_start..], &mut document.metadata);
    let title = document.metadata.title.clone().unwrap_or_default();
    let name = speaker_in_title(&title);
    let speaker = name.map(|name| document.speakers.intern(name));
    let speech = &lines[start..footer_start];
    let mut draft = TurnDraft::new("", speaker, speech[0].number);
    draft.push_wrapped(speech, reflow::wrap_width(speech), markup);
    document.push_turn(draft);
    document.warnings.push(match name {
        Some(name) => format!("no speaker labels: read as one turn by {name}, named in the title"),
        None => "no speaker labels: read as one turn by an unnamed speaker".to_string(),
    });
}

/// The one speaker a title names after `by` (`Remarks as Prepared for Delivery by First Lady
/// Jill Biden at …`) or `Remarks of`: its capitalised words up to the first other word. `None`
/// when the title names no one, or several (`… by President Biden and President Yoon`).
pub fn speaker_in_title(title: &str) -> Option<&str> {
    const MAX_WORDS: usize = 6;
    let after = title
        .split_once(" by ")
        .map(|(_, after)| after)
        .or_else(|| title.strip_prefix("Remarks of "))?;
    let mut end = 0;
    let mut words = 0;
    let mut next_word = None;
    for (at, word) in word_offsets(after) {
        let is_name_word = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’'));
        if !is_name_word {
            next_word = Some(word);
            break;
        }
        words += 1;
        end = at + word.len();
    }
    let several = next_word.is_some_and(|w| w == "and" || w == "&");
    ((1..=MAX_WORDS).contains(&words) && !several).then(|| &after[..end])
}

/// The words of `text` (split at any white space, no-break spaces included) with their offsets.
fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |word| (word.as_ptr() as usize - text.as_ptr() as usize, word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_names_the_speaker() {
        assert_eq!(
            speaker_in_title("Remarks by President Biden on the September Jobs Report"),
            Some("President Biden")
        );
        assert_eq!(
            speaker_in_title(
                "Remarks as Prepared for Delivery by First Lady Jill Biden at U.S. Army Fort Drum"
            ),
            Some("First Lady Jill Biden")
        );
        assert_eq!(
            speaker_in_title("Remarks of President Joe\u{a0}Biden \u{2013} State of the Union"),
            Some("President Joe\u{a0}Biden")
        );
        assert_eq!(
            speaker_in_title("Remarks by President Biden and President Yoon in Joint Press"),
            None
        );
        assert_eq!(
            speaker_in_title("Presidential Message on All Saints’ Day"),
            None
        );
        assert_eq!(speaker_in_title("Statement by the Press Secretary"), None);
    }
}
