package slackbot

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Pool sizing. Without a model an answer is retrieval, pure CPU, so more
// workers than cores only slow each other and the acknowledgements down;
// with a remote model a worker mostly waits on the network, so more of
// them keep the model busy. Bursts wait in the queue instead of being
// turned away.
const (
	minModelWorkers = 8
	maxModelWorkers = 16
	// longWait is the expected wait past which the asker is told their
	// place in line.
	longWait = 3 * time.Second
	// Guesses of an answer's time until the pool has timed one.
	guessModelAnswer    = 4 * time.Second
	guessExtractiveTurn = 200 * time.Millisecond
)

// poolWorkers is the one place the number of workers is decided:
// configured (slack.workers > 0) or sized for the work, and never more than
// the cores when answering is CPU-bound.
func poolWorkers(configured int, hasModel bool, procs int) int {
	procs = max(1, procs)
	if !hasModel {
		if configured > 0 && configured < procs {
			return configured
		}
		return procs
	}
	if configured > 0 {
		return configured
	}
	return min(maxModelWorkers, max(minModelWorkers, 4*procs))
}

// task is one piece of work for the pool. expired, when set, runs instead
// of run for a task that waited longer than the pool's wait limit, to tell
// the asker rather than answer long after they gave up.
type task struct {
	run     func(context.Context)
	expired func(context.Context)
	queued  time.Time
}

// place is where a submitted task stands: how many tasks are ahead of it
// and about how long until a worker takes it.
type place struct {
	ahead int
	wait  time.Duration
}

// long reports whether the wait is worth telling the asker about.
func (pl place) long() bool { return pl.wait >= longWait }

// pool runs work behind the acknowledgement: a fixed number of workers and
// a bounded queue. Work waits in the queue for up to maxWait; only a full
// queue turns work away at once, so the caller can tell the user instead
// of holding up Slack's ack.
//
// Whether there is room is counted (held against limit), not read from
// the channel: an unbuffered send succeeds only while a worker is parked
// in its receive, so with no queue a worker that has not started yet, or
// is between two tasks, would turn work away while it is free.
type pool struct {
	jobs    chan task // room for limit tasks: an admitted send never blocks
	size    int
	limit   int64         // workers plus queue: the tasks held at once
	maxWait time.Duration // 0: no limit
	now     func() time.Time
	ctx     context.Context // cancelled when shutdown runs out of time
	cancel  context.CancelFunc
	mu      sync.RWMutex // guards closed against a send on a closed channel
	closed  bool
	workers sync.WaitGroup
	metrics *metrics

	held    atomic.Int64 // tasks admitted and not yet finished
	waiting atomic.Int64 // tasks submitted and not yet taken by a worker
	running atomic.Int64 // tasks a worker is on
	avg     atomic.Int64 // moving average of a task's time, in ns
}

func newPool(workers, queue int, maxWait, guess time.Duration, m *metrics) *pool {
	ctx, cancel := context.WithCancel(context.Background())
	size := max(1, workers)
	limit := size + max(0, queue)
	p := &pool{jobs: make(chan task, limit), size: size, limit: int64(limit), maxWait: maxWait,
		now: time.Now, ctx: ctx, cancel: cancel, metrics: m}
	p.avg.Store(int64(guess))
	for range p.size {
		p.workers.Go(p.work)
	}
	return p
}

func (p *pool) work() {
	for t := range p.jobs {
		p.waiting.Add(-1)
		p.running.Add(1)
		// Busy before out of the queue: a task taken is never in neither
		// gauge, so a reader of both (a scrape, the tests' idle) never sees
		// an idle pool while a task passes from the queue to a worker.
		p.metrics.busyWorkers.Inc()
		p.metrics.queueDepth.Dec()
		start := p.now()
		if t.expired != nil && p.maxWait > 0 && start.Sub(t.queued) > p.maxWait {
			t.expired(p.ctx)
		} else {
			t.run(p.ctx)
			p.observe(p.now().Sub(start))
		}
		p.metrics.busyWorkers.Dec()
		p.running.Add(-1)
		p.held.Add(-1)
	}
}

// reserve takes room for one task, or reports that the workers and the
// queue are all taken. A compare-and-swap rather than add-then-undo, so
// that submitters turned away at once do not crowd out one that fits.
func (p *pool) reserve() bool {
	for {
		n := p.held.Load()
		if n >= p.limit {
			return false
		}
		if p.held.CompareAndSwap(n, n+1) {
			return true
		}
	}
}

// observe folds a task's time into the average (weight 1/8: recent enough
// to follow a slow model, steady enough to ignore one odd answer).
func (p *pool) observe(d time.Duration) {
	for {
		old := p.avg.Load()
		next := old + (int64(d)-old)/8
		if p.avg.CompareAndSwap(old, next) {
			return
		}
	}
}

// submit queues job with no wait limit; false means the queue is full or
// the pool is shutting down.
func (p *pool) submit(job func(context.Context)) bool {
	_, ok := p.submitTask(task{run: job})
	return ok
}

// submitTask queues t and says where it stands; false means the queue is
// full or the pool is shutting down.
func (p *pool) submitTask(t task) (place, bool) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed || !p.reserve() {
		return place{}, false
	}
	t.queued = p.now()
	ahead := int(p.waiting.Add(1)) - 1
	running := int(p.running.Load())
	p.metrics.queueDepth.Inc()
	p.jobs <- t // never blocks: held counts every task in the channel, and the channel has room for limit
	return p.estimate(ahead, running), true
}

// estimate guesses the wait of a task with ahead tasks before it while
// running workers are busy: free workers take the first ones at once, then
// each round of size tasks takes about one average task time.
func (p *pool) estimate(ahead, running int) place {
	free := p.size - running
	if ahead < free {
		return place{ahead: ahead}
	}
	rounds := (ahead-free)/p.size + 1
	return place{ahead: ahead, wait: time.Duration(rounds) * time.Duration(p.avg.Load())}
}

// close stops taking work and waits for the queue to drain. When ctx ends
// first, the work still running is cancelled and waited for; close then
// reports false.
func (p *pool) close(ctx context.Context) bool {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.jobs)
	}
	p.mu.Unlock()
	done := make(chan struct{})
	go func() { p.workers.Wait(); close(done) }()
	select {
	case <-done:
		p.cancel()
		return true
	case <-ctx.Done():
		p.cancel()
		<-done
		return false
	}
}

// procs is how many goroutines can run at once here.
func procs() int { return runtime.GOMAXPROCS(0) }
