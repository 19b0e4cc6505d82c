//! What the coder reads text with, owned by the coder and replaceable: the compiled
//! dictionaries ([`Lexicon`]), the tagger, the gazetteer, the CAMEO ontology (PETR-2's pico
//! table), the CAMEO tables, the CAMEO→PLOVER map, the tone lexicon and the issue phrases. Nothing in the coding stages reaches a
//! global: a coder built with other resources codes with them.

use std::ops::Deref;
use std::sync::Arc;

use dyad_dict::bundled::Dictionaries;
use dyad_dict::cameo::CameoTable;
use dyad_dict::pico::Pico;
use dyad_dict::plover::PloverMap;
use dyad_dict::tone::ToneLexicon;
use dyad_lang::{Gazetteer, Tagger};

use crate::lexicon::Lexicon;
use crate::themes::IssueIndex;

/// A resource shared by every thread that codes: the bundled one, loaded the first time it is
/// read (the bundled tagger and gazetteer take a tenth of a second to load, which commands
/// that never read them should not pay), or one the caller built.
pub enum Shared<T: 'static> {
    Bundled(fn() -> &'static T),
    Own(Arc<T>),
}

impl<T> Deref for Shared<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        match self {
            Shared::Bundled(load) => load(),
            Shared::Own(t) => t,
        }
    }
}

impl<T> From<T> for Shared<T> {
    fn from(t: T) -> Shared<T> {
        Shared::Own(Arc::new(t))
    }
}

/// Everything the coding stages read besides the article.
pub struct Resources {
    pub lexicon: Lexicon,
    pub tagger: Shared<Tagger>,
    pub gazetteer: Shared<Gazetteer>,
    /// PETR-2's ontology of CAMEO codes: how an intent, an appeal or a negation combines with
    /// the act it names.
    pub pico: Shared<Pico>,
    pub cameo: Shared<CameoTable>,
    pub plover: Shared<PloverMap>,
    /// The tone lexicon (AFINN-165) of GDELT's AvgTone.
    pub tone: Shared<ToneLexicon>,
    /// The lexicon a name's tone is read with (AFINN-165 and dyad's words of naming): what
    /// makes "called the charges baseless" a criticism.
    pub naming: Shared<ToneLexicon>,
    /// The issue phrases (themes) of the dictionaries' issue file.
    pub issues: IssueIndex,
}

impl Resources {
    /// These dictionaries with the bundled tagger, gazetteer and tables.
    pub fn new(dicts: Dictionaries) -> Resources {
        Resources {
            issues: IssueIndex::new(dicts.issues.clone()),
            lexicon: Lexicon::new(dicts),
            tagger: Shared::Bundled(Tagger::bundled),
            gazetteer: Shared::Bundled(Gazetteer::bundled),
            pico: Shared::Bundled(Pico::bundled),
            cameo: Shared::Bundled(CameoTable::bundled),
            plover: Shared::Bundled(PloverMap::bundled),
            tone: Shared::Bundled(ToneLexicon::bundled),
            naming: Shared::Bundled(ToneLexicon::naming),
        }
    }
}
