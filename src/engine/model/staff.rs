//! A staff list: one row a person, as HR systems extract them.

use std::collections::HashMap;
use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Date;

/// How a person is engaged. Agency workers are not directly employed (DfE definitions,
/// `../shared/domain.md`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Contract {
    Permanent,
    FixedTerm,
    Bank,
    Agency,
    /// As written, when it is none of the above.
    Other(String),
}

/// Which published definitions a staff list's figures follow (`../shared/domain.md`): the
/// DfE's for children's social work, or Skills for Care's for adult social care. Chosen for a
/// report and printed in the notes under its staff figures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Definitions {
    /// Directly employed is everyone but agency workers.
    #[default]
    ChildrensDfe,
    /// Directly employed is permanent, temporary (fixed-term) and apprentices; bank and pool
    /// staff, agency workers, students and volunteers are indirectly employed.
    AdultSkillsForCare,
}

impl Definitions {
    pub const ALL: [Definitions; 2] = [Definitions::ChildrensDfe, Definitions::AdultSkillsForCare];

    pub fn label(self) -> &'static str {
        match self {
            Definitions::ChildrensDfe => "Children's social work (DfE)",
            Definitions::AdultSkillsForCare => "Adult social care (Skills for Care)",
        }
    }

    /// What the figures count, for the notes under them.
    pub fn note(self) -> &'static str {
        match self {
            Definitions::ChildrensDfe => {
                "Definitions: the DfE's for children's social work. Directly employed is everyone but agency \
                 workers (permanent, fixed-term and bank staff); turnover is leavers in the year ÷ directly \
                 employed staff in post at the date the figures are taken."
            }
            Definitions::AdultSkillsForCare => {
                "Definitions: Skills for Care's for adult social care. Directly employed is permanent and \
                 temporary staff and apprentices; bank and pool staff, agency workers, students and volunteers \
                 are not; turnover is leavers in the last 12 months ÷ directly employed staff."
            }
        }
    }
}

impl Contract {
    /// Directly employed under the definitions chosen (see [`Definitions`]).
    pub fn directly_employed(&self, definitions: Definitions) -> bool {
        match (definitions, self) {
            (_, Contract::Agency) => false,
            (Definitions::ChildrensDfe, _) => true,
            (Definitions::AdultSkillsForCare, Contract::Permanent | Contract::FixedTerm) => true,
            (Definitions::AdultSkillsForCare, Contract::Bank) => false,
            // Skills for Care counts apprentices as directly employed; students, volunteers and
            // other arrangements are not. A contract not stated is counted as the list's
            // people mostly are: directly employed.
            (Definitions::AdultSkillsForCare, Contract::Other(text)) => {
                let text = crate::engine::case::lower(text);
                text.contains("apprentic") || text == "not stated"
            }
        }
    }

    pub fn label(&self) -> &str {
        match self {
            Contract::Permanent => "Permanent",
            Contract::FixedTerm => "Fixed-term",
            Contract::Bank => "Bank",
            Contract::Agency => "Agency",
            Contract::Other(text) => text,
        }
    }
}

/// One person. A role, team or leaving reason is shared by everyone it names (`Words`):
/// 200,000 people hold a few dozen of them, not 500,000 copies.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// The source row, for messages.
    pub line: usize,
    pub role: Rc<str>,
    pub team: Option<Rc<str>>,
    pub fte: Option<f64>,
    pub contract: Contract,
    pub start: Option<Date>,
    pub leaving: Option<Date>,
    pub leaving_reason: Option<Rc<str>>,
    pub date_of_birth: Option<Date>,
    /// An age given directly, when there is no date of birth.
    pub age: Option<u32>,
    /// Cases held, where the extract gives them.
    pub cases: Option<f64>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct StaffList {
    pub people: Vec<Person>,
}

/// Words shared by the people who have them: each different role, team or reason is kept
/// once. In order, found by halves: a list has a few dozen of them, and the page then needs
/// no hash table of its own for them.
#[derive(Default)]
pub struct Words(Vec<Rc<str>>);

