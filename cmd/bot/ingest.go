package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"strings"

	"github.com/schollz/progressbar/v3"

	"github.com/mss-brief/briefbot/internal/config"
	"github.com/mss-brief/briefbot/internal/corpus"
)

// progressMin is the number of inputs above which a terminal gets a
// progress bar; a handful finish before a bar would tell anything.
const progressMin = 5

func cmdIngest(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "ingest", "PATH|URL... | --feed URL...")
	feeds := fs.Bool("feed", false, "the arguments are RSS/Atom feeds: each item becomes a document")
	inputs, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(inputs) == 0 {
		return usageError{"name at least one file, folder or http(s) URL to ingest (or --feed and a feed URL)"}
	}
	cfg, store, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()

	bar := &ingestProgress{w: e.stderr, enabled: e.isTerminal}
	in := corpus.NewIngester(ingestStore(e, cfg, store), ingestOptions(cfg.Ingest, bar.update))
	var results []corpus.IngestResult
	if *feeds {
		results = in.IngestFeeds(ctx, inputs)
	} else {
		results = in.Ingest(ctx, inputs)
	}
	bar.finish()
	counts := printIngestSummary(e.stdout, results)
	if counts[corpus.Failed] > 0 && counts[corpus.Failed] == len(results) {
		return fmt.Errorf("nothing was ingested: every input failed")
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("interrupted: %w", err)
	}
	return nil
}

// ingestOptions carries the configured limits into the corpus package,
// which does not know the configuration.
func ingestOptions(c config.Ingest, progress func(done, total int, current string)) corpus.IngestOptions {
	opts := corpus.IngestOptions{
		MaxBytes:     c.MaxBytes,
		Timeout:      c.Timeout,
		MaxRedirects: c.MaxRedirects,
		UserAgent:    c.UserAgent,
		Progress:     progress,
	}
	if p, err := exec.LookPath("pdftotext"); err == nil {
		opts.PDFToText = p // poppler reads PDFs better than the pure Go fallback
	}
	return opts
}

// ingestProgress draws a bar on a terminal once there are more than a few
// inputs; elsewhere it stays silent so output can be piped.
type ingestProgress struct {
	w       io.Writer
	enabled bool
	bar     *progressbar.ProgressBar
}

func (p *ingestProgress) update(done, total int, current string) {
	if !p.enabled || total <= progressMin {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionSetDescription("ingesting"),
		)
	}
	if p.bar.GetMax() != total {
		p.bar.ChangeMax(total)
	}
	p.bar.Describe(shortenLeft(current, 40))
	_ = p.bar.Set(done)
}

func (p *ingestProgress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}

// printIngestSummary writes a line per input that changed something or
// went wrong (unchanged inputs are only counted), then the counts.
func printIngestSummary(w io.Writer, results []corpus.IngestResult) map[corpus.PutOutcome]int {
	counts := map[corpus.PutOutcome]int{}
	for _, r := range results {
		counts[r.Outcome]++
		switch r.Outcome {
		case corpus.Added, corpus.Updated:
			fmt.Fprintf(w, "%-9s %s  (%s, id %s)  %s\n", r.Outcome, r.Title, plural(r.Passages, "passage"), r.DocID, r.Input)
		case corpus.Unchanged:
			if r.Duplicate != "" && r.Duplicate != r.DocID {
				fmt.Fprintf(w, "%-9s %s  (same text as document %s)\n", "duplicate", r.Input, r.Duplicate)
			}
		case corpus.Failed, corpus.Skipped:
			fmt.Fprintf(w, "%-9s %s: %v\n", r.Outcome, r.Input, r.Err)
		}
		for _, warn := range r.Warnings {
			fmt.Fprintf(w, "%-9s %s: %s\n", "warning", r.Input, warn)
		}
	}
	fmt.Fprintf(w, "%d added, %d updated, %d unchanged, %d skipped, %d failed\n",
		counts[corpus.Added], counts[corpus.Updated], counts[corpus.Unchanged], counts[corpus.Skipped], counts[corpus.Failed])
	return counts
}

// flagError makes a bad flag a usage error (exit code 2); -h stays help.
func flagError(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return usageError{err.Error()}
}

// shorten cuts s to at most n runes, marking the cut.
func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// shortenLeft keeps the end of s (a file name, the last part of a URL).
func shortenLeft(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return "…" + string(r[len(r)-n+1:])
}
