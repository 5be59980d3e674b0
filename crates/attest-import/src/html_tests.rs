//! HTML import: our own small pages (written here, never copied from the corpus), and
//! an accuracy floor on the web-pages corpus.

use crate::{extract as extract_file, ImportError};
use attest_core::{ArticleDraft, SourceFormat};
use std::path::PathBuf;

use crate::test_support::{import_one, non_ws, repo_file};

fn html(bytes: &[u8]) -> ArticleDraft {
    extract_file(bytes, "page.html", SourceFormat::Html).unwrap()
}

const BODY: [&str; 4] = [
    "KAUNAS — The regional council voted on Thursday to close the old river bridge to heavy lorries from the first of June, after engineers found cracks in two of its five piers during a routine inspection in March.",
    "“We cannot wait for a collapse to act,” said council chair Rūta Petrauskienė, who added that a temporary crossing for lorries would open downstream within six weeks and that buses would keep using the bridge.",
    "Hauliers’ associations criticised the decision, saying the detour adds 14 km to every trip & will cost members about €2,000 a month; they asked the council to publish the engineers’ report in full.",
    "The council said the report would be published next week. Repairs are expected to take two years and to cost between 9 and 12 million euros, most of it from the national road fund.",
];

fn article_page(head: &str, extra_body: &str) -> String {
    let paragraphs: String = BODY
        .iter()
        .map(|p| format!("<p>{}</p>\n", escape(p)))
        .collect();
    format!(
        r#"<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">{head}</head>
<body>
<header><nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/sport">Sport results</a></li><li><a href="/login">Sign in to your account</a></li></ul></nav></header>
<div class="ad-banner advertisement" id="ad-top"><a href="https://ads.example.net/">Buy cheap flights to anywhere today with FlyNow</a></div>
<main><article class="story">
<h1>Council closes river bridge to lorries</h1>
<div class="article-body">
{paragraphs}
</div>
{extra_body}
</article>
<aside class="related-links"><h3>Related stories</h3><ul><li><a href="/a">Mayor opens new cycling lane on the embankment</a></li><li><a href="/b">Football club signs new striker from abroad</a></li></ul></aside>
<section id="comments" class="comments"><h3>Comments</h3><div class="comment"><p>Totally agree with the council, about time somebody did something about those lorries!!!</p></div><div class="comment"><p>This is a disgrace and a waste of taxpayer money, typical of this administration.</p></div></section>
</main>
<footer class="site-footer"><p>© 2026 The Valley Courier. All rights reserved. Privacy policy. Cookie settings.</p></footer>
</body></html>"#
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
}

#[test]
fn an_article_page_gives_only_its_body() {
    let d = html(
        article_page(
            "<title>Council closes river bridge | The Valley Courier</title>",
            "",
        )
        .as_bytes(),
    );
    for p in BODY {
        assert!(
            d.text.contains(p),
            "missing paragraph {p:?} in {:?}",
            d.text
        );
    }
    for furniture in [
        "Sport results",
        "Sign in",
        "cheap flights",
        "Related stories",
        "cycling lane",
        "Totally agree",
        "disgrace",
        "All rights reserved",
    ] {
        assert!(!d.text.contains(furniture), "{furniture:?} in {:?}", d.text);
    }
    assert_eq!(d.format, SourceFormat::Html);
    assert_eq!(d.meta.dateline.as_deref(), Some("KAUNAS"));
    assert_eq!(d.meta.language.as_deref(), Some("en-GB"));
    assert!(d.text.contains("\n\n"), "paragraphs are kept apart");
}

#[test]
fn a_hard_wrapped_paragraph_is_one_paragraph_and_pre_keeps_its_lines() {
    // Hand-written HTML wraps its paragraphs; a browser shows each `<p>` as one block.
    let wrapped: String = BODY
        .iter()
        .map(|p| format!("<p>{}</p>\n", escape(p).replacen(", ", ",\n    ", 2)))
        .collect();
    let page = format!(
        "<html><head><title>Bridge</title></head><body><article>{wrapped}<div><pre>lorries 5\nbuses 2</pre></div></article></body></html>"
    );
    let d = html(page.as_bytes());
    let paragraphs: Vec<&str> = d.text.split("\n\n").collect();
    for p in BODY {
        assert!(
            paragraphs.contains(&p),
            "{p:?} as one paragraph in {:?}",
            d.text
        );
    }
    let lines: Vec<&str> = d.text.lines().collect();
    assert!(
        lines.contains(&"lorries 5") && lines.contains(&"buses 2"),
        "the preformatted lines apart in {:?}",
        d.text
    );
}

#[test]
fn every_character_of_the_body_is_kept_in_order() {
    let d = html(article_page("<title>Bridge</title>", "").as_bytes());
    let body = non_ws(&BODY.concat());
    assert!(
        non_ws(&d.text).contains(&body),
        "the body's characters, in order, in {:?}",
        d.text
    );
    // Entities are decoded, combining marks and curly quotes left as they are.
    let page = format!(
        "<html><body><article><p>{}</p><p>Cafe\u{0301} &ldquo;Zürich&rdquo; &amp; co. &#8212; A&nbsp;B, said the spokesman of the ministry on Friday in a long statement about the new rules for trade.</p></article></body></html>",
        escape(BODY[0])
    );
    let d = html(page.as_bytes());
    assert!(non_ws(&d.text).contains(&non_ws(
        "Cafe\u{0301} “Zürich” & co. — A B, said the spokesman"
    )));
}

#[test]
fn metadata_from_opengraph_and_json_ld() {
    let head = r#"<title>Bridge closed – Valley Courier</title>
<meta property="og:title" content="Council closes river bridge to lorries">
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:url" content="https://courier.example/2026/05/bridge">
<meta name="author" content="Meta Author">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Council closes river bridge to lorries","datePublished":"2026-05-14T09:30:00+03:00",
 "author":{"@type":"Person","name":"Aistė Jankauskaitė"},
 "publisher":{"@type":"Organization","name":"The Valley Courier"}}</script>"#;
    let d = html(article_page(head, "").as_bytes());
    let m = &d.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Council closes river bridge to lorries")
    );
    assert_eq!(m.byline.as_deref(), Some("Aistė Jankauskaitė"));
    assert_eq!(m.outlet.as_deref(), Some("The Valley Courier"));
    assert_eq!(m.published.as_deref(), Some("2026-05-14T09:30:00+03:00"));
    assert_eq!(
        m.url.as_deref(),
        Some("https://courier.example/2026/05/bridge")
    );
    assert!(!d.text.contains("NewsArticle"), "JSON-LD is not text");

    // Without JSON-LD: <meta> and the page's own byline element and canonical link.
    let head = r#"<title>Council shuts the old river bridge</title>
