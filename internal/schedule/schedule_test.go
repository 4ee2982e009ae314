package schedule

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/database/databasetest"
	"github.com/mss-brief/briefbot/internal/ledger"
	"github.com/mss-brief/briefbot/internal/slackbot"
	"github.com/mss-brief/briefbot/internal/slacktest"
)

// clock is a settable clock shared by the store and the schedulers.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *clock { return &clock{t: t} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *clock) Add(d time.Duration) { c.Set(c.Now().Add(d)) }

// world is one store, one fake Slack and a clock; schedulers made from it
// are separate bot processes sharing them.
type world struct {
	t      *testing.T
	dbPath string
	store  *corpus.Store
	ledger *ledger.Ledger
	clock  *clock
	slack  *slacktest.Server
	logs   *syncBuffer
}

// Mondays 09:00 in New York, around the spring DST change.
var (
	mar02 = utc("2026-03-02T14:00:00Z") // 09:00 EST
	mar09 = utc("2026-03-09T13:00:00Z") // 09:00 EDT
	mar16 = utc("2026-03-16T13:00:00Z")
	mar23 = utc("2026-03-23T13:00:00Z")
	mar30 = utc("2026-03-30T13:00:00Z")
)

var nyDigest = DigestConfig{Channel: "CNEWS", TimeZone: "America/New_York"}

func newWorld(t *testing.T, now time.Time) *world {
	t.Helper()
	return newWorldOn(t, filepath.Join(t.TempDir(), "brief.db"), now)
}

// newWorldOn is a world whose store is at db: a SQLite path or a
// PostgreSQL URL, where its processes are replicas on separate hosts.
func newWorldOn(t *testing.T, db string, now time.Time) *world {
	t.Helper()
	w := &world{t: t, dbPath: db, clock: newClock(now), logs: &syncBuffer{}}
	w.store, w.ledger = w.openStore()
	w.slack = slacktest.New(t)
	return w
}

// openStore opens the world's database as a process does: its corpus,
// and its ledger over the same database.
func (w *world) openStore() (*corpus.Store, *ledger.Ledger) {
	w.t.Helper()
	st, err := corpus.Open(context.Background(), w.dbPath)
	if err != nil {
		w.t.Fatal(err)
	}
	st.SetClock(w.clock.Now)
	w.t.Cleanup(func() { st.Close() })
	l := ledger.New(st.Database())
	l.SetClock(w.clock.Now)
	return st, l
}

// process starts a scheduler as a separate bot process would: its own
// store handle, digester, Slack client and owner id.
func (w *world) process(digests ...DigestConfig) *Scheduler {
	w.t.Helper()
	st, runs := w.openStore()
	g, err := brief.NewDigester(brief.DigesterConfig{Store: st, TopicNames: []string{"MSS", "Haiti", "Kenya"}})
	if err != nil {
		w.t.Fatal(err)
	}
	pub := slackbot.NewPublisher(slackbot.NewClient(slacktest.BotToken, "", w.slack.APIURL(), nil, nil), nil)
	s, err := New(Options{Digests: digests, Runs: runs, Composer: g, Publisher: pub, Now: w.clock.Now,
		Log: slog.New(slog.NewTextHandler(w.logs, nil))})
	if err != nil {
		w.t.Fatal(err)
	}
	return s
}

// ingest stores an article at the clock's current time.
func (w *world) ingest(title, source string, published time.Time, text string) string {
	w.t.Helper()
	res, err := w.store.Put(context.Background(), corpus.Document{Key: "test:" + title, Title: title, Source: source,
		Published: published, Text: text})
	if err != nil {
		w.t.Fatal(err)
	}
	return res.DocID
}

// ingestAt stores an article as if it arrived at t.
func (w *world) ingestAt(t time.Time, title string) string {
	w.t.Helper()
	res, err := w.store.Put(context.Background(), corpus.Document{Key: "test:" + title, Title: title, Source: "Wire " + title,
		Published: t.Add(-time.Hour), Ingested: t,
		Text: title + " was reported by one outlet with enough words in its opening sentence to make a lead for the digest."})
	if err != nil {
		w.t.Fatal(err)
	}
	return res.DocID
}

