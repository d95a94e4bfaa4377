//! Numbers as written in running text, read as quantities: `1,000`, `one thousand`, `three
//! dozen`, `2.5 million`.

use super::word_lists::SMALL_NUMBERS;

/// Words that multiply the number before them (`three dozen`, `seven decades`).
const MULTIPLIERS: &[(&str, u64)] = &[
    ("dozen", 12),
    ("dozens", 12),
    ("decade", 10),
    ("decades", 10),
    ("hundred", 100),
    ("hundreds", 100),
    ("thousand", 1000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
];

pub(super) fn small_number(word: &str) -> Option<u64> {
    SMALL_NUMBERS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|&(_, n)| u64::from(n))
}

/// The number at `words[i]` and how many words it takes: digits (`1,000` is `1000`), or
/// number words, compounded (`twenty-one`) and multiplied (`three dozen` is 36).
pub(super) fn number_at(words: &[&str], i: usize) -> Option<(String, usize)> {
    let word = words[i];
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        let digits: String = word
            .chars()
            .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.'))
            .filter(|c| *c != ',')
            .collect();
        let lower = words.get(i + 1).map(|w| w.to_lowercase());
        // `$140 billion` stays 140: the scale word is part of the number, not another one.
        let scaled = lower.is_some_and(|w| MULTIPLIERS.iter().any(|(name, _)| *name == w));
        return Some((
            digits.trim_end_matches('.').to_string(),
            1 + usize::from(scaled),
        ));
    }
    let lower = |k: usize| words.get(k).map(|w| w.to_lowercase());
    let mut value = small_number(&lower(i)?)?;
    let mut next = i + 1;
    if (20..100).contains(&value)
        && value % 10 == 0
        && let Some(unit) = lower(next)
            .and_then(|w| small_number(&w))
            .filter(|u| (1..10).contains(u))
    {
        value += unit;
        next += 1;
    }
    while let Some(factor) = lower(next).and_then(|w| {
        MULTIPLIERS
            .iter()
            .find(|(name, _)| *name == w)
            .map(|&(_, f)| f)
    }) {
        value = value.saturating_mul(factor);
        next += 1;
    }
    Some((value.to_string(), next - i))
}
