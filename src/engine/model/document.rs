//! The report as the officer writes it: sections of paragraphs, each prose with live figures,
//! a bulleted list, or a data block (a table or chart worked out from the project's tables).
//! Numbers (8.15, 8.16...) are not stored: the report works them out from the order, so they
//! renumber whenever anything moves.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub sections: Vec<Section>,
    /// The next id to hand out; ids stay with a section or paragraph when it moves.
    next_id: u32,
}

/// A section: "8. Current position".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: u32,
    pub heading: String,
    pub paragraphs: Vec<Paragraph>,
}

/// A numbered paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: u32,
    pub content: Content,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Content {
    /// Prose. `{vacancy rate}` and the like are live figures, filled in from the data.
    Text(String),
    /// A lead-in sentence and bullet points, one a line; both may hold live figures.
    Bullets { lead: String, items: String },
    /// A table or chart from the data. `title` replaces the generated caption or chart title
    /// when not empty.
    Data { block: DataBlock, title: String },
}

/// Which establishment table a block draws on: the project's newest period, or the one before.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    Latest,
    Earlier,
}

/// The tables and charts an officer can insert, as saved. What each is called and how it is
/// made is declared once, in `report::blocks::kinds`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum DataBlock {
    EstablishmentTable(Period),
    EstablishmentChart(Period),
    /// The two latest periods' totals side by side, with the change.
    TwoPeriodTable,
    /// Each role's vacancy and agency figures for the two latest periods, as grouped bars.
    TwoPeriodChart,
    /// The headline figures as a short table.
    KeyFigures,
    /// Vacancy and agency rates over every period the project holds.
    TrendChart,
    /// This council beside England, its region and its statistical neighbours (DfE indicators).
    BenchmarkTable,
    BenchmarkChart,
    /// A council beside England (or the median across councils) and its region, with its rank,
    /// from an adult social care comparison file (Oflog, LG Inform, Skills for Care).
    AdultBenchmarkTable,
    /// Every council's figure from that file, this council highlighted.
    AdultBenchmarkChart,
    /// Starters, leavers and turnover from a staff list.
    StaffFlows,
    AgeProfile,
    LeaversByReason,
    CohortTable,
    RecruitmentTable,
    BudgetTable,
    Recommendations(Vec<Recommendation>),
    /// A general table, by the id of its input.
    GeneralTable(u32),
    /// The chart a general table's shape calls for, by the id of its input.
    GeneralChart(u32),
}

/// A row of a recommendations tracker.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    pub number: String,
    pub theme: String,
    pub recommendation: String,
    pub status: Status,
    pub update: String,
}

/// Red/Amber/Green as scrutiny trackers use it (`../shared/domain.md`, "Progress trackers"):
/// green achieved, amber acceptable progress, red unacceptable progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    #[default]
    Amber,
    Red,
    Green,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Green, Status::Amber, Status::Red];

    /// Printed in full, so the status never rests on colour alone.
    pub fn label(self) -> &'static str {
        match self {
            Status::Green => "Green: achieved",
            Status::Amber => "Amber: progressing",
            Status::Red => "Red: not on track",
        }
    }

    /// What the status means, as the domain's definition words it.
    pub fn meaning(self) -> &'static str {
        match self {
            Status::Green => "achieved",
            Status::Amber => "acceptable progress",
            Status::Red => "progress not acceptable",
        }
    }

    /// The key printed under a tracker: each label as the table prints it, then its meaning,
    /// so the key and the cells use the same words.
    pub fn key() -> String {
        let each: Vec<String> = Status::ALL.iter().map(|s| format!("{} ({})", s.label(), s.meaning())).collect();
        format!("Status key: {}.", each.join("; "))
    }

    pub fn class(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Amber => "amber",
            Status::Red => "red",
        }
    }
}

/// How the report prints.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrintSettings {
    /// A4 landscape, for wide tables.
    pub landscape: bool,
    /// Print each chart's figures as a table under it.
    pub chart_tables: bool,
}

/// Where a section or paragraph moves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
}

