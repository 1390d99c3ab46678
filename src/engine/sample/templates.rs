//! Report templates. Each opens with the fictional council's data and a full draft in the
//! conventional order of a committee report (`../shared/domain.md`, "How a committee report is
//! laid out"), so an officer sees the finished shape before bringing in their own tables.

use super::{table, COUNCIL};
use crate::engine::model::{
    Content, DataBlock, Definitions, Document, Period, Project, Recommendation, ReportSettings, Status, TitleBlock,
    SCHEMA_VERSION,
};
use crate::engine::report::draft::first_draft;
use crate::engine::report::facts::{Facts, TableFacts};
use crate::engine::tables::ProjectTables;

const CHILDRENS_SOURCE: &str = "Northshire County Council children's social care establishment (fictional sample data)";
/// England's rows are Skills for Care's published figures for council adult services' social
/// workers (`../shared/domain.md`); the region's and councils' are fictional.
const ADULTS_COMPARISON_SOURCE: &str = "Skills for Care, adult social care workforce data, local authority \
     areas (England figures as published; North Midlands councils fictional sample data)";
const ADULTS_SOURCE: &str = "Northshire County Council adult social care establishment (fictional sample data)";
const DFE_SOURCE: &str = "Department for Education, children's social work workforce indicators \
                          (England figures as published; all council figures fictional sample data)";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    ChildrensWorkforce,
    AdultVacanciesRisk,
    ScrutinyProgress,
}

impl Template {
    pub const ALL: [Template; 3] =
        [Template::ChildrensWorkforce, Template::AdultVacanciesRisk, Template::ScrutinyProgress];

