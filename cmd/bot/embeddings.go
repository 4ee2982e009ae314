package main

import (
	"context"
	"fmt"

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
	base := cfg.Embed.BaseURL
	if base == "" {
		base = cfg.LLM.BaseURL
	}
	c, err := embedding.New(embedding.Config{BaseURL: base, APIKey: cfg.Secrets.EmbeddingsKey, Model: cfg.Embed.Model,
		Dimensions: cfg.Embed.Dimensions, Batch: cfg.Embed.Batch, Timeout: cfg.Embed.Timeout, Retries: cfg.Embed.Retries})
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
	missing, err := store.MissingVectors(ctx, cfg.Embed.Model)
	if err != nil {
		return err
	}
	chars, err := store.MissingText(ctx, cfg.Embed.Model)
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