/// A heading's place in committee order, by the words councils use for it; the body's own
/// headings ("Agency spend", "Newly qualified social workers") sit with the current position.
fn committee_rank(heading: &str) -> u32 {
    const ORDER: [(&[&str], u32); 15] = [
        (&["purpose", "executive summary", "summary", "introduction"], 0),
        (&["reasons for"], 20),
        (&["recommendation"], 10),
        (&["background papers", "background documents"], 130),
        (&["background", "context"], 30),
        (&["current position", "key considerations", "key issues"], 40),
        (&["alternative option", "options considered"], 60),
        (&["financial", "finance", "resource"], 70),
        (&["legal"], 80),
        (&["risk"], 90),
        (&["equalit", "human rights"], 100),
        (&["community impact"], 110),
        (&["consult"], 115),
        (&["appendi"], 120),
        (&["contact officer"], 140),
    ];
    // By its first words: "Progress against recommendations" is the body's, not Recommendations.
    let heading = crate::engine::case::lower(heading.trim());
    ORDER.iter().find(|(words, _)| words.iter().any(|w| heading.starts_with(w))).map_or(50, |(_, rank)| *rank)
}

impl Document {
    /// A document with these sections, ids handed out in order.
    pub fn new(sections: Vec<(String, Vec<Content>)>) -> Self {
        let mut document = Document::default();
        for (heading, paragraphs) in sections {
            let id = document.add_section(document.sections.len(), heading);
            for content in paragraphs {
                let at = document.section(id).map_or(0, |s| s.paragraphs.len());
                document.add_paragraph(id, at, content);
            }
        }
        document
    }

    fn fresh_id(&mut self) -> u32 {
        // Ids must stay unique even in a document saved by an older version without `next_id`.
        let highest =
            self.sections.iter().flat_map(|s| std::iter::once(s.id).chain(s.paragraphs.iter().map(|p| p.id))).max();
        self.next_id = self.next_id.max(highest.map_or(0, |h| h + 1));
        self.next_id += 1;
        self.next_id - 1
    }

    pub fn section(&self, id: u32) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    fn section_index(&self, id: u32) -> Option<usize> {
        self.sections.iter().position(|s| s.id == id)
    }

    /// Where a paragraph is: its section's index and its own.
    pub fn find_paragraph(&self, id: u32) -> Option<(usize, usize)> {
        self.sections.iter().enumerate().find_map(|(i, s)| s.paragraphs.iter().position(|p| p.id == id).map(|j| (i, j)))
    }

    pub fn paragraph(&self, id: u32) -> Option<&Paragraph> {
        self.find_paragraph(id).map(|(i, j)| &self.sections[i].paragraphs[j])
    }

    /// Adds a section at `index` (clamped to the end) and returns its id.
    pub fn add_section(&mut self, index: usize, heading: String) -> u32 {
        let id = self.fresh_id();
        let index = index.min(self.sections.len());
        self.sections.insert(index, Section { id, heading, paragraphs: Vec::new() });
        id
    }

    /// Where a new section with this heading goes in committee order
    /// (`../shared/domain.md`, "How a committee report is laid out"): a heading the order
    /// names goes after every section at or before its place; any other heading is part of the
    /// report's body, after the current position and before the closing sections (options,
    /// implications, risk, equality, appendices, background papers), so a new section never
    /// lands after Background papers.
    pub fn committee_place(&self, heading: &str) -> usize {
        let rank = committee_rank(heading);
        self.sections.iter().rposition(|s| committee_rank(&s.heading) <= rank).map_or(0, |i| i + 1)
    }

    pub fn remove_section(&mut self, id: u32) -> Option<Section> {
        self.section_index(id).map(|i| self.sections.remove(i))
    }

    pub fn rename_section(&mut self, id: u32, heading: String) {
        if let Some(i) = self.section_index(id) {
            self.sections[i].heading = heading;
        }
    }

    /// Moves a section one place; false when it is already first or last.
    pub fn move_section(&mut self, id: u32, to: Move) -> bool {
        let Some(i) = self.section_index(id) else { return false };
        let j = match to {
            Move::Up if i > 0 => i - 1,
            Move::Down if i + 1 < self.sections.len() => i + 1,
            _ => return false,
        };
        self.sections.swap(i, j);
        true
    }

    /// Adds a paragraph at `index` in a section (clamped to its end) and returns its id.
    pub fn add_paragraph(&mut self, section: u32, index: usize, content: Content) -> Option<u32> {
        let i = self.section_index(section)?;
        let id = self.fresh_id();
        let paragraphs = &mut self.sections[i].paragraphs;
        paragraphs.insert(index.min(paragraphs.len()), Paragraph { id, content });
        Some(id)
    }

    pub fn remove_paragraph(&mut self, id: u32) -> Option<Paragraph> {
        let (i, j) = self.find_paragraph(id)?;
        Some(self.sections[i].paragraphs.remove(j))
    }

