//! One write transaction that takes the lock before it reads, for the one-time fills of older
//! databases (the event sources, the rollups).

use rusqlite::Connection;

use crate::Result;

/// Run `work` in a `BEGIN IMMEDIATE` transaction (the write lock taken before it reads):
/// committed when it succeeds, rolled back when it fails.
pub(crate) fn immediately(conn: &Connection, work: impl FnOnce() -> Result<()>) -> Result<()> {
    conn.execute_batch("BEGIN IMMEDIATE")?;
    match work() {
        Ok(()) => conn.execute_batch("COMMIT")?,
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            return Err(e);
        }
    }
    Ok(())
}
