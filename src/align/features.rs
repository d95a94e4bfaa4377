//! What the aligner compares: per sentence, its word stems, numbers, names, length and
//! negation, computed once. Words and names are interned to small integers so comparisons are
//! merges of sorted integer lists.

use super::interner::{Interner, WordInfo};
use super::numbers::number_at;
use super::romanize::romanize_kana;
use super::tokens::{is_hangul, katakana_runs, may_hold_east_asian, name_runs, word_spans};
use super::word_lists::{NEGATION_MARKS, THANKS_MARKS};
use std::sync::Arc;

/// The comparable content of one sentence. Its three id lists are kept one after another in
/// one boxed slice: every sentence of both versions keeps its features for the whole
/// alignment, and on long documents three small allocations a sentence cost more in the
/// allocator's bookkeeping, and in the words of three boxes, than the ids themselves.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// The stems, then the numbers, then the names (see their accessors).
    ids: Box<[u32]>,
    /// Where the numbers start in `ids`, and where the names start.
    numbers_at: u32,
    names_at: u32,
    /// Characters other than white space.
    pub chars: u32,
    /// Whether the sentence contains a negation.
    pub negated: bool,
    /// How the sentence ends: a question, an exclamation or a statement.
    pub ending: Ending,
    /// Whether the sentence thanks ([`super::word_lists::THANKS_WORDS`], [`THANKS_MARKS`]).
    pub thanks: bool,
}

/// The kind of sentence its last mark says it is. Translators keep it: of the 380 two-sided
/// rows of the text golds (subtitles in four languages, a speech, a podcast), one ends
/// differently (`... as mine!` / `...でしょう？`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Ending {
    #[default]
    Statement,
    Question,
    /// `!`, and `?!` (`Whaaaat?!` / `ええっ？！`): the last mark decides.
    Exclamation,
}

impl Ending {
    fn of(text: &str) -> Self {
        match text
            .trim_end()
            .trim_end_matches(['"', '”', ')', '」', '』'])
            .chars()
            .last()
        {
            Some('?' | '？') => Ending::Question,
            Some('!' | '！') => Ending::Exclamation,
            _ => Ending::Statement,
        }
    }
}

/// Computes the features of one sentence.
pub fn features(text: &str, interner: &mut Interner) -> Features {
    let mut result = Features {
        chars: text.chars().filter(|c| !c.is_whitespace()).count() as u32,
        ending: Ending::of(text),
        ..Features::default()
    };
    let east_asian = may_hold_east_asian(text);
    let marked = |marks: &[&str]| east_asian && marks.iter().any(|mark| text.contains(mark));
    result.thanks = marked(THANKS_MARKS);
    let spans = word_spans(text);
    let words: Vec<&str> = spans.iter().map(|&(_, word)| word).collect();
    let infos: Vec<Arc<WordInfo>> = words.iter().map(|w| interner.word(w)).collect();
    // A word gives at most about one stem: sized once, not grown stem by stem.
    let mut stems = Vec::with_capacity(infos.len());
    let (mut names, mut numbers) = (Vec::new(), Vec::<String>::new());
    let mut skip = 0;
    for (index, info) in infos.iter().enumerate() {
        result.negated |= info.negation;
        result.thanks |= info.thanks;
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if info.numeric
            && let Some((number, length)) = number_at(&words, index)
        {
            stems.push(interner.id(&number));
            numbers.push(number);
            skip = length - 1;
            continue;
        }
        if let Some(n) = info.korean_numeral
            && infos.get(index + 1).is_some_and(|next| next.korean_counter)
        {
            numbers.push(n.to_string());
        }
        stems.extend_from_slice(&info.stems);
        let named = !info.capitalised || index > 0 || info.inner_capital;
        names.extend(info.name.filter(|_| named));
        let after_title = index > 0 && infos[index - 1].title;
        let korean = words[index].starts_with(is_hangul);
        if korean || info.capitalised && after_title {
            names.extend(info.surname);
        }
    }
    if infos.iter().filter(|i| i.capitalised).count() >= 2 {
        for run in name_runs(text, &spans) {
            names.extend(interner.name(&run));
        }
    }
    for run in katakana_runs(text) {
        names.extend(interner.name(&romanize_kana(run)));
    }
    result.negated |= marked(NEGATION_MARKS);
    stems.sort_unstable();
    numbers.sort();
    numbers.dedup();
    let mut numbers: Vec<u32> = numbers.iter().map(|n| interner.id(n)).collect();
    numbers.sort_unstable();
    names.sort_unstable();
    names.dedup();
    result.numbers_at = stems.len() as u32;
    result.names_at = (stems.len() + numbers.len()) as u32;
    result.ids = [stems, numbers, names].concat().into_boxed_slice();
    result
}