    pub fn set_content(&mut self, id: u32, content: Content) {
        if let Some((i, j)) = self.find_paragraph(id) {
            self.sections[i].paragraphs[j].content = content;
        }
    }

    /// Moves a paragraph one place. Past the top or bottom of its section it goes to the end of
    /// the section before or the start of the one after, as cutting and pasting it would.
    pub fn move_paragraph(&mut self, id: u32, to: Move) -> bool {
        let Some((i, j)) = self.find_paragraph(id) else { return false };
        let count = self.sections[i].paragraphs.len();
        match to {
            Move::Up if j > 0 => self.sections[i].paragraphs.swap(j, j - 1),
            Move::Down if j + 1 < count => self.sections[i].paragraphs.swap(j, j + 1),
            Move::Up if i > 0 => {
                let p = self.sections[i].paragraphs.remove(j);
                self.sections[i - 1].paragraphs.push(p);
            }
            Move::Down if i + 1 < self.sections.len() => {
                let p = self.sections[i].paragraphs.remove(j);
                self.sections[i + 1].paragraphs.insert(0, p);
            }
            _ => return false,
        }
        true
    }

    /// Adds a paragraph straight after another, in its section: Enter in a paragraph of the
    /// report starts the next one there. Returns the new paragraph's id.
    pub fn add_paragraph_after(&mut self, id: u32, content: Content) -> Option<u32> {
        let (i, j) = self.find_paragraph(id)?;
        let section = self.sections[i].id;
        self.add_paragraph(section, j + 1, content)
    }

    /// Backspace at the start of a paragraph: its words join the end of the paragraph before,
    /// when both are prose in one section. False (and nothing changes) otherwise.
    pub fn join_with_previous(&mut self, id: u32) -> bool {
        let Some((i, j)) = self.find_paragraph(id) else { return false };
        let paragraphs = &mut self.sections[i].paragraphs;
        let (Some(j_before), Content::Text(words)) = (j.checked_sub(1), &paragraphs[j].content) else { return false };
        let words = words.clone();
        let Content::Text(before) = &mut paragraphs[j_before].content else { return false };
        before.push_str(&words);
        paragraphs.remove(j);
        true
    }

    /// Puts a paragraph where it was dropped: before the paragraph `before`, or at the end of
    /// `section` when `before` is None. False when nothing moved (it was dropped on itself, or
    /// on a place that no longer exists).
    pub fn place_paragraph(&mut self, id: u32, section: u32, before: Option<u32>) -> bool {
        if before == Some(id) || self.section_index(section).is_none() {
            return false;
        }
        if let Some(target) = before {
            if self.find_paragraph(target).is_none() {
                return false;
            }
        }
        let Some(paragraph) = self.remove_paragraph(id) else { return false };
        let (i, j) = match before.and_then(|target| self.find_paragraph(target)) {
            Some(place) => place,
            None => {
                let i = self.section_index(section).unwrap_or(0);
                (i, self.sections[i].paragraphs.len())
            }
        };
        self.sections[i].paragraphs.insert(j, paragraph);
        true
    }