func (w *world) posts() []slacktest.Message { return w.slack.Posts() }

func (w *world) watermark(channel string) ledger.DigestRun {
	w.t.Helper()
	r, ok, err := w.ledger.LastPostedDigest(context.Background(), channel)
	if err != nil || !ok {
		w.t.Fatalf("no posted digest for %s (%v)", channel, err)
	}
	return r
}

// onEachDB runs test with a fresh store for each kind of database: SQLite,
// and PostgreSQL when BOT_TEST_POSTGRES names a server.
func onEachDB(t *testing.T, test func(t *testing.T, db func(testing.TB) string)) {
	t.Parallel()
	for _, target := range databasetest.Targets(t) {
		t.Run(target.Name, func(t *testing.T) { test(t, target.URL) })
	}
}

func mustRun(t *testing.T, s *Scheduler, d DigestConfig) Result {
	t.Helper()
	rd, err := Resolve(d)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.RunDue(context.Background(), rd)
	if err != nil {
		t.Fatalf("RunDue: %v", err)
	}
	return res
}

func runKeyOf(m slacktest.Message) string {
	if m.Metadata == nil {
		return ""
	}
	k, _ := m.Metadata.EventPayload["run"].(string)
	return k
}

// syncBuffer is a log sink safe for the scheduler's goroutines that can
// be waited on.
type syncBuffer struct {
	mu      sync.Mutex
	b       bytes.Buffer
	changed chan struct{}
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.changed != nil {
		close(s.changed)
		s.changed = nil
	}
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the log holds substr, or the timeout passes.
func (s *syncBuffer) waitFor(substr string, timeout time.Duration) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if strings.Contains(s.b.String(), substr) {
			s.mu.Unlock()
			return true
		}
		if s.changed == nil {
			s.changed = make(chan struct{})
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline.C:
			return strings.Contains(s.String(), substr)
		}
	}
}

func TestExactlyOnceAcrossRestart(t *testing.T) { onEachDB(t, testExactlyOnceAcrossRestart) }

func testExactlyOnceAcrossRestart(t *testing.T, db func(testing.TB) string) {
	w := newWorldOn(t, db(t), mar02)
	w.ingestAt(mar02.Add(-48*time.Hour), "Week one story")
	first := w.process(nyDigest)
	if res := mustRun(t, first, nyDigest); res.Outcome != Posted || !res.End.Equal(mar02) || !res.Start.Equal(mar02.Add(-DefaultFirstSpan)) {
		t.Fatalf("first run: %+v, want posted for the 7 days up to %s", res, mar02)
	}
	// Restarts during the scheduled minute, and just before the next tick.
	for _, at := range []time.Time{mar02.Add(20 * time.Second), mar02.Add(59 * time.Second), mar09.Add(-time.Second)} {
		w.clock.Set(at)
		if res := mustRun(t, w.process(nyDigest), nyDigest); res.Outcome != UpToDate {
			t.Errorf("restart at %s: %s, want up to date", at, res.Outcome)
		}
	}
	w.ingestAt(mar09.Add(-2*time.Hour), "Week two story")
	w.clock.Set(mar09) // the next tick, right on the minute
	if res := mustRun(t, w.process(nyDigest), nyDigest); res.Outcome != Posted || !res.Start.Equal(mar02) || !res.End.Equal(mar09) {
		t.Fatalf("second tick: %+v, want posted for [%s, %s)", res, mar02, mar09)
	}
	w.clock.Set(mar09.Add(30 * time.Second))
	if res := mustRun(t, w.process(nyDigest), nyDigest); res.Outcome != UpToDate {
		t.Errorf("restart after the second post: %s", res.Outcome)
	}
	posts := w.posts()
	if len(posts) != 2 {
		t.Fatalf("%d posts, want one per period", len(posts))
	}
	for i, end := range []time.Time{mar02, mar09} {
		if got, want := runKeyOf(posts[i]), RunKey(nyDigest.Channel, end); got != want {
			t.Errorf("post %d run key %q, want %q", i, got, want)
		}
	}
	if r := w.watermark(nyDigest.Channel); r.MessageTS != posts[1].TS || !r.End.Equal(mar09) {
		t.Errorf("watermark %+v, want the second post", r)
	}
	// The digest message's thread is known as a digest thread with its documents.
	docs, ok, err := w.ledger.DigestDocs(context.Background(), nyDigest.Channel, posts[1].TS)
	if err != nil || !ok || len(docs) != 1 {
		t.Errorf("DigestDocs = %v, %v, %v; want the one week-two document", docs, ok, err)
	}
}

