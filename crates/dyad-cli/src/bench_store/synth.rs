//! A synthetic year of news, reproducible from a seed: articles with short texts and the
//! events coded in them, shaped as wire news is — actors and dyads Zipf-distributed over the
//! CAMEO country and agent codes, a year of dates with a weekly rhythm (fewer events at the
//! weekend), every CAMEO event code (so every root and quad class), places from the gazetteer
//! near the actors, and each event reported 1 to 20 times (P(k) ∝ 1/k², about 2.2 reports on
//! average) by articles of several sources over the days after it.
//!
//! Articles come in date order, as a year of news arrives. What comes out is what the coder
//! hands the store (a [`Document`] with its [`Event`]s, tone and issues), so the store is
//! written through its own ingest path.

use std::collections::VecDeque;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use dyad_dict::cameo::{self, ActorCodeKind, CameoTable};
use dyad_dict::issues::ArticleIssues;
use dyad_dict::tone::{ArticleTone, ToneCount};
use dyad_lang::gazetteer::{Feature, Gazetteer};
use dyad_model::{ActorRef, Document, Event, Modality, Origin, Place, Report, Span};

/// SplitMix64: a small, fast generator whose whole state is the seed, so a run is the same on
/// every machine (the bench must not depend on a crate's choice of algorithm across versions).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize % n.max(1)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Draws an index with given weights (cumulative table, binary search).
pub struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Weighted {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w;
                total
            })
            .collect();
        Weighted { cumulative }
    }

    /// Zipf's law over `n` ranks: weight 1/(rank+1)^s.
    pub fn zipf(n: usize, s: f64) -> Weighted {
        Weighted::new((0..n).map(|i| 1.0 / ((i + 1) as f64).powf(s)))
    }

    pub fn draw(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= x)
            .min(self.cumulative.len() - 1)
    }
}

/// Countries in roughly the order the news names them; the rest of CAMEO's follow.
const NEWS_COUNTRIES: &[&str] = &[
    "USA", "CHN", "RUS", "UKR", "ISR", "GBR", "FRA", "DEU", "IRN", "IND", "PSE", "JPN", "TUR",
    "SYR", "PAK", "KOR", "PRK", "SAU", "AFG", "IRQ", "EGY", "BRA", "CAN", "AUS", "MEX", "NGA",
    "ZAF", "LBN", "YEM", "SDN", "ITA", "ESP", "POL", "VEN", "TWN", "PHL", "IDN", "ETH", "KEN",
    "QAT", "ARE", "JOR", "LBY", "MMR", "BGD", "VNM", "THA", "COL", "ARG", "SOM",
];

/// Agents (CAMEO type codes) after the country, most common first; "" is the country alone.
const AGENTS: &[&str] = &[
    "", "GOV", "MIL", "OPP", "COP", "JUD", "LEG", "BUS", "MED", "CVL", "REB", "EDU", "HLH", "REF",
    "LAB", "SPY", "ELI", "CRM", "NGO", "AGR",
];

/// Event codes in roughly the order of their frequency in GDELT; every other CAMEO code
/// follows, so every root and quad class occurs.
const COMMON_CODES: &[&str] = &[
    "010", "020", "042", "043", "036", "040", "051", "190", "046", "112", "173", "111", "057",
    "071", "061", "172", "013", "120", "080", "193", "130", "141", "100", "014", "183", "145",
    "150", "163", "182", "195",
];

/// Phoenix issue codes the synthetic sentences name (about one sentence in ten names one).
const ISSUES: &[&str] = &[
    "REFUGEES",
    "PEACEKEEPERS",
    "ELECTIONS",
    "TERRORISM",
    "HUMAN_RIGHTS",
    "NUCLEAR",
    "TRADE",
    "CORRUPTION",
    "DROUGHT",
    "CYBER",
];

/// Words of the synthetic texts that are not names or codes.
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

struct ActorKind {
    code: String,
    name: String,
}

struct CodeKind {
    code: String,
    root: String,
    label: String,
    quad: u8,
    goldstein: f64,
}

/// One event to be reported: its key fields and how many more reports it gets.
#[derive(Clone)]
struct Story {
    source: usize,
    target: usize,
    code: usize,
    negated: bool,
    modality: Modality,
    date: NaiveDate,
    place: Option<usize>,
    reports_left: usize,
}

/// One coded article.
pub struct Coded {
    pub doc: Document,
    pub events: Vec<Event>,
    pub tone: ArticleTone,
    pub issues: ArticleIssues,
}

