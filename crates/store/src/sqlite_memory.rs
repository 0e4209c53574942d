//! SQLite's memory, from the program's allocator instead of glibc's malloc.
//!
//! sqlx copies every column value of every row it reads (`sqlite3_value_dup`), so a page of a
//! thousand rows is thousands of mallocs and frees inside SQLite. Left to itself SQLite takes
//! them from glibc behind one global mutex that counts memory (`SQLITE_CONFIG_MEMSTATUS`): on a
//! profile of the directory page that was a fifth of the server's CPU (malloc_consolidate, the
//! mutex, unlink_chunk). [`install`] hands SQLite the Rust global allocator (mimalloc in the
//! `convene` binary) and turns the counting off. It must run before any SQLite connection
//! opens; afterwards SQLite refuses it and nothing changes.

use std::alloc::{alloc, dealloc, realloc, Layout};
use std::ffi::{c_int, c_void};
use std::sync::atomic::{AtomicUsize, Ordering};

use libsqlite3_sys as ffi;

/// Every block starts with a header holding its size, since SQLite asks a block its size.
const HEADER: usize = 16;
const ALIGN: usize = 16;

/// How many blocks SQLite has taken from us (for the test that shows SQLite uses this).
static TAKEN: AtomicUsize = AtomicUsize::new(0);

fn layout(size: usize) -> Option<Layout> {
    Layout::from_size_align(size.checked_add(HEADER)?, ALIGN).ok()
}

unsafe extern "C" fn x_malloc(n: c_int) -> *mut c_void {
    let Some(l) = usize::try_from(n).ok().and_then(layout) else {
        return std::ptr::null_mut();
    };
    // SAFETY: the layout is non-zero (it includes the header); the header is written inside it
    unsafe {
        let p = alloc(l);
        if p.is_null() {
            return std::ptr::null_mut();
        }
        TAKEN.fetch_add(1, Ordering::Relaxed);
        (p as *mut usize).write(l.size() - HEADER);
        p.add(HEADER) as *mut c_void
    }
}

/// The size recorded in front of a block that `x_malloc` or `x_realloc` returned.
unsafe fn size_of_block(p: *mut c_void) -> usize {
    // SAFETY: the caller passes a block of ours, whose header is HEADER bytes before it
    unsafe { ((p as *mut u8).sub(HEADER) as *const usize).read() }
}

unsafe extern "C" fn x_free(p: *mut c_void) {
    if p.is_null() {
        return;
    }
    // SAFETY: SQLite frees only blocks it took from x_malloc/x_realloc, with their layout
    unsafe {
        let size = size_of_block(p);
        dealloc(
            (p as *mut u8).sub(HEADER),
            layout(size).expect("a block's own size"),
        );
    }
}

unsafe extern "C" fn x_realloc(p: *mut c_void, n: c_int) -> *mut c_void {
    if p.is_null() {
        // SAFETY: as x_malloc
        return unsafe { x_malloc(n) };
    }
    let Some(new) = usize::try_from(n).ok().and_then(layout) else {
        return std::ptr::null_mut();
    };
    // SAFETY: p is a block of ours; on failure the old block is left as it was
    unsafe {
        let old = layout(size_of_block(p)).expect("a block's own size");
        let q = realloc((p as *mut u8).sub(HEADER), old, new.size());
        if q.is_null() {
            return std::ptr::null_mut();
        }
        (q as *mut usize).write(new.size() - HEADER);
        q.add(HEADER) as *mut c_void
    }
}

unsafe extern "C" fn x_size(p: *mut c_void) -> c_int {
    if p.is_null() {
        return 0;
    }
    // SAFETY: as size_of_block
    unsafe { size_of_block(p) as c_int }
}

unsafe extern "C" fn x_roundup(n: c_int) -> c_int {
    n.saturating_add(7) & !7
}

unsafe extern "C" fn x_init(_: *mut c_void) -> c_int {
    ffi::SQLITE_OK
}

unsafe extern "C" fn x_shutdown(_: *mut c_void) {}

/// The methods, shareable: their one pointer (`pAppData`) is null and never written.
struct Methods(ffi::sqlite3_mem_methods);
// SAFETY: nothing in it is ever written after it is made
unsafe impl Sync for Methods {}

static METHODS: Methods = Methods(ffi::sqlite3_mem_methods {
    xMalloc: Some(x_malloc),
    xFree: Some(x_free),
    xRealloc: Some(x_realloc),
    xSize: Some(x_size),
    xRoundup: Some(x_roundup),
    xInit: Some(x_init),
    xShutdown: Some(x_shutdown),
    pAppData: std::ptr::null_mut(),
});

/// Gives SQLite the program's allocator and no memory statistics. True when SQLite took them;
/// false when SQLite was already in use (it then keeps its own, which still works).
pub fn install() -> bool {
    // SAFETY: sqlite3_config is called with the argument types its options document; SQLite
    // copies the methods (and METHODS lives for the whole program anyway)
    unsafe {
        let malloc = ffi::sqlite3_config(
            ffi::SQLITE_CONFIG_MALLOC,
            &METHODS.0 as *const ffi::sqlite3_mem_methods,
        );
        if malloc != ffi::SQLITE_OK {
            return false;
        }
        ffi::sqlite3_config(ffi::SQLITE_CONFIG_MEMSTATUS, 0 as c_int);
    }
    true
}

/// How many blocks SQLite has taken through [`install`]'s allocator.
pub fn blocks_taken() -> usize {
    TAKEN.load(Ordering::Relaxed)
}
