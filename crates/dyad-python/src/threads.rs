//! Thread pools for `threads=N`: one per size, made on first use and kept (a pool's threads
//! outlive one call; making them for every batch would cost more than a small batch's coding).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use rayon::ThreadPool;

static POOLS: Mutex<Option<HashMap<usize, Arc<ThreadPool>>>> = Mutex::new(None);

/// Run `f` on a pool of `threads` threads, or on rayon's global pool (every core) for `None`.
pub fn on_pool<T: Send>(threads: Option<usize>, f: impl FnOnce() -> T + Send) -> anyhow::Result<T> {
    let Some(n) = threads else {
        return Ok(f());
    };
    if n == 0 {
        anyhow::bail!("threads: must be at least 1");
    }
    let pool = {
        let mut pools = POOLS.lock().unwrap_or_else(|p| p.into_inner());
        let pools = pools.get_or_insert_with(HashMap::new);
        match pools.get(&n) {
            Some(p) => Arc::clone(p),
            None => {
                let p = Arc::new(rayon::ThreadPoolBuilder::new().num_threads(n).build()?);
                pools.insert(n, Arc::clone(&p));
                p
            }
        }
    };
    Ok(pool.install(f))
}
