//! How tandem asks glibc's allocator to hold memory on long documents; elsewhere these do
//! nothing. The aligner's large vectors (sentence rows, the turn table) each get a mapping of
//! their own, and its many small blocks come from the heap: the small blocks a stage frees
//! leave holes there that the next stage's large vectors cannot use.

/// Blocks from this size up get a mapping of their own, given back to the system when freed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const OWN_MAPPING_BYTES: libc::c_int = 1024 * 1024;

/// glibc raises the size from which a block gets a mapping of its own each time such a block
/// is freed, up to 32 MB: after the file's bytes are let go, the aligner's vectors of several
/// megabytes would come from the heap, and the holes they leave there stay in memory. Fixing
/// the size keeps them apart: exporting the bundled pair ×1000 peaks at 240 MB instead of
/// 260 MB, in the same time.
///
/// # Safety
/// Call it before any other thread exists: `mallopt` writes settings that other threads'
/// allocations read without a lock (glibc marks it MT-Unsafe).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub unsafe fn keep_large_blocks_apart() {
    // SAFETY: the caller has no other thread yet (see above).
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, OWN_MAPPING_BYTES);
    }
}

/// # Safety
/// None needed: nothing is changed where glibc's allocator is not used.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub unsafe fn keep_large_blocks_apart() {}

/// Gives the whole free pages of the heap back to the system: called between stages, where
/// one stage's temporaries are freed and the next will ask for large vectors that the holes
/// cannot hold. Exporting the bundled pair ×1000 then peaks 5 MB lower, for a few
/// milliseconds.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn give_back_free_pages() {
    // SAFETY: `malloc_trim` takes each arena's lock and releases only pages no block
    // occupies; glibc marks it MT-Safe, so any thread may call it at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn give_back_free_pages() {}
