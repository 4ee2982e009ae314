package brief

import (
	"context"
	"strings"

	"github.com/mss-brief/briefbot/internal/corpus"
)

// retrieval is what one question found in the corpus.
type retrieval struct {
	question string       // as asked, trimmed
	query    string       // the text sent to the store
	concepts []string     // what the question asks about, one term per stem
	hits     []corpus.Hit // best first
	an       *analysis    // their sentences
}

// Retrieve returns the k passages an answer to req would draw on (k <= 0:
// the configured K), for evaluation and debugging.
func (a *Answerer) Retrieve(ctx context.Context, req Request, k int) ([]corpus.Hit, error) {
	if k <= 0 {
		k = a.cfg.K
	}
	r, err := a.retrieveK(ctx, req, k)
	return r.hits, err
}

func (a *Answerer) retrieve(ctx context.Context, req Request) (retrieval, error) {
	return a.retrieveK(ctx, req, a.cfg.K)
}

func (a *Answerer) retrieveK(ctx context.Context, req Request, k int) (retrieval, error) {
	q := strings.TrimSpace(req.Question)
	r := retrieval{question: q, an: newAnalysis()}
	asked := q
	if prev := lastUserTurn(req.History); prev != "" && isFollowUp(q) {
		// "and who pays for it?" means little alone: the turn before says
		// what "it" is.
		asked = q + " " + prev
	}
	r.concepts = concepts(asked)
	recent := asked
	for _, t := range lastTurns(req.History, 2) {
		recent += " \n " + t.Text
	}
	r.query = asked
	queries := []string{asked}
	if extra := widenAliases(recent, a.cfg.Aliases); len(extra) > 0 {
		// Commas keep alias names from pairing into phrases with the question.
		r.query = asked + " , " + strings.Join(extra, " , ")
		queries = append(queries, r.query)
	}
	// The widened query finds passages that use another name, but its
	// extra names can outweigh the question's own words, so its hits are
	// interleaved after the plain query's rather than replacing them.
	search := func(docIDs []string) ([]corpus.Hit, error) {
		var lists [][]corpus.Hit
		for _, text := range queries {
			hits, err := a.search.Search(ctx, corpus.Query{Text: text, K: k, DocIDs: docIDs})
			if err != nil {
				return nil, err
			}
			lists = append(lists, hits)
		}
		return interleave(lists, k), nil
	}
	var preferred []corpus.Hit
	if len(req.PreferDocs) > 0 {
		var err error
		if preferred, err = search(req.PreferDocs); err != nil {
			return r, err
		}
	}
	hits, err := search(nil)
	if err != nil {
		return r, err
	}
	r.hits = mergeHits(preferred, hits, k)
	return r, nil
}

// interleave takes hits from each list in turn, first list first, without
// repeating a passage, up to k.
func interleave(lists [][]corpus.Hit, k int) []corpus.Hit {
	if len(lists) == 1 {
		return lists[0]
	}
	seen := map[int64]bool{}
	var out []corpus.Hit
	for i := 0; len(out) < k; i++ {
		more := false
		for _, l := range lists {
			if i >= len(l) {
				continue
			}
			more = true
			if h := l[i]; !seen[h.ID] && len(out) < k {
				seen[h.ID] = true
				out = append(out, h)
			}
		}
		if !more {
			break
		}
	}
	return out
}

// mergeHits puts the preferred hits first, then the others not already
// there, up to k.
func mergeHits(preferred, others []corpus.Hit, k int) []corpus.Hit {
	seen := map[int64]bool{}
	out := make([]corpus.Hit, 0, k)
	for _, list := range [][]corpus.Hit{preferred, others} {
		for _, h := range list {
			if len(out) == k {
				return out
			}
			if !seen[h.ID] {
				seen[h.ID] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// widenAliases returns the other names of every alias group that text
// mentions by one of its names.
func widenAliases(text string, groups [][]string) []string {
	terms := corpus.Terms(text)
	var out []string
	for _, g := range groups {
		mentioned := map[int]bool{}
		for i, alias := range g {
			if containsPhrase(terms, corpus.Terms(alias)) {
				mentioned[i] = true
			}
		}
		if len(mentioned) == 0 {
			continue
		}
		for i, alias := range g {
			if !mentioned[i] {
				out = append(out, alias)
			}
		}
	}
	return out
}

// isFollowUp reports whether a question leans on the turn before it: it is
// short, or starts with a word that continues a conversation, or points
// back with a pronoun.
func isFollowUp(q string) bool {
	if len(contentTerms(q)) < 3 {
		return true
	}
	words := corpus.Terms(q)
	if len(words) > 0 {
		switch words[0] {
		case "and", "but", "also", "so", "then", "et", "mais", "y", "pero":
			return true
		}
	}
	for _, w := range words {
		switch w {
		case "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "this", "these", "those":
			return true
		}
	}
	return false
}

func lastUserTurn(history []Turn) string {
	for i := len(history) - 1; i >= 0; i-- {
		if history[i].Role != "assistant" && strings.TrimSpace(history[i].Text) != "" {
			return strings.TrimSpace(history[i].Text)
		}
	}
	return ""
}

func lastTurns(history []Turn, n int) []Turn {
	if len(history) > n {
		return history[len(history)-n:]
	}
	return history
}
