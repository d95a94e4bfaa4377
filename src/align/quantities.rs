//! The numbers of a sentence read as quantities (`71 years`, `three dozen`, `세 번`), for the
//! `numbers-differ` flag. Clock times and media time stamps (`12:57`, `[00:08:10.09]`) are
//! not quantities: two captions of one moment rarely stamp it alike, so they are left out.

use super::features::{Features, features};
use super::interner::Interner;

/// The interned quantities of one sentence, sorted and distinct. Most sentences hold no
/// clock time, and their features already have the answer.
pub fn quantities(text: &str, features_of_text: &Features, interner: &mut Interner) -> Vec<u32> {
    let cleaned = without_clock_times(text);
    let mut numbers = match &cleaned {
        None => features_of_text.numbers().to_vec(),
        Some(cleaned) => features(cleaned, interner).numbers().to_vec(),
    };
    let text = cleaned.as_deref().unwrap_or(text);
    numbers.extend(
        numbers_inside_words(text)
            .iter()
            .map(|number| interner.id(number)),
    );
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

/// Digits written inside a word of a script without spaces (`過去70年間`, `超过1000人`):
/// the word does not start with them, so the features do not read them.
fn numbers_inside_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut previous = ' ';
    let mut run: Option<String> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let digit_follows = chars.peek().is_some_and(char::is_ascii_digit);
        match &mut run {
            Some(number) if c.is_ascii_digit() => number.push(c),
            // A thousands comma is dropped, a decimal point kept: `1,000.5` is `1000.5`.
            Some(number) if c == '.' && digit_follows => number.push(c),
            Some(_) if c == ',' && digit_follows => {}
            Some(_) => found.extend(run.take()),
            None if c.is_ascii_digit() && previous.is_alphabetic() && !previous.is_ascii() => {
                run = Some(c.to_string());
            }
            None => {}
        }
        previous = c;
    }
    found.extend(run);
    found
}

/// `text` with every run of digits joined by colons (`8:09`, `00:08:10.09`, `12:57:03,500`)
/// blanked out, or `None` when it has none.
fn without_clock_times(text: &str) -> Option<String> {
    if !text.contains(':') {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let mut found = false;
    let mut flush = |run: &mut String, out: &mut String| {
        let clock = run.starts_with(|c: char| c.is_ascii_digit())
            && run
                .split(':')
                .nth(1)
                .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_digit()));
        if clock {
            found = true;
            out.extend(run.chars().map(|_| ' '));
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || matches!(c, ':' | '.' | ',') {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    found.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<String> {
        let mut interner = Interner::default();
        let features = features(text, &mut interner);
        let mut found: Vec<String> = quantities(text, &features, &mut interner)
            .into_iter()
            .map(|id| interner.text(id).to_string())
            .collect();
        found.sort();
        found
    }

    #[test]
    fn quantities_not_clock_times() {
        assert_eq!(read("[08:09] we met 36 times"), ["36"]);
        assert_eq!(read("[00:08:10.09] we met thirty times"), ["30"]);
        assert!(read("At 12:57 P.M. CEST: 1:43.").is_empty());
        assert_eq!(
            read("about 5,000 American troops, three dozen"),
            ["36", "5000"]
        );
        assert_eq!(read("Article 5: the commitment."), ["5"]);
        assert_eq!(read("過去70年間にわたって築き上げてきた"), ["70"]);
        assert_eq!(read("超过1,000人"), ["1000"]);
    }
}
