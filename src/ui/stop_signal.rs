//! How a worker tells the page it has stopped. On wasm32 a panic aborts the worker's wasm
//! (there is no unwinding), and so does running out of memory, so a job's answer never comes
//! and the page would wait out its time limit with "Reading…" on screen, while the worker
//! kept its memory. Each job names a broadcast channel, and the worker tells the page on it
//! at once, in one of two ways:
//! - a panic: the worker's panic hook posts `"stopped"` before the abort;
//! - an abort with no panic (out of memory): the abort surfaces as an uncaught error, and
//!   listeners set up when the job started post `"ended"`. They are bound browser functions,
//!   not wasm, because wasm that has aborted cannot be trusted to run again.
//!
//! Either way the worker then ends itself, freeing its memory.
//!
//! Both halves are here: `run_job` on the page; `install` and `arm` in the worker.

use std::cell::RefCell;
use std::future::Future;
use std::time::Duration;

use futures::future::{select, Either};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::BroadcastChannel;

/// A job for a worker, with the channel to tell if the worker stops while doing it (`None`
/// for a job nobody waits on).
#[derive(Clone, Debug, Serialize)]
pub struct Job<T> {
    /// First, so that a worker reading the job is armed for it (`arm`) before it reads the
    /// work: a file of tens of megabytes can run out of memory as it is read.
    pub stop_channel: Option<String>,
    pub work: T,
}

/// Reading a job arms the worker for it, as soon as its channel is read. Only workers read
/// jobs; the page writes them.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for Job<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Job<T>, D::Error> {
        struct Fields<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Fields<T> {
            type Value = Job<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a job for a worker")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Job<T>, A::Error> {
                let missing = |at| serde::de::Error::invalid_length(at, &"a channel and the work");
                let stop_channel: Option<String> = seq.next_element()?.ok_or_else(|| missing(0))?;
                arm(stop_channel.as_deref());
                let work = seq.next_element()?.ok_or_else(|| missing(1))?;
                Ok(Job { stop_channel, work })
            }
        }
        deserializer.deserialize_struct("Job", &["stop_channel", "work"], Fields(std::marker::PhantomData))
    }
}

/// How a job sent to a worker ended.
#[derive(Debug)]
pub enum Outcome<T> {
    /// The worker's answer.
    Answered(T),
    /// The worker stopped part way (its code panicked on what it was given), and has ended.
    Stopped,
    /// The worker ended part way without a panic: most likely it ran out of memory.
    Ended,
    /// No answer within the time limit: far too much work, or a worker that could not say.
    TimedOut,
}

/// Sends `work` to a worker through `send` and waits for the first of: its answer, its
/// signal that it stopped or ended, or `limit`.
pub async fn run_job<W, T, F>(work: W, limit: Duration, send: impl FnOnce(Job<W>) -> F) -> Outcome<T>
where
    F: Future<Output = T>,
{
    // Random, so that two tabs of the app never share a channel.
    let name = format!("wrb-job-{:013x}", (js_sys::Math::random() * 4.5e15) as u64);
    let (stop, stopped) = futures::channel::oneshot::channel::<bool>();
    let channel = BroadcastChannel::new(&name).ok();
    let _listening = channel.as_ref().map(|channel| {
        gloo::events::EventListener::once(channel, "message", move |event| {
            // The first word decides: a panic's "stopped" comes before the abort's "ended".
            let said = js_sys::Reflect::get(event, &"data".into()).ok().and_then(|data| data.as_string());
            let _ = stop.send(said.as_deref() == Some(PANICKED));
        })
    });
    // Without a channel (a browser that refuses one) only the answer and the limit remain.
    let stopped = async move {
        match stopped.await {
            Ok(panicked) => panicked,
            Err(_) => futures::future::pending().await,
        }
    };
    let answer = send(Job { work, stop_channel: Some(name) });
    let timeout = yew::platform::time::sleep(limit);
    futures::pin_mut!(answer, stopped, timeout);
    let outcome = match select(answer, select(stopped, timeout)).await {
        Either::Left((answer, _)) => Outcome::Answered(answer),
        Either::Right((Either::Left((true, _)), _)) => Outcome::Stopped,
        Either::Right((Either::Left((false, _)), _)) => Outcome::Ended,
        Either::Right((Either::Right(_), _)) => Outcome::TimedOut,
    };
    if let Some(channel) = channel {
        channel.close();
    }
    outcome
}

