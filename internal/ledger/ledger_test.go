package ledger

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/database"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
)

// forEachDB runs test on a fresh ledger in SQLite, and in PostgreSQL when
// BOT_TEST_POSTGRES names a server.
func forEachDB(t *testing.T, test func(t *testing.T, l *Ledger)) {
	for _, target := range databasetest.Targets(t) {
		t.Run(target.Name, func(t *testing.T) { test(t, New(target.Open(t))) })
	}
}

func TestClaim(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, s *Ledger) {
		ctx := context.Background()
		now := time.Date(2025, 10, 1, 12, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return now })
		steps := []struct {
			name    string
			advance time.Duration
			op      string // claim or release
			key     string
			want    bool
		}{
			{"first claim takes it", 0, "claim", "ev1", true},
			{"second claim does not", 0, "claim", "ev1", false},
			{"another key is free", 0, "claim", "ev2", true},
			{"still held just before expiry", 59 * time.Second, "claim", "ev1", false},
			{"held at the expiry second", time.Second, "claim", "ev1", false},
			{"free once expired", time.Second, "claim", "ev1", true},
			{"release", 0, "release", "ev1", false},
			{"claimable after release", 0, "claim", "ev1", true},
		}
		for _, st := range steps {
			now = now.Add(st.advance)
			switch st.op {
			case "claim":
				got, err := s.Claim(ctx, st.key, time.Minute)
				if err != nil || got != st.want {
					t.Fatalf("%s: Claim = %v, %v; want %v", st.name, got, err, st.want)
				}
			case "release":
				if err := s.Release(ctx, st.key); err != nil {
					t.Fatalf("%s: %v", st.name, err)
				}
			}
		}
	})
}

func TestClaimConcurrent(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, s *Ledger) {
		ctx := context.Background()
		var won atomic.Int32
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				ok, err := s.Claim(ctx, "same-event", time.Hour)
				if err != nil {
					t.Error(err)
				}
				if ok {
					won.Add(1)
				}
			})
		}
		wg.Wait()
		if won.Load() != 1 {
			t.Errorf("%d claimers won, want exactly 1", won.Load())
		}
	})
}

func TestAnswersAndFeedback(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, s *Ledger) {
		ctx := context.Background()
		now := time.Date(2025, 10, 1, 12, 0, 0, 0, time.UTC)
		s.SetClock(func() time.Time { return now })
		id, err := s.RecordAnswer(ctx, AnswerRecord{Channel: "C1", ThreadTS: "1.2", UserID: "U1", Question: "Who leads?", Answer: "Kenya.", Mode: "llm"})
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.Answer(ctx, id)
		if err != nil || a.Question != "Who leads?" || a.Answer != "Kenya." || a.Mode != "llm" || a.Channel != "C1" || !a.Created.Equal(now) {
			t.Fatalf("Answer = %+v, %v", a, err)
		}
		if _, err := s.Answer(ctx, id+100); !errors.Is(err, ErrNotFound) {
			t.Errorf("missing answer: %v, want ErrNotFound", err)
		}
		votes := []Feedback{{AnswerID: id, UserID: "U1", Vote: "up"}, {AnswerID: id, UserID: "U2", Vote: "down"}, {AnswerID: id, UserID: "U1", Vote: "down"}}
		for _, v := range votes {
			now = now.Add(time.Minute)
			if err := s.RecordFeedback(ctx, v); err != nil {
				t.Fatal(err)
			}
		}
		fb, err := s.FeedbackFor(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, f := range fb {
			got[f.UserID] = f.Vote
		}
		if len(fb) != 2 || got["U1"] != "down" || got["U2"] != "down" {
			t.Errorf("feedback = %+v, want U1's later vote to replace the first", fb)
		}
		if err := s.RecordFeedback(ctx, Feedback{AnswerID: id + 100, UserID: "U1", Vote: "up"}); err == nil {
			t.Error("feedback on a missing answer was accepted")
		}
	})
}

