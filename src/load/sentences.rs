//! Sentence boundaries in a paragraph of reflowed text.
//!
//! Splitting errs on the side of keeping text together: a wrong break misleads the aligner
//! and the reader more than a long sentence does. So abbreviations (`Mr.`, `U.S.`, `No. 1`),
//! initials, decimals, ellipses and a period followed by a lower-case word (`Now. we`) do not
//! end a sentence. CJK full stops end one without a following space.

use std::ops::Range;

/// Returns the byte ranges of the sentences in `text`, trimmed of surrounding white space.
/// Together they cover every non-space character. No range starts or ends inside a
/// `protected` range (an annotation such as `[In English. Partly inaudible.]`).
pub fn split(text: &str, protected: &[Range<usize>]) -> Vec<Range<usize>> {
    // Most paragraphs have a handful of sentences: room for them saves growing the vector.
    let mut ranges = Vec::with_capacity(8);
    let mut start = 0;
    let japanese_ends = unpunctuated_japanese_ends(text).peekable();
    let ends = in_order(boundaries(text).peekable(), japanese_ends);
    for end in ends {
        if end <= start {
            continue;
        }
        if protected.iter().any(|p| p.start < end && end < p.end) {
            continue;
        }
        push_trimmed(text, start..end, &mut ranges);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut ranges);
    ranges
}

fn push_trimmed(text: &str, range: Range<usize>, ranges: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let from_first = slice.trim_start();
    let trimmed = from_first.trim_end();
    if trimmed.is_empty() {
        return;
    }
    let start = range.start + (slice.len() - from_first.len());
    ranges.push(start..start + trimmed.len());
}

/// Candidate sentence ends: byte offsets just after a terminal and its closing quotes.
fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
    // Inside CJK quotation brackets (「…」) a full stop ends the quoted sentence, not ours.
    let mut quoted = 0usize;
    // Terminals and closers already taken into a run.
    let mut taken = 0;
    marks(text).filter_map(move |(offset, c)| {
        if offset < taken {
            return None;
        }
        match c {
            '「' | '『' => quoted += 1,
            '」' | '』' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        if !is_terminal(c) || quoted > 0 {
            return None;
        }
        let run_end = offset + prefix_len(&text[offset..], |c| is_terminal(c) || c == '…');
        let after = run_end + prefix_len(&text[run_end..], is_closer);
        taken = after;
        ends_sentence(text, offset..run_end, after).then_some(after)
    })
}

/// Polite verb and copula endings that close a Japanese sentence.
const JAPANESE_FINAL_FORMS: &[&str] = &[
    "ます",
    "ました",
    "ません",
    "ましょう",
    "です",
    "でした",
    "でしょう",
    "ください",
];

/// Japanese written without `。` (subtitles: `…お送りします ペッパーです`) ends a sentence
/// where a final form meets a space. Offsets of those spaces. Spaces are found with a
/// vectorised search, and only those after a non-ASCII byte are looked at.
fn unpunctuated_japanese_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    // Every final form opens with kana, whose UTF-8 lead byte is 0xE3: text without one (most
    // text) is not searched further.
    let bytes = text.as_bytes();
    let has_kana = memchr::memchr(0xe3, bytes).is_some();
    let spaces = if has_kana { bytes } else { &[] };
    memchr::memchr_iter(b' ', spaces).filter(move |&at| {
        at > 0
            && !bytes[at - 1].is_ascii()
            && JAPANESE_FINAL_FORMS
                .iter()
                .any(|form| text[..at].ends_with(form))
    })
}

/// The terminals and CJK quotation brackets of `text` with their byte offsets. They are found
/// by their first bytes (`.`, `?`, `!`, and 0xE3 or 0xEF, which begin the full-width ones)
/// with a vectorised search, so the rest of the text is never decoded.
fn marks(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let ascii = memchr::memchr3_iter(b'.', b'?', b'!', bytes).peekable();
    let wide = memchr::memchr2_iter(0xe3, 0xef, bytes).peekable();
    in_order(ascii, wide).filter_map(|at| {
        let c = text[at..].chars().next()?;
        (is_terminal(c) || matches!(c, '「' | '『' | '」' | '』')).then_some((at, c))
    })
}

/// Merges two increasing sequences of offsets into one.
fn in_order(
    mut a: std::iter::Peekable<impl Iterator<Item = usize>>,
    mut b: std::iter::Peekable<impl Iterator<Item = usize>>,
) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if y < x => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
}

