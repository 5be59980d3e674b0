//! E-mail, mailbox and MHTML import: our own messages (`tests/fixtures/corridor.eml`,
//! `border-brief.mbox`, `corridor.mhtml`, written for these tests) and messages built here.

use crate::mail::{is_mbox, is_message, mbox_entries, message};
use crate::test_support::{import_one, non_ws, repo_file};
use crate::{extract, import_file, ImportError};
use attest_core::SourceFormat;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(repo_file(&format!("tests/fixtures/{name}"))).unwrap()
}

fn corridor() -> String {
    std::fs::read_to_string(repo_file("tests/fixtures/corridor.txt")).unwrap()
}

/// The five paragraphs of the corridor article after its pull quote and byline.
fn corridor_body() -> Vec<String> {
    corridor()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .skip(2)
        .map(str::to_owned)
        .collect()
}

/// A one-part message with the given extra headers and body.
fn mail(headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Lela Chikovani <lela@example.ge>\r\nTo: analyst@example.com\r\nDate: Thu, 16 May 2024 08:00:00 +0400\r\nMessage-ID: <t-1@example.ge>\r\nMIME-Version: 1.0\r\n{headers}\r\n{body}"
    )
    .into_bytes()
}

// --- e-mail -------------------------------------------------------------------------

#[test]
fn a_newsletter_reads_its_plain_text_part_verbatim_with_its_metadata() {
    let imported = import_one(&repo_file("tests/fixtures/corridor.eml")).unwrap();
    assert_eq!(imported.source.name, "corridor.eml");
    assert_eq!(imported.source.bytes, fixture("corridor.eml"));
    let d = imported.draft;
    assert_eq!(d.format, SourceFormat::Email);
    // The quoted-printable UTF-8 part, decoded: every character, in order.
    assert_eq!(non_ws(&d.text), non_ws(&corridor()));
    // The HTML alternative (with its unsubscribe footer) is not read.
    assert!(!d.text.contains("Unsubscribe"), "{}", d.text);
    let m = &d.meta;
    // The byline printed in the text outranks the sender, who is the outlet here.
    assert_is_the_border_brief(m);
    assert_eq!(m.published.as_deref(), Some("2024-05-14T07:30:00+03:00"));
    assert_eq!(m.url, None);
    assert!(d
        .fallback_title
        .starts_with("Turkey’s Trade Minister Selin Aydın said on Tuesday"));
    assert_eq!(
        d.warnings,
        vec!["attachments are not imported: corridor-map.pdf".to_owned()]
    );
}

