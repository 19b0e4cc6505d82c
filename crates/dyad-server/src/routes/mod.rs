//! The API's routes, one module per resource; each handler checks its parameters, runs its
//! query on the pool and answers JSON.

pub mod actors;
pub mod articles;
pub mod codes;
pub mod events;
pub mod export;
pub mod filter;
pub mod ingest;
pub mod network;
pub mod places;
pub mod series;
pub mod stats;
