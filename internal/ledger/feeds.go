package ledger

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/document"
)

// FeedPoll is what the last poll of a feed found, whichever process (or
// replica) polled it.
type FeedPoll struct {
	URL         string    // as configured, credentials removed
	LastPoll    time.Time // when the last poll ended; zero: never polled
	LastSuccess time.Time // when a poll last succeeded; zero: none has
	LastError   string    // the last poll's error; "" when it succeeded
	Items       int       // items the last poll read
	Added       int       // of them, documents that were new or changed
}

// maxFeedError bounds a stored error: a feed whose every item failed joins
// one error per item, and the home tab shows a line of it.
const maxFeedError = 2000

// RecordFeedPoll records one poll of a feed: p.LastPoll is when it ended,
// p.LastError "" means it succeeded (and becomes the last success), and
// p.LastSuccess is ignored. A poll that ended before the one recorded (a
// slower replica's) changes nothing, so the record is always the latest.
func (l *Ledger) RecordFeedPoll(ctx context.Context, p FeedPoll) error {
	at := p.LastPoll.Unix()
	success := int64(0)
	if p.LastError == "" {
		success = at
	}
	_, err := l.db.ExecContext(ctx, `INSERT INTO feed_polls(url, last_poll, last_success, last_error, items, added)
		VALUES(?,?,?,?,?,?)
		ON CONFLICT(url) DO UPDATE SET last_poll = excluded.last_poll,
			last_success = CASE WHEN excluded.last_error = '' THEN excluded.last_success ELSE feed_polls.last_success END,
			last_error = excluded.last_error, items = excluded.items, added = excluded.added
		WHERE excluded.last_poll >= feed_polls.last_poll`,
		feedKey(p.URL), at, success, storableError(p.LastError), p.Items, p.Added)
	if err != nil {
		return fmt.Errorf("record poll of feed %s: %w", feedKey(p.URL), err)
	}
	return nil
}

// FeedPolls returns the last poll of each feed asked about, in order; a
// feed never polled has only its URL.
func (l *Ledger) FeedPolls(ctx context.Context, urls []string) ([]FeedPoll, error) {
	if len(urls) == 0 {
		return nil, nil
	}
	args := make([]any, len(urls))
	for i, u := range urls {
		args[i] = feedKey(u)
	}
	rows, err := l.db.QueryContext(ctx, `SELECT url, last_poll, last_success, last_error, items, added FROM feed_polls
		WHERE url IN (?`+strings.Repeat(`,?`, len(urls)-1)+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("feed polls: %w", err)
	}
	defer rows.Close()
	found := map[string]FeedPoll{}
	for rows.Next() {
		var p FeedPoll
		var last, success int64
		if err := rows.Scan(&p.URL, &last, &success, &p.LastError, &p.Items, &p.Added); err != nil {
			return nil, fmt.Errorf("feed polls: %w", err)
		}
		p.LastPoll = time.Unix(last, 0).UTC()
		if success > 0 {
			p.LastSuccess = time.Unix(success, 0).UTC()
		}
		found[p.URL] = p
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("feed polls: %w", err)
	}
	out := make([]FeedPoll, len(urls))
	for i, a := range args {
		key := a.(string)
		p, ok := found[key]
		if !ok {
			p = FeedPoll{URL: key}
		}
		out[i] = p
	}
	return out, nil
}

// feedKey is a feed's URL without the password it may carry: the store
// keeps no secret of the configuration's.
func feedKey(raw string) string { return document.RedactURL(raw) }

// storableError is err's text as both databases take it: at most
// maxFeedError bytes, valid UTF-8 (a character cut in two is dropped) and
// without NUL, which PostgreSQL's text refuses.
func storableError(s string) string {
	s = s[:min(len(s), maxFeedError)]
	return strings.ReplaceAll(strings.ToValidUTF8(s, ""), "\x00", "")
}
