//! The topics events are about, each with its own words.

#[allow(unused_imports)]
use super::*;

pub(super) struct Topic {
    /// Without an article: `the $T`.
    pub(super) np: &'static str,
    /// For headlines and narrative: `over $H`.
    pub(super) head: &'static str,
    pub(super) org: &'static str,
    pub(super) org_head: &'static str,
}

macro_rules! topics {
    ($(($np:expr, $head:expr, $org:expr, $oh:expr)),* $(,)?) => {
        &[$(Topic { np: $np, head: $head, org: $org, org_head: $oh }),*]
    };
}

pub(super) const TOPICS: &[Topic] = topics![
    (
        "water rationing order",
        "water rationing",
        "the $P Water Board",
        "board"
    ),
    (
        "rail strike",
        "the rail strike",
        "the $C Rail Company",
        "company"
    ),
    (
        "bridge closure",
        "the bridge closure",
        "the $P Roads Department",
        "department"
    ),
    (
        "port expansion",
        "the port expansion",
        "the $P Port Authority",
        "authority"
    ),
    (
        "fishing quota dispute",
        "fishing quotas",
        "the $C Fisheries Commission",
        "commission"
    ),
    (
        "tax office data breach",
        "the data breach",
        "the $C Revenue Office",
        "office"
    ),
    (
        "flood barrier project",
        "the flood barrier",
        "the $P Flood Agency",
        "agency"
    ),
    (
        "vaccine rollout",
        "the vaccine rollout",
        "the $C Health Agency",
        "agency"
    ),
    (
        "grain export deal",
        "the grain deal",
        "the $C Ministry of Agriculture",
        "ministry"
    ),
    (
        "school closures",
        "school closures",
        "the $P Education Council",
        "council"
    ),
    (
        "broadband tender",
        "the broadband tender",
        "the $C Ministry of Communications",
        "ministry"
    ),
    (
        "wildfire evacuation",
        "the wildfire evacuation",
        "the $Q Fire Service",
        "service"
    ),
    (
        "hospital merger",
        "the hospital merger",
        "the $P Health Trust",
        "trust"
    ),
    (
        "fare increase",
        "the fare rise",
        "the $P Transit Agency",
        "agency"
    ),
    (
        "landfill fire",
        "the landfill fire",
        "the $P City Council",
        "council"
    ),
    (
        "power outages",
        "the power cuts",
        "Brightfield Energy",
        "company"
    ),
    (
        "housing levy",
        "the housing levy",
        "the $C Treasury",
        "treasury"
    ),
    (
        "night flight ban",
        "the night flight ban",
        "Ostwind Airways",
        "airline"
    ),
    (
        "stadium financing plan",
        "the stadium deal",
        "the $P City Council",
        "council"
    ),
    (
        "chemical spill",
        "the chemical spill",
        "Calloway Chemicals",
        "company"
    ),
    (
        "teachers' pay talks",
        "teachers' pay",
        "the $C Teachers' Union",
        "union"
    ),
    (
        "ferry cancellations",
        "the ferry cancellations",
        "the $P Ferry Company",
        "company"
    ),
    (
        "drought emergency",
        "the drought",
        "the $C Water Agency",
        "agency"
    ),
    (
        "census delay",
        "the census delay",
        "the $C Statistics Office",
        "office"
    ),
    (
        "mining licence review",
        "the mine review",
        "Harrowgate Mining Group",
        "group"
    ),
    (
        "tram line extension",
        "the tram extension",
        "the $P Transit Agency",
        "agency"
    ),
    (
        "pension reform",
        "pension reform",
        "the $C Ministry of Labour",
        "ministry"
    ),
    (
        "waiting list backlog",
        "hospital waiting lists",
        "the $P Health Trust",
        "trust"
    ),
    (
        "satellite launch delay",
        "the launch delay",
        "the $C Space Agency",
        "agency"
    ),
    (
        "river pollution inquiry",
        "river pollution",
        "the $P Environment Office",
        "office"
    ),
];