#[test]
fn a_personal_message_is_bylined_by_its_sender() {
    let bytes = mail(
        "Subject: Re: AW: Sarp queue figures\r\nContent-Type: text/plain; charset=utf-8\r\n",
        "The customs office says the average wait at Sarp fell from nine hours to two in the second week of May.\r\n",
    );
    let d = message(&bytes, "note.eml").unwrap();
    assert_eq!(d.meta.title.as_deref(), Some("Sarp queue figures"));
    assert_eq!(d.meta.byline.as_deref(), Some("Lela Chikovani"));
    assert_eq!(d.meta.outlet, None);
    assert_eq!(
        d.meta.published.as_deref(),
        Some("2024-05-16T08:00:00+04:00")
    );
    assert_eq!(
        d.text,
        "The customs office says the average wait at Sarp fell from nine hours to two in the second week of May."
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn a_forwarded_message_leaves_the_forwarders_name_and_date_out() {
    let bytes = mail(
        "Subject: Fwd: Corridor opens in June\r\nContent-Type: text/plain; charset=utf-8\r\n",
        "---------- Forwarded message ---------\r\nThe corridor between Turkey and Georgia opens to freight in June, both ministries said.\r\n",
    );
    let d = message(&bytes, "fwd.eml").unwrap();
    assert_eq!(d.meta.title.as_deref(), Some("Corridor opens in June"));
    assert_eq!(d.meta.byline, None);
    assert_eq!(d.meta.published, None);
    assert!(
        d.warnings.iter().any(|w| w.contains("forwarded")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn a_newsletter_without_list_id_is_named_by_its_sender() {
    let bytes = "From: The Border Brief <brief@news.example.org>\r\nSubject: Morning edition\r\nDate: Fri, 17 May 2024 06:00:00 +0300\r\nList-Unsubscribe: <https://news.example.org/u>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBy Mariam Gelashvili\r\nBATUMI: The city council approved a second lorry park on Friday.\r\n";
    let d = message(bytes.as_bytes(), "brief.eml").unwrap();
    assert_eq!(d.meta.outlet.as_deref(), Some("The Border Brief"));
    assert_eq!(d.meta.byline.as_deref(), Some("Mariam Gelashvili"));
    assert_eq!(d.meta.dateline.as_deref(), Some("BATUMI"));
    assert_eq!(d.meta.title.as_deref(), Some("Morning edition"));
}

#[test]
fn an_html_only_message_is_read_without_its_scripts() {
    let html = "<html><head><script>var tracking = 'pixel';</script><style>p{color:red}</style></head><body><table><tr><td><p>TBILISI: The government approved the corridor agreement on Friday, clearing the way for joint inspections at the Sarp crossing from June.</p><p>The agreement still needs the approval of parliament, which meets next week to debate it.</p><img src=\"https://example.org/pixel.gif\" onerror=\"alert(1)\"></td></tr></table></body></html>";
    let bytes = mail(
        "Subject: Agreement approved\r\nContent-Type: text/html; charset=utf-8\r\n",
        html,
    );
    let d = message(&bytes, "html.eml").unwrap();
    assert!(
        d.text.starts_with("TBILISI: The government approved"),
        "{}",
        d.text
    );
    assert!(d.text.contains("debate it."), "{}", d.text);
    for bad in ["tracking", "color:red", "alert", "<p>", "pixel"] {
        assert!(!d.text.contains(bad), "{bad:?} in {}", d.text);
    }
    assert_eq!(d.meta.dateline.as_deref(), Some("TBILISI"));
}

#[test]
fn a_short_html_message_keeps_all_its_text() {
    // Too short for the body extractor: the whole body is read instead.
    let bytes = mail(
        "Subject: Quick one\r\nContent-Type: text/html; charset=utf-8\r\n",
        "<div>Hi,<br>the figures are attached.</div><div>Lela</div>",
    );
    let d = message(&bytes, "short.eml").unwrap();
    assert_eq!(
        non_ws(&d.text),
        non_ws("Hi, the figures are attached. Lela")
    );
}

#[test]
fn a_wrongly_declared_charset_is_detected_never_replaced() {
    // Says UTF-8, is Windows-1252: no U+FFFD reaches the text.
    let mut bytes = mail(
        "Subject: Cafe\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n",
        "",
    );
    bytes.extend(b"The caf\xe9 by the border post reopened on Monday, its owner said, \x93after nine months of queues.\x94\r\n");
    let d = message(&bytes, "cafe.eml").unwrap();
    assert!(!d.text.contains('\u{FFFD}'));
    assert_eq!(
        d.text,
        "The café by the border post reopened on Monday, its owner said, “after nine months of queues.”"
    );
    assert!(
        d.warnings.iter().any(|w| w.contains("says it is UTF-8")),
        "{:?}",
        d.warnings
    );
}

#[test]
fn careless_quoted_printable_is_decoded_leniently() {
    // A bare "=" and Latin-1 bytes under a UTF-8 label: decoded again, strictly.
    let bytes = mail(
        "Subject: Prices\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n",
        "A caf=E9 au lait at the border costs 2 = 2 lari, the owner of the stall sa=\r\nid on Monday.\r\n",
    );
    let d = message(&bytes, "qp.eml").unwrap();
    assert_eq!(
        d.text,
        "A café au lait at the border costs 2 = 2 lari, the owner of the stall said on Monday."
    );
}

#[test]
fn format_flowed_lines_are_joined_into_paragraphs() {
    let bytes = mail(
        "Subject: Flowed\r\nContent-Type: text/plain; charset=utf-8; format=flowed\r\n",
        "The ministry said the corridor \r\nwould open in June, and that \r\n inspections would be shared.\r\n\r\nA second paragraph.\r\n",
    );
    let d = message(&bytes, "flowed.eml").unwrap();
    assert_eq!(
        d.text,
        "The ministry said the corridor would open in June, and that inspections would be shared.\n\nA second paragraph."
    );
}

#[test]
fn encrypted_mail_is_refused_as_such() {
    let bytes = mail(
        "Subject: Secret\r\nContent-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"b\"\r\n",
        "--b\r\nContent-Type: application/pgp-encrypted\r\n\r\nVersion: 1\r\n--b\r\nContent-Type: application/octet-stream\r\n\r\n-----BEGIN PGP MESSAGE-----\r\nhQEMA\r\n-----END PGP MESSAGE-----\r\n--b--\r\n",
    );
    assert_eq!(
        message(&bytes, "secret.eml").unwrap_err(),
        ImportError::PasswordProtected
    );
}

#[test]
fn messages_without_text_are_clear_errors() {
    let headers_only = mail("Subject: Nothing\r\n", "");
    assert_eq!(
        message(&headers_only, "x.eml").unwrap_err(),
        ImportError::Blank
    );
    let only_attachment = mail(
        "Subject: Scan\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n",
        "--b\r\nContent-Type: application/pdf; name=\"scan.pdf\"\r\nContent-Disposition: attachment; filename=\"scan.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n",
    );
    assert_eq!(
        message(&only_attachment, "x.eml").unwrap_err(),
        ImportError::NoArticle
    );
    assert_eq!(message(b"", "x.eml").unwrap_err(), ImportError::Empty);
    assert_eq!(
        message(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "x.eml").unwrap_err(),
        ImportError::NotText {
            kind: "a PNG image"
        }
    );
    let err = message(b"Dear all, the meeting moved to Tuesday.\n", "x.eml").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the file is damaged: it does not start with the header lines of an e-mail or web archive"
    );
}

#[test]
fn a_truncated_message_imports_what_is_there_and_says_so() {
    let whole = fixture("corridor.eml");
    let text = String::from_utf8(whole.clone()).unwrap();
    // Cut inside the plain-text part: its first paragraphs are read.
    let cut = text.find("Speaking after").unwrap();
    let d = message(&whole[..cut], "cut.eml").unwrap();
    assert!(
        d.text.contains("ANKARA: Turkey’s Trade Minister"),
        "{}",
        d.text
    );
    assert!(!d.text.contains("Hauliers"));
    assert!(
        non_ws(&corridor()).starts_with(&non_ws(&d.text)),
        "{}",
        d.text
    );
    assert!(
        d.warnings.iter().any(|w| w.contains("cut short")),
        "{:?}",
        d.warnings
    );
    // Cut inside the headers: no body at all.
    let cut = text.find("MIME-Version").unwrap();
    let err = message(&whole[..cut], "cut.eml").unwrap_err();
    assert!(
        matches!(err, ImportError::Blank | ImportError::NoArticle),
        "{err:?}"
    );
}

// --- web archives -------------------------------------------------------------------

#[test]
fn an_mhtml_page_is_read_as_the_saved_page() {
    let imported = import_one(&repo_file("tests/fixtures/corridor.mhtml")).unwrap();
    let d = imported.draft;
    assert_eq!(d.format, SourceFormat::Mhtml);
    for p in corridor_body() {
        assert!(d.text.contains(&p), "missing {p:?} in {}", d.text);
    }
    for furniture in [
        "Subscribe to the newsletter",
        "dataLayer",
        "font-family",
        "More from the border",
        "All rights reserved",
        "addEventListener",
    ] {
        assert!(!d.text.contains(furniture), "{furniture:?} in {}", d.text);
    }
    let m = &d.meta;
    assert_is_the_border_brief(m);
    // No canonical link in the page: the address it was saved from.
    assert_eq!(
        m.url.as_deref(),
        Some("https://news.example.org/2024/05/14/corridor-to-open")
    );
    // The date the page was saved is not the article's.
    assert_eq!(m.published, None);
}

#[test]
fn a_canonical_link_outranks_the_saved_address_and_any_name_works() {
    let page = "<html><head><title>Lorry park opens</title><link rel=\"canonical\" href=\"https://example.org/lorry-park\"></head><body><article><p>BATUMI: A second lorry park opened on the edge of the city on Monday, with room for three hundred trucks waiting for the border.</p><p>The city said the park would stay open through the harvest season and charge nothing for the first night.</p></article></body></html>";
    let bytes = format!(
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/lorry-park?utm=x\r\nSubject: Lorry park opens\r\nDate: Mon, 20 May 2024 10:00:00 +0400\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/html\r\nContent-Location: https://example.org/lorry-park?utm=x\r\n\r\n{page}\r\n--B--\r\n"
    );
    // Named `.txt`: told apart by its content.
    let d = extract(bytes.as_bytes(), "saved.txt", SourceFormat::Text).unwrap();
    assert_eq!(d.format, SourceFormat::Mhtml);
    assert_eq!(
        d.meta.url.as_deref(),
        Some("https://example.org/lorry-park")
    );
    assert_eq!(d.meta.title.as_deref(), Some("Lorry park opens"));
    assert!(d.text.contains("three hundred trucks"));
}

#[test]
fn an_mhtml_part_without_a_charset_is_read_by_its_meta_charset() {
    let bytes = b"From: <Saved by Windows Internet Explorer 8>\r\nSubject: Cafe\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\nContent-Location: https://example.org/cafe\r\n\r\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Caf\xe9 at the border</title></head><body><article><p>SARP: The caf\xe9 by the border post reopened on Monday after nine months, its owner said, and the drivers came back the same day.</p><p>\x93We never closed the kitchen,\x94 she said.</p></article></body></html>\r\n--B--\r\n";
    let d = message(bytes, "cafe.mht").unwrap();
    assert!(d.text.contains("The café by the border post"), "{}", d.text);
    assert!(
        d.text.contains("“We never closed the kitchen,”"),
        "{}",
        d.text
    );
    assert_eq!(d.meta.title.as_deref(), Some("Café at the border"));
    assert_eq!(d.meta.url.as_deref(), Some("https://example.org/cafe"));
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

// --- mailboxes ----------------------------------------------------------------------

#[test]
fn a_mailbox_gives_one_article_per_message() {
    let entries = import_file(&repo_file("tests/fixtures/border-brief.mbox"));
    let parts: Vec<_> = entries.iter().map(|e| e.part.clone().unwrap()).collect();
    assert_eq!(
        parts,
        [
            "message 1: Port of Poti adds a night shift",
            "message 2: Hauliers ask for a joint timetable",
            "message 3: Notes from Sarp",
        ]
    );
    let ok: Vec<_> = entries
        .into_iter()
        .map(|e| e.result.expect("each message reads"))
        .collect();
    for (i, imported) in ok.iter().enumerate() {
        assert_eq!(imported.source.name, format!("border-brief-{}.eml", i + 1));
        assert!(imported.source.bytes.starts_with(b"From: "));
        assert_eq!(imported.draft.format, SourceFormat::Email);
    }

    // 1: UTF-8, 8 bit; a body line "From …" that escaped quoting does not split the
    // message, and ">>From" is unquoted once (mboxrd).
    let one = &ok[0].draft;
    assert!(
        one.text.contains("\nFrom the port's point of view"),
        "{}",
        one.text
    );
    assert!(
        one.text.contains("\n>From the archives: the port"),
        "{}",
        one.text
    );
    assert_eq!(one.meta.byline.as_deref(), Some("Nino Beridze"));
    assert_eq!(one.meta.dateline.as_deref(), Some("POTI"));
    assert_eq!(
        one.meta.published.as_deref(),
        Some("2024-05-13T18:02:11+04:00")
    );

    // 2: an HTML body in base64, script and masthead left out.
    let two = &ok[1].draft;
    assert!(
        two.text
            .contains("“A corridor without a timetable is a promise, not a road,” said Elif Demir"),
        "{}",
        two.text
    );
    assert!(!two.text.contains("window.track"));
    assert_eq!(two.meta.dateline.as_deref(), Some("TRABZON"));
    assert_eq!(
        two.meta.title.as_deref(),
        Some("Hauliers ask for a joint timetable")
    );

    // 3: Windows-1252, quoted-printable.
    let three = &ok[2].draft;
    assert!(three
        .text
        .contains("“Two hours instead of nine,” one driver said."));
    assert!(three.text.contains("Café owners"));
    assert!(!three.text.contains('\u{FFFD}'));
}

#[test]
fn only_a_dated_from_line_followed_by_headers_starts_a_message() {
    let mbox = b"From jane@example.org Tue May 14 06:15:00 2024\nFrom: Jane <jane@example.org>\nSubject: Schedule\nDate: Tue, 14 May 2024 09:15:00 +0300\n\nThe crossing changes its hours next week.\nFrom Monday on, lorries enter at 6.\nNote: buses keep their hours.\n";
    let entries = mbox_entries(mbox, "one.mbox");
    assert_eq!(entries.len(), 1);
    let d = &entries[0].result.as_ref().unwrap().draft;
    assert!(
        d.text
            .ends_with("From Monday on, lorries enter at 6.\nNote: buses keep their hours."),
        "{}",
        d.text
    );
}

#[test]
fn a_broken_message_does_not_stop_the_others() {
    let mbox = fixture("border-brief.mbox");
    let text = String::from_utf8(mbox).unwrap();
    let second = text.find("From desk@").unwrap();
    let third = text.find("From g.kapanadze@").unwrap();
    let broken = "From x@example.org Tue May 14 06:20:00 2024\nFrom: X <x@example.org>\nSubject: Corrupted\nDate: Tue, 14 May 2024 09:20:00 +0300\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n\n";
    let bytes = format!("{}{broken}{}", &text[..second], &text[third..]);
    let entries = mbox_entries(bytes.as_bytes(), "mixed.mbox");
    assert_eq!(entries.len(), 3);
    assert!(entries[0].result.is_ok());
    assert_eq!(entries[1].part.as_deref(), Some("message 2: Corrupted"));
    assert_eq!(
        entries[1].result.as_ref().unwrap_err(),
        &ImportError::Binary
    );
    assert_eq!(
        entries[2].part.as_deref(),
        Some("message 3: Notes from Sarp")
    );
    assert!(entries[2].result.is_ok());
}

// --- recognising messages -----------------------------------------------------------

#[test]
fn messages_are_told_from_articles_by_their_headers() {
    for yes in [
        fixture("corridor.eml"),
        fixture("corridor.mhtml"),
        b"From: Jane <jane@example.org>\nSubject: Notes\n\nBody".to_vec(),
        b"Received: from a by b; Tue, 14 May 2024\n\tfolded\nX-Spam: no\n\nBody".to_vec(),
        b"Subject: Notes\r\nDate: Tue, 14 May 2024 07:30:00 +0300\r\n\r\nBody".to_vec(),
        b"MIME-Version: 1.0\nContent-Type: text/plain".to_vec(),
    ] {
        assert!(is_message(&yes), "{:?}", String::from_utf8_lossy(&yes));
        assert!(!is_mbox(&yes));
    }
    for no in [
        b"Subject: budget\n\nThe minister said the budget would pass.".to_vec(),
        b"Date: 12 May 2024\nSource: Reuters\n\nThe minister said.".to_vec(),
        b"From: Jane\n\nHello".to_vec(),
        b"From: Jane\nTo: Bob\n\nHello".to_vec(),
        b"Title: Notes\nFrom: the ministry\nThe minister said: no.\n\nBody".to_vec(),
        b"---\ntitle: x\n---\nBody".to_vec(),
        b"".to_vec(),
        b"\n\nFrom: a@b.c\nMIME-Version: 1.0\n\n".to_vec(),
        fixture("corridor.txt"),
        fixture("budget-note.md"),
        fixture("border-brief.mbox"),
    ] {
        assert!(!is_message(&no), "{:?}", String::from_utf8_lossy(&no));
    }
    assert!(is_mbox(&fixture("border-brief.mbox")));
    assert!(!is_mbox(b"From the archives: a note.\nIt was cold.\n"));
    assert!(!is_mbox(
        b"From the archives\nSubject: x\n\nno strong header"
    ));
    assert!(!is_mbox(
        b"From the desk of the editor\nFrom: a@b.c\nMIME-Version: 1.0\n\nBody"
    ));
    assert!(is_mbox(
        b"From - Tue May 14 06:15:00 2024\nFrom: a@b.c\nMIME-Version: 1.0\n\nBody"
    ));
}

#[test]
fn a_text_file_holding_a_message_is_read_as_one() {
    let d = extract(&fixture("corridor.eml"), "saved.txt", SourceFormat::Text).unwrap();
    assert_eq!(d.format, SourceFormat::Email);
    assert_eq!(non_ws(&d.text), non_ws(&corridor()));
    // A message saved with its mailbox separator line.
    let mut bytes = b"From brief@news.example.org Tue May 14 04:30:02 2024\n".to_vec();
    bytes.extend(fixture("corridor.eml"));
    let d = message(&bytes, "saved.eml").unwrap();
    assert_eq!(non_ws(&d.text), non_ws(&corridor()));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn mutate(
        mut bytes: Vec<u8>,
        flips: Vec<(prop::sample::Index, u8)>,
        cut: prop::sample::Index,
    ) -> Vec<u8> {
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        let keep = cut.index(bytes.len() + 1).max(bytes.len() / 3);
        bytes.truncate(keep);
        bytes
    }

    proptest! {
        #[test]
        fn never_panics_on_any_bytes(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            head in 0..4usize,
        ) {
            let mut bytes = bytes;
            let prefix: &[u8] = match head {
                0 => b"",
                1 => b"From: a@b.c\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\n",
                2 => b"From a@b.c Mon May 13 14:02:11 2024\nFrom: a@b.c\nSubject: s\n",
                _ => b"From: <Saved by Blink>\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\n\n",
            };
            bytes.splice(0..0, prefix.iter().copied());
            let _ = is_message(&bytes);
            let _ = is_mbox(&bytes);
            let _ = message(&bytes, "x.eml");
            let _ = message(&bytes, "x.mhtml");
            let _ = mbox_entries(&bytes, "x.mbox");
        }

        #[test]
        fn damaged_fixtures_never_panic(
            flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
            cut in any::<prop::sample::Index>(),
            which in 0..3usize,
        ) {
            let name = ["corridor.eml", "corridor.mhtml", "border-brief.mbox"][which];
            let bytes = mutate(fixture(name), flips, cut);
            let _ = is_message(&bytes);
            let _ = message(&bytes, name);
            let _ = mbox_entries(&bytes, name);
            for entry in crate::extract_entries(bytes, name, SourceFormat::Email) {
                if let Ok(imported) = entry.result {
                    prop_assert!(!imported.draft.text.trim().is_empty());
                }
            }
        }

        #[test]
        fn any_text_in_a_message_is_kept(text in "\\PC{1,200}") {
            let bytes = mail(
                "Subject: t\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n",
                &text,
            );
            if let Ok(d) = message(&bytes, "x.eml") {
                prop_assert_eq!(non_ws(&d.text), non_ws(&text));
            } else {
                prop_assert!(text.trim().is_empty());
            }
        }
    }
}

/// The corridor story as The Border Brief sent it (e-mail) and printed it (saved page).
fn assert_is_the_border_brief(m: &attest_core::ArticleMeta) {
    assert_eq!(
        m.title.as_deref(),
        Some("Corridor to Georgia will open within weeks, Aydın says")
    );
    assert_eq!(m.byline.as_deref(), Some("Staff Reporter"));
    assert_eq!(m.outlet.as_deref(), Some("The Border Brief"));
    assert_eq!(m.dateline.as_deref(), Some("ANKARA"));
    assert_eq!(m.language.as_deref(), Some("en"));
}
