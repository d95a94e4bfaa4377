//! Work split over the two cores tandem is built for, with nothing shared but read-only input.

/// Where to cut `items` so that both parts weigh about the same.
pub fn middle<T>(items: &[T], weight: impl Fn(&T) -> usize) -> usize {
    let total: usize = items.iter().map(&weight).sum();
    let mut seen = 0;
    items
        .iter()
        .position(|item| {
            seen += weight(item);
            seen * 2 >= total
        })
        .map_or(items.len(), |i| i + 1)
}

/// Counts the weight of the items done of `first_part`, telling `done` their share: the part
/// worked on this thread stands for both, since [`middle`] cut them to weigh the same.
pub fn share_teller<'a, T>(
    first_part: &[T],
    weight: impl Fn(&T) -> usize + 'a,
    done: &'a dyn Fn(f64),
) -> impl FnMut(&T) + 'a {
    let total = first_part.iter().map(&weight).sum::<usize>().max(1);
    let mut seen = 0;
    move |item| {
        seen += weight(item);
        done(seen as f64 / total as f64);
    }
}

/// Runs `first` here and `second` on another thread, and returns both results.
pub fn join<A, B: Send>(first: impl FnOnce() -> A, second: impl FnOnce() -> B + Send) -> (A, B) {
    std::thread::scope(|scope| {
        let other = scope.spawn(second);
        let here = first();
        match other.join() {
            Ok(there) => (here, there),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// A list a thread builds to hand back, kept in blocks of a mebibyte or more. Joining two
/// threads' lists copies both into one vector, block by block, and each block is freed as soon
/// as it is copied. The join never holds two copies of the lists on Linux with glibc, told
/// (see [`crate::memory`]) to give a block that large a mapping of its own: the vector's pages
/// are then taken only as they are filled, and a block's given back when it is freed.
pub struct Blocks<T> {
    blocks: Vec<Vec<T>>,
}

impl<T> Blocks<T> {
    /// Items per block: a mebibyte's worth, at least one.
    const ITEMS_PER_BLOCK: usize = (1 << 20)
        / (if size_of::<T>() == 0 {
            1
        } else {
            size_of::<T>()
        })
        + 1;

    pub fn new() -> Self {
        Blocks { blocks: Vec::new() }
    }

    pub fn push(&mut self, item: T) {
        match self.blocks.last_mut() {
            Some(block) if block.len() < block.capacity() => block.push(item),
            _ => {
                let mut block = Vec::with_capacity(Self::ITEMS_PER_BLOCK);
                block.push(item);
                self.blocks.push(block);
            }
        }
    }

    fn len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }

    /// This list's items, then `rest`'s, in one vector of exactly their number.
    pub fn joined(self, rest: Blocks<T>) -> Vec<T> {
        let mut all = Vec::with_capacity(self.len() + rest.len());
        for block in self.blocks.into_iter().chain(rest.blocks) {
            all.extend(block);
        }
        all
    }
}

impl<T> Default for Blocks<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_keep_the_order_across_blocks() {
        let mut blocks = Blocks::new();
        let count = 3 * Blocks::<u64>::ITEMS_PER_BLOCK + 5;
        for item in 0..count as u64 {
            blocks.push(item);
        }
        assert_eq!(blocks.len(), count);
        assert_eq!(blocks.blocks.len(), 4);
        let mut rest = Blocks::new();
        rest.push(u64::MAX);
        let all = blocks.joined(rest);
        assert_eq!(all.len(), count + 1);
        assert_eq!(all.capacity(), count + 1);
        assert!(
            all[..count]
                .iter()
                .enumerate()
                .all(|(i, &item)| item == i as u64)
        );
        assert_eq!(all[count], u64::MAX);
    }

    #[test]
    fn the_middle_balances_weight() {
        assert_eq!(middle(&[1, 1, 1, 1], |&w| w), 2);
        assert_eq!(middle(&[6, 1, 1, 1, 1], |&w| w), 1);
        assert_eq!(middle::<usize>(&[], |&w| w), 0);
    }

    #[test]
    fn join_keeps_the_order() {
        assert_eq!(join(|| 1, || 2), (1, 2));
    }
}
