//! Which CAMEO codes the coder writes where the field's conventions differ. dyad's default is
//! the convention of the careful human coder of docs/CODING-GUIDE.md, by which dyad is judged
//! on real news; PETRARCH's validation suites were written in PETRARCH's own convention, which
//! `dyad eval petr` asks for explicitly ([`crate::Coder::with_convention`]), so each figure is
//! measured in the convention its gold was coded in.

use dyad_model::Event;

/// A coding convention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Convention {
    /// docs/CODING-GUIDE.md: a bare statement ("said", CAMEO 010, make statement not
    /// specified) is commentary with no addressee and no event; what was said is coded when
    /// it is one. An agent named without a country ("police") is of the article's country
    /// ([`crate::coreference::agents_take_the_article_country`]).
    #[default]
    Guide,
    /// PETRARCH-2's: every dictionary verb's code, 010 included; an agent named without a
    /// country stays without (`---COP`).
    Petrarch,
}

impl Convention {
    /// Drop or recode the events this convention codes otherwise than the dictionaries.
    pub fn apply(self, events: &mut Vec<Event>) {
        if self == Convention::Guide {
            events.retain(|e| e.code != "010");
        }
    }
}
