package schedule

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/ledger"
)

// slowRecord is a replica's ledger whose post outlives its lease: between
// Slack accepting the post and the record, the lease runs out and another
// replica runs the period.
type slowRecord struct {
	*ledger.Ledger
	meanwhile func()
}

func (r *slowRecord) CompleteDigestRun(ctx context.Context, channel string, end time.Time, owner, messageTS string, docIDs []string) error {
	if r.meanwhile != nil && messageTS != "" {
		r.meanwhile()
		r.meanwhile = nil
	}
	return r.Ledger.CompleteDigestRun(ctx, channel, end, owner, messageTS, docIDs)
}

func TestPostOutlivingItsLease(t *testing.T) { onEachDB(t, testPostOutlivingItsLease) }

// Replica A posts, but its lease runs out before it records the post;
// replica B takes the period over, finds A's message in Slack and records
// it. A's late record is refused (it would otherwise mark B's period as
// its own), nothing is posted twice, and the ledger holds A's one message.
func testPostOutlivingItsLease(t *testing.T, db func(testing.TB) string) {
	w := newWorldOn(t, db(t), mar09)
	w.ingestAt(mar09.Add(-time.Hour), "A story")
	a, b := w.process(nyDigest), w.process(nyDigest)
	var bRes Result
	var bErr error
	// A's own ledger, slowed: what a separate process would hold.
	a.runs = &slowRecord{Ledger: a.runs.(*ledger.Ledger), meanwhile: func() {
		w.clock.Add(DefaultLease + time.Second)
		rd, _ := Resolve(nyDigest)
		bRes, bErr = b.RunDue(context.Background(), rd)
	}}

	rd, _ := Resolve(nyDigest)
	_, err := a.RunDue(context.Background(), rd)
	if !errors.Is(err, ledger.ErrNotOwner) || !strings.Contains(err.Error(), "lease ran out") {
		t.Errorf("A's late record: %v, want ErrNotOwner saying its lease ran out", err)
	}
	posts := w.posts()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want A's one", len(posts))
	}
	if bErr != nil || bRes.Outcome != Repaired || bRes.TS != posts[0].TS {
		t.Errorf("B's run: %+v, %v; want it repaired with A's message %s", bRes, bErr, posts[0].TS)
	}
	run, ok, err := w.ledger.DigestRunAt(context.Background(), nyDigest.Channel, mar09)
	if err != nil || !ok || run.Status != ledger.DigestPosted || run.Owner != b.Owner() || run.MessageTS != posts[0].TS {
		t.Errorf("run %+v (%v, %v): want posted by B as %s", run, ok, err, posts[0].TS)
	}
	if res := mustRun(t, a, nyDigest); res.Outcome != UpToDate {
		t.Errorf("A after B recorded the period: %s, want up to date", res.Outcome)
	}
}
