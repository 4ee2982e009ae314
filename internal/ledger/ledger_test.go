package ledger

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/database"
)

// openTestLedger opens a ledger in a fresh SQLite file, or on the
// PostgreSQL server BOT_TEST_POSTGRES names when set.
func openTestLedger(t testing.TB) *Ledger {
	t.Helper()
	db, err := database.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return New(db)
}

func TestClaim(t *testing.T) {
	ctx := context.Background()
	s := openTestLedger(t)
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
}

func TestClaimConcurrent(t *testing.T) {
	ctx := context.Background()
	s := openTestLedger(t)
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
}

func TestAnswersAndFeedback(t *testing.T) {
	ctx := context.Background()
	s := openTestLedger(t)
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
}
