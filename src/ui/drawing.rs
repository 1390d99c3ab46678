//! The order the page is drawn in when it opens: the report first, the controls beside it
//! once the report has been painted, and the report's editor below them (more than half of the
//! page's elements, and below the fold) once the controls have been. What is in view comes
//! first; drawing the editor in smaller batches was tried, and finished later overall
//! (BENCHMARKS.md).

use gloo::render::request_animation_frame;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// `false` on a component's first render, and `true` from the render after the frame showing
/// it has been painted: that render runs in a task of its own, so what the component holds
/// back is drawn after what is already on the screen.
#[hook]
pub fn use_painted_once() -> bool {
    let painted = use_state(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            // A task queued from an animation frame runs once that frame has been painted.
            let frame = request_animation_frame(move |_| {
                Timeout::new(0, move || painted.set(true)).forget();
            });
            // Unmounted before the frame: nothing to draw.
            move || drop(frame)
        });
    }
    *painted
}
