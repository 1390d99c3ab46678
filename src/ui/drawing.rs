//! The order the page is drawn in when it opens: the report first, the controls beside it
//! once the report has been painted, and the report's editor below them (more than half of the
//! page's elements, and below the fold) once the controls have been. What is in view comes
//! first; drawing the editor in smaller batches was tried, and finished later overall
//! (BENCHMARKS.md).

use gloo::render::{request_animation_frame, AnimationFrame};
use gloo::timers::callback::Timeout;

/// Runs `then` in a task of its own after the next frame has been painted. Dropping the handle
/// before that frame cancels it.
pub fn after_next_paint(then: impl FnOnce() + 'static) -> AnimationFrame {
    // A task queued from an animation frame runs once that frame has been painted.
    request_animation_frame(move |_| {
        Timeout::new(0, then).forget();
    })
}
