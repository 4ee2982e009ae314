package brief

import (
	"context"

	"github.com/mss-brief/briefbot/internal/lexicon"
)

// A question about nothing the corpus covers ("What is the boiling point
// of water at high altitude?") can still share a word or two with a
// passage ("a water cannon", "the High Court"), enough for the coverage
// gate. It is on the topic when it names the topic (a glossary name),
// names someone or something the corpus holds ("Samuel Kitwai", "El
// Salvador"), or uses a word the corpus is full of ("police", "gangs").

// topicShare is the least share of passages a word must be in to make a
// question on the topic by itself; a question is on it too when a top
// sentence, with the ones beside it, holds specificShare of it ("Did
// schools close after the clashes?" over a report that says so).
const (
	topicShare    = 0.3
	specificShare = 0.5
)

// termCounter counts the passages that hold index terms; *corpus.Store is
// one. Without it every question counts as on the topic.
type termCounter interface {
	Frequencies(ctx context.Context, terms []string) ([]int, int, error)
}

// onTopic reports whether the question is about what the corpus covers.
func (a *Answerer) onTopic(ctx context.Context, r retrieval) bool {
	tc, ok := a.search.(termCounter)
	if !ok || len(r.asked) == 0 {
		return true
	}
	names := map[string]bool{}
	for _, n := range r.an.namedTerms(r.question) {
		names[n] = true
	}
	if windowCoverage(r) >= specificShare {
		return true
	}
	for _, c := range r.asked {
		if c.Glossary {
			return true
		}
		if c.Number || lexicon.IsYear(c.Text) {
			continue // every corpus has numbers
		}
		df, n, err := tc.Frequencies(ctx, append(append([]string(nil), c.Forms...), c.Related...))
		if err != nil || n == 0 {
			return true // cannot tell: let the other gates judge
		}
		for _, d := range df {
			if names[c.Text] && d > 0 || float64(d) >= topicShare*float64(n) {
				return true
			}
		}
	}
	return false
}

// windowCoverage is the largest weighted share of the question that one
// sentence of the top passages holds with the sentences either side.
func windowCoverage(r retrieval) float64 {
	w := askedWeights(r)
	best := 0.0
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		_, bags := r.an.of(h)
		for j := range bags {
			win := bags[max(j-1, 0):min(j+2, len(bags))]
			var total, got float64
			for i, c := range r.asked {
				total += w[i]
				switch {
				case anyHolds(win, c):
					got += w[i]
				case anyRelated(win, c):
					got += relatedShare * w[i]
				}
			}
			if total > 0 && got/total > best {
				best = got / total
			}
		}
	}
	return best
}

// corpusFrequencies returns, for each asked concept, how many passages of
// the corpus hold one of its forms, and how many there are; nil when the
// searcher cannot count.
func (a *Answerer) corpusFrequencies(ctx context.Context, r retrieval) ([]int, int) {
	tc, ok := a.search.(termCounter)
	if !ok {
		return nil, 0
	}
	out := make([]int, len(r.asked))
	total := 0
	for i, c := range r.asked {
		df, n, err := tc.Frequencies(ctx, c.Forms)
		if err != nil || n == 0 {
			return nil, 0
		}
		total = n
		for _, d := range df {
			out[i] = max(out[i], d)
		}
	}
	return out, total
}