/// The features of every sentence of every turn, worked out on two threads: each half of the
/// text gets its own interner, and the second half's ids are then moved into `interner`. The
/// first half tells `done` how far it has come, which stands for both.
pub fn of_turns(
    turns: &[Vec<&str>],
    interner: &mut Interner,
    done: &dyn Fn(f64),
) -> Vec<Vec<Features>> {
    fn of<'t>(
        turns: &[Vec<&'t str>],
        interner: &mut Interner,
        tell: &mut dyn FnMut(&Vec<&'t str>),
    ) -> Vec<Vec<Features>> {
        turns
            .iter()
            .map(|turn| {
                let read = turn.iter().map(|text| features(text, interner)).collect();
                tell(turn);
                read
            })
            .collect()
    }
    let bytes = |turn: &Vec<&str>| turn.iter().map(|t| t.len()).sum();
    let middle = crate::parallel::middle(turns, bytes);
    let (first, second) = turns.split_at(middle);
    let mut tell = crate::parallel::share_teller(first, bytes, done);
    let mut private = Interner::default();
    let (mut all, mut rest) = crate::parallel::join(
        || of(first, interner, &mut tell),
        || of(second, &mut private, &mut |_| {}),
    );
    let ids = interner.absorb(&private);
    for sentence in rest.iter_mut().flatten() {
        sentence.translate(&ids);
    }
    all.extend(rest);
    all
}

impl Features {
    /// Stem ids of content words and numbers, sorted, with repeats.
    pub fn stems(&self) -> &[u32] {
        &self.ids[..self.numbers_at as usize]
    }

    /// Normalised numbers (`1,000` and `one thousand` are both `1000`), sorted, distinct.
    pub fn numbers(&self) -> &[u32] {
        &self.ids[self.numbers_at as usize..self.names_at as usize]
    }

    /// Consonant skeletons of names, acronyms and (in Hangul text) every word, sorted,
    /// distinct.
    pub fn names(&self) -> &[u32] {
        &self.ids[self.names_at as usize..]
    }

    /// Replaces every id by `ids[id]`, keeping the lists sorted.
    fn translate(&mut self, ids: &[u32]) {
        let (numbers_at, names_at) = (self.numbers_at as usize, self.names_at as usize);
        for list in [
            0..numbers_at,
            numbers_at..names_at,
            names_at..self.ids.len(),
        ] {
            let list = &mut self.ids[list];
            for id in list.iter_mut() {
                *id = ids[*id as usize];
            }
            list.sort_unstable();
        }
    }
}

/// Number of equal elements of two sorted lists, counting repeats (multiset intersection).
/// The steps are taken without branches: which list moves on is unpredictable, and the
/// sentence aligner spends a fifth of its time here.
pub fn common(a: &[u32], b: &[u32]) -> usize {
    // A short sentence against one of thousands of words (an unpunctuated transcript) is
    // looked up in it, rather than walked through it for every bead it is tried in.
    const LOOKED_UP: usize = 32;
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() * LOOKED_UP < long.len() {
        return common_by_lookup(short, long);
    }
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        count += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    count
}

/// [`common`] by binary search of each run of equal values of `short` in `long`.
fn common_by_lookup(short: &[u32], long: &[u32]) -> usize {
    let mut count = 0;
    for run in short.chunk_by(|x, y| x == y) {
        let start = long.partition_point(|&v| v < run[0]);
        let end = start + long[start..].partition_point(|&v| v == run[0]);
        count += run.len().min(end - start);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::words;

    #[test]
    fn common_counts_repeats_once_per_pair() {
        assert_eq!(common(&[1, 2, 2, 3, 7], &[2, 2, 2, 3, 5, 7, 9]), 4);
        assert_eq!(common(&[], &[1]), 0);
        assert_eq!(common(&[4, 4], &[4]), 1);
    }

    #[test]
    fn a_short_list_looked_up_in_a_long_one_counts_as_a_walk_through_both() {
        let long: Vec<u32> = (0..2000).map(|i| i / 3).collect();
        for short in [
            vec![],
            vec![5],
            vec![5, 5, 5, 5],
            vec![0, 7, 7, 665, 666, 900],
        ] {
            let mut walked = (0, 0, 0);
            while walked.0 < short.len() && walked.1 < long.len() {
                let (x, y) = (short[walked.0], long[walked.1]);
                walked.2 += usize::from(x == y);
                walked.0 += usize::from(x <= y);
                walked.1 += usize::from(y <= x);
            }
            assert_eq!(common(&short, &long), walked.2, "{short:?}");
            assert_eq!(common(&long, &short), walked.2, "{short:?}");
        }
    }

    #[test]
    fn words_keep_numbers_and_apostrophes() {
        assert_eq!(
            words("Korea’s 1,000 troops -- 3.5% of U.S. forces."),
            [
                "Korea’s",
                "1,000",
                "troops",
                "3.5",
                "of",
                "U",
                "S",
                "forces"
            ]
        );
    }

    #[test]
    fn numbers_are_normalised_across_spellings() {
        let mut interner = Interner::default();
        let a = features(
            "more than one thousand forces, our 14th engagement, the third visit",
            &mut interner,
        );
        let b = features("1000명 이상, 14번째 만남, 세 번째 방문", &mut interner);
        assert_eq!(a.numbers(), b.numbers());
    }

    #[test]
    fn number_words_compound_and_multiply() {
        let mut interner = Interner::default();
        let numbers = |text: &str, interner: &mut Interner| {
            let f = features(text, interner);
            let mut all: Vec<String> = f
                .numbers()
                .iter()
                .map(|&n| interner.text(n).to_string())
                .collect();
            all.sort();
            all
        };
        assert_eq!(
            numbers("more than three dozen initiatives", &mut interner),
            ["36"]
        );
        assert_eq!(numbers("for seven decades", &mut interner), ["70"]);
        assert_eq!(
            numbers("twenty-one visits and $140 billion", &mut interner),
            ["140", "21"]
        );
    }

    #[test]
    fn names_meet_across_scripts() {
        let mut interner = Interner::default();
        let a = features("I welcome Secretary Blinken back to Korea.", &mut interner);
        let b = features("블링컨 장관의 방한을 환영합니다.", &mut interner);
        assert!(common(a.names(), b.names()) >= 1);
    }

    #[test]
    fn multi_word_names_meet_one_hangul_word() {
        let text = "Foreign Minister Cho Tae-yul will speak";
        assert!(name_runs(text, &word_spans(text)).contains(&"ChoTaeyul".to_string()));
        let mut interner = Interner::default();
        let a = features(
            "I am Cho Tae-yul, foreign minister of Korea.",
            &mut interner,
        );
        let b = features("대한민국 외교부 장관 조태열입니다.", &mut interner);
        assert!(common(a.names(), b.names()) >= 1);
    }

    #[test]
    fn a_surname_after_a_title_meets_a_korean_full_name() {
        let mut interner = Interner::default();
        let a = features("Now, let me invite Minister Cho first.", &mut interner);
        let b = features("그럼 먼저 조태열 장관님을 모시겠습니다.", &mut interner);
        assert!(common(a.names(), b.names()) >= 1);
        let c = features(
            "After their opening statements, we will have a Q&A session.",
            &mut interner,
        );
        assert_eq!(common(c.names(), b.names()), 0);
    }

    #[test]
    fn katakana_names_meet_latin_ones() {
        let mut interner = Interner::default();
        let a = features("I welcome Secretary Blinken back to Korea.", &mut interner);
        let b = features("ブリンケン国務長官の韓国再訪を歓迎します。", &mut interner);
        assert!(common(a.names(), b.names()) >= 1);
    }

    #[test]
    fn negation_in_either_language() {
        let mut interner = Interner::default();
        assert!(features("We don’t ignore them.", &mut interner).negated);
        assert!(features("우리는 무시하지 않습니다.", &mut interner).negated);
        assert!(!features("We confront them.", &mut interner).negated);
    }
}
