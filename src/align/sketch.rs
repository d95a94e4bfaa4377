//! A turn's vocabulary in a fixed, small size, for comparing turns fast at any length.
//!
//! A turn keeps a uniform sample of its distinct stems (the ones with the smallest hashes, so
//! two turns sample the same stems when they share them) and a Bloom filter of all of them.
//! How much of the smaller turn the larger one contains is then estimated from the smaller
//! turn's sample, each stem tested against the larger turn's filter: a partial translation
//! shows up as contained in the full turn, whatever either turn's length.

/// Stems sampled per turn.
const SAMPLE: usize = 48;
/// Filter size in 64-bit words (4096 bits: about 5% false positives at 1000 stems).
const FILTER_WORDS: usize = 64;

#[derive(Debug, Clone)]
pub struct Sketch {
    /// The smallest stem hashes, sorted.
    sample: Vec<u64>,
    /// `None` when the sample holds every stem: most turns are short, and a filter for each
    /// of a million one-line turns would take half a kilobyte apiece.
    filter: Option<Box<[u64; FILTER_WORDS]>>,
    /// Number of distinct stems.
    pub distinct: usize,
}

fn hash(id: u32) -> u64 {
    let mut z = u64::from(id).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The two filter bits of a hash.
fn bits(h: u64) -> [usize; 2] {
    let size = FILTER_WORDS * 64;
    [(h as usize) % size, ((h >> 32) as usize) % size]
}

impl Sketch {
    /// Sketches a list of distinct stem ids.
    pub fn new(distinct_stems: &[u32]) -> Self {
        let mut hashes: Vec<u64> = distinct_stems.iter().map(|&s| hash(s)).collect();
        let filter = (hashes.len() > SAMPLE).then(|| filter_of(&hashes));
        hashes.sort_unstable();
        hashes.truncate(SAMPLE);
        // A long turn's hashes would keep room for all of its stems.
        hashes.shrink_to_fit();
        Sketch {
            sample: hashes,
            filter,
            distinct: distinct_stems.len(),
        }
    }

    /// The sketch of several turns taken together.
    pub fn union(parts: &[&Sketch]) -> Self {
        let mut sample: Vec<u64> = parts
            .iter()
            .flat_map(|p| p.sample.iter().copied())
            .collect();
        sample.sort_unstable();
        sample.dedup();
        let complete = sample.len() <= SAMPLE && parts.iter().all(|p| p.filter.is_none());
        let filter = (!complete).then(|| {
            let mut filter = Box::new([0u64; FILTER_WORDS]);
            for part in parts {
                let bits = part
                    .filter
                    .clone()
                    .unwrap_or_else(|| filter_of(&part.sample));
                for (word, bits) in filter.iter_mut().zip(bits.iter()) {
                    *word |= bits;
                }
            }
            filter
        });
        sample.truncate(SAMPLE);
        Sketch {
            sample,
            filter,
            distinct: parts.iter().map(|p| p.distinct).sum(),
        }
    }

    fn contains(&self, h: u64) -> bool {
        match &self.filter {
            Some(filter) => bits(h)
                .iter()
                .all(|&bit| filter[bit / 64] & (1 << (bit % 64)) != 0),
            None => self.sample.binary_search(&h).is_ok(),
        }
    }
}

/// A Bloom filter of the given stem hashes.
fn filter_of(hashes: &[u64]) -> Box<[u64; FILTER_WORDS]> {
    let mut filter = Box::new([0u64; FILTER_WORDS]);
    for &h in hashes {
        for bit in bits(h) {
            filter[bit / 64] |= 1 << (bit % 64);
        }
    }
    filter
}

/// The estimated share of the smaller group's stems found in the larger group, from 0 to 1.
/// A group of several turns is tested through all of its turns' samples, each stem against
/// every turn of the other group.
pub fn containment<'s, G>(a: G, b: G) -> f64
where
    G: Iterator<Item = &'s Sketch> + Clone,
{
    let size = |group: G| group.map(|s| s.distinct).sum::<usize>();
    let (smaller, larger) = if size(a.clone()) <= size(b.clone()) {
        (a, b)
    } else {
        (b, a)
    };
    let (mut sampled, mut found) = (0, 0);
    for h in smaller.flat_map(|s| s.sample.iter()) {
        sampled += 1;
        found += usize::from(larger.clone().any(|s| s.contains(*h)));
    }
    if sampled == 0 {
        0.0
    } else {
        found as f64 / sampled as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_contained_in_the_whole() {
        let whole: Vec<u32> = (0..600).collect();
        let part: Vec<u32> = (0..150).collect();
        let other: Vec<u32> = (1000..1150).collect();
        let (whole, part, other) = (Sketch::new(&whole), Sketch::new(&part), Sketch::new(&other));
        assert!(containment([&part].into_iter(), [&whole].into_iter()) > 0.95);
        assert!(
            containment([&whole].into_iter(), [&part].into_iter()) > 0.95,
            "symmetric: the smaller side is sampled"
        );
        assert!(containment([&other].into_iter(), [&whole].into_iter()) < 0.3);
    }
}
