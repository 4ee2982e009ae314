package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Thread kinds.
const (
	ThreadAnswer = "answer" // the bot answered a question there
	ThreadDigest = "digest" // the thread of a posted digest
)

// MarkThread records that the bot takes part in a thread, so later messages
// there are answered without a new mention. Marking again keeps the first kind.
func (l *Ledger) MarkThread(ctx context.Context, channel, threadTS, kind string) error {
	_, err := l.db.ExecContext(ctx, `INSERT INTO threads(channel, thread_ts, kind, created) VALUES(?,?,?,?) ON CONFLICT DO NOTHING`,
		channel, threadTS, kind, l.now().Unix())
	if err != nil {
		return fmt.Errorf("mark thread %s/%s: %w", channel, threadTS, err)
	}
	return nil
}

// ThreadKind reports whether the bot takes part in a thread, and as what.
func (l *Ledger) ThreadKind(ctx context.Context, channel, threadTS string) (string, bool, error) {
	var kind string
	err := l.db.QueryRowContext(ctx, `SELECT kind FROM threads WHERE channel = ? AND thread_ts = ?`, channel, threadTS).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("thread %s/%s: %w", channel, threadTS, err)
	}
	return kind, true, nil
}

// DigestRun is the record of one digest period for one channel.
type DigestRun struct {
	Channel    string
	Start, End time.Time
	Status     string // DigestPosting or DigestPosted
	Owner      string
	LeaseUntil time.Time
	MessageTS  string
	DocIDs     []string
	Created    time.Time
	Updated    time.Time
}

// Digest run states.
const (
	DigestPosting = "posting" // claimed by Owner until LeaseUntil; the post may or may not have happened
	DigestPosted  = "posted"  // done: MessageTS is the digest's message
)

// Taken reports whether the period is out of owner's reach at now: posted
// already, or claimed by another owner whose lease is still live. A claim
// of owner's own, or one whose lease expired (its owner died mid-post),
// may be taken (over). This is the one place the rule is written.
func (r DigestRun) Taken(owner string, now time.Time) bool {
	return r.Status == DigestPosted || (r.Owner != owner && r.LeaseUntil.After(now))
}

const digestColumns = `channel, period_start, period_end, status, owner, lease_until, message_ts, doc_ids, created, updated`

type scanner interface{ Scan(...any) error }

func scanDigestRun(row scanner) (DigestRun, error) {
	var r DigestRun
	var start, end, lease, created, updated int64
	var docs string
	if err := row.Scan(&r.Channel, &start, &end, &r.Status, &r.Owner, &lease, &r.MessageTS, &docs, &created, &updated); err != nil {
		return DigestRun{}, err
	}
	r.Start, r.End = time.Unix(start, 0).UTC(), time.Unix(end, 0).UTC()
	r.LeaseUntil = time.Unix(lease, 0).UTC()
	r.Created, r.Updated = time.Unix(created, 0).UTC(), time.Unix(updated, 0).UTC()
	_ = json.Unmarshal([]byte(docs), &r.DocIDs)
	return r, nil
}

// LastPostedDigest returns the channel's newest posted digest: its End is the
// watermark the next digest starts from.
func (l *Ledger) LastPostedDigest(ctx context.Context, channel string) (DigestRun, bool, error) {
	row := l.db.QueryRowContext(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE channel = ? AND status = ? ORDER BY period_end DESC LIMIT 1`,
		channel, DigestPosted)
	r, err := scanDigestRun(row)
	if errors.Is(err, sql.ErrNoRows) {
		return DigestRun{}, false, nil
	}
	if err != nil {
		return DigestRun{}, false, fmt.Errorf("last digest of %s: %w", channel, err)
	}
	return r, true, nil
}

// DigestRunAt returns the run for a channel's period ending at end.
func (l *Ledger) DigestRunAt(ctx context.Context, channel string, end time.Time) (DigestRun, bool, error) {
	row := l.db.QueryRowContext(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE channel = ? AND period_end = ?`, channel, end.Unix())
	r, err := scanDigestRun(row)
	if errors.Is(err, sql.ErrNoRows) {
		return DigestRun{}, false, nil
	}
	if err != nil {
		return DigestRun{}, false, fmt.Errorf("digest run %s@%s: %w", channel, end, err)
	}
	return r, true, nil
}

// PendingDigestRun returns the channel's oldest period ending before end
// that is claimed but not posted, and newer than its last posted period:
// a run that may be in flight, or whose owner died mid-post.
func (l *Ledger) PendingDigestRun(ctx context.Context, channel string, before time.Time) (DigestRun, bool, error) {
	row := l.db.QueryRowContext(ctx, `SELECT `+digestColumns+` FROM digest_runs
		WHERE channel = ? AND status = ? AND period_end < ?
			AND period_end > coalesce((SELECT max(period_end) FROM digest_runs WHERE channel = ? AND status = ?), 0)
		ORDER BY period_end LIMIT 1`, channel, DigestPosting, before.Unix(), channel, DigestPosted)
	r, err := scanDigestRun(row)
	if errors.Is(err, sql.ErrNoRows) {
		return DigestRun{}, false, nil
	}
	if err != nil {
		return DigestRun{}, false, fmt.Errorf("pending digest of %s: %w", channel, err)
	}
	return r, true, nil
}

