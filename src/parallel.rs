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

#[cfg(test)]
mod tests {
    use super::*;

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