func TestCrashBetweenPostAndRecord(t *testing.T) { onEachDB(t, testCrashBetweenPostAndRecord) }

func testCrashBetweenPostAndRecord(t *testing.T, db func(testing.TB) string) {
	for _, restart := range []bool{false, true} {
		t.Run(fmt.Sprintf("restart=%v", restart), func(t *testing.T) {
			w := newWorldOn(t, db(t), mar09)
			w.ingestAt(mar09.Add(-time.Hour), "A story")
			a := w.process(nyDigest)
			w.slack.FailNext("chat.postMessage", 1, slacktest.CrashAfterPost())
			rd, _ := Resolve(nyDigest)
			if _, err := a.RunDue(context.Background(), rd); err == nil {
				t.Fatal("the post's answer was lost: want an error")
			}
			if n := len(w.posts()); n != 1 {
				t.Fatalf("%d posts after the crash, want the 1 Slack accepted", n)
			}
			run, ok, _ := w.ledger.DigestRunAt(context.Background(), nyDigest.Channel, mar09)
			if !ok || run.Status != ledger.DigestPosting {
				t.Fatalf("run %+v: want it left posting", run)
			}
			next := a
			if restart {
				// A new process must wait out the dead one's lease.
				next = w.process(nyDigest)
				if res := mustRun(t, next, nyDigest); res.Outcome != Busy {
					t.Errorf("new process inside the lease: %s, want busy", res.Outcome)
				}
				w.clock.Add(DefaultLease + time.Second)
			}
			res := mustRun(t, next, nyDigest)
			if res.Outcome != Repaired || res.TS != w.posts()[0].TS {
				t.Errorf("after the crash: %+v, want repaired with ts %s", res, w.posts()[0].TS)
			}
			if n := len(w.posts()); n != 1 {
				t.Errorf("%d posts, want no duplicate", n)
			}
			if r := w.watermark(nyDigest.Channel); r.MessageTS != w.posts()[0].TS || len(r.DocIDs) != 1 {
				t.Errorf("recorded %+v, want the crashed post's ts and its document", r)
			}
			if res := mustRun(t, next, nyDigest); res.Outcome != UpToDate {
				t.Errorf("after repair: %s", res.Outcome)
			}
		})
	}
}

func TestCrashBeforePost(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar09)
	w.ingestAt(mar09.Add(-time.Hour), "A story")
	// A process claimed the period and died before posting anything.
	if _, took, err := w.ledger.ClaimDigestRun(context.Background(), nyDigest.Channel, mar02, mar09, "dead-process", DefaultLease); err != nil || !took {
		t.Fatalf("claim: %v, %v", took, err)
	}
	s := w.process(nyDigest)
	if res := mustRun(t, s, nyDigest); res.Outcome != Busy {
		t.Errorf("inside the dead owner's lease: %s, want busy", res.Outcome)
	}
	w.clock.Add(DefaultLease + time.Second)
	res := mustRun(t, s, nyDigest)
	if res.Outcome != Posted || !res.Start.Equal(mar02) {
		t.Errorf("after the lease: %+v, want posted for the claimed period", res)
	}
	if n, h := len(w.posts()), len(w.slack.Calls("conversations.history")); n != 1 || h != 1 {
		t.Errorf("%d posts after %d history lookups, want 1 post after looking once", n, h)
	}
}

// TestCrashedPeriodBeforeLaterTicks: with a digest every minute, ticks
// come faster than a dead owner's lease ends. Later periods wait for the
// claimed one instead of passing it by; once the lease ends the claimed
// period is posted first, then the latest, each once.
func TestCrashedPeriodBeforeLaterTicks(t *testing.T) { onEachDB(t, testCrashedPeriodBeforeLaterTicks) }