impl Coded {
    /// The article as the store's ingest takes it (no quotations; the synthetic dictionaries).
    pub fn input(&self) -> dyad_store::ArticleInput<'_> {
        dyad_store::ArticleInput {
            doc: &self.doc,
            events: &self.events,
            quotes: &[],
            dict_version: "synthetic",
            tone: Some(&self.tone),
            issues: Some(&self.issues),
        }
    }
}

/// The generator: call [`Synth::next_article`] until it says the year is done.
pub struct Synth {
    rng: Rng,
    actors: Vec<ActorKind>,
    country_of: Weighted,
    agent_of: Weighted,
    codes: Vec<CodeKind>,
    code_of: Weighted,
    reports_of: Weighted,
    places: Vec<Place>,
    /// Places of each country (indexes into `places`), largest first.
    places_by_country: std::collections::HashMap<String, Vec<usize>>,
    place_rank: Weighted,
    sources: Weighted,
    /// Days of the year and their weights (weekends quieter).
    days: Vec<NaiveDate>,
    day_of: Weighted,
    /// Events created, and the total to create.
    pub created: usize,
    target: usize,
    /// Events with reports still to come.
    pending: VecDeque<Story>,
    articles: usize,
    /// The day the articles have reached (articles come in date order).
    day_index: usize,
}