    /// Puts a section where it was dropped: before the section `before`, or last.
    pub fn place_section(&mut self, id: u32, before: Option<u32>) -> bool {
        if before == Some(id) || before.is_some_and(|b| self.section_index(b).is_none()) {
            return false;
        }
        let Some(section) = self.remove_section(id) else { return false };
        let at = before.and_then(|b| self.section_index(b)).unwrap_or(self.sections.len());
        self.sections.insert(at, section);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Content {
        Content::Text(t.into())
    }

    fn outline(d: &Document) -> Vec<(String, Vec<String>)> {
        d.sections
            .iter()
            .map(|s| {
                let texts = s
                    .paragraphs
                    .iter()
                    .map(|p| match &p.content {
                        Content::Text(t) => t.clone(),
                        other => format!("{other:?}"),
                    })
                    .collect();
                (s.heading.clone(), texts)
            })
            .collect()
    }

    #[test]
    fn dropped_paragraphs_and_sections_go_where_they_were_dropped() {
        let mut d = Document::new(vec![("A".into(), vec![text("a1"), text("a2")]), ("B".into(), vec![text("b1")])]);
        let (a, b) = (d.sections[0].id, d.sections[1].id);
        let (a1, a2, b1) =
            (d.sections[0].paragraphs[0].id, d.sections[0].paragraphs[1].id, d.sections[1].paragraphs[0].id);
        // Before a paragraph of another section, then at the end of a section.
        assert!(d.place_paragraph(a1, b, Some(b1)));
        assert_eq!(outline(&d), [("A".into(), vec!["a2".to_owned()]), ("B".into(), vec!["a1".into(), "b1".into()])]);
        assert!(d.place_paragraph(a1, a, None));
        assert_eq!(outline(&d)[0].1, ["a2", "a1"]);
        // Dropped on itself, or on a paragraph that is gone: nothing moves, nothing is lost.
        assert!(!d.place_paragraph(a1, a, Some(a1)));
        assert!(!d.place_paragraph(a1, a, Some(999)));
        assert_eq!(outline(&d)[0].1, ["a2", "a1"]);
        assert!(d.place_section(b, Some(a)));
        assert_eq!(outline(&d)[0].0, "B");
        assert!(d.place_section(b, None));
        assert_eq!(outline(&d)[1].0, "B");
        assert!(!d.place_section(b, Some(b)));
        // Enter in a paragraph: the new one follows it in its section.
        let new = d.add_paragraph_after(a2, text("a2b")).unwrap();
        assert_eq!(outline(&d)[0].1, ["a2", "a2b", "a1"]);
        assert_eq!(d.find_paragraph(new), Some((0, 1)));
        // Backspace at the start of a paragraph joins it to the one before, in its section only.
        assert!(d.join_with_previous(new));
        assert_eq!(outline(&d)[0].1, ["a2a2b", "a1"]);
        let b_first = d.sections[1].paragraphs[0].id;
        assert!(!d.join_with_previous(b_first), "the first of a section joins nothing");
    }

    #[test]
    fn paragraphs_move_within_and_across_sections() {
        let mut d = Document::new(vec![("A".into(), vec![text("a1"), text("a2")]), ("B".into(), vec![text("b1")])]);
        let a2 = d.sections[0].paragraphs[1].id;
        assert!(d.move_paragraph(a2, Move::Up));
        assert_eq!(outline(&d)[0].1, ["a2", "a1"]);
        assert!(!d.move_paragraph(a2, Move::Up), "first paragraph of the first section stays");
        let b1 = d.sections[1].paragraphs[0].id;
        assert!(d.move_paragraph(b1, Move::Up));
        assert_eq!(outline(&d), [("A".into(), vec!["a2".into(), "a1".into(), "b1".into()]), ("B".into(), vec![])]);
        assert!(d.move_paragraph(b1, Move::Down));
        assert_eq!(outline(&d)[1].1, ["b1"]);
        assert!(!d.move_paragraph(b1, Move::Down));
    }

    #[test]
    fn ids_stay_unique_through_edits() {
        let mut d = Document::new(vec![("A".into(), vec![text("a1")])]);
        let a = d.sections[0].id;
        let p = d.add_paragraph(a, 0, text("new")).unwrap();
        let s = d.add_section(9, "Z".into());
        let mut ids: Vec<u32> =
            d.sections.iter().flat_map(|s| std::iter::once(s.id).chain(s.paragraphs.iter().map(|p| p.id))).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), 4);
        assert_eq!(d.sections.last().unwrap().id, s);
        assert_eq!(d.find_paragraph(p), Some((0, 0)));
        assert!(d.move_section(s, Move::Up));
        assert_eq!(d.sections[0].heading, "Z");
        assert!(!d.move_section(s, Move::Up));
        assert!(d.remove_section(a).is_some());
        assert_eq!(d.find_paragraph(p), None);
    }

    /// A new section goes where committee order puts it: the body's own headings before the
    /// closing sections, a named one at its place, and never after Background papers.
    #[test]
    fn a_new_section_goes_in_committee_order() {
        let d = Document::new(
            [
                "Purpose of the report",
                "Recommendations",
                "Background",
                "Current position",
                "Financial implications",
                "Risk management",
                "Background papers",
            ]
            .iter()
            .map(|h| ((*h).to_owned(), Vec::new()))
            .collect(),
        );
        let cases = [
            ("Agency spend", 4),
            ("New section", 4),
            ("Legal implications", 5),
            ("Equality and human rights", 6),
            ("Appendices", 6),
            ("Contact officer", 7),
            ("Reasons for recommendations", 2),
            ("Executive summary", 1),
            ("Progress against recommendations", 4),
        ];
        for (heading, at) in cases {
            assert_eq!(d.committee_place(heading), at, "{heading}");
        }
        assert_eq!(Document::default().committee_place("Agency spend"), 0);
    }
}
