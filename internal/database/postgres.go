package database

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// openPostgres connects to the server at rawURL through pgx's database/sql
// driver, wrapped so the same queries (with ? placeholders) run on both
// databases.
func openPostgres(ctx context.Context, rawURL string) (*DB, error) {
	shown := redact(rawURL)
	cfg, err := pgx.ParseConfig(rawURL)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", shown, err)
	}
	sqlDB := sql.OpenDB(rebindConnector{stdlib.GetConnector(*cfg)})
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("open store %s: %w", shown, err)
	}
	return &DB{SQL: sqlDB, Dialect: Postgres, target: shown}, nil
}

// redact drops the password from a database URL, for messages.
func redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "postgres://(unparsable URL)"
	}
	return u.Redacted()
}

// rebindConnector hands out connections that rewrite ? placeholders.
type rebindConnector struct{ driver.Connector }

func (c rebindConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return rebindConn{conn.(*stdlib.Conn)}, nil
}

// rebindConn is a pgx connection whose queries may use SQLite's ?
// placeholders; everything else (transactions, pings, resets) is pgx's.
type rebindConn struct{ *stdlib.Conn }

func (c rebindConn) Prepare(query string) (driver.Stmt, error) {
	return c.Conn.Prepare(Rebind(query))
}

func (c rebindConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	return c.Conn.PrepareContext(ctx, Rebind(query))
}

func (c rebindConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	return c.Conn.ExecContext(ctx, Rebind(query), args)
}

func (c rebindConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	return c.Conn.QueryContext(ctx, Rebind(query), args)
}

// Rebind numbers the ? placeholders of query as PostgreSQL's $1, $2 …,
// leaving those inside quotes and comments alone.
func Rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			j := strings.IndexByte(query[i+1:], c)
			if j < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+j+2])
			i += j + 1
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			j := strings.IndexByte(query[i:], '\n')
			if j < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+j+1])
			i += j
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// migrationLock is the advisory lock key replicas starting at once
// migrate under, one after the other.
const migrationLock = 0x62726966 // "brif"