/// What the panic hook posts; anything else on a job's channel means the worker ended without
/// a panic.
const PANICKED: &str = "stopped";
const ENDED: &str = "ended";

thread_local! {
    /// The job the worker is doing or last did, if anyone waits on it.
    static ARMED: RefCell<Option<Armed>> = const { RefCell::new(None) };
}

/// A job's channel, open while the job is armed, and the listeners that tell on it if the
/// worker aborts without a panic.
struct Armed {
    channel: BroadcastChannel,
    on_abort: Option<OnAbort>,
}

/// In a worker, before it serves: from then on a panic writes its message to the worker's
/// console (for developers), tells the page on the current job's channel, and ends the worker.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        gloo::console::error!(info.to_string());
        ARMED.with(|armed| {
            let Ok(armed) = armed.try_borrow() else { return };
            if let Some(armed) = armed.as_ref() {
                let _ = armed.channel.post_message(&JsValue::from_str(PANICKED));
            }
        });
        if let Ok(worker) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() {
            worker.close();
        }
    }));
}

/// In a worker, as a job is read (`Job`'s `Deserialize` calls it): a panic, or an abort
/// without one, is told on the job's channel (`None`: on none) from now until the next job
/// is read. That covers reading the work, the job itself, and yew-agent encoding and posting
/// the answer after the job's function returns. Jobs run one at a time, and a job must not
/// await (the next could be read meanwhile and take its channel).
fn arm(stop_channel: Option<&str>) {
    let next = stop_channel
        .and_then(|name| BroadcastChannel::new(name).ok())
        .map(|channel| Armed { on_abort: OnAbort::listen(&channel), channel });
    let previous = ARMED.with(|armed| armed.replace(next));
    if let Some(previous) = previous {
        if let Some(on_abort) = previous.on_abort {
            on_abort.stop_listening();
        }
        previous.channel.close();
    }
}

/// The worker's own listeners for an uncaught error (how an abort surfaces, whether the job
/// ran in a task or a microtask): post `"ended"` on the job's channel, then end the worker.
/// Built from the browser's own functions, bound to their objects, so they run no wasm.
struct OnAbort {
    scope: web_sys::DedicatedWorkerGlobalScope,
    tell: js_sys::Function,
    end: js_sys::Function,
}

const ABORT_EVENTS: [&str; 2] = ["error", "unhandledrejection"];

impl OnAbort {
    fn listen(channel: &BroadcastChannel) -> Option<OnAbort> {
        let scope = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>().ok()?;
        let method =
            |on: &JsValue, name: &str| js_sys::Reflect::get(on, &name.into()).ok()?.dyn_into::<js_sys::Function>().ok();
        // Called with the event as a further argument, which postMessage and close ignore.
        let tell = method(channel, "postMessage")?.bind1(channel, &JsValue::from_str(ENDED)).unchecked_into();
        let end = method(&scope, "close")?.bind0(&scope).unchecked_into();
        let on_abort = OnAbort { scope, tell, end };
        let added = ABORT_EVENTS.iter().all(|event| {
            on_abort.scope.add_event_listener_with_callback(event, &on_abort.tell).is_ok()
                && on_abort.scope.add_event_listener_with_callback(event, &on_abort.end).is_ok()
        });
        if added {
            Some(on_abort)
        } else {
            // Half a set would end a worker without telling the page.
            on_abort.stop_listening();
            None
        }
    }

    fn stop_listening(self) {
        for event in ABORT_EVENTS {
            let _ = self.scope.remove_event_listener_with_callback(event, &self.tell);
            let _ = self.scope.remove_event_listener_with_callback(event, &self.end);
        }
    }
}