/// The length in bytes of the longest start of `text` whose characters all pass `test`.
fn prefix_len(text: &str, test: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| !test(c))
        .map_or(text.len(), |(at, _)| at)
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '。' | '！' | '？' | '｡')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '」' | '』' | '）' | '】' | '〉' | '》'
    )
}

fn is_full_width_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '｡')
}

/// Decides whether the run of terminals at `run` (byte offsets), followed by closers up to
/// byte offset `after`, ends a sentence.
fn ends_sentence(text: &str, run: Range<usize>, after: usize) -> bool {
    let rest = &text[after..];
    let terminals = &text[run.clone()];
    if terminals.len() > 1 && (terminals.contains("..") || terminals.contains('…')) {
        return false;
    }
    let first = terminals.chars().next().unwrap_or('.');
    let Some(next) = rest.chars().next() else {
        return true;
    };
    if is_full_width_terminal(first) {
        return !is_quotative(rest);
    }
    // CJK text needs no space after a stop (`本当ですか?はい`, `질문입니다.감사합니다`).
    if !next.is_whitespace() {
        return is_cjk(next) && !is_quotative(rest);
    }
    let next_word = next_word(rest);
    let Some(next_first) = next_word.chars().next() else {
        return true;
    };
    if next_first.is_lowercase() || is_quotative(next_word) {
        return false;
    }
    if first != '.' {
        return true;
    }
    !is_abbreviation(word_before(&text[..run.start]), next_word)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Words that continue a sentence after a quotation: Korean `라고`, `하고`, Japanese `と`.
fn is_quotative(rest: &str) -> bool {
    // Every one of them is Korean or Japanese: text that goes on in ASCII has none.
    if rest.as_bytes().first().is_none_or(u8::is_ascii) {
        return false;
    }
    [
        "라고",
        "라며",
        "라는",
        "이라고",
        "하고",
        "고 ",
        "と",
        "って",
    ]
    .iter()
    .any(|particle| rest.starts_with(particle))
}

/// The first word of `rest`, after white space.
fn next_word(rest: &str) -> &str {
    let rest = rest.trim_start();
    rest.split(char::is_whitespace).next().unwrap_or("")
}

/// The last word of `before` (which ends where a period starts), without opening punctuation.
fn word_before(before: &str) -> &str {
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '—'))
        .map_or(0, |(offset, c)| offset + c.len_utf8());
    &before[start..]
}

/// Abbreviations that a name or a word follows: a period after them ends no sentence.
const BEFORE_NAMES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
    "Capt", "Sgt", "Maj", "Adm", "Amb", "Rev", "Hon", "Mt", "Ft", "vs", "cf", "approx",
];

/// Whether `text` ends with an abbreviation that a name follows (`…thank you, Mr.`): the
/// sentence goes on, whatever comes next.
pub fn ends_with_title(text: &str) -> bool {
    text.strip_suffix('.')
        .is_some_and(|before| BEFORE_NAMES.contains(&word_before(before)))
}

/// Words that a period follows without ending the sentence, judged with the next word.
fn is_abbreviation(word: &str, next: &str) -> bool {
    const BEFORE_NUMBERS: &[&str] = &[
        "No", "Nos", "no", "Vol", "Art", "Fig", "p", "pp", "para", "Sec", "Ch",
    ];
    // Most words before a period are none of these, and too long to be a listed one.
    let longest_listed = "approx".len();
    if word.len() > longest_listed && !word.contains('.') {
        return false;
    }
    if BEFORE_NAMES.contains(&word) {
        return true;
    }
    let next_is_number = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    if BEFORE_NUMBERS.contains(&word) && next_is_number {
        return true;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
    let is_dotted = word.contains('.')
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '-');
    if is_initial || is_dotted || matches!(word, "e.g" | "i.e" | "etc") {
        return !starts_sentence(next);
    }
    false
}

