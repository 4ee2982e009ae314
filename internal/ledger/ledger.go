// Package ledger is the bot's bookkeeping: dedupe claims, the threads it
// takes part in, the answers it gave and the votes on them, and the digest
// periods it posted. It lives beside the corpus in the same database (see
// internal/database) so that a restart or another replica sees the same
// truth, but it knows nothing of documents or search.
package ledger

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// DB is the database the ledger's tables live in; *database.DB is one.
// The ledger asks only for this, not for internal/database, so that its
// users (the Slack transport, the scheduler) do not link the drivers.
type DB interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	// InTx runs fn in one transaction, committed when fn returns nil.
	InTx(ctx context.Context, fn func(*sql.Tx) error) error
	// ForUpdate is the clause that locks the rows a SELECT reads until
	// the transaction ends ("" where the transaction locks the database).
	ForUpdate() string
}

// Ledger records the bot's bookkeeping in a database.
type Ledger struct {
	db  DB
	now func() time.Time
}

// New returns the ledger kept in db.
func New(db DB) *Ledger {
	return &Ledger{db: db, now: time.Now}
}

// SetClock replaces the ledger's clock; tests use it to pin "now".
func (l *Ledger) SetClock(now func() time.Time) { l.now = now }

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}

// Claim records key as taken until ttl from now and reports whether this
// call took it. It is how "exactly one reply" survives retries, restarts and
// a second process or host: whoever inserts the row first does the work
// (the primary key decides; a concurrent insert waits for it and does
// nothing). Expired claims are swept on the way.
func (l *Ledger) Claim(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	now := l.now()
	var took bool
	err := l.db.InTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM claims WHERE expires < ?`, now.Unix()); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO claims(key, expires) VALUES(?, ?) ON CONFLICT DO NOTHING`, key, now.Add(ttl).Unix())
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		took = n == 1
		return err
	})
	if err != nil {
		return false, fmt.Errorf("claim %s: %w", key, err)
	}
	return took, nil
}

// Release gives up a claim, so that a retry may take it (used when the work
// could not even start).
func (l *Ledger) Release(ctx context.Context, key string) error {
	if _, err := l.db.ExecContext(ctx, `DELETE FROM claims WHERE key = ?`, key); err != nil {
		return fmt.Errorf("release %s: %w", key, err)
	}
	return nil
}

// AnswerRecord is an answer the bot gave, kept so feedback can refer to it.
type AnswerRecord struct {
	ID       int64
	Created  time.Time
	Channel  string
	ThreadTS string
	UserID   string
	Question string
	Answer   string
	Mode     string
	Payload  []byte // the full answer as its producer serialised it (JSON)
}

// RecordAnswer stores an answer and returns its id.
func (l *Ledger) RecordAnswer(ctx context.Context, a AnswerRecord) (int64, error) {
	if a.Created.IsZero() {
		a.Created = l.now()
	}
	var id int64
	err := l.db.QueryRowContext(ctx, `INSERT INTO answers(created, channel, thread_ts, user_id, question, answer, mode, payload)
		VALUES(?,?,?,?,?,?,?,?) RETURNING id`,
		a.Created.Unix(), a.Channel, a.ThreadTS, a.UserID, a.Question, a.Answer, a.Mode, string(a.Payload)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("record answer: %w", err)
	}
	return id, nil
}

// Answer returns a recorded answer.
func (l *Ledger) Answer(ctx context.Context, id int64) (AnswerRecord, error) {
	a := AnswerRecord{ID: id}
	var created int64
	var payload string
	err := l.db.QueryRowContext(ctx, `SELECT created, channel, thread_ts, user_id, question, answer, mode, payload FROM answers WHERE id = ?`, id).
		Scan(&created, &a.Channel, &a.ThreadTS, &a.UserID, &a.Question, &a.Answer, &a.Mode, &payload)
	if err != nil {
		return AnswerRecord{}, fmt.Errorf("answer %d: %w", id, notFound(err))
	}
	a.Created = time.Unix(created, 0).UTC()
	if payload != "" {
		a.Payload = []byte(payload)
	}
	return a, nil
}

// Feedback is one reader's vote on an answer.
type Feedback struct {
	AnswerID int64
	UserID   string
	Vote     string // "up" or "down"
	Created  time.Time
}

// RecordFeedback stores a vote; a reader's later vote on the same answer
// replaces the earlier one.
func (l *Ledger) RecordFeedback(ctx context.Context, f Feedback) error {
	if f.Created.IsZero() {
		f.Created = l.now()
	}
	_, err := l.db.ExecContext(ctx, `INSERT INTO feedback(answer_id, user_id, vote, created) VALUES(?,?,?,?)
		ON CONFLICT(answer_id, user_id) DO UPDATE SET vote=excluded.vote, created=excluded.created`,
		f.AnswerID, f.UserID, f.Vote, f.Created.Unix())
	if err != nil {
		return fmt.Errorf("record feedback on answer %d: %w", f.AnswerID, err)
	}
	return nil
}

// FeedbackFor lists the votes on an answer.
func (l *Ledger) FeedbackFor(ctx context.Context, answerID int64) ([]Feedback, error) {
	rows, err := l.db.QueryContext(ctx, `SELECT user_id, vote, created FROM feedback WHERE answer_id = ? ORDER BY created`, answerID)
	if err != nil {
		return nil, fmt.Errorf("feedback on answer %d: %w", answerID, err)
	}
	defer rows.Close()
	var out []Feedback
	for rows.Next() {
		f := Feedback{AnswerID: answerID}
		var created int64
		if err := rows.Scan(&f.UserID, &f.Vote, &created); err != nil {
			return nil, err
		}
		f.Created = time.Unix(created, 0).UTC()
		out = append(out, f)
	}
	return out, rows.Err()
}