impl Synth {
    /// A generator of `events` events over the year 2025, from `seed`.
    pub fn new(seed: u64, events: usize) -> Synth {
        let table = CameoTable::bundled();
        let gazetteer = Gazetteer::bundled();
        let mut by_country: std::collections::HashMap<String, Vec<Place>> = Default::default();
        for p in gazetteer.places() {
            if p.feature == Feature::City {
                by_country
                    .entry(p.country.clone())
                    .or_default()
                    .push(Place {
                        name: p.name.clone(),
                        country: p.country.clone(),
                        geonameid: p.geonameid,
                        lat: p.lat,
                        lon: p.lon,
                        text: None,
                    });
            }
        }
        let mut countries: Vec<(String, String)> = Vec::new();
        for c in NEWS_COUNTRIES {
            if let Some(info) = table.actor_code(ActorCodeKind::Country, c) {
                countries.push((info.code.clone(), info.label.clone()));
            }
        }
        let mut rest: Vec<(String, String)> = table
            .actor_codes(ActorCodeKind::Country)
            .into_iter()
            .filter(|i| i.code.len() == 3 && !NEWS_COUNTRIES.contains(&i.code.as_str()))
            .filter(|i| by_country.contains_key(&i.code))
            .map(|i| (i.code.clone(), i.label.clone()))
            .collect();
        rest.sort();
        countries.extend(rest);
        let mut actors = Vec::new();
        for (code, label) in &countries {
            for agent in AGENTS {
                let name = match table.actor_code(ActorCodeKind::Type, agent) {
                    Some(a) if !agent.is_empty() => format!("{label} {}", a.label.to_lowercase()),
                    _ => label.clone(),
                };
                actors.push(ActorKind {
                    code: format!("{code}{agent}"),
                    name,
                });
            }
        }
        let mut codes: Vec<CodeKind> = Vec::new();
        let mut add_code = |info: &dyad_dict::cameo::EventCodeInfo| {
            if codes.iter().any(|c| c.code == info.code) {
                return;
            }
            let Some(quad) = cameo::quad_class(&info.code) else {
                return;
            };
            codes.push(CodeKind {
                code: info.code.clone(),
                root: cameo::root(&info.code).to_string(),
                label: info.label.to_lowercase(),
                quad,
                goldstein: info.goldstein,
            });
        };
        for c in COMMON_CODES {
            if let Some(info) = table.get(c) {
                add_code(info);
            }
        }
        for info in table.event_codes() {
            add_code(info);
        }
        let mut places = Vec::new();
        let mut places_by_country: std::collections::HashMap<String, Vec<usize>> =
            Default::default();
        for (code, _) in &countries {
            let Some(list) = by_country.get_mut(code) else {
                continue;
            };
            list.sort_by(|a, b| a.name.cmp(&b.name).then(a.geonameid.cmp(&b.geonameid)));
            for p in list.iter().take(12) {
                places_by_country
                    .entry(code.clone())
                    .or_default()
                    .push(places.len());
                places.push(p.clone());
            }
        }
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).expect("a date");
        let days: Vec<NaiveDate> = (0..365).map(|d| start + Duration::days(d)).collect();
        let day_of = Weighted::new(days.iter().map(|d| match d.weekday() {
            Weekday::Sat => 0.6,
            Weekday::Sun => 0.55,
            _ => 1.0,
        }));
        Synth {
            rng: Rng::new(seed),
            country_of: Weighted::zipf(countries.len(), 1.05),
            agent_of: Weighted::zipf(AGENTS.len(), 1.0),
            actors,
            code_of: Weighted::zipf(codes.len(), 1.0),
            codes,
            reports_of: Weighted::new((1..=20).map(|k| 1.0 / (k * k) as f64)),
            places,
            places_by_country,
            place_rank: Weighted::zipf(12, 1.0),
            sources: Weighted::zipf(400, 0.9),
            days,
            day_of,
            created: 0,
            target: events,
            pending: VecDeque::new(),
            articles: 0,
            day_index: 0,
        }
    }

    fn actor(&mut self) -> usize {
        let c = self.country_of.draw(&mut self.rng);
        let a = self.agent_of.draw(&mut self.rng);
        c * AGENTS.len() + a
    }

    fn place_near(&mut self, country: &str) -> Option<usize> {
        let list = self.places_by_country.get(country)?;
        let k = self.place_rank.draw(&mut self.rng).min(list.len() - 1);
        Some(list[k])
    }

    /// A new event happening on the current day (or one or two days before).
    fn new_story(&mut self) -> Story {
        let source = self.actor();
        let mut target = self.actor();
        if target / AGENTS.len() == source / AGENTS.len() && self.rng.chance(0.5) {
            target = self.actor();
        }
        let code = self.code_of.draw(&mut self.rng);
        let back = if self.rng.chance(0.7) {
            0
        } else {
            1 + self.rng.below(2)
        };
        let date = self.days[self.day_index.saturating_sub(back)];
        let place = if self.rng.chance(0.85) {
            let pick = self.rng.unit();
            let who = if pick < 0.65 { source } else { target };
            let country = self.actors[who].code[..3].to_string();
            self.place_near(&country)
        } else {
            None
        };
        let modality = match self.rng.below(20) {
            0 => Modality::Intended,
            1 => Modality::Hypothetical,
            _ => Modality::Asserted,
        };
        self.created += 1;
        Story {
            source,
            target,
            code,
            negated: self.rng.chance(0.03),
            modality,
            date,
            place,
            reports_left: self.reports_of.draw(&mut self.rng) + 1,
        }
    }

    /// Whether every event has been created and reported.
    pub fn done(&self) -> bool {
        self.created >= self.target && self.pending.is_empty()
    }

    /// The next article, or None when the year is done.
    pub fn next_article(&mut self) -> Option<Coded> {
        if self.done() {
            return None;
        }
        // the day moves on as the events are created, so that the year holds them all
        let progress = self.created as f64 / self.target.max(1) as f64;
        let scaled = (progress * self.day_of.cumulative.last().copied().unwrap_or(1.0))
            .min(self.day_of.cumulative.last().copied().unwrap_or(1.0) - 1e-9);
        self.day_index = self
            .day_of
            .cumulative
            .partition_point(|&c| c <= scaled)
            .min(self.days.len() - 1);
        let slots = 1 + self.rng.below(5);
        let mut stories: Vec<Story> = Vec::with_capacity(slots);
        for _ in 0..slots {
            let repeat =
                !self.pending.is_empty() && (self.created >= self.target || self.rng.chance(0.55));
            let story = if repeat {
                // an earlier event, reported again (stories of the last days first)
                let i = self.rng.below(self.pending.len().min(64));
                let i = self.pending.len() - 1 - i;
                let mut s = self.pending[i].clone();
                s.reports_left -= 1;
                if s.reports_left == 0 {
                    self.pending.remove(i);
                } else {
                    self.pending[i].reports_left = s.reports_left;
                }
                s
            } else if self.created < self.target {
                let mut s = self.new_story();
                s.reports_left -= 1;
                if s.reports_left > 0 {
                    self.pending.push_back(s.clone());
                }
                s
            } else {
                break;
            };
            let same = |a: &Story| {
                a.source == story.source
                    && a.target == story.target
                    && a.code == story.code
                    && a.date == story.date
            };
            if !stories.iter().any(same) {
                stories.push(story);
            }
        }
        // stories of more than a week ago are no longer news: their reports stop there
        let today = self.days[self.day_index];
        self.pending
            .retain(|s| today.signed_duration_since(s.date).num_days() <= 7);
        Some(self.write(stories))
    }

    /// The article reporting `stories`: one sentence per report (an event sometimes said
    /// twice), its tone and issues.
    fn write(&mut self, stories: Vec<Story>) -> Coded {
        let n = self.articles;
        self.articles += 1;
        let day = self.days[self.day_index];
        let source = self.sources.draw(&mut self.rng);
        let id = format!("synth-{n:09}");
        let mut text = String::new();
        let mut chars = 0usize;
        let mut events = Vec::with_capacity(stories.len());
        let mut tone = ArticleTone::default();
        let mut issues = ArticleIssues::default();
        let mut sentence = 0usize;
        let say = |text: &mut String, s: &str, chars: &mut usize| -> (usize, usize) {
            if !text.is_empty() {
                text.push(' ');
                *chars += 1;
            }
            let start = *chars;
            text.push_str(s);
            *chars += s.chars().count();
            (start, *chars)
        };
        for st in &stories {
            let src = &self.actors[st.source];
            let tgt = &self.actors[st.target];
            let code = &self.codes[st.code];
            let place = st.place.map(|p| self.places[p].clone());
            let weekday = WEEKDAYS[st.date.weekday().num_days_from_monday() as usize];
            let verb = if st.negated {
                format!("did not {}", code.label)
            } else {
                code.label.clone()
            };
            let at = place
                .as_ref()
                .map(|p| format!(" in {}", p.name))
                .unwrap_or_default();
            let s = format!(
                "The {} said to {} on {weekday}{at}: {verb}.",
                src.name, tgt.name
            );
            let src_start = chars + if text.is_empty() { 0 } else { 1 } + 4;
            let (start, end) = say(&mut text, &s, &mut chars);
            let src_end = src_start + src.name.chars().count();
            let tgt_start = src_end + " said to ".len();
            let tgt_end = tgt_start + tgt.name.chars().count();
            let verb_start = end - 1 - verb.chars().count();
            let mut said = |sentence: usize, rng: &mut Rng| {
                let words = s.split_whitespace().count() as u32;
                let t = ToneCount {
                    words,
                    positive: (rng.below(3)) as u32,
                    negative: (rng.below(3) + usize::from(code.quad > 2)) as u32,
                };
                tone.article.add(t);
                tone.sentences.push(t);
                let named: Vec<String> = if rng.chance(0.1) {
                    vec![ISSUES[rng.below(ISSUES.len())].to_string()]
                } else {
                    Vec::new()
                };
                for i in &named {
                    if !issues.article.contains(i) {
                        issues.article.push(i.clone());
                    }
                }
                issues.sentences.push(named);
                debug_assert_eq!(issues.sentences.len(), sentence + 1);
            };
            said(sentence, &mut self.rng);
            let mut repeated_in = Vec::new();
            if self.rng.chance(0.05) {
                sentence += 1;
                let again = format!("{} and {} were at it again.", src.name, tgt.name);
                let (a, b) = say(&mut text, &again, &mut chars);
                said(sentence, &mut self.rng);
                repeated_in.push(Report {
                    sentence,
                    evidence: Span {
                        start: a,
                        end: b,
                        text: again,
                    },
                    date: Some(st.date.to_string()),
                    place: place.clone(),
                });
            }
            events.push(Event {
                article_id: id.clone(),
                sentence: sentence - repeated_in.len(),
                date: Some(st.date.to_string()),
                source: Some(ActorRef {
                    code: src.code.clone(),
                    text: src.name.clone(),
                    start: src_start,
                    end: src_end,
                }),
                target: Some(ActorRef {
                    code: tgt.code.clone(),
                    text: tgt.name.clone(),
                    start: tgt_start,
                    end: tgt_end,
                }),
                code: code.code.clone(),
                root: code.root.clone(),
                quad_class: code.quad,
                goldstein: code.goldstein,
                plover: None,
                negated: st.negated,
                negation_code: None,
                modality: st.modality,
                evidence: Span {
                    start,
                    end,
                    text: s,
                },
                verb: Span {
                    start: verb_start,
                    end: end - 1,
                    text: verb,
                },
                rule: "synthetic".to_string(),
                mentions: 1 + repeated_in.len(),
                repeated_in,
                amounts: Vec::new(),
                place,
                clause: (start, end),
                explain: None,
            });
            sentence += 1;
        }
        let mut doc = Document::new(
            id.clone(),
            text,
            Some(day),
            Origin {
                file: "synthetic".into(),
                line: n + 1,
            },
        );
        doc.source = Some(format!("source{source:03}.example"));
        doc.url = Some(format!("https://source{source:03}.example/{day}/{id}"));
        doc.title = events.first().map(|e| {
            format!("{} and {}", e.source.as_ref().map_or("", |a| &a.text), {
                e.target.as_ref().map_or("", |a| &a.text)
            })
        });
        Coded {
            doc,
            events,
            tone,
            issues,
        }
    }
}