    pub fn label(self) -> &'static str {
        match self {
            Template::ChildrensWorkforce => "Children's social work workforce update",
            Template::AdultVacanciesRisk => "Adult social care vacancies and risk",
            Template::ScrutinyProgress => "Progress against scrutiny recommendations",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Template::ChildrensWorkforce => {
                "Establishment, vacancies and agency cover over two years, benchmarks against England and \
                 statistical neighbours, newly qualified social workers and the workforce budget."
            }
            Template::AdultVacanciesRisk => {
                "Vacancies and agency cover in adult social care, starters, leavers and turnover, the age \
                 profile, and the risk they pose."
            }
            Template::ScrutinyProgress => {
                "Each earlier recommendation with its status and an update, and the figures that show progress."
            }
        }
    }

    /// The template with its sample data and a full draft.
    pub fn project(self) -> Project {
        let mut project = Project {
            schema_version: SCHEMA_VERSION,
            title_block: self.title_block(),
            tables: Vec::new(),
            supporting: Vec::new(),
            document: Document::default(),
            settings: ReportSettings::default(),
            word_template: None,
            sample_title: Some(self.title_block()),
        };
        match self {
            Template::ChildrensWorkforce | Template::ScrutinyProgress => {
                project.tables = vec![
                    table("2025/26", CHILDRENS_SOURCE, include_str!("establishment_2025_26.tsv")),
                    table("2024/25", CHILDRENS_SOURCE, include_str!("establishment_2024_25.tsv")),
                ];
            }
            Template::AdultVacanciesRisk => {
                project.tables = vec![
                    table("2025/26", ADULTS_SOURCE, include_str!("adult_establishment_2025_26.tsv")),
                    table("2024/25", ADULTS_SOURCE, include_str!("adult_establishment_2024_25.tsv")),
                ];
            }
        }
        if self == Template::ChildrensWorkforce {
            project.supporting = vec![
                table("", DFE_SOURCE, include_str!("dfe_indicators.csv")),
                table(
                    "",
                    "Department for Education, statistical neighbours (fictional sample)",
                    include_str!("statistical_neighbours.csv"),
                ),
                table("", "Northshire workforce development team (fictional sample data)", include_str!("cohorts.tsv")),
                table("", "Northshire finance system (fictional sample data)", include_str!("budget.tsv")),
            ];
        }
        if self == Template::AdultVacanciesRisk {
            project.settings.definitions = Definitions::AdultSkillsForCare;
            project.supporting = vec![
                table("", "Northshire HR system extract (fictional sample data)", include_str!("adult_staff_list.csv")),
                table("", ADULTS_COMPARISON_SOURCE, include_str!("adult_comparison.csv")),
            ];
        }
        let tables = TableFacts::of(&ProjectTables::pasted(&project), TableFacts::depends_on(&project));
        let draft = first_draft(&Facts::new(&project, &tables));
        project.document = self.document(draft);
        project
    }

    /// The fictional council's title block: its values are the sample's, not the officer's.
    pub fn title_block(self) -> TitleBlock {
        let (committee, title, author) = match self {
            Template::ChildrensWorkforce => (
                "Children and Young People Scrutiny Panel",
                "Children's social care workforce update",
                "Sam Okafor, Principal Social Worker",
            ),
            Template::AdultVacanciesRisk => (
                "Adult Social Care and Health Committee",
                "Adult social care workforce: vacancies and risk",
                "Priya Lawson, Head of Workforce, Adult Social Care",
            ),
            Template::ScrutinyProgress => (
                "Children and Young People Scrutiny Panel",
                "Social work workforce: progress against the Panel's recommendations",
                "Sam Okafor, Principal Social Worker",
            ),
        };
        TitleBlock {
            council: COUNCIL.to_owned(),
            committee: committee.to_owned(),
            meeting_date: "21 January 2027".to_owned(),
            title: title.to_owned(),
            report_author: author.to_owned(),
            classification: "Open".to_owned(),
            key_decision: "No".to_owned(),
            wards_affected: "All wards".to_owned(),
            contact_officer: format!("{author}, workforce@northshire.example"),
        }
    }

    fn document(self, draft: Vec<Content>) -> Document {
        let text = |t: &str| Content::Text(t.to_owned());
        let data = |block: DataBlock| Content::Data { block, title: String::new() };
        let bullets = |lead: &str, items: &[&str]| Content::Bullets { lead: lead.to_owned(), items: items.join("\n") };
        let section = |heading: &str, paragraphs: Vec<Content>| (heading.to_owned(), paragraphs);
        let mut current = draft;
        let sections = match self {
            Template::ChildrensWorkforce => {
                current.extend([
                    data(DataBlock::KeyFigures),
                    data(DataBlock::EstablishmentTable(Period::Latest)),
                    data(DataBlock::EstablishmentChart(Period::Latest)),
                    data(DataBlock::TwoPeriodTable),
                    data(DataBlock::TwoPeriodChart),
                    data(DataBlock::TrendChart),
                ]);
                vec![
                    section("Purpose of the report", vec![text(
                        "This report updates the {committee} on the children's social care workforce in {period}: \
                         establishment, vacancies, agency cover, and how {council} compares with England and similar councils.",
                    )]),
                    section("Recommendations", vec![bullets("The Panel is asked to:", &[
                        "note the workforce position set out in this report;",
                        "comment on the actions to reduce reliance on agency workers;",
                        "agree to receive a further update in six months.",
                    ])]),
                    section("Background", vec![text(
                        "The Panel last considered the workforce in {earlier period}, when it asked for regular updates on \
                         vacancies and agency cover. Figures are full-time equivalent (FTE) posts in children's social care.",
                    )]),
                    section("Current position", current),
                    section("Benchmarking", vec![
                        text("The table below compares {council} with England, its region and its ten statistical neighbours, using the Department for Education's published indicators for {benchmark year}."),
                        data(DataBlock::BenchmarkTable),
                        data(DataBlock::BenchmarkChart),
                    ]),
                    section("Newly qualified social workers", vec![
                        text("Most newly qualified social workers who complete their assessed and supported year in employment (ASYE) with us stay on."),
                        data(DataBlock::CohortTable),
                    ]),
                    section("Financial implications", vec![
                        text("Agency workers cost more than permanent staff. The workforce development budgets are below."),
                        data(DataBlock::BudgetTable),
                    ]),
                    section("Legal implications", vec![text("There are no direct legal implications arising from this report.")]),
                    section("Risk management", vec![text(
                        "A vacancy rate of {vacancy rate} and an agency worker rate of {agency rate} remain on the corporate risk register.",
                    )]),
                    section("Equality and human rights", vec![text("There are no direct equality implications arising from this report.")]),
                    section("Background papers", vec![text("None.")]),
                ]
            }
            Template::AdultVacanciesRisk => {
                current.extend([
                    data(DataBlock::KeyFigures),
                    data(DataBlock::EstablishmentTable(Period::Latest)),
                    data(DataBlock::EstablishmentChart(Period::Latest)),
                    data(DataBlock::TwoPeriodTable),
                ]);
                vec![
                    section("Purpose of the report", vec![text(
                        "This report sets out vacancies and agency cover in adult social care in {period}, staff turnover, \
                         and the risk they pose to the council's statutory duties under the Care Act 2014.",
                    )]),
                    section("Recommendations", vec![bullets("The Committee is asked to:", &[
                        "note the vacancy and turnover position;",
                        "endorse the recruitment and retention actions set out below.",
                    ])]),
                    section("Current position", current),
                    section("Starters, leavers and turnover", vec![
                        text("In the year to {staff date}, {people joined} and {leavers} left: a turnover rate of {turnover rate}."),
                        data(DataBlock::StaffFlows),
                        data(DataBlock::LeaversByReason),
                        data(DataBlock::AgeProfile),
                    ]),
                    section("Benchmarking", vec![
                        text("Skills for Care's figures for council adult services put the social worker {adult measure} at {adult figure} in {adult benchmark period}, {adult figure against comparator}. {council} ranks {adult rank} councils compared (1st is the lowest)."),
                        data(DataBlock::AdultBenchmarkTable),
                        data(DataBlock::AdultBenchmarkChart),
                    ]),
                    section("Risk management", vec![bullets("The main risks are:", &[
                        "a vacancy rate of {vacancy rate} delays assessments and reviews;",
                        "reliance on agency workers ({agency rate} of staff in post) costs more and weakens continuity for people who draw on care;",
                        "{aged 55 and over} of staff are aged 55 or over and may retire within ten years.",
                    ])]),
                    section("Actions", vec![bullets("To reduce these risks the service will:", &[
                        "run a rolling recruitment campaign for social workers and occupational therapists;",
                        "offer agency workers permanent posts;",
                        "grow its own staff through apprenticeships.",
                    ])]),
                    section("Financial implications", vec![text("The cost of agency cover is met from the service's staffing budget.")]),
                    section("Equality and human rights", vec![text("There are no direct equality implications arising from this report.")]),
                    section("Background papers", vec![text("None.")]),
                ]
            }
            Template::ScrutinyProgress => vec![
                section("Purpose of the report", vec![text(
                    "This report sets out progress against the recommendations the {committee} made in its review of the \
                     social work workforce in {earlier period}.",
                )]),
                section("Recommendations", vec![bullets("The Panel is asked to:", &[
                    "note the progress against each recommendation;",
                    "agree that recommendations rated green are closed.",
                ])]),
                section("Progress against recommendations", vec![
                    text("Each recommendation is shown with its status and an update. Statuses are given in words and in colour."),
                    data(DataBlock::Recommendations(sample_recommendations())),
                ]),
                section("The figures", vec![
                    text("The vacancy rate {vacancy rate change}. The agency worker rate {agency rate change}."),
                    data(DataBlock::KeyFigures),
                    data(DataBlock::TwoPeriodTable),
                ]),
                section("Next steps", vec![text("A further update will come to the Panel in six months.")]),
                section("Background papers", vec![text("Social work workforce review, report of the Panel, {earlier period}.")]),
            ],
        };
        Document::new(sections)
    }
}

