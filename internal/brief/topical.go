package brief

import (
	"context"
	"slices"

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

// onTopic reports whether the question is about what the corpus covers,
// from the counts corpusCounts took.
func onTopic(r retrieval) bool {
	if r.corpusN == 0 || len(r.asked) == 0 {
		return true // cannot tell: let the other gates judge
	}
	if windowCoverage(r) >= specificShare {
		return true
	}
	names := r.an.namedSet(r.question)
	for i, c := range r.asked {
		if c.Glossary {
			return true
		}
		if c.Number || lexicon.IsYear(c.Text) {
			continue // every corpus has numbers
		}
		if d := r.topicDF[i]; names[c.Text] && d > 0 || float64(d) >= topicShare*float64(r.corpusN) {
			return true
		}
	}
	return namesCorpusOutlet(r)
}

// namesCorpusOutlet reports a question that attributes its answer to an
// outlet whose report a top passage is ("what did the think tank say ...":
// the source line "International Crisis Group" meets "think tank"): a
// reader asking what one of the corpus's own sources said asks of its
// topic, however loosely the rest is worded.
func namesCorpusOutlet(r retrieval) bool {
	named := attribution(r.question)
	if len(named) < 2 {
		return false
	}
	var outlet []lexicon.Concept
	for _, c := range r.asked {
		if slices.Contains(named[1:], c.Text) && !metaHeads[c.Text] && !tellingAuxiliaries[c.Text] {
			outlet = append(outlet, c)
		}
	}
	if len(outlet) == 0 {
		return false
	}
	for _, h := range r.hits[:min(gatePassages, len(r.hits))] {
		if h.Doc.Source == "" {
			continue
		}
		src := r.an.bag(h.Doc.Source, "en")
		if !slices.ContainsFunc(outlet, func(c lexicon.Concept) bool { return !src.meets(c) }) {
			return true
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
			if c, _ := coverage(bags[max(j-1, 0):min(j+2, len(bags))], r.asked, w); c > best {
				best = c
			}
		}
	}
	return best
}

// corpusCounts asks the store, once per question, how many passages of
// the corpus hold each asked concept in one of its forms (corpusDF, for the
// gate's weights) or in its groups too (topicDF, for onTopic), and how
// many passages there are. It leaves them unset when the searcher cannot
// count or the count fails.
func (a *Answerer) corpusCounts(ctx context.Context, r *retrieval) {
	tc, ok := a.search.(termCounter)
	if !ok || len(r.asked) == 0 {
		return
	}
	var terms []string
	spans := make([][3]int, len(r.asked)) // forms from [0] to [1], groups to [2]
	for i, c := range r.asked {
		spans[i][0] = len(terms)
		terms = append(terms, c.Forms...)
		spans[i][1] = len(terms)
		terms = append(terms, c.Related...)
		spans[i][2] = len(terms)
	}
	df, n, err := tc.Frequencies(ctx, terms)
	if err != nil || n == 0 {
		return
	}
	r.corpusN = n
	r.corpusDF, r.topicDF = make([]int, len(r.asked)), make([]int, len(r.asked))
	for i, sp := range spans {
		for j := sp[0]; j < sp[2]; j++ {
			if j < sp[1] {
				r.corpusDF[i] = max(r.corpusDF[i], df[j])
			}
			r.topicDF[i] = max(r.topicDF[i], df[j])
		}
	}
}
