package database

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations run in order; the database's user_version counts those done.
// Append only: never edit a migration that has shipped.
var sqliteMigrations = []string{
	`CREATE TABLE documents(
		id TEXT PRIMARY KEY,
		key TEXT NOT NULL UNIQUE,
		title TEXT NOT NULL,
		source TEXT NOT NULL DEFAULT '',
		url TEXT NOT NULL DEFAULT '',
		published INTEGER,              -- unix seconds, NULL when unknown
		ingested INTEGER NOT NULL,      -- unix seconds
		lang TEXT NOT NULL DEFAULT '',
		hash TEXT NOT NULL,
		origin TEXT NOT NULL DEFAULT '',
		links TEXT NOT NULL DEFAULT '[]'
	);
	CREATE INDEX documents_hash ON documents(hash);
	CREATE INDEX documents_ingested ON documents(ingested);
	CREATE TABLE passages(
		id INTEGER PRIMARY KEY,
		doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		title TEXT NOT NULL,
		text TEXT NOT NULL
	);
	CREATE INDEX passages_doc ON passages(doc_id, seq);
	CREATE VIRTUAL TABLE passages_fts USING fts5(
		title, text, content='passages', content_rowid='id',
		tokenize='unicode61 remove_diacritics 2'
	);
	-- The title counts, but less than the passage itself.
	INSERT INTO passages_fts(passages_fts, rank) VALUES('rank', 'bm25(0.4, 1.0)');
	CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
	CREATE TABLE stats(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
	INSERT INTO stats VALUES('passages', 0);
	-- generation changes with every passage written or deleted, so caches
	-- of index statistics (in this process or another) know when to drop.
	INSERT INTO stats VALUES('generation', 0);
	CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
		INSERT INTO passages_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
		UPDATE stats SET value = value + 1 WHERE name IN ('passages', 'generation');
	END;
	CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
		INSERT INTO passages_fts(passages_fts, rowid, title, text) VALUES('delete', old.id, old.title, old.text);
		UPDATE stats SET value = value - 1 WHERE name = 'passages';
		UPDATE stats SET value = value + 1 WHERE name = 'generation';
	END;

	-- Bookkeeping for the layers above: one place for state.
	CREATE TABLE claims(
		key TEXT PRIMARY KEY,
		expires INTEGER NOT NULL
	);
	CREATE INDEX claims_expires ON claims(expires);
	CREATE TABLE answers(
		id INTEGER PRIMARY KEY,
		created INTEGER NOT NULL,
		channel TEXT NOT NULL DEFAULT '',
		thread_ts TEXT NOT NULL DEFAULT '',
		user_id TEXT NOT NULL DEFAULT '',
		question TEXT NOT NULL,
		answer TEXT NOT NULL,
		mode TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE feedback(
		answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL,
		vote TEXT NOT NULL,
		created INTEGER NOT NULL,
		PRIMARY KEY(answer_id, user_id)
	);
	CREATE TABLE digest_runs(
		channel TEXT NOT NULL,
		period_start INTEGER NOT NULL,
		period_end INTEGER NOT NULL,
		status TEXT NOT NULL,            -- 'posting' while a process owns it, then 'posted'
		owner TEXT NOT NULL DEFAULT '',
		lease_until INTEGER NOT NULL DEFAULT 0,
		message_ts TEXT NOT NULL DEFAULT '',
		doc_ids TEXT NOT NULL DEFAULT '[]',
		created INTEGER NOT NULL,
		updated INTEGER NOT NULL,
		PRIMARY KEY(channel, period_end)
	);
	CREATE INDEX digest_runs_ts ON digest_runs(message_ts);`,

	// Threads the bot takes part in: follow-ups there need no new mention.
	`CREATE TABLE threads(
		channel TEXT NOT NULL,
		thread_ts TEXT NOT NULL,
		kind TEXT NOT NULL,              -- 'answer' or 'digest'
		created INTEGER NOT NULL,
		PRIMARY KEY(channel, thread_ts)
	);`,

	// The whole answer (citations included) as JSON, so it can be shown
	// again after a restart, e.g. when a reader shares it.
	`ALTER TABLE answers ADD COLUMN payload TEXT NOT NULL DEFAULT '';`,

	// Every passage written or deleted, in order, so that the in-memory
	// search index of any process (bot serve beside bot ingest) catches up.
	// It rolls back with the transaction that wrote the passage.
	`CREATE TABLE passage_log(
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		op TEXT NOT NULL,                -- 'i' inserted, 'd' deleted
		passage_id INTEGER NOT NULL
	);
	CREATE TRIGGER passages_log_ai AFTER INSERT ON passages BEGIN
		INSERT INTO passage_log(op, passage_id) VALUES ('i', new.id);
	END;
	CREATE TRIGGER passages_log_ad AFTER DELETE ON passages BEGIN
		INSERT INTO passage_log(op, passage_id) VALUES ('d', old.id);
	END;`,

	// Dense vectors of passages, per embedding model (a changed model
	// re-embeds beside the old vectors), and their change log, so that the
	// in-memory vectors of any process catch up like the lexical index.
	`CREATE TABLE passage_vectors(
		passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
		model TEXT NOT NULL,
		dim INTEGER NOT NULL,
		vec BLOB NOT NULL,               -- dim float32, little-endian
		PRIMARY KEY(passage_id, model)
	);
	CREATE INDEX passage_vectors_model ON passage_vectors(model);
	CREATE TABLE vector_log(
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		op TEXT NOT NULL,                -- 'i' written, 'd' deleted
		passage_id INTEGER NOT NULL,
		model TEXT NOT NULL
	);
	CREATE TRIGGER passage_vectors_ai AFTER INSERT ON passage_vectors BEGIN
		INSERT INTO vector_log(op, passage_id, model) VALUES ('i', new.passage_id, new.model);
	END;
	CREATE TRIGGER passage_vectors_au AFTER UPDATE ON passage_vectors BEGIN
		INSERT INTO vector_log(op, passage_id, model) VALUES ('i', new.passage_id, new.model);
	END;
	CREATE TRIGGER passage_vectors_ad AFTER DELETE ON passage_vectors BEGIN
		INSERT INTO vector_log(op, passage_id, model) VALUES ('d', old.passage_id, old.model);
	END;`,

	// Search reads the in-memory index (docs/search-engine.md), not FTS5:
	// the FTS5 table only cost every write and half the file. The passage
	// counters its triggers kept stay.
	`DROP TRIGGER passages_ai;
	DROP TRIGGER passages_ad;
	DROP TABLE passages_vocab;
	DROP TABLE passages_fts;
	CREATE TRIGGER passages_count_ai AFTER INSERT ON passages BEGIN
		UPDATE stats SET value = value + 1 WHERE name IN ('passages', 'generation');
	END;
	CREATE TRIGGER passages_count_ad AFTER DELETE ON passages BEGIN
		UPDATE stats SET value = value - 1 WHERE name = 'passages';
		UPDATE stats SET value = value + 1 WHERE name = 'generation';
	END;`,

	// Each feed's last poll, written by whichever process polled it, so
	// that every replica's App Home, and the next process after a
	// restart, shows the same.
	feedPollsTable,
}