<meta property="article:published_time" content="2026-05-14">
<link rel="canonical" href="https://courier.example/bridge">"#;
    let d = html(article_page(head, r#"<p class="byline">By Jonas Kazlauskas</p>"#).as_bytes());
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Council shuts the old river bridge")
    );
    assert_eq!(d.meta.byline.as_deref(), Some("By Jonas Kazlauskas"));
    assert_eq!(d.meta.published.as_deref(), Some("2026-05-14"));
    assert_eq!(
        d.meta.url.as_deref(),
        Some("https://courier.example/bridge")
    );
    assert_eq!(d.meta.outlet, None, "no outlet is invented");
}

#[test]
fn a_windows_1252_page_is_read_by_its_meta_charset() {
    let page = article_page(
        "<title>Caf\u{e9} society is over, says the minister</title>",
        "<p>\u{201c}Caf\u{e9} soci\u{e9}t\u{e9} is over,\u{201d} the minister said on Tuesday.</p>",
    )
    .replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"windows-1252\">",
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&page);
    // Characters outside Windows-1252 become numeric references, as a browser saves them.
    assert!(!unmappable || bytes.contains(&b'&'));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is not UTF-8"
    );
    let d = html(&bytes);
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Café society is over, says the minister")
    );
    assert!(
        d.text.contains("“Café société is over,” the minister said"),
        "{}",
        d.text
    );
    // ISO-8859-1 through http-equiv, the older form.
    let old = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>Gr\xfc\xdfe aus der Stadt M\xfcnchen</title></head><body><p>Gr\xfc\xdfe aus M\xfcnchen, sagte der B\xfcrgermeister am Montag vor dem Rathaus, wo die neue Stra\xdfenbahnlinie er\xf6ffnet wurde.</p></body></html>";
    let d = html(old);
    assert_eq!(d.meta.title.as_deref(), Some("Grüße aus der Stadt München"));
    assert!(d.text.contains("Grüße aus München"), "{}", d.text);
}