impl Words {
    pub fn word(&mut self, text: &str) -> Rc<str> {
        match self.0.binary_search_by(|w| (**w).cmp(text)) {
            Ok(at) => self.0[at].clone(),
            Err(at) => {
                let word: Rc<str> = Rc::from(text);
                self.0.insert(at, word.clone());
                word
            }
        }
    }
}

/// A staff list as it crosses from the import worker to the page: each word once, and each
/// person as one fixed-size record of bytes in one run, which the page copies in one go and
/// reads in a tight loop. (Sent as 200,000 serde records, the people took the page a seventh
/// of a second to decode.)
#[derive(Serialize, Deserialize)]
struct Wire<W, R> {
    words: Vec<W>,
    records: R,
}

/// Bytes of one person's record: flags, contract, line, role, team, reason, contract's own
/// words, FTE, start, leaving, birth, age, cases.
const RECORD: usize = 1 + 1 + 4 * 5 + 8 + 4 * 3 + 4 + 8;

/// Which of a person's optional figures are there.
const HAS_FTE: u8 = 1;
const HAS_START: u8 = 2;
const HAS_LEAVING: u8 = 4;
const HAS_BIRTH: u8 = 8;
const HAS_AGE: u8 = 16;
const HAS_CASES: u8 = 32;

impl Serialize for StaffList {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut words = WordPlaces { words: vec![""], places: HashMap::new() };
        let mut records = Vec::with_capacity(self.people.len() * RECORD);
        for p in &self.people {
            let (contract, own) = match &p.contract {
                Contract::Permanent => (0, 0),
                Contract::FixedTerm => (1, 0),
                Contract::Bank => (2, 0),
                Contract::Agency => (3, 0),
                Contract::Other(text) => (4, words.place(Some(text))),
            };
            let flag = |on: bool, bit: u8| if on { bit } else { 0 };
            let flags = flag(p.fte.is_some(), HAS_FTE)
                | flag(p.start.is_some(), HAS_START)
                | flag(p.leaving.is_some(), HAS_LEAVING)
                | flag(p.date_of_birth.is_some(), HAS_BIRTH)
                | flag(p.age.is_some(), HAS_AGE)
                | flag(p.cases.is_some(), HAS_CASES);
            records.extend([flags, contract]);
            for number in [
                p.line as u32,
                words.place(Some(&p.role)),
                words.place(p.team.as_deref()),
                words.place(p.leaving_reason.as_deref()),
                own,
            ] {
                records.extend(number.to_le_bytes());
            }
            records.extend(p.fte.unwrap_or_default().to_le_bytes());
            for date in [p.start, p.leaving, p.date_of_birth] {
                records.extend(date.map_or(0, packed).to_le_bytes());
            }
            records.extend(p.age.unwrap_or_default().to_le_bytes());
            records.extend(p.cases.unwrap_or_default().to_le_bytes());
        }
        Wire { words: words.words, records: Bytes(&records) }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for StaffList {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = Wire::<String, ByteBuf>::deserialize(deserializer)?;
        let words: Vec<Rc<str>> = wire.words.into_iter().map(Rc::from).collect();
        let word = |at: u32| if at == 0 { None } else { words.get(at as usize).cloned() };
        let people = wire.records.0.chunks_exact(RECORD).map(|r| person(r, &word)).collect();
        Ok(StaffList { people })
    }
}

