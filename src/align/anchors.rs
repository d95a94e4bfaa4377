//! Anchors for versions in one language: sentences whose text occurs once in each version,
//! the same in both. The longest chain of them that keeps the reading order on both sides
//! shows where the two versions run together, however differently they are cut into turns.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Sentences shorter than this many words (`Yeah.`, `Thank you.`) recur too often to anchor.
const MIN_WORDS: usize = 4;

/// The chain of anchors as (index in `a`, index in `b`), increasing on both sides.
pub fn chain(a: &[&str], b: &[&str]) -> Vec<(usize, usize)> {
    let once_in_a = unique(a);
    let once_in_b = unique(b);
    let mut pairs: Vec<(usize, usize)> = once_in_a
        .iter()
        .filter_map(|(key, &i)| Some((i?, (*once_in_b.get(key)?)?)))
        .collect();
    pairs.sort_unstable();
    longest_increasing(&pairs)
}

/// Each key seen once, with its index; `None` for keys seen more than once.
fn unique(texts: &[&str]) -> HashMap<u64, Option<usize>> {
    let mut seen: HashMap<u64, Option<usize>> = HashMap::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let Some(key) = key(text) else { continue };
        seen.entry(key)
            .and_modify(|slot| *slot = None)
            .or_insert(Some(index));
    }
    seen
}

/// The sentence's words, lower-cased, without punctuation or spacing, hashed: a corrected
/// reprint that changes only a comma still anchors.
fn key(text: &str) -> Option<u64> {
    let mut hasher = DefaultHasher::new();
    let mut words = 0;
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        for c in word.chars().flat_map(char::to_lowercase) {
            c.hash(&mut hasher);
        }
        ' '.hash(&mut hasher);
        words += 1;
    }
    (words >= MIN_WORDS).then(|| hasher.finish())
}

/// The longest subsequence of `pairs` (sorted by their first index, which is distinct) whose
/// second index increases too: patience sorting, n log n.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // tails[k]: index into `pairs` of the smallest end of an increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (index, &(_, j)) in pairs.iter().enumerate() {
        let length = tails.partition_point(|&t| pairs[t].1 < j);
        previous[index] = length.checked_sub(1).map(|k| tails[k]);
        if length == tails.len() {
            tails.push(index);
        } else {
            tails[length] = index;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut at = tails.last().copied();
    while let Some(index) = at {
        chain.push(pairs[index]);
        at = previous[index];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unique_sentences_in_order_anchor() {
        let a = [
            "We met in Seoul today, as planned.",
            "Yes.",
            "The alliance is strong and getting stronger.",
            "Thank you all for coming here.",
        ];
        let b = [
            "Yes.",
            "we met in Seoul today as planned",
            "Yes.",
            "Thank you all for coming here.",
            "The alliance is strong and getting stronger.",
        ];
        // Short sentences never anchor; of two crossing anchors one is kept.
        let chain = chain(&a, &b);
        assert_eq!(chain.len(), 2);
        assert_eq!(chain[0], (0, 1));
        assert!(chain[1] == (2, 4) || chain[1] == (3, 3));
    }

    #[test]
    fn a_repeated_sentence_does_not_anchor() {
        let line = "This sentence appears in both versions.";
        assert!(chain(&[line, line], &[line]).is_empty());
    }

    #[test]
    fn longest_chain_skips_the_outlier() {
        let pairs = [(0, 0), (1, 9), (2, 1), (3, 2), (4, 3)];
        assert_eq!(longest_increasing(&pairs), [(0, 0), (2, 1), (3, 2), (4, 3)]);
    }
}
