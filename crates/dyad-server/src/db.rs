//! The database behind the API: a small pool of SQLite connections (read-only unless ingest
//! is on), each used by one request at a time on tokio's blocking threads.
//!
//! rusqlite is synchronous, so every query runs in `spawn_blocking` with a connection taken
//! from the pool. At most [`POOL_SIZE`] queries run at once (a semaphore; the others wait their
//! turn), so the same few connections, with their prepared statements, serve every request. A
//! request that times out drops its future; the guard then interrupts the query it was
//! running, so no abandoned query keeps a thread busy.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use dyad_store::{schema, Store};
use rusqlite::{Connection, InterruptHandle};

use crate::error::{ApiError, ApiResult};

/// Queries that run at once, and connections kept open.
pub const POOL_SIZE: usize = 8;

/// A pool of connections to one database file.
pub struct Db {
    path: PathBuf,
    writable: bool,
    idle: Mutex<Vec<Connection>>,
    permits: tokio::sync::Semaphore,
    /// The one writer (ingest), if writes are allowed.
    writer: Option<Mutex<Store>>,
}

/// Interrupts the query of a request whose future was dropped (a timeout) before it ended.
struct InterruptOnDrop {
    handle: InterruptHandle,
    done: Arc<AtomicBool>,
}

impl Drop for InterruptOnDrop {
    fn drop(&mut self) {
        if !self.done.load(Ordering::SeqCst) {
            self.handle.interrupt();
        }
    }
}

impl Db {
    /// Open the database: read-only (the file must exist and be a dyad database), or
    /// read-write when `writable` (for ingest; created if missing).
    pub fn open(path: &Path, writable: bool) -> dyad_store::Result<Db> {
        let (first, writer) = if writable {
            let store = Store::open(path)?;
            (schema::open_read_only(path)?, Some(Mutex::new(store)))
        } else {
            (schema::open_read_only(path)?, None)
        };
        Ok(Db {
            path: path.to_path_buf(),
            writable,
            idle: Mutex::new(vec![first]),
            permits: tokio::sync::Semaphore::new(POOL_SIZE),
            writer,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn writable(&self) -> bool {
        self.writable
    }

    fn take(&self) -> dyad_store::Result<Connection> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match idle {
            Some(c) => Ok(c),
            None => schema::open_read_only(&self.path),
        }
    }

    fn give_back(&self, conn: Connection) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < POOL_SIZE {
            idle.push(conn);
        }
    }

    /// Run `f` with a read-only connection on a blocking thread.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Connection) -> dyad_store::Result<T> + Send + 'static,
    {
        let permit = self.permits.acquire().await.map_err(ApiError::internal)?;
        let conn = self.take().map_err(ApiError::internal)?;
        let done = Arc::new(AtomicBool::new(false));
        let guard = InterruptOnDrop {
            handle: conn.get_interrupt_handle(),
            done: done.clone(),
        };
        let db = self.clone();
        let result = tokio::task::spawn_blocking(move || {
            let out = f(&conn);
            done.store(true, Ordering::SeqCst);
            db.give_back(conn);
            out
        })
        .await
        .map_err(ApiError::internal)?;
        drop(guard);
        drop(permit);
        Ok(result?)
    }

    /// Run `f` with the writer on a blocking thread (None when the database is read-only).
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> ApiResult<T> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || {
            let Some(w) = &db.writer else {
                return Err(ApiError::new(
                    axum::http::StatusCode::FORBIDDEN,
                    "the database is open read-only",
                ));
            };
            let mut store = w.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut store)
        })
        .await
        .map_err(ApiError::internal)?
    }
}
