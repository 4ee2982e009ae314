package main

import (
	"context"
	"fmt"
	"time"

	"github.com/mss-brief/briefbot/internal/brief"
	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
	"github.com/mss-brief/briefbot/internal/embedding"
)

// embedder makes the embeddings client the configuration names, or nil
// when no embeddings model is set (search is then lexical only).
func embedder(cfg config.Config) (*embedding.Client, error) {
	if cfg.Embed.Model == "" {
		return nil, nil
	}
	c, err := embedding.New(embeddingConfig(cfg))
	if err != nil {
		return nil, fmt.Errorf("embeddings (embeddings.model %q): %w", cfg.Embed.Model, err)
	}
	return c, nil
}

// searcher is what answers search: the store, with dense search beside it
// when an embeddings model is configured.
func searcher(e *env, cfg config.Config, store *corpus.Store) (brief.Searcher, error) {
	emb, err := embedder(cfg)
	if err != nil || emb == nil {
		return store, err
	}
	return corpus.NewVectors(store, emb, cfg.Embed.QueryDeadline, e.log), nil
}

// ingestStore is what ingesting writes to: the store, embedding each
// document's new passages after it commits when an embeddings model is
// configured (the ingester then reads stored documents through it too).
func ingestStore(e *env, cfg config.Config, store *corpus.Store) corpus.Putter {
	emb, err := embedder(cfg)
	if err != nil || emb == nil {
		return store // embedder's error, if any, is reported by searcher
	}
	return corpus.NewVectors(store, emb, cfg.Embed.QueryDeadline, e.log).Putter(cfg.Embed.Batch)
}

// backfillVectors starts, when search is dense, the background pass that
// embeds passages without a vector of the configured model (a failed
// endpoint's, or every passage after the model changed). The function it
// returns stops the pass and waits for it, before the store closes.
func backfillVectors(ctx context.Context, search brief.Searcher, cfg config.Config) func() {
	v, ok := search.(*corpus.Vectors)
	if !ok {
		return func() {}
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		v.Backfill(ctx, cfg.Embed.Batch, backfillEvery)
	}()
	return func() { cancel(); <-done }
}

// backfillEvery is how often bot serve looks for passages without vectors.
const backfillEvery = 2 * time.Minute

// vectorCounts returns, per document, how many of its passages have a
// vector of the configured model, or nil when none is configured.
func vectorCounts(ctx context.Context, cfg config.Config, store *corpus.Store) (map[string]int, error) {
	emb, err := embedder(cfg)
	if err != nil || emb == nil {
		return nil, err
	}
	return store.DocVectorCounts(ctx, emb.Model())
}

func cmdReindex(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "reindex", "")
	withEmbeddings := fs.Bool("embeddings", false, "embed every passage that has no vector for the configured embeddings model")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 || !*withEmbeddings {
		return usageError{"bot reindex --embeddings: the lexical index rebuilds itself; only vectors need this command"}
	}
	cfg, store, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()
	emb, err := embedder(cfg)
	if err != nil {
		return err
	}
	if emb == nil {
		return usageError{"no embeddings model: set embeddings.model in the config or EMBEDDINGS_MODEL"}
	}
	v := corpus.NewVectors(store, emb, cfg.Embed.QueryDeadline, e.log)
	missing, err := store.MissingVectors(ctx, emb.Model())
	if err != nil {
		return err
	}
	chars, err := store.MissingText(ctx, emb.Model())
	if err != nil {
		return err
	}
	dims := max(cfg.Embed.Dimensions, 1)
	// A token is about four characters of text; each vector is dims float32s.
	fmt.Fprintf(e.stderr, "%d passages to embed with %s: about %d tokens sent, %.1f MB of vectors stored\n",
		missing, cfg.Embed.Model, chars/4, float64(missing*dims*4)/(1<<20))
	done, err := v.EmbedMissing(ctx, cfg.Embed.Batch, func(n, total int) {
		fmt.Fprintf(e.stderr, "\rembedded %d of %d", n, total)
	})
	fmt.Fprintln(e.stderr)
	if err != nil {
		return fmt.Errorf("after %d passages: %w", done, err)
	}
	fmt.Fprintf(e.stdout, "embedded %d passages with %s\n", done, cfg.Embed.Model)
	return nil
}
