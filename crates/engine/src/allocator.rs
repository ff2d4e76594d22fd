//! Allocator tuning for the binaries, whose global allocator is mimalloc (feature `mimalloc`).

/// `mi_option_purge_delay` in mimalloc.h (v3); the Rust bindings do not name it. An upgrade that
/// renumbered the options would set another one: the test below reads its v3 default (1000 ms).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Makes mimalloc hand freed pages back to the OS after 10 ms instead of a second. Between
/// pipeline stages the longer delay keeps one stage's garbage resident while the next allocates
/// (about 200 MiB at 200,000 articles); 10 ms, mimalloc v2's default, costs no measurable time
/// (BENCHMARKS.md). Call it first in `main`.
///
/// # Example
/// ```
/// wiretrace_engine::allocator::return_freed_memory_promptly();
/// ```
#[allow(unsafe_code)]
pub fn return_freed_memory_promptly() {
    // SAFETY: sets a plain integer option, which mimalloc reads at each purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 10) }
}

#[cfg(test)]
mod tests {
    #[test]
    #[allow(unsafe_code)]
    fn the_purge_delay_option_index_is_mimallocs() {
        // SAFETY: reads a plain integer option.
        let default = unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) };
        assert_eq!(default, 1000, "option 15 is no longer mimalloc v3's purge delay");
    }
}
