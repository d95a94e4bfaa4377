//! What the aligner compares: per sentence, its word stems, numbers, names, length and
//! negation, computed once. Words and names are interned to small integers so comparisons are
//! merges of sorted integer lists.

use super::numbers::{number_at, small_number};
use super::romanize::{romanize_hangul, romanize_kana, skeleton};
use super::word_lists::{
    KOREAN_COUNTERS, KOREAN_NUMERALS, KOREAN_SURNAMES, NEGATION_MARKS, NEGATIONS, PARTICLES,
    STOPWORDS, THANKS_MARKS, THANKS_WORDS, TITLES,
};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

/// FNV-1a: a fast hash for the many short strings (words, stems) the aligner looks up.
#[derive(Default)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// What a word contributes to a sentence's features, worked out once per distinct word.
#[derive(Debug, Clone, Default)]
struct WordInfo {
    /// Stem ids (one for a Latin or Hangul word, character pairs for Chinese and Japanese).
    stems: Vec<u32>,
    /// The word as a name (Latin words only when capitalised; every Hangul word).
    name: Option<u32>,
    /// The surname of a Korean personal name, or of a capitalised Latin word after a title.
    surname: Option<u32>,
    capitalised: bool,
    /// An upper-case letter after the first (`ROK`, `McGurk`): a name even first in a sentence.
    inner_capital: bool,
    title: bool,
    negation: bool,
    /// A word that thanks (`Thank`, `thanks`, `Спасибо`).
    thanks: bool,
    /// Digits or a number word: numbers are read with the words around them.
    numeric: bool,
    /// A Korean native numeral (`세`), a number only before a counter word.
    korean_numeral: Option<u32>,
    korean_counter: bool,
}

/// Maps strings to dense ids, shared by both transcripts so equal ids mean equal strings, and
/// remembers what each distinct word contributes.
#[derive(Default, Clone)]
pub struct Interner {
    ids: FastMap<Box<str>, u32>,
    texts: Vec<Box<str>>,
    words: FastMap<Box<str>, Arc<WordInfo>>,
    names: FastMap<Box<str>, Option<u32>>,
    spellings: FastMap<Box<str>, u32>,
}

