//! Work split between the cores: one contiguous share each, the calling thread taking the
//! first (it would otherwise only wait), results in the order of the items.

use std::thread;

/// The cores to use: all there are, up to eight.
pub fn threads() -> usize {
    thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `work` on `items` cut into one share per core, the results put together in item order.
pub fn in_shares<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> Vec<R> + Sync) -> Vec<R> {
    let threads = threads();
    if threads == 1 || items.len() < 2 {
        return work(items);
    }
    let mut shares = items.chunks(items.len().div_ceil(threads));
    let first = shares.next().unwrap_or(&[]);
    let work = &work;
    thread::scope(|scope| {
        let others: Vec<_> = shares
            .map(|share| scope.spawn(move || work(share)))
            .collect();
        joined(work(first), others)
    })
}

/// The calling thread's results followed by each other thread's, in order.
fn joined<R>(mut all: Vec<R>, others: Vec<thread::ScopedJoinHandle<'_, Vec<R>>>) -> Vec<R> {
    for other in others {
        // A panic in a worker is a bug; re-raise it rather than lose its results.
        all.extend(
            other
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e)),
        );
    }
    all
}

/// `work` on `items` cut into one share per core, each share changed in place; `work` is
/// told where its share starts. The results are put together in item order.
pub fn in_shares_mut<T: Send, R: Send>(
    items: &mut [T],
    work: impl Fn(usize, &mut [T]) -> Vec<R> + Sync,
) -> Vec<R> {
    let threads = threads();
    if threads == 1 || items.len() < 2 {
        return work(0, items);
    }
    let size = items.len().div_ceil(threads);
    let mut shares = items.chunks_mut(size).enumerate();
    let Some((_, first)) = shares.next() else {
        return Vec::new();
    };
    let work = &work;
    thread::scope(|scope| {
        let others: Vec<_> = shares
            .map(|(n, share)| scope.spawn(move || work(n * size, share)))
            .collect();
        joined(work(0, first), others)
    })
}

/// A list of `n` values, value `i` made by `make(i, notes)`, each core making a share of them
/// in place, with one `notes` a share for whatever else it finds (the notes, in order, come
/// back with the list). The list is made once, at its full size, and each core writes its
/// share of it: its pages are first touched on the core that fills them, and nothing is made
/// twice or copied.
pub fn made_in_shares<T: Send, S: Default + Send>(
    n: usize,
    make: impl Fn(usize, &mut S) -> T + Sync,
) -> (Vec<T>, Vec<S>) {
    let mut values: Vec<T> = Vec::with_capacity(n);
    let notes = in_shares_mut(&mut values.spare_capacity_mut()[..n], |start, share| {
        let mut notes = S::default();
        for (i, slot) in share.iter_mut().enumerate() {
            slot.write(make(start + i, &mut notes));
        }
        vec![notes]
    });
    // SAFETY: `in_shares_mut` hands each of the `n` slots to exactly one share, and a share
    // writes every slot of its own before it returns. A panic in a share goes on from
    // `in_shares_mut`, before this line: the values written then are only leaked.
    unsafe { values.set_len(n) };
    (values, notes)
}

/// Sorts `items` on every core: each sorts a share, and one pass of the standard stable sort,
/// which finds the sorted shares as runs, merges them. For lists of a million keys, where a
/// sort on one core kept the other waiting for tens of milliseconds. Stable only where the
/// items are all distinct (as keys ending in the item's place are).
pub fn sort_on_every_core<T: Ord + Send>(items: &mut [T]) {
    // Below this, a thread costs more than the sort it would share.
    const SHARED_FROM: usize = 1 << 16;
    if threads() == 1 || items.len() < SHARED_FROM {
        items.sort_unstable();
        return;
    }
    in_shares_mut(items, |_, share| {
        share.sort_unstable();
        Vec::<()>::new()
    });
    items.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn makes_every_value_in_its_place() {
        for n in [0, 1, 2, 3, 1001] {
            let (values, notes) = made_in_shares(n, |i, seen: &mut Vec<usize>| {
                seen.push(i);
                format!("v{i}")
            });
            let expected: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
            assert_eq!(values, expected);
            assert_eq!(notes.concat(), (0..n).collect::<Vec<_>>());
        }
    }

    #[test]
    fn sorts_on_every_core_as_on_one() {
        for n in [0, 1, 2, 1000, (1 << 16) + 7, 300_001] {
            // A scrambled list with repeats, as (key, place) pairs and as bare keys.
            let keys: Vec<u64> = (0..n as u64)
                .map(|i| i.wrapping_mul(2_654_435_761) % 5003)
                .collect();
            let mut pairs: Vec<(u64, u32)> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (*k, i as u32))
                .collect();
            let mut expected = pairs.clone();
            expected.sort_unstable();
            sort_on_every_core(&mut pairs);
            assert_eq!(pairs, expected, "{n} pairs");
            let mut bare = keys.clone();
            let mut expected = keys;
            expected.sort_unstable();
            sort_on_every_core(&mut bare);
            assert_eq!(bare, expected, "{n} keys");
        }
    }

    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        let doubled = in_shares(&items, |share| share.iter().map(|i| i * 2).collect());
        assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(in_shares(&[] as &[u32], |s| s.to_vec()), Vec::<u32>::new());
    }

    #[test]
    fn changes_every_item_once_knowing_where_its_share_starts() {
        let mut items: Vec<usize> = vec![0; 1001];
        let starts = in_shares_mut(&mut items, |start, share| {
            for (i, item) in share.iter_mut().enumerate() {
                *item += start + i;
            }
            vec![start]
        });
        assert_eq!(items, (0..1001).collect::<Vec<_>>());
        assert_eq!(starts[0], 0);
        assert!(starts.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            in_shares_mut(&mut [] as &mut [u32], |_, s| s.to_vec()),
            Vec::<u32>::new()
        );
    }
}
