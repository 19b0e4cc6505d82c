//! dyad-coder: TODO