#[test]
fn scripts_handlers_and_javascript_links_never_reach_the_text() {
    let hostile = r#"<script>alert('pwned-1')</script>
<p>The minister said on Monday that the talks would resume next week in Geneva, and that both delegations had agreed on an agenda. <img src=x onerror="alert('pwned-2')"><a href="javascript:alert('pwned-3')">Read more</a></p>
<p onclick="alert('pwned-4')">Officials said the agenda covers prisoner exchanges, the reopening of two border crossings and a monitoring mission led by a neutral country.<script type="text/javascript">document.write('pwned-5')</script></p>
<style>p { background: url("javascript:alert('pwned-6')") }</style>
<svg><script>alert('pwned-7')</script></svg><iframe src="javascript:alert('pwned-8')">pwned-9</iframe>
<noscript><p>pwned-noscript-is-fine-either-way</p></noscript>
<p>A spokesman for the mediators declined to comment on the timing. <a href="https://example.org/" onmouseover="alert('pwned-10')">Mediators</a> have held four rounds of talks this year.</p>"#;
    let page = format!("<!doctype html><html><head><title>Talks</title><script>var x='pwned-0';</script></head><body><article>{hostile}</article></body></html>");
    let d = html(page.as_bytes());
    assert!(
        d.text.contains("the talks would resume next week"),
        "{}",
        d.text
    );
    assert!(d.text.contains("neutral country"), "{}", d.text);
    for bad in [
        "pwned-0",
        "pwned-1",
        "pwned-2",
        "pwned-3",
        "pwned-4",
        "pwned-5",
        "pwned-6",
        "pwned-7",
        "pwned-8",
        "pwned-9",
        "pwned-10",
        "alert",
        "javascript",
        "onerror",
        "onclick",
        "<",
        ">",
    ] {
        assert!(
            !d.text.contains(bad),
            "{bad:?} reached the text: {:?}",
            d.text
        );
    }
}

#[test]
fn deeply_nested_html_does_not_crash() {
    let depth = 100_000;
    let mut page = String::from("<!doctype html><html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("<p>Deep inside, the committee approved the budget for the coming year after a long debate about the price of electricity and heating.</p>");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    // On a thread with a small stack, as the importer's worker threads have.
    let result = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || extract_file(page.as_bytes(), "deep.html", SourceFormat::Html))
        .unwrap()
        .join()
        .expect("no stack overflow");
    match result {
        Ok(d) => assert!(d.text.contains("approved the budget"), "{}", d.text),
        Err(e) => assert_eq!(e, ImportError::NoArticle),
    }
    // Unclosed tags nest too.
    let unclosed = format!("<html><body>{}text", "<span><b><i>".repeat(30_000));
    let _ = std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || extract_file(unclosed.as_bytes(), "x.html", SourceFormat::Html))
        .unwrap()
        .join()
        .expect("no stack overflow");
}

