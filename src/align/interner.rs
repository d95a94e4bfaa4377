//! Strings as small integers: a fast hash for the aligner's many short strings, and the
//! interner both versions share, which also remembers what each distinct word contributes to
//! a sentence (stem, name, number, negation, thanks).

use super::numbers::small_number;
use super::romanize::{romanize_hangul, skeleton};
use super::tokens::{is_cjk, is_hangul, strip_particle};
use super::word_lists::{
    KOREAN_COUNTERS, KOREAN_NUMERALS, KOREAN_SURNAMES, NEGATIONS, STOPWORDS, THANKS_WORDS, TITLES,
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
pub type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<Fnv>>;

/// What a word contributes to a sentence's features, worked out once per distinct word.
#[derive(Debug, Clone, Default)]
pub(super) struct WordInfo {
    /// Stem ids (one for a Latin or Hangul word, character pairs for Chinese and Japanese).
    pub(super) stems: Vec<u32>,
    /// The word as a name (Latin words only when capitalised; every Hangul word).
    pub(super) name: Option<u32>,
    /// The surname of a Korean personal name, or of a capitalised Latin word after a title.
    pub(super) surname: Option<u32>,
    pub(super) capitalised: bool,
    /// An upper-case letter after the first (`ROK`, `McGurk`): a name even first in a sentence.
    pub(super) inner_capital: bool,
    pub(super) title: bool,
    pub(super) negation: bool,
    /// A word that thanks (`Thank`, `thanks`, `Спасибо`).
    pub(super) thanks: bool,
    /// Digits or a number word: numbers are read with the words around them.
    pub(super) numeric: bool,
    /// A Korean native numeral (`세`), a number only before a counter word.
    pub(super) korean_numeral: Option<u32>,
    pub(super) korean_counter: bool,
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
    /// How words are spelled for comparing names (see `names::spelling`), asked many times a row.
    name_spellings: FastMap<Box<str>, u32>,
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
    pub(super) fn absorb(&mut self, other: &Interner) -> Vec<u32> {
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

    /// A spelling `names` worked out before for `word`.
    pub fn known_name_spelling(&self, word: &str) -> Option<u32> {
        self.name_spellings.get(word).copied()
    }

    pub fn remember_name_spelling(&mut self, word: &str, id: u32) {
        self.name_spellings.insert(word.into(), id);
    }

    fn surname(&mut self, text: &str) -> Option<u32> {
        let skeleton = skeleton(text);
        (!skeleton.is_empty()).then(|| self.id(&format!("~surname:{skeleton}")))
    }

    pub(super) fn word(&mut self, word: &str) -> Arc<WordInfo> {
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