func TestDigestRunClaims(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, l *Ledger) {
		ctx := context.Background()
		now := time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC)
		l.SetClock(func() time.Time { return now })
		start, end := now.Add(-7*24*time.Hour), now
		steps := []struct {
			name    string
			advance time.Duration
			owner   string
			want    bool
		}{
			{"first claim", 0, "a", true},
			{"another owner within the lease", time.Minute, "b", false},
			{"the owner again renews", 0, "a", true},
			{"another owner just before expiry", 5*time.Minute - time.Second, "b", false},
			{"another owner once expired", 2 * time.Second, "b", true},
			{"the first owner is now out", 0, "a", false},
		}
		for _, st := range steps {
			now = now.Add(st.advance)
			run, took, err := l.ClaimDigestRun(ctx, "C1", start, end, st.owner, 5*time.Minute)
			if err != nil || took != st.want {
				t.Fatalf("%s: took = %v, %v; want %v", st.name, took, err, st.want)
			}
			if took && (run.Owner != st.owner || !run.LeaseUntil.Equal(now.Add(5*time.Minute)) || !run.Start.Equal(start)) {
				t.Fatalf("%s: run %+v", st.name, run)
			}
		}
		if err := l.CompleteDigestRun(ctx, "C1", end, "b", "111.222", []string{"d1"}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(time.Hour)
		if run, took, err := l.ClaimDigestRun(ctx, "C1", start, end, "b", time.Minute); err != nil || took || run.Status != DigestPosted {
			t.Errorf("claim of a posted period: took = %v (%+v, %v), want refused", took, run, err)
		}
		last, ok, err := l.LastPostedDigest(ctx, "C1")
		if err != nil || !ok || last.MessageTS != "111.222" || !last.End.Equal(end) {
			t.Errorf("last posted = %+v, %v, %v", last, ok, err)
		}
		if docs, ok, err := l.DigestDocs(ctx, "C1", "111.222"); err != nil || !ok || len(docs) != 1 || docs[0] != "d1" {
			t.Errorf("digest docs = %v, %v, %v", docs, ok, err)
		}
		if kind, ok, err := l.ThreadKind(ctx, "C1", "111.222"); err != nil || !ok || kind != ThreadDigest {
			t.Errorf("digest thread kind = %q, %v, %v", kind, ok, err)
		}
	})
}

// A replica whose lease ran out while it posted cannot record the period
// once another has taken it over: its record changes nothing, and the
// period stays the new owner's to post and record.
func TestCompleteDigestRunChecksTheOwner(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, l *Ledger) {
		ctx := context.Background()
		now := time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC)
		l.SetClock(func() time.Time { return now })
		start, end := now.Add(-7*24*time.Hour), now
		claim := func(owner string) {
			t.Helper()
			if _, took, err := l.ClaimDigestRun(ctx, "C1", start, end, owner, 5*time.Minute); err != nil || !took {
				t.Fatalf("claim by %s: took = %v, %v", owner, took, err)
			}
		}
		run := func() DigestRun {
			t.Helper()
			r, ok, err := l.DigestRunAt(ctx, "C1", end)
			if err != nil || !ok {
				t.Fatalf("run: %v, %v", ok, err)
			}
			return r
		}

		claim("a")
		now = now.Add(6 * time.Minute) // a's lease runs out mid-post
		claim("b")
		if err := l.CompleteDigestRun(ctx, "C1", end, "a", "111.000", []string{"da"}); !errors.Is(err, ErrNotOwner) {
			t.Fatalf("a records b's period: %v, want ErrNotOwner", err)
		}
		if r := run(); r.Status != DigestPosting || r.Owner != "b" || r.MessageTS != "" {
			t.Fatalf("after a's refused record: %+v, want still b's and posting", r)
		}
		if _, ok, err := l.DigestDocs(ctx, "C1", "111.000"); err != nil || ok {
			t.Errorf("a's message became a digest: %v, %v", ok, err)
		}

		if err := l.CompleteDigestRun(ctx, "C1", end, "b", "222.000", []string{"db"}); err != nil {
			t.Fatalf("b records its own period: %v", err)
		}
		if err := l.CompleteDigestRun(ctx, "C1", end, "b", "222.000", []string{"db"}); err != nil {
			t.Errorf("b records the same message again: %v, want nil", err)
		}
		if err := l.CompleteDigestRun(ctx, "C1", end, "a", "111.000", nil); !errors.Is(err, ErrNotOwner) {
			t.Errorf("a records a period b posted: %v, want ErrNotOwner", err)
		}
		if err := l.CompleteDigestRun(ctx, "C1", end, "b", "333.000", nil); !errors.Is(err, ErrNotOwner) {
			t.Errorf("b records another message over its posted one: %v, want ErrNotOwner", err)
		}
		if r := run(); r.Status != DigestPosted || r.Owner != "b" || r.MessageTS != "222.000" || len(r.DocIDs) != 1 || r.DocIDs[0] != "db" {
			t.Errorf("posted run %+v, want b's message 222.000", r)
		}

		// A lease that ran out with nobody taking over: its owner's post
		// went out, and it may still record it.
		end2 := end.Add(7 * 24 * time.Hour)
		if _, took, err := l.ClaimDigestRun(ctx, "C1", end, end2, "a", 5*time.Minute); err != nil || !took {
			t.Fatalf("claim of the next period: %v, %v", took, err)
		}
		now = now.Add(time.Hour)
		if err := l.CompleteDigestRun(ctx, "C1", end2, "a", "444.000", nil); err != nil {
			t.Errorf("a records its expired but untaken claim: %v", err)
		}
		if err := l.CompleteDigestRun(ctx, "C1", end2.Add(time.Hour), "a", "555.000", nil); err == nil || errors.Is(err, ErrNotOwner) {
			t.Errorf("record of a period nobody claimed: %v, want a plain error", err)
		}
	})
}