#[test]
fn a_page_is_known_by_its_content_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let page = article_page("<title>Council closes river bridge</title>", "");
    for name in ["saved.txt", "saved.htm", "saved.xhtml", "saved"] {
        let p = dir.path().join(name);
        std::fs::write(&p, &page).unwrap();
        let d = import_one(&p).unwrap().draft;
        assert_eq!(d.format, SourceFormat::Html, "{name}");
        assert_eq!(d.meta.title.as_deref(), Some("Council closes river bridge"));
        assert!(!d.text.contains("<p>"));
    }
    assert_eq!(
        crate::format_for(&dir.path().join("a.HTML")),
        Ok(SourceFormat::Html)
    );
    // Text that merely mentions a tag stays text.
    let d = extract_file(
        b"The <html> tag starts a page.",
        "x.txt",
        SourceFormat::Text,
    )
    .unwrap();
    assert_eq!(d.format, SourceFormat::Text);
}

#[test]
fn an_empty_page_is_a_clear_error() {
    let e = extract_file(
        b"<!doctype html><html><head><title>x</title></head><body></body></html>",
        "x.html",
        SourceFormat::Html,
    );
    assert_eq!(e.unwrap_err(), ImportError::NoArticle);
    let e = extract_file(
        b"<html>\xff\xfe\xfd\x80 caf\xe9",
        "x.html",
        SourceFormat::Html,
    );
    assert!(
        e.is_ok()
            || matches!(
                e,
                Err(ImportError::NoArticle | ImportError::Undecodable { .. })
            )
    );
}

#[test]
fn strip_inert_keeps_text_and_json_ld() {
    let s = super::strip_inert(
        r#"<p title="<script>">a</p><!-- c --><SCRIPT>x</script ><script type="application/ld+json">{"a":1}</script><title>t <script></title><style>s</style>b"#,
    );
    assert_eq!(
        s,
        r#"<p title="<script>">a</p><script type="application/ld+json">{"a":1}</script><title>t <script></title>b"#
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn never_panics_on_any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
            let _ = extract_file(&bytes, "x.html", SourceFormat::Html);
        }

        #[test]
        fn never_panics_on_tag_soup(parts in proptest::collection::vec(
            prop_oneof![
                Just("<div>"), Just("</div>"), Just("<p>"), Just("<script>"), Just("</script>"),
                Just("<!--"), Just("-->"), Just("<a href=\"x\">"), Just("'"), Just("\""), Just("="),
                Just("<title>"), Just("<svg>"), Just(" text "), Just("<"), Just(">"), Just("é"),
            ], 0..200)) {
            let page = format!("<html><body>{}", parts.concat());
            let _ = extract_file(page.as_bytes(), "x.html", SourceFormat::Html);
        }
    }
}

/// Per-field accuracy on `shared/corpus/web-pages`, against the floor measured with
/// `examples/web_pages.rs` (a little under it, to catch regressions).
#[test]
fn web_pages_corpus_metadata_accuracy_floor() {
    let dir = repo_file("../shared/corpus/web-pages");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        panic!("the web-pages corpus is expected at {}", dir.display());
    };
    let mut dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    dirs.sort();
    // (expected key, measured, floor)
    let fields = [
        ("title", 1.000, 0.97),
        ("byline", 0.900, 0.87),
        ("siteName", 1.000, 0.97),
        ("lang", 0.986, 0.95),
        ("publishedTime", 1.000, 0.97),
    ];
    let mut right = [0usize; 5];
    let mut total = [0usize; 5];
    let mut pages = 0;
    for d in dirs {
        let (Ok(bytes), Ok(expected)) = (
            std::fs::read(d.join("source.html")),
            std::fs::read(d.join("expected-metadata.json")),
        ) else {
            continue;
        };
        pages += 1;
        let expected: serde_json::Value = serde_json::from_slice(&expected).unwrap();
        let got = extract_file(&bytes, "source.html", SourceFormat::Html)
            .map(|d| d.meta)
            .unwrap_or_default();
        let values = [
            &got.title,
            &got.byline,
            &got.outlet,
            &got.language,
            &got.published,
        ];
        for (i, (key, _, _)) in fields.iter().enumerate() {
            let Some(want) = expected.get(key) else {
                continue;
            };
            total[i] += 1;
            if crate::quality::metadata_matches(key, want.as_str(), values[i].as_deref()) {
                right[i] += 1;
            }
        }
    }
    assert_eq!(pages, 130, "the corpus has 130 pages");
    for (i, (key, measured, floor)) in fields.iter().enumerate() {
        let accuracy = right[i] as f64 / total[i] as f64;
        assert!(
            accuracy >= *floor,
            "{key}: {}/{} = {accuracy:.3}, below the floor {floor} (measured {measured})",
            right[i],
            total[i]
        );
    }
}

