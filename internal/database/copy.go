package database

import (
	"context"
	"fmt"
	"strings"
)

// copyTables are the tables a store is made of, parents first. The change
// logs and counters are not copied: the destination's triggers write them
// as the rows arrive, so its search index loads everything fresh.
var copyTables = []struct {
	name, columns, key string
	serial             bool // key is an integer id: resume after the highest copied
}{
	{"documents", "id, key, title, source, url, published, ingested, lang, hash, origin, links", "id", false},
	{"passages", "id, doc_id, seq, title, text", "id", true},
	{"passage_vectors", "passage_id, model, dim, vec", "passage_id, model", false},
	{"claims", "key, expires", "key", false},
	{"answers", "id, created, channel, thread_ts, user_id, question, answer, mode, payload", "id", true},
	{"feedback", "answer_id, user_id, vote, created", "answer_id, user_id", false},
	{"digest_runs", "channel, period_start, period_end, status, owner, lease_until, message_ts, doc_ids, created, updated", "channel, period_end", false},
	{"threads", "channel, thread_ts, kind, created", "channel, thread_ts", false},
	{"feed_polls", "url, last_poll, last_success, last_error, items, added", "url", false},
}

// TableCopy is what copying one table did.
type TableCopy struct {
	Table   string
	Source  int // rows in the source
	Copied  int // rows written now
	Present int // rows the destination held already (an earlier, interrupted run)
}

// copyBatch is how many rows one transaction writes: an interrupted copy
// loses at most one batch, which the next run writes again.
const copyBatch = 500

// Copy copies every row of src into dst that dst lacks, table by table,
// and reports per table. It can be run again after an interruption: rows
// already there are skipped (by primary key), so a second run copies only
// the rest. A row that changed in src after it was copied is not updated:
// copy from a store nothing writes to meanwhile. progress, when set, is
// told of each batch.
func Copy(ctx context.Context, src, dst *DB, progress func(table string, done, total int)) ([]TableCopy, error) {
	var out []TableCopy
	for _, t := range copyTables {
		tc, err := copyTable(ctx, src, dst, t.name, t.columns, t.key, t.serial, progress)
		if err != nil {
			return out, fmt.Errorf("copy %s: %w", t.name, err)
		}
		out = append(out, tc)
	}
	// Ids copied as they were: the destination's id sequences must start
	// after them.
	if dst.Dialect == Postgres {
		for _, t := range copyTables {
			if !t.serial {
				continue
			}
			q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', 'id'), coalesce((SELECT max(id) FROM %s), 0) + 1, false)`, t.name, t.name)
			if _, err := dst.SQL.ExecContext(ctx, q); err != nil {
				return out, fmt.Errorf("copy %s: move its id sequence on: %w", t.name, err)
			}
		}
	}
	return out, nil
}

func copyTable(ctx context.Context, src, dst *DB, table, columns, key string, serial bool, progress func(string, int, int)) (TableCopy, error) {
	tc := TableCopy{Table: table}
	if err := src.SQL.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&tc.Source); err != nil {
		return tc, err
	}
	var before int
	if err := dst.SQL.QueryRowContext(ctx, `SELECT count(*) FROM `+table).Scan(&before); err != nil {
		return tc, err
	}
	query := `SELECT ` + columns + ` FROM ` + table
	var args []any
	if serial {
		// Resume after the highest id the destination holds; rows below it
		// were copied in order by an earlier run.
		var last int64
		if err := dst.SQL.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM `+table).Scan(&last); err != nil {
			return tc, err
		}
		query += ` WHERE id > ?`
		args = append(args, last)
	}
	rows, err := src.SQL.QueryContext(ctx, query+` ORDER BY `+key, args...)
	if err != nil {
		return tc, err
	}
	defer rows.Close()
	n := strings.Count(columns, ",") + 1
	row := "(?" + strings.Repeat(",?", n-1) + ")"
	var batch []any
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		rowsIn := len(batch) / n
		q := `INSERT INTO ` + table + `(` + columns + `) VALUES ` + row + strings.Repeat(","+row, rowsIn-1) + ` ON CONFLICT DO NOTHING`
		res, err := dst.SQL.ExecContext(ctx, q, batch...)
		if err != nil {
			return err
		}
		wrote, err := res.RowsAffected()
		if err != nil {
			return err
		}
		tc.Copied += int(wrote)
		batch = batch[:0]
		if progress != nil {
			progress(table, before+tc.Copied, tc.Source)
		}
		return nil
	}
	for rows.Next() {
		// Values pass through as database/sql gives them (int64, float64,
		// string, []byte or nil), each of which both drivers take back.
		vals := make([]any, n)
		ptrs := make([]any, n)
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return tc, err
		}
		batch = append(batch, vals...)
		if len(batch) >= copyBatch*n {
			if err := flush(); err != nil {
				return tc, err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return tc, err
	}
	if err := flush(); err != nil {
		return tc, err
	}
	tc.Present = before
	return tc, nil
}
