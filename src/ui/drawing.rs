//! What the page draws first when it opens. The report and the controls in view come first;
//! the report's editor, more than half of the page's elements and below the fold, follows a
//! batch of sections at a time, each batch a short task of its own, so keys and clicks are
//! answered while the rest is drawn.

use crate::engine::model::Section;

/// About how many paragraphs' editors are drawn in one batch. A batch takes 50–150 ms at 4x
/// CPU throttling (measured), much of it the same whatever its size; two paragraphs at a time
/// took as long overall and made no batch shorter.
pub const PARAGRAPHS_AT_A_TIME: usize = 4;

/// How many sections are drawn once the next batch is, when `drawn` already are: always at
/// least one more, then more while the batch stays within `PARAGRAPHS_AT_A_TIME` paragraphs.
///
/// ```
/// use wrb::ui::drawing::sections_after_next_batch;
/// use wrb::ui::state::State;
///
/// // The sample the page opens on, drawn batch by batch to the end.
/// let sections = State::default().project.document.sections;
/// let mut drawn = 0;
/// while drawn < sections.len() {
///     let next = sections_after_next_batch(&sections, drawn);
///     assert!(next > drawn);
///     drawn = next;
/// }
/// assert_eq!(drawn, sections.len());
/// ```
pub fn sections_after_next_batch(sections: &[Section], drawn: usize) -> usize {
    let mut paragraphs = 0;
    let mut end = drawn;
    for section in sections.iter().skip(drawn) {
        // A section with no paragraphs still costs its heading and buttons.
        let size = section.paragraphs.len().max(1);
        if end > drawn && paragraphs + size > PARAGRAPHS_AT_A_TIME {
            break;
        }
        paragraphs += size;
        end += 1;
    }
    end.min(sections.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::model::{Content, Paragraph};

    fn sections(sizes: &[usize]) -> Vec<Section> {
        let mut id = 0;
        sizes
            .iter()
            .map(|&size| {
                let paragraphs = (0..size)
                    .map(|_| {
                        id += 1;
                        Paragraph { id, content: Content::Text(String::new()) }
                    })
                    .collect();
                id += 1;
                Section { id, heading: String::new(), paragraphs }
            })
            .collect()
    }

    #[test]
    fn each_batch_draws_at_least_one_section_and_stays_within_the_paragraph_budget_otherwise() {
        // (paragraphs in each section, sections already drawn, sections drawn after the batch)
        let cases: &[(&[usize], usize, usize)] = &[
            (&[], 0, 0),
            (&[1], 0, 1),
            (&[0, 0, 0, 0, 0, 0], 0, 4),
            (&[1, 1, 1, 1, 1], 0, 4),
            (&[2, 2, 2], 0, 2),
            (&[2, 3], 0, 1),
            (&[2, 3], 1, 2),
            // A section bigger than a batch is drawn on its own rather than never.
            (&[9, 1], 0, 1),
            (&[1, 9], 0, 1),
            (&[1, 9], 1, 2),
            (&[1, 1], 2, 2),
            // Sections removed while drawing: never past the end.
            (&[1], 3, 1),
        ];
        for &(sizes, drawn, expected) in cases {
            assert_eq!(sections_after_next_batch(&sections(sizes), drawn), expected, "{sizes:?} from {drawn}");
        }
    }
}
