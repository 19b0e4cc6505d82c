//! Names given where codes are expected (`dyad query --actor Macron`, the API's
//! `actor=Macron`), read by dyad's coder as `dyad actors lookup` reads them. The coder is
//! built on the first name, so a filter of codes loads no dictionaries.

use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_coder::Coder;
use dyad_store::names::{ActorNames, Resolution};

/// Builds the coder that reads names.
type Load = Box<dyn Fn() -> anyhow::Result<Coder> + Send + Sync>;

/// dyad's coder as an [`ActorNames`].
pub struct CoderNames {
    load: Load,
    coder: OnceLock<Option<Coder>>,
}

impl CoderNames {
    pub fn new(load: impl Fn() -> anyhow::Result<Coder> + Send + Sync + 'static) -> Self {
        CoderNames {
            load: Box::new(load),
            coder: OnceLock::new(),
        }
    }

    /// Names read with the bundled dictionaries.
    pub fn bundled() -> Self {
        CoderNames::new(|| Ok(Coder::new(dyad_dict::bundled::Dictionaries::bundled()?)))
    }
}

impl ActorNames for CoderNames {
    fn codes(&self, name: &str, date: NaiveDate) -> Vec<String> {
        let coder = self.coder.get_or_init(|| match (self.load)() {
            Ok(c) => Some(c),
            Err(e) => {
                eprintln!("dyad: cannot load the dictionaries to read names: {e:#}");
                None
            }
        });
        let Some(coder) = coder else {
            return Vec::new();
        };
        coder
            .read_name(name, Some(date))
            .phrases
            .iter()
            .flat_map(|p| p.members.iter().map(|m| m.code.clone()))
            .collect()
    }
}

/// Say on stderr what names were read as.
pub fn report(resolved: &[Resolution]) {
    for r in resolved {
        eprintln!("dyad: {r}");
    }
}