fn sample_recommendations() -> Vec<Recommendation> {
    let rec = |number: &str, theme: &str, recommendation: &str, status: Status, update: &str| Recommendation {
        number: number.into(),
        theme: theme.into(),
        recommendation: recommendation.into(),
        status,
        update: update.into(),
    };
    vec![
        rec(
            "1",
            "Recruitment",
            "Run a rolling recruitment campaign for experienced social workers.",
            Status::Green,
            "Campaign running since April; 9 social workers appointed.",
        ),
        rec(
            "2",
            "Recruitment",
            "Offer agency social workers permanent posts.",
            Status::Amber,
            "4 agency workers have moved to permanent contracts; 6 more are in discussion.",
        ),
        rec(
            "3",
            "Retention",
            "Introduce a career pathway to advanced practitioner.",
            Status::Green,
            "Pathway agreed and published; first 3 practitioners appointed.",
        ),
        rec(
            "4",
            "Retention",
            "Hold exit interviews with every leaver and report themes.",
            Status::Red,
            "Interviews held with 5 of 14 leavers; a new process starts in February.",
        ),
        rec(
            "5",
            "Newly qualified",
            "Keep ASYE caseloads protected in the first six months.",
            Status::Green,
            "Caseloads capped at 12 and checked monthly.",
        ),
        rec(
            "6",
            "Agency",
            "Reduce agency social workers to 15% of staff in post.",
            Status::Amber,
            "The agency worker rate is falling but remains above the target.",
        ),
    ]
}