impl Interner {
    pub fn id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.ids.insert(text.into(), id);
        self.texts.push(text.into());
        id
    }

    /// Takes in the strings of another interner; returns, for each of its ids, the id here.
    fn absorb(&mut self, other: &Interner) -> Vec<u32> {
        other.texts.iter().map(|text| self.id(text)).collect()
    }

    pub fn text(&self, id: u32) -> &str {
        self.texts.get(id as usize).map_or("", |t| t)
    }

    /// The id of a name by its consonant skeleton (possessive dropped), if it has one.
    pub fn name(&mut self, text: &str) -> Option<u32> {
        if let Some(&id) = self.names.get(text) {
            return id;
        }
        let bare = text
            .strip_suffix("’s")
            .or_else(|| text.strip_suffix("'s"))
            .unwrap_or(text);
        let skeleton = skeleton(bare);
        let id = (skeleton.len() >= 2).then(|| self.id(&format!("~{skeleton}")));
        self.names.insert(text.into(), id);
        id
    }

    /// How a word is spelled for comparing names across versions: its consonant skeleton
    /// (romanized if Hangul), less a final `n` or `s` so that `Korea` meets `Korean` and `Japan`
    /// meets `Japanese`; the word itself when it has too few consonants (`Wu`).
    pub fn spelling(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.spellings.get(word) {
            return id;
        }
        let key = skeleton(&romanize_hangul(word));
        let key = if key.len() >= 2 {
            match key.strip_suffix(['n', 's']) {
                Some(stem) if stem.len() >= 2 => format!("%{stem}"),
                _ => format!("%{key}"),
            }
        } else {
            format!("={}", word.to_lowercase())
        };
        let id = self.id(&key);
        self.spellings.insert(word.into(), id);
        id
    }

    fn surname(&mut self, text: &str) -> Option<u32> {
        let skeleton = skeleton(text);
        (!skeleton.is_empty()).then(|| self.id(&format!("~surname:{skeleton}")))
    }

    fn word(&mut self, word: &str) -> Arc<WordInfo> {
        if let Some(info) = self.words.get(word) {
            return Arc::clone(info);
        }
        let info = Arc::new(self.study(word));
        self.words.insert(word.into(), Arc::clone(&info));
        info
    }

    /// Works out what a word contributes, wherever it stands.
    fn study(&mut self, word: &str) -> WordInfo {
        let lower = word.to_lowercase().replace('’', "'");
        let bare = lower.split('\'').next().unwrap_or(&lower);
        let first = word.chars().next().unwrap_or(' ');
        let mut info = WordInfo {
            negation: NEGATIONS.contains(&bare) || lower.ends_with("n't"),
            thanks: THANKS_WORDS.iter().any(|w| lower.starts_with(w)),
            numeric: first.is_ascii_digit() || small_number(&lower).is_some(),
            ..WordInfo::default()
        };
        if is_hangul(first) {
            let stem = strip_particle(word);
            info.korean_numeral = KOREAN_NUMERALS
                .iter()
                .find(|(name, _)| *name == stem)
                .map(|&(_, n)| n);
            info.korean_counter = KOREAN_COUNTERS.iter().any(|c| word.starts_with(c));
            let stem_key: String = stem.chars().take(3).collect();
            info.stems.push(self.id(&stem_key));
            info.name = self.name(&romanize_hangul(stem));
            let syllables: Vec<char> = stem.chars().collect();
            if syllables.len() == 3 && KOREAN_SURNAMES.contains(syllables[0]) {
                info.surname = self.surname(&romanize_hangul(&syllables[0].to_string()));
            }
        } else if is_cjk(first) {
            let chars: Vec<char> = word.chars().collect();
            for pair in chars.windows(2) {
                info.stems.push(self.id(&pair.iter().collect::<String>()));
            }
            if chars.len() == 1 {
                info.stems.push(self.id(word));
            }
        } else if !STOPWORDS.contains(&bare) {
            let stem: String = bare.chars().take(5).collect();
            info.stems.push(self.id(&stem));
            info.capitalised = first.is_uppercase();
            info.inner_capital = word.chars().skip(1).any(char::is_uppercase);
            if info.capitalised {
                info.name = self.name(word);
                info.surname = self.surname(word);
            }
        }
        info.title = TITLES.contains(&word.trim_end_matches('.'));
        info
    }
}

/// The comparable content of one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Stem ids of content words and numbers, sorted, with repeats.
    pub stems: Vec<u32>,
    /// Normalised numbers (`1,000` and `one thousand` are both `1000`), sorted, distinct.
    pub numbers: Vec<u32>,
    /// Consonant skeletons of names, acronyms and (in Hangul text) every word, sorted, distinct.
    pub names: Vec<u32>,
    /// Characters other than white space.
    pub chars: u32,
    /// Whether the sentence contains a negation.
    pub negated: bool,
    /// How the sentence ends: a question, an exclamation or a statement.
    pub ending: Ending,
    /// Whether the sentence thanks ([`THANKS_WORDS`], [`THANKS_MARKS`]).
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

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

/// Splits text into words: runs of letters, digits and inner apostrophes, hyphens, commas
/// and periods between digits (`1,000`, `3.5`).
pub fn words(text: &str) -> Vec<&str> {
    word_spans(text).into_iter().map(|(_, w)| w).collect()
}

