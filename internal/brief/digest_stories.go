package brief

import (
	"sort"
	"strings"
	"time"

	"github.com/mss-brief/briefbot/internal/document"
	"github.com/mss-brief/briefbot/internal/lexicon"
)

// Story grouping: articles about the same event from several outlets share
// the names, places, numbers and verbs of their title and opening lines, even
// when worded differently. Jaccard similarity over those content terms,
// lightly stemmed, with the words that name the topic itself removed (every
// article says "Haiti" and "Kenya"), separates them from unrelated articles.
// Average-link clustering keeps one loose pair from chaining two stories.

// DefaultStoryThreshold is the Jaccard similarity at or above which two
// groups of articles are one story. Tuned on the fixtures of
// digest_fixtures_test.go: one event told by three outlets in their own
// words scores 0.24 to 0.30 pairwise, unrelated articles on the same topic
// 0.00 to 0.07.
const DefaultStoryThreshold = 0.15

// storyLeadWords is how much of an article's opening text counts besides
// its title: the lead carries the event, later paragraphs drift to background.
const storyLeadWords = 60

// storyMaxGap is how far apart two dated articles may be published and still
// be one story: outlets report an event within a day or two; a follow-up a
// week later is news of its own.
const storyMaxGap = 3 * 24 * time.Hour

// storyDoc is a document prepared for grouping.
type storyDoc struct {
	doc     document.Document
	lead    []string // lead sentences, for summaries and quotes
	opening string   // the first words of the text, for the model
	terms   map[string]bool
}

// storyTerms returns the distinct content stems of text (the shared
// lexicon's): no stop words, no single letters, no terms in common (the
// topic's own names).
func storyTerms(text string, common map[string]bool) map[string]bool {
	out := map[string]bool{}
	for t := range lexicon.StemBag(text, lexicon.English) {
		if len([]rune(t)) < 2 || common[t] {
			continue
		}
		out[t] = true
	}
	return out
}

// topicTerms are the stems that name the topic (its name and aliases): they
// appear in nearly every document and say nothing about which event it is.
func topicTerms(names ...string) map[string]bool {
	common := map[string]bool{}
	for t := range storyTerms(strings.Join(names, " "), nil) {
		common[t] = true
	}
	return common
}

// storyJaccard is |a ∩ b| / |a ∪ b|.
func storyJaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// storySimilarity is the Jaccard similarity of two articles, zero when both
// are dated and too far apart to report one event.
func storySimilarity(a, b *storyDoc) float64 {
	pa, pb := a.doc.Published, b.doc.Published
	if !pa.IsZero() && !pb.IsZero() {
		gap := pa.Sub(pb)
		if gap < 0 {
			gap = -gap
		}
		if gap > storyMaxGap {
			return 0
		}
	}
	return storyJaccard(a.terms, b.terms)
}

// groupStories clusters docs (average link) and returns the groups as
// indices into docs, each group in input order, groups in order of their
// first member.
func groupStories(docs []*storyDoc, threshold float64) [][]int {
	n := len(docs)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := storySimilarity(docs[i], docs[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	// clusters[i] is nil once merged away; sim holds average-link
	// similarities between live clusters (Lance-Williams update).
	clusters := make([][]int, n)
	for i := range clusters {
		clusters[i] = []int{i}
	}
	for {
		bi, bj, best := -1, -1, -1.0
		for i := 0; i < n; i++ {
			if clusters[i] == nil {
				continue
			}
			for j := i + 1; j < n; j++ {
				if clusters[j] != nil && sim[i][j] > best {
					bi, bj, best = i, j, sim[i][j]
				}
			}
		}
		if bi < 0 || best < threshold {
			break
		}
		ni, nj := float64(len(clusters[bi])), float64(len(clusters[bj]))
		for k := 0; k < n; k++ {
			if clusters[k] == nil || k == bi || k == bj {
				continue
			}
			s := (ni*sim[bi][k] + nj*sim[bj][k]) / (ni + nj)
			sim[bi][k], sim[k][bi] = s, s
		}
		clusters[bi] = append(clusters[bi], clusters[bj]...)
		clusters[bj] = nil
	}
	var out [][]int
	for _, c := range clusters {
		if c != nil {
			sort.Ints(c)
			out = append(out, c)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}