func testCrashedPeriodBeforeLaterTicks(t *testing.T, db func(testing.TB) string) {
	every := DigestConfig{Channel: "CMIN", Schedule: "* * * * *", EmptyWeek: EmptyPost}
	t1 := mar09
	w := newWorldOn(t, db(t), t1)
	w.ingestAt(t1.Add(-time.Hour), "A story")
	if _, took, err := w.ledger.ClaimDigestRun(context.Background(), every.Channel, t1.Add(-DefaultFirstSpan), t1, "dead-process", DefaultLease); err != nil || !took {
		t.Fatalf("claim: %v, %v", took, err)
	}
	s := w.process(every)
	for m := 1; m < 5; m++ {
		w.clock.Set(t1.Add(time.Duration(m) * time.Minute))
		if res := mustRun(t, s, every); res.Outcome != Busy {
			t.Errorf("tick %d minutes on, inside the dead owner's lease: %s, want busy", m, res.Outcome)
		}
	}
	if n := len(w.posts()); n != 0 {
		t.Fatalf("%d posts inside the lease, want none", n)
	}
	last := t1.Add(DefaultLease + time.Minute)
	w.clock.Set(last)
	if res := mustRun(t, s, every); res.Outcome != Posted || !res.End.Equal(last) || !res.Start.Equal(t1) {
		t.Errorf("after the lease: %+v, want the latest period posted from the claimed one's end", res)
	}
	posts := w.posts()
	if len(posts) != 2 || runKeyOf(posts[0]) != RunKey(every.Channel, t1) || runKeyOf(posts[1]) != RunKey(every.Channel, last) {
		t.Fatalf("%d posts, want the claimed period's then the latest's", len(posts))
	}
	if run, ok, _ := w.ledger.DigestRunAt(context.Background(), every.Channel, t1); !ok || run.Status != ledger.DigestPosted || run.MessageTS != posts[0].TS {
		t.Errorf("claimed period recorded as %+v, want posted as the first post", run)
	}
}

func TestFailedPostIsRetried(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar09)
	w.ingestAt(mar09.Add(-time.Hour), "A story")
	s := w.process(nyDigest)
	w.slack.FailNext("chat.postMessage", 1, slacktest.APIError("internal_error"))
	rd, _ := Resolve(nyDigest)
	s.runLogged(context.Background(), rd, true)
	if len(w.posts()) != 0 || !strings.Contains(w.logs.String(), "digest failed") {
		t.Fatalf("posts %d, log %q: want a logged failure", len(w.posts()), w.logs.String())
	}
	// The sweep backs off: not within the first minute, then it retries.
	w.clock.Add(30 * time.Second)
	s.sweep(context.Background())
	if len(w.posts()) != 0 {
		t.Fatal("retried inside the backoff")
	}
	w.clock.Add(31 * time.Second)
	s.sweep(context.Background())
	if posts := w.posts(); len(posts) != 1 || runKeyOf(posts[0]) != RunKey(nyDigest.Channel, mar09) {
		t.Fatalf("%d posts after the backoff, want 1", len(posts))
	}
	// Before posting again it looked for the first attempt's message.
	if n := len(w.slack.Calls("conversations.history")); n != 1 {
		t.Errorf("%d history lookups, want 1 before the retry", n)
	}
}

func TestOneFailingDigestDoesNotStopOthers(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar09)
	w.ingestAt(mar09.Add(-time.Hour), "A story")
	other := DigestConfig{Channel: "COTHER", TimeZone: "America/New_York"}
	s := w.process(nyDigest, other)
	w.slack.FailNext("chat.postMessage", 1, slacktest.ServerError())
	s.sweep(context.Background())
	posts := w.posts()
	if len(posts) != 1 {
		t.Fatalf("%d posts, want the other channel's", len(posts))
	}
	if !strings.Contains(w.logs.String(), "digest failed") {
		t.Error("the failure was not logged")
	}
}

func TestTwoSchedulersOneStore(t *testing.T) { onEachDB(t, testTwoSchedulersOneStore) }