/// One person from their record.
fn person(r: &[u8], word: &dyn Fn(u32) -> Option<Rc<str>>) -> Person {
    let u32_at = |at: usize| u32::from_le_bytes(r[at..at + 4].try_into().expect("four bytes"));
    let f64_at = |at: usize| f64::from_le_bytes(r[at..at + 8].try_into().expect("eight bytes"));
    let has = |bit: u8| r[0] & bit != 0;
    let date = |at: usize, bit: u8| has(bit).then(|| unpacked(u32_at(at))).flatten();
    Person {
        line: u32_at(2) as usize,
        role: word(u32_at(6)).unwrap_or_else(|| Rc::from("")),
        team: word(u32_at(10)),
        leaving_reason: word(u32_at(14)),
        contract: match r[1] {
            0 => Contract::Permanent,
            1 => Contract::FixedTerm,
            2 => Contract::Bank,
            3 => Contract::Agency,
            _ => Contract::Other(word(u32_at(18)).map(|w| w.to_string()).unwrap_or_default()),
        },
        fte: has(HAS_FTE).then(|| f64_at(22)),
        start: date(30, HAS_START),
        leaving: date(34, HAS_LEAVING),
        date_of_birth: date(38, HAS_BIRTH),
        age: has(HAS_AGE).then(|| u32_at(42)),
        cases: has(HAS_CASES).then(|| f64_at(46)),
    }
}

/// A date in four bytes: year, month and day in their own bits.
fn packed(date: Date) -> u32 {
    ((date.year as u32) << 9) | (date.month << 5) | date.day
}

fn unpacked(bits: u32) -> Option<Date> {
    Date::new((bits as i32) >> 9, (bits >> 5) & 15, bits & 31)
}

/// Bytes written as one run.
struct Bytes<'a>(&'a [u8]);

impl Serialize for Bytes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

/// Bytes read as one run.
struct ByteBuf(Vec<u8>);

impl<'de> Deserialize<'de> for ByteBuf {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Run;
        impl<'de> serde::de::Visitor<'de> for Run {
            type Value = ByteBuf;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a run of bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<ByteBuf, E> {
                Ok(ByteBuf(bytes.to_vec()))
            }
            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<ByteBuf, E> {
                Ok(ByteBuf(bytes))
            }
            /// Text formats (JSON) write bytes as a list of numbers.
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<ByteBuf, A::Error> {
                let mut bytes = Vec::new();
                while let Some(byte) = seq.next_element::<u8>()? {
                    bytes.push(byte);
                }
                Ok(ByteBuf(bytes))
            }
        }
        deserializer.deserialize_byte_buf(Run)
    }
}

/// Each word's place in the list of words sent.
struct WordPlaces<'a> {
    words: Vec<&'a str>,
    places: HashMap<&'a str, u32>,
}

impl<'a> WordPlaces<'a> {
    fn place(&mut self, word: Option<&'a str>) -> u32 {
        let Some(word) = word else { return 0 };
        let words = &mut self.words;
        *self.places.entry(word).or_insert_with(|| {
            words.push(word);
            words.len() as u32 - 1
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staff_list_crosses_whole_with_each_word_once() {
        let mut words = Words::default();
        let person = |role: &str, team: Option<&str>, reason: Option<&str>, words: &mut Words| Person {
            line: 2,
            role: words.word(role),
            team: team.map(|t| words.word(t)),
            fte: Some(0.5),
            contract: Contract::Other("Sessional".into()),
            start: Date::new(2020, 1, 1),
            leaving: None,
            leaving_reason: reason.map(|r| words.word(r)),
            date_of_birth: Date::new(1980, 5, 1),
            age: Some(44),
            cases: Some(12.0),
        };
        let list = StaffList {
            people: vec![
                person("Social Worker", Some("North"), None, &mut words),
                person("Social Worker", None, Some("Retirement"), &mut words),
                person("Team Manager", Some("North"), Some("Retirement"), &mut words),
            ],
        };
        assert!(Rc::ptr_eq(&list.people[0].role, &list.people[1].role), "read once, shared");
        let sent = serde_json::to_string(&list).unwrap();
        assert_eq!(sent.matches("Social Worker").count(), 1, "each word once: {sent}");
        let back: StaffList = serde_json::from_str(&sent).unwrap();
        assert_eq!(back, list);
        assert!(Rc::ptr_eq(&back.people[0].role, &back.people[1].role), "shared again on arrival");
    }
}
