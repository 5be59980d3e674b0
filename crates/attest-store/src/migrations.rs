//! Versioned schema migrations, tracked in `PRAGMA user_version`. Each migration runs
//! in its own transaction; append new ones, never edit a shipped one.

use crate::{Result, StoreError};
use rusqlite::Connection;
use std::path::Path;

const MIGRATIONS: &[&str] = &[
    // 1: the first notebook schema.
    r#"
    CREATE TABLE articles (
        id             INTEGER PRIMARY KEY,
        title          TEXT,
        fallback_title TEXT NOT NULL,
        byline         TEXT,
        outlet         TEXT,
        published      TEXT,
        dateline       TEXT,
        language       TEXT,
        url            TEXT,
        text           TEXT NOT NULL,
        content_hash   TEXT NOT NULL UNIQUE,
        format         TEXT NOT NULL,
        source_name    TEXT NOT NULL,
        source_path    TEXT NOT NULL,
        imported_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );

    -- The original file, kept for provenance and re-extraction; apart from `articles`
    -- so that listing articles never reads the blobs.
    CREATE TABLE article_sources (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        bytes      BLOB NOT NULL,
        sha256     TEXT NOT NULL
    );

    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content = 'articles', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.id, coalesce(new.title, new.fallback_title), new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, old.fallback_title), old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, old.fallback_title), old.text);
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.id, coalesce(new.title, new.fallback_title), new.text);
    END;

    CREATE TABLE annotations (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        end        INTEGER NOT NULL CHECK (end > start),
        exact      TEXT NOT NULL,
        prefix     TEXT NOT NULL,
        suffix     TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX annotations_article ON annotations(article_id);

    CREATE TABLE actors (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind       TEXT NOT NULL CHECK (kind IN
                     ('person', 'organization', 'state', 'party', 'media_outlet', 'other')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE actor_aliases (
        id       INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        alias    TEXT NOT NULL COLLATE NOCASE,
        UNIQUE (actor_id, alias)
    );

    CREATE TABLE statements (
        id         INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
        status     TEXT NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX statements_article ON statements(article_id);
    -- Anchored spans of a statement: the speaker mention, the cue, the content parts.
    CREATE TABLE statement_spans (
        statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('speaker', 'cue', 'content')),
        ord          INTEGER NOT NULL,
        start        INTEGER NOT NULL,
        end          INTEGER NOT NULL CHECK (end > start),
        exact        TEXT NOT NULL,
        prefix       TEXT NOT NULL,
        suffix       TEXT NOT NULL,
        PRIMARY KEY (statement_id, role, ord)
    );
    -- Actors on a statement, by role (speakers now; addressees and targets later).
    CREATE TABLE statement_actors (
        statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('speaker')),
        ord          INTEGER NOT NULL,
        PRIMARY KEY (statement_id, role, actor_id)
    );
    CREATE INDEX statement_actors_actor ON statement_actors(actor_id);

    CREATE TABLE dossiers (
        id          INTEGER PRIMARY KEY,
        title       TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    -- Ordered items; a deleted statement or passage leaves its item behind (shown as
    -- missing) so the analyst's commentary is not lost with it.
    CREATE TABLE dossier_items (
        id            INTEGER PRIMARY KEY,
        dossier_id    INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        kind          TEXT NOT NULL CHECK (kind IN ('statement', 'annotation', 'commentary')),
        statement_id  INTEGER REFERENCES statements(id) ON DELETE SET NULL,
        annotation_id INTEGER REFERENCES annotations(id) ON DELETE SET NULL,
        commentary    TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX dossier_items_dossier ON dossier_items(dossier_id, position);
    "#,
    // 2: near-duplicates. Each article's MinHash signature, its LSH band keys (an
    // article is a candidate for another when one key is equal), and the links found.
    r#"
    CREATE TABLE article_signatures (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        signature  BLOB NOT NULL
    );
    CREATE TABLE article_bands (
        band_key   INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    );
    CREATE INDEX article_bands_key ON article_bands(band_key);
    CREATE INDEX article_bands_article ON article_bands(article_id);
    -- Stored once per pair, the newer article first.
    CREATE TABLE related_articles (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        related_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        similarity REAL NOT NULL,
        PRIMARY KEY (article_id, related_id)
    );
    CREATE INDEX related_articles_related ON related_articles(related_id);
    "#,
    // 3: dossiers grow up. Statements get a stance and topic tags; a dossier may be a
    // saved query; items may be whole articles or section headings; the notebook keeps
    // settings (the citation style).
    r#"
    ALTER TABLE statements ADD COLUMN stance TEXT
        CHECK (stance IN ('supports', 'opposes', 'neutral'));
    CREATE TABLE statement_topics (
        statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        topic        TEXT NOT NULL COLLATE NOCASE,
        ord          INTEGER NOT NULL,
        PRIMARY KEY (statement_id, topic)
    );
    CREATE INDEX statement_topics_topic ON statement_topics(topic);

    ALTER TABLE dossiers ADD COLUMN query TEXT;

    CREATE TABLE dossier_items_v3 (
        id            INTEGER PRIMARY KEY,
        dossier_id    INTEGER NOT NULL REFERENCES dossiers(id) ON DELETE CASCADE,
        position      INTEGER NOT NULL,
        kind          TEXT NOT NULL
                      CHECK (kind IN ('statement', 'annotation', 'article', 'section', 'commentary')),
        statement_id  INTEGER REFERENCES statements(id) ON DELETE SET NULL,
        annotation_id INTEGER REFERENCES annotations(id) ON DELETE SET NULL,
        article_id    INTEGER REFERENCES articles(id) ON DELETE SET NULL,
        title         TEXT NOT NULL DEFAULT '',
        commentary    TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO dossier_items_v3 (id, dossier_id, position, kind, statement_id, annotation_id, commentary)
        SELECT id, dossier_id, position, kind, statement_id, annotation_id, commentary FROM dossier_items;
    DROP TABLE dossier_items;
    ALTER TABLE dossier_items_v3 RENAME TO dossier_items;
    CREATE INDEX dossier_items_dossier ON dossier_items(dossier_id, position);

    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 4: the actor registry and mentions. Aliases get flags (weak, metonym, demonym,
    // disabled); actors get notes, a Wikidata id, a colour, the gazetteer code of a state
    // loaded from it, and `merged_into` (a merged actor's row is kept, with the links
    // the merge moved, so that it can be unmerged); roles with dates; membership of one
    // actor in another; and the mentions found in every article.
    r#"
    ALTER TABLE actors ADD COLUMN notes TEXT NOT NULL DEFAULT '';
    ALTER TABLE actors ADD COLUMN wikidata TEXT CHECK (wikidata GLOB 'Q[1-9]*'
        AND substr(wikidata, 2) NOT GLOB '*[^0-9]*');
    ALTER TABLE actors ADD COLUMN colour TEXT CHECK (length(colour) = 7
        AND colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]');
    ALTER TABLE actors ADD COLUMN gazetteer TEXT;
    ALTER TABLE actors ADD COLUMN merged_into INTEGER REFERENCES actors(id) ON DELETE SET NULL;
    CREATE INDEX actors_gazetteer ON actors(gazetteer);

    ALTER TABLE actor_aliases ADD COLUMN weak INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE actor_aliases ADD COLUMN metonym INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE actor_aliases ADD COLUMN demonym INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE actor_aliases ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE actor_roles (
        id          INTEGER PRIMARY KEY,
        actor_id    INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        title       TEXT NOT NULL CHECK (trim(title) <> ''),
        of_actor_id INTEGER REFERENCES actors(id) ON DELETE SET NULL,
        start_date  TEXT,
        end_date    TEXT
    );
    CREATE INDEX actor_roles_actor ON actor_roles(actor_id);
    CREATE INDEX actor_roles_of ON actor_roles(of_actor_id);

    -- An organisation in a state, a ministry in a government: member → group.
    CREATE TABLE actor_memberships (
        id        INTEGER PRIMARY KEY,
        member_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        group_id  INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        CHECK (member_id <> group_id),
        UNIQUE (member_id, group_id)
    );
    CREATE INDEX actor_memberships_group ON actor_memberships(group_id);

    -- A merge of `merged_id` into `into_id`: what the kept actor's own fields were, and
    -- (in actor_merge_links) every row the merge moved or added, to undo it exactly.
    CREATE TABLE actor_merges (
        id           INTEGER PRIMARY KEY,
        merged_id    INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        into_id      INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        into_notes   TEXT NOT NULL,
        into_wikidata TEXT,
        into_colour  TEXT,
        merged_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX actor_merges_merged ON actor_merges(merged_id);
    CREATE TABLE actor_merge_links (
        merge_id INTEGER NOT NULL REFERENCES actor_merges(id) ON DELETE CASCADE,
        link     TEXT NOT NULL CHECK (link IN ('alias_moved', 'alias_added', 'role_moved',
                     'role_of_moved', 'member_moved', 'group_moved', 'speaker_moved',
                     'speaker_dropped')),
        row_id   INTEGER NOT NULL,
        role     TEXT,
        ord      INTEGER
    );
    CREATE INDEX actor_merge_links_merge ON actor_merge_links(merge_id);

    -- Found by the mention finder; derived from articles and aliases, so replaced
    -- whenever they change. Offsets in code points of the article's text.
    CREATE TABLE mentions (
        article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id      INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        start         INTEGER NOT NULL,
        end           INTEGER NOT NULL CHECK (end > start),
        alias_id      INTEGER REFERENCES actor_aliases(id) ON DELETE SET NULL,
        resolved_from INTEGER,
        PRIMARY KEY (article_id, start, actor_id)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_actor ON mentions(actor_id, article_id);
    -- Articles stored before: their mentions are found when the notebook next opens.
    INSERT INTO settings (key, value) SELECT 'mentions_pending', '1'
        WHERE EXISTS (SELECT 1 FROM articles) AND EXISTS (SELECT 1 FROM actors);
    "#,
    // 5: proposed statements. A statement gets the extractor's confidence (NULL for
    // one the analyst made), the words it was reported through ("a statement released by
    // the ministry") and its own date (NULL: the article's). Actors on a statement may
    // be addressees and targets as well as speakers: SQLite cannot alter a CHECK, so
    // `statement_actors` is rebuilt with its rows.
    r#"
    ALTER TABLE statements ADD COLUMN confidence REAL
        CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1));
    ALTER TABLE statements ADD COLUMN reported_via TEXT;
    ALTER TABLE statements ADD COLUMN date TEXT;
    CREATE INDEX statements_status ON statements(status);

    CREATE TABLE statement_actors_v5 (
        statement_id INTEGER NOT NULL REFERENCES statements(id) ON DELETE CASCADE,
        actor_id     INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        role         TEXT NOT NULL CHECK (role IN ('speaker', 'addressee', 'target')),
        ord          INTEGER NOT NULL,
        PRIMARY KEY (statement_id, role, actor_id)
    );
    INSERT INTO statement_actors_v5 (statement_id, actor_id, role, ord)
        SELECT statement_id, actor_id, role, ord FROM statement_actors;
    DROP TABLE statement_actors;
    ALTER TABLE statement_actors_v5 RENAME TO statement_actors;
    CREATE INDEX statement_actors_actor ON statement_actors(actor_id);
    "#,
    // 6: re-attachable anchors and tags. When an article's text is replaced (a corrected
    // file re-imported), every anchor is found again and keeps how: at the same place,
    // moved, or needing the analyst's review (with the re-attachment's score). Tags on
    // highlights are paths ("Economy/Trade"), each with an optional colour.
    r#"
    ALTER TABLE annotations ADD COLUMN anchor_status TEXT NOT NULL DEFAULT 'ok'
        CHECK (anchor_status IN ('ok', 'moved', 'needs_review'));
    ALTER TABLE annotations ADD COLUMN anchor_score REAL NOT NULL DEFAULT 1
        CHECK (anchor_score BETWEEN 0 AND 1);
    ALTER TABLE statement_spans ADD COLUMN anchor_status TEXT NOT NULL DEFAULT 'ok'
        CHECK (anchor_status IN ('ok', 'moved', 'needs_review'));
    ALTER TABLE statement_spans ADD COLUMN anchor_score REAL NOT NULL DEFAULT 1
        CHECK (anchor_score BETWEEN 0 AND 1);
    CREATE INDEX annotations_needs_review ON annotations(article_id)
        WHERE anchor_status = 'needs_review';
    CREATE INDEX statement_spans_needs_review ON statement_spans(statement_id)
        WHERE anchor_status = 'needs_review';
    CREATE TABLE tags (
        id     INTEGER PRIMARY KEY,
        path   TEXT NOT NULL UNIQUE COLLATE NOCASE,
        colour TEXT
    );
    CREATE TABLE annotation_tags (
        annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (annotation_id, tag_id)
    );
    CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
    "#,
    // 7: the trash. A deleted annotation, statement, actor, dossier or article keeps
    // here the statements that put it back with what was deleted along with it (a JSON
    // array of {table, row, sql}, run in order), until the trash is emptied.
    r#"
    CREATE TABLE trash (
        id         INTEGER PRIMARY KEY,
        kind       TEXT NOT NULL
                   CHECK (kind IN ('annotation', 'statement', 'actor', 'dossier', 'article')),
        item_id    INTEGER NOT NULL,
        label      TEXT NOT NULL,
        deleted_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        restore    TEXT NOT NULL
    );
    "#,
    // 8: search over notes and statements. Each has its own FTS5 index with the
    // articles' tokenizer (diacritics folded), holding its own copy of the words so that
    // a trigger can always delete exactly what it indexed. A statement's words are its
    // content spans' `exact`, in order, one line each (`search.rs` maps a match back to
    // the article through the same join, and checks it). Aggregates read an ordered
    // subquery rather than `group_concat(… ORDER BY …)`, so that SQLite before 3.44
    // (an analyst's `sqlite3` shell) can still read the schema.
    r#"
    CREATE VIRTUAL TABLE notes_fts USING fts5(
        note, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER notes_fts_insert AFTER INSERT ON annotations WHEN new.note <> '' BEGIN
        INSERT INTO notes_fts(rowid, note) VALUES (new.id, new.note);
    END;
    CREATE TRIGGER notes_fts_delete AFTER DELETE ON annotations BEGIN
        DELETE FROM notes_fts WHERE rowid = old.id;
    END;
    CREATE TRIGGER notes_fts_update AFTER UPDATE OF id, note ON annotations BEGIN
        DELETE FROM notes_fts WHERE rowid = old.id;
        INSERT INTO notes_fts(rowid, note) SELECT new.id, new.note WHERE new.note <> '';
    END;
    INSERT INTO notes_fts(rowid, note) SELECT id, note FROM annotations WHERE note <> '';

    CREATE VIRTUAL TABLE statements_fts USING fts5(
        content, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER statements_fts_span_insert AFTER INSERT ON statement_spans
    WHEN new.role = 'content' BEGIN
        DELETE FROM statements_fts WHERE rowid = new.statement_id;
        INSERT INTO statements_fts(rowid, content)
            SELECT new.statement_id, group_concat(exact, char(10))
            FROM (SELECT exact FROM statement_spans
                  WHERE statement_id = new.statement_id AND role = 'content' ORDER BY ord);
    END;
    CREATE TRIGGER statements_fts_span_delete AFTER DELETE ON statement_spans
    WHEN old.role = 'content' BEGIN
        DELETE FROM statements_fts WHERE rowid = old.statement_id;
        INSERT INTO statements_fts(rowid, content)
            SELECT old.statement_id, group_concat(exact, char(10))
            FROM (SELECT exact FROM statement_spans
                  WHERE statement_id = old.statement_id AND role = 'content' ORDER BY ord)
            HAVING count(*) > 0;
    END;
    CREATE TRIGGER statements_fts_span_update AFTER UPDATE ON statement_spans
    WHEN old.role = 'content' OR new.role = 'content' BEGIN
        DELETE FROM statements_fts WHERE rowid IN (old.statement_id, new.statement_id);
        INSERT INTO statements_fts(rowid, content)
            SELECT statement_id, group_concat(exact, char(10))
            FROM (SELECT statement_id, exact FROM statement_spans
                  WHERE statement_id IN (old.statement_id, new.statement_id) AND role = 'content'
                  ORDER BY statement_id, ord)
            GROUP BY statement_id;
    END;
    CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
        DELETE FROM statements_fts WHERE rowid = old.id;
    END;
    INSERT INTO statements_fts(rowid, content)
        SELECT statement_id, group_concat(exact, char(10))
        FROM (SELECT statement_id, exact FROM statement_spans WHERE role = 'content'
              ORDER BY statement_id, ord)
        GROUP BY statement_id;

    -- The language filter reads the articles with a language from an index (outlet and
    -- date have theirs in migration 9).
    CREATE INDEX articles_by_language ON articles(language COLLATE NOCASE, id);
    "#,
    // 9: indexes for sorted, paged lists at scale (RESERVED for the lists work).
    // A page of the article list is read from an index, never the table: a table row
    // holds the article's text, so stepping over rows to an offset would read it all.
    // One index per sort key, and one covering every filtered column for filtered
    // pages and counts. The expressions are the ones `lists.rs` orders by.
    r#"
    CREATE INDEX articles_by_title
        ON articles(coalesce(title, fallback_title) COLLATE NOCASE, id);
    CREATE INDEX articles_by_published ON articles(published, id);
    CREATE INDEX articles_by_outlet ON articles(outlet COLLATE NOCASE, id);
    CREATE INDEX articles_listing
        ON articles(id, outlet, language, published, title, fallback_title, byline);
    CREATE INDEX statements_by_kind ON statements(kind, id);
    CREATE INDEX statements_by_status_article ON statements(status, article_id);
    "#,
    // 10: prefix search at scale. `pres*` merged the lists of every word starting with
    // "pres" for each query (tens of ms at 100,000 articles); FTS5 keeps prefix lists of
    // 4 and 5 characters (a 3-character prefix reads the 4-character lists). The index
    // is made again with the same triggers. Its content is read through a view giving
    // the title the triggers index (the fallback when there is none): read from
    // `articles.title`, a snippet of an untitled article's title was NULL.
    r#"
    DROP TRIGGER articles_fts_insert;
    DROP TRIGGER articles_fts_delete;
    DROP TRIGGER articles_fts_update;
    DROP TABLE articles_fts;
    CREATE VIEW articles_fts_content AS
        SELECT id, coalesce(title, fallback_title) AS title, text FROM articles;
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text,
        content = 'articles_fts_content', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '4 5'
    );
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.id, coalesce(new.title, new.fallback_title), new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, old.fallback_title), old.text);
    END;
    CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, coalesce(old.title, old.fallback_title), old.text);
        INSERT INTO articles_fts(rowid, title, text)
        VALUES (new.id, coalesce(new.title, new.fallback_title), new.text);
    END;
    INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
    "#,
    // 11: near-duplicate band keys in one b-tree. A key row was written into the table,
    // an index on the key and an index on the article, with a foreign-key check: most
    // of an import's time after the search index. Keys are now only the (key, article)
    // b-tree; a deleted article's keys stay behind, harmless (a candidate without a
    // signature is skipped, one whose id was given again is compared by its own). The
    // `bands_through` setting marks the last article whose keys were written (the open
    // writes those of later ones, which a crash kept in memory).
    r#"
    CREATE TABLE article_bands_v11 (
        band_key   INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (band_key, article_id)
    ) WITHOUT ROWID;
    INSERT OR IGNORE INTO article_bands_v11 (band_key, article_id)
        SELECT band_key, article_id FROM article_bands ORDER BY band_key, article_id;
    INSERT INTO settings (key, value)
        SELECT 'bands_through', max(article_id) FROM article_bands HAVING count(*) > 0;
    DROP TABLE article_bands;
    ALTER TABLE article_bands_v11 RENAME TO article_bands;
    "#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.display().to_string(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    apply_up_to(conn, SCHEMA_VERSION)
}

/// Applies the migrations after the file's version, up to `version`.
pub(crate) fn apply_up_to(conn: &mut Connection, version: i64) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let pending = MIGRATIONS.iter().enumerate().take(version as usize);
    for (i, sql) in pending.skip(found as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
