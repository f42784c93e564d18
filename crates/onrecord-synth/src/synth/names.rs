//! Invented people, places, outlets and dates.

#[allow(unused_imports)]
use super::*;

pub(super) const FEMALE: &[&str] = &[
    "Adaeze", "Ines", "Marta", "Saoirse", "Yusra", "Oona", "Zofia", "Leontine", "Priya", "Amara",
    "Nadia", "Henrike", "Tamsin", "Ilse", "Rosalind", "Keziah", "Mirela", "Signe", "Fenella",
    "Orla", "Beatrix", "Noor", "Elodie", "Katalin", "Wren", "Ottilie", "Damaris", "Thandiwe",
    "Liesel", "Maren",
];

pub(super) const MALE: &[&str] = &[
    "Tobias",
    "Kofi",
    "Rafael",
    "Dmitri",
    "Henrik",
    "Teodor",
    "Caspian",
    "Emeric",
    "Lucan",
    "Bartholomew",
    "Anselm",
    "Jovan",
    "Matthias",
    "Ruairi",
    "Osei",
    "Leopold",
    "Casimir",
    "Idris",
    "Florian",
    "Tancred",
    "Benedek",
    "Soren",
    "Alaric",
    "Cormac",
    "Ivo",
    "Evander",
    "Lorcan",
    "Aurelio",
    "Niklas",
    "Gideon",
];

pub(super) const SURNAMES: &[&str] = &[
    "Halvorsen",
    "Fenwright",
    "Kettleby",
    "Ibekwe",
    "Delacourt",
    "Brannagh",
    "Jarnstrom",
    "Marchetti",
    "Nakashima",
    "Oyelaran",
    "Pellinger",
    "Quarrie",
    "Rautio",
    "Thistlewood",
    "Umberfield",
    "Varga",
    "Whitcombe",
    "Yarrow",
    "Zelenko",
    "Ashdown",
    "Blackmoor",
    "Castellane",
    "Dunmore",
    "Eriksdottir",
    "Fairbairn",
    "Gallowglass",
    "Hollingrake",
    "Ingleby",
    "Juvonen",
    "Kovalenko",
    "Lisowski",
    "Mwangala",
    "Northcote",
    "Okafor-Reid",
    "Penhaligon",
    "Quennell",
    "Sadowska",
    "Trevelyan",
    "Underhill",
    "Vantongeren",
    "Wolstenholme",
    "Ysselmuiden",
    "Zabala",
    "Achterberg",
    "Bellweather",
    "Corrigan",
    "Dabrowska",
    "Etxeberria",
    "Fitzallan",
    "Grimaldo",
    "Haverkamp",
    "Ilunga",
    "Jessop",
    "Kilbride",
    "Lanfranchi",
    "Morcombe",
    "Nwachukwu",
    "Ostrowski",
    "Prendergast",
    "Rasmussen-Lowe",
];

/// Halves of more surnames: `Ash` + `ford`.
pub(super) const SURNAME_STEMS: &[&str] = &[
    "Ash", "Black", "Brom", "Cald", "Dun", "Elm", "Fair", "Gold", "Hal", "Hart", "Kett", "Lang",
    "Marr", "North", "Old", "Pen", "Quill", "Rad", "Sel", "Thorn", "Under", "Vell", "Wester",
    "Yard", "Ald", "Bar", "Cor", "Dal", "Fen", "Gar", "Holl", "Ick",
];

pub(super) const SURNAME_ENDS: &[&str] = &[
    "wood", "ford", "by", "ton", "well", "more", "wright", "field", "ley", "hurst", "worth",
    "combe", "dale", "holm", "gate", "mere", "wick", "shaw", "brook", "croft", "bourne", "den",
    "ham", "low", "ridge", "thorpe", "vane", "wyn", "stead", "acre",
];

/// A surname: from the list, or put together from two halves.
pub(super) fn surname(r: &mut Rng) -> String {
    if r.chance(40) {
        r.pick(SURNAMES).to_string()
    } else {
        format!("{}{}", r.pick(SURNAME_STEMS), r.pick(SURNAME_ENDS))
    }
}

pub(super) const CITIES: &[&str] = &[
    "Port Halloran",
    "Marrowgate",
    "Eastholm",
    "Tarnwick",
    "Kirrin Falls",
    "New Carrick",
    "Solvany",
    "Brenmoor",
    "Ashcombe",
    "Dunleven",
    "Veldhaven",
    "Corrowby",
    "Saint Aubrel",
    "Lowmarsh",
    "Greyhithe",
    "Ostrelle",
    "Fennick Bay",
    "Harrowmere",
    "Kelsbridge",
    "Mirebourne",
    "Northwick Cross",
    "Pellam",
    "Quarry Hill",
    "Rostvik",
    "Selwater",
    "Thornaby Cove",
    "Ulvenport",
    "Varnholt",
    "Westmere",
    "Yarrowdale",
];

pub(super) const COUNTRIES: &[&str] = &[
    "Vessenia",
    "Caldoria",
    "Marrenland",
    "Oskaria",
    "Tesmar",
    "Quellen",
    "Brastovia",
    "Lunmark",
];

/// Letters only: they sit in a wire credit, `EASTHOLM (Northline) —`.
pub(super) const AGENCIES: &[&str] = &["NWA", "Calderpress", "VNS", "Meridian", "TPA", "Northline"];

pub(super) const OUTLETS: &[&str] = &[
    "The Marrowgate Courier",
    "Eastholm Evening Post",
    "The Caldorian Ledger",
    "Northline Wire",
    "The Vessen Observer",
    "Tarnwick Gazette",
    "The Lowmarsh Herald",
    "Harbour Light News",
    "The Ostrelle Sentinel",
    "Quellen Morning Star",
];

pub(super) const BLOGS: &[&str] = &[
    "Notes from the Estuary",
    "Lamplight Politics",
    "Borough Watch",
    "The Commuter's Diary",
    "Small Town, Big Questions",
    "Civic Ledger",
];

pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub(super) const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