func (db *DB) migratePostgres(ctx context.Context) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(`+strconv.Itoa(migrationLock)+`)`); err != nil {
			return fmt.Errorf("lock for migration: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)`); err != nil {
			return fmt.Errorf("read schema version: %w", err)
		}
		var version int
		err := tx.QueryRowContext(ctx, `SELECT version FROM schema_version`).Scan(&version)
		switch {
		case err == sql.ErrNoRows:
			if _, err := tx.ExecContext(ctx, `INSERT INTO schema_version(version) VALUES(0)`); err != nil {
				return err
			}
		case err != nil:
			return fmt.Errorf("read schema version: %w", err)
		}
		if version > len(postgresMigrations) {
			return fmt.Errorf("schema version %d is newer than this binary knows (%d): upgrade the bot", version, len(postgresMigrations))
		}
		for i := version; i < len(postgresMigrations); i++ {
			if _, err := tx.ExecContext(ctx, postgresMigrations[i]); err != nil {
				return fmt.Errorf("migration %d: %w", i+1, err)
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE schema_version SET version = ?`, len(postgresMigrations))
		return err
	})
}

// postgresMigrations run in order on PostgreSQL, as sqliteMigrations do on
// SQLite; schema_version counts those done. The first is the SQLite
// schema as it stands after its migrations, so both hold the same tables.
// Append only. Text compares byte-wise (COLLATE "C") as in SQLite, so
// listings order alike; times are unix seconds in BIGINT.
var postgresMigrations = []string{
	`CREATE TABLE documents(
		id TEXT COLLATE "C" PRIMARY KEY,
		key TEXT COLLATE "C" NOT NULL UNIQUE,
		title TEXT NOT NULL,
		source TEXT COLLATE "C" NOT NULL DEFAULT '',
		url TEXT NOT NULL DEFAULT '',
		published BIGINT,
		ingested BIGINT NOT NULL,
		lang TEXT NOT NULL DEFAULT '',
		hash TEXT NOT NULL,
		origin TEXT COLLATE "C" NOT NULL DEFAULT '',
		links TEXT NOT NULL DEFAULT '[]'
	);
	CREATE INDEX documents_hash ON documents(hash);
	CREATE INDEX documents_ingested ON documents(ingested);
	CREATE TABLE passages(
		id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
		doc_id TEXT COLLATE "C" NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
		seq INTEGER NOT NULL,
		title TEXT NOT NULL,
		text TEXT NOT NULL
	);
	CREATE INDEX passages_doc ON passages(doc_id, seq);
	CREATE TABLE stats(name TEXT PRIMARY KEY, value BIGINT NOT NULL);
	INSERT INTO stats VALUES('passages', 0), ('generation', 0);

	CREATE TABLE claims(
		key TEXT PRIMARY KEY,
		expires BIGINT NOT NULL
	);
	CREATE INDEX claims_expires ON claims(expires);
	CREATE TABLE answers(
		id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
		created BIGINT NOT NULL,
		channel TEXT NOT NULL DEFAULT '',
		thread_ts TEXT NOT NULL DEFAULT '',
		user_id TEXT NOT NULL DEFAULT '',
		question TEXT NOT NULL,
		answer TEXT NOT NULL,
		mode TEXT NOT NULL DEFAULT '',
		payload TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE feedback(
		answer_id BIGINT NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
		user_id TEXT NOT NULL,
		vote TEXT NOT NULL,
		created BIGINT NOT NULL,
		PRIMARY KEY(answer_id, user_id)
	);
	CREATE TABLE digest_runs(
		channel TEXT NOT NULL,
		period_start BIGINT NOT NULL,
		period_end BIGINT NOT NULL,
		status TEXT NOT NULL,
		owner TEXT NOT NULL DEFAULT '',
		lease_until BIGINT NOT NULL DEFAULT 0,
		message_ts TEXT NOT NULL DEFAULT '',
		doc_ids TEXT NOT NULL DEFAULT '[]',
		created BIGINT NOT NULL,
		updated BIGINT NOT NULL,
		PRIMARY KEY(channel, period_end)
	);
	CREATE INDEX digest_runs_ts ON digest_runs(message_ts);
	CREATE TABLE threads(
		channel TEXT NOT NULL,
		thread_ts TEXT NOT NULL,
		kind TEXT NOT NULL,
		created BIGINT NOT NULL,
		PRIMARY KEY(channel, thread_ts)
	);

	-- The change logs the in-memory indexes catch up from. A reader takes
	-- every seq up to the highest it sees, so seqs must become visible in
	-- order: each writer takes a transaction lock before its first seq and
	-- holds it to commit (SQLite gets this from its one writer).
	CREATE TABLE passage_log(
		seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
		op TEXT NOT NULL,
		passage_id BIGINT NOT NULL
	);
	CREATE FUNCTION passages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		PERFORM pg_advisory_xact_lock(1651665254, 1);
		IF TG_OP = 'INSERT' THEN
			INSERT INTO passage_log(op, passage_id) VALUES ('i', NEW.id);
			UPDATE stats SET value = value + 1 WHERE name IN ('passages', 'generation');
		ELSE
			INSERT INTO passage_log(op, passage_id) VALUES ('d', OLD.id);
			UPDATE stats SET value = value - 1 WHERE name = 'passages';
			UPDATE stats SET value = value + 1 WHERE name = 'generation';
		END IF;
		RETURN NULL;
	END $$;
	CREATE TRIGGER passages_changed AFTER INSERT OR DELETE ON passages
		FOR EACH ROW EXECUTE FUNCTION passages_changed();

	CREATE TABLE passage_vectors(
		passage_id BIGINT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
		model TEXT NOT NULL,
		dim INTEGER NOT NULL,
		vec BYTEA NOT NULL,
		PRIMARY KEY(passage_id, model)
	);
	CREATE INDEX passage_vectors_model ON passage_vectors(model);
	CREATE TABLE vector_log(
		seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
		op TEXT NOT NULL,
		passage_id BIGINT NOT NULL,
		model TEXT NOT NULL
	);
	CREATE FUNCTION passage_vectors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		PERFORM pg_advisory_xact_lock(1651665254, 2);
		IF TG_OP = 'DELETE' THEN
			INSERT INTO vector_log(op, passage_id, model) VALUES ('d', OLD.passage_id, OLD.model);
		ELSE
			INSERT INTO vector_log(op, passage_id, model) VALUES ('i', NEW.passage_id, NEW.model);
		END IF;
		RETURN NULL;
	END $$;
	CREATE TRIGGER passage_vectors_changed AFTER INSERT OR UPDATE OR DELETE ON passage_vectors
		FOR EACH ROW EXECUTE FUNCTION passage_vectors_changed();`,

	// Each feed's last poll (sqliteMigrations has the same table).
	feedPollsTable,
}
