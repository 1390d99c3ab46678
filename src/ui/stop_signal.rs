//! How a worker tells the page it has stopped. On wasm32 a panic aborts the worker's wasm
//! (there is no unwinding), so a job's answer never comes and the page would wait out its
//! time limit with "Reading…" on screen, and the worker would keep its memory. Each job names a
//! broadcast channel; the worker's panic hook posts on it before the abort, and the page stops
//! waiting at once. A worker that serves one job then ends itself.
//!
//! Both halves are here: `run_job` on the page, `tell_if_stopped` in the worker.

use std::cell::RefCell;
use std::future::Future;
use std::time::Duration;

use futures::future::{select, Either};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

/// A job for a worker, with the channel to tell if the worker stops while doing it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Job<T> {
    pub work: T,
    pub tell_on: String,
}

/// How a job sent to a worker ended.
#[derive(Debug)]
pub enum Outcome<T> {
    /// The worker's answer.
    Answered(T),
    /// The worker stopped part way (its code panicked on what it was given).
    Stopped,
    /// No answer within the time limit: out of memory, or far too much work.
    TimedOut,
}

/// Sends `work` to a worker through `send` and waits for the first of: its answer, its
/// signal that it stopped, or `limit`.
pub async fn run_job<W, T, F>(work: W, limit: Duration, send: impl FnOnce(Job<W>) -> F) -> Outcome<T>
where
    F: Future<Output = T>,
{
    // Random, so that two tabs of the app never share a channel.
    let tell_on = format!("wrb-job-{:013x}", (js_sys::Math::random() * 4.5e15) as u64);
    let (stop, stopped) = futures::channel::oneshot::channel::<()>();
    let channel = BroadcastChannel::new(&tell_on).ok();
    let _listening = channel.as_ref().map(|channel| {
        gloo::events::EventListener::once(channel, "message", move |_| {
            let _ = stop.send(());
        })
    });
    // Without a channel (a browser that refuses one) only the answer and the limit remain.
    let stopped = async move {
        if stopped.await.is_err() {
            futures::future::pending::<()>().await
        }
    };
    let answer = send(Job { work, tell_on });
    let timeout = yew::platform::time::sleep(limit);
    futures::pin_mut!(answer, stopped, timeout);
    let outcome = match select(answer, select(stopped, timeout)).await {
        Either::Left((answer, _)) => Outcome::Answered(answer),
        Either::Right((Either::Left(_), _)) => Outcome::Stopped,
        Either::Right((Either::Right(_), _)) => Outcome::TimedOut,
    };
    if let Some(channel) = channel {
        channel.close();
    }
    outcome
}

/// What a worker does once it has told the page it stopped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum AfterStop {
    /// Ends itself, so its memory goes at once: for a worker that serves one job.
    Close,
    /// Stays, for a worker the page keeps for every job.
    Stay,
}

thread_local! {
    static TELL_ON: RefCell<Option<(String, AfterStop)>> = const { RefCell::new(None) };
}

/// In a worker, as a job starts: if the worker panics from here on, the page hears of it on
/// the job's channel. The panic's own message goes to the worker's console, for developers.
pub fn tell_if_stopped(tell_on: &str, after: AfterStop) {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            gloo::console::error!(info.to_string());
            let _ = TELL_ON.with(|t| {
                let t = t.try_borrow().ok()?;
                let (name, after) = t.as_ref()?;
                let _ = BroadcastChannel::new(name).ok()?.post_message(&JsValue::from_str("stopped"));
                if *after == AfterStop::Close {
                    js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>().ok()?.close();
                }
                Some(())
            });
        }))
    });
    TELL_ON.with(|t| *t.borrow_mut() = Some((tell_on.to_owned(), after)));
}
