package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// searchHit is one line of `bot search --json`; other tools rely on these
// field names.
type searchHit struct {
	docJSON
	Text      string  `json:"text"`
	Score     float64 `json:"score"`
	PassageID int64   `json:"passage_id"`
	Origin    string  `json:"origin"`
}

func cmdSearch(ctx context.Context, e *env, args []string) error {
	fs, c := newFlags(e, "search", "QUERY")
	asJSON := fs.Bool("json", false, "print a JSON array of hits, best first")
	k := fs.Int("k", corpus.DefaultK, "how many passages to show (1 to 100)")
	since := fs.String("since", "", "only documents published on or after this `date` (YYYY-MM-DD)")
	source := fs.String("source", "", "only documents from this `source` (case-insensitive)")
	words, err := parseFlags(fs, args)
	if err != nil {
		return flagError(err)
	}
	q := corpus.Query{Text: strings.TrimSpace(strings.Join(words, " ")), K: *k, Source: strings.TrimSpace(*source)}
	if q.Text == "" {
		return usageError{"give a query, e.g. bot search \"who leads the mission?\""}
	}
	if *k < 1 || *k > 100 {
		return usageError{fmt.Sprintf("-k %d is outside 1 to 100", *k)}
	}
	if *since != "" {
		t, err := time.Parse(time.DateOnly, *since)
		if err != nil {
			return usageError{fmt.Sprintf("--since %q is not a YYYY-MM-DD date", *since)}
		}
		q.Since = t
	}
	_, store, err := c.open(ctx, e)
	if err != nil {
		return err
	}
	defer store.Close()
	hits, err := store.Search(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeHitsJSON(e.stdout, hits)
	}
	writeHits(e.stdout, q.Text, hits)
	return nil
}

func writeHitsJSON(w io.Writer, hits []corpus.Hit) error {
	out := make([]searchHit, 0, len(hits))
	for _, h := range hits {
		out = append(out, searchHit{docJSON: newDocJSON(h.DocID, h.Doc.Title, h.Doc.Source, h.Doc.URL, h.Doc.Published), Text: h.Text, Score: h.Score, PassageID: h.ID, Origin: h.Doc.Origin})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// excerptWords is how much of a passage the readable list shows.
const excerptWords = 60

func writeHits(w io.Writer, query string, hits []corpus.Hit) {
	if len(hits) == 0 {
		fmt.Fprintf(w, "No passage matches %q.\n", query)
		return
	}
	for i, h := range hits {
		fmt.Fprintf(w, "%d. %s  [score %.2f]\n", i+1, h.Doc.Title, h.Score)
		var meta []string
		if h.Doc.Source != "" {
			meta = append(meta, h.Doc.Source)
		}
		if !h.Doc.Published.IsZero() {
			meta = append(meta, h.Doc.Published.Format(time.DateOnly))
		}
		if link := docLink(h.Doc); link != "" {
			meta = append(meta, link)
		}
		if len(meta) > 0 {
			fmt.Fprintf(w, "   %s\n", strings.Join(meta, " · "))
		}
		fmt.Fprintf(w, "   %s\n\n", excerpt(h.Text, excerptWords))
	}
}

// docLink is where a reader can find the document: its URL, else where it
// was read from.
func docLink(d corpus.Document) string {
	if d.URL != "" {
		return d.URL
	}
	return d.Origin
}

func excerpt(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + " …"
}