// ClaimDigestRun takes the period [start, end) of a channel for owner until
// lease, unless it is Taken. It reports whether owner now holds it, and the
// run as it stands. Across hosts the primary key decides a first claim and
// a row lock a takeover, so two replicas never both hold a period.
func (l *Ledger) ClaimDigestRun(ctx context.Context, channel string, start, end time.Time, owner string, lease time.Duration) (DigestRun, bool, error) {
	now := l.now()
	var run DigestRun
	var took bool
	err := l.db.InTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO digest_runs(`+digestColumns+`) VALUES(?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`,
			channel, start.Unix(), end.Unix(), DigestPosting, owner, now.Add(lease).Unix(), "", "[]", now.Unix(), now.Unix())
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			row := tx.QueryRowContext(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE channel = ? AND period_end = ?`+l.db.ForUpdate(),
				channel, end.Unix())
			r, err := scanDigestRun(row)
			if err != nil {
				return err
			}
			if r.Taken(owner, now) {
				run = r
				return nil
			}
			// Our own claim, or a lease that expired (its owner died):
			// take it over, keeping the period it was claimed for.
			_, err = tx.ExecContext(ctx, `UPDATE digest_runs SET owner = ?, lease_until = ?, updated = ? WHERE channel = ? AND period_end = ?`,
				owner, now.Add(lease).Unix(), now.Unix(), channel, end.Unix())
			if err != nil {
				return err
			}
		}
		took = true
		r, err := scanDigestRun(tx.QueryRowContext(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE channel = ? AND period_end = ?`, channel, end.Unix()))
		run = r
		return err
	})
	if err != nil {
		return DigestRun{}, false, fmt.Errorf("claim digest %s@%s: %w", channel, end.Format(time.RFC3339), err)
	}
	return run, took, nil
}

// ErrNotOwner is returned when a replica records a digest period that is no
// longer its own: its lease ran out and another replica took the period
// over, or posted it.
var ErrNotOwner = errors.New("the period is no longer this replica's")

// CompleteDigestRun records that owner posted the digest for the period
// ending at end as messageTS citing docIDs, and marks its thread as a
// digest thread. Only the owner of the claim may: a replica whose lease
// ran out while it posted, and whose period another took over, gets
// ErrNotOwner and changes nothing (the other looks in Slack for its
// message before posting). A lease that ran out with nobody taking over
// still lets its owner record the post it made. Recording the same
// message again is not an error.
func (l *Ledger) CompleteDigestRun(ctx context.Context, channel string, end time.Time, owner, messageTS string, docIDs []string) error {
	now := l.now()
	if docIDs == nil {
		docIDs = []string{}
	}
	docs, _ := json.Marshal(docIDs)
	err := l.db.InTx(ctx, func(tx *sql.Tx) error {
		// On PostgreSQL a takeover in flight holds the row: this waits for
		// it and then sees its owner (the WHERE is checked again).
		res, err := tx.ExecContext(ctx, `UPDATE digest_runs SET status = ?, message_ts = ?, doc_ids = ?, updated = ?
			WHERE channel = ? AND period_end = ? AND status = ? AND owner = ?`,
			DigestPosted, messageTS, string(docs), now.Unix(), channel, end.Unix(), DigestPosting, owner)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n != 1 {
			r, err := scanDigestRun(tx.QueryRowContext(ctx, `SELECT `+digestColumns+` FROM digest_runs WHERE channel = ? AND period_end = ?`, channel, end.Unix()))
			switch {
			case errors.Is(err, sql.ErrNoRows):
				return errors.New("no claimed run")
			case err != nil:
				return err
			case r.Status == DigestPosted && r.Owner == owner && r.MessageTS == messageTS:
				return nil // recorded already
			case r.Status == DigestPosted:
				return fmt.Errorf("%w: %s recorded it as message %q", ErrNotOwner, r.Owner, r.MessageTS)
			default:
				return fmt.Errorf("%w: %s took it over and holds it until %s", ErrNotOwner, r.Owner, r.LeaseUntil.Format(time.RFC3339))
			}
		}
		if messageTS != "" {
			_, err = tx.ExecContext(ctx, `INSERT INTO threads(channel, thread_ts, kind, created) VALUES(?,?,?,?) ON CONFLICT DO NOTHING`,
				channel, messageTS, ThreadDigest, now.Unix())
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("complete digest %s@%s: %w", channel, end.Format(time.RFC3339), err)
	}
	return nil
}

// AbandonDigestRun drops a claim whose post certainly did not happen, so the
// period can be tried again at once.
func (l *Ledger) AbandonDigestRun(ctx context.Context, channel string, end time.Time, owner string) error {
	_, err := l.db.ExecContext(ctx, `DELETE FROM digest_runs WHERE channel = ? AND period_end = ? AND status = ? AND owner = ?`,
		channel, end.Unix(), DigestPosting, owner)
	if err != nil {
		return fmt.Errorf("abandon digest %s@%s: %w", channel, end.Format(time.RFC3339), err)
	}
	return nil
}

// DigestDocs returns the documents a posted digest cited, found by the
// digest message's ts: follow-up questions in its thread prefer them.
func (l *Ledger) DigestDocs(ctx context.Context, channel, messageTS string) ([]string, bool, error) {
	var docs string
	err := l.db.QueryRowContext(ctx, `SELECT doc_ids FROM digest_runs WHERE channel = ? AND message_ts = ? AND status = ?`,
		channel, messageTS, DigestPosted).Scan(&docs)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("digest docs %s/%s: %w", channel, messageTS, err)
	}
	var ids []string
	_ = json.Unmarshal([]byte(docs), &ids)
	return ids, true, nil
}
