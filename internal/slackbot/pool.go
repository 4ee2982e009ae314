package slackbot

import (
	"context"
	"sync"
)

// pool runs work behind the acknowledgement: a fixed number of workers
// and a bounded queue. When both are full, submit says so at once, so the
// caller can tell the user instead of holding up Slack's ack.
type pool struct {
	jobs    chan func(context.Context)
	ctx     context.Context // cancelled when shutdown runs out of time
	cancel  context.CancelFunc
	mu      sync.RWMutex // guards closed against a send on a closed channel
	closed  bool
	workers sync.WaitGroup
	metrics *metrics
}

func newPool(workers, queue int, m *metrics) *pool {
	ctx, cancel := context.WithCancel(context.Background())
	p := &pool{jobs: make(chan func(context.Context), queue), ctx: ctx, cancel: cancel, metrics: m}
	for range workers {
		p.workers.Go(func() {
			for job := range p.jobs {
				m.queueDepth.Dec()
				m.busyWorkers.Inc()
				job(p.ctx)
				m.busyWorkers.Dec()
			}
		})
	}
	return p
}

// submit queues job; false means the pool is full or shutting down.
func (p *pool) submit(job func(context.Context)) bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	if p.closed {
		return false
	}
	p.metrics.queueDepth.Inc()
	select {
	case p.jobs <- job:
		return true
	default:
		p.metrics.queueDepth.Dec()
		return false
	}
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