/// Body F1 on our own saved news pages (`tests/fixtures/pages/*`: `source.html` beside
/// the hand-marked body `expected.txt`; conventions in the folder's README), against the
/// figure measured with `examples/body_f1.rs` (0.984) less a margin, to catch
/// regressions. Our pages are easier than real news: this guards, it does not rate.
#[test]
fn our_pages_body_f1_floor() {
    let dir = repo_file("tests/fixtures/pages");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/pages")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    dirs.sort();
    let pages: Vec<(String, String)> = dirs
        .iter()
        .map(|d| {
            let bytes = std::fs::read(d.join("source.html")).unwrap();
            let truth = std::fs::read_to_string(d.join("expected.txt")).unwrap();
            let got = extract_file(&bytes, "source.html", SourceFormat::Html)
                .map(|d| d.text)
                .unwrap_or_default();
            (truth, got)
        })
        .collect();
    assert_eq!(pages.len(), 12, "the folder holds 12 pages");
    let s = crate::quality::body_scores(&pages);
    assert!(
        s.f1 >= 0.96 && s.precision >= 0.95 && s.recall >= 0.97,
        "body P {:.3} R {:.3} F1 {:.3}, below the floor (measured P 0.976 R 0.992 F1 0.984)",
        s.precision,
        s.recall,
        s.f1
    );
}

#[test]
fn amp_ad_slots_are_cut_but_an_unclosed_one_keeps_what_follows() {
    let page = r#"<p>Before the ad.</p><amp-ad width="300" height="250" type="doubleclick"><div placeholder>Loading ad…</div><div fallback>Ads keep us free.</div></amp-ad><amp-embed type="taboola" layout="responsive"><div fallback>Around the web</div></amp-embed><p>After the ad.</p>"#;
    let cut = super::strip_inert(page);
    assert!(cut.contains("Before the ad.") && cut.contains("After the ad."));
    for furniture in ["Loading ad", "Ads keep us free", "Around the web"] {
        assert!(!cut.contains(furniture), "{furniture:?} in {cut:?}");
    }
    let unclosed = super::strip_inert(r#"<amp-ad width="300"><p>The body goes on.</p>"#);
    assert!(unclosed.contains("The body goes on."), "{unclosed:?}");
}

#[test]
fn a_page_of_divs_is_never_repeated() {
    // rs-trafilatura's fallbacks return this page's text three times with the title
    // glued in; an extractor can only select, so the body's own text is kept.
    let page = b"<!DOCTYPE html><html><head><title>Note</title></head><body>\
        <div>Hi,<br>the figures are attached.</div><div>Lela</div></body></html>";
    let d = extract_file(page, "note.html", SourceFormat::Html).unwrap();
    assert_eq!(d.text, "Hi,\n\nthe figures are attached.\n\nLela");
    assert!(d
        .warnings
        .iter()
        .any(|w| w.contains("could not be told from the rest")));
}

#[test]
fn the_headline_is_not_repeated_as_the_first_paragraph() {
    // A short page of nested divs: the extractor's fallback keeps the heading as text.
    let page = "<!DOCTYPE html><html lang=en><head><title>Talks on the river border resume</title>\
        </head><body><div><h1>Talks on the river border resume</h1><div>Negotiators met again on \
        Monday to settle the line of the river border, the ministry said.</div></div></body></html>";
    let d = extract_file(page.as_bytes(), "talks.html", SourceFormat::Html).unwrap();
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Talks on the river border resume")
    );
    assert_eq!(
        d.text,
        "Negotiators met again on Monday to settle the line of the river border, the ministry said."
    );
}
