//! The global allocator: mimalloc, called the cheapest way each request allows.
//!
//! Coding allocates many small strings (a token's text and normal form, phrase words) on every
//! thread; mimalloc's thread-local free lists make that markedly cheaper than glibc's. The
//! `mimalloc` crate's allocator sends every request through `mi_malloc_aligned`, whose checks
//! of the alignment cost about a fifth of an allocation (callgrind: 13 of the 37 million
//! instructions that coding 1 MB spent allocating). Every block mimalloc hands out is aligned
//! to a machine word (its sizes are whole words, its pages aligned), so a request for that
//! alignment or less (strings, vectors of numbers and of most structs) goes to the plain
//! entry points, and only larger alignments (the tagger's cache-line rows) to the aligned ones.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// The alignment of every mimalloc block: a machine word.
const WORD: usize = std::mem::size_of::<usize>();

/// mimalloc, as the global allocator (see the module docs).
pub struct Allocator;

// SAFETY: each method returns what the matching mimalloc function returns: a block of at least
// `layout.size()` bytes aligned to `layout.align()` (by the word alignment of all mimalloc
// blocks when that is enough, by the aligned functions otherwise), or null; blocks are freed
// and resized only by mimalloc, whatever entry point made them.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: see the impl.
            unsafe { mi::mi_malloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: see the impl.
            unsafe { mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: see the impl.
            unsafe { mi::mi_zalloc(layout.size()) as *mut u8 }
        } else {
            // SAFETY: see the impl.
            unsafe { mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8 }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator, that is from mimalloc.
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= WORD {
            // SAFETY: see the impl.
            unsafe { mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8 }
        } else {
            // SAFETY: see the impl.
            unsafe {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_have_the_alignment_asked_for() {
        let a = Allocator;
        let mut held = Vec::new();
        for size in (1..=600).chain([1000, 4095, 4096, 70_000, 1 << 20]) {
            for align in [1, 2, 4, 8, 16, 32, 64, 4096] {
                let layout = Layout::from_size_align(size, align).unwrap();
                // SAFETY: a layout of non-zero size; each block is checked, written and freed
                // by this allocator.
                unsafe {
                    let p = a.alloc(layout);
                    assert!(!p.is_null());
                    assert_eq!(p as usize % align, 0, "{size} bytes aligned to {align}");
                    p.write_bytes(0xA5, size);
                    let z = a.alloc_zeroed(layout);
                    assert_eq!(z as usize % align, 0, "zeroed {size}/{align}");
                    assert!(std::slice::from_raw_parts(z, size).iter().all(|&b| b == 0));
                    let bigger = size * 2 + 3;
                    let r = a.realloc(p, layout, bigger);
                    assert_eq!(r as usize % align, 0, "grown {size}/{align}");
                    assert!(std::slice::from_raw_parts(r, size)
                        .iter()
                        .all(|&b| b == 0xA5));
                    a.dealloc(z, layout);
                    // keep some blocks alive, so that later ones come from used pages too
                    if size % 7 == 0 {
                        held.push((r, Layout::from_size_align(bigger, align).unwrap()));
                    } else {
                        a.dealloc(r, Layout::from_size_align(bigger, align).unwrap());
                    }
                }
            }
        }
        for (p, layout) in held {
            // SAFETY: allocated above with this layout.
            unsafe { a.dealloc(p, layout) }
        }
    }
}
