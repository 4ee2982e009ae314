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

// EmbeddingPutter is a Putter that embeds the new passages of the
// documents it stores, so an ingester writing through it (bot ingest, the
// feed poller, "/brief add") leaves them searchable by meaning as it ends.
// Passages are embedded a batch at a time across documents: a feed of a
// hundred one-passage items costs two requests, not a hundred. A batch goes
// out when the documents stored since the last one hold a batch of
// passages, and when the ingester calls Flush at the end of its run.
// Embedding never fails a Put: a document whose passages could not be
// embedded stays searchable lexically, and Backfill (or bot reindex
// --embeddings) embeds them later.
type EmbeddingPutter struct {
	v       *Vectors
	batch   int
	pause   time.Duration
	now     func() time.Time
	mu      sync.Mutex
	until   time.Time   // no embedding on Put before this, after a failure
	failing atomic.Bool // logged once until the endpoint answers again
	pending []string    // documents stored whose passages wait for a batch
	waiting int         // their passages (all of them: an update may change fewer)
}

// Putter returns an EmbeddingPutter over v's store, embedding batch
// passages a request (0: 64).
func (v *Vectors) Putter(batch int) *EmbeddingPutter {
	if batch <= 0 {
		batch = 64
	}
	return &EmbeddingPutter{v: v, batch: batch, pause: DefaultEmbedPause, now: time.Now}
}

// Put stores d, then queues the passages it added or changed for
// embedding, embedding the queue once it holds a batch.
func (p *EmbeddingPutter) Put(ctx context.Context, d Document) (PutResult, error) {
	pr, err := p.v.Store.Put(ctx, d)
	if err != nil || (pr.Outcome != Added && pr.Outcome != Updated) {
		return pr, err
	}
	p.mu.Lock()
	paused := p.now().Before(p.until)
	if !paused {
		p.pending = append(p.pending, pr.DocID)
		p.waiting += max(pr.Passages, 1)
	}
	full := p.waiting >= p.batch
	p.mu.Unlock()
	if full {
		p.Flush(ctx)
	}
	return pr, nil
}

// Flush embeds the passages of the documents stored since the last batch.
// The Ingester calls it when it has stored its inputs' documents (see
// flusher); a failure is logged once, not returned, and pauses embedding
// on Put for a while.
func (p *EmbeddingPutter) Flush(ctx context.Context) {
	p.mu.Lock()
	docs := p.pending
	p.pending, p.waiting = nil, 0
	p.mu.Unlock()
	if len(docs) == 0 || ctx.Err() != nil {
		return // a cancelled run leaves them to the background pass
	}
	if _, err := p.v.EmbedDocuments(ctx, docs, p.batch); err != nil {
		if ctx.Err() != nil {
			return
		}
		p.mu.Lock()
		p.until = p.now().Add(p.pause)
		p.mu.Unlock()
		if !p.failing.Swap(true) {
			p.v.log.Warn("embedding new passages failed: they are searched lexically until bot serve's background pass or bot reindex --embeddings embeds them",
				"model", p.v.Model(), "docs", len(docs), "err", err)
		}
		return
	}
	if p.failing.Swap(false) {
		p.v.log.Info("embedding new passages works again", "model", p.v.Model())
	}
}

// flusher is what a Putter may also offer when it batches work across
// documents (EmbeddingPutter's embeddings): the Ingester calls Flush once
// a run has stored its documents.
type flusher interface {
	Flush(ctx context.Context)
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
