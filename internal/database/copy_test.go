package database_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/database"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
	"github.com/mss-brief/briefbot/internal/ledger"
)

// TestCopy copies a SQLite store into each kind of database, twice with
// more rows in between (a resumed copy takes only what is missing), and
// expects the destination to search, count and number new rows as the
// source would.
func TestCopy(t *testing.T) {
	for _, target := range databasetest.Targets(t) {
		t.Run(target.Name, func(t *testing.T) {
			ctx := context.Background()
			src := databasetest.OpenSQLite(t)
			dst := target.Open(t)
			store, book := corpus.New(src), ledger.New(src)
			put := func(i int) {
				t.Helper()
				if _, err := store.Put(ctx, corpus.Document{Key: fmt.Sprintf("doc%d", i), Title: "Report", Source: "Wire",
					Published: time.Date(2026, 1, i+1, 0, 0, 0, 0, time.UTC),
					Text:      fmt.Sprintf("The harbour inspection zq%d found cranes idle.", i)}); err != nil {
					t.Fatal(err)
				}
			}
			for i := range 7 {
				put(i)
			}
			id, err := book.RecordAnswer(ctx, ledger.AnswerRecord{Question: "q", Answer: "a"})
			if err != nil {
				t.Fatal(err)
			}
			if err := book.RecordFeedback(ctx, ledger.Feedback{AnswerID: id, UserID: "U1", Vote: "up"}); err != nil {
				t.Fatal(err)
			}
			if err := book.MarkThread(ctx, "C1", "1.2", ledger.ThreadAnswer); err != nil {
				t.Fatal(err)
			}
			if err := book.RecordFeedPoll(ctx, ledger.FeedPoll{URL: "https://feeds.example/rss", LastPoll: time.Unix(1_800_000_000, 0), Items: 3, Added: 3}); err != nil {
				t.Fatal(err)
			}
			first, err := database.Copy(ctx, src, dst, nil)
			if err != nil {
				t.Fatal(err)
			}
			for i := 7; i < 10; i++ {
				put(i)
			}
			second, err := database.Copy(ctx, src, dst, nil)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string][2]int{"documents": {7, 3}, "passages": {7, 3}, "answers": {1, 0}, "feedback": {1, 0}, "threads": {1, 0}, "feed_polls": {1, 0}}
			for i, tc := range first {
				w, ok := want[tc.Table]
				if !ok {
					continue
				}
				if tc.Copied != w[0] || second[i].Copied != w[1] || second[i].Present != w[0] || second[i].Source != w[0]+w[1] {
					t.Errorf("%s: first %+v, second %+v; want %d then %d copied", tc.Table, tc, second[i], w[0], w[1])
				}
			}
			got := corpus.New(dst)
			for i := range 10 {
				hits, err := got.Search(ctx, corpus.Query{Text: fmt.Sprintf("zq%d", i), K: 1})
				if err != nil || len(hits) != 1 || hits[0].DocID != corpus.DocID(fmt.Sprintf("doc%d", i)) {
					t.Fatalf("zq%d in the copy: %+v, %v", i, hits, err)
				}
			}
			if st, err := got.Stats(ctx); err != nil || st.Passages != 10 || st.Documents != 10 {
				t.Errorf("copy's stats %+v, %v; want 10 documents and passages", st, err)
			}
			// New rows number after the copied ones.
			book2 := ledger.New(dst)
			next, err := book2.RecordAnswer(ctx, ledger.AnswerRecord{Question: "q2", Answer: "a2"})
			if err != nil || next <= id {
				t.Errorf("new answer in the copy got id %d (%v), want above %d", next, err, id)
			}
			if kind, ok, err := book2.ThreadKind(ctx, "C1", "1.2"); err != nil || !ok || kind != ledger.ThreadAnswer {
				t.Errorf("thread in the copy: %q, %v, %v", kind, ok, err)
			}
			if polls, err := book2.FeedPolls(ctx, []string{"https://feeds.example/rss"}); err != nil || len(polls) != 1 || polls[0].Items != 3 || polls[0].LastSuccess.IsZero() {
				t.Errorf("feed poll in the copy: %+v, %v", polls, err)
			}
		})
	}
}