func testTwoSchedulersOneStore(t *testing.T, db func(testing.TB) string) {
	for round := range 5 {
		w := newWorldOn(t, db(t), mar09)
		w.ingestAt(mar09.Add(-time.Hour), "A story")
		a, b := w.process(nyDigest), w.process(nyDigest)
		start := make(chan struct{})
		var wg sync.WaitGroup
		outcomes := make([]Outcome, 2)
		for i, s := range []*Scheduler{a, b} {
			wg.Go(func() {
				<-start
				rd, _ := Resolve(nyDigest)
				res, err := s.RunDue(context.Background(), rd)
				if err != nil {
					t.Errorf("round %d: %v", round, err)
				}
				outcomes[i] = res.Outcome
			})
		}
		close(start)
		wg.Wait()
		if n := len(w.posts()); n != 1 {
			t.Fatalf("round %d: %d posts from two schedulers, want 1 (outcomes %v)", round, n, outcomes)
		}
		if !slices.Contains(outcomes, Posted) {
			t.Errorf("round %d: outcomes %v, want one posted", round, outcomes)
		}
	}
}

func TestDowntimeAcrossThreePeriods(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar02)
	w.ingestAt(mar02.Add(-time.Hour), "Before the downtime")
	mustRun(t, w.process(nyDigest), nyDigest)
	// Down from just after 2 March to 30 March 10:00 local: the ticks of
	// 9, 16 and 23 March (and 30 March) pass unrun.
	var missed []string
	for i, at := range []time.Time{mar09.Add(-time.Hour), mar16.Add(-time.Hour), mar23.Add(-time.Hour), mar30.Add(-time.Hour)} {
		missed = append(missed, w.ingestAt(at, fmt.Sprintf("Missed week %d", i+1)))
	}
	w.clock.Set(mar30.Add(time.Hour))
	s := w.process(nyDigest)
	res := mustRun(t, s, nyDigest)
	if res.Outcome != Posted || !res.Start.Equal(mar02) || !res.End.Equal(mar30) {
		t.Fatalf("after downtime: %+v, want one digest for [%s, %s)", res, mar02, mar30)
	}
	if res := mustRun(t, s, nyDigest); res.Outcome != UpToDate {
		t.Errorf("second run after downtime: %s", res.Outcome)
	}
	posts := w.posts()
	if len(posts) != 2 {
		t.Fatalf("%d posts, want 2 (before and one catch-up)", len(posts))
	}
	got := w.watermark(nyDigest.Channel).DocIDs
	slices.Sort(got)
	slices.Sort(missed)
	if !slices.Equal(got, missed) {
		t.Errorf("catch-up digest cites %v, want the four missed weeks' documents %v", got, missed)
	}
}

func TestFirstRunWaitsForATick(t *testing.T) {
	t.Parallel()
	// A bot first started on a Thursday does not post last Monday's digest.
	w := newWorld(t, mar09.Add(3*24*time.Hour))
	w.ingestAt(mar09.Add(-time.Hour), "A story")
	s := w.process(nyDigest)
	if res := mustRun(t, s, nyDigest); res.Outcome != UpToDate {
		t.Errorf("first start mid-week: %s, want up to date", res.Outcome)
	}
	// Deployed five minutes after the tick: the week's digest still goes out.
	w.ingestAt(mar16.Add(-time.Hour), "Another story")
	w.clock.Set(mar16.Add(5 * time.Minute))
	if res := mustRun(t, s, nyDigest); res.Outcome != Posted || !res.Start.Equal(mar16.Add(-DefaultFirstSpan)) {
		t.Errorf("first start just after a tick: %+v", res)
	}
}

