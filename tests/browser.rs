//! Components in a real browser (wasm-bindgen-test in headless Chromium).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlTextAreaElement};
use wrb::engine::report::{build_report_reading_files as build_report, html};
use wrb::engine::sample::sample_project;
use wrb::ui::components::{ReportPreview, ReportPreviewProps};
use wrb::ui::App;

wasm_bindgen_test_configure!(run_in_browser);

fn mount() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

/// The whole app, mounted fresh and rendered once it has read the drafts kept in this browser
/// and drawn its controls (a frame after the report).
async fn mount_app() -> (Element, yew::AppHandle<App>) {
    let root = mount();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    for _ in 0..500 {
        yew::scheduler::flush().await;
        if root.query_selector("article.report").unwrap().is_some()
            && root.query_selector("#paste-table").unwrap().is_some()
        {
            return (root, app);
        }
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("the app did not open within five seconds: {}", root.inner_html());
}

fn paste_box(root: &Element) -> HtmlTextAreaElement {
    root.query_selector("#paste-table").unwrap().expect("the paste box").dyn_into().unwrap()
}

/// Types into the paste box the way the browser reports a paste: a bubbling input event.
fn paste(root: &Element, value: &str) {
    let area = paste_box(root);
    area.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    area.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn report_preview_renders_the_table_and_the_chart() {
    let root = mount();
    let parts = html::render_parts(&build_report(&sample_project()));
    let app = yew::Renderer::<ReportPreview>::with_root_and_props(
        root.clone(),
        ReportPreviewProps { parts: parts.into(), page_breaks: false, landscape: false, editing: None },
    )
    .render();
    yew::scheduler::flush().await;

    assert!(text(&root, "table.figures tfoot").contains("87.19"));
    // Key figures, the establishment table, the change between the years, benchmarks, cohorts and
    // budgets; and one for each of the four charts' figures.
    assert_eq!(root.query_selector_all("table.figures").unwrap().length(), 6 + 4);
    assert_eq!(root.query_selector_all("figure details.chart-data table.figures").unwrap().length(), 4);
    let svg = root.query_selector("svg[role=img]").unwrap().expect("the chart is an svg with role img");
    let labelled_by = svg.get_attribute("aria-labelledby").unwrap();
    let title_id = labelled_by.split(' ').next().unwrap();
    let title = text(&root, &format!("#{title_id}"));
    assert!(title.starts_with("Social Worker has the most agency workers and uncovered vacancies"), "{title}");
    // Seven roles, each with a permanent segment in the palette's first colour.
    assert_eq!(
        root.query_selector_all("#figure-1 svg rect[fill='#12436D']").unwrap().length(),
        7 + 1,
        "seven bars and the legend key"
    );
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn pasting_a_table_into_the_app_updates_the_report() {
    let (root, app) = mount_app().await;
    assert!(text(&root, "table.figures tfoot").contains("87.19"));

    paste(
        &root,
        "Role\tEstablishment\tPermanent\tAgency\tVacant\nSocial Worker\t12.5\t9\t2\t3.5\nTeam Manager\t3\t3\t0\t0\n",
    );
    yew::scheduler::flush().await;

    let total = text(&root, "table.figures tfoot");
    assert!(total.contains("15.50") && total.contains("12.00"), "{total}");
    let report = text(&root, "article.report");
    assert!(
        report.contains("Two-period comparison table: the report has only one period"),
        "the pasted table replaces both sample years"
    );
    assert!(report.contains("a vacancy rate of 22.6%"), "the draft's live figures follow the paste");
    assert!(text(&root, "[role=status]").contains("2 roles"));
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn an_unreadable_paste_explains_itself_and_keeps_the_report() {
    let (root, app) = mount_app().await;

    let words = "Notes for the meeting\nthe figures follow next week\n";
    paste(&root, words);
    yew::scheduler::flush().await;

    let message = text(&root, "#paste-error");
    assert!(message.contains("No row of column headings was found"), "{message}");
    assert!(message.contains("Role"), "{message}");
    assert!(text(&root, "table.figures tfoot").contains("87.19"), "the sample report stays");
    let area = paste_box(&root);
    assert_eq!(area.value(), words, "what was pasted is kept");
    assert_eq!(area.get_attribute("aria-invalid").as_deref(), Some("true"));
    app.destroy();
    root.remove();
}

/// A job sent to a worker ends at the first of its answer, the worker's signal that it
/// stopped (posted here by hand, as the worker's panic hook posts it) or ended (as its abort
/// listeners post it), or its time limit; and a signal on one job's channel does not end
/// another.
#[wasm_bindgen_test]
async fn a_job_ends_at_its_answer_its_stop_signal_or_its_time_limit() {
    use std::time::Duration;
    use wrb::ui::stop_signal::{run_job, Job, Outcome};

    let limit = Duration::from_secs(5);
    let answered = run_job(41, limit, |job: Job<i32>| async move { job.work + 1 }).await;
    assert!(matches!(answered, Outcome::Answered(42)), "{answered:?}");

    // The signal comes once both jobs are waiting, so the other job's channel exists by then.
    let stopped = run_job((), limit, |job: Job<()>| async move {
        yew::platform::time::sleep(Duration::from_millis(50)).await;
        let name = job.stop_channel.expect("run_job names a channel");
        web_sys::BroadcastChannel::new(&name).unwrap().post_message(&"stopped".into()).unwrap();
        futures::future::pending::<()>().await
    });
    // Another job, running meanwhile, answers after the first has stopped.
    let other = run_job((), limit, |_| yew::platform::time::sleep(Duration::from_millis(300)));
    let (stopped, other) = futures::join!(stopped, other);
    assert!(matches!(stopped, Outcome::Stopped), "{stopped:?}");
    assert!(matches!(other, Outcome::Answered(())), "{other:?}");

    let ended = run_job((), limit, |job: Job<()>| async move {
        let name = job.stop_channel.expect("run_job names a channel");
        web_sys::BroadcastChannel::new(&name).unwrap().post_message(&"ended".into()).unwrap();
        futures::future::pending::<()>().await
    })
    .await;
    assert!(matches!(ended, Outcome::Ended), "{ended:?}");

    let timed_out = run_job((), Duration::from_millis(50), |_| futures::future::pending::<()>()).await;
    assert!(matches!(timed_out, Outcome::TimedOut), "{timed_out:?}");
}

/// Messages to and from the workers, written into a JavaScript array and read back a piece at
/// a time: the same bytes as yew-agent's own bincode codec (so neither end can misread the
/// other), and the same value back, for values that cross the pieces' edges and runs longer
/// than a piece.
#[wasm_bindgen_test]
fn worker_messages_read_back_as_written_and_as_bincode_writes_them() {
    use wrb::ui::codec::InPieces;
    use wrb::ui::stop_signal::Job;
    use wrb::ui::worker::{FileBytes, FileRequest};
    use yew_agent::Codec;

    let cells = |n: usize| (0..n).map(|i| format!("cell {i} {}", "x".repeat(i % 97))).collect::<Vec<_>>();
    for (bytes, texts) in [(0, 0), (1, 1), (65_535, 3), (65_536, 5_000), (200_001, 20_000)] {
        let request = FileRequest {
            name: format!("file-{bytes}.xlsx"),
            bytes: FileBytes::Shared((0..bytes).map(|i| (i % 251) as u8).collect::<Vec<u8>>().into()),
            sheet: Some("Staff".into()),
        };
        let ours = js_sys::Uint8Array::from(InPieces::encode(&request)).to_vec();
        let theirs = js_sys::Uint8Array::from(yew_agent::Bincode::encode(&request)).to_vec();
        assert!(ours == theirs, "{bytes} bytes: encoded as bincode does");
        let back: FileRequest = InPieces::decode(InPieces::encode(&request));
        assert_eq!((&back.name, &back.sheet), (&request.name, &request.sheet));
        assert!(back.bytes[..] == request.bytes[..], "{bytes} bytes back");
        // As the page sends it: the worker reads the job's channel, then its work.
        let job = Job { stop_channel: Some("wrb-job-test".to_owned()), work: request };
        let back: Job<FileRequest> = InPieces::decode(InPieces::encode(&job));
        assert_eq!(back.stop_channel.as_deref(), Some("wrb-job-test"));
        assert!(back.work.bytes[..] == job.work.bytes[..] && back.work.name == job.work.name, "{bytes} bytes in a job");

        let rows = (cells(texts), bytes as u64);
        let back: (Vec<String>, u64) = InPieces::decode(InPieces::encode(&rows));
        assert_eq!(back, rows, "{texts} texts back");
        let from_bincode: (Vec<String>, u64) = InPieces::decode(yew_agent::Bincode::encode(&rows));
        assert_eq!(from_bincode, rows, "{texts} texts, written by bincode, read back");
    }
    // Numbers of every width, read through bincode's quick path (a peek at the piece) across
    // the pieces' edges, and the last ones, short of a full peek, one byte at a time.
    let numbers: Vec<u64> = (0..70_000u64).map(|i| (i * i).wrapping_mul(7_919) >> (i % 60)).collect();
    let back: Vec<u64> = InPieces::decode(InPieces::encode(&numbers));
    assert_eq!(back, numbers, "numbers back");
    let back: Vec<u64> = InPieces::decode(yew_agent::Bincode::encode(&numbers));
    assert_eq!(back, numbers, "numbers written by bincode, read back");
    // A staff list as the import worker sends it.
    let csv = (0..20_000).fold("Job title,Team,FTE,Contract type,Start date\n".to_owned(), |mut csv, i| {
        csv.push_str(&format!("Social Worker,Team {},1,Permanent,01/0{}/2019\n", i % 7, 1 + i % 9));
        csv
    });
    let arrived = wrb::engine::tables::Arrived::from_rows(wrb::engine::import::load_pasted(&csv));
    let back: wrb::engine::tables::Arrived = InPieces::decode(InPieces::encode(&arrived));
    assert_eq!(back, arrived, "the staff list back");
    assert!(matches!(&back.staff, Some(Ok(list)) if list.people.len() == 20_000));
}
