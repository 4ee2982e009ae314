package slackbot

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/mss-brief/briefbot/internal/slacktest"
)

func TestPoolWorkers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		configured int
		model      bool
		procs      int
		want       int
	}{
		{"no model: the cores", 0, false, 2, 2},
		{"no model: fewer if asked", 1, false, 4, 1},
		{"no model: never more than the cores", 8, false, 2, 2},
		{"model on 2 cores: at least 8", 0, true, 2, 8},
		{"model on 3 cores", 0, true, 3, 12},
		{"model on 64 cores: at most 16", 0, true, 64, 16},
		{"model: as configured", 32, true, 2, 32},
		{"no cores reported", 0, false, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := poolWorkers(tt.configured, tt.model, tt.procs); got != tt.want {
				t.Errorf("poolWorkers(%d, %v, %d) = %d, want %d", tt.configured, tt.model, tt.procs, got, tt.want)
			}
		})
	}
}

func testPool(t *testing.T, workers, queue int, maxWait, guess time.Duration, now func() time.Time) *pool {
	t.Helper()
	m, err := newMetrics(prometheus.NewRegistry())
	if err != nil {
		t.Fatal(err)
	}
	p := newPool(workers, queue, maxWait, guess, m)
	if now != nil {
		p.now = now // before any submit: the workers read it after a send
	}
	t.Cleanup(func() { p.close(context.Background()) })
	return p
}

// blocker is a task that holds its worker until released.
type blocker struct {
	started chan struct{}
	release chan struct{}
}

func newBlocker() *blocker {
	return &blocker{started: make(chan struct{}, 1), release: make(chan struct{})}
}

func (b *blocker) run(context.Context) { b.started <- struct{}{}; <-b.release }

// Room is the free workers plus the queue, whether or not the worker
// goroutines have reached their receive yet: a pool just started, with no
// queue, takes its first question instead of calling itself full.
func TestPoolRoomIsCounted(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name           string
		workers, queue int
	}{
		{"one worker, no queue", 1, 0},
		{"two workers, no queue", 2, 0},
		{"one worker, a queue of three", 1, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := testPool(t, tt.workers, tt.queue, 0, time.Second, nil)
			release := make(chan struct{})
			defer close(release)
			hold := func(context.Context) { <-release }
			for i := range tt.workers + tt.queue {
				if !p.submit(hold) {
					t.Fatalf("task %d of %d turned away by a pool that has room", i+1, tt.workers+tt.queue)
				}
			}
			if p.submit(func(context.Context) { t.Error("a task past a full pool ran") }) {
				t.Error("a full pool took another task")
			}
		})
	}
}

func TestPoolQueuesAndSaysWhere(t *testing.T) {
	t.Parallel()
	p := testPool(t, 1, 3, 0, 2*time.Second, nil)
	blk := newBlocker()
	pl, ok := p.submitTask(task{run: blk.run})
	if !ok || pl.ahead != 0 || pl.wait != 0 {
		t.Fatalf("first task: %+v %v, want a free worker", pl, ok)
	}
	<-blk.started
	var ran sync.WaitGroup
	var order []int
	var mu sync.Mutex
	for i, want := range []time.Duration{2 * time.Second, 4 * time.Second, 6 * time.Second} {
		ran.Add(1)
		pl, ok := p.submitTask(task{run: func(context.Context) {
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
			ran.Done()
		}})
		if !ok || pl.ahead != i || pl.wait != want {
			t.Errorf("task %d: %+v %v, want %d ahead and a wait of %v", i, pl, ok, i, want)
		}
		if pl.long() != (want >= longWait) {
			t.Errorf("task %d: long() = %v for a wait of %v", i, pl.long(), want)
		}
	}
	if _, ok := p.submitTask(task{run: func(context.Context) { t.Error("a task past a full queue ran") }}); ok {
		t.Error("a full queue took another task")
	}
	close(blk.release)
	ran.Wait()
	if len(order) != 3 || order[0] != 0 || order[1] != 1 || order[2] != 2 {
		t.Errorf("ran in order %v, want first come first served", order)
	}
}

func TestPoolWaitLimit(t *testing.T) {
	t.Parallel()
	var clock atomic.Int64
	clock.Store(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano())
	now := func() time.Time { return time.Unix(0, clock.Load()) }
	p := testPool(t, 1, 4, time.Minute, time.Second, now)
	blk := newBlocker()
	p.submit(blk.run)
	<-blk.started
	done := make(chan string, 2)
	p.submitTask(task{run: func(context.Context) { done <- "late ran" }, expired: func(context.Context) { done <- "late expired" }})
	clock.Add(int64(2 * time.Minute))
	p.submitTask(task{run: func(context.Context) { done <- "fresh ran" }, expired: func(context.Context) { done <- "fresh expired" }})
	close(blk.release)
	for _, want := range []string{"late expired", "fresh ran"} {
		if got := <-done; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}

func TestPoolLearnsTaskTime(t *testing.T) {
	t.Parallel()
	p := testPool(t, 1, 0, 0, 8*time.Second, nil)
	for range 3 {
		p.observe(0)
	}
	// 8s * (7/8)^3
	if got, want := time.Duration(p.avg.Load()), time.Duration(5359375000); got != want {
		t.Errorf("average after three instant tasks = %v, want %v", got, want)
	}
}

func TestPlaceText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		pl   place
		want string
	}{
		{place{ahead: 11, wait: 20*time.Second + 300*time.Millisecond}, "yours is number 12 in line, and I expect to answer in about 20 seconds."},
		{place{ahead: 99, wait: 150 * time.Second}, "yours is number 100 in line, and I expect to answer in about 3 minutes."},
	}
	for _, tt := range tests {
		if got := placeText(tt.pl); !strings.HasSuffix(got, tt.want) {
			t.Errorf("placeText(%+v) = %q, want it to end %q", tt.pl, got, tt.want)
		}
	}
}

func TestLongWaitTellsThePlace(t *testing.T) {
	t.Parallel()
	g := newGate()
	h := newHarness(t, nil, nil, func(o *Options) {
		o.Answerer = g // no HasModel: sized and timed as a model, about 4s an answer
		o.Settings.Workers, o.Settings.Queue = 1, 4
	})
	ts1 := h.seedQuestion("C1", "U1", mention("first"), "")
	h.event("EvW1", slacktest.AppMention("C1", "U1", mention("first"), ts1, ""), 0)
	g.waitEntered(t)
	ts2 := h.seedQuestion("C1", "U2", mention("second"), "")
	h.event("EvW2", slacktest.AppMention("C1", "U2", mention("second"), ts2, ""), 0)
	eph, err := h.fake.WaitForEphemerals(1, wait)
	if err != nil {
		t.Fatal(err)
	}
	if e := eph[0]; e.User != "U2" || e.ThreadTS != ts2 || !strings.Contains(e.Text, "number 1 in line") {
		t.Errorf("place notice = %+v", e)
	}
	_, ack := h.command(slacktest.SlashCommand{Text: "third", ResponseURL: h.fake.ResponseURL("third")})
	if !strings.Contains(ack.Text, "Looking into") || !strings.Contains(ack.Text, "number 2 in line") {
		t.Errorf("command ack = %q", ack.Text)
	}
	close(g.release)
	if _, err := h.fake.WaitForResponses(1, wait); err != nil {
		t.Fatal(err)
	}
	if _, err := h.fake.WaitForPosts(2, wait); err != nil {
		t.Fatal(err)
	}
	if got := metricValue(h.bot.metrics.busy.WithLabelValues("mention")); got != 0 {
		t.Errorf("busy metric = %v: a queued question was counted as turned away", got)
	}
}
