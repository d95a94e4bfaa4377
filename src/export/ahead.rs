//! Work on each row done ahead of the writer: the formats whose rows cost more to work out
//! than to write (a word diff, a line of quoted cells) have it done on two threads taking
//! turns at blocks of rows, while the writer writes what is ready, in order.

use super::RowsDone;
use crate::align::Row;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

/// Rows a thread works on before handing them over.
const BLOCK_ROWS: usize = 1024;

/// Threads working ahead, besides the writer's, taking turns at blocks of [`BLOCK_ROWS`]
/// rows; each hands over one block and works on the next while it waits, so that no more
/// than a few blocks are held at once whatever the number of rows.
const LANES: usize = 2;

/// Runs `write` with `work(first, block)` of every block of rows (`first` the index of the
/// block's first row), in order, each with the rows it covers, worked out ahead of it on
/// [`LANES`] threads. A block's work is handed over whole: the writer frees one thing a
/// block, not one a row, which from another thread costs the allocator as much as the work.
/// When `write` returns, early too (a failed write, a closed pipe), the threads stop at the
/// next block.
pub fn worked_out_ahead<B: Send, R>(
    rows: &[Row],
    work: impl Fn(usize, &[Row]) -> B + Sync,
    write: impl FnOnce(&mut dyn Iterator<Item = (Range<usize>, B)>) -> R,
) -> R {
    let stopped = AtomicBool::new(false);
    let work = &work;
    std::thread::scope(|scope| {
        let lanes: Vec<_> = (0..LANES)
            .map(|lane| {
                let (send, receive) = std::sync::mpsc::sync_channel(1);
                let stopped = &stopped;
                scope.spawn(move || {
                    let blocks = rows.chunks(BLOCK_ROWS).enumerate();
                    for (number, block) in blocks.skip(lane).step_by(LANES) {
                        if stopped.load(Ordering::Relaxed) {
                            return;
                        }
                        let first = number * BLOCK_ROWS;
                        let done = (first..first + block.len(), work(first, block));
                        if send.send(done).is_err() {
                            return;
                        }
                    }
                });
                receive
            })
            .collect();
        // Block `k` comes from lane `k % LANES`. A lane hands over every block it has before
        // its channel closes, unless it panicked: then the writer must not carry on as if
        // the rows had ended (the scope raises the lane's panic once the writer is done).
        let mut blocks = (0..rows.len().div_ceil(BLOCK_ROWS)).map(|block| {
            lanes[block % LANES]
                .recv()
                .expect("a thread working ahead of the writer stopped before its rows were done")
        });
        let written = write(&mut blocks);
        stopped.store(true, Ordering::Relaxed);
        written
    })
}

/// Writes every row as `write_row` puts it (the row's index, the row, where to put it), the
/// text of a block of rows made ahead of the writer, which only copies it out.
pub fn write_rows(
    rows: &[Row],
    out: &mut dyn Write,
    done: RowsDone<'_>,
    write_row: impl Fn(usize, &Row, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    let text = |first: usize, block: &[Row]| -> io::Result<Vec<u8>> {
        let mut text = Vec::new();
        for (index, row) in (first..).zip(block) {
            write_row(index, row, &mut text)?;
        }
        Ok(text)
    };
    worked_out_ahead(rows, text, |blocks| {
        for (covered, text) in blocks {
            out.write_all(&text?)?;
            done(covered.end);
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align;
    use crate::model::Pair;

    /// What is worked out ahead, by threads taking turns at blocks of rows, is each row's own
    /// and comes in the rows' order; a writer that stops early gets the first ones.
    #[test]
    fn work_done_ahead_is_the_rows_own_in_order() {
        let Pair { official, other } = crate::export::ten_fold_pair();
        let rows = align::align(&official, &other, &[]).rows;
        assert!(rows.len() > 2 * BLOCK_ROWS);
        let work = |first: usize, block: &[Row]| {
            let sides = block.iter().map(|row| row.sides.clone());
            (first..).zip(sides).collect::<Vec<_>>()
        };
        let one_by_one: Vec<_> = (0..)
            .zip(rows.iter().map(|row| row.sides.clone()))
            .collect();
        let ahead: Vec<_> = worked_out_ahead(&rows, work, |blocks| {
            blocks
                .flat_map(|(covered, done)| {
                    assert_eq!(covered, done[0].0..done[0].0 + done.len());
                    done
                })
                .collect()
        });
        assert_eq!(ahead, one_by_one);
        let first: Vec<_> = worked_out_ahead(&rows, work, |blocks| blocks.take(1).collect());
        assert_eq!(first, [(0..BLOCK_ROWS, one_by_one[..BLOCK_ROWS].to_vec())]);
    }
}
