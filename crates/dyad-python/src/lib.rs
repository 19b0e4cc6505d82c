//! The `dyad` Python package's native module, `dyad._dyad`: a thin layer over the library
//! crates, with no coding logic of its own. Records come in as the JSON lines `dyad code` would
//! read, go through [`dyad_run`]'s loop (the command's reader, coder and JSON Lines writer) with
//! the GIL released, and come back as the bytes the command writes; stored events come back as
//! Arrow record batches through the Arrow C data interface. The Python side (`python/dyad/`)
//! turns those into dicts and tables and holds the documentation of the API.
//!
//! Like every library crate it forbids `unsafe`: the calls into CPython's C API are PyO3's,
//! and the Arrow C data interface's are arrow-rs's.

#![forbid(unsafe_code)]

mod coder;
mod errors;
mod store;
mod threads;

use pyo3::prelude::*;

/// mimalloc, as in the `dyad` binary (its `allocator.rs`, which also skips the alignment checks
/// for small requests; that needs `unsafe`, which this library crate forbids): the coder
/// allocates many small strings on every thread, which glibc's malloc makes markedly slower.
/// Only the module's own Rust allocations go through it; Python's objects are Python's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<coder::NativeCoder>()?;
    m.add_class::<store::NativeStore>()?;
    m.add("BATCH", dyad_run::BATCH)?;
    m.add("VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
