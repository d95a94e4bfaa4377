//! The two versions of an event, as one type: a [`Side`] names one of them, a [`Pair`] holds a
//! value for each. Every layer (aligner, exports, reader) speaks of "the official version and the
//! other one" through these, so that no layer counts sides with bare indexes.

use serde::Serialize;
use std::ops::{Index, IndexMut};

/// One of the two versions: the official one (shown left) or the other one (a translation, a
/// corrected revision, the text as delivered), shown right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Official,
    Other,
}

impl Side {
    /// Both sides, official first: the order of reading, drawing and writing.
    pub const BOTH: [Side; 2] = [Side::Official, Side::Other];

    /// The word for the side in exports and on screen: `official` or `other` (a translation,
    /// a corrected revision and a text as delivered are all the other version).
    pub fn name(self) -> &'static str {
        match self {
            Side::Official => "official",
            Side::Other => "other",
        }
    }

    /// The side across from this one.
    pub fn opposite(self) -> Side {
        match self {
            Side::Official => Side::Other,
            Side::Other => Side::Official,
        }
    }
}

/// A value for each version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Pair<T> {
    pub official: T,
    pub other: T,
}

impl<T> Pair<T> {
    pub fn new(official: T, other: T) -> Self {
        Pair { official, other }
    }

    /// A pair made by calling `make` for each side, official first.
    pub fn from_fn(mut make: impl FnMut(Side) -> T) -> Self {
        let official = make(Side::Official);
        Pair::new(official, make(Side::Other))
    }

    pub fn as_ref(&self) -> Pair<&T> {
        Pair::new(&self.official, &self.other)
    }

    /// `f` applied to each side, official first.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Pair<U> {
        let official = f(self.official);
        Pair::new(official, f(self.other))
    }

    /// The two pairs side by side: a pair of couples.
    pub fn zip<U>(self, other: Pair<U>) -> Pair<(T, U)> {
        Pair::new((self.official, other.official), (self.other, other.other))
    }

    /// Each side with its value, official first.
    pub fn iter(&self) -> impl Iterator<Item = (Side, &T)> {
        Side::BOTH.into_iter().map(move |side| (side, &self[side]))
    }
}

/// The values, official first.
impl<T> IntoIterator for Pair<T> {
    type Item = T;
    type IntoIter = std::array::IntoIter<T, 2>;

    fn into_iter(self) -> Self::IntoIter {
        [self.official, self.other].into_iter()
    }
}

impl<T> Index<Side> for Pair<T> {
    type Output = T;

    fn index(&self, side: Side) -> &T {
        match side {
            Side::Official => &self.official,
            Side::Other => &self.other,
        }
    }
}

impl<T> IndexMut<Side> for Pair<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::Official => &mut self.official,
            Side::Other => &mut self.other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_index_map_and_zip() {
        let mut pair = Pair::new(1, 2);
        pair[Side::Other] += 10;
        assert_eq!(pair[Side::Official], 1);
        assert_eq!(pair.map(|n| n * 2), Pair::new(2, 24));
        assert_eq!(
            pair.zip(Pair::new('a', 'b')),
            Pair::new((1, 'a'), (12, 'b'))
        );
        let listed: Vec<(Side, i32)> = pair.iter().map(|(side, &n)| (side, n)).collect();
        assert_eq!(listed, [(Side::Official, 1), (Side::Other, 12)]);
        assert_eq!(Side::Official.opposite(), Side::Other);
        assert_eq!(
            Pair::from_fn(|side| side == Side::Other),
            Pair::new(false, true)
        );
    }
}