func TestEmptyWeekPolicy(t *testing.T) {
	t.Parallel()
	t.Run("skip", func(t *testing.T) {
		w := newWorld(t, mar02)
		w.ingestAt(mar02.Add(-time.Hour), "Old story")
		mustRun(t, w.process(nyDigest), nyDigest)
		w.clock.Set(mar09)
		s := w.process(nyDigest)
		if res := mustRun(t, s, nyDigest); res.Outcome != Skipped {
			t.Fatalf("empty week: %s, want skipped", res.Outcome)
		}
		if n := len(w.posts()); n != 1 {
			t.Errorf("%d posts, want none for the empty week", n)
		}
		r := w.watermark(nyDigest.Channel)
		if !r.End.Equal(mar09) || r.MessageTS != "" {
			t.Errorf("watermark %+v: want it moved to %s with no message", r, mar09)
		}
		// The next week covers only itself.
		w.ingestAt(mar16.Add(-time.Hour), "New story")
		w.clock.Set(mar16)
		if res := mustRun(t, s, nyDigest); res.Outcome != Posted || !res.Start.Equal(mar09) || len(res.Digest.Items) != 1 {
			t.Errorf("week after the empty one: %+v", res)
		}
	})
	t.Run("post", func(t *testing.T) {
		w := newWorld(t, mar09)
		d := nyDigest
		d.EmptyWeek = EmptyPost
		res := mustRun(t, w.process(d), d)
		if res.Outcome != Posted || len(res.Digest.Items) != 0 {
			t.Fatalf("empty week: %+v, want a posted note", res)
		}
		posts := w.posts()
		if len(posts) != 1 || !strings.Contains(string(posts[0].Blocks), "Nothing new") {
			t.Errorf("posts %+v: want one 'nothing new' note", posts)
		}
		if r := w.watermark(d.Channel); r.MessageTS != posts[0].TS {
			t.Errorf("watermark %+v", r)
		}
	})
}

func TestDigestCitesOnlyItsWindow(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar02)
	before := w.ingestAt(mar02.Add(-time.Hour), "Last week")
	mustRun(t, w.process(nyDigest), nyDigest)
	w.clock.Set(mar02.Add(48 * time.Hour))
	inside := w.ingest("This week", "Wire", mar02.Add(24*time.Hour), "This week's article has a lead sentence long enough to quote in the digest.")
	undated := w.ingest("Undated", "", time.Time{}, "An undated note that entered the store this week is new to readers all the same.")
	backfill := w.ingest("Archive piece", "Archive", utc("2021-07-07T00:00:00Z"), "A backfilled article from years ago must not flood this week's digest.")
	w.clock.Set(mar09.Add(time.Hour)) // after the window closed
	after := w.ingest("Next week", "Wire", mar09.Add(time.Hour), "An article stored after the tick belongs to the next digest, not this one.")
	res := mustRun(t, w.process(nyDigest), nyDigest)
	got := res.Digest.DocIDs()
	for _, id := range []string{inside, undated} {
		if !slices.Contains(got, id) {
			t.Errorf("digest misses %s", id)
		}
	}
	for _, id := range []string{before, backfill, after} {
		if slices.Contains(got, id) {
			t.Errorf("digest cites %s from outside its window", id)
		}
	}
	if len(got) != 2 {
		t.Errorf("digest cites %d documents, want 2", len(got))
	}
}

func TestPreviewAndPostNow(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar09)
	w.ingestAt(mar09.Add(-time.Hour), "A story")
	s := w.process(nyDigest)
	ctx := context.Background()
	d, err := s.Preview(ctx, nyDigest.Channel)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 1 || d.TimeZone != "America/New_York" || len(w.posts()) != 0 {
		t.Errorf("preview: %d items in %s, %d posts; want 1 item, NY zone, nothing posted", len(d.Items), d.TimeZone, len(w.posts()))
	}
	if _, ok, _ := w.ledger.LastPostedDigest(ctx, nyDigest.Channel); ok {
		t.Error("preview recorded a digest")
	}
	// An unconfigured channel gets the defaults.
	d, err = s.Preview(ctx, "CUNSET")
	if err != nil || d.TimeZone != "UTC" || len(d.Items) != 1 {
		t.Errorf("unconfigured preview: %+v, %v", d, err)
	}
	w.clock.Add(10 * time.Minute)
	ts, err := s.PostNow(ctx, nyDigest.Channel)
	if err != nil || ts == "" {
		t.Fatalf("PostNow = %q, %v", ts, err)
	}
	if r := w.watermark(nyDigest.Channel); r.MessageTS != ts || !r.End.Equal(w.clock.Now()) {
		t.Errorf("PostNow recorded %+v", r)
	}
	if _, err := s.PostNow(ctx, nyDigest.Channel); err == nil {
		t.Error("second PostNow in the same second: want an error")
	}
	// Nothing new since: now posts a "nothing new" note anyway (it was asked for).
	w.clock.Add(time.Minute)
	if _, err := s.PostNow(ctx, nyDigest.Channel); err != nil {
		t.Errorf("PostNow with nothing new: %v", err)
	}
	if n := len(w.posts()); n != 2 {
		t.Errorf("%d posts, want 2", n)
	}
	// The next scheduled tick starts where PostNow ended.
	w.clock.Set(mar16)
	w.ingestAt(mar16.Add(-time.Hour), "Later story")
	if res := mustRun(t, s, nyDigest); res.Outcome != Posted || !res.Start.Equal(mar09.Add(11*time.Minute)) {
		t.Errorf("tick after PostNow: %+v", res)
	}
}