// feedPollsTable is the same on both databases (INTEGER is 64-bit in
// SQLite and BIGINT in PostgreSQL; times are unix seconds).
const feedPollsTable = `CREATE TABLE feed_polls(
		url TEXT PRIMARY KEY,            -- as configured, credentials removed
		last_poll BIGINT NOT NULL,       -- when the last poll ended
		last_success BIGINT NOT NULL DEFAULT 0, -- 0: no poll has succeeded
		last_error TEXT NOT NULL DEFAULT '',    -- the last poll's; '' when it succeeded
		items INTEGER NOT NULL DEFAULT 0,       -- items the last poll read
		added INTEGER NOT NULL DEFAULT 0        -- of them, documents new or changed
	);`

func (db *DB) migrate(ctx context.Context) error {
	if db.Dialect == Postgres {
		return db.migratePostgres(ctx)
	}
	return migrateSQLite(ctx, db.SQL, sqliteMigrations)
}

func migrateSQLite(ctx context.Context, sqlDB *sql.DB, migrations []string) error {
	var version int
	if err := sqlDB.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(migrations) {
		return fmt.Errorf("schema version %d is newer than this binary knows (%d): upgrade the bot", version, len(migrations))
	}
	for i := version; i < len(migrations); i++ {
		err := InTx(ctx, sqlDB, func(tx *sql.Tx) error {
			// Re-check inside the write lock: another process may have migrated.
			var v int
			if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
				return err
			}
			if v > i {
				return nil
			}
			if _, err := tx.ExecContext(ctx, migrations[i]); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %d: %w", i+1, err)
		}
	}
	return nil
}