/// Words with their byte offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut words = Vec::new();
    let mut push = |start: usize, end: usize| {
        let word = text[start..end].trim_end_matches(['\'', '’']);
        if !word.is_empty() {
            words.push((start, word));
        }
    };
    let mut start: Option<usize> = None;
    let mut previous = ' ';
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let between_digits = previous.is_ascii_digit()
            && chars.peek().is_some_and(|(_, next)| next.is_ascii_digit());
        let inner =
            matches!(c, '\'' | '’') && start.is_some() || matches!(c, ',' | '.') && between_digits;
        if c.is_alphanumeric() || inner {
            start.get_or_insert(offset);
        } else if let Some(s) = start.take() {
            push(s, offset);
        }
        previous = c;
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    words
}

/// Katakana stretches (`ブリンケン`, `ムン・ジェヨン`): in Japanese, foreign names.
fn katakana_runs(text: &str) -> Vec<&str> {
    let is_katakana = |c: char| matches!(c, '\u{30A1}'..='\u{30FA}' | 'ー' | '・');
    let mut runs = Vec::new();
    let mut start: Option<usize> = None;
    for (offset, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (is_katakana(c), start) {
            (true, None) => start = Some(offset),
            (false, Some(s)) => {
                if text[s..offset].chars().count() >= 2 {
                    runs.push(&text[s..offset]);
                }
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// Multi-word names written in Latin script (`Cho Tae-yul`, `New Orleans`): every stretch of
/// two or more words within a run of capitalised words joined by a space or a hyphen (with
/// hyphenated lower-case parts), so that the name is found inside `Foreign Minister Cho Tae-yul`.
fn name_runs(text: &str) -> Vec<String> {
    const LONGEST: usize = 4;
    let mut names = Vec::new();
    for run in capitalised_runs(text) {
        for start in 0..run.len() {
            for end in start + 2..=(start + LONGEST).min(run.len()) {
                names.push(run[start..end].concat());
            }
        }
    }
    names
}

fn capitalised_runs(text: &str) -> Vec<Vec<&str>> {
    let spans = word_spans(text);
    let mut runs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut previous_end = 0;
    for (offset, word) in spans {
        let separator = &text[previous_end.min(offset)..offset];
        let joined_by_hyphen = separator == "-";
        let capitalized = word.starts_with(|c: char| c.is_uppercase());
        let continues =
            !current.is_empty() && (separator == " " && capitalized || joined_by_hyphen);
        if !continues {
            if current.len() >= 2 {
                runs.push(std::mem::take(&mut current));
            }
            current.clear();
        }
        if capitalized || continues {
            current.push(word);
        }
        previous_end = offset + word.len();
    }
    if current.len() >= 2 {
        runs.push(current);
    }
    runs
}

fn strip_particle(word: &str) -> &str {
    PARTICLES
        .iter()
        .find_map(|p| {
            word.strip_suffix(p)
                .filter(|rest| rest.chars().count() >= 1)
        })
        .unwrap_or(word)
}

/// Computes the features of one sentence.
pub fn features(text: &str, interner: &mut Interner) -> Features {
    let mut result = Features {
        chars: text.chars().filter(|c| !c.is_whitespace()).count() as u32,
        ending: Ending::of(text),
        thanks: THANKS_MARKS.iter().any(|mark| text.contains(mark)),
        ..Features::default()
    };
    let words = words(text);
    let infos: Vec<Arc<WordInfo>> = words.iter().map(|w| interner.word(w)).collect();
    let mut numbers: Vec<String> = Vec::new();
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
            result.stems.push(interner.id(&number));
            numbers.push(number);
            skip = length - 1;
            continue;
        }
        if let Some(n) = info.korean_numeral
            && infos.get(index + 1).is_some_and(|next| next.korean_counter)
        {
            numbers.push(n.to_string());
        }
        result.stems.extend_from_slice(&info.stems);
        let named = !info.capitalised || index > 0 || info.inner_capital;
        result.names.extend(info.name.filter(|_| named));
        let after_title = index > 0 && infos[index - 1].title;
        let korean = words[index].starts_with(is_hangul);
        if korean || info.capitalised && after_title {
            result.names.extend(info.surname);
        }
    }
    if infos.iter().filter(|i| i.capitalised).count() >= 2 {
        for run in name_runs(text) {
            result.names.extend(interner.name(&run));
        }
    }
    for run in katakana_runs(text) {
        result.names.extend(interner.name(&romanize_kana(run)));
    }
    result.negated |= NEGATION_MARKS.iter().any(|mark| text.contains(mark));
    result.stems.sort_unstable();
    numbers.sort();
    numbers.dedup();
    result.numbers = numbers.iter().map(|n| interner.id(n)).collect();
    result.numbers.sort_unstable();
    result.names.sort_unstable();
    result.names.dedup();
    result
}

/// The features of every sentence of every turn, worked out on two threads: each half of the
/// text gets its own interner, and the second half's ids are then moved into `interner`.
pub fn of_turns(turns: &[Vec<&str>], interner: &mut Interner) -> Vec<Vec<Features>> {
    let of = |turns: &[Vec<&str>], interner: &mut Interner| -> Vec<Vec<Features>> {
        turns
            .iter()
            .map(|turn| turn.iter().map(|text| features(text, interner)).collect())
            .collect()
    };
    let middle = crate::parallel::middle(turns, |turn| turn.iter().map(|t| t.len()).sum());
    let (first, second) = turns.split_at(middle);
    let mut private = Interner::default();
    let (mut all, mut rest) =
        crate::parallel::join(|| of(first, interner), || of(second, &mut private));
    let ids = interner.absorb(&private);
    for sentence in rest.iter_mut().flatten() {
        sentence.translate(&ids);
    }
    all.extend(rest);
    all
}

impl Features {
    /// Replaces every id by `ids[id]`, keeping the lists sorted.
    fn translate(&mut self, ids: &[u32]) {
        for list in [&mut self.stems, &mut self.numbers, &mut self.names] {
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
        assert_eq!(a.numbers, b.numbers);
    }

    #[test]
    fn number_words_compound_and_multiply() {
        let mut interner = Interner::default();
        let numbers = |text: &str, interner: &mut Interner| {
            let f = features(text, interner);
            let mut all: Vec<String> = f
                .numbers
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
        assert!(common(&a.names, &b.names) >= 1);
    }

    #[test]
    fn multi_word_names_meet_one_hangul_word() {
        assert!(
            name_runs("Foreign Minister Cho Tae-yul will speak").contains(&"ChoTaeyul".to_string())
        );
        let mut interner = Interner::default();
        let a = features(
            "I am Cho Tae-yul, foreign minister of Korea.",
            &mut interner,
        );
        let b = features("대한민국 외교부 장관 조태열입니다.", &mut interner);
        assert!(common(&a.names, &b.names) >= 1);
    }

    #[test]
    fn a_surname_after_a_title_meets_a_korean_full_name() {
        let mut interner = Interner::default();
        let a = features("Now, let me invite Minister Cho first.", &mut interner);
        let b = features("그럼 먼저 조태열 장관님을 모시겠습니다.", &mut interner);
        assert!(common(&a.names, &b.names) >= 1);
        let c = features(
            "After their opening statements, we will have a Q&A session.",
            &mut interner,
        );
        assert_eq!(common(&c.names, &b.names), 0);
    }

    #[test]
    fn katakana_names_meet_latin_ones() {
        let mut interner = Interner::default();
        let a = features("I welcome Secretary Blinken back to Korea.", &mut interner);
        let b = features("ブリンケン国務長官の韓国再訪を歓迎します。", &mut interner);
        assert!(common(&a.names, &b.names) >= 1);
    }

    #[test]
    fn negation_in_either_language() {
        let mut interner = Interner::default();
        assert!(features("We don’t ignore them.", &mut interner).negated);
        assert!(features("우리는 무시하지 않습니다.", &mut interner).negated);
        assert!(!features("We confront them.", &mut interner).negated);
    }
}