func TestNoPublisher(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar09)
	g, _ := brief.NewDigester(brief.DigesterConfig{Store: w.store})
	s, err := New(Options{Digests: []DigestConfig{nyDigest}, Runs: w.ledger, Composer: g, Now: w.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PostNow(context.Background(), nyDigest.Channel); !errors.Is(err, ErrNoPublisher) {
		t.Errorf("PostNow without Slack: %v", err)
	}
	if _, err := s.Preview(context.Background(), nyDigest.Channel); err != nil {
		t.Errorf("Preview without Slack: %v", err)
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar09)
	g, _ := brief.NewDigester(brief.DigesterConfig{Store: w.store})
	_, err := New(Options{Runs: w.ledger, Composer: g, Digests: []DigestConfig{nyDigest, nyDigest, {Channel: "C2", TimeZone: "Nowhere/Land"}},
		Feeds: FeedConfig{Schedule: "every so often", URLs: []string{"https://example.org/feed"}}})
	for _, want := range []string{"digests[1]", "has a digest already", "digests[2]", "time_zone", "feeds.schedule"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("error %v does not name %q", err, want)
		}
	}
}

// panicky panics on its first digest, then delegates.
type panicky struct {
	once sync.Once
	next Composer
}

func (p *panicky) Digest(ctx context.Context, r brief.DigestRequest) (brief.Digest, error) {
	p.once.Do(func() { panic("composer exploded") })
	return p.next.Digest(ctx, r)
}