func TestDigestRunClaimConcurrent(t *testing.T) {
	t.Parallel()
	forEachDB(t, func(t *testing.T, l *Ledger) {
		ctx := context.Background()
		end := time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC)
		var won atomic.Int32
		var wg sync.WaitGroup
		for i := range 8 {
			wg.Go(func() {
				_, took, err := l.ClaimDigestRun(ctx, "C1", end.Add(-time.Hour), end, fmt.Sprintf("replica-%d", i), time.Hour)
				if err != nil {
					t.Error(err)
				}
				if took {
					won.Add(1)
				}
			})
		}
		wg.Wait()
		if won.Load() != 1 {
			t.Errorf("%d replicas hold the period, want exactly 1", won.Load())
		}
	})
}

func TestTaken(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 9, 13, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		run  DigestRun
		want bool
	}{
		{"posted", DigestRun{Status: DigestPosted, Owner: "a"}, true},
		{"own claim", DigestRun{Status: DigestPosting, Owner: "a", LeaseUntil: now.Add(time.Minute)}, false},
		{"another's live lease", DigestRun{Status: DigestPosting, Owner: "b", LeaseUntil: now.Add(time.Minute)}, true},
		{"another's lease ending now", DigestRun{Status: DigestPosting, Owner: "b", LeaseUntil: now}, false},
		{"another's expired lease", DigestRun{Status: DigestPosting, Owner: "b", LeaseUntil: now.Add(-time.Minute)}, false},
	}
	for _, tt := range tests {
		if got := tt.run.Taken("a", now); got != tt.want {
			t.Errorf("%s: Taken = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestTwoReplicasClaimOnce: two replicas (separate connections to one
// database, as on two hosts) get the same event at once, twenty times;
// each time exactly one of them takes it.
func TestTwoReplicasClaimOnce(t *testing.T) {
	t.Parallel()
	for _, target := range databasetest.Targets(t) {
		t.Run(target.Name, func(t *testing.T) {
			ctx := context.Background()
			url := target.URL(t)
			var replicas []*Ledger
			for range 2 {
				db, err := database.Open(ctx, url)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { db.Close() })
				replicas = append(replicas, New(db))
			}
			for trial := range 20 {
				key := fmt.Sprintf("event:Ev%d", trial)
				var won atomic.Int32
				start := make(chan struct{})
				var wg sync.WaitGroup
				for _, l := range replicas {
					wg.Go(func() {
						<-start
						ok, err := l.Claim(ctx, key, time.Hour)
						if err != nil {
							t.Error(err)
						}
						if ok {
							won.Add(1)
						}
					})
				}
				close(start)
				wg.Wait()
				if won.Load() != 1 {
					t.Errorf("trial %d: %d replicas took the event, want 1", trial, won.Load())
				}
			}
		})
	}
}
