package corpus

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
)

// A change log (passage_log, vector_log) would grow by two entries for
// every passage or vector replaced, for ever. The process that writes to
// it prunes it in the writing transaction (so it waits for no other
// writer), keeping at least as many entries as there are passages: an
// index further behind than that would take longer to catch up than to
// load afresh, and it does load afresh, since the prune leaves its
// high-water mark in stats (<table>_pruned) and a catch-up compares.
const (
	logPruneEvery = 256    // writes between looks at the log's length
	logMinKept    = 10_000 // entries always kept
)

// changeLog is one change log, as its writers prune it and its readers
// learn how far it was pruned.
type changeLog struct {
	table   string // the log's table; its seq column is its key
	stat    string // the stats row holding the highest seq pruned
	writes  atomic.Uint64
	every   int   // transactions between looks at the log's length
	minKept int64 // entries always kept
}

func newChangeLog(table string) *changeLog {
	return &changeLog{table: table, stat: table + "_pruned", every: logPruneEvery, minKept: logMinKept}
}

// prunedUpTo is the highest seq pruned from the log, 0 if none. A
// catch-up reads it after the entries it applied: a prune that took
// entries it had not applied committed before they were read, so it shows
// here, and the reader loads afresh.
func (l *changeLog) prunedUpTo(ctx context.Context, db *sql.DB) (int64, error) {
	var pruned int64
	err := db.QueryRowContext(ctx, `SELECT coalesce((SELECT value FROM stats WHERE name = ?), 0)`, l.stat).Scan(&pruned)
	return pruned, err
}

// prune prunes the log, every l.every-th call, from inside a transaction
// that just wrote to it: it deletes the entries older than the newest
// max(passages, minKept) once they are a quarter of that many.
func (l *changeLog) prune(ctx context.Context, tx *sql.Tx) error {
	if l.writes.Add(1)%uint64(l.every) != 0 {
		return nil
	}
	var head, live, pruned int64
	err := tx.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(seq), 0) FROM `+l.table+`),
		(SELECT value FROM stats WHERE name = 'passages'),
		coalesce((SELECT value FROM stats WHERE name = ?), 0)`, l.stat).Scan(&head, &live, &pruned)
	if err != nil {
		return fmt.Errorf("prune %s: %w", l.table, err)
	}
	keep := max(live, l.minKept)
	upTo := head - keep
	if upTo-pruned < keep/4 || upTo <= 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+l.table+` WHERE seq <= ?`, upTo); err != nil {
		return fmt.Errorf("prune %s: %w", l.table, err)
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO stats(name, value) VALUES(?, ?)
		ON CONFLICT(name) DO UPDATE SET value = excluded.value`, l.stat, upTo)
	if err != nil {
		return fmt.Errorf("prune %s: %w", l.table, err)
	}
	return nil
}