func TestStartCatchesUpAndRecoversPanics(t *testing.T) {
	t.Parallel()
	w := newWorld(t, mar02)
	w.ingestAt(mar02.Add(-time.Hour), "Before")
	mustRun(t, w.process(nyDigest), nyDigest)
	w.ingestAt(mar09.Add(-time.Hour), "Missed")
	w.clock.Set(mar09.Add(2 * time.Hour)) // the bot was down at the tick

	st, runs := w.openStore()
	g, _ := brief.NewDigester(brief.DigesterConfig{Store: st})
	pub := slackbot.NewPublisher(slackbot.NewClient(slacktest.BotToken, "", w.slack.APIURL(), nil, nil), nil)
	logs := &syncBuffer{}
	s, err := New(Options{Digests: []DigestConfig{nyDigest}, Runs: runs, Composer: &panicky{next: g}, Publisher: pub, Now: w.clock.Now,
		Log: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	// The catch-up at Start panics inside the composer and is recovered.
	if !logs.waitFor("composer exploded", 5*time.Second) {
		t.Fatalf("panic not recovered and logged: %s", logs.String())
	}
	stopCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := s.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	if n := len(w.posts()); n != 1 {
		t.Fatalf("%d posts after the panic, want only the earlier one", n)
	}
	// Started again (the panic is spent), the catch-up posts the missed week once.
	if err := s.Start(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := w.slack.WaitForPosts(2, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	if err := s.Stop(stopCtx); err != nil {
		t.Fatal(err)
	}
	if r := w.watermark(nyDigest.Channel); !r.End.Equal(mar09) {
		t.Errorf("catch-up recorded %+v, want the period ending %s", r, mar09)
	}
}

// feedPoller reads one feed with the corpus ingester, as cmd/bot does.
type feedPoller struct{ in *corpus.Ingester }

func (p feedPoller) PollFeed(ctx context.Context, url string) (PollCounts, error) {
	var errs []error
	var n PollCounts
	for _, r := range p.in.IngestFeeds(ctx, []string{url}) {
		if r.Feed != "" {
			n.Items++ // an item; the feed's own result has no Feed
		}
		if r.Outcome == corpus.Failed {
			errs = append(errs, fmt.Errorf("%s: %w", r.Input, r.Err))
		}
	}
	return n, errors.Join(errs...)
}

func rss(title string, items ...[3]string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>https://example.org/</link><description>d</description>`, title)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><title>%s</title><link>https://example.org/%s</link><guid>%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			it[0], it[1], it[1], mar09.Add(-5*time.Hour).Format(time.RFC1123Z), it[2])
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func TestPollFeeds(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("The officers patrolled the port district and reported calm streets after a week of clashes. ", 6)
	other := strings.Repeat("Diplomats in New York circulated a draft text that would renew the mandate for a further year. ", 6)
	mux := http.NewServeMux()
	mux.HandleFunc("/one.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Outlet One", [3]string{"Patrols resume in the port district", "one-1", long}))
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	mux.HandleFunc("/panics.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "unused", http.StatusTeapot) })
	mux.HandleFunc("/two.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Outlet Two", [3]string{"Council schedules a vote on the mandate", "two-1", other}))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	w := newWorld(t, mar09.Add(-2*time.Hour))
	in := corpus.NewIngester(w.store, corpus.IngestOptions{Timeout: 5 * time.Second})
	g, _ := brief.NewDigester(brief.DigesterConfig{Store: w.store})
	urls := []string{srv.URL + "/one.xml", srv.URL + "/broken.xml", srv.URL + "/panics.xml", srv.URL + "/two.xml"}
	logs := &syncBuffer{}
	s, err := New(Options{Runs: w.ledger, Composer: g, Poller: panicOn{"panics.xml", feedPoller{in}}, Polls: w.ledger, Now: w.clock.Now,
		Feeds: FeedConfig{Schedule: "*/30 * * * *", URLs: urls}, Log: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	if failed := s.PollFeeds(context.Background()); failed != 2 {
		t.Errorf("%d feeds failed, want 2 (broken, panics)", failed)
	}
	for _, want := range []string{"broken.xml", "panics.xml", "feed poll failed"} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %q: %s", want, logs.String())
		}
	}
	recorded, err := w.ledger.FeedPolls(context.Background(), urls)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"", "502", "panic: poller exploded", ""} {
		if r := recorded[i]; !strings.Contains(r.LastError, want) || (want == "") != (r.LastError == "") || r.LastPoll.IsZero() || (want == "") != (r.Items == 1) {
			t.Errorf("recorded poll of %s: %+v, want error %q and 1 item when it worked", urls[i], r, want)
		}
	}
	docs, err := w.store.Documents(context.Background(), corpus.DocFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
	}
	slices.Sort(titles)
	if want := []string{"Council schedules a vote on the mandate", "Patrols resume in the port district"}; !slices.Equal(titles, want) {
		t.Errorf("stored %q, want both good feeds' items", titles)
	}
	// What the feeds brought in is the next digest's content.
	w.clock.Set(mar09)
	d, err := s.PreviewSince(context.Background(), "CANY", mar09.Add(-DefaultFirstSpan))
	if err != nil || len(d.Items) != 2 {
		t.Errorf("digest after polling: %d items, %v; want 2", len(d.Items), err)
	}
}

// panicOn makes a poller panic for one feed.
type panicOn struct {
	suffix string
	next   FeedPoller
}

func (p panicOn) PollFeed(ctx context.Context, url string) (PollCounts, error) {
	if strings.HasSuffix(url, p.suffix) {
		panic("poller exploded on " + url)
	}
	return p.next.PollFeed(ctx, url)
}
