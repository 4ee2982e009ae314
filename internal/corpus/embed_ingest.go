package corpus

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// DefaultEmbedPause is how long an EmbeddingPutter leaves embedding to the
// background pass after the endpoint failed, so that a run of documents
// does not wait on a dead endpoint once each.
const DefaultEmbedPause = time.Minute

// EmbeddingPutter is a Putter that embeds each document's new passages
// right after the document commits, so an ingester writing through it
// (bot ingest, the feed poller, "/brief add") leaves them searchable by
// meaning at once. Embedding never fails a Put: a document whose passages
// could not be embedded stays searchable lexically, and Backfill (or bot
// reindex --embeddings) embeds them later.
type EmbeddingPutter struct {
	v       *Vectors
	batch   int
	pause   time.Duration
	now     func() time.Time
	mu      sync.Mutex
	until   time.Time   // no embedding on Put before this, after a failure
	failing atomic.Bool // logged once until the endpoint answers again
}

// Putter returns an EmbeddingPutter over v's store, embedding batch
// passages a request (0: 64).
func (v *Vectors) Putter(batch int) *EmbeddingPutter {
	return &EmbeddingPutter{v: v, batch: batch, pause: DefaultEmbedPause, now: time.Now}
}

// Put stores d, then embeds the passages it added or changed.
func (p *EmbeddingPutter) Put(ctx context.Context, d Document) (PutResult, error) {
	pr, err := p.v.Store.Put(ctx, d)
	if err != nil || (pr.Outcome != Added && pr.Outcome != Updated) {
		return pr, err
	}
	p.mu.Lock()
	paused := p.now().Before(p.until)
	p.mu.Unlock()
	if paused {
		return pr, nil
	}
	if _, err := p.v.EmbedDocument(ctx, pr.DocID, p.batch); err != nil {
		if ctx.Err() != nil {
			return pr, nil
		}
		p.mu.Lock()
		p.until = p.now().Add(p.pause)
		p.mu.Unlock()
		if !p.failing.Swap(true) {
			p.v.log.Warn("embedding new passages failed: they are searched lexically until bot serve's background pass or bot reindex --embeddings embeds them",
				"model", p.v.Model(), "doc", pr.DocID, "err", err)
		}
		return pr, nil
	}
	if p.failing.Swap(false) {
		p.v.log.Info("embedding new passages works again", "model", p.v.Model())
	}
	return pr, nil
}

// Document reads a stored document, so a feed polled again through p is
// not fetched anew (see documentGetter).
func (p *EmbeddingPutter) Document(ctx context.Context, id string) (Document, error) {
	return p.v.Store.Document(ctx, id)
}

// Backfill embeds the passages without a vector of the configured model
// (left by a failed endpoint, written by another process, or all of them
// after the model changed) at once and then every interval, until ctx
// ends. A failure is logged once until a pass succeeds.
func (v *Vectors) Backfill(ctx context.Context, batch int, every time.Duration) {
	if every <= 0 {
		every = 2 * time.Minute
	}
	failing := false
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		n, err := v.EmbedMissing(ctx, batch, nil)
		switch {
		case ctx.Err() != nil:
			return
		case err != nil && !failing:
			failing = true
			v.log.Warn("background embedding failed: passages without vectors are searched lexically", "model", v.Model(), "embedded", n, "err", err)
		case err == nil && (n > 0 || failing):
			failing = false
			v.log.Info("background embedding", "model", v.Model(), "embedded", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
