//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tandem::load::{self, LoadOptions};
use tandem::model::Transcript;

pub fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

pub fn load(relative: &str) -> Transcript {
    load::load_path(&data(relative), LoadOptions::default())
        .unwrap_or_else(|error| panic!("{error}"))
}

pub fn official_seed() -> Transcript {
    load("assets/seoul-2025-01-06/official-state-dept.txt")
}

pub fn ytn_seed() -> Transcript {
    load("assets/seoul-2025-01-06/translation-ytn.txt")
}

/// Words made of letters and digits, in order.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Counts of each word.
pub fn bag(words: impl IntoIterator<Item = String>) -> BTreeMap<String, i64> {
    let mut bag = BTreeMap::new();
    for word in words {
        *bag.entry(word).or_insert(0) += 1;
    }
    bag
}

/// The words where two bags differ: positive when `a` has more.
pub fn difference(a: &BTreeMap<String, i64>, b: &BTreeMap<String, i64>) -> Vec<(String, i64)> {
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|k| {
            let d = a.get(k).copied().unwrap_or(0) - b.get(k).copied().unwrap_or(0);
            (d != 0).then(|| (k.clone(), d))
        })
        .collect()
}
