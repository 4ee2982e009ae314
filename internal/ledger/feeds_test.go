package ledger

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A feed's record is its latest poll: a failure keeps the last success and
// says why, a recovery clears the error, a poll that ended before the
// recorded one (a slower replica's) changes nothing, and a feed never
// polled comes back with only its URL.
func TestFeedPolls(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, l *Ledger) {
		ctx := context.Background()
		t0 := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
		const a, b, never = "https://a.example/feed", "https://b.example/feed", "https://never.example/feed"
		steps := []FeedPoll{
			{URL: a, LastPoll: t0, Items: 12, Added: 12},
			{URL: b, LastPoll: t0, LastError: "HTTP 502 from b.example", Items: 0},
			{URL: a, LastPoll: t0.Add(30 * time.Minute), LastError: "HTTP 503", Items: 0},
			{URL: b, LastPoll: t0.Add(30 * time.Minute), Items: 4, Added: 1},
			{URL: b, LastPoll: t0.Add(29 * time.Minute), LastError: "late and old"}, // ended before the one recorded
		}
		for _, p := range steps {
			if err := l.RecordFeedPoll(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		got, err := l.FeedPolls(ctx, []string{b, never, a})
		if err != nil {
			t.Fatal(err)
		}
		want := []FeedPoll{
			{URL: b, LastPoll: t0.Add(30 * time.Minute), LastSuccess: t0.Add(30 * time.Minute), Items: 4, Added: 1},
			{URL: never},
			{URL: a, LastPoll: t0.Add(30 * time.Minute), LastSuccess: t0, LastError: "HTTP 503"},
		}
		if len(got) != len(want) {
			t.Fatalf("FeedPolls = %+v", got)
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.URL != w.URL || !g.LastPoll.Equal(w.LastPoll) || !g.LastSuccess.Equal(w.LastSuccess) || g.LastError != w.LastError ||
				g.Items != w.Items || g.Added != w.Added {
				t.Errorf("feed %d = %+v\nwant %+v", i, g, w)
			}
		}
		if none, err := l.FeedPolls(ctx, nil); err != nil || len(none) != 0 {
			t.Errorf("no feeds: %+v, %v", none, err)
		}
	})
}

// The store keeps no password from a feed's URL, and an error is cut to
// what the home tab can use, as text both databases take (no NUL, valid
// UTF-8, no character cut in two).
func TestFeedPollKeepsNoSecret(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, l *Ledger) {
		ctx := context.Background()
		secret := "https://reader:s3cret@feeds.example/private.rss"
		long := "\x00\xff" + strings.Repeat("é", maxFeedError) // a NUL, a byte that is no UTF-8, then two bytes a character
		if err := l.RecordFeedPoll(ctx, FeedPoll{URL: secret, LastPoll: time.Unix(1_800_000_000, 0), LastError: long}); err != nil {
			t.Fatal(err)
		}
		var stored string
		if err := l.db.QueryRowContext(ctx, `SELECT url FROM feed_polls`).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(stored, "s3cret") || !strings.Contains(stored, "feeds.example/private.rss") {
			t.Errorf("stored URL %q", stored)
		}
		got, err := l.FeedPolls(ctx, []string{secret})
		if err != nil || len(got) != 1 || got[0].LastPoll.IsZero() {
			t.Fatalf("read back by the configured URL: %+v, %v", got, err)
		}
		if e := got[0].LastError; len(e) > maxFeedError || len(e) < maxFeedError-3 || !strings.HasPrefix(e, "éé") || strings.ToValidUTF8(e, "?") != e {
			t.Errorf("stored error of %d bytes, valid UTF-8 %v", len(e), strings.ToValidUTF8(e, "?") == e)
		}
	})
}
