//! Agent dictionaries (`Phoenix.agents.txt`, `PETR.Validate.agents.txt`): common nouns that
//! qualify an actor ("president" → `~GOV`, "human rights body" → `NGO~`). See FORMATS.md §2.4.

/// Whether the agent code goes after the actor code (`~GOV`: ISR + GOV = ISRGOV) or before it
/// (`NGO~`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    Append,
    Prepend,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// Every phrase this agent is written as: singular, plural (regular, irregular `{X}`, or none
    /// with `{}`), with `!SET!` substitutions expanded. Normalised words.
    pub phrases: Vec<Vec<String>>,
    /// The code without its `~` (e.g. `GOVFRM`).
    pub code: String,
    pub placement: Placement,
    pub line: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentDictionary {
    pub entries: Vec<AgentEntry>,
}