/// Words that commonly open a sentence; after `U.S.` or `p.m.` they mean a new one began.
fn starts_sentence(word: &str) -> bool {
    const STARTERS: &[&str] = &[
        "I", "I'm", "I've", "I'd", "I'll", "We", "We're", "We've", "We'll", "You", "You're", "He",
        "She", "It", "It's", "They", "They're", "The", "This", "That", "These", "Those", "There",
        "There's", "And", "But", "So", "Or", "Our", "My", "Your", "His", "Her", "Their", "In",
        "On", "At", "For", "If", "As", "What", "Why", "How", "When", "Where", "Who", "Which",
        "Thank", "Thanks", "Now", "Today", "A", "An", "Let", "Yes", "No", "Well", "Okay", "OK",
        "Then", "Also", "All", "Again", "First", "Second", "Finally", "Please",
    ];
    let word: String = word
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .replace('’', "'");
    STARTERS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text, &[]).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Minister Cho first. The U.S. Government is here. Dr. No. 1 is U.N. staff. The ROK-U.S. 2+2 meeting."
            ),
            [
                "Mr. Minister Cho first.",
                "The U.S. Government is here.",
                "Dr. No. 1 is U.N. staff.",
                "The ROK-U.S. 2+2 meeting."
            ]
        );
    }

    #[test]
    fn dotted_abbreviation_before_a_sentence_starter_ends_it() {
        assert_eq!(
            sentences("the violence of January 6th in the U.S. I’m wondering -- you and Mr. Biden"),
            [
                "the violence of January 6th in the U.S.",
                "I’m wondering -- you and Mr. Biden"
            ]
        );
    }

    #[test]
    fn japanese_without_full_stops_ends_at_final_forms() {
        assert_eq!(
            sentences(
                "Morevna Projectが... ...お送りします [あくび] 寝ちゃったみたい... ペッパーです 私の魔法薬に 服に"
            ),
            [
                "Morevna Projectが... ...お送りします",
                "[あくび] 寝ちゃったみたい... ペッパーです",
                "私の魔法薬に 服に"
            ]
        );
        assert_eq!(
            sentences("ありがとうございますが 次に"),
            ["ありがとうございますが 次に"]
        );
    }

    #[test]
    fn a_line_ending_with_a_title_goes_on() {
        assert!(ends_with_title("So thank you, Mr."));
        assert!(ends_with_title("Dr."));
        assert!(!ends_with_title("I met the members."));
        assert!(!ends_with_title("Mr"));
    }

    #[test]
    fn times_decimals_and_initials() {
        assert_eq!(
            sentences("At 9 a.m. the rate was 3.5 percent. Antony J. Blinken spoke."),
            [
                "At 9 a.m. the rate was 3.5 percent.",
                "Antony J. Blinken spoke."
            ]
        );
    }

    #[test]
    fn typo_period_before_lower_case_keeps_the_sentence() {
        assert_eq!(
            sentences("Now. we have reason to believe that Moscow intends to share."),
            ["Now. we have reason to believe that Moscow intends to share."]
        );
    }

    #[test]
    fn ellipses_do_not_split() {
        assert_eq!(
            sentences("for the past… Since the fall. I... You’ll see."),
            ["for the past… Since the fall.", "I... You’ll see."]
        );
    }

    #[test]
    fn quotes_and_brackets_close_the_sentence() {
        assert_eq!(
            sentences(
                "talking about “Technically Wrong.” I’m Adam. Katchi kapshida [\"We go together\"]. (Laughter.) So yes?"
            ),
            [
                "talking about “Technically Wrong.”",
                "I’m Adam.",
                "Katchi kapshida [\"We go together\"].",
                "(Laughter.)",
                "So yes?"
            ]
        );
    }

    #[test]
    fn cjk_full_stops() {
        assert_eq!(
            sentences(
                "ありがとうございます。次の質問です。한국은 민주주의 국가입니다. 감사합니다."
            ),
            [
                "ありがとうございます。",
                "次の質問です。",
                "한국은 민주주의 국가입니다.",
                "감사합니다."
            ]
        );
    }

    #[test]
    fn cjk_quotations_and_missing_spaces() {
        assert_eq!(
            sentences("「分かりました。行きます。」と言いました。本当ですか?はい!"),
            [
                "「分かりました。行きます。」と言いました。",
                "本当ですか?",
                "はい!"
            ]
        );
        assert_eq!(
            sentences("\"좋습니다.\" 라고 말했습니다. 질문입니다.감사합니다."),
            [
                "\"좋습니다.\" 라고 말했습니다.",
                "질문입니다.",
                "감사합니다."
            ]
        );
    }

    #[test]
    fn protected_ranges_are_not_split() {
        let text = "[In English. Partly.] Thank you.";
        let protected = std::slice::from_ref(&(0..21));
        assert_eq!(split(text, protected), [0..21, 22..32]);
    }
}
