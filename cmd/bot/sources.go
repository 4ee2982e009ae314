package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// sourceDoc is one line of `bot sources --json`.
type sourceDoc struct {
	docJSON
	// ID repeats doc_id under the name this output first had, for readers
	// not yet moved to doc_id.
	ID       string   `json:"id"`
	Origin   string   `json:"origin"`
	Ingested string   `json:"ingested"`
	Lang     string   `json:"lang"`
	Links    []string `json:"links"`
	Vectors  *int     `json:"vectors,omitempty"` // passages with a vector of the configured embeddings model; absent without one
}

func cmdSources(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "sources", "")
	asJSON := fs.Bool("json", false, "print a JSON array of documents")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q: sources takes only flags", rest[0])}
	}
	cfg, store, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()
	docs, err := store.Documents(ctx, corpus.DocFilter{})
	if err != nil {
		return err
	}
	if *asJSON {
		vecs, err := vectorCounts(ctx, cfg, store)
		if err != nil {
			return err
		}
		return writeSourcesJSON(e.stdout, docs, vecs)
	}
	writeSources(e.stdout, docs)
	return nil
}

func writeSourcesJSON(w io.Writer, docs []corpus.Document, vecs map[string]int) error {
	out := make([]sourceDoc, 0, len(docs))
	for _, d := range docs {
		links := d.Links
		if links == nil {
			links = []string{}
		}
		out = append(out, sourceDoc{docJSON: newDocJSON(d.ID, d.Title, d.Source, d.URL, d.Published), ID: d.ID, Origin: d.Origin,
			Ingested: d.Ingested.UTC().Format(time.RFC3339), Lang: d.Lang, Links: links})
		if vecs != nil {
			n := vecs[d.ID]
			out[len(out)-1].Vectors = &n
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func writeSources(w io.Writer, docs []corpus.Document) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tPUBLISHED\tSOURCE\tTITLE\tLINK")
	for _, d := range docs {
		published := "-"
		if !d.Published.IsZero() {
			published = d.Published.Format(time.DateOnly)
		}
		source := d.Source
		if source == "" {
			source = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.ID, published, shorten(source, 24), shorten(d.Title, 60), docLink(d))
	}
	tw.Flush()
	fmt.Fprintf(w, "%d documents\n", len(docs))
}
