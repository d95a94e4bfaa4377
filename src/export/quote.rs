//! A side of a row as plain text that keeps what qualifies it: the notes that stood before a
//! sentence (`[Via interpreter]`) written before it, as in the source, and after the text each
//! stretch the source marks in a way plain text cannot show (red asterisks: unverified; struck
//! through), as ` (unverified in the source: “…”)`. The one rule for the reader's `y` quote and
//! the TSV, Markdown and TMX exports, so that they cannot drift; the HTML report styles the same
//! stretches instead. No word of the source is changed or dropped.

use super::SentenceView;
use crate::model::AnnotationKind;

/// The sentences joined by spaces, each with the notes that stood before it in front.
pub fn text(sentences: &[SentenceView<'_>]) -> String {
    let mut out = String::new();
    for sentence in sentences {
        for note in notes_before(sentence) {
            push_word(&mut out, note);
        }
        push_word(&mut out, sentence.text);
    }
    out
}

/// The notes that stood before a sentence in the source, in order.
pub fn notes_before<'a>(sentence: &'a SentenceView<'_>) -> impl Iterator<Item = &'a str> {
    sentence
        .annotations
        .iter()
        .filter(|note| note.span.is_none())
        .map(|note| note.text)
}

/// The stretches of a sentence the source marks as unverified or struck, with their kind, in
/// order: what a quote must say about its words beyond the words themselves.
pub fn marked<'a>(
    sentence: &'a SentenceView<'_>,
) -> impl Iterator<Item = (AnnotationKind, std::ops::Range<usize>)> + 'a {
    sentence.annotations.iter().filter_map(|note| {
        let kind @ (AnnotationKind::Unverified | AnnotationKind::Struck) = note.kind else {
            return None;
        };
        let span = note.span.clone()?;
        sentence.text.get(span.clone())?;
        Some((kind, span))
    })
}

/// Each marked stretch in words: `unverified in the source: “…”`.
pub fn marks(sentences: &[SentenceView<'_>]) -> Vec<String> {
    sentences
        .iter()
        .flat_map(|sentence| {
            marked(sentence).map(|(kind, span)| {
                format!("{} in the source: “{}”", kind.name(), &sentence.text[span])
            })
        })
        .collect()
}

/// The marks as they follow a quote: ` (unverified in the source: “…”)` each; empty when
/// nothing is marked.
fn after(sentences: &[SentenceView<'_>]) -> String {
    marks(sentences)
        .iter()
        .map(|mark| format!(" ({mark})"))
        .collect()
}

/// A cell of a table: the text, then its marks.
pub fn plain(sentences: &[SentenceView<'_>]) -> String {
    text(sentences) + &after(sentences)
}

/// A quotation: the text in quotation marks, then its marks.
pub fn quotation(sentences: &[SentenceView<'_>]) -> String {
    format!("“{}”{}", text(sentences), after(sentences))
}

fn push_word(out: &mut String, text: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Note;

    #[test]
    fn notes_go_before_and_marks_after() {
        let note = |kind, text, span| Note { kind, text, span };
        let sentences = [
            SentenceView {
                turn: 1,
                sentence: 1,
                speaker: "MODERATOR",
                text: "Thank you.",
                annotations: vec![note(
                    AnnotationKind::Interpretation,
                    "[Via interpreter]",
                    None,
                )],
            },
            SentenceView {
                turn: 1,
                sentence: 2,
                speaker: "MODERATOR",
                text: "Next, the (inaudible) floor.",
                annotations: vec![
                    note(AnnotationKind::Inaudible, "(inaudible)", Some(10..21)),
                    note(AnnotationKind::Struck, "the", Some(6..9)),
                    note(AnnotationKind::Unverified, "floor.", Some(22..28)),
                ],
            },
        ];
        let text = "[Via interpreter] Thank you. Next, the (inaudible) floor.";
        let after = " (struck in the source: “the”) (unverified in the source: “floor.”)";
        assert_eq!(super::text(&sentences), text);
        assert_eq!(plain(&sentences), format!("{text}{after}"));
        assert_eq!(quotation(&sentences), format!("“{text}”{after}"));
        assert_eq!(plain(&sentences[..0]), "");
    }
}
