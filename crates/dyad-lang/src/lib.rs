//! dyad-lang owns what dyad knows of English and of the world, as opposed to the text in
//! hand (dyad-text) and the event dictionaries (dyad-dict): the part-of-speech [`tagger`]
//! (an averaged perceptron trained on the Brown corpus, its weights in `data/tagger/`) and
//! the [`gazetteer`] (GeoNames places with their countries, in `data/gazetteer/`). Both are
//! data loaded once and read by many threads; the coder owns the instances it uses.

#![forbid(unsafe_code)]

pub mod gazetteer;
pub mod tagger;

pub use gazetteer::Gazetteer;
pub use tagger::Tagger;
